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
            &::layoutscope::__place_struct(
                ::layoutscope::Repr::C,
                [
                    ::layoutscope::__unplaced::<u8>("tag", "u8"),
                    ::layoutscope::__unplaced::<u8>("kind", "u8"),
                    ::layoutscope::__unplaced::<u16>("len", "u16"),
                    ::layoutscope::__unplaced::<u32>("id", "u32"),
                ],
            ),
        );
    }
    const _: () = ::layoutscope::__report!(
        ::layoutscope::__private::check::size(&< Frame as ::layoutscope::Layout
        >::LAYOUT, 8usize)
    );
    const _: () = ::layoutscope::__report!(
        ::layoutscope::__private::check::no_padding(&< Frame as ::layoutscope::Layout
        >::LAYOUT)
    );
    const _: () = ::layoutscope::__report!(
        ::layoutscope::__private::check::offset(&< Frame as ::layoutscope::Layout
        >::LAYOUT, "kind", 1usize)
    );
};
