// What `#[derive(Layout)]` emits for `data_enum_repr_rust.rs`.
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
    impl ::layoutscope::Layout for Event {
        const LAYOUT: ::layoutscope::TypeLayout = ::layoutscope::__enumeration::<
            Self,
            Self,
        >(
            "Event",
            ::layoutscope::Repr::RUST,
            &[
                ::layoutscope::__variant(
                    "Key",
                    0,
                    ::layoutscope::StructKind::TupleStruct,
                    &[::layoutscope::__unplaced::<char>("0", "char")],
                ),
                ::layoutscope::__variant(
                    "Click",
                    1,
                    ::layoutscope::StructKind::Named,
                    &[
                        ::layoutscope::__unplaced::<u16>("x", "u16"),
                        ::layoutscope::__unplaced::<u16>("y", "u16"),
                    ],
                ),
                ::layoutscope::__unit_variant("Quit", 2),
            ],
        );
    }
    #[automatically_derived]
    impl ::layoutscope::LayoutOfVal for Event {
        #[inline]
        fn field_addresses_of_val(
            &self,
            visit: &mut dyn ::core::ops::FnMut(usize, &[usize]),
        ) {
            match self {
                Self::Key(f0) => visit(0, &[f0 as *const _ as usize]),
                Self::Click { x: f0, y: f1 } => {
                    visit(1, &[f0 as *const _ as usize, f1 as *const _ as usize])
                }
                Self::Quit => visit(2, &[]),
            }
        }
    }
};
