// Regression (found by expansion_compiles.rs): the derived code named the deprecated type and
// field without `#[allow(deprecated)]`, so users got `deprecated` warnings from code they did
// not write.
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
