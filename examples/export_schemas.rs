//! Writes the JSON Schema of every document into a directory, as
//! `<name>.schema.json`.
//!
//! ```text
//! cargo run --example export_schemas -- DIR
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let (Some(dir), None) = (args.next(), args.next()) else {
        eprintln!("usage: export_schemas DIR");
        return ExitCode::from(2);
    };
    let dir = PathBuf::from(dir);
    if let Err(err) = std::fs::create_dir_all(&dir) {
        eprintln!("export_schemas: {}: {err}", dir.display());
        return ExitCode::FAILURE;
    }
    for (name, schema) in interagency::schema::all() {
        let path = dir.join(format!("{name}.schema.json"));
        let text = match serde_json::to_string_pretty(&schema) {
            Ok(text) => text + "\n",
            Err(err) => {
                eprintln!("export_schemas: {name}: {err}");
                return ExitCode::FAILURE;
            }
        };
        if let Err(err) = std::fs::write(&path, text) {
            eprintln!("export_schemas: {}: {err}", path.display());
            return ExitCode::FAILURE;
        }
        println!("{}", path.display());
    }
    ExitCode::SUCCESS
}
