//! The one walk over a layout in memory order. Every renderer draws the rows it yields and
//! decides nothing about structure itself: which sections a diagram has (the whole type, one
//! per union member, one per enum variant), which fields expand, what is padding and what is
//! unknown, and where cache lines begin are all decided here.
//!
//! **Padding in a diagram** is what its hole rows cover: the bytes that belong to no field at
//! the deepest level the diagram expands. At depth 0 that is [`TypeLayout::padding`]; with
//! `.depth(n)` a hole inside an expanded field is padding of the value too, so it is shown as a
//! row *and* counted in the summary.
//!
//! The walk recurses with one stack frame per expanded level and links each frame's field to
//! its parent's ([`Path`]), so it reaches any depth without allocating.

use core::fmt::{self, Display, Formatter};
use core::iter::Peekable;

use super::Diagram;
use crate::enums::{Tag, Variant};
use crate::model::{Body, Field, TypeLayout};
use crate::padding::{ByteRange, Padding};

/// How a renderer shows bytes that several fields share.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum View {
    /// Rows one under another (table, Markdown): a union's members are rows at the same
    /// offset, and a union inside a field expands like a struct.
    Rows,
    /// Painted bytes (byte map, boxes, SVG), where each byte has one owner: a union is drawn
    /// one member at a time, and a union inside a field is drawn whole.
    Bytes,
}

/// What a section shows.
#[derive(Clone, Copy)]
pub(super) enum Title {
    /// The type itself: a struct, a union listed as rows, or a leaf.
    Whole,
    /// One member of a union, drawn alone.
    Member(&'static Field),
    /// One variant of an enum.
    Variant {
        index: usize,
        variant: &'static Variant,
    },
}

/// One part of a diagram: the whole type, one union member or one enum variant.
#[derive(Clone, Copy)]
pub(super) struct Section<'d> {
    d: &'d Diagram<'d>,
    view: View,
    pub title: Title,
    content: Content,
}

#[derive(Clone, Copy)]
enum Content {
    /// The value is one thing: a scalar, pointer, array or opaque type.
    Leaf,
    /// Fields at known offsets, a variant's tag, and `holes`: the bytes neither covers.
    Placed {
        fields: &'static [Field],
        tag: Option<TagBytes>,
        holes: Padding,
        gaps: Gaps,
    },
    /// Fields whose offsets Rust does not specify: listed without offsets, every byte unknown.
    Unplaced { fields: &'static [Field] },
}

#[derive(Clone, Copy)]
struct TagBytes {
    bytes: ByteRange,
    value: Option<u128>,
    niche: bool,
}

/// What the bytes between a section's fields are.
#[derive(Clone, Copy)]
enum Gaps {
    Padding,
    /// The tag is somewhere among them, nobody says where.
    Unknown,
    /// One union member alone: bytes below `reach` are another member's, the rest padding.
    Member {
        reach: usize,
    },
}

/// One row: a field, a hole, the tag, unknown bytes or a cache-line boundary.
#[derive(Clone, Copy)]
pub(super) struct Row<'p> {
    pub kind: Kind,
    /// The bytes, counted from the start of the value; `None` for a field whose offset is not
    /// known.
    pub bytes: Option<ByteRange>,
    /// 0 for the section's own fields, 1 for their fields, and so on.
    pub level: usize,
    /// The expanded field this row lies in, if any.
    pub parent: Option<&'p Path<'p>>,
}

#[derive(Clone, Copy)]
pub(super) enum Kind {
    Field {
        field: &'static Field,
        /// The alignment the field really has in its container (capped by `packed`).
        align: usize,
        /// The field's number among the painted rows of its section, for letters, keys and
        /// colours; `None` when rows for its own fields follow, or it is zero-sized or not
        /// placed.
        key: Option<usize>,
    },
    /// Padding; `trailing` when it ends where its container ends.
    Hole { trailing: bool },
    /// The enum's tag, holding `value` for this variant.
    Tag { value: Option<u128>, niche: bool },
    /// Bytes whose owner is not known.
    Unknown,
    /// A union's bytes that another member covers.
    Elsewhere,
    /// The whole value of a leaf type.
    Value,
    /// Cache line `line` starts at this row's offset.
    Boundary { line: usize },
}

/// An expanded field and the fields around it, innermost first.
pub(super) struct Path<'p> {
    field: &'static Field,
    parent: Option<&'p Path<'p>>,
}

/// `middle.inner.ok`: the names from the outermost field in.
pub(super) struct Name<'p> {
    parent: Option<&'p Path<'p>>,
    last: &'static str,
}

impl Display for Name<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        fn outer(f: &mut Formatter<'_>, path: Option<&Path<'_>>) -> fmt::Result {
            if let Some(p) = path {
                outer(f, p.parent)?;
                write!(f, "{}.", p.field.name)?;
            }
            Ok(())
        }
        outer(f, self.parent)?;
        f.write_str(self.last)
    }
}

impl<'p> Row<'p> {
    /// The field's full path (`pair.1`), for a field row.
    pub fn name(&self) -> Option<Name<'p>> {
        match self.kind {
            Kind::Field { field, .. } => Some(Name {
                parent: self.parent,
                last: field.name,
            }),
            _ => None,
        }
    }

    /// The field's full path, for a row inside a field (a nested hole).
    pub fn within(&self) -> Option<Name<'p>> {
        self.parent.map(|p| Name {
            parent: p.parent,
            last: p.field.name,
        })
    }

    /// Whether the row owns bytes of its own in a painting: not a heading for nested rows,
    /// not zero-sized, not a boundary, and placed.
    pub fn painted(&self) -> bool {
        match self.kind {
            Kind::Field { key, .. } => key.is_some(),
            Kind::Boundary { .. } => false,
            _ => self.bytes.is_some_and(|b| !b.is_empty()),
        }
    }

    /// The painted field's key (the leaf value's is 0).
    pub fn key(&self) -> Option<usize> {
        match self.kind {
            Kind::Field { key, .. } => key,
            Kind::Value => Some(0),
            _ => None,
        }
    }

    /// The field, for a field row.
    pub fn field(&self) -> Option<&'static Field> {
        match self.kind {
            Kind::Field { field, .. } => Some(field),
            _ => None,
        }
    }
}

/// What is not known about a section's bytes, for the sentence that says so.
#[derive(Clone, Copy)]
pub(super) struct Unknown {
    /// The tag is among them.
    pub tag: bool,
    /// These fields are among them.
    pub fields: &'static [Field],
}

/// The sections of the diagram's type in `view`, in order.
pub(super) fn sections<'d>(
    d: &'d Diagram<'d>,
    view: View,
) -> impl Iterator<Item = Section<'d>> + Clone {
    let l = d.layout;
    let count = match l.body {
        // An enum without variants has no value: it is drawn as a leaf.
        Body::Enum { variants: [], .. } => 1,
        Body::Enum { variants, .. } => variants.len(),
        Body::Union { fields } if view == View::Bytes => fields.len(),
        _ => 1,
    };
    (0..count).map(move |i| section(d, view, i))
}

fn section<'d>(d: &'d Diagram<'d>, view: View, i: usize) -> Section<'d> {
    let l = d.layout;
    let (title, content) = match l.body {
        Body::Enum { variants, tag, .. } if !variants.is_empty() => {
            let variant = &variants[i];
            (
                Title::Variant { index: i, variant },
                variant_content(l, i, tag),
            )
        }
        Body::Union { fields } if view == View::Bytes => {
            let member = &fields[i..=i];
            let reach = fields
                .iter()
                .filter_map(Field::range)
                .map(|r| r.end)
                .max()
                .unwrap_or(0);
            let content = Content::Placed {
                fields: member,
                tag: None,
                holes: Padding::over(member, l.size, None),
                gaps: Gaps::Member { reach },
            };
            (Title::Member(&fields[i]), content)
        }
        Body::Struct { fields, .. } | Body::Union { fields } => (
            Title::Whole,
            Content::Placed {
                fields,
                tag: None,
                holes: l.padding(),
                gaps: Gaps::Padding,
            },
        ),
        _ => (Title::Whole, Content::Leaf),
    };
    Section {
        d,
        view,
        title,
        content,
    }
}

fn variant_content(l: &TypeLayout, i: usize, tag: Tag) -> Content {
    let fields = l.variants()[i].fields;
    if let Some(holes) = l.variant_padding(i) {
        let tag = l.tag_range_of(i).map(|bytes| TagBytes {
            bytes,
            value: l.tag_value(i),
            niche: matches!(tag, Tag::Niche { .. }),
        });
        Content::Placed {
            fields,
            tag,
            holes,
            gaps: Gaps::Padding,
        }
    } else if l.variants()[i].offsets_known() {
        // The fields are placed, the tag is not: the bytes between them are unknown.
        Content::Placed {
            fields,
            tag: None,
            holes: Padding::over(fields, l.size, None),
            gaps: Gaps::Unknown,
        }
    } else {
        Content::Unplaced { fields }
    }
}

impl<'d> Section<'d> {
    /// Whether the type is a leaf: its bytes are the value itself.
    pub fn is_leaf(&self) -> bool {
        matches!(self.content, Content::Leaf)
    }

    /// Whether every field has a known offset.
    pub fn placed(&self) -> bool {
        !matches!(self.content, Content::Unplaced { .. })
    }

    /// The fields the section lists (before expansion).
    pub fn fields(&self) -> &'static [Field] {
        match self.content {
            Content::Leaf => &[],
            Content::Placed { fields, .. } | Content::Unplaced { fields } => fields,
        }
    }

    /// What is not known about the section's bytes, if anything.
    pub fn unknown(&self) -> Option<Unknown> {
        let tag_unknown = self.d.layout.tag() == Tag::Unknown;
        match self.content {
            Content::Unplaced { fields } => Some(Unknown {
                tag: tag_unknown,
                fields,
            }),
            Content::Placed {
                gaps: Gaps::Unknown,
                ..
            } => Some(Unknown {
                tag: true,
                fields: &[],
            }),
            _ => None,
        }
    }

    /// Calls `visit` with every row, in memory order.
    pub fn walk<E>(&self, visit: &mut dyn FnMut(&Row<'_>) -> Result<(), E>) -> Result<(), E> {
        let l = self.d.layout;
        let mut walker = Walker {
            d: self.d,
            view: self.view,
            next_boundary: if l.size > self.d.cache_line {
                self.d.cache_line
            } else {
                usize::MAX
            },
            key: 0,
            visit,
        };
        let rows = match self.content {
            Content::Leaf => walker.emit(Row {
                kind: Kind::Value,
                bytes: Some(ByteRange {
                    start: 0,
                    end: l.size,
                }),
                level: 0,
                parent: None,
            }),
            Content::Placed {
                fields,
                tag,
                holes,
                gaps,
            } => walker.level(
                Level {
                    owner: l,
                    fields,
                    base: 0,
                    gaps,
                },
                holes.peekable(),
                tag,
                0,
                None,
            ),
            Content::Unplaced { fields } => {
                for field in fields {
                    walker.emit(Row {
                        kind: Kind::Field {
                            field,
                            align: field.align(),
                            key: None,
                        },
                        bytes: None,
                        level: 0,
                        parent: None,
                    })?;
                }
                walker.gap(
                    Gaps::Unknown,
                    ByteRange {
                        start: 0,
                        end: l.size,
                    },
                    l.size,
                    0,
                    None,
                )
            }
        };
        rows?;
        // Lines that start inside the last rows.
        walker.boundaries(l.size, 0)
    }

    /// Calls `visit` with each painted row and its bytes inside `window`, in memory order.
    /// Painted rows tile the value (holes, the tag and unknown bytes fill what fields leave),
    /// so each byte of the window is visited once.
    pub fn paint<E>(
        &self,
        window: ByteRange,
        visit: &mut dyn FnMut(&Row<'_>, ByteRange) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut next = window.start;
        self.walk(&mut |row| {
            let Some(bytes) = row.bytes.filter(|_| row.painted()) else {
                return Ok(());
            };
            let part = ByteRange {
                start: bytes.start.max(next),
                end: bytes.end.min(window.end),
            };
            if part.start >= part.end {
                return Ok(());
            }
            next = part.end;
            visit(row, part)
        })
    }

    /// All the bytes of the value.
    pub fn whole(&self) -> ByteRange {
        ByteRange {
            start: 0,
            end: self.d.layout.size,
        }
    }

    /// Every painted row with all its bytes.
    pub fn each_painted(&self, visit: &mut dyn FnMut(&Row<'_>, ByteRange)) {
        let _ = self.paint::<()>(self.whole(), &mut |row, bytes| {
            visit(row, bytes);
            Ok(())
        });
    }

    /// Visits the rows without stopping.
    pub fn each(&self, visit: &mut dyn FnMut(&Row<'_>)) {
        let _ = self.walk::<()>(&mut |row| {
            visit(row);
            Ok(())
        });
    }

    /// The padding of the section, as its hole rows count it, and how much of it lies inside
    /// expanded fields.
    pub fn padding(&self) -> (usize, usize) {
        let (mut all, mut nested) = (0, 0);
        self.each(&mut |row| {
            if let (Kind::Hole { .. }, Some(b)) = (row.kind, row.bytes) {
                all += b.len();
                if row.level > 0 {
                    nested += b.len();
                }
            }
        });
        (all, nested)
    }

    /// How many rows are painted with a key.
    pub fn keys(&self) -> usize {
        let mut n = 0;
        self.each(&mut |row| {
            if row.painted() && row.key().is_some() {
                n += 1;
            }
        });
        n
    }

    /// Whether a painted row matches `wanted`.
    pub fn paints(&self, wanted: fn(&Kind) -> bool) -> bool {
        let mut found = false;
        self.each(&mut |row| found |= row.painted() && wanted(&row.kind));
        found
    }
}

/// The parts that lines of `per_line` bytes cut `bytes` into.
pub(super) fn pieces(bytes: ByteRange, per_line: usize) -> impl Iterator<Item = ByteRange> {
    let mut start = bytes.start;
    core::iter::from_fn(move || {
        (start < bytes.end).then(|| {
            let end = ((start / per_line + 1) * per_line).min(bytes.end);
            let piece = ByteRange { start, end };
            start = end;
            piece
        })
    })
}

/// One level of fields: a container's fields at `base`.
struct Level<'l> {
    owner: &'l TypeLayout,
    fields: &'static [Field],
    base: usize,
    gaps: Gaps,
}

struct Walker<'v, 'd, E> {
    d: &'d Diagram<'d>,
    view: View,
    next_boundary: usize,
    key: usize,
    visit: &'v mut dyn FnMut(&Row<'_>) -> Result<(), E>,
}

impl<E> Walker<'_, '_, E> {
    fn emit(&mut self, row: Row<'_>) -> Result<(), E> {
        if let Some(bytes) = row.bytes {
            self.boundaries(bytes.start + 1, row.level)?;
        }
        (self.visit)(&row)
    }

    /// Boundary rows for the cache lines that start before `end`.
    fn boundaries(&mut self, end: usize, level: usize) -> Result<(), E> {
        while self.next_boundary < end {
            let at = self.next_boundary;
            (self.visit)(&Row {
                kind: Kind::Boundary {
                    line: at / self.d.cache_line,
                },
                bytes: Some(ByteRange { start: at, end: at }),
                level,
                parent: None,
            })?;
            self.next_boundary += self.d.cache_line;
        }
        Ok(())
    }

    /// The rows of one level, merged in memory order: the tag first at equal offsets, then
    /// holes, then fields (zero-sized fields share offsets with holes and other fields).
    fn level(
        &mut self,
        at: Level<'_>,
        mut holes: Peekable<Padding>,
        mut tag: Option<TagBytes>,
        level: usize,
        parent: Option<&Path<'_>>,
    ) -> Result<(), E> {
        let mut next = crate::order::next_by_offset(at.fields, None);
        loop {
            let field_start = next.map(|i| at.base + at.fields[i].placed());
            let hole_start = holes.peek().map(|h| at.base + h.start);
            if let Some(t) = tag {
                let first = field_start.is_none_or(|s| t.bytes.start <= s)
                    && hole_start.is_none_or(|s| t.bytes.start < s);
                if first {
                    tag = None;
                    self.emit(Row {
                        kind: Kind::Tag {
                            value: t.value,
                            niche: t.niche,
                        },
                        bytes: Some(t.bytes),
                        level,
                        parent,
                    })?;
                    continue;
                }
            }
            if let Some(start) = hole_start {
                if field_start.is_none_or(|s| start <= s) {
                    let hole = holes.next().unwrap_or(ByteRange { start: 0, end: 0 });
                    let bytes = ByteRange {
                        start,
                        end: at.base + hole.end,
                    };
                    self.gap(at.gaps, bytes, at.base + at.owner.size, level, parent)?;
                    continue;
                }
            }
            let Some(i) = next else { break };
            self.field(&at, &at.fields[i], level, parent)?;
            next = crate::order::next_by_offset(at.fields, Some((at.fields[i].placed(), i)));
        }
        Ok(())
    }

    fn field(
        &mut self,
        at: &Level<'_>,
        field: &'static Field,
        level: usize,
        parent: Option<&Path<'_>>,
    ) -> Result<(), E> {
        let start = at.base + field.placed();
        let inner = self.expands(field, level);
        let key = if inner.is_none() && field.size() > 0 {
            self.key += 1;
            Some(self.key - 1)
        } else {
            None
        };
        self.emit(Row {
            kind: Kind::Field {
                field,
                align: at.owner.field_align(field),
                key,
            },
            bytes: Some(ByteRange {
                start,
                end: start + field.size(),
            }),
            level,
            parent,
        })?;
        if let Some(inner) = inner {
            let path = Path { field, parent };
            self.level(
                Level {
                    owner: inner,
                    fields: inner.fields(),
                    base: start,
                    gaps: Gaps::Padding,
                },
                inner.padding().peekable(),
                None,
                level + 1,
                Some(&path),
            )?;
        }
        Ok(())
    }

    /// The layout whose fields follow `field`'s row, if the diagram expands it.
    fn expands(&self, field: &Field, level: usize) -> Option<&'static TypeLayout> {
        let inner = field.layout;
        let expandable = match inner.body {
            Body::Struct { fields, .. } => !fields.is_empty(),
            Body::Union { .. } => self.view == View::Rows,
            _ => false,
        };
        (level < self.d.depth && expandable).then_some(inner)
    }

    /// Rows for bytes between fields.
    fn gap(
        &mut self,
        gaps: Gaps,
        bytes: ByteRange,
        owner_end: usize,
        level: usize,
        parent: Option<&Path<'_>>,
    ) -> Result<(), E> {
        let row = |kind, start, end| Row {
            kind,
            bytes: Some(ByteRange { start, end }),
            level,
            parent,
        };
        let hole = Kind::Hole {
            trailing: bytes.end == owner_end,
        };
        match gaps {
            Gaps::Padding => self.emit(row(hole, bytes.start, bytes.end)),
            Gaps::Unknown => self.emit(row(Kind::Unknown, bytes.start, bytes.end)),
            Gaps::Member { reach } => {
                let split = reach.clamp(bytes.start, bytes.end);
                if split > bytes.start {
                    self.emit(row(Kind::Elsewhere, bytes.start, split))?;
                }
                if bytes.end > split {
                    self.emit(row(hole, split, bytes.end))?;
                }
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests;
