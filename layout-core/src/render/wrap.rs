//! Text that keeps to the diagram's width: words move to the next line (indented) when they
//! would pass it, a word longer than a line is cut, and lists of items break between items
//! before they break inside one.

use core::fmt::{self, Display, Write};

use super::width::{char_width, str_width};

/// The columns `text` takes.
pub(super) fn columns(text: &dyn Display) -> usize {
    struct Measure(usize);
    impl Write for Measure {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            self.0 += str_width(s);
            Ok(())
        }
    }
    let mut m = Measure(0);
    let _ = write!(m, "{text}");
    m.0
}

/// A writer that breaks lines at spaces so that none passes `width` columns; continuation
/// lines start with `indent` spaces. Call [`Wrap::finish`] at the end.
pub(super) struct Wrap<'f> {
    out: &'f mut dyn Write,
    width: usize,
    indent: usize,
    /// The current column.
    col: usize,
    /// Whether nothing has been written on this line yet.
    fresh: bool,
    spaces: usize,
    word: [u8; 128],
    len: usize,
}

impl<'f> Wrap<'f> {
    /// Writes to `out`, whose current column is `col`.
    pub fn new(out: &'f mut dyn Write, col: usize, width: usize, indent: usize) -> Self {
        Wrap {
            out,
            width,
            indent,
            col,
            fresh: true,
            spaces: 0,
            word: [0; 128],
            len: 0,
        }
    }

    /// The column after what has been written, counting a word not yet placed.
    pub fn column(&self) -> usize {
        if self.len == 0 {
            return self.col;
        }
        let spaces = if self.fresh { 0 } else { self.spaces };
        self.col + spaces + str_width(self.word())
    }

    /// Starts a new line.
    pub fn newline(&mut self) -> fmt::Result {
        self.flush()?;
        self.out.write_char('\n')?;
        for _ in 0..self.indent {
            self.out.write_char(' ')?;
        }
        self.col = self.indent;
        self.fresh = true;
        self.spaces = 0;
        Ok(())
    }

    /// Writes what is left. Does not end the line.
    pub fn finish(mut self) -> fmt::Result {
        self.flush()
    }

    fn word(&self) -> &str {
        core::str::from_utf8(&self.word[..self.len]).unwrap_or_default()
    }

    fn flush(&mut self) -> fmt::Result {
        if self.len == 0 {
            return Ok(());
        }
        let len = self.len;
        self.len = 0;
        let word = self.word;
        let word = core::str::from_utf8(&word[..len]).unwrap_or_default();
        let wide = str_width(word);
        let spaces = if self.fresh { 0 } else { self.spaces };
        self.spaces = 0;
        if !self.fresh && self.col + spaces + wide > self.width {
            self.newline()?;
        } else {
            for _ in 0..spaces {
                self.out.write_char(' ')?;
            }
            self.col += spaces;
        }
        for c in word.chars() {
            let w = char_width(c);
            if !self.fresh && self.col + w > self.width {
                self.newline()?;
            }
            self.out.write_char(c)?;
            self.col += w;
            self.fresh = false;
        }
        Ok(())
    }
}

impl Write for Wrap<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        for c in s.chars() {
            if c == ' ' {
                self.flush()?;
                self.spaces += 1;
                continue;
            }
            if self.len + c.len_utf8() > self.word.len() {
                self.flush()?;
            }
            let start = self.len;
            self.len += c.encode_utf8(&mut self.word[start..]).len();
        }
        Ok(())
    }
}

/// Items separated by `separator`, wrapped: an item that does not fit on the current line
/// starts the next one, without the separator (text), or after it (Markdown, which joins
/// lines).
pub(super) struct Items<'f> {
    wrap: Wrap<'f>,
    separator: &'static str,
    keep_separator: bool,
    count: usize,
}

impl<'f> Items<'f> {
    pub fn new(wrap: Wrap<'f>, separator: &'static str) -> Self {
        Items {
            wrap,
            separator,
            keep_separator: false,
            count: 0,
        }
    }

    /// Items that keep their separator at the end of a line.
    pub fn joined(wrap: Wrap<'f>, separator: &'static str) -> Self {
        Items {
            keep_separator: true,
            ..Items::new(wrap, separator)
        }
    }

    pub fn item(&mut self, item: &dyn Display) -> fmt::Result {
        let wide = columns(item);
        if self.count > 0 {
            let col = self.wrap.column();
            if col + str_width(self.separator) + wide <= self.wrap.width {
                self.wrap.write_str(self.separator)?;
            } else {
                if self.keep_separator {
                    self.wrap.write_str(self.separator.trim_end())?;
                }
                self.wrap.newline()?;
            }
        }
        self.count += 1;
        write!(self.wrap, "{item}")
    }

    pub fn finish(self) -> fmt::Result {
        self.wrap.finish()
    }
}
