//! Opens the files a build wrote (rlib archives, executables, shared libraries) and hands each
//! object's DWARF sections, relocated, to the reader.

use std::path::Path;

use anyhow::{bail, Context, Result};
use object::read::archive::ArchiveFile;
use object::{Object, ObjectSection, ObjectSymbol, RelocationTarget};

/// The DWARF sections of one object file, as owned bytes with relocations applied.
pub struct Sections {
    /// Each section gimli asks for, by name (empty when absent).
    pub data: Vec<(gimli::SectionId, Vec<u8>)>,
    /// Byte order.
    pub little_endian: bool,
    /// Whether the object has a `.debug_info` section at all.
    pub has_debug_info: bool,
}

impl Sections {
    /// The bytes of section `id`.
    pub fn get(&self, id: gimli::SectionId) -> &[u8] {
        self.data
            .iter()
            .find(|(s, _)| *s == id)
            .map_or(&[], |(_, d)| d.as_slice())
    }
}

/// Calls `visit` with the DWARF of every object in `path`: each `.o` member of an archive, or
/// the file itself.
pub fn for_each_object(path: &Path, visit: &mut dyn FnMut(Sections) -> Result<()>) -> Result<()> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    if let Ok(archive) = ArchiveFile::parse(&*bytes) {
        for member in archive.members() {
            let member = member.with_context(|| format!("reading archive {}", path.display()))?;
            let name = String::from_utf8_lossy(member.name()).into_owned();
            if !name.ends_with(".o") {
                continue; // `lib.rmeta` and other non-object members
            }
            let data = member
                .data(&*bytes)
                .with_context(|| format!("reading {name} in {}", path.display()))?;
            visit(sections(data).with_context(|| format!("{name} in {}", path.display()))?)?;
        }
        return Ok(());
    }
    visit(sections(&bytes).with_context(|| path.display().to_string())?)
}

fn sections(data: &[u8]) -> Result<Sections> {
    let file = match object::File::parse(data) {
        Ok(file) => file,
        Err(e) => bail!("the object format cannot be read ({e}); cargo layoutscope reads ELF, Mach-O and PE/COFF files"),
    };
    let relocatable = file.kind() == object::ObjectKind::Relocatable;
    let mut out = Sections {
        data: Vec::new(),
        little_endian: file.is_little_endian(),
        has_debug_info: false,
    };
    for id in [
        gimli::SectionId::DebugAbbrev,
        gimli::SectionId::DebugInfo,
        gimli::SectionId::DebugStr,
        gimli::SectionId::DebugStrOffsets,
        gimli::SectionId::DebugLineStr,
        gimli::SectionId::DebugAddr,
        gimli::SectionId::DebugLine,
    ] {
        let Some(section) = file.section_by_name(id.name()) else {
            continue;
        };
        if matches!(
            section.compressed_file_range().map(|r| r.format),
            Ok(f) if f != object::CompressionFormat::None
        ) {
            bail!(
                "the debug info is compressed ({}), which cargo layoutscope does not read; \
                 build without `-C link-arg=-Wl,--compress-debug-sections`",
                id.name()
            );
        }
        let mut bytes: Vec<u8> = match section.data() {
            Ok(d) => d.to_vec(),
            Err(e) => bail!("reading {}: {e}", id.name()),
        };
        if relocatable {
            relocate(&file, &section, &mut bytes)?;
        }
        if id == gimli::SectionId::DebugInfo {
            out.has_debug_info = !bytes.is_empty();
        }
        out.data.push((id, bytes));
    }
    Ok(out)
}

/// Applies the relocations of a relocatable object's debug section: in a `.o` file the
/// references to `.debug_str` and the other sections are zero plus a relocation until the
/// linker resolves them. Only section-relative values matter to the type reader, so each
/// relocation writes the target symbol's address (0 for a section symbol) plus the addend.
fn relocate(file: &object::File, section: &object::Section, bytes: &mut [u8]) -> Result<()> {
    let little = file.is_little_endian();
    for (offset, reloc) in section.relocations() {
        let RelocationTarget::Symbol(index) = reloc.target() else {
            continue;
        };
        let Ok(symbol) = file.symbol_by_index(index) else {
            continue;
        };
        let size = usize::from(reloc.size() / 8);
        let at = usize::try_from(offset).unwrap_or(usize::MAX);
        let Some(slot) = bytes.get_mut(at..at.saturating_add(size)) else {
            continue;
        };
        let implicit = if reloc.has_implicit_addend() {
            read_uint(slot, little) as i64
        } else {
            0
        };
        let value = (symbol.address() as i64)
            .wrapping_add(reloc.addend())
            .wrapping_add(implicit) as u64;
        write_uint(slot, value, little);
    }
    Ok(())
}

fn read_uint(slot: &[u8], little: bool) -> u64 {
    let mut v = 0u64;
    for (i, b) in slot.iter().enumerate() {
        let shift = if little { i } else { slot.len() - 1 - i } * 8;
        v |= u64::from(*b) << shift;
    }
    v
}

fn write_uint(slot: &mut [u8], value: u64, little: bool) {
    let len = slot.len();
    for (i, b) in slot.iter_mut().enumerate() {
        let shift = if little { i } else { len - 1 - i } * 8;
        *b = (value >> shift) as u8;
    }
}

/// `sections` as gimli's reader.
pub fn dwarf(sections: &Sections) -> gimli::Dwarf<gimli::EndianSlice<'_, gimli::RunTimeEndian>> {
    let endian = if sections.little_endian {
        gimli::RunTimeEndian::Little
    } else {
        gimli::RunTimeEndian::Big
    };
    let load = |id: gimli::SectionId| -> Result<_, std::convert::Infallible> {
        Ok(gimli::EndianSlice::new(sections.get(id), endian))
    };
    match gimli::Dwarf::load(load) {
        Ok(dwarf) => dwarf,
        Err(never) => match never {},
    }
}
