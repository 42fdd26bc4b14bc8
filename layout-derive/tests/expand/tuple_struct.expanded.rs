// What `#[derive(Layout)]` emits for `tuple_struct.rs`.
// Rewrite: LAYOUTSCOPE_BLESS=1 cargo test -p layout-derive --test expand
#[allow(deprecated)]
const _: () = {
    #[automatically_derived]
    impl ::layoutscope::Layout for Pair {
        const LAYOUT: ::layoutscope::TypeLayout = ::layoutscope::__aggregate::<
            Self,
        >(
            "Pair",
            ::layoutscope::Repr::RUST,
            ::layoutscope::StructKind::TupleStruct,
            &[
                ::layoutscope::__field::<
                    u8,
                >("0", "u8", ::layoutscope::__offset_of!(Self, 0)),
                ::layoutscope::__field::<
                    u64,
                >("1", "u64", ::layoutscope::__offset_of!(Self, 1)),
            ],
        );
    }
};
