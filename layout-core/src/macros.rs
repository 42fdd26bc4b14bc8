//! `check_layout!`, `assert_layout!` and `assert_layout_eq!`.

/// Checks layout facts in `const`: an expression of type `()` that fails compilation with the
/// actual and expected values when a fact does not hold.
///
/// Keys: `size = N`, `align = N`, `max_size = N`, `offset(field) = N`, `no_padding`, `niche`
/// (`Option<T>` is as large as `T`). In generic code, put it in an inline `const` block so it
/// runs for every instantiation (after monomorphization):
///
/// ```
/// use layout_core::{check_layout, Layout};
///
/// fn send<T: Layout>(value: T) {
///     const { check_layout!(T, max_size = 64) };
///     // ...
/// #   let _ = value;
/// }
/// send(5u32);
/// ```
#[macro_export]
macro_rules! check_layout {
    ($t:ty, $($keys:tt)+) => {{
        let layout: &$crate::TypeLayout = &<$t as $crate::Layout>::LAYOUT;
        $crate::__check_layout_keys!(layout; $($keys)+);
    }};
}

/// Asserts layout facts at compile time, as an item: `cargo check` fails with the actual and
/// expected values when a fact does not hold. The keys are those of [`check_layout!`]; use
/// `check_layout!` inside generic functions.
///
/// ```
/// use layout_core::assert_layout;
///
/// assert_layout!((u8, u8, u16, u32), size = 8, align = 4, offset(3) = 4, no_padding, max_size = 16);
/// assert_layout!(&u8, size = 8, niche);
/// ```
#[macro_export]
macro_rules! assert_layout {
    ($t:ty, $($keys:tt)+) => {
        const _: () = $crate::check_layout!($t, $($keys)+);
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __check_layout_keys {
    ($l:ident;) => {};
    ($l:ident; , $($rest:tt)*) => { $crate::__check_layout_keys!($l; $($rest)*) };
    ($l:ident; size = $v:expr $(, $($rest:tt)*)?) => {
        $crate::__private::check::size($l, $v);
        $crate::__check_layout_keys!($l; $($($rest)*)?)
    };
    ($l:ident; align = $v:expr $(, $($rest:tt)*)?) => {
        $crate::__private::check::align($l, $v);
        $crate::__check_layout_keys!($l; $($($rest)*)?)
    };
    ($l:ident; max_size = $v:expr $(, $($rest:tt)*)?) => {
        $crate::__private::check::max_size($l, $v);
        $crate::__check_layout_keys!($l; $($($rest)*)?)
    };
    ($l:ident; offset($field:ident) = $v:expr $(, $($rest:tt)*)?) => {
        $crate::__private::check::offset($l, $crate::__private::unraw(stringify!($field)), $v);
        $crate::__check_layout_keys!($l; $($($rest)*)?)
    };
    ($l:ident; offset($field:literal) = $v:expr $(, $($rest:tt)*)?) => {
        $crate::__private::check::offset($l, stringify!($field), $v);
        $crate::__check_layout_keys!($l; $($($rest)*)?)
    };
    ($l:ident; no_padding $(, $($rest:tt)*)?) => {
        $crate::__private::check::no_padding($l);
        $crate::__check_layout_keys!($l; $($($rest)*)?)
    };
    ($l:ident; niche $(, $($rest:tt)*)?) => {
        $crate::__private::check::niche($l);
        $crate::__check_layout_keys!($l; $($($rest)*)?)
    };
    ($l:ident; $($bad:tt)*) => {
        ::core::compile_error!(::core::concat!(
            "unknown layout check `", ::core::stringify!($($bad)*),
            "`; expected `size = N`, `align = N`, `max_size = N`, `offset(field) = N`, `no_padding` or `niche`"
        ))
    };
}

/// Asserts at run time that a type's layout table is `expected`; on failure, panics with a
/// line diff of the expected and actual tables, so a refactor that moves a field shows up in
/// review with a picture of what changed. Leading and trailing blank lines of `expected` and
/// trailing spaces are ignored.
///
/// ```
/// use layout_core::assert_layout_eq;
///
/// assert_layout_eq!((u8, u16), "
/// (u8, u16)  4 bytes, align 2
///  offset  size  align  field  type
///       0     1      1  0      u8
///       1     1         ░ padding
///       2     2      2  1      u16
///  fields 3 B · padding 1 B (25.0%) · 1 cache line
///  no niche · Option<Self> is larger
/// ");
/// ```
#[cfg(feature = "alloc")]
#[macro_export]
macro_rules! assert_layout_eq {
    ($t:ty, $expected:expr $(,)?) => {
        $crate::__private::assert_table(&<$t as $crate::Layout>::LAYOUT, $expected)
    };
}
