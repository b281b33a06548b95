//! The native side of the analysis-alone comparison: the loops that
//! `measureAnalysis` runs inside the module (see `src/measure.rs`), run
//! natively and timed with `std::time::Instant`. `scripts/measure-analysis.mjs`
//! runs both on the same documents.
//!
//! ```text
//! cargo run --release -p interagency-wasm --features measure --example measure_analysis -- \
//!     FILE [ITERATIONS [SAMPLES]]
//! ```
//!
//! Reads the assessment document once, then, after one warm-up, SAMPLES
//! times (default 5) calls `classify()` ITERATIONS times and
//! `gap_analysis(None)` ITERATIONS times. ITERATIONS 0 (the default)
//! chooses it: doubling from 1 until each loop takes 5 ms or one of them
//! 100 ms. Prints one line of JSON: the agencies, respondents and
//! iterations, and the microseconds per call, in pairs
//! (`"us": [classify, gap, classify, gap, …]`).

use std::process::ExitCode;
use std::time::Instant;

use interagency::Assessment;
use interagency_wasm::measure;

/// The iterations for loops of 5 ms each, or 100 ms for the longer.
fn calibrate(assessment: &Assessment, now: &mut impl FnMut() -> f64) -> u32 {
    let mut n: u32 = 1;
    loop {
        let [classify, gap] = measure::analysis(assessment, n, now);
        let (short, long) = (classify.min(gap), classify.max(gap));
        let ms = |us: f64| us * f64::from(n) / 1e3;
        if ms(short) >= 5.0 || ms(long) >= 100.0 || n >= 1 << 30 {
            return n;
        }
        n *= 2;
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let number = |i: usize, default: u32| {
        args.get(i)
            .map_or(Some(default), |a: &String| a.parse::<u32>().ok())
    };
    let (Some(path), Some(iterations), Some(samples)) = (args.first(), number(1, 0), number(2, 5))
    else {
        eprintln!("usage: measure_analysis FILE [ITERATIONS [SAMPLES]]");
        return ExitCode::from(2);
    };
    let assessment = match std::fs::read_to_string(path)
        .map_err(|e| e.to_string())
        .and_then(|text| Assessment::from_json(&text).map_err(|e| e.to_string()))
    {
        Ok(assessment) => assessment,
        Err(e) => {
            eprintln!("measure_analysis: {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let origin = Instant::now();
    let mut now = move || origin.elapsed().as_secs_f64() * 1e3;
    let iterations = match iterations {
        0 => calibrate(&assessment, &mut now),
        n => n,
    };
    let us = measure::samples(&assessment, iterations, samples, now);
    let us: Vec<String> = us.iter().map(|t| format!("{t:.4}")).collect();
    println!(
        "{{\"agencies\": {}, \"respondents\": {}, \"iterations\": {iterations}, \"us\": [{}]}}",
        assessment.agencies().len(),
        assessment.responses().len(),
        us.join(", ")
    );
    ExitCode::SUCCESS
}
