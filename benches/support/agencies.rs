//! Synthetic assessments of large partnerships: any number of agencies,
//! agency `k` having the `k`-th prime from 31 upward as its number of
//! respondents (31, 37, 41, 43, 47, …), so that the agencies' counts are
//! distinct and their common denominator grows with every agency. Every
//! respondent rates every facilitator and obstacle; the roles are mixed and
//! every characteristic up to coordination is in place, so the gap analysis
//! has facilitators below the bar, major obstacles and tips to rank.
//!
//! Shared by `benches/analysis.rs` and `tests/alloc.rs`.

#![allow(dead_code)] // each user takes the parts it needs

use std::fmt::Write as _;

use interagency::{Facilitator, Obstacle};

const ROLES: [&str; 3] = ["frontline", "manager", "senior_manager"];
const SECTORS: [&str; 10] = [
    "health",
    "education",
    "social_work",
    "family_support",
    "justice",
    "youth",
    "housing",
    "community_voluntary",
    "local_government",
    "other",
];

/// How often each rating from 1 to 5 is drawn, out of 20, per facilitator
/// (in catalogue order): means from about 2.3 to 4.2 before the agencies'
/// lean and the senior managers' point (about +0.3 in all), so some
/// facilitators are concerns, some borderline and some strengths.
const FACILITATORS: [[u64; 5]; Facilitator::COUNT] = [
    [1, 3, 6, 7, 3], // clarity of purpose: 3.40
    [4, 6, 5, 3, 2], // whole-agency commitment: 2.65
    [1, 2, 5, 8, 4], // leadership: 3.60
    [0, 1, 3, 8, 8], // trust and openness: 4.15
    [2, 4, 6, 5, 3], // good communication: 3.15
    [6, 6, 4, 3, 1], // information-sharing procedures: 2.35
    [2, 3, 5, 6, 4], // staff relationships: 3.35
];

/// The same for the obstacles: some major, some moderate, some minor.
const OBSTACLES: [[u64; 5]; Obstacle::COUNT] = [
    [0, 1, 3, 8, 8], // time not prioritised: 4.15
    [3, 5, 6, 4, 2], // agreeing policies: 2.85
    [1, 3, 6, 7, 3], // changing attitudes: 3.40
    [6, 7, 4, 2, 1], // lack of collaborative skills: 2.25
    [5, 6, 5, 3, 1], // conflict: 2.45
    [1, 2, 5, 8, 4], // collaboration fatigue: 3.60
];

/// How far each agency leans from the drawn rating, by agency number
/// modulo 7: agencies diverge, as in a real partnership.
const LEAN: [i64; 7] = [0, 1, 0, -1, 0, 0, 1];

/// The respondents of the first `agencies` agencies: the primes from 31
/// upward.
pub fn counts(agencies: usize) -> Vec<usize> {
    (31..)
        .filter(|&n: &usize| (2..n).take_while(|d| d * d <= n).all(|d| n % d != 0))
        .take(agencies)
        .collect()
}

/// The number of respondents of [`document`]`(agencies)`.
pub fn respondents(agencies: usize) -> usize {
    counts(agencies).iter().sum()
}

/// A fixed mixing of a few indices into 64 pseudo-random bits
/// (splitmix64's finalizer).
fn hash(parts: [u64; 4]) -> u64 {
    let mut x = 0x9E37_79B9_7F4A_7C15_u64;
    for p in parts {
        x ^= p;
        x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
        x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        x ^= x >> 31;
    }
    x
}

/// The rating of one item by respondent `j` of agency `k` in `round`:
/// drawn from the item's weights, leaned by the agency, and for
/// facilitators raised a point by half the senior managers.
fn rating(weights: &[u64; 5], round: u64, k: usize, j: usize, item: u64, senior: bool) -> i64 {
    let h = hash([round, k as u64, j as u64, item]);
    let mut draw = h % 20;
    let mut r = 5;
    for (rating, &w) in (1..).zip(weights) {
        if draw < w {
            r = rating;
            break;
        }
        draw -= w;
    }
    let lean = LEAN[k % LEAN.len()];
    let role = i64::from(senior && item < Facilitator::COUNT as u64 && (h >> 32).is_multiple_of(2));
    (r + lean + role).clamp(1, 5)
}

/// An assessment of `agencies` agencies, as JSON text: see the module.
pub fn document(agencies: usize) -> String {
    round(agencies, 1, 0)
}

/// Round `round` (from 0) of the assessment of `agencies` agencies, dated
/// a year after the round before, with `scale` times the respondents per
/// agency: respondent `j` answers as respondent `j % count` of the first
/// scale, so every agency's and every role's means are the same at every
/// scale and only the counts grow.
pub fn round(agencies: usize, scale: usize, round: u64) -> String {
    rounds(agencies, scale, round, false)
}

/// [`round`], with answers about other agencies: respondent `j` of agency
/// `k` gives a level for each of the next five agencies (no joint work to
/// integration, leaning to the middle), a trust answer for three of them,
/// and the level at which it sees the partnership. As with the ratings,
/// every scale gives the same directed levels and trust means.
pub fn round_with_network(agencies: usize, scale: usize, round: u64) -> String {
    rounds(agencies, scale, round, true)
}

fn rounds(agencies: usize, scale: usize, round: u64, network: bool) -> String {
    let counts = counts(agencies);
    let total: usize = counts.iter().sum();
    let mut out = String::with_capacity(scale * total * 400 + agencies * 100 + 1024);
    let _ = write!(
        out,
        "{{\n  \"partnership\": \"Synthetic Partnership of {agencies} Agencies\",\n  \
         \"assessed_on\": \"{}-06-30\",\n  \"agencies\": [",
        2026 + round
    );
    for k in 0..agencies {
        let sep = if k == 0 { "" } else { "," };
        let _ = write!(
            out,
            "{sep}\n    {{\"id\": \"agency_{k:02}\", \"name\": \"Agency {k}\", \"sector\": \"{}\"}}",
            SECTORS[k % SECTORS.len()]
        );
    }
    out.push_str(
        "\n  ],\n  \"characteristics\": [\"consistent_goals\", \"complementary_services\", \
         \"tackles_overlap_and_gaps\", \"common_outcomes\", \"planned_and_systematic\", \
         \"shared_agreed_goals\"],\n  \"responses\": [",
    );
    let mut first = true;
    for (k, &count) in counts.iter().enumerate() {
        for i in 0..count * scale {
            let j = i % count;
            let role = (j * 7 + k) % ROLES.len();
            let senior = ROLES[role] == "senior_manager";
            if !first {
                out.push(',');
            }
            first = false;
            let _ = write!(
                out,
                "\n{{\"respondent\":\"a{k:02}r{i:05}\",\"agency\":\"agency_{k:02}\",\"role\":\"{}\",\"facilitators\":{{",
                ROLES[role]
            );
            for (f, (item, weights)) in Facilitator::iter().zip(&FACILITATORS).enumerate() {
                let sep = if f == 0 { "" } else { "," };
                let r = rating(weights, round, k, j, f as u64, senior);
                let _ = write!(out, "{sep}\"{item}\":{r}");
            }
            out.push_str("},\"obstacles\":{");
            for (o, (item, weights)) in Obstacle::iter().zip(&OBSTACLES).enumerate() {
                let sep = if o == 0 { "" } else { "," };
                let index = (Facilitator::COUNT + o) as u64;
                let r = rating(weights, round, k, j, index, senior);
                let _ = write!(out, "{sep}\"{item}\":{r}");
            }
            out.push('}');
            if network {
                partner_answers(&mut out, agencies, round, k, j);
            }
            out.push('}');
        }
    }
    out.push_str("\n  ]\n}\n");
    out
}

/// The levels of joint work, by number.
const LEVELS: [&str; 5] = [
    "none",
    "cooperation",
    "collaboration",
    "coordination",
    "integration",
];

/// Respondent `j` of agency `k`'s answers about its five neighbours (the
/// three agencies after it and the two before it) and the partnership, as
/// JSON members. Each pair of agencies has a level of its own, and each
/// direction and respondent strays from it by a level at most.
fn partner_answers(out: &mut String, agencies: usize, round: u64, k: usize, j: usize) {
    let others: Vec<usize> = [1, 2, 3, agencies - 1, agencies - 2]
        .into_iter()
        .filter(|&d| d % agencies != 0)
        .map(|d| (k + d) % agencies)
        .fold(Vec::new(), |mut seen, b| {
            if !seen.contains(&b) {
                seen.push(b);
            }
            seen
        });
    out.push_str(",\"partners\":{");
    for (i, &b) in others.iter().enumerate() {
        let sep = if i == 0 { "" } else { "," };
        let pair = hash([round, k.min(b) as u64, k.max(b) as u64, 400]) % 5;
        let direction = hash([round, k as u64, b as u64, 500]) % 3;
        let h = hash([round, k as u64, j as u64, 100 + b as u64]);
        let level = (pair + direction + h % 3).saturating_sub(2).min(4);
        let level = usize::try_from(level).unwrap_or_default();
        let _ = write!(out, "{sep}\"agency_{b:02}\":\"{}\"", LEVELS[level]);
    }
    out.push_str("},\"trust\":{");
    for (i, &b) in others.iter().take(3).enumerate() {
        let sep = if i == 0 { "" } else { "," };
        let h = hash([round, k as u64, j as u64, 200 + b as u64]);
        let _ = write!(out, "{sep}\"agency_{b:02}\":{}", h % 4 + 1);
    }
    let h = hash([round, k as u64, j as u64, 300]);
    let _ = write!(
        out,
        "}},\"perceived_level\":\"{}\"",
        LEVELS[usize::try_from(h % 3 + 1).unwrap_or(1)]
    );
}
