//! One error type for the whole pipeline: every failure is a message for a human, and none of
//! them may be mistaken for a successful comparison.

use std::fmt;

/// Something went wrong before the comparison could be trusted: the generated crate did not
/// build, an oracle printed something the parsers do not understand, or a type was missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(pub String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Error {
        Error(format!("I/O error: {e}"))
    }
}

/// The pipeline's result type.
pub type Result<T> = std::result::Result<T, Error>;

/// Returns early with a formatted [`Error`].
macro_rules! bail {
    ($($arg:tt)*) => {
        return Err($crate::error::Error(format!($($arg)*)))
    };
}
pub(crate) use bail;
