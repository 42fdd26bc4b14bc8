// What `#[derive(Layout)]` emits for `fieldless_enum.rs`.
// Rewrite: LAYOUTSCOPE_BLESS=1 cargo test -p layout-derive --test expand
#[allow(
    deprecated,
    dead_code,
    non_camel_case_types,
    repr_c_enums_larger_than_int,
    clippy::all,
    clippy::pedantic
)]
const _: () = {
    #[automatically_derived]
    impl ::layoutscope::Layout for Level {
        const LAYOUT: ::layoutscope::TypeLayout = ::layoutscope::__enumeration::<
            Self,
            Self,
        >(
            "Level",
            ::layoutscope::Repr::RUST,
            &[
                ::layoutscope::__unit_variant("Low", Level::Low as u128),
                ::layoutscope::__unit_variant("Mid", Level::Mid as u128),
                ::layoutscope::__unit_variant("High", Level::High as u128),
            ],
        );
    }
};
