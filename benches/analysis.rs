//! Benchmarks: parsing, classification, gap analysis, serialization, end to
//! end, scaling in respondents and in agencies, and the network of
//! agencies. After the runs it prints the ratios the performance targets
//! are stated in (see the README's Performance section), how many heap
//! allocations the analyses make at each number of agencies, and what the
//! network costs.
//!
//! ```text
//! cargo bench --bench analysis
//! cargo bench --bench analysis -- agencies
//! cargo bench --bench analysis -- network
//! cargo bench --bench analysis -- parse/
//! ```

#![allow(clippy::cast_precision_loss)] // sizes up to 100,000 convert to f64 exactly

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::hint::black_box;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::{Duration, SystemTime};

use criterion::{BenchmarkId, Criterion, Throughput};
use interagency::{Assessment, SurveyField};

#[path = "support/agencies.rs"]
mod agencies;
#[path = "support/synthetic.rs"]
mod synthetic;

use synthetic::Tool;

/// The system allocator, counting this thread's allocations.
struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every call is forwarded unchanged to the system allocator; the
// counter is a const-initialised thread-local that never allocates.
#[allow(
    unsafe_code,
    reason = "a counting global allocator needs `unsafe impl GlobalAlloc`"
)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|c| c.set(c.get() + 1));
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|c| c.set(c.get() + 1));
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.with(|c| c.set(c.get() + 1));
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// How many heap allocations `f` makes on this thread.
fn allocations<R>(f: impl FnOnce() -> R) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    black_box(f());
    ALLOCATIONS.with(Cell::get) - before
}

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

/// The reading of one document of [`PARSE`] respondents, compact and
/// pretty-printed: a skim of the text (serde's `IgnoredAny`), which every
/// reader pays, against `Assessment::from_json` and serde's typed path.
fn parse(c: &mut Criterion) {
    let read = Assessment::from_json(&synthetic::document(PARSE)).unwrap();
    let layouts = [
        ("compact", serde_json::to_string(&read).unwrap()),
        ("pretty", serde_json::to_string_pretty(&read).unwrap()),
    ];
    let mut g = c.benchmark_group("parse");
    g.sample_size(10);
    g.warm_up_time(Duration::from_secs(1));
    g.measurement_time(Duration::from_secs(4));
    g.throughput(Throughput::Elements(PARSE as u64));
    for (layout, text) in &layouts {
        assert_eq!(Assessment::from_json(text).unwrap(), read, "{layout}");
        g.bench_with_input(BenchmarkId::new("skim", layout), text, |b, text| {
            b.iter(|| serde_json::from_str::<serde::de::IgnoredAny>(text).unwrap());
        });
        g.bench_with_input(BenchmarkId::new("from_json", layout), text, |b, text| {
            b.iter(|| Assessment::from_json(text).unwrap());
        });
        g.bench_with_input(BenchmarkId::new("serde", layout), text, |b, text| {
            b.iter(|| serde_json::from_str::<Assessment>(text).unwrap());
        });
    }
    g.finish();
}

/// The respondents of the `parse` group's document.
const PARSE: usize = 100_000;

/// Prints the `parse` group's figures against its targets: each reader at
/// most 2.5 times a skim of the same text, and the two readers alike.
fn parse_ratios() {
    for layout in ["compact", "pretty"] {
        let Some(skim) = mean_ns(&format!("parse/skim/{layout}")) else {
            continue;
        };
        let verdict = |ok: bool| if ok { "met" } else { "NOT MET" };
        let mut times = Vec::new();
        for reader in ["from_json", "serde"] {
            if let Some(t) = mean_ns(&format!("parse/{reader}/{layout}")) {
                println!(
                    "  {PARSE} respondents, {layout}: {reader} / skim = {:.2}, {:.0} ms (target <= 2.50): {}",
                    t / skim,
                    t / 1e6,
                    verdict(t / skim <= 2.5)
                );
                times.push(t);
            }
        }
        if let [from_json, serde] = times[..] {
            println!(
                "  {PARSE} respondents, {layout}: from_json / serde = {:.2} (skim {:.0} ms)",
                from_json / serde,
                skim / 1e6
            );
        }
    }
}

/// The same 100,000 responses read from JSON, from the crate's CSV
/// template, from each survey tool's export and from a Microsoft Forms
/// workbook.
fn formats(c: &mut Criterion) {
    let json = synthetic::document(FORMATS);
    let partnership = interagency::Partnership::from_json(&synthetic::partnership()).unwrap();
    let named = interagency::SurveyOptions::new()
        .column(SurveyField::Agency, "Which agency do you work for?")
        .column(SurveyField::Role, "What is your role?");
    let expected = Assessment::from_json(&json).unwrap();
    let exports: Vec<(&str, Vec<u8>, interagency::SurveyOptions)> = vec![
        (
            "csv",
            synthetic::csv(FORMATS).into_bytes(),
            interagency::SurveyOptions::new(),
        ),
        (
            "google_forms",
            synthetic::export(FORMATS, Tool::GoogleForms).into_bytes(),
            named.clone(),
        ),
        (
            "qualtrics",
            synthetic::export(FORMATS, Tool::Qualtrics).into_bytes(),
            named.clone(),
        ),
        (
            "surveymonkey",
            synthetic::export(FORMATS, Tool::SurveyMonkey).into_bytes(),
            named.clone(),
        ),
        ("xlsx", synthetic::xlsx(FORMATS), named),
    ];
    let read = |data: &[u8], options: &interagency::SurveyOptions| {
        if interagency::is_spreadsheet(data) {
            partnership
                .clone()
                .with_responses_from_spreadsheet(data, options)
        } else {
            partnership.clone().with_responses_from_csv(data, options)
        }
        .unwrap()
    };
    for (name, data, options) in &exports {
        let a = read(data, options);
        assert_eq!(a.gap_analysis(None), expected.gap_analysis(None), "{name}");
        assert_eq!(a.responses().len(), FORMATS, "{name}");
    }
    let mut g = c.benchmark_group("formats");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(5));
    g.throughput(Throughput::Elements(FORMATS as u64));
    g.bench_function("json", |b| {
        b.iter(|| Assessment::from_json(black_box(&json)).unwrap());
    });
    for (name, data, options) in &exports {
        g.bench_function(*name, |b| b.iter(|| read(black_box(data), options)));
    }
    g.finish();
}

fn scaling(c: &mut Criterion) {
    let mut g = c.benchmark_group("scaling");
    g.sample_size(10);
    // A short warm-up keeps the whole run within a few minutes.
    g.warm_up_time(Duration::from_secs(1));
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

/// The numbers of agencies of the `agencies` group, each with the
/// respondents it has (the primes from 31 upward, one per agency).
const AGENCIES: [(usize, usize); 4] = [(3, 109), (12, 662), (25, 2_147), (50, 7_570)];

/// How many heap allocations one call of each analysis makes for one
/// number of agencies.
struct Allocations {
    agencies: usize,
    respondents: usize,
    bytes: usize,
    classify: usize,
    gap_analysis: usize,
    voices: usize,
    progress: usize,
}

/// Scaling in agencies: the analyses, a typed parse and a skim of the same
/// text at 3 to 50 agencies (see `support/agencies.rs`). Returns the
/// allocations of each analysis at each size, and at the most agencies
/// with three times the respondents.
fn agencies(c: &mut Criterion) -> (Vec<Allocations>, Allocations) {
    let mut counts = Vec::new();
    let mut g = c.benchmark_group("agencies");
    g.sample_size(15);
    g.warm_up_time(Duration::from_millis(500));
    g.measurement_time(Duration::from_millis(1_500));
    for (n, respondents) in AGENCIES {
        let text = agencies::document(n);
        let earlier = Assessment::from_json(&agencies::round(n, 1, 0)).unwrap();
        let a = Assessment::from_json(&text).unwrap();
        let later = Assessment::from_json(&agencies::round(n, 1, 1)).unwrap();
        assert_eq!(a, earlier, "round 0 is the document");
        assert_eq!(a.responses().len(), respondents);
        assert_eq!(agencies::respondents(n), respondents);
        let report = a.gap_analysis(None);
        assert!(
            !report.facilitator_gaps.is_empty() && !report.recommendations.is_empty(),
            "the gap analysis has work at {n} agencies"
        );
        counts.push(count(n, &text, &a, &later));

        g.bench_with_input(BenchmarkId::new("classify", n), &a, |b, a| {
            b.iter(|| a.classify());
        });
        g.bench_with_input(BenchmarkId::new("gap_analysis", n), &a, |b, a| {
            b.iter(|| a.gap_analysis(None));
        });
        g.bench_with_input(BenchmarkId::new("voices", n), &a, |b, a| {
            b.iter(|| a.voices());
        });
        g.bench_function(BenchmarkId::new("progress", n), |b| {
            b.iter(|| later.progress_since(&a, None).unwrap());
        });
        g.bench_with_input(BenchmarkId::new("parse", n), &text, |b, text| {
            b.iter(|| Assessment::from_json(text).unwrap());
        });
        g.bench_with_input(BenchmarkId::new("skim", n), &text, |b, text| {
            b.iter(|| serde_json::from_str::<serde::de::IgnoredAny>(text).unwrap());
        });
    }
    g.finish();
    let (n, _) = AGENCIES[AGENCIES.len() - 1];
    let text = agencies::round(n, 3, 0);
    let a = Assessment::from_json(&text).unwrap();
    let later = Assessment::from_json(&agencies::round(n, 3, 1)).unwrap();
    (counts, count(n, &text, &a, &later))
}

/// The numbers of agencies of the `network` group.
const NETWORK: [usize; 4] = [3, 12, 30, 50];

/// The network: the gap analysis of partnerships whose respondents also
/// answer about each other, against the same partnerships without those
/// answers; the difference is what the network costs.
fn network(c: &mut Criterion) {
    let mut g = c.benchmark_group("network");
    g.sample_size(15);
    g.warm_up_time(Duration::from_millis(500));
    g.measurement_time(Duration::from_millis(1_500));
    for n in NETWORK {
        let with = Assessment::from_json(&agencies::round_with_network(n, 1, 0)).unwrap();
        let without = Assessment::from_json(&agencies::round(n, 1, 0)).unwrap();
        let later = Assessment::from_json(&agencies::round_with_network(n, 1, 1)).unwrap();
        let report = with.gap_analysis(None);
        assert!(report.network.is_some() && report.perceived.is_some());
        assert!(
            later
                .progress_since(&with, None)
                .unwrap()
                .network_change
                .is_some()
        );
        g.bench_with_input(BenchmarkId::new("gap_analysis", n), &with, |b, a| {
            b.iter(|| a.gap_analysis(None));
        });
        g.bench_with_input(BenchmarkId::new("without_network", n), &without, |b, a| {
            b.iter(|| a.gap_analysis(None));
        });
        g.bench_function(BenchmarkId::new("progress", n), |b| {
            b.iter(|| later.progress_since(&with, None).unwrap());
        });
    }
    g.finish();
}

/// Prints what the network costs, and the target on it.
fn network_costs() {
    let mean = |name: &str, n: usize| mean_ns(&format!("network/{name}/{n}"));
    let costs: Vec<(usize, f64)> = NETWORK
        .iter()
        .filter_map(|&n| {
            mean("gap_analysis", n)
                .zip(mean("without_network", n))
                .map(|(with, without)| (n, with - without))
        })
        .collect();
    if costs.is_empty() {
        return;
    }
    println!("\nNetwork (gap_analysis with answers about other agencies, minus without):");
    for &(n, cost) in &costs {
        println!(
            "  {n:>3} agencies: {} (gap_analysis {}, progress {})",
            time(Some(cost)),
            time(mean("gap_analysis", n)),
            time(mean("progress", n))
        );
    }
    if let Some(&(_, cost)) = costs.iter().find(|(n, _)| *n == 30) {
        println!(
            "  the network of 30 agencies in {} (target: well under 1 ms): {}",
            time(Some(cost)),
            if cost < 500_000.0 { "met" } else { "NOT MET" }
        );
    }
}

/// The allocations of one call of each analysis of `a` (read from `text`).
fn count(agencies: usize, text: &str, a: &Assessment, later: &Assessment) -> Allocations {
    // Once first, so that nothing lazily initialised is counted.
    let _ = (a.classify(), a.gap_analysis(None), a.voices());
    let _ = later.progress_since(a, None);
    Allocations {
        agencies,
        respondents: a.responses().len(),
        bytes: text.len(),
        classify: allocations(|| a.classify()),
        gap_analysis: allocations(|| a.gap_analysis(None)),
        voices: allocations(|| a.voices()),
        progress: allocations(|| later.progress_since(a, None)),
    }
}

/// When this run started: estimates older than this are a past run's.
static STARTED: OnceLock<SystemTime> = OnceLock::new();

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
    let modified = std::fs::metadata(&path).ok()?.modified().ok()?;
    if STARTED.get().is_some_and(|&start| modified < start) {
        return None; // not measured in this run (filtered out)
    }
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
    for name in ["csv", "google_forms", "qualtrics", "surveymonkey", "xlsx"] {
        if let (Some(json), Some(export)) =
            (mean_ns("formats/json"), mean_ns(&format!("formats/{name}")))
        {
            let r = export / json;
            let target = if name == "xlsx" {
                "a few seconds"
            } else {
                "<= 1.50"
            };
            println!(
                "  {FORMATS} respondents from {name} / from JSON = {r:.2}, {:.0} ms (target {target}): {}",
                export / 1e6,
                verdict(if name == "xlsx" {
                    export < 5e9
                } else {
                    r <= 1.5
                })
            );
        }
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

/// A time in nanoseconds, in the unit that suits it.
fn time(ns: Option<f64>) -> String {
    match ns {
        None => "-".to_owned(),
        Some(ns) if ns < 1e3 => format!("{ns:.0} ns"),
        Some(ns) if ns < 1e6 => format!("{:.1} us", ns / 1e3),
        Some(ns) => format!("{:.2} ms", ns / 1e6),
    }
}

/// Prints the figures of the `agencies` group and the targets on them.
fn agency_ratios(counts: &[Allocations], tripled: &Allocations) {
    let mean = |name: &str, n: usize| mean_ns(&format!("agencies/{name}/{n}"));
    if counts
        .iter()
        .all(|a| mean("classify", a.agencies).is_none())
    {
        return; // a filtered or test-mode run: nothing measured
    }
    println!(
        "\nAgencies (agency k has the k-th prime from 31 up as its respondents; every item rated; \
         allocations of one call in brackets):"
    );
    println!(
        "  {:>8} {:>11} {:>9} {:>19} {:>20} {:>16} {:>17} {:>10} {:>10} {:>10}",
        "agencies",
        "respondents",
        "KB",
        "classify",
        "gap_analysis",
        "voices",
        "progress",
        "parse",
        "skim",
        "parse/skim"
    );
    for a in counts {
        let n = a.agencies;
        let ratio = mean("parse", n)
            .zip(mean("skim", n))
            .map_or_else(|| "-".to_owned(), |(p, s)| format!("{:.2}", p / s));
        println!(
            "  {n:>8} {:>11} {:>9} {:>19} {:>20} {:>16} {:>17} {:>10} {:>10} {ratio:>10}",
            a.respondents,
            a.bytes / 1000,
            format!("{} [{}]", time(mean("classify", n)), a.classify),
            format!("{} [{}]", time(mean("gap_analysis", n)), a.gap_analysis),
            format!("{} [{}]", time(mean("voices", n)), a.voices),
            format!("{} [{}]", time(mean("progress", n)), a.progress),
            time(mean("parse", n)),
            time(mean("skim", n)),
        );
    }
    agency_targets(counts, tripled);
}

/// Prints the targets on the `agencies` group's figures, each met or not.
fn agency_targets(counts: &[Allocations], tripled: &Allocations) {
    let mean = |name: &str, n: usize| mean_ns(&format!("agencies/{name}/{n}"));
    let verdict = |ok: bool| if ok { "met" } else { "NOT MET" };
    let (Some(small), Some(large)) = (counts.first(), counts.last()) else {
        return;
    };
    let (n0, n1) = (small.agencies, large.agencies);
    let linear = n1 as f64 / n0 as f64;
    println!("\nTargets (agencies):");
    for (name, target) in [
        ("classify", 8.0),
        ("gap_analysis", 25.0),
        ("voices", linear),
        ("progress", linear),
    ] {
        if let (Some(t0), Some(t1)) = (mean(name, n0), mean(name, n1)) {
            let r = t1 / t0;
            println!(
                "  {name} at {n1} agencies / at {n0} = {r:.2} (target <= {target:.1}): {}",
                verdict(r <= target)
            );
        }
    }
    for a in counts {
        if let (Some(p), Some(s)) = (mean("parse", a.agencies), mean("skim", a.agencies)) {
            let r = p / s;
            println!(
                "  Assessment::from_json / skim with IgnoredAny at {} agencies = {r:.2} (target <= 2.50): {}",
                a.agencies,
                verdict(r <= 2.5)
            );
        }
    }
    let allocating: Vec<String> = counts
        .iter()
        .chain([tripled])
        .filter(|a| a.classify > 0)
        .map(|a| format!("{} at {} agencies", a.classify, a.agencies))
        .collect();
    println!(
        "  classify allocates at no size (target: none): {}{}",
        verdict(allocating.is_empty()),
        if allocating.is_empty() {
            String::new()
        } else {
            format!(" ({})", allocating.join(", "))
        }
    );
    println!(
        "  allocations at {n1} agencies with {} and {} respondents: classify {} / {}, gap_analysis {} / {}, \
         voices {} / {}, progress {} / {} (target: no growth): {}",
        large.respondents,
        tripled.respondents,
        large.classify,
        tripled.classify,
        large.gap_analysis,
        tripled.gap_analysis,
        large.voices,
        tripled.voices,
        large.progress,
        tripled.progress,
        verdict(
            tripled.classify <= large.classify
                && tripled.gap_analysis <= large.gap_analysis
                && tripled.voices <= large.voices
                && tripled.progress <= large.progress
        )
    );
}

fn main() {
    let _ = STARTED.set(SystemTime::now());
    let mut c = Criterion::default().configure_from_args();
    reference(&mut c);
    parse(&mut c);
    formats(&mut c);
    scaling(&mut c);
    let (counts, tripled) = agencies(&mut c);
    network(&mut c);
    c.final_summary();
    ratios();
    parse_ratios();
    agency_ratios(&counts, &tripled);
    network_costs();
}
