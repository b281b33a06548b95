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
                    && !cfg!(debug_assertions)
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
                    && !cfg!(debug_assertions)
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
        let Sum { total, count } = tally.of(item);
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

/// In debug builds, that a decision made within a bound is the exact one.
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

    /// The mean of `item`, `times` times; `None` without ratings.
    pub(crate) fn mean<T: Rated>(means: &Means<'_>, item: T, times: i32) -> Option<Value> {
        let approx = means.of(item).approx()?;
        let mut counts = Counts::default();
        if let Some(slot) = T::of_mut(&mut counts).get_mut(item.index()) {
            *slot = times;
        }
        let approx = if times < 0 { approx.neg() } else { approx };
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
            && !cfg!(debug_assertions)
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
            Some(y) if !cfg!(debug_assertions) => y,
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
