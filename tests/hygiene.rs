//! The generated code must compile wherever users put the derive: without the prelude, with
//! `core`, `std`, `Option` and our own names shadowed, and with the facade reached under
//! another name.

mod no_prelude {
    #![no_implicit_prelude]

    #[derive(::layoutscope::Layout)]
    #[allow(dead_code)]
    pub struct Plain {
        a: u8,
        b: u32,
        c: ::core::option::Option<&'static u8>,
    }

    #[derive(::layoutscope::Layout)]
    #[allow(dead_code)]
    pub struct Generic<'a, T: 'a, const N: usize>
    where
        T: ::core::marker::Copy,
    {
        items: [T; N],
        by_ref: &'a T,
    }
}

mod shadowed {
    #![allow(dead_code, non_camel_case_types)]
    use ::layoutscope::Layout as DeriveLayout;

    // Names the generated code must not pick up by accident.
    struct core;
    struct std;
    struct Option;
    struct Some;
    struct None;
    struct Layout;
    struct TypeLayout;
    struct Field;
    struct Self_;
    mod layoutscope {}
    fn offset_of() {}
    fn size_of() {}

    #[derive(DeriveLayout)]
    #[layout(crate = "::layoutscope")]
    pub struct Inner {
        pub(crate) r#type: u8,
        pub(crate) r#match: u32,
        pub(crate) self_: bool,
    }

    #[derive(DeriveLayout)]
    #[layout(crate = "::layoutscope")]
    pub union Either {
        a: u16,
        b: [u8; 3],
    }
}

mod renamed {
    extern crate layoutscope as ls;

    pub mod reexport {
        pub use ::layoutscope as layout;
    }

    #[derive(ls::Layout)]
    #[layout(crate = "ls")]
    #[allow(dead_code)]
    pub struct ViaExternCrate(u8, u64);

    #[derive(ls::Layout)]
    #[layout(crate = "crate::renamed::reexport::layout")]
    #[allow(dead_code)]
    pub struct ViaReexport {
        x: u16,
    }
}

#[test]
fn derived_code_compiles_and_reports_the_same_numbers() {
    use layoutscope::Layout;
    use std::mem::{offset_of, size_of};

    assert_eq!(
        no_prelude::Plain::LAYOUT.size,
        size_of::<no_prelude::Plain>()
    );
    assert_eq!(
        no_prelude::Generic::<u16, 3>::LAYOUT.size,
        size_of::<no_prelude::Generic<u16, 3>>()
    );
    let inner = &shadowed::Inner::LAYOUT;
    assert_eq!(
        inner.field("type").map(|f| f.offset),
        Some(Some(offset_of!(shadowed::Inner, r#type)))
    );
    assert_eq!(
        inner.field("match").map(|f| f.offset),
        Some(Some(offset_of!(shadowed::Inner, r#match)))
    );
    assert_eq!(shadowed::Either::LAYOUT.size, 4);
    assert_eq!(renamed::ViaExternCrate::LAYOUT.size, 16);
    assert_eq!(renamed::ViaReexport::LAYOUT.size, 2);
}
