//! Synthetic cohorts for the cohort benchmark and load test: partnership
//! `index` of a cohort, with its own name, three to six agencies, the
//! arrangements of a level that varies with the index, and `respondents`
//! respondents rating every facilitator and obstacle from a pseudo-random
//! sequence of its own, leaning to a level of its own so that the cohort's
//! means spread. Shared by `benches/cohort.rs` and `examples/synthetic.rs`.

#![allow(dead_code)] // each user takes the parts it needs

use std::fmt::Write as _;

use interagency::{Characteristic, Facilitator, Obstacle};

const SECTORS: [&str; 6] = [
    "social_work",
    "health",
    "education",
    "justice",
    "housing",
    "family_support",
];
const ROLES: [&str; 3] = ["frontline", "manager", "senior_manager"];

/// The assessment document of partnership `index`, as JSON text.
pub fn document(index: usize, respondents: usize) -> String {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15 ^ (index as u64).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        state >> 33
    };
    let agencies = 3 + index % 4;
    let characteristics = 1 + index % Characteristic::COUNT;
    // Each partnership leans to its own ratings: 0 to 2 added to a rating
    // of 1 to 3.
    let lean = index % 3;
    let mut out = String::with_capacity(330 * respondents + 1024);
    let _ = write!(
        out,
        "{{\n  \"partnership\": \"Synthetic Partnership {index:05}\",\n  \"assessed_on\": \"2026-06-30\",\n  \"agencies\": ["
    );
    for (a, sector) in SECTORS.iter().take(agencies).enumerate() {
        let sep = if a == 0 { "" } else { "," };
        let _ = write!(
            out,
            "{sep}\n    {{\"id\": \"{sector}\", \"name\": \"Agency {a}\", \"sector\": \"{sector}\"}}"
        );
    }
    out.push_str("\n  ],\n  \"characteristics\": [");
    for (k, c) in Characteristic::iter().take(characteristics).enumerate() {
        let sep = if k == 0 { "" } else { ", " };
        let _ = write!(out, "{sep}\"{c}\"");
    }
    out.push_str("],\n  \"responses\": [");
    for i in 0..respondents {
        let sep = if i == 0 { "" } else { "," };
        let _ = write!(
            out,
            "{sep}\n{{\"respondent\":\"r{i:06}\",\"agency\":\"{}\",\"role\":\"{}\",\"facilitators\":{{",
            SECTORS[i % agencies],
            ROLES[(i / agencies) % 3]
        );
        for (k, f) in Facilitator::iter().enumerate() {
            let sep = if k == 0 { "" } else { "," };
            let _ = write!(
                out,
                "{sep}\"{f}\":{}",
                1 + (next() % 3 + lean as u64).min(4)
            );
        }
        out.push_str("},\"obstacles\":{");
        for (k, o) in Obstacle::iter().enumerate() {
            let sep = if k == 0 { "" } else { "," };
            let _ = write!(out, "{sep}\"{o}\":{}", 1 + next() % 5);
        }
        out.push_str("}}");
    }
    out.push_str("\n  ]\n}\n");
    out
}
