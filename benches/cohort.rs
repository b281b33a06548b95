//! Benchmark of a cohort: 1,000 partnerships of 100 respondents each, read
//! one at a time from their JSON text, added to a cohort, and summed up
//! with a focus, as the `cohort` example does with a folder of files; and
//! the cohort report alone, from the partnerships already added.
//!
//! ```text
//! cargo bench --bench cohort
//! ```

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput};
use interagency::{Assessment, Cohort};

#[path = "support/cohort.rs"]
mod cohort;

const PARTNERSHIPS: usize = 1_000;
const RESPONDENTS: usize = 100;

fn main() {
    let mut c = Criterion::default()
        .sample_size(10)
        .measurement_time(Duration::from_secs(30))
        .configure_from_args();
    let documents: Vec<String> = (0..PARTNERSHIPS)
        .map(|i| cohort::document(i, RESPONDENTS))
        .collect();
    let bytes: usize = documents.iter().map(String::len).sum();
    let focus = Assessment::from_json(&documents[0]).unwrap();
    let mut group = c.benchmark_group("cohort");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("1000x100/read, add and report", |b| {
        b.iter(|| {
            let mut cohort = Cohort::new();
            for (i, text) in documents.iter().enumerate() {
                let a = Assessment::from_json(black_box(text)).unwrap();
                cohort.add(&a, &format!("{i}.json")).unwrap();
            }
            cohort.report(Some(&focus)).unwrap()
        });
    });
    let mut full = Cohort::new();
    for (i, text) in documents.iter().enumerate() {
        full.add(&Assessment::from_json(text).unwrap(), &format!("{i}.json"))
            .unwrap();
    }
    group.throughput(Throughput::Elements(PARTNERSHIPS as u64));
    group.bench_function("1000x100/report", |b| {
        b.iter(|| black_box(&full).report(Some(&focus)).unwrap());
    });
    group.finish();
    c.final_summary();
}
