// What `#[derive(Layout)]` emits for `unit_struct.rs`.
// Rewrite: LAYOUTSCOPE_BLESS=1 cargo test -p layout-derive --test expand
#[allow(deprecated)]
const _: () = {
    #[automatically_derived]
    impl ::layoutscope::Layout for Marker {
        const LAYOUT: ::layoutscope::TypeLayout = ::layoutscope::__aggregate::<
            Self,
        >("Marker", ::layoutscope::Repr::RUST, ::layoutscope::StructKind::Unit, &[]);
    }
};
