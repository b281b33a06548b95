//! The native side of the WebAssembly speed comparison: the calls the
//! package's `assess` makes (read the document, gap analysis, JSON), timed
//! in one process, as `scripts/measure.mjs` times them in WebAssembly.
//!
//! ```text
//! cargo run --release -p interagency-wasm --example timing -- FILE [RUNS]
//! ```
//!
//! Prints the median of RUNS (default 10) for the whole call and for each
//! step, in milliseconds. The analysis alone, in WebAssembly against
//! native, is `scripts/measure-analysis.mjs`'s (with `measure_analysis`).

use std::time::Instant;

use interagency::{Assessment, Format, Rubric};

fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times.get(times.len() / 2).copied().unwrap_or(f64::NAN)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(path), runs) = (args.next(), args.next()) else {
        eprintln!("usage: timing FILE [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = runs.map_or(10, |r| r.parse().unwrap_or(10));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("timing: {path}: {e}");
        std::process::exit(2);
    });
    let (mut whole, mut read, mut analyse, mut render) = (vec![], vec![], vec![], vec![]);
    let mut bytes = 0;
    for _ in 0..runs {
        let start = Instant::now();
        let assessment = Assessment::from_json(&text).unwrap_or_else(|e| {
            eprintln!("timing: {path}: {e}");
            std::process::exit(2);
        });
        let parsed = Instant::now();
        let report = Rubric::DEFAULT.gap_analysis(&assessment, None);
        let analysed = Instant::now();
        bytes = report.render(Format::Json).len();
        let end = Instant::now();
        whole.push((end - start).as_secs_f64() * 1e3);
        read.push((parsed - start).as_secs_f64() * 1e3);
        analyse.push((analysed - parsed).as_secs_f64() * 1e3);
        render.push((end - analysed).as_secs_f64() * 1e3);
    }
    println!(
        "native: assess {:.2} ms (read {:.2}, gap analysis {:.2}, JSON {:.2}); {} bytes of report; median of {runs}",
        median(whole),
        median(read),
        median(analyse),
        median(render),
        bytes
    );
}
