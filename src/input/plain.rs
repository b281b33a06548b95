//! Documents in their plain JSON shape, read without serde's machinery.
//!
//! Nearly every assessment document has the same plain shape: the fields
//! the crate writes, each once, with strings for text and identifiers, and
//! ratings written as one digit from 1 to 5. Reading that shape straight
//! from the text costs a fraction of what serde's typed path costs (which
//! must be ready for any value in any place, and for the errors of each):
//! a profile of the typed path put nearly all its time in serde's handling
//! of the ratings maps, a call or more for every key and every value.
//!
//! [`assessment`] reads exactly that shape, and gives up (returns `None`)
//! at the first byte of anything else: a number that is not a lone digit
//! from 1 to 5, an unknown or repeated key, a missing field, `null`, a
//! value of another type, text after the document, text that is not JSON.
//! The caller then reads the document with serde, which gives the same
//! answer for plain documents and the right error for the rest. So this
//! reader never decides that a document is wrong: it only ever agrees with
//! serde, or passes. Debug builds check the agreement on every document
//! read, and a test that edits the example documents at random.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::marker::PhantomData;

use crate::{
    Characteristic, Identifier, PartnerLevel, Rated, Rating, Ratings, Response, Role, Sector, Trust,
};

/// An assessment document as read by [`assessment`]: its values, not yet
/// checked against the rules (which the caller does, as for serde's).
pub(crate) struct PlainAssessment<'a> {
    pub(crate) partnership: Cow<'a, str>,
    pub(crate) assessed_on: Option<Cow<'a, str>>,
    pub(crate) agencies: Vec<PlainAgency<'a>>,
    pub(crate) characteristics: Vec<Characteristic>,
    pub(crate) responses: Vec<Response>,
}

/// An agency as read by [`assessment`].
pub(crate) struct PlainAgency<'a> {
    pub(crate) id: Cow<'a, str>,
    pub(crate) name: Cow<'a, str>,
    pub(crate) sector: Option<Sector>,
}

/// Reads an assessment document from its JSON text, if the text has the
/// plain shape; `None` if it has not.
pub(crate) fn assessment(text: &str) -> Option<PlainAssessment<'_>> {
    let mut cursor = Cursor { text, at: 0 };
    let mut partnership = None;
    let mut assessed_on = None;
    let mut agencies = None;
    let mut characteristics = None;
    let mut responses = None;
    cursor.object::<Document>(|field, cursor| {
        let slot_free = match field {
            0 => set(&mut partnership, cursor.string()?),
            1 => set(&mut assessed_on, cursor.string()?),
            2 => set(&mut agencies, cursor.list(Cursor::agency)?),
            3 => set(
                &mut characteristics,
                cursor.list(Cursor::identifier::<Characteristic>)?,
            ),
            _ => set(&mut responses, cursor.list(Cursor::response)?),
        };
        slot_free.then_some(())
    })?;
    cursor.space();
    if cursor.at != text.len() {
        return None;
    }
    Some(PlainAssessment {
        partnership: partnership?,
        assessed_on,
        agencies: agencies?,
        characteristics: characteristics?,
        responses: responses.unwrap_or_default(),
    })
}

/// The names a key or a value may take, numbered from 0.
trait Names {
    /// How many there are.
    const COUNT: usize;
    /// The name numbered `index`.
    fn name(index: usize) -> Option<&'static str>;
}

/// Declares the fields of an object as [`Names`], in the order the crate
/// writes them.
macro_rules! fields {
    ($(#[$meta:meta])* $name:ident = [$($field:literal),+]) => {
        $(#[$meta])*
        struct $name;

        impl Names for $name {
            const COUNT: usize = [$($field),+].len();
            fn name(index: usize) -> Option<&'static str> {
                [$($field),+].get(index).copied()
            }
        }
    };
}

fields!(
    /// The fields of a document.
    Document = ["partnership", "assessed_on", "agencies", "characteristics", "responses"]
);
fields!(
    /// The fields of an agency.
    AgencyField = ["id", "name", "sector"]
);
fields!(
    /// The fields of a response.
    ResponseField = [
        "respondent",
        "agency",
        "role",
        "facilitators",
        "obstacles",
        "partners",
        "trust",
        "perceived_level"
    ]
);

/// The identifiers of `T`, in catalogue order.
struct Ids<T>(PhantomData<T>);

impl<T: Identifier> Names for Ids<T> {
    const COUNT: usize = T::COUNT;
    fn name(index: usize) -> Option<&'static str> {
        T::from_index(index).map(T::id)
    }
}

/// Fills an empty slot; `false` if it was already filled (a key given
/// twice).
fn set<V>(slot: &mut Option<V>, value: V) -> bool {
    slot.replace(value).is_none()
}

/// A position in the text of one response.
struct Cursor<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Cursor<'a> {
    /// The text from the cursor on.
    fn rest(&self) -> &'a [u8] {
        self.text.as_bytes().get(self.at..).unwrap_or_default()
    }

    /// The byte at the cursor, if any.
    fn peek(&self) -> Option<u8> {
        self.rest().first().copied()
    }

    /// Skips JSON whitespace.
    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    /// Skips whitespace, then `byte` if it is next; whether it was.
    fn eat(&mut self, byte: u8) -> bool {
        self.space();
        let found = self.peek() == Some(byte);
        if found {
            self.at += 1;
        }
        found
    }

    /// The byte at the cursor, taken.
    fn next(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.at += 1;
        Some(byte)
    }

    /// The length of the run of plain characters at the cursor: up to a
    /// quote, a backslash or a control character (which JSON does not
    /// allow in a string), or the end.
    fn plain_run(&self) -> usize {
        let rest = self.rest();
        rest.iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
            .unwrap_or(rest.len())
    }

    /// A string: borrowed from the text if it has no escape.
    fn string(&mut self) -> Option<Cow<'a, str>> {
        if !self.eat(b'"') {
            return None;
        }
        let start = self.at;
        let end = start + self.plain_run();
        match self.text.as_bytes().get(end) {
            Some(b'"') => {
                self.at = end + 1;
                self.text.get(start..end).map(Cow::Borrowed)
            }
            Some(b'\\') => self.escaped().map(Cow::Owned),
            _ => None,
        }
    }

    /// The rest of a string with an escape in it, from the cursor (inside
    /// the string) to its closing quote, decoded as JSON decodes it.
    fn escaped(&mut self) -> Option<String> {
        let mut out = String::new();
        loop {
            let run = self.plain_run();
            out.push_str(self.text.get(self.at..self.at + run)?);
            self.at += run;
            match self.next()? {
                b'"' => return Some(out),
                b'\\' => out.push(self.escape()?),
                _ => return None,
            }
        }
    }

    /// The character of the escape after a backslash.
    fn escape(&mut self) -> Option<char> {
        Some(match self.next()? {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let unit = self.hex()?;
                if (0xD800..0xDC00).contains(&unit) {
                    // A leading surrogate, which must be followed by a
                    // trailing one; serde reports a lone one.
                    if !(self.next()? == b'\\' && self.next()? == b'u') {
                        return None;
                    }
                    let low = self.hex()?;
                    if !(0xDC00..0xE000).contains(&low) {
                        return None;
                    }
                    char::from_u32(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))?
                } else {
                    char::from_u32(unit)?
                }
            }
            _ => return None,
        })
    }

    /// Four hexadecimal digits, as a number.
    fn hex(&mut self) -> Option<u32> {
        let digits = self.rest().get(..4)?;
        let mut value = 0;
        for &digit in digits {
            value = value * 16 + char::from(digit).to_digit(16)?;
        }
        self.at += 4;
        Some(value)
    }

    /// An array, each element read by `item`.
    fn list<V>(&mut self, mut item: impl FnMut(&mut Self) -> Option<V>) -> Option<Vec<V>> {
        if !self.eat(b'[') {
            return None;
        }
        let mut items = Vec::new();
        if self.eat(b']') {
            return Some(items);
        }
        loop {
            items.push(item(self)?);
            if self.eat(b']') {
                return Some(items);
            }
            if !self.eat(b',') {
                return None;
            }
        }
    }

    /// An agency: its id and name, and its sector if given.
    fn agency(&mut self) -> Option<PlainAgency<'a>> {
        let (mut id, mut name, mut sector) = (None, None, None);
        self.object::<AgencyField>(|field, cursor| {
            let slot_free = match field {
                0 => set(&mut id, cursor.string()?),
                1 => set(&mut name, cursor.string()?),
                _ => set(&mut sector, cursor.identifier::<Sector>()?),
            };
            slot_free.then_some(())
        })?;
        Some(PlainAgency {
            id: id?,
            name: name?,
            sector,
        })
    }

    /// A response: respondent, agency and role, and the ratings given.
    fn response(&mut self) -> Option<Response> {
        let mut respondent = None;
        let mut agency = None;
        let mut role = None;
        let mut facilitators = None;
        let mut obstacles = None;
        let (mut partners, mut trust, mut perceived_level) = (None, None, None);
        self.object::<ResponseField>(|field, cursor| {
            let slot_free = match field {
                0 => set(&mut respondent, cursor.string()?),
                1 => set(&mut agency, cursor.string()?),
                2 => set(&mut role, cursor.identifier::<Role>()?),
                3 => set(&mut facilitators, cursor.ratings()?),
                4 => set(&mut obstacles, cursor.ratings()?),
                5 => set(
                    &mut partners,
                    cursor.by_agency(Cursor::identifier::<PartnerLevel>)?,
                ),
                6 => set(&mut trust, cursor.by_agency(Cursor::trust)?),
                _ => set(&mut perceived_level, cursor.identifier::<PartnerLevel>()?),
            };
            slot_free.then_some(())
        })?;
        Some(Response {
            respondent: respondent?.into_owned(),
            agency: agency?.into_owned(),
            role: role?,
            facilitators: facilitators.unwrap_or_default(),
            obstacles: obstacles.unwrap_or_default(),
            partners: partners.unwrap_or_default(),
            trust: trust.unwrap_or_default(),
            perceived_level,
        })
    }

    /// A string that is one of `names`, as its position in `names`. The
    /// names are tried from `first` on, so that keys written in the usual
    /// order are found at the first try. No name has a quote or a
    /// backslash, so a string is a name exactly when the text goes on with
    /// the name and a closing quote.
    fn one_of<N: Names>(&mut self, first: usize) -> Option<usize> {
        if !self.eat(b'"') {
            return None;
        }
        let rest = self.rest();
        let mut index = first;
        for _ in 0..N::COUNT {
            if let Some(name) = N::name(index)
                && starts_with_name(rest, name.as_bytes())
            {
                self.at += name.len() + 1;
                return Some(index);
            }
            index = if index + 1 == N::COUNT { 0 } else { index + 1 };
        }
        None
    }

    /// An identifier of `T`.
    fn identifier<T: Identifier>(&mut self) -> Option<T> {
        let found = self.one_of::<Ids<T>>(0)?;
        T::from_index(found)
    }

    /// An object whose keys are among `names`, each handed (as its position
    /// in `names`) to `value` to read what follows its colon. `None` as soon
    /// as anything is not plain.
    fn object<N: Names>(
        &mut self,
        mut value: impl FnMut(usize, &mut Self) -> Option<()>,
    ) -> Option<()> {
        if !self.eat(b'{') {
            return None;
        }
        if self.eat(b'}') {
            return Some(());
        }
        let mut next = 0;
        loop {
            let key = self.one_of::<N>(next)?;
            if !self.eat(b':') {
                return None;
            }
            value(key, self)?;
            if self.eat(b'}') {
                return Some(());
            }
            if !self.eat(b',') {
                return None;
            }
            next = if key + 1 == N::COUNT { 0 } else { key + 1 };
        }
    }

    /// A rating written as one digit from 1 to 5, and nothing more: `45`,
    /// `4.0` and `4e0` are left to serde.
    fn rating(&mut self) -> Option<Rating> {
        self.space();
        let (&digit, after) = self.rest().split_first()?;
        if !matches!(
            after.first(),
            Some(b' ' | b'\t' | b'\n' | b'\r' | b',' | b'}')
        ) {
            return None;
        }
        let rating = Rating::new(digit.checked_sub(b'0')?)?;
        self.at += 1;
        Some(rating)
    }

    /// A trust answer written as one digit from 1 to 4, and nothing more.
    fn trust(&mut self) -> Option<Trust> {
        self.space();
        let (&digit, after) = self.rest().split_first()?;
        if !matches!(
            after.first(),
            Some(b' ' | b'\t' | b'\n' | b'\r' | b',' | b'}')
        ) {
            return None;
        }
        let trust = Trust::new(digit.checked_sub(b'0')?)?;
        self.at += 1;
        Some(trust)
    }

    /// A map from agency id to answer, each key once. Whether the keys are
    /// listed agencies is checked when the response joins the partnership.
    fn by_agency<V>(
        &mut self,
        mut value: impl FnMut(&mut Self) -> Option<V>,
    ) -> Option<BTreeMap<String, V>> {
        let mut answers = BTreeMap::new();
        if !self.eat(b'{') {
            return None;
        }
        if self.eat(b'}') {
            return Some(answers);
        }
        loop {
            let key = self.string()?.into_owned();
            if !self.eat(b':') {
                return None;
            }
            let answer = value(self)?;
            if answers.insert(key, answer).is_some() {
                return None;
            }
            if self.eat(b'}') {
                return Some(answers);
            }
            if !self.eat(b',') {
                return None;
            }
        }
    }

    /// A map of ratings: known identifiers, each rated once.
    fn ratings<T: Rated>(&mut self) -> Option<Ratings<T>> {
        let mut ratings = Ratings::new();
        self.object::<Ids<T>>(|index, cursor| {
            let item = T::from_index(index)?;
            let rating = cursor.rating()?;
            ratings.insert(item, rating).is_none().then_some(())
        })?;
        Some(ratings)
    }
}

/// Whether `text` starts with `name` and a closing quote: the quote and
/// the last byte first, which rule out nearly every other name at once,
/// then eight bytes at a time (the last eight overlapping the eight before
/// when the length is not a multiple of eight).
fn starts_with_name(text: &[u8], name: &[u8]) -> bool {
    let length = name.len();
    if text.get(length) != Some(&b'"') || text.get(length.wrapping_sub(1)) != name.last() {
        return false;
    }
    let Some(head) = text.get(..length) else {
        return false;
    };
    if length < 8 {
        return head == name;
    }
    let mut at = 0;
    while at + 8 < length {
        if word(head, at) != word(name, at) {
            return false;
        }
        at += 8;
    }
    word(head, length - 8) == word(name, length - 8)
}

/// The eight bytes of `bytes` from `at`, as one number for comparing.
fn word(bytes: &[u8], at: usize) -> u64 {
    bytes
        .get(at..at + 8)
        .and_then(|eight| <[u8; 8]>::try_from(eight).ok())
        .map_or(0, u64::from_ne_bytes)
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test fails by panicking"
)]
mod tests {
    use super::assessment;
    use crate::foundation::test_rng::XorShift;

    const EXAMPLES: [&str; 4] = [
        include_str!("../../examples/data/child-protection-hub.json"),
        include_str!("../../examples/data/early-years-network.json"),
        include_str!("../../examples/data/early-years-network-2027.json"),
        include_str!("../../examples/data/integrated-family-centre.json"),
    ];
    use crate::{Characteristic, Facilitator, Obstacle, Response, Role, Sector};

    /// The responses of a document with `responses` as its list.
    fn responses(responses: &str) -> Option<Vec<Response>> {
        let text = format!(
            r#"{{"partnership":"P","agencies":[{{"id":"a","name":"A"}}],"characteristics":[],"responses":[{responses}]}}"#
        );
        assessment(&text).map(|a| a.responses)
    }

    #[test]
    fn reads_a_plain_document() {
        let text = "\r\n{ \"characteristics\": [\"consistent_goals\"], \"partnership\": \"N\\u00e9 \\\"B\\\" \\ud83d\\ude00\\n\",\
                    \"agencies\": [{\"name\": \"Child and Family\", \"id\": \"cfa\", \"sector\": \"health\"},\
                    {\"id\": \"b\", \"name\": \"B\\/\\\\\\b\\f\\r\\t\"}], \"assessed_on\": \"2026-03-01\",\
                    \"responses\": [{\"respondent\": \"r1\",\r\n \"agency\":\"cfa\", \"role\": \"manager\",\
                    \t\"facilitators\": {\"leadership\": 4, \"good_communication\":1},\
                    \"obstacles\": {\"conflict\" :5}}, {\"agency\":\"b\",\"respondent\":\"r2\",\"role\":\"frontline\",\
                    \"facilitators\":{},\"obstacles\":{ }}]}\n ";
        let a = assessment(text).unwrap();
        assert_eq!(a.partnership, "N\u{e9} \"B\" \u{1f600}\n");
        assert_eq!(a.assessed_on.as_deref(), Some("2026-03-01"));
        assert_eq!(a.characteristics, [Characteristic::ConsistentGoals]);
        assert_eq!(a.agencies.len(), 2);
        let cfa = a.agencies.first().unwrap();
        assert_eq!(
            (&*cfa.id, &*cfa.name, cfa.sector),
            ("cfa", "Child and Family", Some(Sector::Health))
        );
        let b = a.agencies.get(1).unwrap();
        assert_eq!(
            (&*b.id, &*b.name, b.sector),
            ("b", "B/\\\u{8}\u{c}\r\t", None)
        );
        let [r1, r2] = a.responses.as_slice() else {
            panic!("two responses")
        };
        assert_eq!((r1.respondent.as_str(), r1.agency.as_str()), ("r1", "cfa"));
        assert_eq!(r1.role, Role::Manager);
        assert_eq!(
            r1.facilitators.get(Facilitator::Leadership).unwrap().get(),
            4
        );
        let communication = r1.facilitators.get(Facilitator::GoodCommunication);
        assert_eq!(communication.unwrap().get(), 1);
        assert_eq!(r1.facilitators.len(), 2);
        assert_eq!(r1.obstacles.get(Obstacle::Conflict).unwrap().get(), 5);
        assert_eq!((r2.respondent.as_str(), r2.role), ("r2", Role::Frontline));
        assert!(r2.facilitators.is_empty() && r2.obstacles.is_empty());
        let bare = assessment(r#"{"partnership":"P","agencies":[],"characteristics":[]}"#).unwrap();
        assert!(bare.responses.is_empty() && bare.assessed_on.is_none());
        assert_eq!(responses("").unwrap(), []);
    }

    #[test]
    fn reads_the_example_documents() {
        for text in EXAMPLES {
            let read = assessment(text).unwrap();
            let by_serde: serde_json::Value = serde_json::from_str(text).unwrap();
            let responses = by_serde["responses"].as_array().unwrap();
            assert_eq!(read.responses.len(), responses.len());
            assert_eq!(read.partnership, by_serde["partnership"].as_str().unwrap());
            for (plain, json) in read.responses.iter().zip(responses) {
                let count =
                    |field: &str| json.get(field).map_or(0, |m| m.as_object().unwrap().len());
                assert_eq!(plain.partners.len(), count("partners"));
                assert_eq!(plain.trust.len(), count("trust"));
                assert_eq!(
                    plain.perceived_level.map(crate::PartnerLevel::id),
                    json.get("perceived_level").map(|l| l.as_str().unwrap())
                );
            }
        }
    }

    /// `Assessment::from_json` (the plain reader where it can) against
    /// serde's typed path alone (`Deserialize`, which never uses it); true
    /// if both read the text. Debug builds also compare the two inside
    /// `from_json`, error for error.
    fn agree(text: &str) -> bool {
        let plain = crate::Assessment::from_json(text);
        let serde = serde_json::from_str::<crate::Assessment>(text.trim_start_matches('\u{feff}'));
        match (&plain, &serde) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "{text}"),
            (Err(_), Err(_)) => {}
            _ => panic!("one read {text:?}, the other did not: {plain:?} against {serde:?}"),
        }
        plain.is_ok()
    }

    /// An edit at a random place: one that keeps the text JSON, breaks
    /// it, breaks a rule, or only changes its spelling; the shapes the
    /// plain reader gives up on and the ones it must read itself.
    fn edit(rng: &mut XorShift, text: &str) -> String {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let (at, c) = rng.pick(&chars);
        let (before, after) = text.split_at(at);
        let rest = after.get(c.len_utf8()..).unwrap();
        let replacement = match rng.below(10) {
            0 => format!("{}{c}", rng.pick(&[" ", "\n", "\r\n", "\t", "\u{a0}"])),
            1 if c.is_ascii_digit() => rng
                .pick(&[
                    "0", "1", "5", "6", "9", "45", "4.0", "4e0", "-3", "\"4\"", "null", "[4]", "{}",
                ])
                .to_owned(),
            2 if c.is_ascii_alphanumeric() => format!("\\u{:04x}", u32::from(c)),
            2 => rng
                .pick(&[
                    "\\\"",
                    "\\\\",
                    "\\/",
                    "\\n",
                    "\\ud83d\\ude00",
                    "\\ud83d",
                    "\\x",
                    "\u{1}",
                ])
                .to_owned(),
            3 => String::new(),
            4 => format!(
                "{}{c}",
                rng.pick(&[",", "}", "]", "\"", ":", "{", "[", "é"])
            ),
            // A value or key doubled: the text up to the next comma again.
            5 => {
                let end = rest.find(',').map_or(rest.len(), |i| i + 1);
                format!("{c}{}{c}", rest.get(..end).unwrap())
            }
            _ => c.to_string(),
        };
        format!("{before}{replacement}{rest}")
    }

    #[test]
    fn edited_documents_read_the_same_both_ways_or_not_at_all() {
        let mut rng = XorShift(0x9_1A1D);
        let (mut read, mut refused, mut plain) = (0, 0, 0);
        for round in 0..4_000 {
            let mut text = EXAMPLES[round % EXAMPLES.len()].to_owned();
            for _ in 0..=rng.below(3) {
                text = edit(&mut rng, &text);
            }
            plain += usize::from(assessment(&text).is_some());
            if agree(&text) {
                read += 1;
            } else {
                refused += 1;
            }
        }
        // All three are common, so all are tested.
        assert!(
            read > 800 && refused > 800 && plain > 800,
            "{read} read, {refused} refused, {plain} plain"
        );
    }

    #[test]
    fn passes_on_anything_not_plain() {
        let plain =
            r#"{"respondent":"r","agency":"a","role":"manager","facilitators":{"leadership":3}}"#;
        assert_eq!(responses(plain).unwrap().len(), 1);
        for (from, to) in [
            (r#""r""#, r#""r\x""#),
            (r#""r""#, r#""r\u00""#),
            (r#""r""#, r#""r\u00g1""#),
            (r#""r""#, r#""r\ud800""#),
            (r#""r""#, r#""r\ud800\u0041""#),
            (r#""r""#, r#""r\ud800x""#),
            (r#""r""#, r#""r\udc00""#),
            (r#""r""#, "\"r\u{1}\""),
            (r#""r""#, r#""r"#),
            (r#""r""#, "7"),
            (r#""a""#, "null"),
            (r#""manager""#, r#""boss""#),
            (r#""manager""#, r#""Manager""#),
            (r#""manager""#, r#""man\u0061ger""#),
            (r#""manager""#, r#""manage""#),
            (":3", ":0"),
            (":3", ":6"),
            (":3", ":9"),
            (":3", ":34"),
            (":3", ":3.0"),
            (":3", ":3e0"),
            (":3", ":-3"),
            (":3", ":\"3\""),
            (":3", ":"),
            (":3", ":3,\"leadership\":2"),
            (":3", ":3,\"vision\":2"),
            (":3", ":3,"),
            (":3", ":3 3"),
            ("\"leadership\"", "\"leader\\u0073hip\""),
            ("\"leadership\"", "\"leadershi\""),
            ("{\"leadership\":3}", "[3]"),
            ("{\"leadership\":3}", "null"),
            (r#""role""#, r#""rôle""#),
            (r#""role""#, r#""role"#),
            (r#","agency":"a""#, ""),
            (r#""respondent":"r","#, ""),
            (r#","role":"manager""#, ""),
            (r#","agency":"a""#, r#","agency":"a","agency":"a""#),
            ("}}", "}}}"),
            ("}}", "}},"),
            ("}}", "}"),
            (r#"{"respondent""#, r#"[{"respondent""#),
            (r#"{"respondent""#, r#"{"respondent"  "r","#),
        ] {
            let text = plain.replacen(from, to, 1);
            assert_ne!(text, plain, "{from} is in the plain response");
            assert!(responses(&text).is_none(), "{text}");
        }
        assert!(responses(&format!("{plain},")).is_none());
        assert!(responses(&format!("{plain} {plain}")).is_none());
        let document = r#"{"partnership":"P","agencies":[{"id":"a","name":"A","sector":"health"}],"characteristics":["consistent_goals"]}"#;
        assert!(assessment(document).is_some());
        for (from, to) in [
            (r#""P""#, "null"),
            (r#""P""#, r#""P","partnership":"P""#),
            (r#""partnership":"P","#, ""),
            (
                r#""characteristics":["consistent_goals"]"#,
                r#""characteristics":["goals"]"#,
            ),
            (r#","characteristics":["consistent_goals"]"#, ""),
            (
                r#""characteristics""#,
                r#""assessed_on":"x","assessed_on":"y","characteristics""#,
            ),
            (r#""characteristics""#, r#""extra":1,"characteristics""#),
            (r#""health""#, r#""wealth""#),
            (r#""health""#, "null"),
            (r#""id":"a","#, ""),
            (r#","name":"A""#, ""),
            (r#""agencies":[{"#, r#""agencies":{{"#),
            ("]}", "]}x"),
            ("]}", "]"),
        ] {
            let text = document.replacen(from, to, 1);
            assert_ne!(text, document, "{from} is in the plain document");
            assert!(assessment(&text).is_none(), "{text}");
        }
    }
}
