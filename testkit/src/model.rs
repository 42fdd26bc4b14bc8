//! The type model: a struct, union or enum definition as data, and its Rust source
//! ([`Item`]'s `Display`).

use std::fmt::{self, Display, Formatter, Write as _};

use layout_core::Repr;

/// A type definition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// Outer attributes other than the repr, as written, in order (`#[derive(Clone, Copy)]`,
    /// `/// A doc line.\n`); each is followed by a line break.
    pub attrs: Vec<String>,
    /// The `#[repr(..)]` (not written when it is the default).
    pub repr: Repr,
    /// `pub `, `pub(crate) ` or nothing.
    pub vis: String,
    /// The type's name.
    pub name: String,
    /// Generic parameters.
    pub params: Vec<Param>,
    /// `where T: Copy`, or nothing.
    pub where_clause: String,
    /// Fields or variants.
    pub body: Body,
}

/// A generic parameter: its name (`T`, `'a`, `N`) and its declaration as written (`T: Copy`,
/// `'b: 'a`, `const N: usize`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Param {
    /// The kind of parameter.
    pub kind: ParamKind,
    /// The name, as arguments name it.
    pub name: String,
    /// The declaration.
    pub decl: String,
}

/// Lifetime, type or const.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParamKind {
    /// `'a`.
    Lifetime,
    /// `T`.
    Type,
    /// `const N: usize`.
    Const,
}

impl Param {
    /// A parameter of `kind` declared as `decl`, named by its first word (`T` of `T: Copy`,
    /// `N` of `const N: usize`).
    pub fn new(kind: ParamKind, decl: &str) -> Param {
        let words = decl.strip_prefix("const ").unwrap_or(decl);
        let end = words
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '\''))
            .unwrap_or(words.len());
        Param {
            kind,
            name: words[..end].to_owned(),
            decl: decl.to_owned(),
        }
    }
}

/// What a type is made of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Body {
    /// A struct's fields.
    Struct(Fields),
    /// A union's fields (named).
    Union(Vec<Field>),
    /// An enum's variants.
    Enum(Vec<Variant>),
}

/// The fields of a struct or variant, and how they are written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fields {
    /// Unit, tuple or named.
    pub style: Style,
    /// The fields (none for `Unit`), in declaration order.
    pub fields: Vec<Field>,
}

/// How a struct or variant is written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Style {
    /// `struct S;`, `V`.
    #[default]
    Unit,
    /// `struct S(A, B);`, `V(A, B)`.
    Tuple,
    /// `struct S { a: A }`, `V { a: A }`.
    Named,
}

/// One field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    /// Attributes as written (`#[layout(opaque)]`, `/// A doc line.\n`).
    pub attrs: Vec<String>,
    /// `pub ` or nothing.
    pub vis: String,
    /// How `offset_of!` names it: the name of a named field (`a`, `r#type`), the position of
    /// a tuple field (`0`).
    pub member: String,
    /// The type as written.
    pub ty: String,
}

impl Field {
    /// A field without attributes or visibility.
    pub fn new(member: impl Into<String>, ty: impl Into<String>) -> Field {
        Field {
            attrs: Vec::new(),
            vis: String::new(),
            member: member.into(),
            ty: ty.into(),
        }
    }
}

/// One enum variant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Variant {
    /// Attributes as written.
    pub attrs: Vec<String>,
    /// The identifier as written (`r#type` keeps its `r#`).
    pub ident: String,
    /// Its fields.
    pub fields: Fields,
    /// The discriminant expression, when one is written (`= 1 << 4`).
    pub discriminant: Option<String>,
    /// The discriminant's value as 128-bit two's complement bits, when the generator knows it.
    pub value: Option<u128>,
}

impl Item {
    /// Every field of the struct or union, or of every variant.
    pub fn fields(&self) -> impl Iterator<Item = &Field> {
        let (own, variants): (&[Field], &[Variant]) = match &self.body {
            Body::Struct(f) => (&f.fields, &[]),
            Body::Union(f) => (f, &[]),
            Body::Enum(v) => (&[], v),
        };
        own.iter()
            .chain(variants.iter().flat_map(|v| &v.fields.fields))
    }

    /// `<T, const N: usize>`, or nothing.
    pub fn generics(&self) -> String {
        list(self.params.iter().map(|p| p.decl.as_str()), "<", ">")
    }

    /// The item's type with its own parameters as arguments: `G<T, N>`.
    pub fn self_ty(&self) -> String {
        let args = list(self.params.iter().map(|p| p.name.as_str()), "<", ">");
        format!("{}{args}", self.name)
    }
}

/// `items` joined by `, ` between `open` and `close`, or nothing when there are none.
fn list<'a>(items: impl Iterator<Item = &'a str>, open: &str, close: &str) -> String {
    let items: Vec<&str> = items.collect();
    if items.is_empty() {
        String::new()
    } else {
        format!("{open}{}{close}", items.join(", "))
    }
}

fn attrs(out: &mut String, attrs: &[String], separator: char) {
    for a in attrs {
        out.push_str(a);
        if !a.ends_with('\n') {
            out.push(separator);
        }
    }
}

impl Fields {
    /// `(A, B)`, ` { a: A }`, or nothing for a unit struct or variant.
    fn write(&self, out: &mut String) {
        let fields = self.fields.iter().map(|f| {
            let mut s = String::new();
            attrs(&mut s, &f.attrs, ' ');
            s.push_str(&f.vis);
            if self.style == Style::Named {
                let _ = write!(s, "{}: ", f.member);
            }
            s.push_str(&f.ty);
            s
        });
        let fields: Vec<String> = fields.collect();
        match self.style {
            Style::Unit => {}
            Style::Tuple => {
                let _ = write!(out, "({})", fields.join(", "));
            }
            Style::Named if fields.is_empty() => out.push_str(" {}"),
            Style::Named => {
                let _ = write!(out, " {{ {} }}", fields.join(", "));
            }
        }
    }
}

/// The item as Rust source, ending with a line break.
impl Display for Item {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        attrs(&mut out, &self.attrs, '\n');
        if !self.repr.is_default() {
            let _ = writeln!(out, "#[{}]", self.repr);
        }
        let keyword = match self.body {
            Body::Struct(_) => "struct",
            Body::Union(_) => "union",
            Body::Enum(_) => "enum",
        };
        let _ = write!(
            out,
            "{}{keyword} {}{}",
            self.vis,
            self.name,
            self.generics()
        );
        let where_clause = if self.where_clause.is_empty() {
            String::new()
        } else {
            format!(" {}", self.where_clause)
        };
        match &self.body {
            Body::Struct(fields) if fields.style == Style::Named => {
                out.push_str(&where_clause);
                fields.write(&mut out);
            }
            Body::Struct(fields) => {
                fields.write(&mut out);
                let _ = write!(out, "{where_clause};");
            }
            Body::Union(fields) => {
                out.push_str(&where_clause);
                let named = Fields {
                    style: Style::Named,
                    fields: fields.clone(),
                };
                named.write(&mut out);
            }
            Body::Enum(variants) => {
                let _ = write!(out, "{where_clause} {{");
                let long = variants.len() > 12;
                for (i, v) in variants.iter().enumerate() {
                    out.push_str(if long { "\n    " } else { " " });
                    attrs(&mut out, &v.attrs, ' ');
                    out.push_str(&v.ident);
                    v.fields.write(&mut out);
                    if let Some(d) = &v.discriminant {
                        let _ = write!(out, " = {d}");
                    }
                    if long || i + 1 < variants.len() {
                        out.push(',');
                    }
                }
                out.push_str(if long { "\n}" } else { " }" });
            }
        }
        out.push('\n');
        f.write_str(&out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use layout_core::IntRepr;

    fn variant(ident: &str, fields: Fields, discriminant: Option<&str>) -> Variant {
        Variant {
            attrs: Vec::new(),
            ident: ident.to_owned(),
            fields,
            discriminant: discriminant.map(str::to_owned),
            value: None,
        }
    }

    #[test]
    fn renders_every_shape() {
        let mut item = Item {
            attrs: vec!["/// Doc.\n".into(), "#[derive(Clone, Copy)]".into()],
            repr: Repr::C.with_packed(2),
            vis: "pub ".into(),
            name: "S".into(),
            params: vec![
                Param::new(ParamKind::Type, "T: Copy"),
                Param::new(ParamKind::Const, "const N: usize"),
            ],
            where_clause: "where T: Default".into(),
            body: Body::Struct(Fields {
                style: Style::Named,
                fields: vec![
                    Field {
                        attrs: vec!["#[layout(opaque)]".into()],
                        vis: "pub ".into(),
                        member: "r#type".into(),
                        ty: "[T; N]".into(),
                    },
                    Field::new("b", "u8"),
                ],
            }),
        };
        assert_eq!(
            item.to_string(),
            "/// Doc.\n#[derive(Clone, Copy)]\n#[repr(C, packed(2))]\npub struct S<T: Copy, \
             const N: usize> where T: Default { #[layout(opaque)] pub r#type: [T; N], b: u8 }\n"
        );
        assert_eq!(item.self_ty(), "S<T, N>");
        assert_eq!(item.fields().count(), 2);

        item.body = Body::Struct(Fields {
            style: Style::Tuple,
            fields: vec![Field::new("0", "T")],
        });
        item.attrs.clear();
        item.repr = Repr::RUST;
        assert_eq!(
            item.to_string(),
            "pub struct S<T: Copy, const N: usize>(T) where T: Default;\n"
        );

        let e = Item {
            attrs: vec![],
            repr: Repr::int(IntRepr::U8),
            vis: String::new(),
            name: "E".into(),
            params: vec![],
            where_clause: String::new(),
            body: Body::Enum(vec![
                variant("A", Fields::default(), Some("1 << 2")),
                variant(
                    "B",
                    Fields {
                        style: Style::Named,
                        fields: vec![Field::new("x", "u16")],
                    },
                    None,
                ),
            ]),
        };
        assert_eq!(
            e.to_string(),
            "#[repr(u8)]\nenum E { A = 1 << 2, B { x: u16 } }\n"
        );
        assert_eq!(e.fields().count(), 1);
        let void = Item {
            body: Body::Enum(vec![]),
            repr: Repr::RUST,
            ..e
        };
        assert_eq!(void.to_string(), "enum E { }\n");
        let p = Param::new(ParamKind::Lifetime, "'b: 'a");
        assert_eq!((p.name.as_str(), p.decl.as_str()), ("'b", "'b: 'a"));
    }
}
