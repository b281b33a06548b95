//! How sure each figure is: the spread of an item's ratings, how far its
//! respondents agree, the confidence interval of its mean and the bands
//! that interval reaches ([the method](crate::_documentation::method#how-sure-each-figure-is)).
//!
//! Every figure comes from the per-agency sums, counts and sums of squares
//! kept when an assessment is built, so that none walks the responses and
//! none allocates. Decisions (an agreement level, a spread of zero) are
//! taken on exact integers; the numbers written are within 1e-9 (spreads,
//! correlations) or 1e-6 (intervals) of their exact values.

use core::fmt;
use core::marker::PhantomData;
use std::sync::Mutex;

use serde::de::{SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::foundation::exact::{Exact, Fraction};
use crate::foundation::id::id_enum;
use crate::input::tally::{AgencyTally, Sum};
use crate::rubric::Thresholds;
use crate::{Band, Level, Rated};

id_enum! {
    /// How far the respondents agree on an item: its `r_wg` (James, Demaree
    /// & Wolf 1984) read with this crate's cut-offs, after LeBreton &
    /// Senter's (2008) bands.
    ///
    /// ```
    /// use interagency::report::AgreementLevel;
    ///
    /// assert_eq!(AgreementLevel::of(Some(0.95)), AgreementLevel::VeryStrong);
    /// assert_eq!(AgreementLevel::of(Some(0.9)), AgreementLevel::Strong);
    /// assert_eq!(AgreementLevel::of(None), AgreementLevel::Unknown);
    /// ```
    pub enum AgreementLevel: "agreement level" {
        /// `r_wg` above 0.9.
        VeryStrong,
        /// `r_wg` above 0.7, at most 0.9.
        Strong,
        /// `r_wg` above 0.5, at most 0.7.
        Moderate,
        /// `r_wg` above 0.3, at most 0.5.
        Weak,
        /// `r_wg` at most 0.3.
        Lacking,
        /// No agreement figure: fewer than two ratings, or groups too small
        /// to show.
        Unknown,
    }
}

/// The lowest `r_wg` of each level above `lacking` (exclusive), as tenths.
const CUT_OFFS: [(i128, AgreementLevel); 4] = [
    (9, AgreementLevel::VeryStrong),
    (7, AgreementLevel::Strong),
    (5, AgreementLevel::Moderate),
    (3, AgreementLevel::Weak),
];

impl AgreementLevel {
    /// The level of an agreement figure as written (`None`: `unknown`).
    /// The analyses decide it on the exact fraction, which the written
    /// `f64` never moves across a cut-off.
    #[must_use]
    pub fn of(agreement: Option<f64>) -> AgreementLevel {
        agreement.map_or(AgreementLevel::Unknown, |r| {
            CUT_OFFS
                .iter()
                .find(|&&(tenths, _)| r > Exact::from(Fraction::new(tenths, 10)).to_f64())
                .map_or(AgreementLevel::Lacking, |&(_, level)| level)
        })
    }

    /// The level of the exact agreement `num / den` (`den > 0`).
    fn of_fraction(num: i128, den: i128) -> AgreementLevel {
        CUT_OFFS
            .iter()
            .find(|&&(tenths, _)| num.saturating_mul(10) > den.saturating_mul(tenths))
            .map_or(AgreementLevel::Lacking, |&(_, level)| level)
    }
}

/// A confidence interval: `{"lower": 2.1, "upper": 4.3}`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Interval {
    /// The lower end.
    pub lower: f64,
    /// The upper end.
    pub upper: f64,
}

impl Interval {
    /// Whether the interval holds `x`.
    #[must_use]
    pub fn contains(self, x: f64) -> bool {
        self.lower <= x && x <= self.upper
    }
}

/// The lowest and highest achieved level the intervals of the facilitators
/// allow: `{"lowest": "cooperation", "highest": "coordination"}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LevelRange {
    /// The achieved level with each facilitator in the lowest band its
    /// interval reaches; `null` when that sustains no level.
    pub lowest: Option<Level>,
    /// The achieved level with each facilitator in the highest band its
    /// interval reaches; `null` when that sustains no level.
    pub highest: Option<Level>,
}

/// The bands an item's interval reaches, a set of at most three bands of
/// one kind, written lowest first: `["concern", "borderline"]` for a
/// facilitator, `["minor", "moderate"]` for an obstacle. It is `Copy` and
/// never allocates.
///
/// ```
/// use interagency::{FacilitatorBand, report::PlausibleBands};
///
/// let bands: PlausibleBands<FacilitatorBand> =
///     serde_json::from_str(r#"["concern", "borderline"]"#)?;
/// assert!(bands.contains(FacilitatorBand::Borderline));
/// assert_eq!(bands.lowest(), Some(FacilitatorBand::Concern));
/// assert_eq!(bands.highest(), Some(FacilitatorBand::Borderline));
/// # Ok::<(), serde_json::Error>(())
/// ```
pub struct PlausibleBands<B> {
    /// Bit `i` for the band at position `i` of `B::BY_MEAN`.
    bits: u8,
    marker: PhantomData<B>,
}

impl<B> Clone for PlausibleBands<B> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<B> Copy for PlausibleBands<B> {}

impl<B> PartialEq for PlausibleBands<B> {
    fn eq(&self, other: &Self) -> bool {
        self.bits == other.bits
    }
}

impl<B> Eq for PlausibleBands<B> {}

impl<B: Band> fmt::Debug for PlausibleBands<B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<B: Band> Default for PlausibleBands<B> {
    fn default() -> Self {
        Self::from_bits(0)
    }
}

impl<B: Band> PlausibleBands<B> {
    const fn from_bits(bits: u8) -> Self {
        Self {
            bits,
            marker: PhantomData,
        }
    }

    /// The position of a band in `B::BY_MEAN` (none for `unknown`).
    fn position(band: B) -> Option<usize> {
        B::BY_MEAN.iter().position(|&b| b == band)
    }

    /// The set with `band` too (no change for the unknown band).
    #[must_use]
    pub fn with(self, band: B) -> Self {
        Self::position(band).map_or(self, |i| Self::from_bits(self.bits | 1 << i))
    }

    /// Whether the set holds `band`.
    #[must_use]
    pub fn contains(self, band: B) -> bool {
        Self::position(band).is_some_and(|i| self.bits & 1 << i != 0)
    }

    /// Whether the set is empty (an item nobody rated).
    #[must_use]
    pub fn is_empty(self) -> bool {
        self.bits == 0
    }

    /// The bands, lowest first (the range below the lower threshold first).
    pub fn iter(self) -> impl DoubleEndedIterator<Item = B> {
        B::BY_MEAN
            .into_iter()
            .rev()
            .filter(move |&b| self.contains(b))
    }

    /// The lowest band of the set.
    #[must_use]
    pub fn lowest(self) -> Option<B> {
        self.iter().next()
    }

    /// The highest band of the set.
    #[must_use]
    pub fn highest(self) -> Option<B> {
        self.iter().next_back()
    }

    /// The bands an interval reaches, with the band of the mean, for
    /// `thresholds`; every band for a mean without an interval, none
    /// without a mean.
    pub(crate) fn reached(
        band: B,
        interval: Option<Interval>,
        thresholds: Thresholds,
    ) -> PlausibleBands<B> {
        if band.rank().is_none() {
            return Self::default();
        }
        let Some(Interval { lower, upper }) = interval else {
            return Self::from_bits(0b111);
        };
        let [top, middle, bottom] = B::BY_MEAN;
        let mut set = Self::default().with(band);
        if lower < thresholds.lower {
            set = set.with(bottom);
        }
        if lower < thresholds.upper && upper >= thresholds.lower {
            set = set.with(middle);
        }
        if upper >= thresholds.upper {
            set = set.with(top);
        }
        set
    }
}

impl<B: Band> Serialize for PlausibleBands<B> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de, B: Band> Deserialize<'de> for PlausibleBands<B> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct BandsVisitor<B>(PhantomData<B>);
        impl<'de, B: Band> Visitor<'de> for BandsVisitor<B> {
            type Value = PlausibleBands<B>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of bands, lowest first, each at most once")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut set = PlausibleBands::default();
                let mut last = None;
                while let Some(band) = seq.next_element::<B>()? {
                    let Some(i) = PlausibleBands::position(band) else {
                        return Err(serde::de::Error::custom(format_args!(
                            "{} is not a band a mean falls in",
                            band.id()
                        )));
                    };
                    // Lowest first: positions in `BY_MEAN` fall.
                    if last.is_some_and(|l| i >= l) {
                        return Err(serde::de::Error::custom(format_args!(
                            "band {} out of order or repeated: bands are listed lowest first",
                            band.id()
                        )));
                    }
                    last = Some(i);
                    set = set.with(band);
                }
                Ok(set)
            }
        }
        deserializer.deserialize_seq(BandsVisitor(PhantomData))
    }
}

#[cfg(feature = "schemars")]
impl<B: Band + schemars::JsonSchema> schemars::JsonSchema for PlausibleBands<B> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("Plausible{}s", B::schema_name()).into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let band = generator.subschema_for::<B>().to_value();
        schemars::json_schema!({
            "description": "The bands the interval reaches, lowest first, each at most once \
                            (never `unknown`); empty when nobody rated the item.",
            "type": "array",
            "items": band,
            "maxItems": 3,
            "uniqueItems": true,
        })
    }
}

/// The exact agreement of a group's ratings, `r_wg` = 1 − s²/2 clamped at
/// 0, as `num / den` (`den > 0`); `None` for fewer than two ratings.
pub(crate) fn agreement_fraction(sum: Sum) -> Option<(i128, i128)> {
    let (num, den) = variance(sum)?;
    // 1 − num / (2 den) = (2 den − num) / (2 den).
    let den = den * 2;
    Some(((den - num).max(0), den))
}

/// The sample variance of a group's ratings as `num / den` (`den > 0`):
/// (N·Σx² − (Σx)²) / (N(N − 1)); `None` for fewer than two ratings.
fn variance(sum: Sum) -> Option<(i128, i128)> {
    let n = i128::from(sum.count);
    if n < 2 {
        return None;
    }
    let total = i128::from(sum.total);
    Some((n * i128::from(sum.squares) - total * total, n * (n - 1)))
}

/// The spread and agreement of one group of ratings: `sd`, `agreement`
/// (as written) and the agreement's level.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Agreement {
    pub(crate) sd: Option<f64>,
    pub(crate) r_wg: Option<f64>,
    pub(crate) level: AgreementLevel,
}

impl Agreement {
    /// Nothing to publish: fewer than two ratings, or a hidden group.
    pub(crate) const NONE: Agreement = Agreement {
        sd: None,
        r_wg: None,
        level: AgreementLevel::Unknown,
    };

    /// The spread and agreement of a group's ratings.
    pub(crate) fn of(sum: Sum) -> Agreement {
        let (Some((num, den)), Some((a_num, a_den))) = (variance(sum), agreement_fraction(sum))
        else {
            return Agreement::NONE;
        };
        Agreement {
            sd: Some(ratio(num, den).sqrt()),
            r_wg: Some(Exact::from(Fraction::new(a_num, a_den)).to_f64()),
            level: AgreementLevel::of_fraction(a_num, a_den),
        }
    }
}

/// `num / den` in `f64`, to within a few units in the last place.
#[allow(
    clippy::cast_precision_loss,
    reason = "a relative error of 2^-52 on each part, far inside the 1e-9 allowed"
)]
fn ratio(num: i128, den: i128) -> f64 {
    // From 64-bit integers the conversion is one instruction, from 128-bit
    // ones a library call; both round to the nearest `f64`.
    match (i64::try_from(num), i64::try_from(den)) {
        (Ok(num), Ok(den)) => num as f64 / den as f64,
        _ => num as f64 / den as f64,
    }
}

/// `n` in `f64` (counts of ratings, far below 2^53).
#[allow(clippy::cast_precision_loss, reason = "counts far below 2^53")]
fn float(n: u64) -> f64 {
    n as f64
}

/// One agency's part of an item: its sum, count and sum of squares.
fn parts<T: Rated>(tallies: &[AgencyTally], item: T) -> impl Iterator<Item = Sum> + '_ {
    tallies
        .iter()
        .map(move |t| t.of(item))
        .filter(|s| s.count > 0)
}

/// All of an item's ratings, every agency pooled.
pub(crate) fn pooled<T: Rated>(tallies: &[AgencyTally], item: T) -> Sum {
    parts(tallies, item).fold(Sum::default(), Sum::plus)
}

/// The spread within agencies, `Σ_a (n_a Σx² − (Σx)²) / n_a`, and whether
/// it is exactly zero (every agency's ratings alike).
fn within(sum: Sum) -> (f64, bool) {
    let n = i128::from(sum.count);
    let total = i128::from(sum.total);
    let num = n * i128::from(sum.squares) - total * total;
    (ratio(num, n.max(1)), num == 0)
}

/// The standard error of an item's agency-balanced mean and its degrees of
/// freedom: `df = N − G`, `SE = sqrt(SSW / df · Σ 1/n_a) / G`, the agencies
/// fixed and each agency's respondents a sample of its staff.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Uncertainty {
    pub(crate) se: f64,
    pub(crate) df: f64,
}

impl Uncertainty {
    /// The uncertainty of `item`'s mean; `None` when no agency gave two
    /// ratings (df < 1).
    pub(crate) fn of<T: Rated>(tallies: &[AgencyTally], item: T) -> Option<Uncertainty> {
        let (mut n, mut g, mut ssw, mut zero, mut inverse) = (0u64, 0u64, 0.0, true, 0.0);
        for sum in parts(tallies, item) {
            let (part, none) = within(sum);
            n += u64::from(sum.count);
            g += 1;
            ssw += part;
            zero &= none;
            inverse += 1.0 / f64::from(sum.count);
        }
        let df = n.checked_sub(g).filter(|&df| df >= 1)?;
        let se = if zero {
            0.0
        } else {
            (ssw / float(df) * inverse).sqrt() / float(g)
        };
        Some(Uncertainty { se, df: float(df) })
    }

    /// The half-width of the interval: t(1 − (1 − c)/2; df) · SE, zero
    /// when SE is.
    pub(crate) fn half_width(self, quantiles: Quantiles) -> f64 {
        if self.se == 0.0 {
            0.0
        } else {
            quantiles.t(self.df) * self.se
        }
    }

    /// The interval around `mean`, within `[low, high]`.
    pub(crate) fn around(self, mean: f64, quantiles: Quantiles, low: f64, high: f64) -> Interval {
        let h = self.half_width(quantiles);
        Interval {
            lower: (mean - h).max(low),
            upper: (mean + h).min(high),
        }
    }

    /// The uncertainty of the difference of two means (Welch–Satterthwaite):
    /// `SE_d = sqrt(SE_e² + SE_l²)`, `df_d = SE_d⁴ / Σ SE⁴/df`, a round with
    /// SE = 0 adding nothing to the sum.
    pub(crate) fn difference(earlier: Uncertainty, later: Uncertainty) -> Uncertainty {
        let (e, l) = (earlier.se * earlier.se, later.se * later.se);
        let variance = e + l;
        if variance == 0.0 {
            return Uncertainty { se: 0.0, df: 1.0 };
        }
        let part = |v: f64, df: f64| if v == 0.0 { 0.0 } else { v * v / df };
        Uncertainty {
            se: variance.sqrt(),
            df: variance * variance / (part(e, earlier.df) + part(l, later.df)),
        }
    }
}

/// The Student t quantiles of one confidence.
#[derive(Clone, Copy)]
pub(crate) struct Quantiles {
    p: f64,
}

impl Quantiles {
    /// The quantiles of two-sided intervals at `confidence`.
    pub(crate) fn new(confidence: f64) -> Quantiles {
        Quantiles {
            p: 1.0 - (1.0 - confidence) / 2.0,
        }
    }

    /// `t(1 − (1 − c)/2; df)`, from the table of those already computed
    /// when it is there.
    pub(crate) fn t(self, df: f64) -> f64 {
        let key = (self.p.to_bits(), df.to_bits());
        // A slot chosen by a multiplicative hash of the key.
        let hash = (key.0.rotate_left(29) ^ key.1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let slot = usize::try_from(hash >> (64 - KNOWN_BITS)).unwrap_or(0);
        if let Ok(known) = KNOWN.lock()
            && let Some(&(p, df, t)) = known.get(slot)
            && (p, df) == key
        {
            return t;
        }
        let t = t_quantile(self.p, df);
        if let Ok(mut known) = KNOWN.lock()
            && let Some(entry) = known.get_mut(slot)
        {
            *entry = (key.0, key.1, t);
        }
        t
    }
}

/// The quantiles computed so far in this process, by the bits of `p` and
/// `df`, one in each of 256 slots (6 KiB): a quantile costs some
/// microseconds (statrs inverts the incomplete beta function), where the
/// rest of an item's figures cost nanoseconds, and the partnerships a
/// program analyses share a few confidences and degrees of freedom. A slot
/// holds the last quantile that fell in it; no lock is held while one is
/// computed, and a poisoned lock is passed by.
static KNOWN: Mutex<[(u64, u64, f64); 1 << KNOWN_BITS]> =
    Mutex::new([(0, 0, f64::NAN); 1 << KNOWN_BITS]);

/// The table of quantiles has 2^`KNOWN_BITS` slots.
const KNOWN_BITS: u32 = 8;

/// The Student t quantile `t(p; df)`, `df` maybe fractional, from
/// `statrs`; `p` from 0.75 to 0.9995 and `df` at least 1 here.
///
/// Rounded to nine decimals: statrs computes it with `ln` and `exp`, whose
/// last bit differs between platforms (WebAssembly's and the C library's),
/// and rounding makes every platform write the same intervals, byte for
/// byte. An interval's ends move by less than 1e-9 times the standard
/// error.
pub(crate) fn t_quantile(p: f64, df: f64) -> f64 {
    use statrs::distribution::{ContinuousCDF, StudentsT};
    let t = StudentsT::new(0.0, 1.0, df).map_or(f64::NAN, |t| t.inverse_cdf(p));
    (t * 1e9).round() / 1e9
}

/// The intraclass correlations of an item between agencies (Bliese 2000):
/// ICC(1) and ICC(2) as written, each `None` where undefined. Exact and
/// rounded once while the fractions fit in 128 bits (a dozen agencies or
/// so); beyond, within 1e-9 in `f64`.
pub(crate) fn intraclass<T: Rated>(tallies: &[AgencyTally], item: T) -> (Option<f64>, Option<f64>) {
    let all = pooled(tallies, item);
    let (n, total) = (i128::from(all.count), i128::from(all.total));
    let (mut g, mut squares) = (0i128, 0i128);
    let (mut between_zero, mut within_zero) = (true, true);
    for sum in parts(tallies, item) {
        let n_a = i128::from(sum.count);
        g += 1;
        squares += n_a * n_a;
        between_zero &= i128::from(sum.total) * n == total * n_a;
        within_zero &= within(sum).1;
    }
    if g < 2 || n - g < 1 {
        return (None, None);
    }
    // n0 − 1 = K / (N(G − 1)), K = N² − Σn² − N(G − 1), above 0 once an
    // agency gave two ratings; so the ICC(1) denominator is 0 only when
    // both mean squares are.
    let k = n * n - squares - n * (g - 1);
    let icc1_defined = !(between_zero && within_zero);
    // The exact figures while they fit in 128 bits, as a dozen agencies'
    // counts may outgrow them (as for the mean).
    let exact = (tallies.len() <= 12)
        .then(|| exact_intraclass(tallies, item, [n, total, g, k]))
        .flatten();
    if let Some((icc1, icc2)) = exact {
        let icc1 = icc1_defined.then(|| Exact::from(icc1).to_f64());
        let icc2 = (!between_zero).then(|| Exact::from(icc2).to_f64());
        return (icc1, icc2);
    }
    // Beyond 128 bits, in `f64`: SSB = Σ n_a (m_a − M)², with
    // m_a − M = (S_a N − S n_a) / (n_a N) rounded once.
    let (mut ssb, mut ssw) = (0.0, 0.0);
    for sum in parts(tallies, item) {
        let n_a = i128::from(sum.count);
        let gap = ratio(i128::from(sum.total) * n - total * n_a, n_a * n);
        ssb += ratio(n_a, 1) * gap * gap;
        ssw += within(sum).0;
    }
    let msb = if between_zero {
        0.0
    } else {
        ssb / ratio(g - 1, 1)
    };
    let msw = if within_zero {
        0.0
    } else {
        ssw / ratio(n - g, 1)
    };
    let n0_less_one = ratio(k, n * (g - 1));
    let icc1 = icc1_defined.then(|| (msb - msw) / (msb + n0_less_one * msw));
    let icc2 = (!between_zero).then(|| (msb - msw) / msb);
    (icc1, icc2)
}

/// ICC(1) and ICC(2) as exact fractions (meaningful where defined), or
/// `None` when a part outgrows 128 bits. With `lcm` the least common
/// multiple of the agencies' counts, `B = lcm · Σ S_a²/n_a` and `Q = Σ Q_a`
/// (the sums of squared ratings): `lcm·N·SSB = x = BN − S²·lcm` and
/// `lcm·SSW = y = Q·lcm − B`, so that, multiplying through by
/// `lcm·N·(G − 1)·(N − G)`,
/// `ICC(1) = (x(N − G) − yN(G − 1)) / (x(N − G) + Ky)`, `K = N² − Σn_a² −
/// N(G − 1)`, and
/// `ICC(2) = (x(N − G) − yN(G − 1)) / (x(N − G))`.
fn exact_intraclass<T: Rated>(
    tallies: &[AgencyTally],
    item: T,
    [count, total, groups, k_n0]: [i128; 4],
) -> Option<(Fraction, Fraction)> {
    let mut lcm: i128 = 1;
    for sum in parts(tallies, item) {
        let n_a = i128::from(sum.count);
        lcm = lcm.checked_div(gcd(lcm, n_a))?.checked_mul(n_a)?;
    }
    let (mut between_sum, mut squares): (i128, i128) = (0, 0);
    for sum in parts(tallies, item) {
        let s_a = i128::from(sum.total);
        let share = lcm.checked_div(i128::from(sum.count))?;
        between_sum = between_sum.checked_add(s_a.checked_mul(s_a)?.checked_mul(share)?)?;
        squares = squares.checked_add(i128::from(sum.squares))?;
    }
    let x = between_sum
        .checked_mul(count)?
        .checked_sub(total.checked_mul(total)?.checked_mul(lcm)?)?;
    let y = squares.checked_mul(lcm)?.checked_sub(between_sum)?;
    let between = x.checked_mul(count - groups)?;
    let numerator = between.checked_sub(y.checked_mul(count)?.checked_mul(groups - 1)?)?;
    let icc1 = Fraction::new(numerator, between.checked_add(k_n0.checked_mul(y)?)?);
    Some((icc1, Fraction::new(numerator, between)))
}

/// The greatest common divisor of `|a|` and `|b|`.
fn gcd(a: i128, b: i128) -> i128 {
    let (mut a, mut b) = (a.unsigned_abs(), b.unsigned_abs());
    while b != 0 {
        (a, b) = (b, a % b);
    }
    i128::try_from(a).unwrap_or(1)
}

#[cfg(test)]
mod tests {
    #![allow(
        clippy::unreadable_literal,
        clippy::excessive_precision,
        reason = "the quantiles as the tables give them"
    )]

    use super::*;

    /// Student t quantiles at 40 significant digits (mpmath: bisection on
    /// the regularised incomplete beta function), rounded to 17: the
    /// published tables' values at df 1, 2, 5, 10, 30 and 120, fractional
    /// df, and large df.
    const T_TABLE: [(f64, f64, f64); 27] = [
        (0.975, 1.0, 12.706204736174705),
        (0.975, 2.0, 4.3026527297494639),
        (0.975, 5.0, 2.5705818356363155),
        (0.975, 10.0, 2.2281388519862747),
        (0.975, 30.0, 2.0422724563012383),
        (0.975, 120.0, 1.9799304050824408),
        (0.975, 1.5, 6.0166631044279319),
        (0.975, 2.5, 3.5746548420036832),
        (0.975, 7.3, 2.3450667365477036),
        (0.975, 1000.0, 1.9623390808264085),
        (0.975, 100000.0, 1.9599877075346096),
        (0.995, 1.0, 63.656741162871581),
        (0.995, 2.0, 9.9248432009182931),
        (0.995, 5.0, 4.0321429835552281),
        (0.995, 10.0, 3.1692726726169512),
        (0.995, 30.0, 2.7499956535672253),
        (0.995, 120.0, 2.617421145106866),
        (0.995, 2.5, 7.1637281389487855),
        (0.995, 7.3, 3.4510316556221852),
        (0.995, 1000.0, 2.5807546980659511),
        (0.995, 100000.0, 2.5758784699083753),
        (0.995, 1.5, 17.820310514462807),
        (0.9995, 1.0, 636.61924876871962),
        (0.9995, 2.0, 31.599054576443621),
        (0.9995, 1.5, 82.847446703657612),
        (0.9995, 120.0, 3.3734537685625004),
        (0.75, 2.0, 0.816_496_580_927_726),
    ];

    #[test]
    fn t_quantiles_match_the_tables() {
        let mut worst: f64 = 0.0;
        for (p, df, t) in T_TABLE {
            let q = t_quantile(p, df);
            assert_eq!(
                q.to_bits(),
                ((q * 1e9).round() / 1e9).to_bits(),
                "t({p}; {df}) rounded"
            );
            let error = ((q - t) / t).abs();
            // statrs is within 1e-12 up to df 1000 and 3.5e-6 at df 100000
            // (its incomplete beta inverse): an interval from 100000
            // ratings is a few hundredths wide, so its ends stay within
            // 1e-7 of their exact values, inside the 1e-6 the method gives.
            // The quantile is then rounded to nine decimals (at most 5e-10,
            // under 1e-9 of the smallest quantile here).
            let allowed = if df > 1000.0 { 1e-5 } else { 1e-9 };
            assert!(
                error < allowed,
                "t({p}; {df}) = {q}, not {t}: relative error {error:e}"
            );
            if df <= 1000.0 {
                worst = worst.max(error);
            }
        }
        println!("worst relative error of the t quantiles up to df 1000: {worst:e}");
        assert!((t_quantile(0.75, 1.0) - 1.0).abs() < 1e-12);
    }

    #[test]
    fn fractions_beyond_64_bits_convert_too() {
        use super::ratio;
        assert_eq!(ratio(3, 4), 0.75);
        assert_eq!(ratio(1 << 100, 1 << 40), 2f64.powi(60));
        assert_eq!(ratio(3 << 70, 1 << 72), 0.75);
        assert_eq!(ratio(-(1 << 90), 4), -(2f64.powi(88)));
    }

    #[test]
    fn intraclass_correlations_need_two_agencies_and_a_degree_of_freedom() {
        use super::intraclass;
        use crate::input::tally::AgencyTally;
        use crate::{Facilitator, Rating, Role};

        let tallies = |groups: &[&[u8]]| {
            groups
                .iter()
                .map(|ratings| {
                    let mut tally = AgencyTally::default();
                    for &r in *ratings {
                        tally.add(
                            Role::Frontline,
                            Facilitator::Leadership,
                            Rating::new(r).unwrap(),
                        );
                    }
                    tally
                })
                .collect::<Vec<_>>()
        };
        // One rating an agency: N − G = 0, nothing to compare with.
        let one_each = tallies(&[&[3], &[5], &[4]]);
        assert_eq!(intraclass(&one_each, Facilitator::Leadership), (None, None));
        // a: 3, 4; b: 5. N − G = 1; MSB = 2·0.25 + 1 = 1.5, MSW = 0.5,
        // n0 − 1 = 1/3: ICC(1) = 1/(1.5 + 1/6) = 0.6, ICC(2) = 2/3.
        let (icc1, icc2) = intraclass(&tallies(&[&[3, 4], &[5]]), Facilitator::Leadership);
        assert_eq!((icc1, icc2), (Some(0.6), Some(2.0 / 3.0)));
        // Three agencies, a: 3, 4; b: 5, 5; c: 1, 2: M = 10/3, MSB = 37/6,
        // MSW = 1/3, n0 − 1 = 1: ICC(1) = 35/39 and ICC(2) = 35/37.
        let three = tallies(&[&[3, 4], &[5, 5], &[1, 2]]);
        let (icc1, icc2) = intraclass(&three, Facilitator::Leadership);
        assert_eq!((icc1, icc2), (Some(35.0 / 39.0), Some(35.0 / 37.0)));
    }

    #[test]
    fn two_ratings_have_a_spread() {
        // 2 and 4: s² = 2, r_wg = 0 (a group of two is never shown, so only
        // here).
        let sum = Sum {
            total: 6,
            count: 2,
            squares: 20,
        };
        let a = Agreement::of(sum);
        assert_eq!((a.sd, a.r_wg), (Some(2f64.sqrt()), Some(0.0)));
        let one = Sum {
            total: 4,
            count: 1,
            squares: 16,
        };
        assert_eq!(Agreement::of(one), Agreement::NONE);
    }
}
