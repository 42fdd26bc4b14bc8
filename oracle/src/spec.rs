//! What the oracle compares: one [`Instance`] per concrete type, carrying what each oracle
//! needs to find that type again (its source text, the name rustc prints for it, its fields).

/// How rustc lays a type out: tuple and unit structs are structs too.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One variant whose fields follow each other.
    Struct,
    /// All fields at offset 0.
    Union,
}

/// One declared field, in declaration order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldRef {
    /// How the field is named in `offset_of!` (`a`, `r#type`, `0`).
    pub member: String,
    /// How layoutscope and rustc's `-Zprint-type-sizes` name it (`a`, `type`, `0`).
    pub name: String,
}

impl FieldRef {
    /// A field named as written; `r#` is dropped from the reported name.
    pub fn new(member: &str) -> FieldRef {
        FieldRef {
            member: member.to_owned(),
            name: member.strip_prefix("r#").unwrap_or(member).to_owned(),
        }
    }
}

/// Where a type comes from, for mismatch reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The random generator.
    Generated,
    /// A hand-written case file (`oracle/cases/<name>`).
    Case(&'static str),
}

/// One concrete type to compare.
#[derive(Clone, Debug)]
pub struct Instance {
    /// The type as written in Rust source (`G3<u8, [u16; 2], 1>`).
    pub ty: String,
    /// The type as rustc prints it in `-Zprint-type-sizes` and `layout_of(..)`
    /// (`G3<std::option::Option<u32>, 1>`): paths of std types are spelled out.
    pub rustc_name: String,
    /// Struct or union.
    pub kind: Kind,
    /// The declared fields, in declaration order.
    pub fields: Vec<FieldRef>,
    /// Generator or case file.
    pub origin: Origin,
}
