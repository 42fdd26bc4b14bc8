// What `#[derive(Layout)]` emits for `values_enum.rs`.
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
    impl ::layoutscope::Layout for Data {
        const LAYOUT: ::layoutscope::TypeLayout = ::layoutscope::__enumeration::<
            Self,
            Self,
        >(
            "Data",
            ::layoutscope::Repr::RUST,
            &[
                ::layoutscope::__unit_variant("Empty", 0),
                ::layoutscope::__variant(
                    "Number",
                    1,
                    ::layoutscope::StructKind::TupleStruct,
                    &[::layoutscope::__unplaced::<i32>("0", "i32")],
                ),
                ::layoutscope::__variant(
                    "Array",
                    2,
                    ::layoutscope::StructKind::Named,
                    &[
                        ::layoutscope::__unplaced::<
                            Box<Vec<i32>>,
                        >("items", "Box<Vec<i32>>"),
                    ],
                ),
            ],
        );
    }
    #[automatically_derived]
    impl ::layoutscope::LayoutOfVal for Data {
        #[inline]
        fn field_addresses_of_val(
            &self,
            visit: &mut dyn ::core::ops::FnMut(usize, &[usize]),
        ) {
            match self {
                Self::Empty => visit(0, &[]),
                Self::Number(f0) => visit(1, &[f0 as *const _ as usize]),
                Self::Array { items: f0 } => visit(2, &[f0 as *const _ as usize]),
            }
        }
    }
};
#[allow(deprecated)]
const _: () = {
    #[automatically_derived]
    impl ::layoutscope::values::Visit for Data {
        #[inline]
        fn visit(&self, v: &mut ::layoutscope::values::Visitor<'_>) {
            match self {
                Self::Empty => {
                    v.variant("Empty");
                }
                Self::Number(f0) => {
                    v.variant("Number");
                    v.field("0", f0);
                }
                Self::Array { items: f0 } => {
                    v.variant("Array");
                    v.field("items", f0);
                }
            }
        }
    }
};
