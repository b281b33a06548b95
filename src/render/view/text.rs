//! Text in pieces: the crate's own words, text from the input (to be
//! escaped), chosen words with their emphasis, terms and code.

use std::borrow::Cow;

/// How much a word stands out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Emphasis {
    /// As the text around it.
    Plain,
    /// Calls for attention: a concern, an active obstacle, a movement.
    Strong,
    /// Set apart without alarm: an unknown band, an evidence marker.
    Quiet,
}

/// A word the view chose, with its emphasis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Word {
    pub(crate) text: &'static str,
    pub(crate) emphasis: Emphasis,
}

impl Word {
    pub(super) const fn new(text: &'static str, emphasis: Emphasis) -> Word {
        Word { text, emphasis }
    }
}

/// A piece of a line of text.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Span {
    /// The crate's own text.
    Text(Cow<'static, str>),
    /// Text from the input, to be escaped.
    Input(String),
    /// A chosen word.
    Word(Word),
    /// A concept's name, named as a term (italic or quoted).
    Term(&'static str),
    /// A name shown as code: the crate's.
    Code(&'static str),
}

/// A line of text, in pieces.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Line(pub(crate) Vec<Span>);

impl Line {
    /// A line of the crate's own text.
    pub(super) fn text(text: impl Into<Cow<'static, str>>) -> Line {
        Line(vec![Span::Text(text.into())])
    }

    /// The line with `span` at its end.
    fn then_span(mut self, span: Span) -> Line {
        self.0.push(span);
        self
    }

    /// The line with more of the crate's own text.
    pub(super) fn then(self, text: impl Into<Cow<'static, str>>) -> Line {
        self.then_span(Span::Text(text.into()))
    }

    /// The line with text from the input.
    pub(super) fn then_input(self, text: &str) -> Line {
        self.then_span(Span::Input(text.to_owned()))
    }

    /// The line with a chosen word.
    pub(super) fn then_word(self, word: Word) -> Line {
        self.then_span(Span::Word(word))
    }

    /// The line with a name shown as code.
    pub(super) fn then_code(self, code: &'static str) -> Line {
        self.then_span(Span::Code(code))
    }

    /// The line with another line's pieces after its own.
    pub(super) fn then_line(mut self, other: Line) -> Line {
        self.0.extend(other.0);
        self
    }

    /// The lines joined by `separator`.
    pub(super) fn join(lines: impl IntoIterator<Item = Line>, separator: &'static str) -> Line {
        let mut joined = Line::default();
        for (i, line) in lines.into_iter().enumerate() {
            if i > 0 {
                joined.0.push(Span::Text(separator.into()));
            }
            joined.0.extend(line.0);
        }
        joined
    }
}
