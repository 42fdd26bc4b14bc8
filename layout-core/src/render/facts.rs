//! The sentences every style shares: what the type is, where the tag is, what is unknown, and
//! the summary (bytes, niche, reordering). Text styles write them plainly; Markdown puts code
//! in code spans, so that `Option<Self>` is not read as an HTML tag.

use core::fmt::{self, Display, Formatter, Write};

use super::advice::{cache_lines, reordered};
use super::names::{FieldType, ShortTypeName};
use super::theme::Theme;
use super::walk::{Section, Title, Unknown, View};
use super::{Bytes, Diagram};
use crate::model::{Body, PointerMeta, TypeLayout};
use crate::niche::{LargestNiche, NicheCount, UnknownReason};
use crate::padding::ByteRange;
use crate::Tag;

/// How a sentence marks code.
#[derive(Clone, Copy)]
pub(super) enum Markup {
    /// Plain text with this theme's glyphs.
    Text(&'static Theme),
    Markdown,
}

impl Markup {
    pub fn separator(self) -> &'static str {
        match self {
            Markup::Text(theme) => theme.separator,
            Markup::Markdown => " · ",
        }
    }

    fn at_least(self) -> &'static str {
        match self {
            Markup::Text(theme) => theme.at_least,
            Markup::Markdown => "≥",
        }
    }

    fn arrow(self) -> &'static str {
        match self {
            Markup::Text(theme) => theme.arrow,
            Markup::Markdown => "→",
        }
    }

    fn ellipsis(self) -> &'static str {
        match self {
            Markup::Text(theme) => theme.ellipsis,
            Markup::Markdown => "…",
        }
    }
}

/// `text`, in a code span for Markdown.
pub(super) struct Code<T>(pub Markup, pub T);

impl<T: Display> Display for Code<T> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self.0 {
            Markup::Text(_) => self.1.fmt(f),
            Markup::Markdown => write!(f, "`{}`", self.1),
        }
    }
}

/// `byte 4` or `bytes 0..8`.
pub(super) struct Span(pub ByteRange);

impl Display for Span {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self.0.len() {
            1 => write!(f, "byte {}", self.0.start),
            _ => write!(f, "bytes {}..{}", self.0.start, self.0.end),
        }
    }
}

/// The type's short name.
pub(super) fn name(l: &TypeLayout) -> ShortTypeName<'static> {
    ShortTypeName(l.type_name.get())
}

/// `24 bytes, align 8, enum, repr(u8)`: size, alignment, the kind when it is not a struct,
/// and the repr when there is one.
pub(super) struct Shape<'a>(pub &'a TypeLayout, pub Markup);

impl Display for Shape<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let l = self.0;
        write!(f, "{}, align {}", Bytes(l.size), l.align)?;
        let kind = match l.body {
            Body::Union { .. } => Some("union"),
            Body::Enum { .. } => Some("enum"),
            Body::Opaque => Some("opaque"),
            _ => None,
        };
        if let Some(kind) = kind {
            write!(f, ", {kind}")?;
        }
        if !l.repr.is_default() {
            write!(f, ", {}", Code(self.1, l.repr))?;
        }
        Ok(())
    }
}

/// Where an enum keeps its tag.
pub(super) struct TagPlace<'a>(pub &'a TypeLayout, pub Markup);

impl Display for TagPlace<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let l = self.0;
        let range = l.tag_range();
        match (l.tag(), range) {
            (Tag::Direct { .. }, Some(r)) => write!(f, "{} (discriminant)", Span(r)),
            (Tag::Niche { untagged, .. }, Some(r)) => {
                let name = l.variants().get(untagged).map_or("", |v| v.name);
                write!(
                    f,
                    "{}, in a niche of variant {} (values its fields never hold)",
                    Span(r),
                    Code(self.1, name)
                )
            }
            (Tag::Unknown, _) => f.write_str("location unknown (not specified by Rust)"),
            _ => f.write_str("none"),
        }
    }
}

/// The title of a section: `variant Move = 1`, `member word`; nothing for the whole type.
pub(super) struct Heading<'a>(pub &'a Section<'a>, pub &'a TypeLayout, pub Markup);

impl Display for Heading<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self.0.title {
            Title::Whole => Ok(()),
            Title::Member(field) => write!(f, "member {}", Code(self.2, field.name)),
            Title::Variant { variant, .. } => write!(
                f,
                "variant {} = {}",
                Code(self.2, variant.name),
                self.1.discriminant(variant)
            ),
        }
    }
}

/// `(no fields)` after a variant's heading, with the value its tag bytes hold when that is a
/// niche value (a direct tag holds the discriminant, which the heading shows).
pub(super) struct NoFields<'a>(pub &'a TypeLayout, pub usize);

impl Display for NoFields<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let (l, index) = (self.0, self.1);
        f.write_str("(no fields")?;
        if let (Some(bytes), Some(value), Tag::Niche { .. }) =
            (l.tag_range_of(index), l.tag_value(index), l.tag())
        {
            write!(f, "; tag value {value} in {}", Span(bytes))?;
        }
        f.write_char(')')
    }
}

/// The sentence for bytes whose owner is not known: what lies among them.
pub(super) struct UnknownBytes(pub Unknown, pub Markup);

impl Display for UnknownBytes {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let Unknown { tag, fields } = self.0;
        f.write_str("Rust does not specify where ")?;
        if tag {
            f.write_str("the tag")?;
            if !fields.is_empty() {
                f.write_str(" and ")?;
            }
        }
        if !fields.is_empty() {
            f.write_str(if fields.len() == 1 {
                "the field "
            } else {
                "the fields "
            })?;
            for (i, field) in fields.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                let field = format_args!("{}: {}", field.name, FieldType(field));
                write!(f, "{}", Code(self.1, field))?;
            }
        }
        let many = usize::from(tag) + fields.len() > 1;
        f.write_str(if many { " lie" } else { " lies" })
    }
}

/// What a leaf's bytes are, for styles that do not draw them.
pub(super) fn leaf_note(l: &TypeLayout) -> Option<&'static str> {
    match l.body {
        Body::Pointer(PointerMeta::Thin) => Some("pointer: address"),
        Body::Pointer(PointerMeta::Wide) => {
            Some("wide pointer: address + length (slices, str) or vtable (trait objects)")
        }
        Body::Opaque => Some("fields not described (private or unspecified)"),
        Body::Enum { variants: [], .. } => Some("no variants: no value of this type can exist"),
        Body::Array { .. } => Some("elements are contiguous, no padding between them"),
        Body::Scalar => Some("scalar"),
        _ => None,
    }
}

/// Writes the summary: one topic a call of `topic`, each a list of items (bytes and padding,
/// the niche, a better order).
pub(super) fn summary(
    d: &Diagram,
    m: Markup,
    topic: &mut dyn FnMut(&[&dyn Display]) -> fmt::Result,
) -> fmt::Result {
    let l = d.layout;
    let lines = cache_lines(l.size, d.cache_line);
    let lines = Plural(lines, "cache line");
    let whole = super::walk::sections(d, View::Rows)
        .next()
        .filter(|s| matches!(s.title, Title::Whole) && !s.is_leaf());
    let niche = Niche(l, m);
    let option = OptionFits(l, m);
    match whole {
        Some(section) => {
            let (padding, nested) = section.padding();
            let fields = FieldBytes(l.size - padding);
            let padding = PaddingBytes {
                padding,
                nested,
                size: l.size,
            };
            if lines.0 > 0 {
                topic(&[&fields, &padding, &lines])?;
            } else {
                topic(&[&fields, &padding])?;
            }
            topic(&[&niche, &option])?;
        }
        None if lines.0 > 0 => topic(&[&lines, &niche, &option])?,
        None => topic(&[&niche, &option])?,
    }
    if reordered(l).is_some() {
        topic(&[&Reordering(l, m)])?;
    }
    Ok(())
}

struct Plural(usize, &'static str);

impl Display for Plural {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let s = if self.0 == 1 { "" } else { "s" };
        write!(f, "{} {}{s}", self.0, self.1)
    }
}

struct FieldBytes(usize);

impl Display for FieldBytes {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "fields {} B", self.0)
    }
}

struct PaddingBytes {
    padding: usize,
    nested: usize,
    size: usize,
}

impl Display for PaddingBytes {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "padding {} B", self.padding)?;
        if let Some(tenths) = (self.padding * 1000 + self.size / 2).checked_div(self.size) {
            write!(f, " ({}.{}%", tenths / 10, tenths % 10)?;
            if self.nested > 0 {
                write!(f, ", {} B inside expanded fields", self.nested)?;
            }
            f.write_char(')')?;
        }
        Ok(())
    }
}

struct Niche<'a>(&'a TypeLayout, Markup);

impl Display for Niche<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let (l, m) = (self.0, self.1);
        match l.niche.largest {
            LargestNiche::None => f.write_str("no niche"),
            LargestNiche::Known(n) => {
                f.write_str("niche: ")?;
                write_count(f, NicheCount::Exact(n.available()), m)?;
                write!(f, " at ")?;
                let bytes = ByteRange {
                    start: n.offset,
                    end: n.offset + n.size,
                };
                match bytes.len() {
                    1 => write!(f, "byte {}", n.offset)?,
                    _ => write!(f, "byte {}..{}", bytes.start, bytes.end)?,
                }
                if l.niche_path().next().is_some() {
                    struct NichePath<'a>(&'a TypeLayout);
                    impl Display for NichePath<'_> {
                        fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                            for (i, field) in self.0.niche_path().enumerate() {
                                if i > 0 {
                                    f.write_char('.')?;
                                }
                                f.write_str(field.name)?;
                            }
                            Ok(())
                        }
                    }
                    write!(f, " ({})", Code(m, NichePath(l)))?;
                }
                Ok(())
            }
            LargestNiche::Unknown { count, reason } => {
                f.write_str("niche: ")?;
                write_count(f, count, m)?;
                let why = match reason {
                    UnknownReason::Opaque => "inside an opaque type",
                    UnknownReason::Tie => "tie between fields",
                    UnknownReason::EnumTag => "enum tag",
                };
                write!(f, ", location unknown ({why})")
            }
        }
    }
}

fn write_count(f: &mut Formatter<'_>, count: NicheCount, m: Markup) -> fmt::Result {
    match count {
        NicheCount::Exact(1) => write!(f, "1 free value"),
        NicheCount::Exact(n) => write!(f, "{n} free values"),
        NicheCount::AtLeast(n) => write!(f, "{}{n} free values", m.at_least()),
    }
}

struct OptionFits<'a>(&'a TypeLayout, Markup);

impl Display for OptionFits<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let size = if self.0.niche.option_fits {
            "the same size"
        } else {
            "larger"
        };
        write!(f, "{} is {size}", Code(self.1, "Option<Self>"))
    }
}

struct Reordering<'a>(&'a TypeLayout, Markup);

impl Display for Reordering<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let (l, m) = (self.0, self.1);
        let Some(better) = reordered(l) else {
            return Ok(());
        };
        // Long orders are cut: the first few fields say the rule (largest alignment first).
        const SHOWN: usize = 8;
        f.write_str("reordering (")?;
        for (i, field) in better.order().enumerate() {
            if i == SHOWN {
                write!(f, ", {} {} fields", m.ellipsis(), l.fields().len())?;
                break;
            }
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{}", Code(m, field.name))?;
        }
        write!(
            f,
            ") saves {} B {} {}",
            l.size - better.size,
            m.arrow(),
            better.size
        )
    }
}
