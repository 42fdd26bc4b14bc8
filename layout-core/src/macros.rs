//! `check_layout!`, `assert_layout!` and `assert_layout_eq!`.

/// Checks layout facts in `const`: an expression of type `()` that fails compilation with the
/// actual and expected values when a fact does not hold.
///
/// Keys: `size = N`, `align = N`, `max_size = N`, `offset(field) = N`, `no_padding`, `niche`
/// (`Option<T>` is as large as `T`), and for false sharing `own_line(field)` (the field starts
/// a cache line and no other field touches its lines), `apart(a, b, ..)` (no two of these
/// fields share a line), `atomics_apart` (no two atomic fields share a line), with the line
/// size of a preceding `cache_line = N` (default 64). The cache keys hold for every address
/// the type's alignment allows: a type aligned to less than a line may start anywhere in one. In generic code, put it in an inline `const` block so it
/// runs for every instantiation (after monomorphization):
///
/// ```
/// # extern crate layout_core as layoutscope;
/// use layoutscope::{check_layout, Layout};
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
        let line: usize = $crate::__private::check::DEFAULT_CACHE_LINE;
        $crate::__check_layout_keys!(layout, line; $($keys)+);
    }};
}

/// Asserts layout facts at compile time, as an item: `cargo check` fails with the actual and
/// expected values when a fact does not hold. The keys are those of [`check_layout!`]; use
/// `check_layout!` inside generic functions.
///
/// ```
/// # extern crate layout_core as layoutscope;
/// use layoutscope::assert_layout;
///
/// assert_layout!((u8, u8, u16, u32), size = 8, align = 4, offset(3) = 4, no_padding, max_size = 16);
/// assert_layout!(&u8, size = 8, niche);
/// ```
#[macro_export]
macro_rules! assert_layout {
    ($t:ty, $($keys:tt)+) => {
        $crate::__assert_layout_keys!($t; []; []; $($keys)+);
    };
}

/// Splits `assert_layout!`'s keys at top-level commas and checks each in a `const` item of
/// its own, so that every failing key is reported, not only the first. A `cache_line = N`
/// key is carried to the keys after it.
#[doc(hidden)]
#[macro_export]
macro_rules! __assert_layout_keys {
    ($t:ty; [$($line:tt)*]; []; ) => {};
    ($t:ty; [$($line:tt)*]; [cache_line = $($v:tt)+]; $($rest:tt)*) => {
        $crate::__assert_layout_keys!($t; [cache_line = $($v)+,]; []; $($rest)*);
    };
    ($t:ty; [$($line:tt)*]; [$($key:tt)+]; ) => {
        const _: () = $crate::check_layout!($t, $($line)* $($key)+);
    };
    ($t:ty; [$($line:tt)*]; []; , $($rest:tt)*) => {
        $crate::__assert_layout_keys!($t; [$($line)*]; []; $($rest)*);
    };
    ($t:ty; [$($line:tt)*]; [$($key:tt)+]; , $($rest:tt)*) => {
        $crate::__assert_layout_keys!($t; [$($line)*]; [$($key)+]; );
        $crate::__assert_layout_keys!($t; [$($line)*]; []; $($rest)*);
    };
    ($t:ty; [$($line:tt)*]; [$($key:tt)*]; $next:tt $($rest:tt)*) => {
        $crate::__assert_layout_keys!($t; [$($line)*]; [$($key)* $next]; $($rest)*);
    };
}

/// Panics with a failed check's message where the macro is used, so the compiler's error
/// shows the message at the user's code without notes from inside this crate.
#[doc(hidden)]
#[macro_export]
macro_rules! __report {
    ($verdict:expr) => {
        if let ::core::option::Option::Some(message) = $verdict.failure() {
            ::core::panic!("{}", message);
        }
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __check_layout_keys {
    ($l:ident, $line:ident;) => {};
    ($l:ident, $line:ident; , $($rest:tt)*) => { $crate::__check_layout_keys!($l, $line; $($rest)*) };
    ($l:ident, $line:ident; size = $v:expr $(, $($rest:tt)*)?) => {
        $crate::__report!($crate::__private::check::size($l, $v));
        $crate::__check_layout_keys!($l, $line; $($($rest)*)?)
    };
    ($l:ident, $line:ident; align = $v:expr $(, $($rest:tt)*)?) => {
        $crate::__report!($crate::__private::check::align($l, $v));
        $crate::__check_layout_keys!($l, $line; $($($rest)*)?)
    };
    ($l:ident, $line:ident; max_size = $v:expr $(, $($rest:tt)*)?) => {
        $crate::__report!($crate::__private::check::max_size($l, $v));
        $crate::__check_layout_keys!($l, $line; $($($rest)*)?)
    };
    ($l:ident, $line:ident; offset($field:ident) = $v:expr $(, $($rest:tt)*)?) => {
        $crate::__report!($crate::__private::check::offset($l, $crate::__private::unraw(stringify!($field)), $v));
        $crate::__check_layout_keys!($l, $line; $($($rest)*)?)
    };
    ($l:ident, $line:ident; offset($field:literal) = $v:expr $(, $($rest:tt)*)?) => {
        $crate::__report!($crate::__private::check::offset($l, stringify!($field), $v));
        $crate::__check_layout_keys!($l, $line; $($($rest)*)?)
    };
    ($l:ident, $line:ident; no_padding $(, $($rest:tt)*)?) => {
        $crate::__report!($crate::__private::check::no_padding($l));
        $crate::__check_layout_keys!($l, $line; $($($rest)*)?)
    };
    ($l:ident, $line:ident; niche $(, $($rest:tt)*)?) => {
        $crate::__report!($crate::__private::check::niche($l));
        $crate::__check_layout_keys!($l, $line; $($($rest)*)?)
    };
    ($l:ident, $line:ident; cache_line = $v:expr $(, $($rest:tt)*)?) => {
        let $line: usize = $v;
        $crate::__check_layout_keys!($l, $line; $($($rest)*)?)
    };
    ($l:ident, $line:ident; own_line($field:tt) $(, $($rest:tt)*)?) => {
        $crate::__report!($crate::__private::check::own_line($l, $crate::__private::unraw(stringify!($field)), $line));
        $crate::__check_layout_keys!($l, $line; $($($rest)*)?)
    };
    ($l:ident, $line:ident; apart($($field:tt),+ $(,)?) $(, $($rest:tt)*)?) => {
        $crate::__report!($crate::__private::check::apart(
            $l,
            &[$($crate::__private::unraw(stringify!($field))),+],
            $line,
        ));
        $crate::__check_layout_keys!($l, $line; $($($rest)*)?)
    };
    ($l:ident, $line:ident; atomics_apart $(, $($rest:tt)*)?) => {
        $crate::__report!($crate::__private::check::atomics_apart($l, $line));
        $crate::__check_layout_keys!($l, $line; $($($rest)*)?)
    };
    ($l:ident, $line:ident; $($bad:tt)*) => {
        $crate::__report!($crate::__private::check::unknown_key(::core::stringify!($($bad)*)))
    };
}

/// Asserts at run time that a type's layout table is `expected`; on failure, panics with a
/// line diff of the expected and actual tables, so a refactor that moves a field shows up in
/// review with a picture of what changed. Leading and trailing blank lines of `expected` and
/// trailing spaces are ignored.
///
/// ```
/// # extern crate layout_core as layoutscope;
/// use layoutscope::assert_layout_eq;
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
#[cfg(all(feature = "alloc", feature = "render"))]
#[macro_export]
macro_rules! assert_layout_eq {
    ($t:ty, $expected:expr $(,)?) => {
        $crate::__private::assert_table(&<$t as $crate::Layout>::LAYOUT, $expected)
    };
}
