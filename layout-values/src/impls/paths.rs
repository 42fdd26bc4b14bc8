//! [`Visit`] for the operating system's strings: `OsString` and `PathBuf` (a buffer of
//! encoded bytes, as `String` is of UTF-8), `CString` (its bytes and the nul), and the
//! unsized `OsStr`, `Path` and `CStr` behind references and boxes.

use std::ffi::{CStr, CString, OsStr, OsString};
use std::path::{Path, PathBuf};

use super::{address, buffer};
use crate::picture::Basis;
use crate::visit::{Access, Allocation, Metadata, Visit, Visitor};

/// An `OsString`'s buffer: its encoded bytes (`as_encoded_bytes`) out of `capacity()`. std
/// documents the capacity but not that the allocation is exactly that many bytes (as it does
/// for `String`), so the block is std's current layout, checked by the test suite.
fn os_buffer(v: &mut Visitor<'_>, text: &OsStr, capacity: usize) {
    let bytes = text.as_encoded_bytes();
    let counts = (bytes.len(), capacity);
    let start = Some(bytes.as_ptr() as usize);
    buffer::<u8>(v, start, counts, "OsStr", Basis::StdLayout, |v| {
        if !bytes.is_empty() {
            v.field("", text);
        }
    });
}

impl Visit for OsString {
    fn visit(&self, v: &mut Visitor<'_>) {
        os_buffer(v, self, self.capacity());
    }
}

impl Visit for PathBuf {
    fn visit(&self, v: &mut Visitor<'_>) {
        os_buffer(v, self.as_os_str(), self.capacity());
    }
}

impl Visit for OsStr {
    fn visit(&self, v: &mut Visitor<'_>) {
        v.value(format_args!("{self:?}"));
    }

    fn metadata(&self) -> Metadata {
        Metadata::Len(self.len())
    }
}

impl Visit for Path {
    fn visit(&self, v: &mut Visitor<'_>) {
        v.value(format_args!("{self:?}"));
    }

    fn metadata(&self) -> Metadata {
        Metadata::Len(self.as_os_str().len())
    }
}

impl Visit for CStr {
    fn visit(&self, v: &mut Visitor<'_>) {
        v.value(format_args!("{self:?}"));
    }

    fn metadata(&self) -> Metadata {
        Metadata::Len(self.to_bytes_with_nul().len())
    }
}

/// Its bytes and the terminating nul, in a block of exactly that size (std keeps them in a
/// boxed slice today; it does not promise it).
impl Visit for CString {
    fn visit(&self, v: &mut Visitor<'_>) {
        let text: &CStr = self;
        let size = text.to_bytes_with_nul().len();
        v.value(format_args!("len {size} with the nul"));
        v.pointer(
            Allocation {
                start: Some(address(text)),
                size,
                used: size,
                align: 1,
                type_name: "CStr",
                access: Access::Owns,
                basis: Basis::StdLayout,
            },
            |v| v.field("", text),
        );
    }
}
