//! Benchmarks: parsing, classification, gap analysis, serialization, end to
//! end, and scaling in respondents. After the runs it prints the ratios the
//! performance targets are stated in (see the README's Performance section).
//!
//! ```text
//! cargo bench --bench analysis
//! ```

#![allow(clippy::cast_precision_loss)] // sizes up to 100,000 convert to f64 exactly

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput};
use interagency::Assessment;

#[path = "support/synthetic.rs"]
mod synthetic;

/// The reference document of the targets: 3 agencies, 90 respondents
/// rating every item.
const REFERENCE: usize = 90;
const SIZES: [usize; 5] = [10, 100, 1_000, 10_000, 100_000];
/// Respondents in the CSV-against-JSON comparison.
const FORMATS: usize = 100_000;

fn reference(c: &mut Criterion) {
    let text = synthetic::document(REFERENCE);
    let assessment: Assessment = serde_json::from_str(&text).unwrap();
    let report = assessment.gap_analysis(None);

    let mut g = c.benchmark_group("reference");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("parse_value", |b| {
        b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(&text)).unwrap());
    });
    g.bench_function("parse_assessment", |b| {
        b.iter(|| serde_json::from_str::<Assessment>(black_box(&text)).unwrap());
    });
    g.bench_function("classify", |b| {
        b.iter(|| black_box(&assessment).classify());
    });
    g.bench_function("gap_analysis", |b| {
        b.iter(|| black_box(&assessment).gap_analysis(None));
    });
    g.bench_function("voices", |b| {
        b.iter(|| black_box(&assessment).voices());
    });
    g.bench_function("progress", |b| {
        b.iter(|| black_box(&assessment).progress_since(black_box(&assessment), None));
    });
    g.bench_function("classify_and_gap_analysis", |b| {
        b.iter(|| {
            let a = black_box(&assessment);
            (a.classify(), a.gap_analysis(None))
        });
    });
    g.bench_function("serialize_report", |b| {
        b.iter(|| serde_json::to_string(black_box(&report)).unwrap());
    });
    g.bench_function("markdown_report", |b| {
        b.iter(|| black_box(&report).markdown().to_string());
    });
    g.bench_function("svg_report", |b| {
        b.iter(|| black_box(&report).svg().to_string());
    });
    g.bench_function("html_report", |b| {
        b.iter(|| black_box(&report).html().to_string());
    });
    g.bench_function("end_to_end", |b| {
        b.iter(|| {
            let a: Assessment = serde_json::from_str(black_box(&text)).unwrap();
            serde_json::to_string(&a.gap_analysis(None)).unwrap()
        });
    });
    g.finish();
}

/// The same 100,000 responses read from a survey tool's CSV and from JSON.
fn formats(c: &mut Criterion) {
    let json = synthetic::document(FORMATS);
    let csv = synthetic::csv(FORMATS);
    let partnership = interagency::Partnership::from_json(&synthetic::partnership()).unwrap();
    let options = interagency::CsvOptions::new();
    assert_eq!(
        partnership
            .clone()
            .with_responses_from_csv(&csv, &options)
            .unwrap(),
        Assessment::from_json(&json).unwrap()
    );
    let mut g = c.benchmark_group("formats");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(5));
    g.throughput(Throughput::Elements(FORMATS as u64));
    g.bench_function("json", |b| {
        b.iter(|| Assessment::from_json(black_box(&json)).unwrap());
    });
    g.bench_function("csv", |b| {
        b.iter(|| {
            partnership
                .clone()
                .with_responses_from_csv(black_box(&csv), &options)
                .unwrap()
        });
    });
    g.finish();
}

fn scaling(c: &mut Criterion) {
    let mut g = c.benchmark_group("scaling");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(3));
    for n in SIZES {
        let text = synthetic::document(n);
        let assessment: Assessment = serde_json::from_str(&text).unwrap();
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::new("parse_assessment", n), &text, |b, text| {
            b.iter(|| serde_json::from_str::<Assessment>(text).unwrap());
        });
        g.bench_with_input(BenchmarkId::new("classify", n), &assessment, |b, a| {
            b.iter(|| a.classify());
        });
        g.bench_with_input(BenchmarkId::new("gap_analysis", n), &assessment, |b, a| {
            b.iter(|| a.gap_analysis(None));
        });
        g.bench_with_input(BenchmarkId::new("voices", n), &assessment, |b, a| {
            b.iter(|| a.voices());
        });
        g.bench_with_input(BenchmarkId::new("progress", n), &assessment, |b, a| {
            b.iter(|| a.progress_since(a, None));
        });
    }
    g.finish();
}

/// The mean time of one benchmark in nanoseconds, from criterion's
/// estimates of this run.
fn mean_ns(id: &str) -> Option<f64> {
    let dir = std::env::var_os("CARGO_TARGET_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"),
        PathBuf::from,
    );
    let path = dir
        .join("criterion")
        .join(id)
        .join("new")
        .join("estimates.json");
    let text = std::fs::read_to_string(path).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    json["mean"]["point_estimate"].as_f64()
}

/// Prints the target ratios from this run's estimates.
fn ratios() {
    let (Some(value), Some(typed), Some(both)) = (
        mean_ns("reference/parse_value"),
        mean_ns("reference/parse_assessment"),
        mean_ns("reference/classify_and_gap_analysis"),
    ) else {
        return; // a filtered or test-mode run: nothing to compare
    };
    let verdict = |ok: bool| if ok { "met" } else { "NOT MET" };
    println!("\nTargets ({REFERENCE} respondents, 3 agencies, every item rated):");
    let r = both / value;
    println!(
        "  classify + gap_analysis / parse into serde_json::Value = {:.2}% (target <= 5%): {}",
        100.0 * r,
        verdict(r <= 0.05)
    );
    if let Some(html) = mean_ns("reference/html_report") {
        println!(
            "  an HTML page of the report renders in {:.0} us (target: well under 1 ms): {}",
            html / 1000.0,
            verdict(html < 500_000.0)
        );
    }
    if let Some(voices) = mean_ns("reference/voices") {
        let r = voices / typed;
        println!(
            "  voices / parse and validate into Assessment = {:.2}% (target <= 5%): {}",
            100.0 * r,
            verdict(r <= 0.05)
        );
    }
    if let (Some(json), Some(csv)) = (mean_ns("formats/json"), mean_ns("formats/csv")) {
        let r = csv / json;
        println!(
            "  {FORMATS} respondents from CSV / from JSON = {r:.2} (target <= 1.00): {}",
            verdict(r <= 1.0)
        );
    }
    let r = typed / value;
    println!(
        "  parse and validate into Assessment / parse into serde_json::Value = {r:.2} (target <= 1.00): {}",
        verdict(r <= 1.0)
    );
    let per: Vec<(usize, f64)> = SIZES
        .iter()
        .filter_map(|&n| mean_ns(&format!("scaling/classify/{n}")).map(|t| (n, t)))
        .collect();
    if let (Some(&(n0, t0)), Some(&(n1, t1))) = (per.first(), per.last()) {
        let growth = t1 / t0;
        let respondents = n1 as f64 / n0 as f64;
        println!(
            "  classify at {n1} respondents / at {n0} = {growth:.2} for {respondents:.0}x the respondents \
             (target: at most linear): {}",
            verdict(growth <= respondents)
        );
    }
    let parse: Vec<String> = SIZES
        .iter()
        .filter_map(|&n| {
            mean_ns(&format!("scaling/parse_assessment/{n}"))
                .map(|t| format!("{n}: {:.0} ns/respondent", t / n as f64))
        })
        .collect();
    if !parse.is_empty() {
        println!("  parse and validate, per respondent: {}", parse.join(", "));
    }
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    reference(&mut c);
    formats(&mut c);
    scaling(&mut c);
    c.final_summary();
    ratios();
}
