// What `#[derive(Layout)]` emits for `repr_c.rs`.
// Rewrite: LAYOUTSCOPE_BLESS=1 cargo test -p layout-derive --test expand
#[allow(deprecated)]
const _: () = {
    #[automatically_derived]
    impl ::layoutscope::Layout for Packet {
        const LAYOUT: ::layoutscope::TypeLayout = ::layoutscope::__aggregate::<
            Self,
        >(
            "Packet",
            ::layoutscope::Repr::C,
            ::layoutscope::StructKind::Named,
            &::layoutscope::__place_struct(
                ::layoutscope::Repr::C,
                [
                    ::layoutscope::__unplaced::<u8>("kind", "u8"),
                    ::layoutscope::__unplaced::<u32>("len", "u32"),
                    ::layoutscope::__unplaced::<u16>("crc", "u16"),
                ],
            ),
        );
    }
};
