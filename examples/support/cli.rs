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

/// Writes a run's output to standard output (exit status 0), or its error
/// to standard error after `name: ` (exit status 2, nothing on standard
/// output); a failed write is exit status 1.
#[allow(dead_code, reason = "examples that print as they go do not need it")]
pub fn finish(name: &str, result: Result<String, String>) -> ExitCode {
    use std::io::Write as _;

    match result {
        Ok(output) => {
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(output.as_bytes())
                .and_then(|()| stdout.flush())
            {
                Ok(()) => ExitCode::SUCCESS,
                Err(err) => {
                    eprintln!("{name}: {err}");
                    ExitCode::FAILURE
                }
            }
        }
        Err(message) => {
            eprintln!("{name}: {message}");
            ExitCode::from(2)
        }
    }
}
