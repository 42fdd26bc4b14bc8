//! What the oracle compares: one [`Instance`] per concrete struct, union or enum, carrying
//! what each oracle needs to find that type again (its source text, the name rustc prints for
//! it, and its [`Shape`]: the declared fields, or an enum's repr and its variants with their
//! discriminants), and the [`Definition`]s the probe writes value constructors for. Both come
//! from the test kit's type model ([`Item`]), whether the generator wrote it or the case
//! reader read it.

use layout_core::{IntRepr, Repr};
pub use layout_testkit::Mix;
pub use layout_testkit::Style;
use layout_testkit::{Batch, Body, Item};

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
    /// A hand-written case file or a saved reproducer (its path under `oracle/`).
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
    /// Its fields or variants.
    pub shape: Shape,
    /// Generator or case file.
    pub origin: Origin,
}

/// What a type is made of, as declared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A struct (tuple and unit structs too): one variant whose fields follow each other.
    Struct(Vec<FieldRef>),
    /// A union: all fields at offset 0.
    Union(Vec<FieldRef>),
    /// An enum.
    Enum(EnumShape),
}

/// An enum's repr and variants.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnumShape {
    /// The `#[repr(..)]` (`C`, an integer, `align(N)`).
    pub repr: Repr,
    /// The variants in declaration order.
    pub variants: Vec<VariantSpec>,
}

impl Instance {
    /// What the oracle's report counts this type as.
    pub fn kind(&self) -> TypeKind {
        match &self.shape {
            Shape::Struct(_) => TypeKind::Struct,
            Shape::Union(_) => TypeKind::Union,
            Shape::Enum(e) => TypeKind::Enum(e.kind()),
        }
    }
}

/// One variant of an enum, in declaration order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VariantSpec {
    /// The identifier as written (`r#type` keeps its `r#`).
    pub ident: String,
    /// The name layoutscope and rustc report (`type`).
    pub name: String,
    /// Unit, tuple or struct-like.
    pub style: Style,
    /// The fields in declaration order.
    pub fields: Vec<FieldRef>,
    /// The discriminant the source gives it, as 128-bit two's complement bits, when the
    /// oracle knows it (every generated enum; literal and implicit values in case files).
    pub discriminant: Option<u128>,
    /// `false` for variants that cannot be constructed (a field of type `Infallible`).
    pub inhabited: bool,
}

/// What layoutscope's derive can know about an enum's layout, by repr and data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum EnumKind {
    /// No variants.
    Empty,
    /// No variant has fields: the tag is the value.
    Fieldless,
    /// Data with `repr(C)` or an integer repr: specified by RFC 2195.
    ExplicitData,
    /// Data with `repr(Rust)`: unspecified.
    RustData,
}

impl EnumKind {
    /// Every kind, for reports.
    pub const ALL: [EnumKind; 4] = [
        EnumKind::Fieldless,
        EnumKind::ExplicitData,
        EnumKind::RustData,
        EnumKind::Empty,
    ];
}

/// The kinds of types a report tells apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum TypeKind {
    /// Structs (named, tuple, unit; generic ones once per instantiation).
    Struct,
    /// Unions.
    Union,
    /// Enums, by what the derive can know about them.
    Enum(EnumKind),
}

impl TypeKind {
    /// Every kind, in report order.
    pub const ALL: [TypeKind; 6] = [
        TypeKind::Struct,
        TypeKind::Union,
        TypeKind::Enum(EnumKind::Fieldless),
        TypeKind::Enum(EnumKind::ExplicitData),
        TypeKind::Enum(EnumKind::RustData),
        TypeKind::Enum(EnumKind::Empty),
    ];

    /// A short name for reports.
    pub fn label(self) -> &'static str {
        match self {
            TypeKind::Struct => "structs",
            TypeKind::Union => "unions",
            TypeKind::Enum(EnumKind::Empty) => "enums, empty",
            TypeKind::Enum(EnumKind::Fieldless) => "enums, fieldless",
            TypeKind::Enum(EnumKind::ExplicitData) => "enums, data, explicit repr",
            TypeKind::Enum(EnumKind::RustData) => "enums, data, repr(Rust)",
        }
    }

    /// Whether this is one of the enum kinds.
    pub fn is_enum(self) -> bool {
        matches!(self, TypeKind::Enum(_))
    }
}

impl EnumShape {
    /// What the derive can know about this enum.
    pub fn kind(&self) -> EnumKind {
        if self.variants.is_empty() {
            EnumKind::Empty
        } else if self.variants.iter().all(|v| v.fields.is_empty()) {
            EnumKind::Fieldless
        } else if self.explicit() {
            EnumKind::ExplicitData
        } else {
            EnumKind::RustData
        }
    }

    /// `repr(C)` or an integer repr: RFC 2195 specifies the layout of the enum's data.
    pub fn explicit(&self) -> bool {
        self.repr.is_c() || self.repr.int_type().is_some()
    }

    /// The type of the discriminant values (`isize` without an integer repr).
    pub fn discriminant_type(&self) -> IntRepr {
        self.repr.int_type().unwrap_or(IntRepr::Isize)
    }

    /// Whether some variant has a field (the derive implements `LayoutOfVal` only then).
    pub fn has_fields(&self) -> bool {
        self.variants.iter().any(|v| !v.fields.is_empty())
    }

    /// Only unit variants: `as` casts to integers are allowed.
    pub fn unit_only(&self) -> bool {
        !self.variants.is_empty() && self.variants.iter().all(|v| v.style == Style::Unit)
    }

    /// Whether the bytes of the tag of a live value are initialised by specification, so that
    /// the probe may read them: fieldless enums and explicit reprs (RFC 2195).
    pub fn tag_readable(&self) -> bool {
        matches!(self.kind(), EnumKind::Fieldless | EnumKind::ExplicitData)
    }
}

/// The parts of an enum's `#[repr(..)]` that its layout depends on, as the generator writes
/// them and the case reader reads them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReprParts {
    /// `C`.
    pub c: bool,
    /// `u8` & co.
    pub int: Option<IntRepr>,
    /// `align(N)`.
    pub align: Option<usize>,
}

impl ReprParts {
    /// The repr, or `None` when `align` is not a power of two (rustc rejects it).
    pub fn repr(self) -> Option<Repr> {
        let repr = match (self.c, self.int) {
            (false, None) => Repr::RUST,
            (true, None) => Repr::C,
            (false, Some(int)) => Repr::int(int),
            (true, Some(int)) => Repr::c_int(int),
        };
        match self.align {
            Some(n) if !n.is_power_of_two() => None,
            Some(n) => Some(repr.with_align(n)),
            None => Some(repr),
        }
    }
}

/// A type definition (generic ones once), for which the probe writes a value constructor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Definition {
    /// The definition.
    pub item: Item,
    /// The identifiers of the variants that cannot be constructed.
    pub uninhabited: Vec<String>,
}

impl Definition {
    /// Whether the probe can construct variant `ident`.
    pub fn inhabited(&self, ident: &str) -> bool {
        !self.uninhabited.iter().any(|u| u == ident)
    }

    /// The shape of the definition's instances.
    pub fn shape(&self) -> Shape {
        let fields = |fields: &[layout_testkit::Field]| {
            fields.iter().map(|f| FieldRef::new(&f.member)).collect()
        };
        match &self.item.body {
            Body::Struct(f) => Shape::Struct(fields(&f.fields)),
            Body::Union(f) => Shape::Union(fields(f)),
            Body::Enum(variants) => Shape::Enum(EnumShape {
                repr: self.item.repr,
                variants: variants
                    .iter()
                    .map(|v| VariantSpec {
                        ident: v.ident.clone(),
                        name: v.ident.strip_prefix("r#").unwrap_or(&v.ident).to_owned(),
                        style: v.fields.style,
                        fields: fields(&v.fields.fields),
                        discriminant: v.value,
                        inhabited: self.inhabited(&v.ident),
                    })
                    .collect(),
            }),
        }
    }
}

/// What a batch's generator wrote.
#[derive(Clone, Debug)]
pub struct Generated {
    /// Rust items, to be placed at the crate root.
    pub source: String,
    /// One entry per concrete type to compare (generic definitions once per instantiation),
    /// in definition order.
    pub instances: Vec<Instance>,
    /// The definitions of the compared types, for value constructors.
    pub definitions: Vec<Definition>,
}

impl Generated {
    /// The test kit's generator's batch of `mix` from `seed`, `count` types.
    pub fn new(mix: Mix, seed: u64, count: usize) -> Generated {
        Generated::of(&layout_testkit::generate(mix, seed, count))
    }

    /// What the oracle compares of a generated batch: every type that derives `Layout` (the
    /// enums a struct batch only holds in `#[layout(opaque)]` fields do not).
    pub fn of(batch: &Batch) -> Generated {
        let mut out = Generated {
            source: format!(
                "// Generated by layout-oracle: a batch of {} from seed {}.\n",
                batch.mix.label(),
                batch.seed
            ),
            instances: Vec::new(),
            definitions: Vec::new(),
        };
        out.source
            .push_str(&batch.source("#[derive(layoutscope::Layout)]"));
        for g in batch.items.iter().filter(|g| g.derive) {
            let def = Definition {
                item: g.item.clone(),
                uninhabited: Vec::new(),
            };
            for i in &g.instances {
                out.instances.push(Instance {
                    ty: i.src.clone(),
                    rustc_name: i.rustc.clone(),
                    shape: def.shape(),
                    origin: Origin::Generated,
                });
            }
            out.definitions.push(def);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reprs_from_parts() {
        let parts = |c, int, align| ReprParts { c, int, align }.repr();
        let u8 = Some(IntRepr::U8);
        assert_eq!(parts(false, None, None), Some(Repr::RUST));
        let c_u8 = parts(true, u8, Some(4)).unwrap();
        assert_eq!(c_u8.to_string(), "repr(C, u8, align(4))");
        assert_eq!(parts(false, u8, Some(3)), None);
    }

    #[test]
    fn generated_batches_are_compared_as_written() {
        let g = Generated::new(Mix::Enums, 7, 60);
        let enums = g.instances.iter().filter(|i| i.kind().is_enum()).count();
        assert_eq!(enums, 60);
        assert!(g.instances.len() > 60, "no struct nesting enums");
        assert!(g.source.contains("#[derive(layoutscope::Layout)]\n"));
        let s = Generated::new(Mix::Structs, 7, 60);
        assert_eq!(s.instances.len(), 60);
        assert!(s.instances.iter().all(|i| !i.kind().is_enum()));
        // The struct batch's enums are field types only: in the source, not compared.
        assert!(s.source.contains("\n#[derive(Clone, Copy)]\n"));
        let e = g
            .instances
            .iter()
            .find_map(|i| match &i.shape {
                Shape::Enum(e) if !e.variants.is_empty() => Some(e),
                _ => None,
            })
            .unwrap();
        assert!(e
            .variants
            .iter()
            .all(|v| v.discriminant.is_some() && v.inhabited));
    }
}
