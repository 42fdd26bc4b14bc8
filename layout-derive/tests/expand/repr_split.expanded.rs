// What `#[derive(Layout)]` emits for `repr_split.rs`.
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
    impl ::layoutscope::Layout for Split {
        const __FACTS: ::layoutscope::__Facts = ::layoutscope::__Facts::fields_align(
            &[::core::mem::align_of::<u16>()],
        );
        const LAYOUT: ::layoutscope::TypeLayout = ::layoutscope::__enumeration::<
            Self,
            u8,
        >(
            "Split",
            ::layoutscope::Repr::c_int(::layoutscope::IntRepr::U8).with_align(16),
            &[
                ::layoutscope::__variant(
                    "A",
                    0,
                    ::layoutscope::StructKind::TupleStruct,
                    &::layoutscope::__place_variant::<
                        Self,
                        u8,
                        _,
                    >(
                        ::layoutscope::Repr::c_int(::layoutscope::IntRepr::U8)
                            .with_align(16),
                        [::layoutscope::__unplaced::<u16>("0", "u16")],
                    ),
                ),
                ::layoutscope::__unit_variant("B", 1),
            ],
        );
    }
    #[automatically_derived]
    impl ::layoutscope::LayoutOfVal for Split {
        #[inline]
        fn field_addresses_of_val(
            &self,
            visit: &mut dyn ::core::ops::FnMut(usize, &[usize]),
        ) {
            match self {
                Self::A(f0) => visit(0, &[f0 as *const _ as usize]),
                Self::B => visit(1, &[]),
            }
        }
    }
};
