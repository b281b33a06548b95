//! Prints a synthetic assessment with N respondents over three agencies,
//! each rating every facilitator and obstacle: input for load tests.
//!
//! ```text
//! cargo run --example synthetic -- 100000 > big.json
//! cargo run --release --example assess -- big.json --format json
//! ```

use std::io::Write;
use std::process::ExitCode;

#[path = "../benches/support/synthetic.rs"]
mod synthetic;

fn main() -> ExitCode {
    let n = std::env::args()
        .nth(1)
        .and_then(|n| n.parse::<usize>().ok());
    let Some(n) = n else {
        eprintln!("usage: synthetic RESPONDENTS");
        return ExitCode::from(2);
    };
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(synthetic::document(n).as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("synthetic: {err}");
            ExitCode::FAILURE
        }
    }
}
