//! Ratings as survey tools export them: numbers, the questionnaire's
//! words, labels led by their number, or a caller's own words.

use core::str::FromStr;

use crate::input::survey::{same, trim};
use crate::{Error, Rated, Rating};

/// A caller's own words for the ratings 1 to 5, such as an agree/disagree
/// scale, read for facilitators and obstacles alike, case-insensitive.
///
/// Available with the `csv` or the `xlsx` feature.
///
/// The questionnaire's own labels (`Mostly present`, `A major problem`, …)
/// need no scale; a scale adds words to them.
///
/// ```
/// use interagency::{Rating, Scale};
///
/// let scale: Scale = "Strongly disagree=1, Disagree=2, Neither agree nor disagree=3, \
///                     Agree=4, Strongly agree=5".parse()?;
/// assert_eq!(scale.len(), 5);
/// assert_eq!(scale.iter().nth(3), Some(("Agree", Rating::new(4).unwrap())));
///
/// let err = "Agree=7".parse::<Scale>().unwrap_err();
/// assert_eq!(err.to_string(), "scale: \"Agree=7\" is not a word and a rating from 1 to 5 \
///     (write the scale as \"Strongly disagree=1,Disagree=2,…\")");
/// # Ok::<(), interagency::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scale {
    words: Vec<(String, Rating)>,
}

impl Scale {
    /// A scale with no words.
    #[must_use]
    pub fn new() -> Scale {
        Scale::default()
    }

    /// The same scale, with `word` read as `rating`.
    #[must_use]
    pub fn with(mut self, word: impl Into<String>, rating: Rating) -> Scale {
        self.words.push((word.into(), rating));
        self
    }

    /// The words and their ratings, as given.
    pub fn iter(&self) -> impl Iterator<Item = (&str, Rating)> {
        self.words
            .iter()
            .map(|(word, rating)| (word.as_str(), *rating))
    }

    /// How many words the scale has.
    #[must_use]
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the scale has no words.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The rating of a word of the scale.
    fn rating_of(&self, word: &str) -> Option<Rating> {
        self.iter()
            .find(|(w, _)| same(w, word))
            .map(|(_, rating)| rating)
    }
}

impl FromStr for Scale {
    type Err = Error;

    /// Reads `WORD=RATING` pairs separated by commas; spaces around each
    /// word and rating are ignored.
    fn from_str(text: &str) -> Result<Scale, Error> {
        text.split(',')
            .filter(|entry| !entry.trim().is_empty())
            .map(|entry| {
                entry
                    .rsplit_once('=')
                    .and_then(|(word, rating)| {
                        let rating = rating.trim().parse::<u8>().ok().and_then(Rating::new)?;
                        let word = word.trim();
                        (!word.is_empty()).then(|| (word.to_owned(), rating))
                    })
                    .ok_or_else(|| Error::InvalidScale {
                        entry: entry.trim().to_owned(),
                    })
            })
            .collect()
    }
}

impl FromIterator<(String, Rating)> for Scale {
    fn from_iter<I: IntoIterator<Item = (String, Rating)>>(iter: I) -> Self {
        Scale {
            words: iter.into_iter().collect(),
        }
    }
}

/// Answers that are not a rating: the respondent did not rate the item.
const NOT_RATED: [&str; 4] = ["N/A", "Not applicable", "Don't know", "Don\u{2019}t know"];

/// The rating a text cell holds for an item of kind `T`: `Ok(None)` for
/// not rated (an empty cell, `N/A`, `Not applicable`, `Don't know`), `Err`
/// for text that is no rating.
///
/// The cell is trimmed; then it is a number from 1 to 5, alone or leading
/// a label (`4`, `04`, `4 - Mostly present`), or one of the words, compared
/// case-insensitive: the questionnaire's labels of `T`, not rated, the
/// caller's scale.
pub(crate) fn text_rating<T: Rated>(cell: &str, scale: &Scale) -> Result<Option<Rating>, ()> {
    let cell = trim(cell);
    if cell.is_empty() {
        return Ok(None);
    }
    if let Some(rating) = led_by_digit(cell) {
        return Ok(Some(rating));
    }
    // A label as the questionnaire writes it, the usual case, compared
    // before any case is folded.
    if let Some(value) = T::LABELS.iter().zip(1..).find(|(label, _)| **label == cell) {
        return Ok(Rating::new(value.1));
    }
    let digits = cell.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        let (number, rest) = cell.split_at(digits);
        // A whole number, or a label led by its number.
        return if rest.is_empty() || label_after_number(rest) {
            number
                .parse::<u8>()
                .ok()
                .and_then(Rating::new)
                .map(Some)
                .ok_or(())
        } else {
            Err(())
        };
    }
    if NOT_RATED.iter().any(|word| same(word, cell)) {
        return Ok(None);
    }
    T::LABELS
        .iter()
        .zip(1..)
        .find(|(label, _)| same(label, cell))
        .and_then(|(_, value)| Rating::new(value))
        .or_else(|| scale.rating_of(cell))
        .map(Some)
        .ok_or(())
}

/// The rating of a one-digit number from 1 to 5, alone or leading a label
/// (`4`, `4 - Mostly present`), with no parse; `None` for anything else,
/// which the general path reads.
#[inline]
fn led_by_digit(cell: &str) -> Option<Rating> {
    match cell.as_bytes() {
        [digit @ b'1'..=b'5', rest @ ..]
            if !rest.first().is_some_and(u8::is_ascii_digit)
                && (rest.is_empty() || label_after_number(cell.get(1..).unwrap_or_default())) =>
        {
            Rating::new(digit - b'0')
        }
        _ => None,
    }
}

/// Whether the text after a leading number makes the cell a label led by
/// its number (`4 - Mostly present`, `4. Mostly present`,
/// `4 (Mostly present)`) rather than a number of another form (`4.5`,
/// `45`, `4e0`).
#[inline]
fn label_after_number(rest: &str) -> bool {
    // The usual forms, with no decoding.
    if let [b'-' | b'(' | b':', ..] | [b' ', b'-' | b'(' | b':', ..] = rest.as_bytes() {
        return true;
    }
    // Spaces are ASCII as a rule; any other white space (a vertical tab, a
    // no-break space) is trimmed as Unicode says.
    let rest = match rest.trim_ascii_start() {
        ascii if ascii.starts_with(char::is_whitespace) => ascii.trim_start(),
        ascii => ascii,
    };
    let mut chars = rest.chars();
    match chars.next() {
        Some('-' | '\u{2013}' | '\u{2014}' | '(' | ':') => true,
        Some('.') => chars.next().is_none_or(|c| !c.is_ascii_digit()),
        _ => false,
    }
}

/// The rating a number cell of a spreadsheet holds: a whole number from 1
/// to 5 (`4.0` is 4; `4.5` is no rating).
#[allow(
    clippy::float_cmp,
    reason = "a rating is a whole number: only an exact match is one"
)]
pub(crate) fn number_rating(number: f64) -> Option<Rating> {
    (1..=5)
        .find(|&value| f64::from(value) == number)
        .and_then(Rating::new)
}

#[cfg(test)]
mod tests {
    use super::{Scale, label_after_number, led_by_digit, number_rating, text_rating};
    use crate::{Facilitator, Obstacle, Rating};

    #[allow(
        clippy::unnecessary_wraps,
        reason = "the form of what it is compared with"
    )]
    fn rating(value: u8) -> Result<Option<Rating>, ()> {
        Ok(Some(Rating::new(value).unwrap()))
    }

    #[test]
    fn words_numbers_and_labels() {
        let none = Scale::new();
        let f = |cell| text_rating::<Facilitator>(cell, &none);
        let o = |cell| text_rating::<Obstacle>(cell, &none);
        for (cell, expected) in [
            ("4", rating(4)),
            (" 1 ", rating(1)),
            ("5", rating(5)),
            ("0", Err(())),
            ("6", Err(())),
            ("04", rating(4)),
            ("400", Err(())),
            ("4.0", Err(())),
            ("4.5", Err(())),
            ("4e0", Err(())),
            ("45", Err(())),
            ("-4", Err(())),
            ("4 - Mostly present", rating(4)),
            ("4- anything", rating(4)),
            ("4 \u{2013} Mostly present", rating(4)),
            ("4. Mostly present", rating(4)),
            ("4.", rating(4)),
            ("4 (Mostly present)", rating(4)),
            ("4: Mostly present", rating(4)),
            ("6 - Beyond", Err(())),
            ("4 Mostly present", Err(())),
            ("4\u{a0}- Mostly present", rating(4)),
            ("4\u{b}- Mostly present", rating(4)),
            ("4 \u{b}\u{2003}(Mostly present)", rating(4)),
            ("4 \u{a0}(Mostly present)", rating(4)),
            ("4\u{a0}Mostly present", Err(())),
            ("1", rating(1)),
            ("1.", rating(1)),
            ("1.5", Err(())),
            ("5 - Fully present", rating(5)),
            ("0 - Nothing", Err(())),
            ("Mostly present", rating(4)),
            ("mostly PRESENT", rating(4)),
            ("Not present at all", rating(1)),
            ("Fully present", rating(5)),
            ("A major problem", Err(())),
            ("", Ok(None)),
            ("  ", Ok(None)),
            ("N/A", Ok(None)),
            ("n/a", Ok(None)),
            ("Not applicable", Ok(None)),
            ("Don't know", Ok(None)),
            ("Don\u{2019}t know", Ok(None)),
            ("Agree", Err(())),
        ] {
            assert_eq!(f(cell), expected, "{cell:?}");
        }
        assert_eq!(o("A major problem"), rating(4));
        assert_eq!(o("a severe problem"), rating(5));
        assert_eq!(o("Not a problem"), rating(1));
        assert_eq!(o("Mostly present"), Err(()));
        let scale: Scale = "Strongly disagree=1,Disagree=2,Agree=4, Strongly agree = 5"
            .parse()
            .unwrap();
        assert_eq!(text_rating::<Facilitator>("agree", &scale), rating(4));
        assert_eq!(text_rating::<Obstacle>("STRONGLY AGREE", &scale), rating(5));
        assert_eq!(text_rating::<Obstacle>("Neutral", &scale), Err(()));
        assert_eq!(
            text_rating::<Facilitator>("Mostly present", &scale),
            rating(4)
        );
    }

    #[test]
    fn one_digit_numbers_alone_or_leading_a_label() {
        for (cell, expected) in [
            ("1", Rating::new(1)),
            ("5", Rating::new(5)),
            ("4 - Mostly present", Rating::new(4)),
            ("4. Mostly present", Rating::new(4)),
            ("2(Slightly present)", Rating::new(2)),
            ("0", None),
            ("6", None),
            ("45", None),
            ("4.5", None),
            ("4 Mostly present", None),
            (" 4", None),
            ("", None),
            ("Mostly present", None),
        ] {
            assert_eq!(led_by_digit(cell), expected, "{cell:?}");
        }
    }

    #[test]
    fn labels_after_a_number() {
        for rest in [" - x", "-", ".", ". x", "(x)", ": x", "\u{2014}x"] {
            assert!(label_after_number(rest), "{rest:?}");
        }
        for rest in ["", ".5", "x", " x", "e0", "0"] {
            assert!(!label_after_number(rest), "{rest:?}");
        }
    }

    #[test]
    fn numbers_of_a_spreadsheet() {
        assert_eq!(number_rating(4.0), Rating::new(4));
        assert_eq!(number_rating(1.0), Rating::new(1));
        assert_eq!(number_rating(5.0), Rating::new(5));
        for bad in [0.0, 4.5, 6.0, -1.0, f64::NAN, 1e300] {
            assert_eq!(number_rating(bad), None, "{bad}");
        }
    }

    #[test]
    fn scales_from_text() {
        let scale: Scale = "Yes=5, No=1,".parse().unwrap();
        assert_eq!(
            scale.iter().collect::<Vec<_>>(),
            [
                ("Yes", Rating::new(5).unwrap()),
                ("No", Rating::new(1).unwrap())
            ]
        );
        assert_eq!(scale.len(), 2);
        assert!(!scale.is_empty());
        let built = Scale::new()
            .with("Yes", Rating::new(5).unwrap())
            .with("No", Rating::new(1).unwrap());
        assert_eq!(built, scale);
        assert_eq!(text_rating::<Facilitator>("yes", &built), rating(5));
        assert_eq!(
            "a=b=3".parse::<Scale>().unwrap().iter().next().unwrap().0,
            "a=b"
        );
        for bad in ["Agree", "Agree=", "=4", "Agree=0", "Agree=6", "Agree=four"] {
            assert!(bad.parse::<Scale>().is_err(), "{bad}");
        }
        assert!("".parse::<Scale>().unwrap().is_empty());
    }
}
