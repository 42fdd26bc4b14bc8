// What `#[derive(Layout)]` emits for `repr_packed.rs`.
// Rewrite: LAYOUTSCOPE_BLESS=1 cargo test -p layout-derive --test expand
#[allow(deprecated)]
const _: () = {
    #[automatically_derived]
    impl ::layoutscope::Layout for Wire {
        const LAYOUT: ::layoutscope::TypeLayout = ::layoutscope::__aggregate::<
            Self,
        >(
            "Wire",
            ::layoutscope::Repr::RUST.with_packed(1),
            ::layoutscope::StructKind::Named,
            &[
                ::layoutscope::__field::<
                    u8,
                >("kind", "u8", ::layoutscope::__offset_of!(Self, kind)),
                ::layoutscope::__field::<
                    u32,
                >("len", "u32", ::layoutscope::__offset_of!(Self, len)),
            ],
        );
    }
};
