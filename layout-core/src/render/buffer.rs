//! Short text (a name, a type) built with `write!` into a fixed buffer, so that renderers can
//! measure it before placing it, without allocating. Text past the buffer is cut at a
//! character boundary.

use core::fmt::{self, Write};

pub(super) struct Buffer {
    buf: [u8; 256],
    len: usize,
}

impl Default for Buffer {
    fn default() -> Self {
        Buffer {
            buf: [0; 256],
            len: 0,
        }
    }
}

impl Buffer {
    pub fn as_str(&self) -> &str {
        match core::str::from_utf8(&self.buf[..self.len]) {
            Ok(s) => s,
            Err(e) => core::str::from_utf8(&self.buf[..e.valid_up_to()]).unwrap_or_default(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl Write for Buffer {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let take = s.len().min(self.buf.len() - self.len);
        self.buf[self.len..self.len + take].copy_from_slice(&s.as_bytes()[..take]);
        self.len += take;
        Ok(())
    }
}
