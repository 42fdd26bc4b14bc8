// What `#[derive(Layout)]` emits for `named_struct.rs`.
// Rewrite: LAYOUTSCOPE_BLESS=1 cargo test -p layout-derive --test expand
#[allow(deprecated)]
const _: () = {
    #[automatically_derived]
    impl ::layoutscope::Layout for Header {
        const LAYOUT: ::layoutscope::TypeLayout = ::layoutscope::__aggregate::<
            Self,
        >(
            "Header",
            ::layoutscope::Repr::RUST,
            ::layoutscope::StructKind::Named,
            &[
                ::layoutscope::__field::<
                    u8,
                >("tag", "u8", ::layoutscope::__offset_of!(Self, tag)),
                ::layoutscope::__field::<
                    u32,
                >("len", "u32", ::layoutscope::__offset_of!(Self, len)),
                ::layoutscope::__field::<
                    u16,
                >("type", "u16", ::layoutscope::__offset_of!(Self, r#type)),
            ],
        );
    }
};
