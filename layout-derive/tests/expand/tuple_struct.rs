pub struct Pair(pub u8, pub u64);
