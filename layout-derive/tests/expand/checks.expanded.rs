// What `#[derive(Layout)]` emits for `checks.rs`.
// Rewrite: LAYOUTSCOPE_BLESS=1 cargo test -p layout-derive --test expand
#[allow(deprecated)]
const _: () = {
    #[automatically_derived]
    impl ::layoutscope::Layout for Frame {
        const LAYOUT: ::layoutscope::TypeLayout = ::layoutscope::__aggregate::<
            Self,
        >(
            "Frame",
            ::layoutscope::Repr::C,
            ::layoutscope::StructKind::Named,
            &::layoutscope::__c_fields(
                [
                    ::layoutscope::__field::<u8>("tag", "u8", 0),
                    ::layoutscope::__field::<u8>("kind", "u8", 0),
                    ::layoutscope::__field::<u16>("len", "u16", 0),
                    ::layoutscope::__field::<u32>("id", "u32", 0),
                ],
                0,
                0,
            ),
        );
    }
    const _: () = ::layoutscope::__report!(
        ::layoutscope::__private::check::size(&< Frame as ::layoutscope::Layout
        >::LAYOUT, 8u64 as usize)
    );
    const _: () = ::layoutscope::__report!(
        ::layoutscope::__private::check::no_padding(&< Frame as ::layoutscope::Layout
        >::LAYOUT)
    );
    const _: () = ::layoutscope::__report!(
        ::layoutscope::__private::check::offset(&< Frame as ::layoutscope::Layout
        >::LAYOUT, "kind", 1u64 as usize)
    );
};
