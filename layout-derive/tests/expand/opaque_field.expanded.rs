// What `#[derive(Layout)]` emits for `opaque_field.rs`.
// Rewrite: LAYOUTSCOPE_BLESS=1 cargo test -p layout-derive --test expand
#[allow(deprecated)]
const _: () = {
    #[automatically_derived]
    impl ::layoutscope::Layout for Handle {
        const LAYOUT: ::layoutscope::TypeLayout = ::layoutscope::__aggregate::<
            Self,
        >(
            "Handle",
            ::layoutscope::Repr::RUST,
            ::layoutscope::StructKind::Named,
            &[
                ::layoutscope::__field::<
                    ::layoutscope::__private::Opaque<crate::Foreign>,
                >("raw", "crate::Foreign", ::layoutscope::__offset_of!(Self, raw)),
                ::layoutscope::__field::<
                    usize,
                >("len", "usize", ::layoutscope::__offset_of!(Self, len)),
            ],
        );
    }
};
