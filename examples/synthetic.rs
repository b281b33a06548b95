//! Prints a synthetic assessment with N respondents over three agencies,
//! each rating every facilitator and obstacle: input for load tests. With
//! a format, prints the same responses as that survey export instead (the
//! partnership with `--partnership`). With `--agencies N`, prints instead a
//! partnership of N agencies whose respondents also answer about each
//! other (levels of joint work, trust, the perceived level): input for the
//! network's pictures.
//!
//! ```text
//! cargo run --example synthetic -- 100000 > big.json
//! cargo run --release --example assess -- big.json --format json
//! cargo run --example synthetic -- --partnership > partnership.json
//! cargo run --example synthetic -- --agencies 30 > network.json
//! cargo run --example synthetic -- 100000 xlsx > big.xlsx
//! cargo run --example synthetic -- --cohort 1000 100 target/cohort-1000
//! cargo run --release --example assess -- partnership.json --responses big.xlsx \
//!     --column agency="Which agency do you work for?" --column role="What is your role?"
//! ```
//!
//! With `--cohort PARTNERSHIPS RESPONDENTS DIR`, writes a cohort instead:
//! that many partnerships' assessment documents, each of that many
//! respondents, as `DIR/partnership-NNNNN.json` (input for the `cohort`
//! example's load test).
//!
//! Formats: `json` (the default), `csv` (the crate's template),
//! `google-forms`, `qualtrics`, `surveymonkey`, `xlsx`.

use std::io::Write;
use std::process::ExitCode;

#[path = "../benches/support/synthetic.rs"]
mod synthetic;

#[path = "../benches/support/agencies.rs"]
mod agencies;

#[path = "../benches/support/cohort.rs"]
mod cohort;

/// Writes a synthetic cohort into `dir`, one file a partnership.
fn write_cohort(partnerships: &str, respondents: &str, dir: &str) -> Option<()> {
    let (partnerships, respondents) = (partnerships.parse().ok()?, respondents.parse().ok()?);
    let dir = std::path::Path::new(dir);
    std::fs::create_dir_all(dir).ok()?;
    for i in 0..partnerships {
        let file = dir.join(format!("partnership-{i:05}.json"));
        std::fs::write(&file, cohort::document(i, respondents)).ok()?;
    }
    Some(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, partnerships, respondents, dir] = args.as_slice()
        && flag == "--cohort"
    {
        if write_cohort(partnerships, respondents, dir).is_none() {
            eprintln!("synthetic: --cohort PARTNERSHIPS RESPONDENTS DIR: cannot write {dir}");
            return ExitCode::from(2);
        }
        return ExitCode::SUCCESS;
    }
    let bytes = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["--partnership"] => Some(synthetic::partnership().into_bytes()),
        ["--agencies", n] => n
            .parse::<usize>()
            .ok()
            .filter(|&n| n >= 2)
            .map(|n| agencies::round_with_network(n, 1, 0).into_bytes()),
        [n, format @ ..] => n.parse::<usize>().ok().and_then(|n| match format {
            [] | ["json"] => Some(synthetic::document(n).into_bytes()),
            ["csv"] => Some(synthetic::csv(n).into_bytes()),
            ["google-forms"] => {
                Some(synthetic::export(n, synthetic::Tool::GoogleForms).into_bytes())
            }
            ["qualtrics"] => Some(synthetic::export(n, synthetic::Tool::Qualtrics).into_bytes()),
            ["surveymonkey"] => {
                Some(synthetic::export(n, synthetic::Tool::SurveyMonkey).into_bytes())
            }
            ["xlsx"] => Some(synthetic::xlsx(n)),
            _ => None,
        }),
        [] => None,
    };
    let Some(bytes) = bytes else {
        eprintln!(
            "usage: synthetic RESPONDENTS [json|csv|google-forms|qualtrics|surveymonkey|xlsx]\n       synthetic --partnership\n       synthetic --agencies N\n       synthetic --cohort PARTNERSHIPS RESPONDENTS DIR"
        );
        return ExitCode::from(2);
    };
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(&bytes) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("synthetic: {err}");
            ExitCode::FAILURE
        }
    }
}
