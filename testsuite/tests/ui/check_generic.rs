use layoutscope::Layout;

#[derive(Layout)]
#[layout(max_size = 16)]
struct Slot<T> {
    value: T,
    used: bool,
}

// Post-monomorphization: the check runs when this instance's layout is evaluated.
const _: usize = Slot::<u32>::LAYOUT.size;
const _: usize = Slot::<[u64; 4]>::LAYOUT.size;

fn main() {}
