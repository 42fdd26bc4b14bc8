//! Reads the types of one object's DWARF into [`Types`].
//!
//! rustc describes a type once per compile unit that uses it: structs, unions, tuples, closure
//! environments and wide pointers as `DW_TAG_structure_type` with members at byte offsets;
//! fieldless enums as `DW_TAG_enumeration_type`; enums with data and `async` state machines
//! as a structure holding a `DW_TAG_variant_part`, whose `DW_AT_discr` member sits where the
//! tag (or the niche that holds it) is, and one `DW_TAG_variant` per variant with the value
//! that member holds for it (`DW_AT_discr_value`; none for the variant whose own data fills
//! the niche). Each variant's fields are a nested structure whose member offsets count from
//! the start of the enum.

use std::collections::HashMap;

use anyhow::{Context, Result};
use gimli::{AttributeValue, EndianSlice, RunTimeEndian, UnitOffset};

use crate::types::{BaseInt, BaseKind, Discr, Member, Shape, Ty, Types, VariantInfo, DATA_POINTER};

type R<'a> = EndianSlice<'a, RunTimeEndian>;

/// Which compile units describe the selected package: in a linked executable every crate's
/// units are there, and the package's are those whose root file is one of its targets'.
pub trait UnitFilter {
    /// Whether the unit with this `DW_AT_name` and `DW_AT_comp_dir` is the package's own.
    fn own(&self, name: &str, comp_dir: &str) -> bool;
}

/// A raw DIE of interest, before names are resolved.
#[derive(Debug)]
enum Raw {
    Aggregate {
        union: bool,
        name: String,
        size: u64,
        align: Option<u64>,
        members: Vec<RawMember>,
        variant_part: Option<RawVariantPart>,
        /// A variant's own structure, nested in its enum: not a type of its own.
        nested: bool,
    },
    Fieldless {
        name: String,
        size: u64,
        align: Option<u64>,
        int: Option<UnitOffset>,
        variants: Vec<(String, RawValue)>,
    },
    Base {
        name: String,
        size: u64,
        encoding: gimli::DwAte,
    },
    Pointer {
        name: Option<String>,
        pointee: Option<UnitOffset>,
    },
    Array {
        element: Option<UnitOffset>,
        len: Option<u64>,
    },
    Subroutine,
}

#[derive(Debug)]
struct RawMember {
    name: String,
    ty: Option<UnitOffset>,
    offset: Option<u64>,
}

#[derive(Debug)]
struct RawVariantPart {
    discr: Option<RawMember>,
    variants: Vec<RawVariant>,
}

#[derive(Debug)]
struct RawVariant {
    value: Option<RawValue>,
    /// The member that holds the variant's structure.
    member: Option<RawMember>,
}

/// A constant as DWARF stores it: the bits and their width in bytes.
#[derive(Clone, Copy, Debug)]
struct RawValue {
    bits: u128,
    width: u64,
}

/// Reads every compile unit of `sections` into `types`.
pub fn read(
    sections: &crate::objects::Sections,
    filter: &dyn UnitFilter,
    all_units: bool,
    types: &mut Types,
) -> Result<()> {
    let dwarf = crate::objects::dwarf(sections);
    let mut headers = dwarf.units();
    while let Some(header) = headers.next().context("reading a compile unit header")? {
        let unit = dwarf.unit(header).context("reading a compile unit")?;
        types.address_size = u64::from(unit.encoding().address_size);
        let name = unit
            .name
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let comp_dir = unit
            .comp_dir
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let own = filter.own(&name, &comp_dir);
        if !own && !all_units {
            continue;
        }
        types.saw_units += 1;
        let mut raws = HashMap::new();
        let mut member_aligns = HashMap::new();
        let mut tree = unit.entries_tree(None)?;
        let root = tree.root()?;
        let mut path = Vec::new();
        walk(
            &dwarf,
            &unit,
            root,
            &mut path,
            &mut raws,
            &mut member_aligns,
        )?;
        Resolver {
            raws: &raws,
            aligns: &member_aligns,
            names: HashMap::new(),
        }
        .emit(types, own);
    }
    Ok(())
}

fn walk(
    dwarf: &gimli::Dwarf<R>,
    unit: &gimli::Unit<R>,
    node: gimli::EntriesTreeNode<R>,
    path: &mut Vec<String>,
    raws: &mut HashMap<UnitOffset, Raw>,
    aligns: &mut HashMap<UnitOffset, u64>,
) -> Result<()> {
    let entry = node.entry();
    let tag = entry.tag();
    let offset = entry.offset();
    match tag {
        gimli::DW_TAG_compile_unit | gimli::DW_TAG_namespace => {
            let pushed = tag == gimli::DW_TAG_namespace;
            if pushed {
                path.push(string(dwarf, unit, entry, gimli::DW_AT_name).unwrap_or_default());
            }
            let mut children = node.children();
            while let Some(child) = children.next()? {
                walk(dwarf, unit, child, path, raws, aligns)?;
            }
            if pushed {
                path.pop();
            }
        }
        gimli::DW_TAG_structure_type | gimli::DW_TAG_union_type => {
            aggregate(dwarf, unit, node, path, raws, aligns, false)?;
        }
        gimli::DW_TAG_enumeration_type => {
            let name = qualified(path, string(dwarf, unit, entry, gimli::DW_AT_name));
            let size = udata(entry, gimli::DW_AT_byte_size).unwrap_or(0);
            let align = udata(entry, gimli::DW_AT_alignment);
            let int = type_ref(entry);
            let mut variants = Vec::new();
            let mut children = node.children();
            while let Some(child) = children.next()? {
                let e = child.entry();
                if e.tag() == gimli::DW_TAG_enumerator {
                    let vname = string(dwarf, unit, e, gimli::DW_AT_name).unwrap_or_default();
                    if let Some(value) = constant(e, gimli::DW_AT_const_value) {
                        variants.push((vname, value));
                    }
                }
            }
            raws.insert(
                offset,
                Raw::Fieldless {
                    name,
                    size,
                    align,
                    int,
                    variants,
                },
            );
        }
        gimli::DW_TAG_base_type => {
            let name = string(dwarf, unit, entry, gimli::DW_AT_name).unwrap_or_default();
            let size = udata(entry, gimli::DW_AT_byte_size).unwrap_or(0);
            let encoding = match entry.attr_value(gimli::DW_AT_encoding)? {
                Some(AttributeValue::Encoding(e)) => e,
                _ => gimli::DW_ATE_unsigned,
            };
            raws.insert(
                offset,
                Raw::Base {
                    name,
                    size,
                    encoding,
                },
            );
        }
        gimli::DW_TAG_pointer_type | gimli::DW_TAG_reference_type => {
            raws.insert(
                offset,
                Raw::Pointer {
                    name: string(dwarf, unit, entry, gimli::DW_AT_name),
                    pointee: type_ref(entry),
                },
            );
        }
        gimli::DW_TAG_array_type => {
            let element = type_ref(entry);
            let mut len = None;
            let mut children = node.children();
            while let Some(child) = children.next()? {
                let e = child.entry();
                if e.tag() == gimli::DW_TAG_subrange_type {
                    len = udata(e, gimli::DW_AT_count).or_else(|| {
                        let lower = udata(e, gimli::DW_AT_lower_bound).unwrap_or(0);
                        udata(e, gimli::DW_AT_upper_bound).map(|u| u + 1 - lower)
                    });
                }
            }
            raws.insert(offset, Raw::Array { element, len });
        }
        gimli::DW_TAG_subroutine_type => {
            raws.insert(offset, Raw::Subroutine);
        }
        // Functions hold variables and lexical blocks, not the types rustc describes (those
        // sit in namespaces named after the function), so their subtrees are skipped.
        _ => {}
    }
    Ok(())
}

fn aggregate(
    dwarf: &gimli::Dwarf<R>,
    unit: &gimli::Unit<R>,
    node: gimli::EntriesTreeNode<R>,
    path: &mut Vec<String>,
    raws: &mut HashMap<UnitOffset, Raw>,
    aligns: &mut HashMap<UnitOffset, u64>,
    nested: bool,
) -> Result<()> {
    let entry = node.entry();
    let offset = entry.offset();
    let union = entry.tag() == gimli::DW_TAG_union_type;
    if matches!(
        entry.attr_value(gimli::DW_AT_declaration)?,
        Some(AttributeValue::Flag(true))
    ) {
        return Ok(());
    }
    let own_name = string(dwarf, unit, entry, gimli::DW_AT_name).unwrap_or_default();
    let name = qualified(path, Some(own_name.clone()));
    let size = udata(entry, gimli::DW_AT_byte_size).unwrap_or(0);
    let align = udata(entry, gimli::DW_AT_alignment);
    let mut members = Vec::new();
    let mut variant_part = None;
    path.push(own_name);
    let mut children = node.children();
    while let Some(child) = children.next()? {
        let e = child.entry();
        match e.tag() {
            gimli::DW_TAG_member => {
                if let Some(m) = member(dwarf, unit, e, aligns) {
                    members.push(m);
                }
            }
            gimli::DW_TAG_variant_part => {
                variant_part = Some(read_variant_part(dwarf, unit, child, aligns)?);
            }
            gimli::DW_TAG_structure_type | gimli::DW_TAG_union_type => {
                aggregate(dwarf, unit, child, path, raws, aligns, true)?;
            }
            gimli::DW_TAG_enumeration_type => {
                walk(dwarf, unit, child, path, raws, aligns)?;
            }
            _ => {}
        }
    }
    path.pop();
    raws.insert(
        offset,
        Raw::Aggregate {
            union,
            name,
            size,
            align,
            members,
            variant_part,
            nested,
        },
    );
    Ok(())
}

fn read_variant_part(
    dwarf: &gimli::Dwarf<R>,
    unit: &gimli::Unit<R>,
    node: gimli::EntriesTreeNode<R>,
    aligns: &mut HashMap<UnitOffset, u64>,
) -> Result<RawVariantPart> {
    let discr_at = match node.entry().attr_value(gimli::DW_AT_discr)? {
        Some(AttributeValue::UnitRef(o)) => Some(o),
        _ => None,
    };
    let mut part = RawVariantPart {
        discr: None,
        variants: Vec::new(),
    };
    let mut children = node.children();
    while let Some(child) = children.next()? {
        let e = child.entry();
        match e.tag() {
            gimli::DW_TAG_member if Some(e.offset()) == discr_at => {
                part.discr = member(dwarf, unit, e, aligns);
            }
            gimli::DW_TAG_variant => {
                let value = constant(e, gimli::DW_AT_discr_value);
                let mut m = None;
                let mut inner = child.children();
                while let Some(c) = inner.next()? {
                    if c.entry().tag() == gimli::DW_TAG_member {
                        m = member(dwarf, unit, c.entry(), aligns);
                    }
                }
                part.variants.push(RawVariant { value, member: m });
            }
            _ => {}
        }
    }
    Ok(part)
}

fn member(
    dwarf: &gimli::Dwarf<R>,
    unit: &gimli::Unit<R>,
    e: &gimli::DebuggingInformationEntry<R>,
    aligns: &mut HashMap<UnitOffset, u64>,
) -> Option<RawMember> {
    let ty = type_ref(e);
    if let (Some(ty), Some(align)) = (ty, udata(e, gimli::DW_AT_alignment)) {
        aligns.insert(ty, align);
    }
    Some(RawMember {
        name: string(dwarf, unit, e, gimli::DW_AT_name).unwrap_or_default(),
        ty,
        offset: udata(e, gimli::DW_AT_data_member_location),
    })
}

fn string(
    dwarf: &gimli::Dwarf<R>,
    unit: &gimli::Unit<R>,
    e: &gimli::DebuggingInformationEntry<R>,
    at: gimli::DwAt,
) -> Option<String> {
    let value = e.attr_value(at).ok()??;
    let s = dwarf.attr_string(unit, value).ok()?;
    Some(s.to_string_lossy().into_owned())
}

fn udata(e: &gimli::DebuggingInformationEntry<R>, at: gimli::DwAt) -> Option<u64> {
    e.attr_value(at).ok()??.udata_value()
}

fn type_ref(e: &gimli::DebuggingInformationEntry<R>) -> Option<UnitOffset> {
    match e.attr_value(gimli::DW_AT_type).ok()?? {
        AttributeValue::UnitRef(o) => Some(o),
        _ => None,
    }
}

/// A constant attribute with the width of the form it is stored in, so that it can be read as
/// the integer it belongs to (LLVM writes signed values in the smallest form that holds them
/// sign-extended, and values wider than 64 bits as a block of little-endian bytes).
fn constant(e: &gimli::DebuggingInformationEntry<R>, at: gimli::DwAt) -> Option<RawValue> {
    let (bits, width) = match e.attr_value(at).ok()?? {
        AttributeValue::Data1(v) => (u128::from(v), 1),
        AttributeValue::Data2(v) => (u128::from(v), 2),
        AttributeValue::Data4(v) => (u128::from(v), 4),
        AttributeValue::Data8(v) => (u128::from(v), 8),
        AttributeValue::Udata(v) => (u128::from(v), 16),
        AttributeValue::Sdata(v) => (i128::from(v) as u128, 16),
        AttributeValue::Block(b) => {
            let bytes = b.slice();
            if bytes.len() > 16 {
                return None;
            }
            let mut v = 0u128;
            for (i, byte) in bytes.iter().enumerate() {
                v |= u128::from(*byte) << (i * 8);
            }
            (v, bytes.len() as u64)
        }
        _ => return None,
    };
    Some(RawValue { bits, width })
}

fn qualified(path: &[String], name: Option<String>) -> String {
    let name = name.unwrap_or_default();
    if path.is_empty() {
        name
    } else {
        format!("{}::{name}", path.join("::"))
    }
}

/// Gives every raw type its full name and turns it into a [`Ty`].
struct Resolver<'a> {
    raws: &'a HashMap<UnitOffset, Raw>,
    aligns: &'a HashMap<UnitOffset, u64>,
    names: HashMap<UnitOffset, Option<String>>,
}

impl Resolver<'_> {
    fn name(&mut self, at: UnitOffset) -> Option<String> {
        if let Some(n) = self.names.get(&at) {
            return n.clone();
        }
        // Cycles go only through pointers, whose names come from their own attribute or
        // from the pointee's name; mark the entry to stop a malformed cycle.
        self.names.insert(at, None);
        let name = match self.raws.get(&at)? {
            Raw::Aggregate { name, .. } | Raw::Fieldless { name, .. } | Raw::Base { name, .. } => {
                Some(name.clone())
            }
            Raw::Pointer {
                name: Some(name), ..
            } => Some(name.clone()),
            Raw::Pointer {
                name: None,
                pointee,
            } => {
                // rustc leaves only a wide pointer's data pointer unnamed.
                let pointee = pointee.and_then(|p| self.name(p));
                Some(format!(
                    "*const {}{DATA_POINTER}",
                    pointee.as_deref().unwrap_or("()")
                ))
            }
            Raw::Array { element, len } => {
                let element = self.name((*element)?)?;
                Some(format!("[{element}; {}]", (*len)?))
            }
            Raw::Subroutine => Some("fn".to_owned()),
        };
        self.names.insert(at, name.clone());
        name
    }

    fn base_int(&self, at: Option<UnitOffset>) -> Option<BaseInt> {
        match self.raws.get(&at?)? {
            Raw::Base { size, encoding, .. } => Some(BaseInt {
                size: *size,
                signed: *encoding == gimli::DW_ATE_signed || *encoding == gimli::DW_ATE_signed_char,
            }),
            _ => None,
        }
    }

    fn members(&mut self, raw: &[RawMember]) -> Option<Vec<Member>> {
        raw.iter()
            .map(|m| {
                Some(Member {
                    name: field_name(&m.name),
                    ty: self.name(m.ty?)?,
                    offset: m.offset?,
                })
            })
            .collect()
    }

    fn emit(mut self, types: &mut Types, own: bool) {
        let mut offsets: Vec<_> = self.raws.keys().copied().collect();
        offsets.sort();
        for at in offsets {
            if let Some(ty) = self.ty(at, types.address_size) {
                insert(types, Ty { own, ..ty });
            }
        }
    }

    fn ty(&mut self, at: UnitOffset, address_size: u64) -> Option<Ty> {
        let raws = self.raws;
        let name = self.name(at)?;
        let observed_align = self.aligns.get(&at).copied();
        let (size, align, shape) = match raws.get(&at)? {
            Raw::Aggregate { nested: true, .. } | Raw::Subroutine => return None,
            Raw::Aggregate {
                union,
                size,
                align,
                members,
                variant_part,
                ..
            } => {
                let shape = match variant_part {
                    Some(part) => self.enumeration(part)?,
                    None if *union => Shape::Union(self.members(members)?),
                    None => Shape::Struct(self.members(members)?),
                };
                (*size, align.or(observed_align), shape)
            }
            Raw::Fieldless {
                size,
                align,
                int,
                variants,
                ..
            } => {
                let int = self.base_int(*int)?;
                let variants = variants
                    .iter()
                    .map(|(n, v)| (n.clone(), int.extend(v.bits, v.width)))
                    .collect();
                // rustc describes a fieldless enum by its tag's size and alignment, also
                // under `repr(align(N))`; the members of that type carry the real alignment,
                // and the size is the tag's rounded up to it.
                let align = (*align).max(observed_align).unwrap_or(int.size.max(1));
                (
                    size.next_multiple_of(align.max(1)),
                    Some(align),
                    Shape::Fieldless { int, variants },
                )
            }
            Raw::Base { size, encoding, .. } => {
                let kind = match *encoding {
                    _ if *size == 0 => crate::types::BaseKind::Unit,
                    gimli::DW_ATE_boolean => BaseKind::Bool,
                    gimli::DW_ATE_UTF => BaseKind::Char,
                    gimli::DW_ATE_float => BaseKind::Float,
                    _ => BaseKind::Int(self.base_int(Some(at))?),
                };
                (*size, observed_align, Shape::Base(kind))
            }
            Raw::Pointer { .. } => (address_size, Some(address_size), Shape::Pointer),
            Raw::Array { element, len } => {
                let element_at = (*element)?;
                let element_name = self.name(element_at)?;
                let element_size = self.size(element_at, address_size)?;
                (
                    element_size * (*len)?,
                    observed_align,
                    Shape::Array {
                        element: element_name,
                        len: (*len)?,
                    },
                )
            }
        };
        let confirmed = !matches!(shape, Shape::Fieldless { .. }) || observed_align.is_some();
        Some(Ty {
            name,
            size,
            align,
            shape,
            own: false,
            confirmed,
        })
    }

    fn size(&self, at: UnitOffset, address_size: u64) -> Option<u64> {
        match self.raws.get(&at)? {
            Raw::Aggregate { size, .. } | Raw::Base { size, .. } => Some(*size),
            Raw::Fieldless { size, align, .. } => {
                let align = (*align).max(self.aligns.get(&at).copied()).unwrap_or(1);
                Some(size.next_multiple_of(align.max(1)))
            }
            Raw::Pointer { .. } => Some(address_size),
            Raw::Array { element, len } => Some(self.size((*element)?, address_size)? * (*len)?),
            Raw::Subroutine => None,
        }
    }

    fn enumeration(&mut self, part: &RawVariantPart) -> Option<Shape> {
        let discr = match &part.discr {
            Some(m) => Some(Discr {
                offset: m.offset?,
                int: self.base_int(m.ty)?,
            }),
            None => None,
        };
        let mut variants = Vec::new();
        for v in &part.variants {
            let m = v.member.as_ref()?;
            let Raw::Aggregate {
                name,
                members,
                nested: true,
                ..
            } = self.raws.get(&m.ty?)?
            else {
                return None;
            };
            let short = name.rsplit("::").next().unwrap_or(name).to_owned();
            let value = match (v.value, discr) {
                (Some(raw), Some(d)) => Some(d.int.extend(raw.bits, raw.width)),
                _ => None,
            };
            variants.push(VariantInfo {
                name: short,
                value,
                fields: self.members(members)?,
            });
        }
        Some(Shape::Enum { discr, variants })
    }
}

/// `__0` → `0`: rustc names positional fields `__N` in the debug info.
fn field_name(raw: &str) -> String {
    match raw.strip_prefix("__") {
        Some(rest) if !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()) => {
            rest.to_owned()
        }
        _ => raw.to_owned(),
    }
}

fn insert(types: &mut Types, ty: Ty) {
    match types.by_name.get_mut(&ty.name) {
        None => {
            types.by_name.insert(ty.name.clone(), ty);
        }
        Some(seen) => {
            let fieldless = matches!(ty.shape, Shape::Fieldless { .. });
            if fieldless && seen.shape == ty.shape {
                // Another unit may have seen the enum as a field, with its `repr(align(N))`.
                if ty.align > seen.align {
                    seen.size = ty.size;
                    seen.align = ty.align;
                }
                seen.own |= ty.own;
                seen.confirmed |= ty.confirmed;
            } else if seen.size != ty.size || seen.shape != ty.shape {
                if !types.conflicts.contains(&ty.name) {
                    types.conflicts.push(ty.name.clone());
                }
            } else {
                seen.own |= ty.own;
                if seen.align.is_none() {
                    seen.align = ty.align;
                }
            }
        }
    }
}
