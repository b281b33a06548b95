//! Reading JSON text into a document with errors that say where.

use serde::Deserialize;
use serde_json::de::{Read, SliceRead, StrRead};

use crate::Error;

/// Reads `T` from JSON text: a UTF-8 byte-order mark before the document
/// is skipped, and an error is [`Error::Json`] with the path, line and
/// column.
pub(crate) fn from_json<'de, T: Deserialize<'de>>(text: &'de str) -> Result<T, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    read(|| StrRead::new(text))
}

/// Reads `T` from JSON bytes, as [`from_json`] reads text; bytes that are
/// not UTF-8 are an error at the string that holds them.
pub(crate) fn from_slice<'de, T: Deserialize<'de>>(bytes: &'de [u8]) -> Result<T, Error> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    read(|| SliceRead::new(bytes))
}

/// Reads `T` from the input `input` gives, from its start each time.
fn read<'de, T: Deserialize<'de>, R: Read<'de>>(input: impl Fn() -> R) -> Result<T, Error> {
    // Read once without tracking the path: keeping the path costs a copy of
    // every key, and documents are usually valid. Only a document that
    // fails is read again, tracking where.
    let mut deserializer = serde_json::Deserializer::new(input());
    if let Ok(value) = T::deserialize(&mut deserializer)
        && deserializer.end().is_ok()
    {
        return Ok(value);
    }
    let mut deserializer = serde_json::Deserializer::new(input());
    let value: T = serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        let path = e.path().to_string();
        // The whole document is `.`; `?` is a place the path cannot name
        // (text that is not JSON at all).
        let path = if path == "." || path == "?" {
            String::new()
        } else {
            path
        };
        json_error(path, &e.into_inner())
    })?;
    deserializer
        .end()
        .map_err(|e| json_error(String::new(), &e))?;
    Ok(value)
}

/// A JSON error with the path where it happened.
fn json_error(path: String, inner: &serde_json::Error) -> Error {
    let (line, column) = (inner.line(), inner.column());
    let full = inner.to_string();
    let suffix = format!(" at line {line} column {column}");
    let message = full.strip_suffix(&suffix).unwrap_or(&full).to_owned();
    let path = if path.is_empty() {
        "document".to_owned()
    } else {
        path
    };
    Error::Json {
        path,
        message,
        line,
        column,
    }
}
