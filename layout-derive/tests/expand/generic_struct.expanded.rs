// What `#[derive(Layout)]` emits for `generic_struct.rs`.
// Rewrite: LAYOUTSCOPE_BLESS=1 cargo test -p layout-derive --test expand
#[allow(deprecated)]
const _: () = {
    #[automatically_derived]
    impl<'a, T: Copy, const N: usize> ::layoutscope::Layout for Slot<'a, T, N>
    where
        T: Default,
        T: ::layoutscope::Layout,
        [T; N]: ::layoutscope::Layout,
        Vec<T>: ::layoutscope::Layout,
    {
        const LAYOUT: ::layoutscope::TypeLayout = ::layoutscope::__aggregate::<
            Self,
        >(
            "Slot",
            ::layoutscope::Repr::RUST,
            ::layoutscope::StructKind::Named,
            &[
                ::layoutscope::__generic_field::<
                    T,
                >("value", "T", ::layoutscope::__offset_of!(Self, value)),
                ::layoutscope::__generic_field::<
                    [T; N],
                >("items", "[T; N]", ::layoutscope::__offset_of!(Self, items)),
                ::layoutscope::__field::<
                    &'a str,
                >("name", "&'a str", ::layoutscope::__offset_of!(Self, name)),
                ::layoutscope::__generic_field::<
                    Vec<T>,
                >("all", "Vec<T>", ::layoutscope::__offset_of!(Self, all)),
            ],
        );
    }
};
