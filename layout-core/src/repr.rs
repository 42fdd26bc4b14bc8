//! `#[repr(...)]` as a value in which combinations rustc rejects cannot be built, and the one
//! table of the integer types a repr can name.

use core::fmt::{self, Display, Formatter};

/// A type's `#[repr(...)]`.
///
/// Built from [`Repr::RUST`], [`Repr::C`], [`Repr::TRANSPARENT`], [`Repr::int`] or
/// [`Repr::c_int`], then [`Repr::with_packed`] or [`Repr::with_align`]. The fields are private
/// and the builders refuse what rustc refuses (`packed` with `align`, either with
/// `transparent`, `packed` with an integer repr, sizes that are not powers of two), so a
/// `Repr` always names a layout the compiler can build. In `const` a refusal is a compile
/// error.
///
/// ```
/// # extern crate layout_core as layoutscope;
/// use layoutscope::{IntRepr, Repr};
///
/// const R: Repr = Repr::C.with_packed(2);
/// assert_eq!(R.to_string(), "repr(C, packed(2))");
/// assert_eq!(Repr::c_int(IntRepr::U8).to_string(), "repr(C, u8)");
/// assert_eq!(Repr::RUST.with_align(16).aligned(), Some(16));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[must_use]
pub struct Repr {
    base: ReprBase,
    modifier: Modifier,
}

/// The layout algorithm a `#[repr]` chooses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReprBase {
    /// No `repr`, or `repr(Rust)`: the compiler may reorder fields.
    Rust,
    /// `repr(C)`: declaration order, C alignment rules.
    C,
    /// `repr(transparent)`: the layout of the one non-zero-sized field.
    Transparent,
    /// `repr(u8)`, `repr(i32)`, …: enums only.
    Int(IntRepr),
    /// `repr(C, u8)`, …: enums only.
    CInt(IntRepr),
}

/// `packed(N)` / `align(N)`, as the base-2 logarithm of `N` (so that `N` is a power of two).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Modifier {
    None,
    Packed(u8),
    Align(u8),
}

impl Repr {
    /// No `repr` attribute (or `repr(Rust)`).
    pub const RUST: Repr = Repr::of(ReprBase::Rust);
    /// `repr(C)`.
    pub const C: Repr = Repr::of(ReprBase::C);
    /// `repr(transparent)`.
    pub const TRANSPARENT: Repr = Repr::of(ReprBase::Transparent);

    const fn of(base: ReprBase) -> Repr {
        Repr {
            base,
            modifier: Modifier::None,
        }
    }

    /// `repr(u8)` & co.
    pub const fn int(int: IntRepr) -> Repr {
        Repr::of(ReprBase::Int(int))
    }

    /// `repr(C, u8)` & co.
    pub const fn c_int(int: IntRepr) -> Repr {
        Repr::of(ReprBase::CInt(int))
    }

    /// This repr with `packed(n)` (`packed` is `packed(1)`).
    ///
    /// # Panics
    /// If `n` is not a power of two, or the repr is `transparent`, an integer repr or
    /// already has `packed` or `align` (rustc rejects each of these).
    pub const fn with_packed(self, n: usize) -> Repr {
        assert!(
            matches!(self.base, ReprBase::Rust | ReprBase::C),
            "packed(N) goes with repr(Rust) or repr(C) only"
        );
        assert!(
            matches!(self.modifier, Modifier::None),
            "a repr has at most one of packed(N) and align(N)"
        );
        Repr {
            modifier: Modifier::Packed(log2(n)),
            ..self
        }
    }

    /// This repr with `align(n)`.
    ///
    /// # Panics
    /// If `n` is not a power of two, or the repr is `transparent` or already has `packed` or
    /// `align` (rustc rejects each of these).
    pub const fn with_align(self, n: usize) -> Repr {
        assert!(
            !matches!(self.base, ReprBase::Transparent),
            "repr(transparent) takes no other hint"
        );
        assert!(
            matches!(self.modifier, Modifier::None),
            "a repr has at most one of packed(N) and align(N)"
        );
        Repr {
            modifier: Modifier::Align(log2(n)),
            ..self
        }
    }

    /// The layout algorithm.
    #[must_use]
    pub const fn base(self) -> ReprBase {
        self.base
    }

    /// The integer of `repr(u8)` or `repr(C, u8)`.
    #[must_use]
    pub const fn int_type(self) -> Option<IntRepr> {
        match self.base {
            ReprBase::Int(int) | ReprBase::CInt(int) => Some(int),
            _ => None,
        }
    }

    /// Whether the layout follows C's rule: `repr(C)` or `repr(C, u8)` & co.
    #[must_use]
    pub const fn is_c(self) -> bool {
        matches!(self.base, ReprBase::C | ReprBase::CInt(_))
    }

    /// Whether the compiler keeps declaration order (everything but `repr(Rust)`).
    #[must_use]
    pub const fn keeps_field_order(self) -> bool {
        !matches!(self.base, ReprBase::Rust)
    }

    /// `N` of `packed(N)`.
    #[must_use]
    pub const fn packed(self) -> Option<usize> {
        match self.modifier {
            Modifier::Packed(log) => Some(1 << log),
            _ => None,
        }
    }

    /// `N` of `align(N)`.
    #[must_use]
    pub const fn aligned(self) -> Option<usize> {
        match self.modifier {
            Modifier::Align(log) => Some(1 << log),
            _ => None,
        }
    }

    /// `N` of `packed(N)`, 0 when not packed.
    pub(crate) const fn pack(self) -> usize {
        match self.packed() {
            Some(n) => n,
            None => 0,
        }
    }

    /// `N` of `align(N)`, else 1: the least alignment the type can have.
    pub(crate) const fn min_align(self) -> usize {
        match self.aligned() {
            Some(n) => n,
            None => 1,
        }
    }

    /// Whether this is plain `repr(Rust)` with no hint, which diagrams leave unsaid.
    #[must_use]
    pub const fn is_default(self) -> bool {
        matches!(self.base, ReprBase::Rust) && matches!(self.modifier, Modifier::None)
    }
}

const fn log2(n: usize) -> u8 {
    assert!(
        n.is_power_of_two(),
        "a repr's packed(N) or align(N) must be a power of two"
    );
    n.trailing_zeros() as u8
}

/// `repr(C, packed(2))`, `repr(u8, align(4))`, `repr(Rust)`.
impl Display for Repr {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str("repr(")?;
        let mut sep = "";
        match self.base {
            ReprBase::Rust if !matches!(self.modifier, Modifier::None) => {}
            ReprBase::Rust => f.write_str("Rust")?,
            ReprBase::C => f.write_str("C")?,
            ReprBase::Transparent => f.write_str("transparent")?,
            ReprBase::Int(int) => f.write_str(int.name())?,
            ReprBase::CInt(int) => write!(f, "C, {}", int.name())?,
        }
        if !matches!(self.base, ReprBase::Rust) {
            sep = ", ";
        }
        match self.modifier {
            Modifier::None => {}
            Modifier::Packed(0) => write!(f, "{sep}packed")?,
            Modifier::Packed(_) => write!(f, "{sep}packed({})", self.pack())?,
            Modifier::Align(_) => write!(f, "{sep}align({})", self.min_align())?,
        }
        f.write_str(")")
    }
}

/// The integer of `repr(u8)` & co, and the discriminant type of an enum.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum IntRepr {
    U8,
    U16,
    U32,
    U64,
    U128,
    Usize,
    I8,
    I16,
    I32,
    I64,
    I128,
    Isize,
}

/// The one table of integer reprs: name, width in bits (0 for pointer-sized) and signedness.
const TABLE: [(IntRepr, &str, u32, bool); 12] = [
    (IntRepr::U8, "u8", 8, false),
    (IntRepr::U16, "u16", 16, false),
    (IntRepr::U32, "u32", 32, false),
    (IntRepr::U64, "u64", 64, false),
    (IntRepr::U128, "u128", 128, false),
    (IntRepr::Usize, "usize", usize::BITS, false),
    (IntRepr::I8, "i8", 8, true),
    (IntRepr::I16, "i16", 16, true),
    (IntRepr::I32, "i32", 32, true),
    (IntRepr::I64, "i64", 64, true),
    (IntRepr::I128, "i128", 128, true),
    (IntRepr::Isize, "isize", usize::BITS, true),
];

impl IntRepr {
    /// Every integer a repr can name, unsigned first, each by increasing width.
    pub const ALL: [IntRepr; 12] = {
        let mut all = [IntRepr::U8; 12];
        let mut i = 0;
        while i < 12 {
            all[i] = TABLE[i].0;
            i += 1;
        }
        all
    };

    const fn row(self) -> (IntRepr, &'static str, u32, bool) {
        TABLE[self as usize]
    }

    /// The integer named `name` (`"u8"`, `"isize"`, …).
    pub const fn from_name(name: &str) -> Option<IntRepr> {
        let mut i = 0;
        while i < TABLE.len() {
            if crate::text::str_eq(TABLE[i].1, name) {
                return Some(TABLE[i].0);
            }
            i += 1;
        }
        None
    }

    /// The type's name as written in `repr` (`"u8"`).
    #[must_use]
    pub const fn name(self) -> &'static str {
        self.row().1
    }

    /// Width in bits on the target this crate was built for.
    #[must_use]
    pub const fn bits(self) -> u32 {
        self.row().2
    }

    /// Size in bytes on the target this crate was built for.
    #[must_use]
    pub const fn size(self) -> usize {
        (self.bits() / 8) as usize
    }

    /// Whether the integer is signed.
    #[must_use]
    pub const fn signed(self) -> bool {
        self.row().3
    }

    /// The smallest value, as 128-bit two's complement bits (sign-extended).
    #[must_use]
    pub const fn min_bits(self) -> u128 {
        if self.signed() {
            (-1i128 << (self.bits() - 1)) as u128
        } else {
            0
        }
    }

    /// The largest value, as bits.
    #[must_use]
    pub const fn max_bits(self) -> u128 {
        if self.signed() {
            u128::MAX >> (129 - self.bits())
        } else {
            u128::MAX >> (128 - self.bits())
        }
    }
}

impl Display for IntRepr {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_matches_the_integer_types() {
        macro_rules! check {
            ($($t:ident)*) => {$(
                let int = IntRepr::from_name(stringify!($t)).unwrap();
                assert_eq!(int.name(), stringify!($t));
                assert_eq!(int.size(), core::mem::size_of::<$t>());
                assert_eq!(int.bits(), $t::BITS);
                assert_eq!(int.signed(), $t::MIN != 0);
                assert_eq!(int.max_bits(), $t::MAX as u128);
                assert_eq!(int.min_bits(), $t::MIN as i128 as u128);
            )*};
        }
        check!(u8 u16 u32 u64 u128 usize i8 i16 i32 i64 i128 isize);
        for (i, int) in IntRepr::ALL.iter().enumerate() {
            assert_eq!(*int as usize, i);
        }
        assert_eq!(IntRepr::from_name("u256"), None);
    }

    extern crate std;
    use std::string::ToString;

    #[test]
    fn reprs_print_as_written() {
        assert_eq!(Repr::RUST.to_string(), "repr(Rust)");
        assert_eq!(Repr::RUST.with_packed(1).to_string(), "repr(packed)");
        assert_eq!(Repr::RUST.with_align(8).to_string(), "repr(align(8))");
        assert_eq!(Repr::C.with_packed(4).to_string(), "repr(C, packed(4))");
        assert_eq!(Repr::TRANSPARENT.to_string(), "repr(transparent)");
        let r = Repr::int(IntRepr::I16).with_align(4);
        assert_eq!(r.to_string(), "repr(i16, align(4))");
        assert_eq!(Repr::c_int(IntRepr::U8).to_string(), "repr(C, u8)");
    }

    #[test]
    #[should_panic(expected = "at most one")]
    fn packed_and_align_cannot_be_combined() {
        let _ = Repr::C.with_packed(2).with_align(4);
    }

    #[test]
    #[should_panic(expected = "power of two")]
    fn sizes_are_powers_of_two() {
        let _ = Repr::C.with_align(3);
    }

    #[test]
    #[should_panic(expected = "repr(Rust) or repr(C)")]
    fn an_integer_repr_is_not_packed() {
        let _ = Repr::int(IntRepr::U8).with_packed(1);
    }
}
