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
    #[repr(C)]
    struct __LayoutscopeV0 {
        f0: u16,
    }
    #[repr(C)]
    union __LayoutscopePayload {
        v0: ::core::mem::ManuallyDrop<__LayoutscopeV0>,
    }
    #[repr(C, align(16))]
    struct __LayoutscopeWhole {
        tag: u8,
        payload: __LayoutscopePayload,
    }
    #[automatically_derived]
    impl ::layoutscope::Layout for Split {
        const LAYOUT: ::layoutscope::TypeLayout = ::layoutscope::__enumeration::<
            Self,
        >(
            "Split",
            ::layoutscope::Repr::c_int(::layoutscope::IntRepr::U8).with_align(16),
            &[
                ::layoutscope::__variant(
                    "A",
                    0,
                    ::layoutscope::StructKind::TupleStruct,
                    &[
                        ::layoutscope::__field::<
                            u16,
                        >(
                            "0",
                            "u16",
                            ::layoutscope::__offset_of!(__LayoutscopeWhole, payload)
                                + ::layoutscope::__offset_of!(__LayoutscopeV0, f0),
                        ),
                    ],
                ),
                ::layoutscope::__unit_variant("B", 1),
            ],
            ::core::option::Option::Some(
                ::layoutscope::__Shadow::of::<__LayoutscopeWhole, u8>(),
            ),
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
