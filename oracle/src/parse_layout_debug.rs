//! Parses the errors that `#[rustc_layout(debug)]` makes rustc print: one
//! `error: layout_of(T) = Layout { .. }` per alias, the pretty `Debug` of rustc's own layout,
//! with a ` --> file:line:col` location that names the alias.
//!
//! The pretty `Debug` text is first read into a tree (one node per line, nesting checked
//! against the indentation), then interpreted. Every key of a `Layout` must be one this parser
//! knows, and every value it interprets must have a form it knows (sizes, alignments, field
//! shapes, niches, scalars, and for enums `Multiple` variants with their tag, tag encoding and
//! one nested `Layout` per variant), so a change in rustc's output fails the run rather than
//! being misread.

use crate::error::{bail, Error, Result};

/// rustc's layout of one type (or, inside [`Multiple::variants`], of one variant).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RustcLayout {
    /// The type as printed in `layout_of(..)`; empty for variant layouts.
    pub name: String,
    /// The line of the alias the error points at; 0 for variant layouts.
    pub line: usize,
    /// `size`.
    pub size: u64,
    /// `align.abi`.
    pub align: u64,
    /// `fields`.
    pub fields: FieldsShape,
    /// `largest_niche`.
    pub niche: Option<RustcNiche>,
    /// `uninhabited`.
    pub uninhabited: bool,
    /// `variants`.
    pub variants: RustcVariants,
}

/// rustc's `FieldsShape`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldsShape {
    /// Scalars and pointers (and empty enums).
    Primitive,
    /// `Union(n)`: n fields, all at offset 0.
    Union(usize),
    /// Structs and variants: offsets in declaration order.
    Arbitrary(Vec<u64>),
}

/// rustc's `Variants`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RustcVariants {
    /// No variant is inhabited (`enum Void {}`).
    Empty,
    /// Laid out as one variant (structs, unions, enums with one present variant).
    Single {
        /// The variant's index in declaration order.
        index: usize,
    },
    /// An enum with a tag.
    Multiple(Box<Multiple>),
}

/// The `Multiple` variants of an enum's layout.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Multiple {
    /// The tag scalar (`Initialized { value, valid_range }`).
    pub tag: RustcScalar,
    /// How the tag encodes the variant.
    pub encoding: TagEncoding,
    /// The index of the tag among the enum layout's own fields (`fields.offsets`).
    pub tag_field: usize,
    /// One layout per variant, in declaration order.
    pub variants: Vec<RustcLayout>,
}

/// rustc's `TagEncoding`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TagEncoding {
    /// The tag holds the discriminant.
    Direct,
    /// The tag lives in a niche of the untagged variant.
    Niche {
        /// The variant whose data holds the niche.
        untagged_variant: usize,
        /// The variants encoded in the niche, `start..=end`.
        niche_variants: (usize, usize),
        /// The niche value of the first encoded variant.
        niche_start: u128,
    },
}

/// An initialised scalar: its primitive and valid range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RustcScalar {
    /// The primitive as printed (`Int( I8, false, )`), for reports.
    pub value: String,
    /// Its size in bytes.
    pub size: u64,
    /// First valid value.
    pub start: u128,
    /// Last valid value (the range wraps around when `end < start`).
    pub end: u128,
}

impl RustcScalar {
    /// How many values lie outside the valid range.
    pub fn available(&self) -> u128 {
        available(self.size, self.start, self.end)
    }
}

/// rustc's `Niche`: a scalar at `offset` whose valid values are `start..=end` (wrapping).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RustcNiche {
    /// Byte offset.
    pub offset: u64,
    /// The scalar's size in bytes.
    pub size: u64,
    /// The scalar as printed (`Int( I8, false, )`, `Pointer( .. )`), for reports.
    pub value: String,
    /// First valid value.
    pub start: u128,
    /// Last valid value.
    pub end: u128,
}

impl RustcNiche {
    /// How many values are invalid (rustc's `Niche::available`).
    pub fn available(&self) -> u128 {
        available(self.size, self.start, self.end)
    }
}

fn available(size: u64, start: u128, end: u128) -> u128 {
    let mask = if size >= 16 {
        u128::MAX
    } else {
        (1u128 << (size * 8)) - 1
    };
    start.wrapping_sub(end).wrapping_sub(1) & mask
}

/// Top-level keys of rustc's `LayoutData` this parser knows about.
const KNOWN_KEYS: &[&str] = &[
    "size",
    "align",
    "backend_repr",
    "fields",
    "largest_niche",
    "uninhabited",
    "variants",
    "max_repr_align",
    "unadjusted_abi_align",
    "randomization_seed",
];

/// Parses the stderr of a `cargo check` of the layout-debug binary. `pointer_size` is the
/// target's pointer width in bytes (the size of a `Pointer` scalar).
pub fn parse(stderr: &str, pointer_size: u64) -> Result<Vec<RustcLayout>> {
    let lines: Vec<&str> = stderr.lines().collect();
    let mut layouts = Vec::new();
    let mut reported_errors = None;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if let Some(rest) = line.strip_prefix("error: layout_of(") {
            let name = rest
                .strip_suffix(") = Layout {")
                .ok_or_else(|| Error(format!("layout debug: unexpected header `{line}`")))?;
            let end = (i + 1..lines.len())
                .find(|&j| lines[j].trim_start().starts_with("--> "))
                .ok_or_else(|| Error(format!("layout debug: no location after `{line}`")))?;
            let location = lines[end].trim_start().trim_start_matches("--> ");
            let layout = parse_block(name, &lines[i + 1..end], location, pointer_size)
                .map_err(|e| Error(format!("layout debug, `{name}` at {location}: {}", e.0)))?;
            layouts.push(layout);
            i = end + 1;
            continue;
        }
        if line.starts_with("error") {
            match error_count(line) {
                Some(n) if reported_errors.is_none() => reported_errors = Some(n),
                _ => bail!(
                    "layout debug: rustc reported an unexpected error: `{line}`\n{}",
                    tail(&lines, i)
                ),
            }
        }
        i += 1;
    }
    match reported_errors {
        Some(n) if n == layouts.len() => Ok(layouts),
        Some(n) => bail!(
            "layout debug: rustc reported {n} errors but {} layouts were parsed",
            layouts.len()
        ),
        None => bail!("layout debug: no error summary line in the compiler output"),
    }
}

/// The number in cargo's or rustc's closing line: `error: could not compile `x` (bin "y")
/// due to N previous errors` or `error: aborting due to N previous errors`.
fn error_count(line: &str) -> Option<usize> {
    let (_, rest) = line.split_once("due to ")?;
    let n = rest.split(' ').next()?;
    if line.starts_with("error: could not compile `") || line.starts_with("error: aborting due to")
    {
        n.parse().ok()
    } else {
        None
    }
}

fn tail(lines: &[&str], i: usize) -> String {
    lines[i..lines.len().min(i + 20)].join("\n")
}

/// One line-level node of a pretty `Debug` dump.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Node {
    /// A value on one line (`Size(4 bytes)`, `0..=10`, `Direct`, `[]`).
    Leaf(String),
    /// `HEAD {`, `HEAD(` or `[` ... closed by the matching delimiter.
    Group {
        head: String,
        open: char,
        items: Vec<(Option<String>, Node)>,
    },
}

impl Node {
    /// The node on one line, the way the old flat format spelled it (`Int( I8, false, )`).
    fn flat(&self) -> String {
        match self {
            Node::Leaf(s) => s.clone(),
            Node::Group { head, open, items } => {
                let close = closing(*open);
                let mut s = if head.is_empty() {
                    open.to_string()
                } else if *open == '(' {
                    format!("{head}(")
                } else {
                    format!("{head} {open}")
                };
                for (key, node) in items {
                    s.push(' ');
                    if let Some(k) = key {
                        s.push_str(k);
                        s.push_str(": ");
                    }
                    s.push_str(&node.flat());
                    s.push(',');
                }
                s.push(' ');
                s.push(close);
                s
            }
        }
    }
}

fn closing(open: char) -> char {
    match open {
        '{' => '}',
        '(' => ')',
        _ => ']',
    }
}

/// Reads the lines of one `Layout { .. }` (header excluded, closing `}` included) into a tree
/// rooted at a `Layout` group. Each nested line must be indented 4 more than its group's line.
fn tree(body: &[&str]) -> Result<Node> {
    let indent_of = |l: &str| l.len() - l.trim_start_matches(' ').len();
    let Some((last, inner)) = body.split_last() else {
        bail!("empty layout");
    };
    if last.trim() != "}" {
        bail!("layout does not end with `}}`");
    }
    struct Open {
        key: Option<String>,
        head: String,
        open: char,
        indent: usize,
        items: Vec<(Option<String>, Node)>,
    }
    let mut stack = vec![Open {
        key: None,
        head: "Layout".to_owned(),
        open: '{',
        indent: indent_of(last),
        items: Vec::new(),
    }];
    for l in inner {
        if l.trim().is_empty() {
            bail!("blank line inside the layout");
        }
        let indent = indent_of(l);
        let t = l.trim();
        if let Some(close) = t
            .strip_suffix(',')
            .filter(|c| matches!(*c, "}" | ")" | "]"))
        {
            let Some(top) = stack.pop() else {
                bail!("unbalanced `{t}`");
            };
            if stack.is_empty() || close != closing(top.open).to_string() || indent != top.indent {
                bail!("unexpected closing line `{l}`");
            }
            let node = Node::Group {
                head: top.head,
                open: top.open,
                items: top.items,
            };
            stack.last_mut().unwrap().items.push((top.key, node));
            continue;
        }
        let top = stack.last_mut().unwrap();
        if indent != top.indent + 4 {
            bail!("unexpected indentation: `{l}`");
        }
        let (key, rest) = match t.split_once(": ") {
            Some((k, rest))
                if !k.is_empty() && k.chars().all(|c| c.is_ascii_lowercase() || c == '_') =>
            {
                (Some(k.to_owned()), rest)
            }
            _ => (None, t),
        };
        if let Some(open) = rest.chars().last().filter(|c| matches!(c, '{' | '(' | '[')) {
            let head = rest[..rest.len() - 1].trim_end().to_owned();
            stack.push(Open {
                key,
                head,
                open,
                indent,
                items: Vec::new(),
            });
            continue;
        }
        let Some(value) = rest.strip_suffix(',') else {
            bail!("entry without a trailing comma: `{t}`");
        };
        top.items.push((key, Node::Leaf(value.to_owned())));
    }
    match stack.pop() {
        Some(root) if stack.is_empty() => Ok(Node::Group {
            head: root.head,
            open: root.open,
            items: root.items,
        }),
        _ => bail!("unclosed group in the layout"),
    }
}

fn parse_block(
    name: &str,
    body: &[&str],
    location: &str,
    pointer_size: u64,
) -> Result<RustcLayout> {
    let line = location
        .rsplit(':')
        .nth(1)
        .and_then(|l| l.parse().ok())
        .ok_or_else(|| Error(format!("bad location `{location}`")))?;
    let mut layout = layout_node(&tree(body)?, pointer_size)?;
    layout.name = name.to_owned();
    layout.line = line;
    Ok(layout)
}

/// The `key: value` items of a `{ .. }` group named `head`, each key at most once.
fn record<'a>(node: &'a Node, head: &str) -> Result<Vec<(&'a str, &'a Node)>> {
    match node {
        Node::Group {
            head: h,
            open: '{',
            items,
        } if h == head => {
            let mut out: Vec<(&str, &Node)> = Vec::new();
            for (key, value) in items {
                let Some(key) = key else {
                    bail!("a value without a key in `{head}`: `{}`", value.flat());
                };
                if out.iter().any(|(k, _)| k == key) {
                    bail!("key `{key}` twice in `{head}`");
                }
                out.push((key.as_str(), value));
            }
            Ok(out)
        }
        _ => bail!("expected `{head} {{ .. }}`, found `{}`", node.flat()),
    }
}

/// The values of `(..)` or `[..]` group named `head` (a one-line `[]` is an empty list).
fn list<'a>(node: &'a Node, head: &str, open: char) -> Result<Vec<&'a Node>> {
    match node {
        Node::Leaf(s) if open == '[' && head.is_empty() && s == "[]" => Ok(Vec::new()),
        Node::Group {
            head: h,
            open: o,
            items,
        } if h == head && *o == open => items
            .iter()
            .map(|(key, value)| match key {
                None => Ok(value),
                Some(k) => bail!("unexpected key `{k}` in a list"),
            })
            .collect(),
        _ => bail!("expected `{head}{open} .. `, found `{}`", node.flat()),
    }
}

fn leaf(node: &Node) -> Result<&str> {
    match node {
        Node::Leaf(s) => Ok(s),
        _ => bail!("expected a one-line value, found `{}`", node.flat()),
    }
}

fn get<'a>(fields: &[(&str, &'a Node)], key: &str) -> Result<&'a Node> {
    fields
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, v)| *v)
        .ok_or_else(|| Error(format!("no `{key}` in the layout")))
}

fn only_keys(fields: &[(&str, &Node)], keys: &[&str], what: &str) -> Result<()> {
    match fields.iter().find(|(k, _)| !keys.contains(k)) {
        Some((k, _)) => bail!("unknown key `{k}` in {what}"),
        None => Ok(()),
    }
}

fn number<T: std::str::FromStr>(s: &str) -> Result<T> {
    s.parse()
        .map_err(|_| Error(format!("`{s}` is not a number")))
}

/// A `Layout { .. }` node: the type's own layout or one variant's.
fn layout_node(node: &Node, pointer_size: u64) -> Result<RustcLayout> {
    let fields = record(node, "Layout")?;
    if let Some((key, _)) = fields.iter().find(|(k, _)| !KNOWN_KEYS.contains(k)) {
        bail!("unknown layout key `{key}`");
    }
    let uninhabited = match leaf(get(&fields, "uninhabited")?)? {
        "true" => true,
        "false" => false,
        other => bail!("bad `uninhabited: {other}`"),
    };
    Ok(RustcLayout {
        name: String::new(),
        line: 0,
        size: size_value(leaf(get(&fields, "size")?)?)?,
        align: align_value(get(&fields, "align")?)?,
        fields: fields_value(get(&fields, "fields")?)?,
        niche: niche_value(get(&fields, "largest_niche")?, pointer_size)?,
        uninhabited,
        variants: variants_value(get(&fields, "variants")?, pointer_size)?,
    })
}

/// `Size(N bytes)`.
fn size_value(v: &str) -> Result<u64> {
    v.strip_prefix("Size(")
        .and_then(|v| v.strip_suffix(" bytes)"))
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| Error(format!("bad size `{v}`")))
}

/// `AbiAlign { abi: Align(N bytes), }`.
fn align_value(node: &Node) -> Result<u64> {
    let fields = record(node, "AbiAlign")?;
    only_keys(&fields, &["abi"], "an alignment")?;
    let v = leaf(get(&fields, "abi")?)?;
    v.strip_prefix("Align(")
        .and_then(|v| v.strip_suffix(" bytes)"))
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| Error(format!("bad align `{v}`")))
}

/// `Primitive`, `Union( N, )` or `Arbitrary { offsets: [ Size(..), .. ], in_memory_order: [..], }`.
fn fields_value(node: &Node) -> Result<FieldsShape> {
    match node {
        Node::Leaf(s) if s == "Primitive" => Ok(FieldsShape::Primitive),
        Node::Group { head, .. } if head == "Union" => match list(node, "Union", '(')?[..] {
            [n] => Ok(FieldsShape::Union(number(leaf(n)?)?)),
            _ => bail!("bad union field count `{}`", node.flat()),
        },
        Node::Group { head, .. } if head == "Arbitrary" => {
            let fields = record(node, "Arbitrary")?;
            only_keys(&fields, &["offsets", "in_memory_order"], "a fields shape")?;
            let order = list(get(&fields, "in_memory_order")?, "", '[')?;
            let offsets = list(get(&fields, "offsets")?, "", '[')?
                .into_iter()
                .map(|n| size_value(leaf(n)?))
                .collect::<Result<Vec<_>>>()?;
            if order.len() != offsets.len() {
                bail!("`in_memory_order` and `offsets` differ in length");
            }
            Ok(FieldsShape::Arbitrary(offsets))
        }
        _ => bail!("unknown fields shape `{}`", node.flat()),
    }
}

/// `None` or `Some( Niche { offset: Size(N bytes), value: SCALAR, valid_range: RANGE, }, )`.
fn niche_value(node: &Node, pointer_size: u64) -> Result<Option<RustcNiche>> {
    if matches!(node, Node::Leaf(s) if s == "None") {
        return Ok(None);
    }
    let [niche] = list(node, "Some", '(')?[..] else {
        bail!("unknown niche `{}`", node.flat());
    };
    let fields = record(niche, "Niche")?;
    only_keys(&fields, &["offset", "value", "valid_range"], "a niche")?;
    let value = get(&fields, "value")?;
    let (start, end) = valid_range(leaf(get(&fields, "valid_range")?)?)
        .ok_or_else(|| Error(format!("unknown niche `{}`", node.flat())))?;
    Ok(Some(RustcNiche {
        offset: size_value(leaf(get(&fields, "offset")?)?)?,
        size: scalar_size(value, pointer_size)?,
        value: value.flat(),
        start,
        end,
    }))
}

/// `Empty`, `Single { index: N, }` or `Multiple { tag, tag_encoding, tag_field, variants }`.
fn variants_value(node: &Node, pointer_size: u64) -> Result<RustcVariants> {
    match node {
        Node::Leaf(s) if s == "Empty" => Ok(RustcVariants::Empty),
        Node::Group { head, .. } if head == "Single" => {
            let fields = record(node, "Single")?;
            only_keys(&fields, &["index"], "`Single` variants")?;
            Ok(RustcVariants::Single {
                index: number(leaf(get(&fields, "index")?)?)?,
            })
        }
        Node::Group { head, .. } if head == "Multiple" => {
            let fields = record(node, "Multiple")?;
            only_keys(
                &fields,
                &["tag", "tag_encoding", "tag_field", "variants"],
                "`Multiple` variants",
            )?;
            let tag = record(get(&fields, "tag")?, "Initialized")?;
            only_keys(&tag, &["value", "valid_range"], "a tag")?;
            let value = get(&tag, "value")?;
            let range = leaf(get(&tag, "valid_range")?)?;
            let (start, end) =
                valid_range(range).ok_or_else(|| Error(format!("bad valid range `{range}`")))?;
            let encoding = match get(&fields, "tag_encoding")? {
                Node::Leaf(s) if s == "Direct" => TagEncoding::Direct,
                niche @ Node::Group { head, .. } if head == "Niche" => {
                    let n = record(niche, "Niche")?;
                    only_keys(
                        &n,
                        &["untagged_variant", "niche_variants", "niche_start"],
                        "a niche encoding",
                    )?;
                    let range = leaf(get(&n, "niche_variants")?)?;
                    let (a, b) = range
                        .split_once("..=")
                        .ok_or_else(|| Error(format!("bad niche variants `{range}`")))?;
                    TagEncoding::Niche {
                        untagged_variant: number(leaf(get(&n, "untagged_variant")?)?)?,
                        niche_variants: (number(a)?, number(b)?),
                        niche_start: number(leaf(get(&n, "niche_start")?)?)?,
                    }
                }
                other => bail!("unknown tag encoding `{}`", other.flat()),
            };
            let variants = list(get(&fields, "variants")?, "", '[')?
                .into_iter()
                .map(|v| layout_node(v, pointer_size))
                .collect::<Result<Vec<_>>>()?;
            Ok(RustcVariants::Multiple(Box::new(Multiple {
                tag: RustcScalar {
                    value: value.flat(),
                    size: scalar_size(value, pointer_size)?,
                    start,
                    end,
                },
                encoding,
                tag_field: number(leaf(get(&fields, "tag_field")?)?)?,
                variants,
            })))
        }
        _ => bail!("unknown variants `{}`", node.flat()),
    }
}

/// The size of rustc's `Primitive`: `Int( I8, false, )`, `Float( F32, )`, `Pointer( .. )`.
fn scalar_size(value: &Node, pointer_size: u64) -> Result<u64> {
    let bad = || Error(format!("unknown scalar `{}`", value.flat()));
    let Node::Group {
        head, open: '(', ..
    } = value
    else {
        return Err(bad());
    };
    if head == "Pointer" {
        return Ok(pointer_size);
    }
    let items = list(value, head, '(')?;
    let width = items
        .first()
        .map(|n| leaf(n))
        .transpose()?
        .ok_or_else(bad)?;
    let bits: u64 = match (head.as_str(), items.len()) {
        ("Int", 2) => width.strip_prefix('I').and_then(|w| w.parse().ok()),
        ("Float", 1) => width.strip_prefix('F').and_then(|w| w.parse().ok()),
        _ => None,
    }
    .ok_or_else(bad)?;
    Ok(bits / 8)
}

/// `A..=B`, or `(..=B) | (A..)` when the range wraps around.
fn valid_range(s: &str) -> Option<(u128, u128)> {
    if let Some(rest) = s.strip_prefix("(..=") {
        let (end, start) = rest.split_once(") | (")?;
        let start = start.strip_suffix("..)")?;
        return Some((start.parse().ok()?, end.parse().ok()?));
    }
    let (start, end) = s.split_once("..=")?;
    Some((start.parse().ok()?, end.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\
warning: something harmless
error: layout_of(S<(u8, u16), 3>) = Layout {
           size: Size(8 bytes),
           align: AbiAlign {
               abi: Align(4 bytes),
           },
           backend_repr: Memory {
               sized: true,
           },
           fields: Arbitrary {
               offsets: [
                   Size(4 bytes),
                   Size(0 bytes),
               ],
               in_memory_order: [
                   1,
                   0,
               ],
           },
           largest_niche: Some(
               Niche {
                   offset: Size(5 bytes),
                   value: Int(
                       I8,
                       true,
                   ),
                   valid_range: (..=1) | (255..),
               },
           ),
           uninhabited: false,
           variants: Single {
               index: 0,
           },
           max_repr_align: None,
           unadjusted_abi_align: Align(4 bytes),
           randomization_seed: 15002290973170276680,
       }
  --> src/layout_debug.rs:12:24
   |
12 | #[rustc_layout(debug)] type __L_0 = S<(u8, u16), 3>;
   |                        ^^^^^^^^^^
error: layout_of(U) = Layout {
           size: Size(1 bytes),
           align: AbiAlign {
               abi: Align(1 bytes),
           },
           backend_repr: Memory {
               sized: true,
           },
           fields: Union(
               2,
           ),
           largest_niche: None,
           uninhabited: false,
           variants: Single {
               index: 0,
           },
           max_repr_align: None,
           unadjusted_abi_align: Align(1 bytes),
           randomization_seed: 1,
       }
   --> src/layout_debug.rs:130:24
error: could not compile `x` (bin \"y\") due to 2 previous errors
";

    #[test]
    fn parses_blocks() {
        let l = parse(SAMPLE, 8).unwrap();
        assert_eq!(l.len(), 2);
        assert_eq!(l[0].name, "S<(u8, u16), 3>");
        assert_eq!((l[0].line, l[0].size, l[0].align), (12, 8, 4));
        assert_eq!(l[0].fields, FieldsShape::Arbitrary(vec![4, 0]));
        let n = l[0].niche.as_ref().unwrap();
        assert_eq!((n.offset, n.size, n.start, n.end), (5, 1, 255, 1));
        assert_eq!(n.available(), 253);
        assert_eq!(l[1].line, 130);
        assert_eq!(l[1].fields, FieldsShape::Union(2));
        assert_eq!(l[1].niche, None);
    }

    #[test]
    fn fails_loudly() {
        assert!(parse(&SAMPLE.replace("2 previous", "3 previous"), 8).is_err());
        assert!(parse(&SAMPLE.replace("uninhabited", "inhabited"), 8).is_err());
        assert!(parse(&SAMPLE.replace("I8", "X8"), 8).is_err());
        let compile_error = SAMPLE.replace("warning: something", "error[E0308]: mismatched");
        assert!(parse(&compile_error, 8).is_err());
        assert!(parse("", 8).is_err());
    }

    /// rustc 1.95's layout of `enum MyOption<T> { Nothing, Just(T) }` at `T = bool`.
    const ENUM_SAMPLE: &str = "\
error: layout_of(MyOption<bool>) = Layout {
           size: Size(1 bytes),
           align: AbiAlign {
               abi: Align(1 bytes),
           },
           backend_repr: Scalar(
               Initialized {
                   value: Int(
                       I8,
                       false,
                   ),
                   valid_range: 0..=2,
               },
           ),
           fields: Arbitrary {
               offsets: [
                   Size(0 bytes),
               ],
               in_memory_order: [
                   0,
               ],
           },
           largest_niche: Some(
               Niche {
                   offset: Size(0 bytes),
                   value: Int(
                       I8,
                       false,
                   ),
                   valid_range: 0..=2,
               },
           ),
           uninhabited: false,
           variants: Multiple {
               tag: Initialized {
                   value: Int(
                       I8,
                       false,
                   ),
                   valid_range: 0..=2,
               },
               tag_encoding: Niche {
                   untagged_variant: 1,
                   niche_variants: 0..=0,
                   niche_start: 2,
               },
               tag_field: 0,
               variants: [
                   Layout {
                       size: Size(0 bytes),
                       align: AbiAlign {
                           abi: Align(1 bytes),
                       },
                       backend_repr: Memory {
                           sized: true,
                       },
                       fields: Arbitrary {
                           offsets: [],
                           in_memory_order: [],
                       },
                       largest_niche: None,
                       uninhabited: false,
                       variants: Single {
                           index: 0,
                       },
                       max_repr_align: None,
                       unadjusted_abi_align: Align(1 bytes),
                       randomization_seed: 2383630920637737633,
                   },
                   Layout {
                       size: Size(1 bytes),
                       align: AbiAlign {
                           abi: Align(1 bytes),
                       },
                       backend_repr: Scalar(
                           Initialized {
                               value: Int(
                                   I8,
                                   false,
                               ),
                               valid_range: 0..=1,
                           },
                       ),
                       fields: Arbitrary {
                           offsets: [
                               Size(0 bytes),
                           ],
                           in_memory_order: [
                               0,
                           ],
                       },
                       largest_niche: Some(
                           Niche {
                               offset: Size(0 bytes),
                               value: Int(
                                   I8,
                                   false,
                               ),
                               valid_range: 0..=1,
                           },
                       ),
                       uninhabited: false,
                       variants: Single {
                           index: 1,
                       },
                       max_repr_align: None,
                       unadjusted_abi_align: Align(1 bytes),
                       randomization_seed: 2383912404204382882,
                   },
               ],
           },
           max_repr_align: None,
           unadjusted_abi_align: Align(1 bytes),
           randomization_seed: 7151174245479858148,
       }
  --> src/layout_debug.rs:15:24
error: aborting due to 1 previous error
";

    #[test]
    fn parses_enum_variants() {
        let l = &parse(ENUM_SAMPLE, 8).unwrap()[0];
        assert_eq!((l.name.as_str(), l.line, l.size), ("MyOption<bool>", 15, 1));
        assert_eq!(l.fields, FieldsShape::Arbitrary(vec![0]));
        let RustcVariants::Multiple(m) = &l.variants else {
            panic!("{:?}", l.variants)
        };
        assert_eq!((m.tag.size, m.tag.start, m.tag.end), (1, 0, 2));
        assert_eq!(m.tag.value, "Int( I8, false, )");
        assert_eq!(
            m.encoding,
            TagEncoding::Niche {
                untagged_variant: 1,
                niche_variants: (0, 0),
                niche_start: 2
            }
        );
        assert_eq!(m.tag_field, 0);
        assert_eq!(m.variants.len(), 2);
        assert_eq!(m.variants[0].fields, FieldsShape::Arbitrary(vec![]));
        assert_eq!(m.variants[1].fields, FieldsShape::Arbitrary(vec![0]));
        assert_eq!(m.variants[1].variants, RustcVariants::Single { index: 1 });
        assert_eq!(l.niche.as_ref().unwrap().available(), 253);

        let direct = ENUM_SAMPLE.replace(
            "tag_encoding: Niche {\n                   untagged_variant: 1,\n                   niche_variants: 0..=0,\n                   niche_start: 2,\n               },",
            "tag_encoding: Direct,",
        );
        let RustcVariants::Multiple(m) = &parse(&direct, 8).unwrap()[0].variants else {
            panic!()
        };
        assert_eq!(m.encoding, TagEncoding::Direct);
    }

    #[test]
    fn enum_layouts_fail_loudly() {
        assert!(parse(&ENUM_SAMPLE.replace("tag_field", "tag_slot"), 8).is_err());
        assert!(parse(&ENUM_SAMPLE.replace("untagged_variant", "untagged"), 8).is_err());
        assert!(parse(&ENUM_SAMPLE.replace("Initialized {", "Union {"), 8).is_err());
        assert!(parse(
            &ENUM_SAMPLE.replace("niche_variants: 0..=0", "niche_variants: 0"),
            8
        )
        .is_err());
        // A line moved out of its group.
        assert!(parse(
            &ENUM_SAMPLE.replace(
                "                   niche_start",
                "                  niche_start"
            ),
            8
        )
        .is_err());
        assert!(parse(
            &ENUM_SAMPLE.replace("               tag_field: 0,\n", ""),
            8
        )
        .is_err());
    }

    #[test]
    fn empty_enum() {
        let text = "error: layout_of(Void) = Layout {
           size: Size(0 bytes),
           align: AbiAlign {
               abi: Align(1 bytes),
           },
           backend_repr: Memory {
               sized: true,
           },
           fields: Primitive,
           largest_niche: None,
           uninhabited: true,
           variants: Empty,
           max_repr_align: None,
           unadjusted_abi_align: Align(1 bytes),
           randomization_seed: 1,
       }
  --> src/layout_debug.rs:10:24
error: aborting due to 1 previous error
";
        let l = &parse(text, 8).unwrap()[0];
        assert!(l.uninhabited);
        assert_eq!(l.variants, RustcVariants::Empty);
        assert_eq!(l.fields, FieldsShape::Primitive);
    }

    #[test]
    fn niche_sizes() {
        let node = |s: &str| {
            let lines: Vec<String> = s.lines().map(|l| format!("           {l}")).collect();
            let mut body: Vec<&str> = lines.iter().map(String::as_str).collect();
            body.push("       }");
            match tree(&body).unwrap() {
                Node::Group { mut items, .. } => items.remove(0).1,
                other => panic!("{other:?}"),
            }
        };
        let pointer = node("value: Pointer(\n    AddressSpace(\n        0,\n    ),\n),");
        assert_eq!(pointer.flat(), "Pointer( AddressSpace( 0, ), )");
        assert_eq!(scalar_size(&pointer, 8).unwrap(), 8);
        let int = node("value: Int(\n    I128,\n    false,\n),");
        assert_eq!(scalar_size(&int, 8).unwrap(), 16);
        let float = node("value: Float(\n    F32,\n),");
        assert_eq!(scalar_size(&float, 8).unwrap(), 4);
        assert!(scalar_size(&node("value: Vector(\n    I8,\n),"), 8).is_err());
        assert_eq!(
            valid_range("1..=18446744073709551615"),
            Some((1, u64::MAX as u128))
        );
        assert_eq!(valid_range("(..=0) | (255..)"), Some((255, 0)));
    }
}
