// What `#[derive(Layout)]` emits for `data_enum_repr_c.rs`.
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
    #[repr(C)]
    enum __LayoutscopeTag {
        Circle,
        Rect,
        Empty,
    }
    #[automatically_derived]
    impl ::layoutscope::Layout for Shape {
        const LAYOUT: ::layoutscope::TypeLayout = ::layoutscope::__enumeration::<
            Self,
            __LayoutscopeTag,
        >(
            "Shape",
            ::layoutscope::Repr::C,
            &[
                ::layoutscope::__variant(
                    "Circle",
                    0,
                    ::layoutscope::StructKind::Named,
                    &::layoutscope::__place_variant::<
                        Self,
                        __LayoutscopeTag,
                        _,
                    >(
                        ::layoutscope::Repr::C,
                        [::layoutscope::__unplaced::<f32>("radius", "f32")],
                    ),
                ),
                ::layoutscope::__variant(
                    "Rect",
                    1,
                    ::layoutscope::StructKind::TupleStruct,
                    &::layoutscope::__place_variant::<
                        Self,
                        __LayoutscopeTag,
                        _,
                    >(
                        ::layoutscope::Repr::C,
                        [
                            ::layoutscope::__unplaced::<u16>("0", "u16"),
                            ::layoutscope::__unplaced::<u16>("1", "u16"),
                        ],
                    ),
                ),
                ::layoutscope::__unit_variant("Empty", 2),
            ],
        );
    }
    #[automatically_derived]
    impl ::layoutscope::LayoutOfVal for Shape {
        #[inline]
        fn field_addresses_of_val(
            &self,
            visit: &mut dyn ::core::ops::FnMut(usize, &[usize]),
        ) {
            match self {
                Self::Circle { radius: f0 } => visit(0, &[f0 as *const _ as usize]),
                Self::Rect(f0, f1) => {
                    visit(1, &[f0 as *const _ as usize, f1 as *const _ as usize])
                }
                Self::Empty => visit(2, &[]),
            }
        }
    }
};
