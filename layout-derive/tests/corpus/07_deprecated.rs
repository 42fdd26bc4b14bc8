// KNOWN DERIVE BUG (found by expansion_compiles.rs): the derived code names the deprecated type
// and field without `#[allow(deprecated)]`, so users get `deprecated` warnings from code they did
// not write. It compiles; expansion_compiles.rs counts these warnings under KNOWN_WARNINGS
// instead of failing until the derive is fixed (then delete the entry and this comment).
#[deprecated = "use Header2"]
#[repr(C)]
#[layout(crate = "crate::renamed")]
pub struct Header<'a, T: ?Sized, const N: usize> {
    pub tag: u8,
    #[deprecated]
    pub len: [u16; N],
    pub name: &'a str,
    pub marker: core::marker::PhantomData<T>,
}
