// What `#[derive(Layout)]` emits for `repr_c.rs`.
// Rewrite: LAYOUTSCOPE_BLESS=1 cargo test -p layout-derive --test expand
#[allow(deprecated)]
const _: () = {
    #[automatically_derived]
    impl ::layoutscope::Layout for Packet {
        const __FACTS: ::layoutscope::__Facts = ::layoutscope::__Facts::new(
            ::layoutscope::Repr::C,
        );
        const LAYOUT: ::layoutscope::TypeLayout = ::layoutscope::__struct::<
            Self,
        >(
            "Packet",
            ::layoutscope::StructKind::Named,
            &::layoutscope::__place::<
                Self,
                _,
            >([
                ::layoutscope::__unplaced::<u8>("kind", "u8"),
                ::layoutscope::__unplaced::<u32>("len", "u32"),
                ::layoutscope::__unplaced::<u16>("crc", "u16"),
            ]),
        );
    }
};
