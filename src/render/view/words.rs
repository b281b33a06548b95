//! The words and numbers every view writes the same way: bands,
//! movements, levels, means, changes, dates and names.

use std::borrow::Cow;

use super::{Emphasis, Line, Span, Word};
use crate::{Band, Concept, Date, GapItem, Level, Movement, Rated};

/// The word for a band: the band's own name; a band that calls for
/// attention stands out, an unknown one is set apart.
pub(crate) fn band_word<B: Band>(band: B) -> Word {
    let emphasis = if band.needs_attention() {
        Emphasis::Strong
    } else if band.rank().is_none() {
        Emphasis::Quiet
    } else {
        Emphasis::Plain
    };
    Word::new(band.id(), emphasis)
}

/// The word for how a band moved.
pub(crate) fn movement_word(movement: Movement) -> Word {
    match movement {
        Movement::Improved => Word::new("improved", Emphasis::Strong),
        Movement::Worsened => Word::new("worsened", Emphasis::Strong),
        Movement::Unchanged => Word::new("unchanged", Emphasis::Plain),
        Movement::NotComparable => Word::new("not comparable", Emphasis::Quiet),
    }
}

/// A level with its number, or "none".
pub(crate) fn level_text(level: Option<Level>) -> String {
    level.map_or_else(
        || "none".to_owned(),
        |l| format!("{} (level {} of 4)", l.name(), l.number()),
    )
}

/// A level in running text: "coordination", or "no level".
pub(super) fn level_words(level: Option<Level>) -> String {
    level.map_or_else(|| "no level".to_owned(), |l| l.name().to_lowercase())
}

/// A mean to two places, or a dash.
pub(crate) fn mean_text(mean: Option<f64>) -> String {
    mean.map_or_else(|| "–".to_owned(), |m| format!("{m:.2}"))
}

/// A change of a mean, signed, to two places.
pub(super) fn change_text(change: Option<f64>) -> String {
    match change {
        None => "–".to_owned(),
        Some(c) if c > 0.0 => format!("+{c:.2}"),
        Some(c) if c < 0.0 => format!("\u{2212}{:.2}", -c),
        Some(_) => "0.00".to_owned(),
    }
}

/// A change of level, signed.
pub(super) fn signed(x: i8) -> String {
    match x.cmp(&0) {
        core::cmp::Ordering::Greater => format!("+{x}"),
        core::cmp::Ordering::Less => format!("\u{2212}{}", x.unsigned_abs()),
        core::cmp::Ordering::Equal => "no change".to_owned(),
    }
}

/// A rubric number as written, with at least one decimal: `1.0`, `1.25`.
pub(super) fn number(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.1}")
    } else {
        x.to_string()
    }
}

/// A date, or "undated".
pub(super) fn date_text(date: Option<Date>) -> String {
    date.map_or_else(|| "undated".to_owned(), |d| d.to_string())
}

/// The first letter in upper case.
pub(super) fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The source a kind of item comes from, as cited.
pub(super) fn source_of<T: Rated>() -> &'static str {
    T::iter().next().map_or("", |item| item.source().short())
}

/// The names of a set of concepts, lower case, comma-separated.
pub(super) fn lower_names<T: Concept>(items: impl Iterator<Item = T>) -> String {
    items
        .map(|v| v.name().to_lowercase())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Gap items as terms, comma-separated: "facilitator *Leadership*, …".
pub(super) fn items_line(items: &[GapItem]) -> Line {
    let mut spans = Vec::with_capacity(items.len() * 3);
    for (i, &item) in items.iter().enumerate() {
        let (kind, name) = match item {
            GapItem::Characteristic(c) => ("arrangement ", c.name()),
            GapItem::Facilitator(f) => ("facilitator ", f.name()),
            GapItem::Obstacle(o) => ("obstacle ", o.name()),
        };
        if i > 0 {
            spans.push(Span::Text(Cow::Borrowed(", ")));
        }
        spans.push(Span::Text(Cow::Borrowed(kind)));
        spans.push(Span::Term(name));
    }
    Line(spans)
}

/// An agency's name from its id; the id itself if it is not listed.
pub(super) fn agency_name<'a>(agencies: &'a [crate::Agency], id: &'a str) -> &'a str {
    agencies
        .iter()
        .find(|a| a.id == id)
        .map_or(id, |a| a.name.as_str())
}
