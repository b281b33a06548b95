//! The view of who works with whom: the agency × agency matrix, the
//! network's figures, the disputed pairs, trust and the perceived level.

use super::{Fact, Line, agency_name};
use crate::report::Perceived;
use crate::{GapReport, Level, PartnerLevel, ProgressReport};

/// One cell of the agency × agency matrix: the level the row's agency
/// gives for the column's, as a number (0 for no joint work, Frost's
/// number for a level) with its name; `None` when the row's agency did
/// not answer for the column's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct MatrixCell {
    pub(crate) level: Option<PartnerLevel>,
    /// Whether the pair's two answers are two levels or more apart.
    pub(crate) disputed: bool,
}

impl MatrixCell {
    /// The cell's abbreviation: the level's number, or a dot.
    pub(crate) fn abbreviation(self) -> &'static str {
        match self.level.map(PartnerLevel::number) {
            None => "\u{b7}",
            Some(0) => "0",
            Some(1) => "1",
            Some(2) => "2",
            Some(3) => "3",
            Some(_) => "4",
        }
    }

    /// The cell in words: "coordination", "no joint work", "not answered".
    pub(crate) fn words(self) -> &'static str {
        match self.level.and_then(PartnerLevel::level) {
            None if self.level.is_none() => "not answered",
            None => "no joint work",
            Some(level) => LEVEL_WORDS
                .get(usize::from(level.number()))
                .copied()
                .unwrap_or_default(),
        }
    }

    /// The class of its pattern: `none`, `l1` … `l4`, or `unanswered`.
    pub(crate) fn class(self) -> &'static str {
        match self.level.map(PartnerLevel::number) {
            None => "unanswered",
            Some(0) => "none",
            Some(1) => "l1",
            Some(2) => "l2",
            Some(3) => "l3",
            Some(_) => "l4",
        }
    }
}

/// The levels in running text, by number.
const LEVEL_WORDS: [&str; 5] = [
    "no joint work",
    "cooperation",
    "collaboration",
    "coordination",
    "integration",
];

/// One row of the matrix: the answering agency and its answers, `None`
/// for itself.
pub(crate) struct MatrixRow {
    pub(crate) number: usize,
    pub(crate) name: String,
    pub(crate) cells: Vec<Option<MatrixCell>>,
}

/// The network of a gap report, and the perceived level.
pub(crate) struct NetworkView {
    pub(crate) heading: &'static str,
    pub(crate) intro: &'static str,
    /// The key to the cells: abbreviation, class and words.
    pub(crate) key: Vec<(&'static str, &'static str, &'static str)>,
    pub(crate) rows: Vec<MatrixRow>,
    /// Density, answered pairs, centralization, reciprocity.
    pub(crate) facts: Vec<Fact>,
    pub(crate) disputed_heading: &'static str,
    pub(crate) disputed: Vec<Line>,
    pub(crate) no_disputes: &'static str,
    /// Isolates, silent and missing-central agencies, each a sentence.
    pub(crate) lists: Vec<Line>,
    pub(crate) trust_heading: &'static str,
    pub(crate) trust_note: &'static str,
    /// Each agency, the mean trust in it and how many agencies rated it.
    pub(crate) trust: Vec<(String, String, u32)>,
    pub(crate) perceived_heading: &'static str,
    /// The perceived level against the achieved one.
    pub(crate) perceived: Option<String>,
    /// Whether the report has the network (else only the perceived level).
    pub(crate) has_network: bool,
}

/// A share as a percentage, or a dash.
fn share(x: Option<f64>) -> String {
    x.map_or_else(|| "–".to_owned(), |x| format!("{:.0}%", x * 100.0))
}

/// A list of agencies by name, as a line with the names from the input:
/// joined by commas, or by semicolons where a name has a comma of its own
/// (`Tusla Prevention, Partnership and Family Support`), so that the
/// reader can tell where each name ends.
pub(super) fn agency_list(agencies: &[crate::Agency], ids: &[String]) -> Line {
    let names: Vec<&str> = ids.iter().map(|id| agency_name(agencies, id)).collect();
    let separator = if names.iter().any(|name| name.contains(',')) {
        "; "
    } else {
        ", "
    };
    Line::join(
        names
            .into_iter()
            .map(|name| Line::default().then_input(name)),
        separator,
    )
}

/// "12 of 23 respondents see the partnership at coordination; the ratings
/// sustain collaboration."
pub(crate) fn perceived_sentence(p: &Perceived) -> String {
    let median = p.median.unwrap_or_default();
    let at = match median.level() {
        None => "with no joint work".to_owned(),
        Some(level) => format!("at {}", level.name().to_lowercase()),
    };
    let count = p.counts.get(median);
    let total = p.counts.total();
    let noun = if total == 1 {
        "respondent"
    } else {
        "respondents"
    };
    let verb = if count == 1 { "sees" } else { "see" };
    let sustained = match p.achieved {
        None => "the ratings sustain no level yet".to_owned(),
        Some(level) => format!("the ratings sustain {}", level.name().to_lowercase()),
    };
    let judgement = match p.difference.cmp(&0) {
        core::cmp::Ordering::Greater => {
            " Respondents see the partnership further up the ladder than its ratings show."
        }
        core::cmp::Ordering::Less => {
            " Respondents see the partnership lower on the ladder than its ratings show."
        }
        core::cmp::Ordering::Equal => "",
    };
    format!(
        "{count} of {total} {noun} {verb} the partnership {at} (the middle answer); {sustained}.{judgement}"
    )
}

/// The rows of the matrix: each agency's answers about the others.
fn matrix_rows(agencies: &[crate::Agency], pairs: &[crate::report::Pair]) -> Vec<MatrixRow> {
    let index = |id: &str| agencies.iter().position(|a| a.id == id);
    let n = agencies.len();
    let mut cells = vec![vec![None; n]; n];
    for pair in pairs {
        let (Some(a), Some(b)) = (index(&pair.a), index(&pair.b)) else {
            continue;
        };
        for (from, to, level) in [(a, b, pair.a_to_b), (b, a, pair.b_to_a)] {
            if let Some(cell) = cells.get_mut(from).and_then(|row| row.get_mut(to)) {
                *cell = Some(MatrixCell {
                    level,
                    disputed: pair.disputed,
                });
            }
        }
    }
    agencies
        .iter()
        .zip(cells)
        .enumerate()
        .map(|(i, (agency, cells))| MatrixRow {
            number: i + 1,
            name: agency.name.clone(),
            cells,
        })
        .collect()
}

/// The isolates, the silent agencies and the missing central ones, each a
/// sentence.
fn agency_lists(agencies: &[crate::Agency], network: &crate::report::Network) -> Vec<Line> {
    let mut lists = Vec::new();
    for (ids, none, some) in [
        (
            &network.isolates,
            None,
            "Working with no other agency (isolates): ",
        ),
        (
            &network.silent_agencies,
            Some("Every agency had at least one respondent."),
            "No respondent answered for ",
        ),
        (
            &network.missing_central,
            None,
            "Silent, though at least two agencies work with them at collaboration or above, so the density understates the network: ",
        ),
    ] {
        if ids.is_empty() {
            if let Some(none) = none {
                lists.push(Line::text(none));
            }
        } else {
            lists.push(
                Line::text(some)
                    .then_line(agency_list(agencies, ids))
                    .then("."),
            );
        }
    }
    lists
}

/// The network's figures: density, answered pairs, centralization and
/// reciprocity.
fn network_facts(network: &crate::report::Network, n: usize) -> Vec<Fact> {
    let density = |d: &crate::report::ByLevel| {
        Level::iter()
            .map(|l| format!("{} {}", l.name().to_lowercase(), share(Some(d.get(l)))))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let pairs = n * n.saturating_sub(1) / 2;
    vec![
        Fact {
            label: "Pairs working together at each level or above (density)",
            value: density(&network.density),
            strong: true,
        },
        Fact {
            label: "Pairs answered by at least one agency",
            value: format!("{} of {pairs}", network.answered_pairs),
            strong: false,
        },
        Fact {
            label: "Density among the answered pairs",
            value: network
                .density_answered
                .as_ref()
                .map_or_else(|| "–".to_owned(), density),
            strong: false,
        },
        Fact {
            label: "Centralization (1: everything runs through one agency)",
            value: network
                .centralization
                .map_or_else(|| "–".to_owned(), |c| format!("{c:.2}")),
            strong: false,
        },
        Fact {
            label: "Ties returned (reciprocity)",
            value: share(network.reciprocity),
            strong: false,
        },
    ]
}

impl NetworkView {
    pub(crate) fn of(report: &GapReport) -> Option<NetworkView> {
        let perceived = report.perceived.as_ref().map(perceived_sentence);
        let Some(network) = &report.network else {
            return perceived.map(|perceived| NetworkView {
                perceived: Some(perceived),
                ..NetworkView::empty()
            });
        };
        let agencies = &report.agencies;
        let n = agencies.len();
        let rows = matrix_rows(agencies, &network.pairs);
        let facts = network_facts(network, n);
        let name = |id: &str| agency_name(agencies, id).to_owned();
        let disputed = network
            .pairs
            .iter()
            .filter(|p| p.disputed)
            .map(|p| {
                let words = |l: Option<PartnerLevel>| {
                    MatrixCell {
                        level: l,
                        disputed: true,
                    }
                    .words()
                };
                Line::default()
                    .then_input(&name(&p.a))
                    .then(format!(" says {}; ", words(p.a_to_b)))
                    .then_input(&name(&p.b))
                    .then(format!(" says {}.", words(p.b_to_a)))
            })
            .collect();
        let lists = agency_lists(agencies, network);
        let trust = network
            .trusted
            .iter()
            .map(|t| {
                (
                    name(&t.agency),
                    t.mean.map_or_else(|| "–".to_owned(), |m| format!("{m:.2}")),
                    t.raters,
                )
            })
            .collect();
        Some(NetworkView {
            key: (0..=5)
                .map(|k| {
                    let cell = MatrixCell {
                        level: if k == 5 {
                            None
                        } else {
                            PartnerLevel::from_number(k)
                        },
                        disputed: false,
                    };
                    (cell.abbreviation(), cell.class(), cell.words())
                })
                .collect(),
            rows,
            facts,
            disputed,
            lists,
            trust,
            perceived,
            has_network: true,
            ..NetworkView::empty()
        })
    }

    fn empty() -> NetworkView {
        NetworkView {
            heading: "Who works with whom",
            intro: "Each agency's answer, given for the agency, on how it works with each other \
                    agency (rows: the agency answering; columns: the agency it answers about, \
                    by number). Where an agency's respondents differ, the lower middle answer \
                    stands.",
            key: Vec::new(),
            rows: Vec::new(),
            facts: Vec::new(),
            disputed_heading: "Pairs that see their work differently",
            disputed: Vec::new(),
            no_disputes: "No pair's answers are two levels or more apart.",
            lists: Vec::new(),
            trust_heading: "Trust",
            trust_note: "How far the other agencies rely on each agency and find it open to \
                         discussion, from 1 (not at all) to 4 (completely): the mean of each \
                         rating agency's answer, each agency an equal voice.",
            trust: Vec::new(),
            perceived_heading: "The partnership as its members see it",
            perceived: None,
            has_network: false,
        }
    }
}

/// How the network changed between rounds.
pub(crate) struct NetworkChangeView {
    pub(crate) heading: &'static str,
    pub(crate) density: String,
    pub(crate) pairs: Vec<Line>,
    pub(crate) no_pairs: &'static str,
}

impl NetworkChangeView {
    pub(crate) fn of(report: &ProgressReport) -> Option<NetworkChangeView> {
        let change = report.network_change.as_ref()?;
        let agencies = &report.later_report.agencies;
        let points = |x: f64| {
            let p = x * 100.0;
            if p.abs() < 0.5 {
                "no change".to_owned()
            } else if p > 0.0 {
                format!("+{p:.0}")
            } else {
                format!("\u{2212}{:.0}", -p)
            }
        };
        let words = |l: Option<PartnerLevel>| {
            MatrixCell {
                level: l,
                disputed: false,
            }
            .words()
        };
        Some(NetworkChangeView {
            heading: "Who works with whom: what changed",
            density: format!(
                "Density, later round against earlier, in percentage points: {}.",
                Level::iter()
                    .map(|l| format!(
                        "{} {}",
                        l.name().to_lowercase(),
                        points(change.density.get(l))
                    ))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            pairs: change
                .pairs
                .iter()
                .map(|p| {
                    Line::default()
                        .then_input(agency_name(agencies, &p.a))
                        .then(" and ")
                        .then_input(agency_name(agencies, &p.b))
                        .then(format!(
                            ": {} \u{2192} {}",
                            words(p.earlier),
                            words(p.later)
                        ))
                })
                .collect(),
            no_pairs: "No pair of agencies in both rounds changed its agreed level.",
        })
    }
}
