//! What the examples share: reading their options with clap.

use std::process::ExitCode;

use clap::Parser;

/// The options of this run; or, for `--help` and `--version`, the text on
/// standard output and exit status 0; or, for a bad argument, the error on
/// standard error and exit status 2, with nothing on standard output.
pub fn options<T: Parser>() -> Result<T, ExitCode> {
    match T::try_parse() {
        Ok(options) => Ok(options),
        Err(err) if err.use_stderr() => {
            eprint!("{err}");
            Err(ExitCode::from(2))
        }
        Err(help) => {
            print!("{help}");
            Err(ExitCode::SUCCESS)
        }
    }
}
