//! The words of how sure each figure is: intervals, agreement, the
//! sentence on the sustained level, and what these mean, said once.

use super::{Emphasis, Word, level_words};
use crate::analysis::spread::{AgreementLevel, Interval};
use crate::rubric::RubricSummary;
use crate::{Classification, Level};

/// The confidence as a percentage: `95%`, `99.9%`.
pub(crate) fn percent(confidence: f64) -> String {
    let text = format!("{:.1}", confidence * 100.0);
    let text = text.strip_suffix(".0").unwrap_or(&text);
    format!("{text}%")
}

/// The heading of an interval column: `95% interval`.
pub(crate) fn interval_heading(rubric: &RubricSummary) -> String {
    format!("{} interval", percent(rubric.confidence))
}

/// An interval of means to two places, `2.48–4.32`, or a dash.
pub(crate) fn interval_text(interval: Option<Interval>) -> String {
    interval.map_or_else(
        || "\u{2013}".to_owned(),
        |i| format!("{}\u{2013}{}", two_places(i.lower), two_places(i.upper)),
    )
}

/// An end of an interval of a mean as written: two decimal places.
pub(crate) fn two_places(x: f64) -> String {
    format!("{x:.2}")
}

/// An interval of a change, signed: `−0.23 to +1.63`, or a dash.
pub(crate) fn change_interval_text(interval: Option<Interval>) -> String {
    interval.map_or_else(
        || "\u{2013}".to_owned(),
        |i| {
            format!(
                "{} to {}",
                super::change_text(Some(i.lower)),
                super::change_text(Some(i.upper))
            )
        },
    )
}

/// The word for an agreement level: `very strong`; `lacking` stands out,
/// `unknown` is a quiet dash.
pub(crate) fn agreement_word(level: AgreementLevel) -> Word {
    match level {
        AgreementLevel::Unknown => Word::new("\u{2013}", Emphasis::Quiet),
        AgreementLevel::Lacking => Word::new("lacking", Emphasis::Strong),
        AgreementLevel::VeryStrong => Word::new("very strong", Emphasis::Plain),
        other => Word::new(other.id(), Emphasis::Plain),
    }
}

/// The word for whether a change is beyond the noise: `clear`, `within
/// the uncertainty` (its interval holds 0), or a quiet dash.
pub(crate) fn clear_word(clear: Option<bool>) -> Word {
    match clear {
        Some(false) => Word::new("within the uncertainty", Emphasis::Quiet),
        Some(true) => Word::new("clear", Emphasis::Plain),
        None => Word::new("\u{2013}", Emphasis::Quiet),
    }
}

/// One sentence on how sure the sustained level is.
pub(crate) fn sustained(c: &Classification, rubric: &RubricSummary) -> String {
    let range = c.achieved_level_range;
    let with_interval = c.facilitators.iter().any(|r| r.interval.is_some());
    if !with_interval {
        return "The groups are too small to tell how sure the sustained level is: no agency \
                gave any facilitator two ratings."
            .to_owned();
    }
    if range.lowest == range.highest {
        return format!(
            "The sustained level holds across the {} intervals.",
            percent(rubric.confidence)
        );
    }
    // A facilitator without an interval may be in any band; it bears on
    // the range when it is needed at a level up to the one above the
    // range's top.
    let ceiling = range
        .highest
        .map_or(Some(Level::Cooperation), Level::next)
        .unwrap_or(Level::Integration);
    let thin = c.facilitators.iter().any(|r| {
        r.mean.is_some() && r.interval.is_none() && r.needed_from.is_some_and(|l| l <= ceiling)
    });
    let mut sentence = format!(
        "With these ratings the sustained level could be anywhere from {} to {}",
        level_words(range.lowest),
        level_words(range.highest)
    );
    if thin {
        sentence
            .push_str("; some facilitators have no interval, as no agency gave them two ratings");
    }
    sentence.push('.');
    sentence
}

/// What an interval and agreement mean, for a reader without statistics;
/// said once a page, with what an interval written as a single value
/// means when the page has one (`SingleValue::Shown`).
pub(crate) fn explanation(rubric: &RubricSummary, single: SingleValue) -> String {
    let mut text = format!(
        "How sure the figures are: a {p} interval is the range in which the mean would most \
         likely fall had other staff of the same agencies answered ({p} of such ranges hold \
         it); the wider it is, the less the mean can be leaned on. Agreement says how far the \
         respondents gave the same answer, from very strong to lacking; it is left out (a \
         dash) with fewer than two ratings or where a group is too small to show. Neither \
         changes a band or a level.",
        p = percent(rubric.confidence)
    );
    if single == SingleValue::Shown {
        text.push_str(SINGLE_VALUE);
    }
    text
}

/// What an interval written as a single value means.
const SINGLE_VALUE: &str = " An interval written as a single value (such as 4.00\u{2013}4.00) is \
     no certainty: within each agency the ratings varied too little to measure, and the fewer \
     they are, the less that says.";

/// Whether a page shows an interval written as a single value.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum SingleValue {
    Shown,
    NotShown,
}

impl SingleValue {
    /// Whether one of `intervals` is written as a single value: its ends
    /// alike as `end` writes them.
    pub(crate) fn among(
        mut intervals: impl Iterator<Item = Option<Interval>>,
        end: impl Fn(f64) -> String,
    ) -> SingleValue {
        if intervals.any(|i| i.is_some_and(|i| end(i.lower) == end(i.upper))) {
            SingleValue::Shown
        } else {
            SingleValue::NotShown
        }
    }

    /// Whether a classification's tables show one.
    pub(crate) fn of(c: &Classification) -> SingleValue {
        SingleValue::among(
            c.facilitators
                .iter()
                .map(|r| r.interval)
                .chain(c.obstacles.iter().map(|r| r.interval)),
            two_places,
        )
    }
}

/// What the interval of a change means, said once on a progress page.
pub(crate) fn change_explanation(rubric: &RubricSummary, single: SingleValue) -> String {
    let mut text = format!(
        "How sure the changes are: a {p} interval is the range in which the change would \
         most likely fall had other staff of the same agencies answered in each round ({p} of \
         such ranges hold it); it is left out (a dash) where a round has no interval of the \
         mean, as when no agency gave the item two ratings. The interval does not change any \
         band or level.",
        p = percent(rubric.confidence)
    );
    if single == SingleValue::Shown {
        text.push_str(SINGLE_VALUE);
    }
    text
}
