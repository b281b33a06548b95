//! Synthetic assessments for benchmarks and load tests: three agencies and
//! any number of respondents, each rating every facilitator and obstacle.
//! Shared by `benches/analysis.rs` and `examples/synthetic.rs`.

use std::fmt::Write as _;

use interagency::{Facilitator, Obstacle};

/// A synthetic assessment document with `respondents` respondents, as JSON
/// text. The ratings follow a fixed pseudo-random sequence, so the same
/// size always gives the same document.
pub fn document(respondents: usize) -> String {
    const AGENCIES: [&str; 3] = ["social_work", "health", "education"];
    const ROLES: [&str; 3] = ["frontline", "manager", "senior_manager"];

    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut rating = || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) % 5 + 1
    };
    let mut out = String::with_capacity(320 * respondents + 1024);
    out.push_str(
        "{\n  \"partnership\": \"Synthetic Partnership\",\n  \"assessed_on\": \"2026-06-30\",\n  \
         \"agencies\": [\n    {\"id\": \"social_work\", \"name\": \"Social Work\", \"sector\": \"social_work\"},\n    \
         {\"id\": \"health\", \"name\": \"Health\", \"sector\": \"health\"},\n    \
         {\"id\": \"education\", \"name\": \"Education\", \"sector\": \"education\"}\n  ],\n  \
         \"characteristics\": [\"consistent_goals\", \"complementary_services\", \"tackles_overlap_and_gaps\", \
         \"common_outcomes\", \"planned_and_systematic\", \"shared_agreed_goals\"],\n  \"responses\": [",
    );
    for i in 0..respondents {
        if i > 0 {
            out.push(',');
        }
        let _ = write!(
            out,
            "\n{{\"respondent\":\"r{i:06}\",\"agency\":\"{}\",\"role\":\"{}\",\"facilitators\":{{",
            AGENCIES[i % 3],
            ROLES[(i / 3) % 3]
        );
        for (k, f) in Facilitator::iter().enumerate() {
            let sep = if k == 0 { "" } else { "," };
            let _ = write!(out, "{sep}\"{f}\":{}", rating());
        }
        out.push_str("},\"obstacles\":{");
        for (k, o) in Obstacle::iter().enumerate() {
            let sep = if k == 0 { "" } else { "," };
            let _ = write!(out, "{sep}\"{o}\":{}", rating());
        }
        out.push_str("}}");
    }
    out.push_str("\n  ]\n}\n");
    out
}
