//! SVG charts of reports: the ladder of levels, and every facilitator's and
//! obstacle's mean against the rubric's thresholds.
//!
//! The chart's content comes from the view; the geometry is computed here,
//! and `templates/chart.svg` lays it out, escaping every string (askama's
//! HTML escaper, which is also valid for XML).

use askama::Template;

use crate::render::view::{self, BarGroup, ChartView, MatrixRow, NetworkView, ThresholdMark};

/// The frame of a chart of means: its width, where its 1 to 5 scale runs,
/// and the height of one item's row (its name, then its mark).
pub(super) struct Frame {
    pub(super) width: f64,
    pub(super) x0: f64,
    pub(super) x1: f64,
    pub(super) row: f64,
}

impl Frame {
    /// The x of a mean on the scale (means outside 1 to 5 at its ends).
    pub(super) fn x(&self, mean: f64) -> f64 {
        self.x0 + (mean.clamp(1.0, 5.0) - 1.0) / 4.0 * (self.x1 - self.x0)
    }
}

/// The frame of the report's chart.
const FRAME: Frame = Frame {
    width: 600.0,
    x0: 20.0,
    x1: 470.0,
    row: 36.0,
};

/// A number for an SVG attribute.
pub(super) fn n(x: f64) -> String {
    let s = format!("{x:.1}");
    s.strip_suffix(".0")
        .map_or_else(|| s.clone(), str::to_owned)
}

/// One rung of the ladder.
pub(crate) struct PlacedRung {
    y: String,
    text_y: String,
    label: String,
    status: &'static str,
    class: &'static str,
}

/// One item's row: its name, a bar from 1 to its mean, and its band.
pub(crate) struct PlacedRow {
    name_y: String,
    bar_y: String,
    name: &'static str,
    /// The bar's width, or `None` when the item is not rated.
    bar_width: Option<String>,
    /// The earlier round's mean, for a progress chart.
    earlier_x: Option<String>,
    /// The whisker of the mean's interval: its two ends' x.
    whisker: Option<(String, String)>,
    class: &'static str,
    word: String,
    word_x: String,
}

/// A group of rows under a heading, with the thresholds drawn across it.
pub(crate) struct PlacedSection {
    heading_y: String,
    heading: String,
    /// Whether the section's items are facilitators (else obstacles).
    facilitators: bool,
    top: String,
    bottom: String,
    rows: Vec<PlacedRow>,
}

/// A point of the 1 to 5 scale drawn across the sections (a threshold or
/// a tick), and its label.
pub(crate) struct ScaleMark {
    x: String,
    label: String,
}

/// One entry of the legend: a swatch and what it means.
pub(crate) struct LegendKey {
    x: String,
    y: String,
    class: &'static str,
    text: &'static str,
}

/// The chart of a gap report or a progress report.
/// One cell of the matrix, placed.
pub(crate) struct PlacedCell {
    x: String,
    y: String,
    text_x: String,
    text_y: String,
    class: &'static str,
    text: &'static str,
    title: String,
    disputed: bool,
}

/// A text placed at a point.
pub(crate) struct PlacedText {
    x: String,
    y: String,
    text: String,
}

/// How respondents see the partnership, laid out below the chart when no
/// response answers about the other agencies (with a network, the
/// matrix's lines say it).
pub(crate) struct SeenLayout {
    heading: &'static str,
    heading_y: String,
    lines: Vec<PlacedText>,
}

impl SeenLayout {
    /// The heading and the sentence of `v`, from `top` down, and the
    /// bottom they reach.
    fn of(v: &NetworkView, sentence: &str, top: f64) -> (SeenLayout, f64) {
        let mut y = top + 36.0;
        let lines = wrap(sentence, LINE_CHARS)
            .into_iter()
            .map(|text| {
                let line = PlacedText {
                    x: n_(20.0),
                    y: n_(y),
                    text,
                };
                y += 17.0;
                line
            })
            .collect();
        let seen = SeenLayout {
            heading: v.perceived_heading,
            heading_y: n_(top + 16.0),
            lines,
        };
        (seen, y)
    }
}

/// The agency × agency matrix and what the network's figures say, laid
/// out below the chart.
pub(crate) struct MatrixLayout {
    heading_y: String,
    note_y: String,
    size: String,
    font: String,
    header_font: String,
    columns: Vec<PlacedText>,
    rows: Vec<RowLabel>,
    cells: Vec<PlacedCell>,
    selves: Vec<PlacedText>,
    keys: Vec<PlacedCell>,
    key_words: Vec<PlacedText>,
    lines: Vec<PlacedText>,
}

/// The longest name a row shows; longer ones end in an ellipsis.
const NAME_CHARS: usize = 40;

/// The most characters of a chart's 20-pixel bold heading that fit its
/// 560 pixels, wide letters allowed for.
pub(super) const HEADING_CHARS: usize = 46;

/// Text cut to fit the drawing, with the whole of it where it was cut:
/// written as the text's own `<title>`, a tooltip that recovers it.
pub(crate) struct Fitted {
    pub(super) shown: String,
    pub(super) whole: Option<String>,
}

impl Fitted {
    /// `text` cut to at most `chars` characters.
    pub(super) fn new(text: &str, chars: usize) -> Fitted {
        let shown = short(text, chars);
        let whole = (shown != text).then(|| text.to_owned());
        Fitted { shown, whole }
    }
}

/// A row label of the matrix, `3. HSE Primary Care`, with the agency's
/// whole name where the label cuts it.
struct RowLabel {
    x: String,
    y: String,
    label: Fitted,
}

/// `name` cut to at most `chars` characters, ending in an ellipsis where
/// it is cut: after a whole word when one ends in the last third, else
/// within the word.
fn short(name: &str, chars: usize) -> String {
    if name.chars().count() <= chars {
        return name.to_owned();
    }
    let keep = chars.saturating_sub(1);
    let mut cut: String = name.chars().take(keep).collect();
    let word_end = name
        .char_indices()
        .nth(keep)
        .filter(|&(_, next)| !next.is_whitespace())
        .and_then(|_| cut.rfind(char::is_whitespace));
    if let Some(end) = word_end
        && cut[..end].chars().count() * 3 >= keep * 2
    {
        cut.truncate(end);
    }
    let trimmed =
        cut.trim_end_matches(|c: char| c.is_whitespace() || ",;:-&(/\u{2013}\u{2014}".contains(c));
    cut.truncate(trimmed.len());
    cut.push('\u{2026}');
    cut
}

/// The matrix's row labels, `3. HSE Primary Care`, each cut to fit
/// `column` (the label column's width less its gap) at `font` pixels.
#[allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "a small, positive count of characters"
)]
fn row_labels(rows: &[MatrixRow], column: f64, font: f64) -> Vec<Fitted> {
    // A hair over, so that a label exactly as wide as the column fits.
    let fits = (column / small_char_width(font) + 1e-6).floor().max(0.0) as usize;
    rows.iter()
        .map(|row| {
            let number = format!("{}. ", row.number);
            let chars = NAME_CHARS.min(fits.saturating_sub(number.chars().count()));
            let name = Fitted::new(&row.name, chars);
            Fitted {
                shown: number + &name.shown,
                whole: name.whole,
            }
        })
        .collect()
}

/// The largest font of the matrix's labels and cells, in pixels.
const MATRIX_FONT_MAX: f64 = 12.0;

/// The narrowest the matrix's label column becomes when it makes room for
/// many agencies' cells.
const MIN_LABEL_COLUMN: f64 = 100.0;

/// The estimated width of a character of the chart's small text (10.5
/// pixels), the estimate its legend is laid out with.
const SMALL_CHAR: f64 = 6.2;

/// The estimated width of `text` in the chart's small type at `font`
/// pixels.
#[allow(clippy::cast_precision_loss, reason = "short labels")]
fn small_text_width(text: &str, font: f64) -> f64 {
    text.chars().count() as f64 * small_char_width(font)
}

/// The estimated width of a character of the chart's small type at `font`
/// pixels.
fn small_char_width(font: f64) -> f64 {
    SMALL_CHAR * font / 10.5
}

/// The key to the matrix's cells, from `y` down, and where it ends.
#[allow(clippy::cast_precision_loss, reason = "short labels")]
fn key(
    entries: &[(&'static str, &'static str, &'static str)],
    mut y: f64,
) -> (Vec<PlacedCell>, Vec<PlacedText>, f64) {
    let (mut keys, mut key_words) = (Vec::new(), Vec::new());
    let mut x = 20.0;
    for &(abbreviation, class, words) in entries {
        let width = 20.0 + 6.0 * words.len() as f64 + 12.0;
        if x + width > FRAME.width - 20.0 {
            x = 20.0;
            y += 20.0;
        }
        keys.push(PlacedCell {
            x: n_(x),
            y: n_(y - 12.0),
            text_x: n_(x + 8.0),
            text_y: n_(y - 2.5),
            class,
            text: abbreviation,
            title: words.to_owned(),
            disputed: false,
        });
        key_words.push(PlacedText {
            x: n_(x + 20.0),
            y: n_(y - 2.0),
            text: words.to_owned(),
        });
        x += width;
    }
    (keys, key_words, y)
}

impl MatrixLayout {
    /// The matrix of `v` from `top` down, and the bottom it reaches.
    #[allow(
        clippy::cast_precision_loss,
        reason = "agency counts and positions are small"
    )]
    fn of(v: &NetworkView, top: f64) -> (MatrixLayout, f64) {
        let n = v.rows.len();
        // The label column is as wide as its longest label at the largest
        // font the matrix uses, so that no label runs under the cells; at
        // most what leaves room for every cell at its smallest (12). Names
        // that do not fit are cut, at the font the labels are drawn in.
        let room = (FRAME.width - 40.0 - n as f64 * 12.0).max(MIN_LABEL_COLUMN) - 8.0;
        let column = row_labels(&v.rows, room, MATRIX_FONT_MAX)
            .iter()
            .map(|label| small_text_width(&label.shown, MATRIX_FONT_MAX))
            .fold(0.0, f64::max);
        let x0 = 20.0 + column + 8.0;
        let size = ((FRAME.width - 20.0 - x0) / n.max(1) as f64).clamp(12.0, 28.0);
        let font = (size * 0.62).clamp(8.0, MATRIX_FONT_MAX);
        let labels = row_labels(&v.rows, column, font);
        let header_y = top + 52.0;
        let y0 = header_y + 6.0;
        let columns = (0..n)
            .map(|j| PlacedText {
                x: n_(x0 + (j as f64 + 0.5) * size),
                y: n_(header_y),
                text: (j + 1).to_string(),
            })
            .collect();
        let mut rows = Vec::with_capacity(n);
        let mut cells = Vec::new();
        let mut selves = Vec::new();
        for (i, (row, label)) in v.rows.iter().zip(labels).enumerate() {
            let y = y0 + i as f64 * size;
            rows.push(RowLabel {
                x: n_(20.0),
                y: n_(y + size / 2.0 + font * 0.35),
                label,
            });
            for (j, cell) in row.cells.iter().enumerate() {
                let x = x0 + j as f64 * size;
                let (cx, cy) = (n_(x + size / 2.0), n_(y + size / 2.0 + font * 0.35));
                match cell {
                    None => selves.push(PlacedText {
                        x: n_(x),
                        y: n_(y),
                        text: String::new(),
                    }),
                    Some(cell) => cells.push(PlacedCell {
                        x: n_(x),
                        y: n_(y),
                        text_x: cx,
                        text_y: cy,
                        class: cell.class(),
                        text: cell.abbreviation(),
                        title: format!("{} about {}: {}", row.number, j + 1, cell.words()),
                        disputed: cell.disputed && cell.level.is_some(),
                    }),
                }
            }
        }
        let mut y = y0 + n as f64 * size + 22.0;
        let (keys, key_words, key_bottom) = key(&v.key, y);
        y = key_bottom;
        y += 20.0;
        let mut lines = Vec::new();
        let mut line = |text: String, y: &mut f64| {
            for part in wrap(&text, LINE_CHARS) {
                lines.push(PlacedText {
                    x: n_(20.0),
                    y: n_(*y),
                    text: part,
                });
                *y += 17.0;
            }
        };
        line(
            "Thick outline: the pair's answers are two levels or more apart.".to_owned(),
            &mut y,
        );
        for fact in &v.facts {
            line(format!("{}: {}", fact.label, fact.value), &mut y);
        }
        if let Some(perceived) = &v.perceived {
            line(perceived.clone(), &mut y);
        }
        (
            MatrixLayout {
                heading_y: n_(top + 16.0),
                note_y: n_(top + 32.0),
                size: n_(size),
                font: n_(font),
                header_font: n_((size * 0.55).min(font)),
                columns,
                rows,
                cells,
                selves,
                keys,
                key_words,
                lines,
            },
            y,
        )
    }
}

/// The most characters of small text a line of the chart holds.
const LINE_CHARS: usize = 96;

/// `text` in lines of at most `width` characters, broken between words.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split(' ') {
        if !current.is_empty() && current.chars().count() + 1 + word.chars().count() > width {
            lines.push(core::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

fn n_(x: f64) -> String {
    n(x)
}

#[derive(Template)]
#[template(path = "chart.svg", escape = "html")]
pub(crate) struct Chart {
    width: String,
    height: String,
    title: String,
    desc: String,
    heading: Fitted,
    subheading: String,
    rungs: Vec<PlacedRung>,
    sections: Vec<PlacedSection>,
    /// The thresholds of the facilitator sections, then of the obstacles.
    facilitator_lines: Vec<ScaleMark>,
    obstacle_lines: Vec<ScaleMark>,
    scale: Vec<ScaleMark>,
    scale_y: String,
    legend_y: String,
    legend: Vec<LegendKey>,
    whiskers: String,
    whiskers_y: String,
    matrix: Option<MatrixLayout>,
    seen: Option<SeenLayout>,
}

fn lines(thresholds: &[ThresholdMark; 2]) -> Vec<ScaleMark> {
    thresholds
        .iter()
        .map(|t| ScaleMark {
            x: n(FRAME.x(t.value)),
            label: t.label.clone(),
        })
        .collect()
}

/// Lays sections out from `y` down; returns the y below the last.
fn place(groups: &[BarGroup], mut y: f64) -> (Vec<PlacedSection>, f64) {
    let mut placed = Vec::new();
    for group in groups {
        let heading_y = y + 16.0;
        let top = y + 24.0;
        let mut row_y = top;
        let rows = group
            .bars
            .iter()
            .map(|bar| {
                let row = PlacedRow {
                    name_y: n(row_y + 13.0),
                    bar_y: n(row_y + 18.0),
                    name: bar.name,
                    bar_width: bar.mean.map(|m| n((FRAME.x(m) - FRAME.x0).max(2.0))),
                    earlier_x: bar.earlier.map(|m| n(FRAME.x(m))),
                    whisker: bar
                        .interval
                        .map(|i| (n(FRAME.x(i.lower)), n(FRAME.x(i.upper)))),
                    class: bar.band,
                    word_x: n(FRAME.x1 + 8.0),
                    word: bar.word.clone(),
                };
                row_y += FRAME.row;
                row
            })
            .collect();
        placed.push(PlacedSection {
            heading_y: n(heading_y),
            heading: group.heading.clone(),
            facilitators: group.facilitators,
            top: n(top),
            bottom: n(row_y),
            rows,
        });
        y = row_y + 6.0;
    }
    (placed, y)
}

fn ladder(rungs: &[view::Rung], y0: f64) -> Vec<PlacedRung> {
    rungs
        .iter()
        .enumerate()
        .map(|(i, rung)| {
            #[allow(clippy::cast_precision_loss, reason = "four rungs")]
            let y = y0 + i as f64 * 30.0;
            PlacedRung {
                y: n(y),
                text_y: n(y + 17.5),
                label: format!("{} {}", rung.level.number(), rung.level.name()),
                status: rung.status,
                class: rung.class,
            }
        })
        .collect()
}

const LADDER_Y: f64 = 70.0;
/// Below the ladder: where the scale's labels and the sections start.
const BELOW_LADDER: f64 = LADDER_Y + 4.0 * 30.0 + 18.0;

fn legend(keys: &[(&'static str, &'static str)], y0: f64) -> Vec<LegendKey> {
    let (mut x, mut y) = (20.0, y0);
    keys.iter()
        .map(|&(class, text)| {
            #[allow(clippy::cast_precision_loss, reason = "short labels")]
            let width = 24.0 + SMALL_CHAR * text.len() as f64 + 14.0;
            if x + width > FRAME.width - 20.0 {
                x = 20.0;
                y += 20.0;
            }
            let key = LegendKey {
                x: n(x),
                y: n(y),
                class,
                text,
            };
            x += width;
            key
        })
        .collect()
}

impl Chart {
    /// Lays a chart's view out, with the network's matrix below it when
    /// one is given.
    pub(crate) fn of(view: &ChartView, network: Option<&NetworkView>) -> Chart {
        let scale_y = BELOW_LADDER;
        let (sections, bottom) = place(&view.groups, scale_y + 8.0);
        let legend_y = bottom + 18.0;
        let legend = legend(&view.legend, legend_y + 24.0);
        let last = legend
            .last()
            .map_or(legend_y, |k| k.y.parse().unwrap_or(legend_y));
        let (matrix, seen, bottom) = match network {
            Some(v) if v.has_network => {
                let (matrix, bottom) = MatrixLayout::of(v, last + 30.0);
                (Some(matrix), None, bottom + 6.0)
            }
            Some(
                v @ NetworkView {
                    perceived: Some(sentence),
                    ..
                },
            ) => {
                let (seen, bottom) = SeenLayout::of(v, sentence, last + 30.0);
                (None, Some(seen), bottom + 6.0)
            }
            _ => (None, None, last + 24.0),
        };
        Chart {
            width: n(FRAME.width),
            height: n(bottom),
            title: view.title.clone(),
            desc: view.desc.clone(),
            heading: Fitted::new(&view.heading, HEADING_CHARS),
            subheading: view.subheading.clone(),
            rungs: ladder(&view.rungs, LADDER_Y),
            sections,
            facilitator_lines: lines(&view.facilitator_thresholds),
            obstacle_lines: lines(&view.obstacle_thresholds),
            scale: (1..=5)
                .map(|k| ScaleMark {
                    x: n(FRAME.x(f64::from(k))),
                    label: k.to_string(),
                })
                .collect(),
            scale_y: n(scale_y),
            legend_y: n(legend_y),
            legend,
            whiskers: view.whiskers.clone(),
            whiskers_y: n(legend_y + 14.0),
            matrix,
            seen,
        }
    }
}
