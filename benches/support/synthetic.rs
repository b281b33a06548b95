//! Synthetic assessments for benchmarks and load tests: three agencies and
//! any number of respondents, each rating every facilitator and obstacle.
//! Shared by `benches/analysis.rs` and `examples/synthetic.rs`.

#![allow(dead_code)] // each user takes the parts it needs

use std::fmt::Write as _;

use interagency::{Concept, Facilitator, Obstacle};

const AGENCIES: [&str; 3] = ["social_work", "health", "education"];
const ROLES: [&str; 3] = ["frontline", "manager", "senior_manager"];
const ITEMS: usize = Facilitator::COUNT + Obstacle::COUNT;

/// The partnership of the synthetic documents, as JSON without responses.
pub fn partnership() -> String {
    format!("{}\n}}\n", head())
}

fn head() -> &'static str {
    "{\n  \"partnership\": \"Synthetic Partnership\",\n  \"assessed_on\": \"2026-06-30\",\n  \
     \"agencies\": [\n    {\"id\": \"social_work\", \"name\": \"Social Work\", \"sector\": \"social_work\"},\n    \
     {\"id\": \"health\", \"name\": \"Health\", \"sector\": \"health\"},\n    \
     {\"id\": \"education\", \"name\": \"Education\", \"sector\": \"education\"}\n  ],\n  \
     \"characteristics\": [\"consistent_goals\", \"complementary_services\", \"tackles_overlap_and_gaps\", \
     \"common_outcomes\", \"planned_and_systematic\", \"shared_agreed_goals\"]"
}

/// Every respondent's agency, role and ratings (facilitators, then
/// obstacles), from a fixed pseudo-random sequence: the same size always
/// gives the same responses.
fn rows(
    respondents: usize,
) -> impl Iterator<Item = (usize, &'static str, &'static str, [u64; ITEMS])> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..respondents).map(move |i| {
        let mut ratings = [0; ITEMS];
        for r in &mut ratings {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            *r = (state >> 33) % 5 + 1;
        }
        (i, AGENCIES[i % 3], ROLES[(i / 3) % 3], ratings)
    })
}

/// A synthetic assessment document with `respondents` respondents, as JSON
/// text.
pub fn document(respondents: usize) -> String {
    let mut out = String::with_capacity(320 * respondents + 1024);
    out.push_str(head());
    out.push_str(",\n  \"responses\": [");
    for (i, agency, role, ratings) in rows(respondents) {
        if i > 0 {
            out.push(',');
        }
        let _ = write!(
            out,
            "\n{{\"respondent\":\"r{i:06}\",\"agency\":\"{agency}\",\"role\":\"{role}\",\"facilitators\":{{"
        );
        for (k, f) in Facilitator::iter().enumerate() {
            let sep = if k == 0 { "" } else { "," };
            let _ = write!(out, "{sep}\"{f}\":{}", ratings[k]);
        }
        out.push_str("},\"obstacles\":{");
        for (k, o) in Obstacle::iter().enumerate() {
            let sep = if k == 0 { "" } else { "," };
            let _ = write!(out, "{sep}\"{o}\":{}", ratings[Facilitator::COUNT + k]);
        }
        out.push_str("}}");
    }
    out.push_str("\n  ]\n}\n");
    out
}

/// The same responses as [`document`], as a survey tool's CSV export:
/// a header naming the items, one row per respondent.
pub fn csv(respondents: usize) -> String {
    let mut out = String::with_capacity(64 * respondents + 512);
    out.push_str("respondent,agency,role");
    for name in Facilitator::iter()
        .map(Concept::name)
        .chain(Obstacle::iter().map(Concept::name))
    {
        out.push(',');
        out.push_str(name);
    }
    out.push('\n');
    for (i, agency, role, ratings) in rows(respondents) {
        let _ = write!(out, "r{i:06},{agency},{role}");
        for r in ratings {
            let _ = write!(out, ",{r}");
        }
        out.push('\n');
    }
    out
}
