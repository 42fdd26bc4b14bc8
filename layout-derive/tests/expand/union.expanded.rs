// What `#[derive(Layout)]` emits for `union.rs`.
// Rewrite: LAYOUTSCOPE_BLESS=1 cargo test -p layout-derive --test expand
#[allow(deprecated)]
const _: () = {
    #[automatically_derived]
    impl ::layoutscope::Layout for Word {
        const LAYOUT: ::layoutscope::TypeLayout = ::layoutscope::__union::<
            Self,
        >(
            "Word",
            ::layoutscope::Repr::C,
            &::layoutscope::__place_union(
                ::layoutscope::Repr::C,
                [
                    ::layoutscope::__unplaced::<u32>("bits", "u32"),
                    ::layoutscope::__unplaced::<[u8; 4]>("bytes", "[u8; 4]"),
                    ::layoutscope::__unplaced::<
                        core::mem::ManuallyDrop<u16>,
                    >("half", "core::mem::ManuallyDrop<u16>"),
                ],
            ),
        );
    }
};
