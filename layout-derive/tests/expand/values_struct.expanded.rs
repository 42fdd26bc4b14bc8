// What `#[derive(Layout)]` emits for `values_struct.rs`.
// Rewrite: LAYOUTSCOPE_BLESS=1 cargo test -p layout-derive --test expand
#[allow(deprecated)]
const _: () = {
    #[automatically_derived]
    impl<T> ::layoutscope::Layout for Node<T>
    where
        Vec<T>: ::layoutscope::Layout,
    {
        const LAYOUT: ::layoutscope::TypeLayout = ::layoutscope::__aggregate::<
            Self,
        >(
            "Node",
            ::layoutscope::Repr::RUST,
            ::layoutscope::StructKind::Named,
            &[
                ::layoutscope::__field::<
                    String,
                >("name", "String", ::layoutscope::__offset_of!(Self, name)),
                ::layoutscope::__generic_field::<
                    Vec<T>,
                >("children", "Vec<T>", ::layoutscope::__offset_of!(Self, children)),
                ::layoutscope::__field::<
                    ::layoutscope::__private::Opaque<std::fs::File>,
                >("handle", "std::fs::File", ::layoutscope::__offset_of!(Self, handle)),
            ],
        );
    }
};
#[allow(deprecated)]
const _: () = {
    #[automatically_derived]
    impl<T> ::layoutscope::values::Visit for Node<T>
    where
        Vec<T>: ::layoutscope::values::Visit,
    {
        #[inline]
        fn visit(&self, v: &mut ::layoutscope::values::Visitor<'_>) {
            v.field("name", &self.name);
            v.field("children", &self.children);
            v.opaque("handle", &self.handle);
        }
    }
};
