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
            &::layoutscope::__c_fields(
                [
                    ::layoutscope::__field::<u8>("kind", "u8", 0),
                    ::layoutscope::__field::<u32>("len", "u32", 0),
                    ::layoutscope::__field::<u16>("crc", "u16", 0),
                ],
                0,
                0,
            ),
        );
    }
};
