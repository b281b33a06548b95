//! The numbers of the analyses: each item's agency-balanced mean, and sums
//! of means and constants (the priorities of practice tips). Each is known
//! at once to within a proven bound ([`Approx`]) and exactly on demand, so
//! that every comparison is decided on the exact value while exact
//! arithmetic, and its big integers, are used only where the bound cannot
//! decide: a mean exactly on a threshold, two priorities exactly equal.

use core::cmp::Ordering;

use crate::concepts::rated::by_kind;
use crate::foundation::approx::Approx;
use crate::foundation::exact::{Exact, Fraction};
use crate::input::tally::{AgencyTally, Sum};
use crate::{Facilitator, Obstacle, Rated};

/// Whether each decision and rounding made within a bound is made again
/// exactly and checked: only in debug builds of the crate's own tests (the
/// `verify` feature, which they turn on), never in a dependent's build,
/// where the exact arithmetic would cost more than the analysis.
pub(crate) const VERIFY: bool = cfg!(all(debug_assertions, feature = "verify"));

/// One item's agency-balanced mean.
#[derive(Clone, Debug)]
pub(crate) enum Mean {
    /// No ratings.
    None,
    /// `num / den`, `den > 0`: the mean over a common denominator that
    /// fits in 64 bits (a few agencies).
    Word { num: i64, den: i64 },
    /// A mean whose common denominator does not fit in 64 bits (a dozen
    /// agencies or more with unequal counts): known to within a bound, and
    /// exactly from the agencies' sums on demand.
    Wide(Approx),
}

impl Mean {
    /// The agency-balanced mean of `item` over the agencies' sums, and the
    /// number of ratings. No heap allocation.
    pub(crate) fn of<T: Rated>(tallies: &[AgencyTally], item: T) -> (Mean, u64) {
        // Over a common denominator (the product of the counts) in 64-bit
        // arithmetic while it fits, which it cannot for more than a dozen
        // agencies; beyond, the agency means summed as double-doubles.
        if tallies.len() <= 12
            && let Some((mean, responses)) = word_mean(tallies, item)
        {
            return (mean, responses);
        }
        let mut responses = 0u64;
        let parts = tallies
            .iter()
            .map(|t| t.of(item))
            .filter(|s| s.count > 0)
            .inspect(|s| responses += u64::from(s.count))
            .map(|s| (s.total, s.count));
        let approx = Approx::mean_of_ratios(parts);
        let mean = match approx {
            _ if responses == 0 => Mean::None,
            Some(approx) => Mean::Wide(approx),
            // Parts too large for f64, which ratings of 1 to 5 never give:
            // every decision exact.
            None => Mean::Wide(Approx::unknown()),
        };
        (mean, responses)
    }

    /// The mean to within a bound; `None` without ratings.
    pub(crate) fn approx(&self) -> Option<Approx> {
        match self {
            Mean::None => None,
            Mean::Word { num, den } => Some(Approx::fraction(i128::from(*num), i128::from(*den))),
            Mean::Wide(a) => Some(*a),
        }
    }

    /// The exact mean, from the agencies' sums of `item` where it is wide;
    /// `None` without ratings.
    pub(crate) fn exact<T: Rated>(&self, tallies: &[AgencyTally], item: T) -> Option<Exact> {
        match self {
            Mean::None => None,
            Mean::Word { num, den } => Some(Exact::from(Fraction::new(
                i128::from(*num),
                i128::from(*den),
            ))),
            Mean::Wide(_) => Exact::mean_of_means(
                tallies
                    .iter()
                    .map(|t| t.of(item))
                    .filter(|s| s.count > 0)
                    .map(|s| (s.total, s.count)),
            ),
        }
    }

    /// Whether the mean is at least `threshold`, exactly; `None` without
    /// ratings. `exact` gives the exact mean where the bound cannot decide.
    pub(crate) fn at_least(
        &self,
        threshold: &Threshold,
        exact: impl FnOnce() -> Option<Exact>,
    ) -> Option<bool> {
        match (self, threshold.word) {
            (Mean::None, _) => None,
            // A product of two 64-bit integers fits in 128 bits.
            (Mean::Word { num, den }, Some((tn, td))) => {
                Some(i128::from(*num) * i128::from(td) >= i128::from(tn) * i128::from(*den))
            }
            _ => {
                let fast = self
                    .approx()
                    .and_then(|a| a.cmp_within(threshold.approx))
                    .map(|order| order != Ordering::Less);
                if let Some(fast) = fast
                    && !VERIFY
                {
                    return Some(fast);
                }
                let exact = exact()?.at_least(&threshold.exact);
                check(fast, exact);
                Some(exact)
            }
        }
    }

    /// The `f64` nearest the mean; `exact` gives the exact mean where the
    /// bound cannot round it.
    pub(crate) fn to_f64(&self, exact: impl FnOnce() -> Option<Exact>) -> Option<f64> {
        const EXACT: i64 = 1 << 53;
        match self {
            Mean::None => None,
            #[allow(clippy::cast_precision_loss, reason = "both parts are below 2^53")]
            Mean::Word { num, den } if num.abs() <= EXACT && *den <= EXACT => {
                // Both parts are exact in f64 and IEEE division rounds the
                // exact quotient correctly.
                Some(*num as f64 / *den as f64)
            }
            _ => {
                let fast = self.approx().and_then(Approx::nearest_f64);
                if let Some(y) = fast
                    && !VERIFY
                {
                    return Some(y);
                }
                let exact = exact().map(|e| e.to_f64());
                if let (Some(y), Some(e)) = (fast, exact) {
                    debug_assert_eq!(
                        y.to_bits(),
                        e.to_bits(),
                        "a rounding within the bound disagrees"
                    );
                }
                exact
            }
        }
    }
}

/// The mean of `item` over a common denominator in 64-bit arithmetic, and
/// the number of ratings; `None` if the denominator overflows.
fn word_mean<T: Rated>(tallies: &[AgencyTally], item: T) -> Option<(Mean, u64)> {
    let (mut num, mut den, mut n, mut responses) = (0i64, 1i64, 0i64, 0u64);
    for tally in tallies {
        let Sum { total, count, .. } = tally.of(item);
        if count == 0 {
            continue;
        }
        responses += u64::from(count);
        n += 1;
        let count = i64::from(count);
        num = num
            .checked_mul(count)?
            .checked_add(i64::try_from(total).ok()?.checked_mul(den)?)?;
        den = den.checked_mul(count)?;
    }
    if responses == 0 {
        return Some((Mean::None, 0));
    }
    Some((
        Mean::Word {
            num,
            den: den.checked_mul(n)?,
        },
        responses,
    ))
}

/// With [`VERIFY`], that a decision made within a bound is the exact one.
fn check(fast: Option<bool>, exact: bool) {
    if let Some(fast) = fast {
        debug_assert_eq!(
            fast, exact,
            "a decision within the bound disagrees with exact arithmetic"
        );
    }
}

/// A threshold, exactly, as a fraction of 64-bit integers where it is one,
/// and to within a bound.
#[derive(Clone, Debug)]
pub(crate) struct Threshold {
    pub(crate) exact: Exact,
    word: Option<(i64, i64)>,
    approx: Approx,
}

impl Threshold {
    pub(crate) fn new(exact: Exact) -> Threshold {
        let word = exact.as_fraction().and_then(|f| {
            let (num, den) = f.parts();
            Some((i64::try_from(num).ok()?, i64::try_from(den).ok()?))
        });
        Threshold {
            approx: approx_of(&exact),
            word,
            exact,
        }
    }
}

/// An exact number to within a bound.
fn approx_of(exact: &Exact) -> Approx {
    match exact.as_fraction() {
        Some(f) => {
            let (num, den) = f.parts();
            Approx::fraction(num, den)
        }
        None => Approx::rounded(exact.to_f64()),
    }
}

/// Every item's mean, with the agencies' sums to make any of them exact.
pub(crate) struct Means<'a> {
    pub(crate) tallies: &'a [AgencyTally],
    pub(crate) facilitators: [Mean; Facilitator::COUNT],
    pub(crate) obstacles: [Mean; Obstacle::COUNT],
}

impl<'a> Means<'a> {
    /// No means yet, over these sums.
    pub(crate) fn new(tallies: &'a [AgencyTally]) -> Means<'a> {
        Means {
            tallies,
            facilitators: [const { Mean::None }; Facilitator::COUNT],
            obstacles: [const { Mean::None }; Obstacle::COUNT],
        }
    }

    /// One item's mean.
    pub(crate) fn of<T: Rated>(&self, item: T) -> &Mean {
        T::of(self).get(item.index()).unwrap_or(&Mean::None)
    }

    /// One item's mean, exactly; `None` without ratings.
    pub(crate) fn exact<T: Rated>(&self, item: T) -> Option<Exact> {
        self.of(item).exact(self.tallies, item)
    }

    /// Stores one item's mean.
    pub(crate) fn set<T: Rated>(&mut self, item: T, mean: Mean) {
        if let Some(slot) = T::of_mut(self).get_mut(item.index()) {
            *slot = mean;
        }
    }
}

by_kind!(Means<'_> => [Mean]);

/// How many times each item's mean counts in a [`Value`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Counts {
    facilitators: [i32; Facilitator::COUNT],
    obstacles: [i32; Obstacle::COUNT],
}

by_kind!(Counts => [i32]);

/// A constant plus a sum of means with whole coefficients: a weight, a
/// priority, the difference of two means.
#[derive(Clone, Debug)]
pub(crate) struct Value {
    constant: Exact,
    counts: Counts,
    approx: Approx,
}

impl Value {
    /// Zero.
    pub(crate) fn zero() -> Value {
        Value::constant(Exact::ZERO)
    }

    /// A constant.
    pub(crate) fn constant(exact: Exact) -> Value {
        Value {
            approx: approx_of(&exact),
            constant: exact,
            counts: Counts::default(),
        }
    }

    /// The mean of `item`; `None` without ratings. (Its negation, or a sum
    /// with it counted twice, are [`neg`](Value::neg) and
    /// [`add`](Value::add).)
    pub(crate) fn mean<T: Rated>(means: &Means<'_>, item: T) -> Option<Value> {
        let approx = means.of(item).approx()?;
        let mut counts = Counts::default();
        if let Some(slot) = T::of_mut(&mut counts).get_mut(item.index()) {
            *slot = 1;
        }
        Some(Value {
            constant: Exact::ZERO,
            counts,
            approx,
        })
    }

    /// `self + other`.
    #[must_use]
    pub(crate) fn add(&self, other: &Value) -> Value {
        let mut counts = self.counts;
        for (a, b) in counts
            .facilitators
            .iter_mut()
            .zip(other.counts.facilitators)
        {
            *a += b;
        }
        for (a, b) in counts.obstacles.iter_mut().zip(other.counts.obstacles) {
            *a += b;
        }
        Value {
            constant: self.constant.add(&other.constant),
            counts,
            approx: self.approx.add(other.approx),
        }
    }

    /// `-self`.
    #[must_use]
    pub(crate) fn neg(&self) -> Value {
        let mut counts = self.counts;
        counts.facilitators.iter_mut().for_each(|c| *c = -*c);
        counts.obstacles.iter_mut().for_each(|c| *c = -*c);
        Value {
            constant: self.constant.neg(),
            counts,
            approx: self.approx.neg(),
        }
    }

    /// The exact value.
    fn exact(&self, means: &Means<'_>) -> Exact {
        fn sum<T: Rated>(value: &Value, means: &Means<'_>, mut total: Exact) -> Exact {
            for (item, &times) in T::iter().zip(T::of(&value.counts)) {
                if times == 0 {
                    continue;
                }
                let Some(mean) = means.exact(item) else {
                    continue;
                };
                for _ in 0..times.unsigned_abs() {
                    total = if times > 0 {
                        total.add(&mean)
                    } else {
                        total.sub(&mean)
                    };
                }
            }
            total
        }
        let total = sum::<Facilitator>(self, means, self.constant.clone());
        sum::<Obstacle>(self, means, total)
    }

    /// The sign of the value, exactly.
    pub(crate) fn signum(&self, means: &Means<'_>) -> Ordering {
        let fast = self.approx.signum();
        if let Some(order) = fast
            && !VERIFY
        {
            return order;
        }
        let exact = if self.counts == Counts::default() {
            // Only the constant is left: exact and small.
            self.constant.cmp_exact(&Exact::ZERO)
        } else {
            self.exact(means).cmp_exact(&Exact::ZERO)
        };
        if let Some(order) = fast {
            debug_assert_eq!(
                order, exact,
                "a sign within the bound disagrees with exact arithmetic"
            );
        }
        exact
    }

    /// Compares two values exactly.
    pub(crate) fn cmp(&self, other: &Value, means: &Means<'_>) -> Ordering {
        self.add(&other.neg()).signum(means)
    }

    /// The `f64` nearest the value.
    pub(crate) fn to_f64(&self, means: &Means<'_>) -> f64 {
        match self.approx.nearest_f64() {
            Some(y) if !VERIFY => y,
            fast => {
                let exact = self.exact(means).to_f64();
                if let Some(y) = fast {
                    debug_assert_eq!(
                        y.to_bits(),
                        exact.to_bits(),
                        "a rounding within the bound disagrees"
                    );
                }
                exact
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use core::cell::Cell;

    use num_bigint::BigInt;
    use num_rational::BigRational;
    use num_traits::{ToPrimitive as _, Zero as _};

    use super::*;

    /// The item most tests rate, neither first nor last of its kind.
    const F: Facilitator = Facilitator::Leadership;
    /// Another facilitator.
    const G: Facilitator = Facilitator::TrustAndOpenness;
    /// An obstacle.
    const O: Obstacle = Obstacle::Conflict;
    /// Forty primes: as counts, their common denominator is beyond 128 bits.
    const PRIMES: [u32; 40] = [
        2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89,
        97, 101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167, 173,
    ];

    fn q(num: i128, den: i128) -> BigRational {
        BigRational::new(BigInt::from(num), BigInt::from(den))
    }

    /// Sets each agency's sum of `item` (`(total, count)`), adding agencies
    /// as needed.
    fn rate<T: Rated>(tallies: &mut Vec<AgencyTally>, item: T, sums: &[(u64, u32)]) {
        if tallies.len() < sums.len() {
            tallies.resize(sums.len(), AgencyTally::default());
        }
        for (tally, &(total, count)) in tallies.iter_mut().zip(sums) {
            *T::of_mut(&mut tally.all).get_mut(item.index()).unwrap() = Sum {
                total,
                count,
                ..Sum::default()
            };
        }
    }

    fn tallies_of<T: Rated>(item: T, sums: &[(u64, u32)]) -> Vec<AgencyTally> {
        let mut tallies = Vec::new();
        rate(&mut tallies, item, sums);
        tallies
    }

    /// The mean of the agencies' means, agencies without ratings left out,
    /// computed independently in big rationals.
    fn mean_of(sums: &[(u64, u32)]) -> Option<BigRational> {
        let rated: Vec<BigRational> = sums
            .iter()
            .filter(|&&(_, count)| count > 0)
            .map(|&(total, count)| q(i128::from(total), i128::from(count)))
            .collect();
        let n = rated.len();
        (n > 0).then(|| rated.into_iter().fold(BigRational::zero(), |s, x| s + x) / BigInt::from(n))
    }

    /// Whether `e` has the value `r`, read from its parts.
    fn equals(e: &Exact, r: &BigRational) -> bool {
        let value = match e {
            Exact::Small(f) => {
                let (num, den) = f.parts();
                q(num, den)
            }
            Exact::Big(b) => b.clone(),
        };
        value == *r
    }

    /// Counts of 1 to 13 with ratings of 1 to 5 in turn; a few agencies
    /// rate nothing.
    fn varied(agencies: u32) -> Vec<(u64, u32)> {
        (0..agencies)
            .map(|i| {
                if i % 5 == 3 {
                    (0, 0)
                } else {
                    let count = 1 + i % 13;
                    (u64::from(count + (7 * i) % (4 * count + 1)), count)
                }
            })
            .collect()
    }

    /// Pairs of agencies with `n` and `2n` ratings and means `3 + k/n` and
    /// `3 - k/n`: a mean of exactly 3.
    fn exactly_three(pairs: u32) -> Vec<(u64, u32)> {
        (0..pairs)
            .flat_map(|i| {
                let n = 1 + u64::from(i) % 7;
                let k = u64::from(i) % (n + 1);
                let n32 = u32::try_from(n).unwrap();
                [(3 * n + k, n32), (6 * n - 2 * k, 2 * n32)]
            })
            .collect()
    }

    /// Sums of many shapes: one agency, a few, a dozen, more than a dozen,
    /// forty with prime counts (a common denominator beyond 128 bits),
    /// agencies that rate nothing, and means exactly on 3.
    fn cases() -> Vec<Vec<(u64, u32)>> {
        let primes: Vec<(u64, u32)> = PRIMES
            .iter()
            .enumerate()
            .map(|(i, &p)| (u64::from(p) * (1 + i as u64 % 5), p))
            .collect();
        let mut primes_and_empty = primes.clone();
        primes_and_empty.insert(7, (0, 0));
        primes_and_empty.push((0, 0));
        vec![
            vec![(7, 2)],
            vec![(7, 2), (0, 0), (10, 3)],
            vec![(0, 0), (5, 1), (1, 1)],
            varied(4),
            varied(12),
            varied(13),
            varied(16),
            varied(30),
            exactly_three(2),
            exactly_three(7),
            exactly_three(20),
            primes,
            primes_and_empty,
        ]
    }

    #[test]
    fn means_are_the_means_of_the_agency_means() {
        for sums in cases() {
            let tallies = tallies_of(F, &sums);
            let (mean, responses) = Mean::of(&tallies, F);
            let want = mean_of(&sums).unwrap();
            let counts: u64 = sums.iter().map(|&(_, c)| u64::from(c)).sum();
            assert_eq!(responses, counts, "{sums:?}");
            let exact = mean.exact(&tallies, F).unwrap();
            assert!(equals(&exact, &want), "{sums:?}: {exact:?}, not {want}");
            let nearest = want.to_f64().unwrap();
            let y = mean.to_f64(|| mean.exact(&tallies, F)).unwrap();
            assert_eq!(y, nearest, "{sums:?}");
            // A dozen agencies or fewer, with few ratings each, are summed
            // over a common denominator in 64 bits.
            if tallies.len() <= 12 {
                assert!(matches!(mean, Mean::Word { .. }), "{sums:?}: {mean:?}");
            }
            // The same mean through the store of means and as a value.
            let mut means = Means::new(&tallies);
            means.set(F, mean.clone());
            assert!(equals(&means.exact(F).unwrap(), &want), "{sums:?}");
            assert_eq!(Value::mean(&means, F).unwrap().to_f64(&means), nearest);
            assert_eq!(
                Value::mean(&means, F).unwrap().neg().to_f64(&means),
                -nearest
            );
            // No other item is rated.
            assert!(matches!(Mean::of(&tallies, G), (Mean::None, 0)));
            assert!(matches!(Mean::of(&tallies, O), (Mean::None, 0)));
            assert!(means.exact(G).is_none());
            assert!(Value::mean(&means, G).is_none());
        }
    }

    #[test]
    fn agencies_without_ratings_give_no_mean() {
        for agencies in [0, 1, 12, 13, 40] {
            let tallies = tallies_of(F, &vec![(0, 0); agencies]);
            let (mean, responses) = Mean::of(&tallies, F);
            assert!(matches!(mean, Mean::None), "{agencies}: {mean:?}");
            assert_eq!(responses, 0);
            assert!(mean.approx().is_none());
            assert!(mean.exact(&tallies, F).is_none());
            assert_eq!(mean.to_f64(|| None), None);
            let three = Threshold::new(Exact::int(3));
            assert_eq!(mean.at_least(&three, || None), None);
        }
    }

    #[test]
    fn means_of_parts_beyond_53_bits_are_rounded_once() {
        // (2^55 + 5) / 3: rounding the numerator first gives 2^53 + 2 too
        // many.
        let total = (1u64 << 55) + 5;
        // 3770605 / 1326970308 / 2: the denominator of the common fraction
        // is beyond 2^53 and rounding it first gives one unit too few.
        let pair = [(3_770_605, 1_326_970_308), (0, 2_137_680_573)];
        for sums in [&[(total, 3)][..], &pair[..]] {
            let tallies = tallies_of(F, sums);
            let (mean, _) = Mean::of(&tallies, F);
            assert!(matches!(mean, Mean::Word { .. }), "{sums:?}: {mean:?}");
            let Mean::Word { num, den } = mean else {
                continue;
            };
            let want = mean_of(sums).unwrap().to_f64().unwrap();
            // Dividing the parts' roundings would be wrong.
            assert_ne!(num as f64 / den as f64, want, "{sums:?}");
            assert_eq!(mean.to_f64(|| mean.exact(&tallies, F)), Some(want));
        }
        // Totals too large for f64 among more than a dozen agencies: every
        // decision is exact.
        let mut sums = varied(14);
        sums.insert(5, ((1 << 53) + 1, 1));
        let tallies = tallies_of(F, &sums);
        let (mean, _) = Mean::of(&tallies, F);
        let want = mean_of(&sums).unwrap();
        let exact = || mean.exact(&tallies, F);
        assert_eq!(mean.to_f64(exact), want.to_f64());
        let (num, den) = (
            want.numer().to_i128().unwrap(),
            want.denom().to_i128().unwrap(),
        );
        let on = Threshold::new(Exact::from(Fraction::new(num, den)));
        let above = Threshold::new(Exact::from(Fraction::new(num + 1, den)));
        assert_eq!(mean.at_least(&on, exact), Some(true));
        assert_eq!(mean.at_least(&above, exact), Some(false));
    }

    /// Thresholds of every form, with their values: small fractions,
    /// fractions beyond 64 bits and big ones.
    fn thresholds() -> Vec<(Exact, BigRational)> {
        let mut all: Vec<(Exact, BigRational)> = [
            (1, 1),
            (3, 1),
            (4, 1),
            (5, 1),
            (7, 2),
            (10, 3),
            (33, 10),
            (29, 10),
            (1, 3),
            (-2, 1),
            (3 << 70, 1 << 70),
            ((3 << 70) + 1, 1 << 70),
            ((3 << 70) - 1, 1 << 70),
        ]
        .iter()
        .map(|&(num, den)| (Exact::from(Fraction::new(num, den)), q(num, den)))
        .collect();
        for r in [
            q(3, 1),
            q(7, 2),
            q(3, 1) + q(1, i128::MAX) * q(1, i128::MAX),
        ] {
            all.push((Exact::Big(r.clone()), r));
        }
        all.push((Exact::from_f64(3.3), q(33, 10)));
        all
    }

    #[test]
    fn means_are_compared_with_thresholds_exactly() {
        let (mut above, mut below) = (0, 0);
        for sums in cases() {
            let tallies = tallies_of(F, &sums);
            let (mean, _) = Mean::of(&tallies, F);
            let value = mean_of(&sums).unwrap();
            for (exact, r) in thresholds() {
                let threshold = Threshold::new(exact);
                let got = mean.at_least(&threshold, || mean.exact(&tallies, F));
                let want = value >= r;
                assert_eq!(got, Some(want), "{sums:?} against {r}");
                if want {
                    above += 1;
                } else {
                    below += 1;
                }
            }
            // Thresholds exactly on the mean, and just beside it.
            let (num, den) = (
                value.numer().to_i128().unwrap(),
                value.denom().to_i128().unwrap(),
            );
            for (offset, want) in [(0, true), (1, false), (-1, true)] {
                let threshold = Threshold::new(Exact::from(Fraction::new(num + offset, den)));
                let got = mean.at_least(&threshold, || mean.exact(&tallies, F));
                assert_eq!(
                    got,
                    Some(want),
                    "{sums:?} against ({num}{offset:+}) / {den}"
                );
                let threshold = Threshold::new(Exact::Big(value.clone() + q(offset, 1 << 100)));
                let got = mean.at_least(&threshold, || mean.exact(&tallies, F));
                assert_eq!(got, Some(want), "{sums:?} against {value} and a hair");
            }
        }
        assert!(above > 50 && below > 50, "{above} {below}");
    }

    #[test]
    fn small_means_are_compared_with_small_thresholds_by_cross_products() {
        // 7/2 against 10/3: 21 >= 20, though 7 + 3 < 10 + 2 and
        // 7 / 3 < 10 / 2.
        let tallies = tallies_of(F, &[(7, 2)]);
        let (mean, _) = Mean::of(&tallies, F);
        assert!(matches!(mean, Mean::Word { num: 7, den: 2 }));
        let exact = || mean.exact(&tallies, F);
        let at_least =
            |num, den| mean.at_least(&Threshold::new(Exact::from(Fraction::new(num, den))), exact);
        assert_eq!(at_least(10, 3), Some(true));
        assert_eq!(at_least(7, 2), Some(true));
        assert_eq!(at_least(14, 4), Some(true));
        assert_eq!(at_least(11, 3), Some(false));
        assert_eq!(at_least(4, 1), Some(false));
        assert_eq!(at_least(3, 1), Some(true));
    }

    #[test]
    fn exact_means_are_asked_for_only_where_needed() {
        let asked = Cell::new(0);
        let tallies = tallies_of(F, &[(3, 1), (6, 2)]);
        let (mean, _) = Mean::of(&tallies, F);
        let exact = || {
            asked.set(asked.get() + 1);
            mean.exact(&tallies, F)
        };
        // A mean over a common denominator against a threshold of 64-bit
        // parts: exactly on it, decided without the exact mean.
        assert_eq!(
            mean.at_least(&Threshold::new(Exact::int(3)), exact),
            Some(true)
        );
        assert_eq!(mean.to_f64(exact), Some(3.0));
        // No ratings: nothing to ask for.
        let none = Mean::None;
        let three = Threshold::new(Exact::int(3));
        let exact = || {
            asked.set(asked.get() + 1);
            Some(Exact::int(3))
        };
        assert_eq!(none.at_least(&three, exact), None);
        assert_eq!(none.to_f64(exact), None);
        assert_eq!(asked.get(), 0);
        // A threshold beyond 64 bits, exactly on the mean: the bound cannot
        // decide, and the exact mean is asked for.
        let on = Threshold::new(Exact::from(Fraction::new(3 << 70, 1 << 70)));
        let exact = || {
            asked.set(asked.get() + 1);
            mean.exact(&tallies, F)
        };
        assert_eq!(mean.at_least(&on, exact), Some(true));
        assert_eq!(asked.get(), 1);
    }

    /// Means of three items over the same agencies: `F` exactly 3 over
    /// many agencies with unequal counts, `G` exactly 7/2, `O` exactly 2.
    fn three_items() -> Vec<AgencyTally> {
        let mut tallies = Vec::new();
        rate(&mut tallies, F, &exactly_three(20));
        rate(&mut tallies, G, &[(7, 2), (14, 4), (0, 0), (35, 10)]);
        rate(&mut tallies, O, &[(2, 1), (0, 0), (6, 3), (10, 5)]);
        tallies
    }

    fn means_of(tallies: &[AgencyTally]) -> Means<'_> {
        let mut means = Means::new(tallies);
        for item in [F, G] {
            means.set(item, Mean::of(tallies, item).0);
        }
        means.set(O, Mean::of(tallies, O).0);
        means
    }

    fn constant(num: i128, den: i128) -> Value {
        Value::constant(Exact::from(Fraction::new(num, den)))
    }

    #[test]
    fn values_on_zero_are_decided_exactly() {
        let tallies = three_items();
        let means = means_of(&tallies);
        assert!(matches!(means.of(F), Mean::Wide(_)));
        let f = |times: i32| {
            let mean = Value::mean(&means, F).unwrap();
            if times < 0 { mean.neg() } else { mean }
        };
        let g = |times: i32| {
            let mean = Value::mean(&means, G).unwrap();
            if times < 0 { mean.neg() } else { mean }
        };
        let o = |times: i32| {
            let mean = Value::mean(&means, O).unwrap();
            if times < 0 { mean.neg() } else { mean }
        };
        let sign = |v: &Value| v.signum(&means);
        // A mean less the constant it equals, either way round.
        assert_eq!(sign(&constant(3, 1).add(&f(-1))), Ordering::Equal);
        assert_eq!(sign(&f(1).add(&constant(-3, 1))), Ordering::Equal);
        assert_eq!(sign(&constant(3, 1).add(&f(1).neg())), Ordering::Equal);
        assert_eq!(sign(&constant(2, 1).add(&o(1).neg())), Ordering::Equal);
        assert_eq!(sign(&constant(7, 2).add(&g(-1))), Ordering::Equal);
        // Means counted twice.
        assert_eq!(
            sign(&f(1).add(&f(1)).add(&constant(-6, 1))),
            Ordering::Equal
        );
        assert_eq!(
            sign(&o(1).add(&o(1)).add(&constant(-4, 1))),
            Ordering::Equal
        );
        assert_eq!(
            sign(&f(-1).add(&f(-1)).add(&constant(6, 1))),
            Ordering::Equal
        );
        assert_eq!(
            sign(&o(-1).add(&o(-1)).add(&constant(4, 1))),
            Ordering::Equal
        );
        // Mixed: 3 + 7/2 - 2 - 9/2 = 0.
        let mixed = f(1).add(&g(1)).add(&o(-1)).add(&constant(-9, 2));
        assert_eq!(sign(&mixed), Ordering::Equal);
        assert_eq!(sign(&mixed.neg()), Ordering::Equal);
        assert_eq!(mixed.to_f64(&means), 0.0);
        // Beside zero by a little: each side.
        let tiny = q(1, i128::MAX) * q(1, i128::MAX);
        let hair = Value::constant(Exact::Big(tiny));
        assert_eq!(sign(&mixed.add(&hair)), Ordering::Greater);
        assert_eq!(sign(&mixed.add(&hair.neg())), Ordering::Less);
        assert_eq!(
            sign(&f(1).add(&constant(-3, 1)).add(&hair)),
            Ordering::Greater
        );
        assert_eq!(
            sign(&f(-1).add(&constant(3, 1)).add(&hair.neg())),
            Ordering::Less
        );
        // Constants alone.
        assert_eq!(sign(&Value::zero()), Ordering::Equal);
        assert_eq!(sign(&constant(-1, 3)), Ordering::Less);
        assert_eq!(sign(&constant(1, 3).neg()), Ordering::Less);
        assert_eq!(sign(&hair), Ordering::Greater);
    }

    #[test]
    fn values_compare_and_round_as_their_exact_values() {
        let tallies = three_items();
        let means = means_of(&tallies);
        let f = Value::mean(&means, F).unwrap();
        let g = Value::mean(&means, G).unwrap();
        let o = Value::mean(&means, O).unwrap();
        assert_eq!(f.cmp(&g, &means), Ordering::Less);
        assert_eq!(g.cmp(&f, &means), Ordering::Greater);
        assert_eq!(f.cmp(&constant(3, 1), &means), Ordering::Equal);
        assert_eq!(
            f.cmp(&o.add(&o).add(&constant(-1, 1)), &means),
            Ordering::Equal
        );
        assert_eq!(o.neg().cmp(&constant(-2, 1), &means), Ordering::Equal);
        // Priorities: 3 - mean, as the gaps are ranked.
        let gap = |v: &Value| constant(3, 1).add(&v.neg());
        assert_eq!(gap(&f).cmp(&Value::zero(), &means), Ordering::Equal);
        assert_eq!(gap(&o).cmp(&gap(&g), &means), Ordering::Greater);
        // Roundings of sums with thirds in them.
        let third = constant(1, 3);
        for (value, want) in [
            (f.add(&third), q(10, 3)),
            (g.add(&third).add(&o.neg()), q(11, 6)),
            (f.neg().add(&third), q(-8, 3)),
            (f.add(&f).add(&g), q(19, 2)),
            (Value::zero(), q(0, 1)),
            (f.add(&constant(-3, 1)), q(0, 1)),
        ] {
            assert_eq!(value.to_f64(&means), want.to_f64().unwrap(), "{value:?}");
        }
    }

    #[test]
    fn means_beyond_128_bits_are_summed_exactly() {
        // Forty agencies with prime counts and means of 4 and 2 in turn: a
        // mean of exactly 3 whose exact sum needs big integers.
        // Every even agency is one above 3, every odd one one below.
        let sums: Vec<(u64, u32)> = PRIMES
            .iter()
            .enumerate()
            .map(|(i, &p)| (u64::from(p) * if i % 2 == 0 { 4 } else { 2 }, p))
            .collect();
        let tallies = tallies_of(F, &sums);
        let means = means_of(&tallies);
        let exact = means.exact(F).unwrap();
        assert!(exact.as_fraction().is_none(), "{exact:?}");
        assert!(equals(&exact, &q(3, 1)));
        let f = Value::mean(&means, F).unwrap();
        assert_eq!(f.cmp(&constant(3, 1), &means), Ordering::Equal);
        assert_eq!(f.add(&f).cmp(&constant(6, 1), &means), Ordering::Equal);
        assert_eq!(f.to_f64(&means), 3.0);
    }

    /// With the `verify` feature (which the crate's own tests turn on),
    /// every decision and rounding made within the bound is checked
    /// against exact arithmetic in debug builds: an approximation that lies
    /// about its value is caught. (Each test gives one.)
    #[cfg(all(debug_assertions, feature = "verify"))]
    mod verified {
        use super::*;

        /// 1 within a tight bound, where the exact value is -1.
        fn lying() -> Value {
            Value {
                constant: Exact::int(-1),
                counts: Counts::default(),
                approx: Approx::fraction(1, 1),
            }
        }

        #[test]
        #[should_panic(expected = "a decision within the bound disagrees")]
        fn a_mean_against_a_threshold() {
            let mean = Mean::Wide(Approx::fraction(5, 1));
            let _ = mean.at_least(&Threshold::new(Exact::int(3)), || Some(Exact::int(1)));
        }

        #[test]
        #[should_panic(expected = "a rounding within the bound disagrees")]
        fn a_mean_rounded() {
            let _ = Mean::Wide(Approx::fraction(5, 1)).to_f64(|| Some(Exact::int(1)));
        }

        #[test]
        #[should_panic(expected = "a sign within the bound disagrees")]
        fn the_sign_of_a_value() {
            let _ = lying().signum(&Means::new(&[]));
        }

        #[test]
        #[should_panic(expected = "a rounding within the bound disagrees")]
        fn a_value_rounded() {
            let _ = lying().to_f64(&Means::new(&[]));
        }

        #[test]
        fn honest_approximations_pass() {
            let honest = Value::constant(Exact::int(-1));
            assert_eq!(honest.signum(&Means::new(&[])), Ordering::Less);
            assert_eq!(honest.to_f64(&Means::new(&[])), -1.0);
            let mean = Mean::Wide(Approx::fraction(5, 1));
            let three = Threshold::new(Exact::int(3));
            assert_eq!(mean.at_least(&three, || Some(Exact::int(5))), Some(true));
            assert_eq!(mean.to_f64(|| Some(Exact::int(5))), Some(5.0));
        }
    }
}
