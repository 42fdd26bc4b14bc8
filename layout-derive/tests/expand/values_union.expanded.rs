// What `#[derive(Layout)]` emits for `values_union.rs`, which it rejects: the errors and the fallback impl.
// Rewrite: LAYOUTSCOPE_BLESS=1 cargo test -p layout-derive --test expand
::core::compile_error! {
    "`values` does not apply to a union: which field is live is not known; implement `Visit` by hand, visiting the field your code knows is live"
}
#[allow(deprecated)]
const _: () = {
    #[automatically_derived]
    impl ::layoutscope::Layout for Bits {
        const LAYOUT: ::layoutscope::TypeLayout = ::layoutscope::__private::opaque::<
            Self,
        >("Bits");
    }
};
