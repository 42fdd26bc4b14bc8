//! The fields of one variant against where an oracle places them. A struct or union is one
//! variant; an enum has one list of fields per variant.

use super::{names, Checker};
use crate::parse_probe::OurField;
use crate::parse_pts::Placed;

/// Whose fields: a struct's or union's (facts named `.a: …`), or a variant's (`V.a: …`,
/// `V: …`).
#[derive(Clone, Copy)]
pub(super) struct Scope<'a>(pub(super) Option<&'a str>);

impl Scope<'_> {
    /// The fields of a struct or union.
    pub(super) const TYPE: Scope<'static> = Scope(None);

    /// A fact about the whole field list.
    pub(super) fn list(self, what: &str) -> String {
        match self.0 {
            None => what.to_owned(),
            Some(variant) => format!("{variant}: {what}"),
        }
    }

    /// A fact about the field `name`.
    pub(super) fn field(self, name: &str, what: &str) -> String {
        format!("{}.{name}: {what}", self.0.unwrap_or(""))
    }
}

/// layoutscope's fields of one variant.
#[derive(Clone, Copy)]
pub(super) struct Ours<'a> {
    /// The fields in declaration order.
    pub(super) fields: &'a [OurField],
    /// Whether their offsets are exact (layoutscope knows every struct's; a variant's only
    /// under an explicit repr).
    pub(super) exact: bool,
    /// The offsets a live value of the variant reported, by name (`None`: no value, or a
    /// struct, whose `offset_of!` offsets are compared with the const ones instead).
    pub(super) live: Option<&'a [(String, u64)]>,
}

impl Ours<'_> {
    fn live(&self, name: &str) -> Option<u64> {
        let (_, offset) = self.live?.iter().find(|(n, _)| n == name)?;
        Some(*offset)
    }
}

/// Against rustc's offsets of the variant, in declaration order (`#[rustc_layout(debug)]`).
pub(super) fn against_layout_of(c: &mut Checker, scope: Scope, ours: Ours, offsets: &[u64]) {
    c.eq(
        &scope.list("field count vs layout_of"),
        ours.fields.len(),
        offsets.len(),
    );
    for (f, offset) in ours.fields.iter().zip(offsets) {
        if ours.exact {
            c.eq(
                &scope.field(&f.name, "const offset vs layout_of"),
                f.offset,
                *offset,
            );
        }
        if let Some(live) = ours.live(&f.name) {
            c.eq(
                &scope.field(&f.name, "live offset vs layout_of"),
                live,
                *offset,
            );
        }
    }
}

/// Against the fields `-Zprint-type-sizes` placed: names, sizes and offsets.
pub(super) fn against_print_type_sizes(
    c: &mut Checker,
    scope: Scope,
    ours: Ours,
    placed: &[Placed],
) {
    let mut theirs: Vec<&str> = placed.iter().map(|p| p.name.as_str()).collect();
    let mut mine: Vec<&str> = ours.fields.iter().map(|f| f.name.as_str()).collect();
    theirs.sort_unstable();
    mine.sort_unstable();
    c.eq(
        &scope.list("field names vs -Zprint-type-sizes"),
        names(mine.into_iter()),
        names(theirs.into_iter()),
    );
    for f in ours.fields {
        let Some(p) = placed.iter().find(|p| p.name == f.name) else {
            continue;
        };
        c.eq(
            &scope.field(&f.name, "size vs -Zprint-type-sizes"),
            f.size,
            p.size,
        );
        if ours.exact {
            c.eq(
                &scope.field(&f.name, "const offset vs -Zprint-type-sizes"),
                f.offset,
                p.offset,
            );
        }
        if let Some(live) = ours.live(&f.name) {
            c.eq(
                &scope.field(&f.name, "live offset vs -Zprint-type-sizes"),
                live,
                p.offset,
            );
        }
    }
}
