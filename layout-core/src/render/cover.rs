//! Which field, tag or padding owns each byte, shared by the byte map, the boxes and the SVG.
//! Unions are split into one group per member and enums into one per variant; bytes whose
//! owner is not known are `Unknown`, never guessed.

use super::table::expandable;
use super::Diagram;
use crate::model::{Field, TypeLayout};
use crate::padding::ByteRange;
use crate::Tag;

/// Who owns one byte.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Owner {
    /// The unit with this index (memory order, see [`for_each_unit`]).
    Unit(usize),
    Padding,
    Tag,
    Unknown,
    /// A union byte that this member does not cover (another member may).
    Elsewhere,
}

/// A leaf of the field tree, down to the diagram's depth.
#[derive(Clone, Copy)]
pub(super) struct Unit {
    pub offset: usize,
    pub field: &'static Field,
    /// The names of the enclosing fields, outermost first.
    pub path: [&'static str; 8],
    pub level: usize,
}

impl core::fmt::Display for Unit {
    /// The dotted path: `middle.inner.ok`.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        for p in &self.path[..self.level] {
            write!(f, "{p}.")?;
        }
        f.write_str(self.field.name)
    }
}

/// The unit with this index in the group's memory order.
pub(super) fn unit_at(d: &Diagram, fields: &'static [Field], index: usize) -> Option<Unit> {
    let mut found = None;
    for_each_unit(d, fields, &mut |i, u| {
        if i == index {
            found = Some(u);
        }
    });
    found
}

/// The bytes one row group describes.
#[derive(Clone, Copy)]
pub(super) struct Group {
    pub fields: &'static [Field],
    pub tag: Option<ByteRange>,
    /// Every byte that no unit or tag claims is unknown rather than padding.
    pub unknown: bool,
    /// Bytes outside every unit are not padding but another union member's.
    pub union: bool,
}

/// A titled group of bytes: the whole type, one union member or one enum variant.
pub(super) struct Titled {
    /// `variant Move = 1`, `member word`, or empty for a struct.
    pub kind: &'static str,
    pub name: &'static str,
    pub discriminant: Option<crate::Discriminant>,
    pub group: Group,
}

/// The groups to draw for the diagram's type; `None` for a leaf (no fields described).
pub(super) fn groups(l: &TypeLayout, visit: &mut dyn FnMut(Titled)) -> bool {
    if l.is_enum() && (!l.variants().is_empty() || l.tag() != Tag::None) {
        for (i, v) in l.variants().iter().enumerate() {
            visit(Titled {
                kind: "variant",
                name: v.name,
                discriminant: Some(l.discriminant(v)),
                group: Group {
                    fields: v.fields,
                    tag: l.tag_range_of(i),
                    unknown: !v.offsets_known() || l.tag() == Tag::Unknown,
                    union: false,
                },
            });
        }
        true
    } else if l.is_union() {
        for i in 0..l.fields().len() {
            visit(Titled {
                kind: "member",
                name: l.fields()[i].name,
                discriminant: None,
                group: Group {
                    fields: &l.fields()[i..=i],
                    tag: None,
                    unknown: false,
                    union: true,
                },
            });
        }
        true
    } else if l.has_fields() {
        visit(Titled {
            kind: "",
            name: "",
            discriminant: None,
            group: Group {
                fields: l.fields(),
                tag: None,
                unknown: false,
                union: false,
            },
        });
        true
    } else {
        false
    }
}

pub(super) fn owner(d: &Diagram, g: Group, byte: usize) -> Owner {
    if let Some(tag) = g.tag {
        if tag.start <= byte && byte < tag.end {
            return Owner::Tag;
        }
    }
    if g.unknown {
        return Owner::Unknown;
    }
    let mut found = None;
    for_each_unit(d, g.fields, &mut |index, unit| {
        if found.is_none() && unit.offset <= byte && byte < unit.offset + unit.field.size() {
            found = Some(index);
        }
    });
    match found {
        Some(i) => Owner::Unit(i),
        None if g.union && covered_by_any_member(d.layout, byte) => Owner::Elsewhere,
        None => Owner::Padding,
    }
}

fn covered_by_any_member(l: &TypeLayout, byte: usize) -> bool {
    l.fields().iter().any(|f| byte < f.size())
}

pub(super) fn count_units(d: &Diagram, fields: &'static [Field]) -> usize {
    let mut n = 0;
    for_each_unit(d, fields, &mut |_, _| n += 1);
    n
}

/// Visits the units in memory order, expanding nested fields down to the diagram's depth.
pub(super) fn for_each_unit(
    d: &Diagram,
    fields: &'static [Field],
    visit: &mut dyn FnMut(usize, Unit),
) {
    let mut index = 0;
    walk(d, fields, 0, [""; 8], 0, &mut index, visit);
}

fn walk(
    d: &Diagram,
    fields: &'static [Field],
    base: usize,
    path: [&'static str; 8],
    level: usize,
    index: &mut usize,
    visit: &mut dyn FnMut(usize, Unit),
) {
    let mut last = None;
    while let Some(i) = crate::order::next_by_offset(fields, last) {
        let field = &fields[i];
        last = Some((field.placed(), i));
        if field.size() == 0 {
            continue;
        }
        match expandable(field) {
            Some(inner) if level < d.depth && level + 1 < path.len() => {
                let mut inner_path = path;
                inner_path[level] = field.name;
                walk(
                    d,
                    inner.fields(),
                    base + field.placed(),
                    inner_path,
                    level + 1,
                    index,
                    visit,
                );
            }
            _ => {
                let unit = Unit {
                    offset: base + field.placed(),
                    field,
                    path,
                    level,
                };
                visit(*index, unit);
                *index += 1;
            }
        }
    }
}

/// Whether any byte of the group has this owner.
pub(super) fn has(d: &Diagram, g: Group, wanted: Owner) -> bool {
    (0..d.layout.size).any(|b| owner(d, g, b) == wanted)
}
