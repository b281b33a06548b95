//! A cohort: many partnerships analysed under one rubric, each towards its
//! own default target, summed up without naming any of them; and where one
//! partnership stands among its peers. The rules are in
//! [the guide to cohorts](crate::_documentation::cohort).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::analysis::item_record;
use crate::analysis::value::Means;
use crate::concepts::rated::{by_kind, entry};
use crate::foundation::exact::{Exact, Fraction};
use crate::foundation::keyed;
use crate::rubric::RubricSummary;
use crate::{
    Assessment, Band, Characteristic, Error, Facilitator, GapItem, Identifier, Level, Obstacle,
    PracticeTip, Rated, Rubric,
};

mod counts;

pub use counts::{BandCounts, LevelCounts};

/// The fewest partnerships a cohort report describes, and the fewest
/// ratings of an item for its distribution to be shown: a distribution of
/// fewer names its members.
pub const MIN_PARTNERSHIPS: usize = 5;

/// How many partnerships sit at each level.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CohortLevels {
    /// By the level whose arrangements are in place.
    pub structural: LevelCounts,
    /// By the level sustained.
    pub achieved: LevelCounts,
}

/// The spread of one item's partnership means across the cohort: a
/// facilitator ([`FacilitatorDistribution`]) or an obstacle
/// ([`ObstacleDistribution`]).
///
/// With the `rated` means sorted ascending, `v₁ … vₘ`, each quartile is
/// the mean of nearest rank: `q_p = v_⌈p·m⌉`. All five figures are `null`
/// when fewer than five partnerships rated the item.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schemars",
    schemars(
        rename = "{T}Distribution",
        bound = "T: Rated + schemars::JsonSchema, T::Band: schemars::JsonSchema",
        transform = |s: &mut schemars::Schema| keyed::describe::<T>(s, "The spread of one {kind}'s partnership means across the cohort, and how many partnerships are in each band.")
    )
)]
pub struct Distribution<T: Rated> {
    /// The item.
    #[serde(flatten, with = "keyed")]
    #[cfg_attr(feature = "schemars", schemars(schema_with = "keyed::schema::<T>"))]
    pub item: T,
    /// How many partnerships have a mean for it.
    pub rated: u32,
    /// The lowest mean; `null` when fewer than five partnerships rated it.
    pub min: Option<f64>,
    /// The lower quartile (nearest rank); `null` as `min` is.
    pub q1: Option<f64>,
    /// The median (nearest rank: the lower of the middle two); `null` as
    /// `min` is.
    pub median: Option<f64>,
    /// The upper quartile (nearest rank); `null` as `min` is.
    pub q3: Option<f64>,
    /// The highest mean; `null` as `min` is.
    pub max: Option<f64>,
    /// How many partnerships are in each band of the item's kind, `unknown`
    /// (no ratings) included.
    pub bands: BandCounts<T::Band>,
}

/// The spread of one facilitator's means across the cohort.
pub type FacilitatorDistribution = Distribution<Facilitator>;

/// The spread of one obstacle's means across the cohort.
pub type ObstacleDistribution = Distribution<Obstacle>;

item_record!(Distribution);

impl<T: Rated> Distribution<T> {
    /// The five figures, lowest first, when the distribution is shown.
    #[must_use]
    pub fn figures(&self) -> Option<[f64; 5]> {
        Some([self.min?, self.q1?, self.median?, self.q3?, self.max?])
    }
}

/// A gap item and how many partnerships have it in their gap towards their
/// own target.
///
/// In JSON: `{"facilitator": "leadership", "partnerships": 4}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct SharedGap {
    /// The missing characteristic, facilitator gap or active obstacle.
    #[serde(flatten)]
    pub item: GapItem,
    /// The partnerships whose gap report lists it.
    pub partnerships: u32,
}

/// A practice tip and how many partnerships it is recommended to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TipReach {
    /// The practice tip.
    pub tip: PracticeTip,
    /// The partnerships whose first recommendation it is.
    pub first: u32,
    /// The partnerships it is recommended to at all.
    pub recommended: u32,
}

/// Where the focus partnership stands on one item: a facilitator
/// ([`FacilitatorStanding`]) or an obstacle ([`ObstacleStanding`]).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schemars",
    schemars(
        rename = "{T}Standing",
        bound = "T: Rated + schemars::JsonSchema",
        transform = |s: &mut schemars::Schema| keyed::describe::<T>(s, "Where the focus partnership stands among the cohort on one {kind}.")
    )
)]
pub struct Standing<T: Rated> {
    /// The item.
    #[serde(flatten, with = "keyed")]
    #[cfg_attr(feature = "schemars", schemars(schema_with = "keyed::schema::<T>"))]
    pub item: T,
    /// The focus partnership's mean; `null` when no one rated it.
    pub mean: Option<f64>,
    /// How many of the cohort's means are below the focus's (0 without a
    /// mean).
    pub below: u32,
    /// How many of the cohort's means equal the focus's, the focus's own
    /// included when it is one of the cohort (0 without a mean).
    pub equal: u32,
    /// `100 · (below + equal / 2) / rated`; `null` without a mean, or when
    /// fewer than five partnerships rated the item.
    pub percentile: Option<f64>,
}

/// Where the focus stands on one facilitator.
pub type FacilitatorStanding = Standing<Facilitator>;

/// Where the focus stands on one obstacle.
pub type ObstacleStanding = Standing<Obstacle>;

item_record!(Standing);

/// Where one partnership, the focus, stands among the cohort.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Focus {
    /// The focus partnership's name: the one partnership a cohort report
    /// names.
    pub partnership: String,
    /// The level whose arrangements it has in place; `null` for none.
    pub structural_level: Option<Level>,
    /// The level it sustains; `null` for none.
    pub achieved_level: Option<Level>,
    /// Every facilitator, in catalogue order.
    #[serde(deserialize_with = "keyed::in_order_array")]
    pub facilitators: [FacilitatorStanding; Facilitator::COUNT],
    /// Every obstacle, in catalogue order.
    #[serde(deserialize_with = "keyed::in_order_array")]
    pub obstacles: [ObstacleStanding; Obstacle::COUNT],
}

by_kind!(Focus => [Standing<T>]);

/// Many partnerships, one round each, analysed under one rubric and summed
/// up: how many sit at each level, the spread of every facilitator and
/// obstacle, the gaps most of them share and the practice tips that would
/// reach the most. No partnership is named but the focus; no respondent
/// id appears.
///
/// Made by [`Cohort::report`].
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CohortReport {
    /// How many partnerships the cohort holds (five or more).
    pub partnerships: u32,
    /// The rubric every partnership was analysed with, with what a reader
    /// needs of it.
    pub rubric: RubricSummary,
    /// How many partnerships sit at each level.
    pub levels: CohortLevels,
    /// Every facilitator, in catalogue order.
    #[serde(deserialize_with = "keyed::in_order_array")]
    pub facilitators: [FacilitatorDistribution; Facilitator::COUNT],
    /// Every obstacle, in catalogue order.
    #[serde(deserialize_with = "keyed::in_order_array")]
    pub obstacles: [ObstacleDistribution; Obstacle::COUNT],
    /// Every gap item of at least one partnership (towards its own default
    /// target), by the number of partnerships descending, then
    /// characteristics, facilitators and obstacles, each in catalogue order.
    pub common_gaps: Vec<SharedGap>,
    /// Every practice tip recommended to at least one partnership, by
    /// `first` descending, then `recommended` descending, then catalogue
    /// order.
    pub top_tips: Vec<TipReach>,
    /// Where the focus partnership stands; absent without one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub focus: Option<Focus>,
}

by_kind!(CohortReport => [Distribution<T>]);

/// A cohort report read back is checked as it is read: one entry per
/// facilitator and obstacle in catalogue order, and figures that fit
/// together (see [`CohortReport::check`]).
impl<'de> Deserialize<'de> for CohortReport {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let report = UncheckedCohortReport::deserialize(deserializer)?;
        report.check().map_err(serde::de::Error::custom)?;
        Ok(report)
    }
}

/// The fields of a [`CohortReport`] as read, before the checks of its
/// `Deserialize`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, remote = "CohortReport", rename = "CohortReport")]
struct UncheckedCohortReport {
    partnerships: u32,
    rubric: RubricSummary,
    levels: CohortLevels,
    #[serde(deserialize_with = "keyed::in_order_array")]
    facilitators: [FacilitatorDistribution; Facilitator::COUNT],
    #[serde(deserialize_with = "keyed::in_order_array")]
    obstacles: [ObstacleDistribution; Obstacle::COUNT],
    common_gaps: Vec<SharedGap>,
    top_tips: Vec<TipReach>,
    #[serde(default)]
    focus: Option<Focus>,
}

impl CohortReport {
    /// One item's distribution.
    #[must_use]
    pub fn distribution<T: Rated>(&self, item: T) -> &Distribution<T> {
        entry(T::of(self), item)
    }

    /// Whether the report's figures fit together, as every report the
    /// crate makes does: five partnerships or more; levels and bands that
    /// count every partnership; a distribution shown exactly when five or
    /// more rated the item, its figures in order; gaps and tips counted
    /// within the cohort, listed once each in the report's order; and a
    /// focus whose counts are within the cohort's.
    ///
    /// # Errors
    ///
    /// A message naming the first field that does not fit.
    pub fn check(&self) -> Result<(), String> {
        let n = self.partnerships;
        if (n as usize) < MIN_PARTNERSHIPS {
            return Err(format!(
                "partnerships: {n}; a cohort report describes at least {MIN_PARTNERSHIPS} partnerships"
            ));
        }
        for (name, counts) in [
            ("structural", &self.levels.structural),
            ("achieved", &self.levels.achieved),
        ] {
            if counts.total() != u64::from(n) {
                return Err(format!(
                    "levels.{name}: the counts add up to {}, not the {n} partnerships",
                    counts.total()
                ));
            }
        }
        check_distributions::<Facilitator>(self)?;
        check_distributions::<Obstacle>(self)?;
        let gaps: Vec<(u32, GapItem)> = self
            .common_gaps
            .iter()
            .map(|g| (g.partnerships, g.item))
            .collect();
        check_ranked("common_gaps", &gaps, n, |&(count, item)| {
            (core::cmp::Reverse(count), gap_rank(item))
        })?;
        let tips: Vec<(u32, u32, PracticeTip)> = self
            .top_tips
            .iter()
            .map(|t| (t.recommended, t.first, t.tip))
            .collect();
        check_ranked("top_tips", &tips, n, |&(recommended, first, tip)| {
            (
                core::cmp::Reverse(first),
                core::cmp::Reverse(recommended),
                tip.index(),
            )
        })?;
        if let Some((i, t)) = self
            .top_tips
            .iter()
            .enumerate()
            .find(|(_, t)| t.first > t.recommended)
        {
            return Err(format!(
                "top_tips[{i}]: tip {:?} is first for {} partnerships but recommended to {}",
                t.tip.id(),
                t.first,
                t.recommended
            ));
        }
        let firsts: u64 = self.top_tips.iter().map(|t| u64::from(t.first)).sum();
        if firsts > u64::from(n) {
            return Err(format!(
                "top_tips: {firsts} first recommendations for {n} partnerships; each \
                 partnership has at most one"
            ));
        }
        if let Some(focus) = &self.focus {
            check_focus::<Facilitator>(self, focus)?;
            check_focus::<Obstacle>(self, focus)?;
        }
        Ok(())
    }
}

/// Where a gap item sorts among items listed by as many partnerships.
fn gap_rank(item: GapItem) -> (u8, usize) {
    match item {
        GapItem::Characteristic(c) => (0, c.index()),
        GapItem::Facilitator(f) => (1, f.index()),
        GapItem::Obstacle(o) => (2, o.index()),
    }
}

/// Checks a ranked list: each count (the first of each entry) from 1 to
/// `n`, the entries strictly in the order of `key` (which also makes each
/// listed once).
fn check_ranked<E: Copy + HasCount, K: Ord>(
    field: &str,
    entries: &[E],
    n: u32,
    key: impl Fn(&E) -> K,
) -> Result<(), String> {
    for (i, e) in entries.iter().enumerate() {
        let count = e.count();
        if count == 0 || count > n {
            return Err(format!(
                "{field}[{i}]: {count} partnerships; a listed entry counts from 1 to the {n} partnerships"
            ));
        }
    }
    for (i, pair) in entries.windows(2).enumerate() {
        if let [a, b] = pair
            && key(a) >= key(b)
        {
            return Err(format!(
                "{field}[{}]: out of order, or listed twice; the list is in the report's order",
                i + 1
            ));
        }
    }
    let mut items: Vec<(u8, usize)> = entries.iter().map(HasCount::item).collect();
    items.sort_unstable();
    if items.windows(2).any(|w| matches!(w, [a, b] if a == b)) {
        return Err(format!("{field}: an entry is listed twice"));
    }
    Ok(())
}

/// A ranked entry: its count, checked against the cohort's size, and the
/// item it counts, listed once.
trait HasCount {
    fn count(&self) -> u32;
    fn item(&self) -> (u8, usize);
}

impl HasCount for (u32, GapItem) {
    fn count(&self) -> u32 {
        self.0
    }
    fn item(&self) -> (u8, usize) {
        gap_rank(self.1)
    }
}

impl HasCount for (u32, u32, PracticeTip) {
    fn count(&self) -> u32 {
        self.0
    }
    fn item(&self) -> (u8, usize) {
        (0, self.2.index())
    }
}

fn check_distributions<T: Rated>(report: &CohortReport) -> Result<(), String> {
    let n = report.partnerships;
    for d in T::of(report) {
        let at = || format!("{}.{}", T::PLURAL, d.item.id());
        let bands = d.bands.total();
        if bands != u64::from(n) {
            return Err(format!(
                "{}.bands: the counts add up to {bands}, not the {n} partnerships",
                at()
            ));
        }
        if u64::from(d.rated) + u64::from(d.bands.get(T::Band::UNKNOWN)) != u64::from(n) {
            return Err(format!(
                "{}.rated: {} partnerships rated it and {} did not, which is not the {n} partnerships",
                at(),
                d.rated,
                d.bands.get(T::Band::UNKNOWN)
            ));
        }
        let figures = [d.min, d.q1, d.median, d.q3, d.max];
        let shown = (d.rated as usize) >= MIN_PARTNERSHIPS;
        match d.figures() {
            Some(f) if shown => {
                if f.windows(2).any(|w| matches!(w, [a, b] if a > b))
                    || f.iter().any(|x| !(1.0..=5.0).contains(x))
                {
                    return Err(format!(
                        "{}: min, q1, median, q3 and max are means from 1 to 5, in that order",
                        at()
                    ));
                }
            }
            None if !shown && figures.iter().all(Option::is_none) => {}
            _ => {
                return Err(format!(
                    "{}: min, q1, median, q3 and max are all given when {MIN_PARTNERSHIPS} \
                     partnerships or more rated it, and all null otherwise ({} did)",
                    at(),
                    d.rated
                ));
            }
        }
    }
    Ok(())
}

fn check_focus<T: Rated>(report: &CohortReport, focus: &Focus) -> Result<(), String> {
    for s in T::of(focus) {
        let at = || format!("focus.{}.{}", T::PLURAL, s.item.id());
        let rated = report.distribution(s.item).rated;
        let counted = u64::from(s.below) + u64::from(s.equal);
        let fits = match s.mean {
            None => counted == 0 && s.percentile.is_none(),
            Some(_) => {
                counted <= u64::from(rated) && s.percentile == percentile(s.below, s.equal, rated)
            }
        };
        if !fits {
            return Err(format!(
                "{}: below {} and equal {} of {rated} rated, percentile {:?}: below and equal \
                 count the cohort's means (0 without a mean), and the percentile is \
                 100 · (below + equal / 2) / rated when {MIN_PARTNERSHIPS} or more rated it",
                at(),
                s.below,
                s.equal,
                s.percentile
            ));
        }
    }
    Ok(())
}

/// `100 · (below + equal / 2) / rated`, exactly, as the nearest `f64`;
/// `None` when fewer than five rated.
fn percentile(below: u32, equal: u32, rated: u32) -> Option<f64> {
    ((rated as usize) >= MIN_PARTNERSHIPS).then(|| {
        let num = 200 * i128::from(below) + 100 * i128::from(equal);
        Exact::from(Fraction::new(num, 2 * i128::from(rated))).to_f64()
    })
}

/// One item's means across the cohort, exactly and as written, and the
/// count in each band.
#[derive(Clone, Debug, Default)]
struct Spread {
    means: Vec<(Exact, f64)>,
    bands: [u32; 4],
}

/// Every item's spread.
#[derive(Clone, Debug)]
struct Spreads {
    facilitators: [Spread; Facilitator::COUNT],
    obstacles: [Spread; Obstacle::COUNT],
}

by_kind!(Spreads => [Spread]);

/// A cohort being read: partnerships are added one at a time and analysed
/// at once, under the cohort's rubric, each towards its own default target;
/// what is kept of each is a constant (its name, where it came from, its
/// mean of every item), never its responses. [`Cohort::report`] sums them
/// up.
///
/// ```
/// use interagency::{Assessment, Cohort};
///
/// let mut cohort = Cohort::new();
/// for (i, rating) in [2, 3, 3, 4, 5].into_iter().enumerate() {
///     let assessment = Assessment::from_json(&format!(r#"{{
///       "partnership": "Partnership {i}", "characteristics": ["consistent_goals", "complementary_services"],
///       "agencies": [{{"id": "a", "name": "A"}}, {{"id": "b", "name": "B"}}],
///       "responses": [{{"respondent": "1", "agency": "a", "role": "manager",
///                       "facilitators": {{"good_communication": {rating}}}}}]}}"#))?;
///     cohort.add(&assessment, &format!("p{i}.json"))?;
/// }
/// let report = cohort.report(None)?;
/// assert_eq!(report.partnerships, 5);
/// let communication = report.distribution(interagency::Facilitator::GoodCommunication);
/// assert_eq!(communication.figures(), Some([2.0, 3.0, 3.0, 4.0, 5.0]));
/// # Ok::<(), interagency::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Cohort {
    rubric: Rubric,
    /// Each partnership's name, and where it came from.
    members: HashMap<String, String>,
    structural: LevelCounts,
    achieved: LevelCounts,
    spreads: Spreads,
    characteristic_gaps: [u32; Characteristic::COUNT],
    facilitator_gaps: [u32; Facilitator::COUNT],
    obstacle_gaps: [u32; Obstacle::COUNT],
    tips_first: [u32; PracticeTip::COUNT],
    tips_recommended: [u32; PracticeTip::COUNT],
}

impl Default for Cohort {
    fn default() -> Self {
        Cohort::new()
    }
}

impl Cohort {
    /// An empty cohort, analysed with the default rubric;
    /// [`Rubric::cohort`] uses another.
    #[must_use]
    pub fn new() -> Cohort {
        Rubric::DEFAULT.cohort()
    }

    /// How many partnerships have been added.
    #[must_use]
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Whether no partnership has been added.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// Adds one partnership's assessment, analysed at once with the
    /// cohort's rubric towards the level after the one it achieves; only
    /// its name, `source` (where it came from: a file name, to name in
    /// errors) and its figures are kept.
    ///
    /// # Errors
    ///
    /// [`Error::DuplicatePartnership`] if a partnership of the same name
    /// was added before (a cohort takes one round of each), naming both
    /// sources; the cohort is left as it was.
    pub fn add(&mut self, assessment: &Assessment, source: &str) -> Result<(), Error> {
        let name = assessment.partnership();
        if let Some(first) = self.members.get(name) {
            return Err(Error::DuplicatePartnership {
                partnership: name.to_owned(),
                first: first.clone(),
                second: source.to_owned(),
            });
        }
        let (report, means) = self.rubric.gap_analysis_exact(assessment, None);
        let c = &report.classification;
        self.structural.add(c.structural_level);
        self.achieved.add(c.achieved_level);
        keep::<Facilitator>(&mut self.spreads, c, &means);
        keep::<Obstacle>(&mut self.spreads, c, &means);
        for m in &report.missing_characteristics {
            bump(&mut self.characteristic_gaps, m.characteristic.index());
        }
        for g in &report.facilitator_gaps {
            bump(&mut self.facilitator_gaps, g.facilitator.index());
        }
        for o in &report.active_obstacles {
            bump(&mut self.obstacle_gaps, o.obstacle.index());
        }
        if let Some(first) = report.recommendations.first() {
            bump(&mut self.tips_first, first.tip.index());
        }
        for r in &report.recommendations {
            bump(&mut self.tips_recommended, r.tip.index());
        }
        self.members.insert(name.to_owned(), source.to_owned());
        Ok(())
    }

    /// The cohort report, with where `focus` stands when one is given (it
    /// is analysed with the cohort's rubric; when it is one of the cohort,
    /// its own means are among those it is compared with).
    ///
    /// # Errors
    ///
    /// [`Error::CohortTooSmall`] with fewer than five partnerships.
    pub fn report(&self, focus: Option<&Assessment>) -> Result<CohortReport, Error> {
        let n = self.len();
        if n < MIN_PARTNERSHIPS {
            return Err(Error::CohortTooSmall { partnerships: n });
        }
        // The means in order, in a copy: the cohort may take more
        // partnerships after a report.
        let mut spreads = self.spreads.clone();
        for spread in spreads
            .facilitators
            .iter_mut()
            .chain(&mut spreads.obstacles)
        {
            // Rounding to the nearest f64 keeps the order, so the written
            // means decide all but their ties, which the exact ones break.
            spread
                .means
                .sort_by(|a, b| a.1.total_cmp(&b.1).then_with(|| a.0.cmp_exact(&b.0)));
        }
        let focus = focus.map(|a| {
            let (c, means) = self.rubric.classify_exact(a);
            Focus {
                partnership: a.partnership().to_owned(),
                structural_level: c.structural_level,
                achieved_level: c.achieved_level,
                facilitators: standings(Facilitator::ALL, &spreads, &c, &means),
                obstacles: standings(Obstacle::ALL, &spreads, &c, &means),
            }
        });
        Ok(CohortReport {
            partnerships: count(n),
            rubric: self.rubric.summary(),
            levels: CohortLevels {
                structural: self.structural,
                achieved: self.achieved,
            },
            facilitators: distributions(Facilitator::ALL, &spreads),
            obstacles: distributions(Obstacle::ALL, &spreads),
            common_gaps: self.common_gaps(),
            top_tips: self.top_tips(),
            focus,
        })
    }

    fn common_gaps(&self) -> Vec<SharedGap> {
        let characteristics = Characteristic::iter()
            .zip(self.characteristic_gaps)
            .map(|(c, n)| (GapItem::Characteristic(c), n));
        let facilitators = Facilitator::iter()
            .zip(self.facilitator_gaps)
            .map(|(f, n)| (GapItem::Facilitator(f), n));
        let obstacles = Obstacle::iter()
            .zip(self.obstacle_gaps)
            .map(|(o, n)| (GapItem::Obstacle(o), n));
        let mut gaps: Vec<SharedGap> = characteristics
            .chain(facilitators)
            .chain(obstacles)
            .filter(|&(_, n)| n > 0)
            .map(|(item, partnerships)| SharedGap { item, partnerships })
            .collect();
        // Stable: ties keep the order above.
        gaps.sort_by_key(|g| core::cmp::Reverse(g.partnerships));
        gaps
    }

    fn top_tips(&self) -> Vec<TipReach> {
        let mut tips: Vec<TipReach> = PracticeTip::iter()
            .zip(self.tips_first.into_iter().zip(self.tips_recommended))
            .filter(|&(_, (_, recommended))| recommended > 0)
            .map(|(tip, (first, recommended))| TipReach {
                tip,
                first,
                recommended,
            })
            .collect();
        // Stable: ties keep catalogue order.
        tips.sort_by_key(|t| {
            (
                core::cmp::Reverse(t.first),
                core::cmp::Reverse(t.recommended),
            )
        });
        tips
    }
}

impl Rubric {
    /// An empty cohort analysed with this rubric; [`Cohort::new`] uses the
    /// default rubric.
    #[must_use]
    pub fn cohort(&self) -> Cohort {
        Cohort {
            rubric: self.clone(),
            members: HashMap::new(),
            structural: LevelCounts::default(),
            achieved: LevelCounts::default(),
            spreads: Spreads {
                facilitators: core::array::from_fn(|_| Spread::default()),
                obstacles: core::array::from_fn(|_| Spread::default()),
            },
            characteristic_gaps: [0; Characteristic::COUNT],
            facilitator_gaps: [0; Facilitator::COUNT],
            obstacle_gaps: [0; Obstacle::COUNT],
            tips_first: [0; PracticeTip::COUNT],
            tips_recommended: [0; PracticeTip::COUNT],
        }
    }
}

/// Adds one to the count at `index`.
fn bump(counts: &mut [u32], index: usize) {
    if let Some(slot) = counts.get_mut(index) {
        *slot = slot.saturating_add(1);
    }
}

/// A count as written (a cohort of four billion partnerships is not read).
fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Keeps one partnership's exact mean and band of every item of a kind.
fn keep<T: Rated>(spreads: &mut Spreads, c: &crate::Classification, means: &Means<'_>) {
    for (spread, result) in T::of_mut(spreads).iter_mut().zip(c.results::<T>()) {
        if let (Some(exact), Some(written)) = (means.exact(result.item), result.mean) {
            spread.means.push((exact, written));
        }
        let slot = T::Band::BY_MEAN
            .iter()
            .position(|&b| b == result.band)
            .unwrap_or(T::Band::BY_MEAN.len());
        bump(&mut spread.bands, slot);
    }
}

/// Every item's distribution, from the sorted means.
fn distributions<T: Rated, const N: usize>(
    items: [T; N],
    spreads: &Spreads,
) -> [Distribution<T>; N] {
    items.map(|item| {
        let spread = entry(T::of(spreads), item);
        let means = &spread.means;
        let m = means.len();
        // The value of rank ⌈p·m⌉ (from 1; rank 0 is the first), p = num/den;
        // none when fewer than five rated.
        let figure = |num: usize, den: usize| {
            let rank = (num * m).div_ceil(den);
            (m >= MIN_PARTNERSHIPS)
                .then(|| means.get(rank.saturating_sub(1)).map(|&(_, x)| x))
                .flatten()
        };
        Distribution {
            item,
            rated: count(m),
            min: figure(0, 1),
            q1: figure(1, 4),
            median: figure(1, 2),
            q3: figure(3, 4),
            max: figure(1, 1),
            bands: BandCounts::from_slots(spread.bands),
        }
    })
}

/// Where the focus stands on every item of a kind.
fn standings<T: Rated, const N: usize>(
    items: [T; N],
    spreads: &Spreads,
    c: &crate::Classification,
    means: &Means<'_>,
) -> [Standing<T>; N] {
    items.map(|item| {
        let cohort = &entry(T::of(spreads), item).means;
        let rated = count(cohort.len());
        match means.exact(item).zip(c.result(item).mean) {
            None => Standing {
                item,
                mean: None,
                below: 0,
                equal: 0,
                percentile: None,
            },
            Some((mean, written)) => {
                let below = cohort.partition_point(|(x, _)| x.cmp_exact(&mean).is_lt());
                let up_to = cohort.partition_point(|(x, _)| x.cmp_exact(&mean).is_le());
                let (below, equal) = (count(below), count(up_to.saturating_sub(below)));
                Standing {
                    item,
                    mean: Some(written),
                    below,
                    equal,
                    percentile: percentile(below, equal, rated),
                }
            }
        }
    })
}
