//! The analysis alone, timed: the crate's `Assessment::classify()` and
//! `Assessment::gap_analysis(None)` called in a loop on a document read
//! once, so that no text crosses the JavaScript boundary while the clock
//! runs. Only with the `measure` feature, for
//! `scripts/measure-analysis.mjs`; the package is built without it.
//!
//! [`samples`] is the measurement itself, shared by `measureAnalysis` in
//! the module (timed with `performance.now()`) and by the native example
//! `measure_analysis` (timed with `std::time::Instant`), so both run the
//! same loops.

use std::hint::black_box;

use interagency::Assessment;
use wasm_bindgen::prelude::*;

/// The time per call, in microseconds, of `classify()` and then of
/// `gap_analysis(None)`, each called `iterations` times in a loop (at
/// least once), with `now` a clock in milliseconds.
pub fn analysis(
    assessment: &Assessment,
    iterations: u32,
    now: &mut impl FnMut() -> f64,
) -> [f64; 2] {
    let n = iterations.max(1);
    let start = now();
    for _ in 0..n {
        black_box(black_box(assessment).classify());
    }
    let classified = now();
    for _ in 0..n {
        black_box(black_box(assessment).gap_analysis(None));
    }
    let analysed = now();
    let per_call = |ms: f64| ms * 1e3 / f64::from(n);
    [
        per_call(classified - start),
        per_call(analysed - classified),
    ]
}

/// [`analysis`] once to warm up (not kept), then `samples` times: the
/// microseconds per call of classify and gap analysis, in pairs
/// (`[classify, gap, classify, gap, …]`).
pub fn samples(
    assessment: &Assessment,
    iterations: u32,
    samples: u32,
    mut now: impl FnMut() -> f64,
) -> Vec<f64> {
    analysis(assessment, iterations, &mut now);
    (0..samples)
        .flat_map(|_| analysis(assessment, iterations, &mut now))
        .collect()
}

#[wasm_bindgen]
extern "C" {
    /// `performance.now()`: milliseconds, with a fraction (Node and every
    /// current browser have the global `performance`).
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
}

/// Reads the assessment document (JSON text) once, then times its
/// analysis inside the module: one warm-up, then `samples` times
/// `classify()` called `iterations` times and `gap_analysis(None)` called
/// `iterations` times. Returns the microseconds per call, in pairs:
/// `[classify, gap, classify, gap, …]`.
///
/// # Errors
///
/// The crate's message for a bad document.
#[wasm_bindgen(js_name = measureAnalysis)]
pub fn measure_analysis(
    document: &str,
    iterations: u32,
    samples: u32,
) -> Result<Vec<f64>, JsError> {
    let assessment = Assessment::from_json(document).map_err(|e| JsError::new(&e.to_string()))?;
    Ok(self::samples(
        &assessment,
        iterations,
        samples,
        performance_now,
    ))
}
