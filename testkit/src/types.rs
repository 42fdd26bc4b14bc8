//! Field types: what the generator knows about each ([`Ty`]), so that it only writes
//! programs rustc accepts, and the pools it draws them from.

/// A type usable as a field or generic argument.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ty {
    /// As written in source.
    pub src: String,
    /// As rustc prints it (`std::option::Option<u32>` for `Option<u32>`).
    pub rustc: String,
    /// Implements `Copy` (union fields must; so must `repr(packed)` fields of a type that
    /// derives `Debug` or `PartialEq`).
    pub copy: bool,
    /// Zero-sized.
    pub zst: bool,
    /// Aligned to 1 byte (the zero-sized fields of `repr(transparent)` must be).
    pub align1: bool,
    /// Contains a `repr(align)` type, which a `repr(packed)` type may not.
    pub has_align: bool,
    /// Contains a `repr(C)` type, an enum or a std type with private fields, which rustc
    /// denies in the zero-sized fields of `repr(transparent)` (they need not stay zero-sized
    /// everywhere).
    pub impure: bool,
    /// Implements `Debug`, `Clone` and `PartialEq`.
    pub trio: bool,
    /// Has no `Layout` impl: a field of this type needs `#[layout(opaque)]`.
    pub opaque: bool,
    /// How many generated types deep it nests (0: none).
    pub depth: usize,
}

/// What a field type must satisfy in its container.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Need {
    /// `Copy`.
    pub copy: bool,
    /// No `repr(align)` inside.
    pub no_align: bool,
    /// `Debug`, `Clone` and `PartialEq`.
    pub trio: bool,
    /// A `Layout` impl (generic arguments, which no attribute can mark opaque).
    pub layout: bool,
    /// Not zero-sized.
    pub sized: bool,
}

impl Ty {
    /// A type of one of the pools below.
    pub fn atom(&(src, rustc, flags): &Atom) -> Ty {
        Ty {
            src: src.to_owned(),
            rustc: rustc.to_owned(),
            copy: flags & COPY != 0,
            zst: flags & ZST != 0,
            align1: flags & ALIGN1 != 0,
            has_align: false,
            impure: flags & STD != 0,
            trio: flags & TRIO != 0,
            opaque: false,
            depth: 0,
        }
    }

    /// Whether it may stand where `need` applies.
    pub fn fits(&self, need: Need) -> bool {
        (!need.copy || self.copy)
            && (!need.no_align || !self.has_align)
            && (!need.trio || self.trio)
            && (!need.layout || !self.opaque)
            && (!need.sized || !self.zst)
    }

    /// `wrap` around this type (`Option<{}>`), as written and as rustc prints it
    /// (`std::option::Option<{}>`); the other properties are the caller's.
    pub fn wrapped(&self, src: &str, rustc: &str) -> Ty {
        Ty {
            src: src.replace("{}", &self.src),
            rustc: rustc.replace("{}", &self.rustc),
            ..self.clone()
        }
    }
}

/// A pool entry: `(source, rustc's name, flags)`.
pub type Atom = (&'static str, &'static str, u8);

/// Implements `Copy`.
pub const COPY: u8 = 1;
/// Zero-sized.
pub const ZST: u8 = 2;
/// 1-aligned.
pub const ALIGN1: u8 = 4;
/// A std type with private fields (see [`Ty::impure`]).
pub const STD: u8 = 8;
/// Implements `Debug`, `Clone` and `PartialEq`.
pub const TRIO: u8 = 16;

const C: u8 = COPY | TRIO;

/// Scalars, pointers, std wrappers and collections.
pub const ATOMS: &[Atom] = &[
    ("u8", "u8", C | ALIGN1),
    ("u16", "u16", C),
    ("u32", "u32", C),
    ("u64", "u64", C),
    ("u128", "u128", C),
    ("usize", "usize", C),
    ("i8", "i8", C | ALIGN1),
    ("i16", "i16", C),
    ("i32", "i32", C),
    ("i64", "i64", C),
    ("i128", "i128", C),
    ("isize", "isize", C),
    ("f32", "f32", C),
    ("f64", "f64", C),
    ("bool", "bool", C | ALIGN1),
    ("char", "char", C),
    ("()", "()", C | ZST | ALIGN1),
    ("[u8; 3]", "[u8; 3]", C | ALIGN1),
    ("[u16; 0]", "[u16; 0]", C | ZST),
    ("[bool; 2]", "[bool; 2]", C | ALIGN1),
    ("&'static u8", "&u8", C),
    ("&'static str", "&str", C),
    ("&'static [u8]", "&[u8]", C),
    ("&'static dyn Fn()", "&dyn std::ops::Fn()", COPY | STD),
    ("*const u8", "*const u8", C),
    ("Box<u32>", "std::boxed::Box<u32>", TRIO | STD),
    ("Box<[u8]>", "std::boxed::Box<[u8]>", TRIO | STD),
    ("Vec<u8>", "std::vec::Vec<u8>", TRIO | STD),
    ("String", "std::string::String", TRIO | STD),
    ("Option<u32>", "std::option::Option<u32>", C | STD),
    (
        "Option<bool>",
        "std::option::Option<bool>",
        C | ALIGN1 | STD,
    ),
    ("Option<&'static u8>", "std::option::Option<&u8>", C | STD),
    (
        "Option<Box<u8>>",
        "std::option::Option<std::boxed::Box<u8>>",
        TRIO | STD,
    ),
    ("Option<char>", "std::option::Option<char>", C | STD),
    (
        "Option<core::cmp::Ordering>",
        "std::option::Option<std::cmp::Ordering>",
        C | ALIGN1 | STD,
    ),
    (
        "Option<Option<bool>>",
        "std::option::Option<std::option::Option<bool>>",
        C | ALIGN1 | STD,
    ),
    (
        "core::num::NonZeroU8",
        "std::num::NonZero<u8>",
        C | ALIGN1 | STD,
    ),
    ("core::num::NonZeroU32", "std::num::NonZero<u32>", C | STD),
    ("core::num::NonZeroU64", "std::num::NonZero<u64>", C | STD),
    ("core::ptr::NonNull<u8>", "std::ptr::NonNull<u8>", C | STD),
    (
        "core::marker::PhantomData<u8>",
        "std::marker::PhantomData<u8>",
        C | ZST | ALIGN1,
    ),
    (
        "core::cmp::Ordering",
        "std::cmp::Ordering",
        C | ALIGN1 | STD,
    ),
    (
        "core::mem::ManuallyDrop<bool>",
        "std::mem::ManuallyDrop<bool>",
        C | ALIGN1 | STD,
    ),
    (
        "core::num::Wrapping<u16>",
        "std::num::Wrapping<u16>",
        C | STD,
    ),
    (
        "core::mem::MaybeUninit<u64>",
        "std::mem::MaybeUninit<u64>",
        COPY | STD,
    ),
    (
        "core::cell::Cell<bool>",
        "std::cell::Cell<bool>",
        TRIO | ALIGN1 | STD,
    ),
    ("core::time::Duration", "std::time::Duration", C | STD),
    ("fn(u8) -> u8", "fn(u8) -> u8", C),
];

/// Element types of generated arrays, tuples and `Option`s: a mix with and without niches.
pub const ELEMS: &[Atom] = &[
    ("u8", "u8", C | ALIGN1),
    ("u16", "u16", C),
    ("u32", "u32", C),
    ("i64", "i64", C),
    ("bool", "bool", C | ALIGN1),
    ("char", "char", C),
    ("f32", "f32", C),
    (
        "core::num::NonZeroU8",
        "std::num::NonZero<u8>",
        C | ALIGN1 | STD,
    ),
    (
        "Option<bool>",
        "std::option::Option<bool>",
        C | ALIGN1 | STD,
    ),
    ("&'static u8", "&u8", C),
];

/// Zero-sized, 1-aligned types: the extra fields `repr(transparent)` allows.
pub const ZST1: &[Atom] = &[
    ("()", "()", C | ZST | ALIGN1),
    (
        "core::marker::PhantomData<u8>",
        "std::marker::PhantomData<u8>",
        C | ZST | ALIGN1,
    ),
    ("[u8; 0]", "[u8; 0]", C | ZST | ALIGN1),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn needs_filter() {
        let dyn_fn = ATOMS.iter().find(|a| a.0.contains("dyn")).unwrap();
        let t = Ty::atom(dyn_fn);
        assert!(t.fits(Need {
            copy: true,
            ..Need::default()
        }));
        assert!(!t.fits(Need {
            trio: true,
            ..Need::default()
        }));
        let unit = Ty::atom(&ZST1[0]);
        assert!(!unit.fits(Need {
            sized: true,
            ..Need::default()
        }));
        let o = Ty::atom(&ELEMS[0]).wrapped("Option<{}>", "std::option::Option<{}>");
        assert_eq!(
            (o.src.as_str(), o.rustc.as_str()),
            ("Option<u8>", "std::option::Option<u8>")
        );
    }
}
