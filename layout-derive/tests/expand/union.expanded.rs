// What `#[derive(Layout)]` emits for `union.rs`.
// Rewrite: LAYOUTSCOPE_BLESS=1 cargo test -p layout-derive --test expand
#[allow(deprecated)]
const _: () = {
    #[automatically_derived]
    impl ::layoutscope::Layout for Word {
        const __FACTS: ::layoutscope::__Facts = ::layoutscope::__Facts::union(
            ::layoutscope::Repr::C,
        );
        const LAYOUT: ::layoutscope::TypeLayout = ::layoutscope::__union::<
            Self,
        >(
            "Word",
            &::layoutscope::__place::<
                Self,
                _,
            >([
                ::layoutscope::__unplaced::<u32>("bits", "u32"),
                ::layoutscope::__unplaced::<[u8; 4]>("bytes", "[u8; 4]"),
                ::layoutscope::__unplaced::<
                    core::mem::ManuallyDrop<u16>,
                >("half", "core::mem::ManuallyDrop<u16>"),
            ]),
        );
    }
};
