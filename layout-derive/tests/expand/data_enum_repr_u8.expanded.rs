// What `#[derive(Layout)]` emits for `data_enum_repr_u8.rs`.
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
    #[repr(u8)]
    enum __LayoutscopeTag {
        Quit,
        Move,
        Write = 7,
    }
    #[automatically_derived]
    impl ::layoutscope::Layout for Message {
        const LAYOUT: ::layoutscope::TypeLayout = ::layoutscope::__enumeration::<
            Self,
            u8,
        >(
            "Message",
            ::layoutscope::Repr::int(::layoutscope::IntRepr::U8),
            &[
                ::layoutscope::__unit_variant("Quit", __LayoutscopeTag::Quit as u128),
                ::layoutscope::__variant(
                    "Move",
                    __LayoutscopeTag::Move as u128,
                    ::layoutscope::StructKind::Named,
                    &::layoutscope::__place_variant::<
                        Self,
                        u8,
                        _,
                    >(
                        ::layoutscope::Repr::int(::layoutscope::IntRepr::U8),
                        [
                            ::layoutscope::__unplaced::<i32>("x", "i32"),
                            ::layoutscope::__unplaced::<i32>("y", "i32"),
                        ],
                    ),
                ),
                ::layoutscope::__variant(
                    "Write",
                    __LayoutscopeTag::Write as u128,
                    ::layoutscope::StructKind::TupleStruct,
                    &::layoutscope::__place_variant::<
                        Self,
                        u8,
                        _,
                    >(
                        ::layoutscope::Repr::int(::layoutscope::IntRepr::U8),
                        [::layoutscope::__unplaced::<String>("0", "String")],
                    ),
                ),
            ],
        );
    }
    #[automatically_derived]
    impl ::layoutscope::LayoutOfVal for Message {
        #[inline]
        fn field_addresses_of_val(
            &self,
            visit: &mut dyn ::core::ops::FnMut(usize, &[usize]),
        ) {
            match self {
                Self::Quit => visit(0, &[]),
                Self::Move { x: f0, y: f1 } => {
                    visit(1, &[f0 as *const _ as usize, f1 as *const _ as usize])
                }
                Self::Write(f0) => visit(2, &[f0 as *const _ as usize]),
            }
        }
    }
};
