// What `#[derive(Layout)]` emits for `crate_path.rs`.
// Rewrite: LAYOUTSCOPE_BLESS=1 cargo test -p layout-derive --test expand
#[allow(deprecated)]
const _: () = {
    #[automatically_derived]
    impl crate::reexport::layout::Layout for Renamed {
        const LAYOUT: crate::reexport::layout::TypeLayout = crate::reexport::layout::__aggregate::<
            Self,
        >(
            "Renamed",
            crate::reexport::layout::Repr::RUST,
            crate::reexport::layout::StructKind::Named,
            &[
                crate::reexport::layout::__field::<
                    u8,
                >("a", "u8", crate::reexport::layout::__offset_of!(Self, a)),
                crate::reexport::layout::__field::<
                    Option<&'static u8>,
                >(
                    "b",
                    "Option<&'static u8>",
                    crate::reexport::layout::__offset_of!(Self, b),
                ),
            ],
        );
    }
};
