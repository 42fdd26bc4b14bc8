//! `#[derive(Layout)]` for [layoutscope](https://docs.rs/layoutscope): use it through the
//! `layoutscope` facade, which documents the attributes.
//!
//! The work is split like thiserror's: `item` reads the input with syn's parsing primitives
//! (keeping the tokens of types, generics and discriminants; `meta` reads the keys of
//! `#[layout(...)]` and `#[repr(...)]`), `ast` turns it into a spanned model, `valid`
//! rejects what cannot be described, `expand` writes the `impl`. Every error is spanned; all
//! problems in one input are reported together, followed by `fallback`'s impl so that the
//! type's uses elsewhere add no errors of their own.

mod ast;
mod attr;
mod checks;
mod ctxt;
mod emit;
mod enums;
mod expand;
mod fallback;
mod item;
mod meta;
mod repr;
mod tag_copy;
mod type_text;
mod valid;
mod values;

use proc_macro::TokenStream;

/// Derives `layoutscope::Layout`: const layout metadata computed by the compiler.
///
/// Every field type must implement `Layout`; a generic parameter gets a `Layout` bound only
/// when a field needs it. The keys of `#[layout(...)]`:
///
/// | key | where | meaning |
/// |---|---|---|
/// | `crate = "path"` | type | where the `layoutscope` items are, when the crate is renamed or re-exported (`crate = "ls"`, `crate = "my_reexport::layout"`) |
/// | `size = N` | type | compile error unless the size is `N` bytes |
/// | `align = N` | type | compile error unless the alignment is `N` |
/// | `max_size = N` | type | compile error if the size is more than `N` bytes |
/// | `no_padding` | struct, union | compile error if any byte belongs to no field; the error lists every hole |
/// | `niche` | type | compile error unless `Option<Self>` is as large as `Self` |
/// | `opaque` | field | the field's type need not implement `Layout`: its size, align, offset and whether it has a niche stay exact, its inside is not described |
/// | `offset = N` | field of a struct or union | compile error unless the field starts at byte `N` |
/// | `cache_line = N` | type | the line size the cache keys assume (default 64; 128 on some CPUs) |
/// | `apart(a, b, ..)` | struct, union | compile error if two of these fields can share a cache line |
/// | `atomics_apart` | struct, union | compile error if two atomic fields can share a cache line |
/// | `own_line` | field of a struct or union | compile error unless the field starts a cache line that no other field touches |
/// | `values` | struct, enum | also implement `layoutscope::values::Visit`, so that `layoutscope::show(&value)` draws live values of the type with their heap blocks (feature `values`) |
///
/// `N` is an integer literal or any constant expression of type `usize`, so one expectation
/// can hold on every target: `size = 3 * size_of::<usize>()`. For layouts that differ by target, one key per
/// target with `cfg_attr` works too:
/// `#[cfg_attr(target_pointer_width = "32", layout(size = 12))]`. `max_size` works as a
/// ratchet that a type may go below but never above.
///
/// The cache keys hold for every address a value can have: a type aligned to less than a line
/// may start anywhere in one (at each multiple of its alignment), and the check covers each of
/// those starts; `own_line` therefore needs `#[repr(align(N))]` with `N` at least the line.
///
/// Keys combine in one attribute (`#[layout(size = 16, align = 8, no_padding)]`) or several.
/// The checks of a type without type or const parameters are `const` items of their own, so
/// every failing check is reported at once, even if nothing uses the type; a generic type's
/// checks run when an instantiation's `LAYOUT` is evaluated (force one with
/// `const _: usize = Slot::<u64>::LAYOUT.size;`).
///
/// Rejected, with an error that says what to write instead: structs whose last field is
/// unsized (make the tail a generic `T: ?Sized` and derive on a sized instance), integer reprs
/// on structs, `packed` with `align`, `packed` enums, explicit discriminants on an enum with
/// data but without an integer repr, and unknown, duplicate or misplaced keys. All problems in
/// one input are reported together.
#[proc_macro_derive(Layout, attributes(layout))]
pub fn derive_layout(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as item::Item);
    expand::derive(&input)
        .unwrap_or_else(|errors| errors)
        .into()
}
