//! Prints the catalogue of the framework as JSON.
//!
//! ```text
//! cargo run --example catalogue
//! ```

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let catalogue = interagency::Catalogue::default();
    let mut out = std::io::stdout().lock();
    let written = serde_json::to_writer_pretty(&mut out, &catalogue)
        .map_err(std::io::Error::from)
        .and_then(|()| writeln!(out));
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("catalogue: {err}");
            ExitCode::FAILURE
        }
    }
}
