// What `#[derive(Layout)]` emits for `rejected.rs`, which it rejects: the errors and the fallback impl.
// Rewrite: LAYOUTSCOPE_BLESS=1 cargo test -p layout-derive --test expand
::core::compile_error! {
    "unknown key `sise` in #[layout(...)] on a type; did you mean `size`?"
}
#[allow(deprecated)]
const _: () = {
    #[automatically_derived]
    impl<T: Copy> ::layoutscope::Layout for Rejected<T> {
        const LAYOUT: ::layoutscope::TypeLayout = ::layoutscope::__private::opaque::<
            Self,
        >("Rejected");
    }
};
