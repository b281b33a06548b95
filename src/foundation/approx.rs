//! Numbers known to within a proven error bound, for deciding exact
//! comparisons cheaply.
//!
//! A value is kept as a double-double `hi + lo` (about 106 bits) with a
//! bound `err` on its distance from the exact value. A comparison is
//! decided here only when the bound cannot change its outcome; otherwise
//! the caller falls back to exact arithmetic. This is the adaptive way of
//! Shewchuk's predicates (1997): exact results, floating-point cost in all
//! but the closest cases.
//!
//! The bounds, with `u = 2^-53` the unit roundoff (every operation below is
//! an IEEE 754 operation rounded to nearest, on values far from overflow
//! and underflow):
//!
//! - `two_sum(a, b)` gives `s = fl(a + b)` and `e` with `s + e = a + b`
//!   exactly (Knuth).
//! - `quotient(t, c)` for integers below 2^53: `hi = fl(t / c)` and
//!   `r = t - hi * c`, computed exactly with Dekker's product (the
//!   remainder of a correctly rounded quotient is representable);
//!   `lo = fl(r / c)`. Then
//!   `|t/c - (hi + lo)| <= u * |r / c| <= u^2 * |t / c|` (because
//!   `|r / c| = |t/c - hi| <= u * |t/c|`).
//! - `add`: `(s, e) = two_sum(a.hi, b.hi)`, `t = fl(fl(a.lo + b.lo) + e)`,
//!   then the exact renormalization `fast_two_sum(s, t)`. Only the two
//!   roundings in `t` lose anything, each at most `u` times a quantity no
//!   larger than `|a.lo| + |b.lo| + |e| <= 2u * (|a| + |b|)`, so the error
//!   is at most `4u^2 * (|a| + |b|)`, added to the operands' own bounds.
//! - `div_int(n)` for an integer `n` below 2^53: `q = fl(hi / n)`,
//!   `r = hi - q * n` exact (as above), `q2 = fl(fl(r + lo) / n)`: two roundings
//!   of a quantity at most `2u * |x / n|`, so at most `4u^2 * |x / n|`
//!   more, and the bound is divided by `n`.
//!
//! Each bound is computed from the double-double values themselves, which
//! are within a relative `2^-90` of the exact ones for every size this
//! crate meets; the bounds are therefore taken with a margin of 2, and all
//! of them in plain `f64` arithmetic rounded upwards by that margin.

use core::cmp::Ordering;

/// The unit roundoff of `f64`, `2^-53`.
const U: f64 = f64::EPSILON / 2.0;
/// `u^2`.
const U2: f64 = U * U;

/// A number `hi + lo` known to lie within `err` of an exact value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Approx {
    hi: f64,
    lo: f64,
    err: f64,
}

/// `a + b` as a rounded sum and its exact error.
fn two_sum(a: f64, b: f64) -> (f64, f64) {
    let s = a + b;
    let bb = s - a;
    let e = (a - (s - bb)) + (b - bb);
    (s, e)
}

/// `a + b` for `|a| >= |b|` (or `a == 0`), as a rounded sum and its exact
/// error.
fn fast_two_sum(a: f64, b: f64) -> (f64, f64) {
    let s = a + b;
    (s, b - (s - a))
}

/// `a` split into two halves of 26 bits each, whose products are exact
/// (Veltkamp).
fn split(a: f64) -> (f64, f64) {
    let c = 134_217_729.0 * a; // 2^27 + 1
    let hi = c - (c - a);
    (hi, a - hi)
}

/// `a * b` as a rounded product and its exact error (Dekker), without a
/// fused multiply-add, which many targets only emulate.
fn two_prod(a: f64, b: f64) -> (f64, f64) {
    let p = a * b;
    let (ah, al) = split(a);
    let (bh, bl) = split(b);
    let e = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
    (p, e)
}

/// `x - q * d`, exactly, for `q` the correctly rounded quotient `x / d`:
/// the remainder is representable, `x - p` is exact because `p` is within
/// a rounding of `x` (Sterbenz), and so is the subtraction of the error.
fn remainder(dividend: f64, quotient: f64, divisor: f64) -> f64 {
    let (product, error) = two_prod(quotient, divisor);
    (dividend - product) - error
}

/// As [`remainder`], for a divisor below 2^26 (an agency's number of
/// ratings): such a divisor splits into itself and zero, so the product's
/// error needs only the quotient's halves, and the result is the same to
/// the bit.
fn remainder_by_count(dividend: f64, quotient: f64, divisor: f64) -> f64 {
    let product = quotient * divisor;
    let (qh, ql) = split(quotient);
    let error = (qh * divisor - product) + ql * divisor;
    (dividend - product) - error
}

/// Below this every count splits into itself and zero.
const SMALL_DIVISOR: u32 = 1 << 26;

/// Below this every integer is exact in `f64`.
const EXACT_INT: f64 = 9_007_199_254_740_992.0;

impl Approx {
    /// Zero, exactly.
    #[cfg(test)]
    pub(crate) const ZERO: Approx = Approx {
        hi: 0.0,
        lo: 0.0,
        err: 0.0,
    };

    /// The quotient `t / c` of two integers (`c > 0`); `None` when either
    /// is too large to be exact in `f64`.
    pub(crate) fn quotient(t: i128, c: i128) -> Option<Approx> {
        #[allow(clippy::cast_precision_loss, reason = "checked to be exact below")]
        let (tf, cf) = (t as f64, c as f64);
        if tf.abs() >= EXACT_INT || cf >= EXACT_INT || c <= 0 {
            return None;
        }
        let hi = tf / cf;
        let r = remainder(tf, hi, cf);
        let lo = r / cf;
        let (hi, lo) = fast_two_sum(hi, lo);
        Some(Approx {
            hi,
            lo,
            err: 2.0 * U2 * hi.abs(),
        })
    }

    /// A number nothing is known of: every decision on it falls back to
    /// exact arithmetic.
    pub(crate) const fn unknown() -> Approx {
        Approx {
            hi: 0.0,
            lo: 0.0,
            err: f64::INFINITY,
        }
    }

    /// The `f64` nearest an exact value, standing for it: within `u` of it,
    /// relatively.
    pub(crate) fn rounded(y: f64) -> Approx {
        Approx {
            hi: y,
            lo: 0.0,
            err: if y.is_finite() {
                U * y.abs() * (1.0 + 4.0 * U)
            } else {
                f64::INFINITY
            },
        }
    }

    /// The fraction `num / den` (`den > 0`): a double-double where both
    /// parts are exact in `f64`, else the quotient of their roundings,
    /// within three roundings (`4u`, relatively).
    pub(crate) fn fraction(num: i128, den: i128) -> Approx {
        Approx::quotient(num, den).unwrap_or_else(|| {
            #[allow(clippy::cast_precision_loss, reason = "the bound counts the rounding")]
            let y = num as f64 / den as f64;
            Approx {
                hi: y,
                lo: 0.0,
                err: if y.is_finite() {
                    4.0 * U * y.abs()
                } else {
                    f64::INFINITY
                },
            }
        })
    }

    /// The mean of the ratios `total / count` (each `count > 0`, every part
    /// below 2^53): the agency-balanced mean of an item. `None` for no
    /// ratio or parts too large for `f64`.
    ///
    /// Cheaper than adding quotients one by one: the high parts of the
    /// ratios are summed with exact error terms (`two_sum`), and those
    /// errors and the ratios' low parts are summed in plain `f64`, with one
    /// bound for the whole sum. With `x_i` the ratios (all positive), `S`
    /// their sum and `n` their number:
    ///
    /// - each high part `t * fl(1 / c)` is within two roundings of `x_i`,
    ///   so the remainder `t - hi * c` is under `3u x_i c`, computed to
    ///   within a rounding of itself, and the low part `r * fl(1 / c)` is
    ///   within three roundings of `r / c`: under `10 u^2 x_i` in all;
    /// - the plain sum adds `2n` terms of at most `3u S` each (the `two_sum`
    ///   errors are at most `u S`), so it is within `2.1 n (n + 2) u^2 S`;
    /// - the final `fast_two_sum` is exact; dividing by `n` adds `4u^2` of
    ///   the mean (see [`Approx::div_int`]).
    ///
    /// The bound taken, `(4 n (n + 1) + 16) u^2` times the sum before the
    /// division, covers these with room.
    pub(crate) fn mean_of_ratios(parts: impl Iterator<Item = (u64, u32)>) -> Option<Approx> {
        let (mut sum, mut small, mut ratios) = (0.0f64, 0.0f64, 0u64);
        for (total, count) in parts {
            #[allow(clippy::cast_precision_loss, reason = "checked to be exact below")]
            let total = total as f64;
            if total >= EXACT_INT {
                return None;
            }
            let raw_count = count.max(1);
            let inverse = inverse(raw_count);
            let count = f64::from(raw_count);
            // `fl(1 / c)`: `high` is within two roundings of the ratio, so
            // the remainder is a few ulps of `total` and is computed to
            // within a rounding of itself, and `low` to within three.
            let high = total * inverse;
            let rest = if raw_count < SMALL_DIVISOR {
                remainder_by_count(total, high, count)
            } else {
                remainder(total, high, count)
            };
            let low = rest * inverse;
            let (next, error) = two_sum(sum, high);
            sum = next;
            small += error + low;
            ratios += 1;
        }
        if ratios == 0 || ratios >= 1 << 26 {
            return None;
        }
        let (hi, lo) = fast_two_sum(sum, small);
        #[allow(clippy::cast_precision_loss, reason = "below 2^26")]
        let size = ratios as f64;
        let total = Approx {
            hi,
            lo,
            err: (4.0 * size * (size + 1.0) + 16.0) * U2 * hi.abs(),
        };
        Some(total.div_int(ratios))
    }

    /// `self + other`.
    #[must_use]
    pub(crate) fn add(self, other: Approx) -> Approx {
        let (s, e) = two_sum(self.hi, other.hi);
        let t = (self.lo + other.lo) + e;
        let (hi, lo) = fast_two_sum(s, t);
        let size = self.hi.abs() + other.hi.abs();
        Approx {
            hi,
            lo,
            err: (self.err + other.err + 4.0 * U2 * size) * (1.0 + 4.0 * U),
        }
    }

    /// `-self`.
    #[must_use]
    pub(crate) fn neg(self) -> Approx {
        Approx {
            hi: -self.hi,
            lo: -self.lo,
            err: self.err,
        }
    }

    /// `self - other`.
    #[must_use]
    pub(crate) fn sub(self, other: Approx) -> Approx {
        self.add(other.neg())
    }

    /// `self / n` for a whole number `n >= 1` below 2^53.
    #[must_use]
    pub(crate) fn div_int(self, n: u64) -> Approx {
        #[allow(clippy::cast_precision_loss, reason = "the caller keeps n below 2^53")]
        let nf = n.max(1) as f64;
        let q = self.hi / nf;
        let r = remainder(self.hi, q, nf);
        let q2 = (r + self.lo) / nf;
        let (hi, lo) = fast_two_sum(q, q2);
        Approx {
            hi,
            lo,
            err: (self.err / nf + 4.0 * U2 * hi.abs()) * (1.0 + 4.0 * U),
        }
    }

    /// The bound, doubled for safety (see the module's notes).
    fn bound(self) -> f64 {
        2.0 * self.err
    }

    /// The sign of the exact value, if the bound decides it.
    pub(crate) fn signum(self) -> Option<Ordering> {
        // |hi + lo| >= |hi| - |lo|, and after renormalization |lo| is at
        // most half an ulp of hi.
        let least = self.hi.abs() - self.lo.abs();
        if least > self.bound() {
            Some(if self.hi > 0.0 {
                Ordering::Greater
            } else {
                Ordering::Less
            })
        } else {
            None
        }
    }

    /// The comparison of the exact values of `self` and `other`, if the
    /// bounds decide it.
    pub(crate) fn cmp_within(self, other: Approx) -> Option<Ordering> {
        self.sub(other).signum()
    }

    /// The `f64` nearest the exact value (ties to even), if the bound puts
    /// the exact value strictly inside the rounding interval of one `f64`
    /// (Ziv's test); `None` when it may lie on the other side of a
    /// midpoint.
    pub(crate) fn nearest_f64(self) -> Option<f64> {
        let y = self.hi;
        if y == 0.0 || !y.is_finite() {
            return (self.lo == 0.0 && self.err == 0.0).then_some(y);
        }
        let above = next_up(y) - y;
        let below = y - next_down(y);
        // The exact value lies in y + lo ± bound; it rounds to y when that
        // whole interval lies within half an ulp of y on each side. The
        // sums here are rounded, so ask for a little less than half.
        let (bound, margin) = (self.bound(), 0.5 * (1.0 - 1e-6));
        let fits = self.lo + bound < above * margin && bound - self.lo < below * margin;
        fits.then_some(y)
    }
}

/// The smallest `f64` above `y` (finite `y`).
pub(crate) fn next_up(y: f64) -> f64 {
    if y == 0.0 {
        f64::from_bits(1)
    } else if y > 0.0 {
        f64::from_bits(y.to_bits() + 1)
    } else {
        f64::from_bits(y.to_bits() - 1)
    }
}

/// How many counts [`INVERSES`] holds the reciprocal of: more respondents
/// than an agency has.
const SMALL_COUNTS: usize = 1024;

/// `fl(1 / c)` for every count `c` below [`SMALL_COUNTS`] (0 for 0),
/// worked out once when the crate is compiled: the same correctly rounded
/// quotient a division gives at run time, read from a table that takes a
/// few cycles where a division takes tens.
static INVERSES: [f64; SMALL_COUNTS] = inverses();

#[allow(
    clippy::indexing_slicing,
    clippy::cast_precision_loss,
    reason = "index below the table's length; counts below 2^10 are exact in f64"
)]
const fn inverses() -> [f64; SMALL_COUNTS] {
    let mut table = [0.0; SMALL_COUNTS];
    let mut count = 1;
    while count < SMALL_COUNTS {
        table[count] = 1.0 / count as f64;
        count += 1;
    }
    table
}

/// `fl(1 / count)`, `count > 0`.
fn inverse(count: u32) -> f64 {
    usize::try_from(count)
        .ok()
        .and_then(|c| INVERSES.get(c))
        .copied()
        .unwrap_or_else(|| 1.0 / f64::from(count))
}

/// The largest `f64` below `y` (finite `y`).
fn next_down(y: f64) -> f64 {
    -next_up(-y)
}

#[cfg(test)]
#[allow(
    clippy::cast_possible_truncation,
    clippy::cast_possible_wrap,
    clippy::cast_sign_loss,
    reason = "generated sizes are small"
)]
mod tests {
    use num_bigint::BigInt;
    use num_rational::BigRational;
    use num_traits::{Signed as _, Zero as _};

    use super::*;
    use crate::foundation::exact::Exact;
    use crate::foundation::test_rng::XorShift;

    fn exact(x: f64) -> BigRational {
        BigRational::from_float(x).unwrap()
    }

    fn q(num: i128, den: i128) -> BigRational {
        BigRational::new(BigInt::from(num), BigInt::from(den))
    }

    /// The double-double's own value, `hi + lo`.
    fn centre(a: Approx) -> BigRational {
        exact(a.hi) + exact(a.lo)
    }

    /// The same `f64`, zeros of either sign alike.
    fn same(a: f64, b: f64) -> bool {
        a.to_bits() == b.to_bits() || (a == 0.0 && b == 0.0)
    }

    /// A number known to within a bound, with the exact value it stands
    /// for.
    #[derive(Clone, Debug)]
    struct Known {
        approx: Approx,
        exact: BigRational,
    }

    impl Known {
        fn add(&self, other: &Known) -> Known {
            Known {
                approx: self.approx.add(other.approx),
                exact: &self.exact + &other.exact,
            }
        }

        fn sub(&self, other: &Known) -> Known {
            Known {
                approx: self.approx.sub(other.approx),
                exact: &self.exact - &other.exact,
            }
        }

        fn neg(&self) -> Known {
            Known {
                approx: self.approx.neg(),
                exact: -&self.exact,
            }
        }

        fn div_int(&self, n: u64) -> Known {
            Known {
                approx: self.approx.div_int(n),
                exact: &self.exact / BigInt::from(n),
            }
        }
    }

    /// What the checks saw: how often the bound decided.
    #[derive(Debug, Default)]
    struct Seen {
        checked: u32,
        nonzero: u32,
        signs_decided: u32,
        roundings_decided: u32,
    }

    /// Checks every claim an approximation makes of its exact value: that
    /// the exact value lies within `err` of `hi + lo`, that `hi + lo` is
    /// renormalized, that a sign it decides is the exact sign and that an
    /// `f64` it rounds to is the one nearest the exact value (and nearest
    /// every value within the bound).
    fn check(k: &Known, seen: &mut Seen) {
        let a = k.approx;
        seen.checked += 1;
        if !k.exact.is_zero() {
            seen.nonzero += 1;
        }
        assert!(a.err >= 0.0, "{a:?}: a negative bound");
        assert_eq!(a.hi + a.lo, a.hi, "{a:?} is not renormalized");
        if a.err.is_finite() {
            let distance = (centre(a) - &k.exact).abs();
            assert!(
                distance <= exact(a.err),
                "{a:?} lies {} from {}, beyond its bound",
                distance,
                k.exact
            );
        }
        if let Some(sign) = a.signum() {
            assert_eq!(
                sign,
                k.exact.cmp(&BigRational::zero()),
                "{a:?}: {}",
                k.exact
            );
            seen.signs_decided += 1;
        }
        if let Some(y) = a.nearest_f64() {
            let want = Exact::Big(k.exact.clone()).to_f64();
            assert!(
                same(y, want),
                "{a:?} rounds to {y}, not {want}: {}",
                k.exact
            );
            let err = exact(a.err);
            for edge in [centre(a) - &err, centre(a) + &err] {
                assert!(same(Exact::Big(edge).to_f64(), y), "{a:?}: {y}");
            }
            seen.roundings_decided += 1;
        }
    }

    /// Two random integers below 2^53, the second above zero.
    fn quotient_parts(rng: &mut XorShift) -> (i128, i128) {
        let t = rng.int(53) * if rng.next() & 1 == 0 { 1 } else { -1 };
        (t, rng.int(53).max(1))
    }

    /// The quotient of two random integers below 2^53.
    fn quotient(rng: &mut XorShift) -> Known {
        let (t, c) = quotient_parts(rng);
        Known {
            approx: Approx::quotient(t, c).unwrap(),
            exact: q(t, c),
        }
    }

    /// An agency's mean rating: 1 to 200 ratings of 1 to 5.
    fn agency_mean(rng: &mut XorShift) -> (i128, i128) {
        let c = 1 + rng.int(8).min(199);
        (c + rng.int(12) % (4 * c + 1), c)
    }

    /// A fraction of two random integers of up to 120 bits.
    fn fraction(rng: &mut XorShift) -> Known {
        let num = rng.int(120) * if rng.next() & 1 == 0 { 1 } else { -1 };
        let den = rng.int(120).max(1);
        Known {
            approx: Approx::fraction(num, den),
            exact: q(num, den),
        }
    }

    /// A random `f64` standing for an exact value it is nearest, anywhere
    /// in its rounding interval up to its ends.
    fn rounded(rng: &mut XorShift) -> Known {
        let y = rng.float(60, 60);
        let (up, down) = (
            exact(y.next_up()) - exact(y),
            exact(y) - exact(y.next_down()),
        );
        let even = y.to_bits() & 1 == 0;
        let end = if even {
            q(1, 2)
        } else {
            q(1, 2) - q(1, 1 << 40)
        };
        let offset = match rng.below(5) {
            0 => BigRational::zero(),
            1 => up * end,
            2 => -(down * end),
            3 => up * q(rng.int(40), 1 << 41),
            _ => -(down * q(rng.int(40), 1 << 41)),
        };
        Known {
            approx: Approx::rounded(y),
            exact: exact(y) + offset,
        }
    }

    /// A double-double with a random bound, standing for a value anywhere
    /// within the bound, up to its ends.
    fn bounded(rng: &mut XorShift) -> Known {
        let hi = rng.float(30, 30);
        let half_ulp = (hi.next_up() - hi).abs().min((hi - hi.next_down()).abs()) / 2.0;
        let lo = half_ulp * (rng.int(20) as f64 / f64::from(1 << 20)) * rng.pick(&[1.0, -1.0]);
        let err = hi.abs() * rng.pick(&[0.0, 2.0 * U2, 1e3 * U2, 1e-20, U]);
        let theta = rng.pick(&[-1, -1, 0, 1, 1]);
        let approx = Approx { hi, lo, err };
        Known {
            exact: centre(approx) + exact(err) * BigInt::from(theta),
            approx,
        }
    }

    fn operand(rng: &mut XorShift) -> Known {
        match rng.below(5) {
            0 => quotient(rng),
            1 => {
                let (t, c) = agency_mean(rng);
                Known {
                    approx: Approx::quotient(t, c).unwrap(),
                    exact: q(t, c),
                }
            }
            2 => fraction(rng),
            3 => rounded(rng),
            _ => bounded(rng),
        }
    }

    #[test]
    fn remainders_by_a_count_are_the_general_remainders() {
        let mut rng = crate::foundation::test_rng::XorShift(0x005E_ED26);
        for _ in 0..200_000 {
            let count = f64::from(1 + rng.below(1 << 26) as u32);
            let total = rng.below(1 << 53) as f64;
            let quotient = total / count;
            let general = super::remainder(total, quotient, count);
            let by_count = super::remainder_by_count(total, quotient, count);
            assert_eq!(general.to_bits(), by_count.to_bits(), "{total} / {count}");
        }
        // The largest count and total, and a count of one.
        for (total, count) in [
            (9_007_199_254_740_991.0, 67_108_863.0),
            (5.0, 1.0),
            (1.0, 3.0),
        ] {
            let quotient = total / count;
            assert_eq!(
                super::remainder(total, quotient, count).to_bits(),
                super::remainder_by_count(total, quotient, count).to_bits()
            );
        }
    }

    #[test]
    fn reciprocals_from_the_table_are_the_quotients() {
        for count in 1..3 * super::SMALL_COUNTS as u32 {
            let by_division = 1.0 / f64::from(count);
            assert_eq!(
                super::inverse(count).to_bits(),
                by_division.to_bits(),
                "{count}"
            );
        }
        assert_eq!(super::inverse(u32::MAX), 1.0 / f64::from(u32::MAX));
    }

    #[test]
    fn quotients_are_double_doubles() {
        let third = Approx::quotient(1, 3).unwrap();
        assert_eq!(third.hi, 1.0 / 3.0);
        // 1/3 - fl(1/3) is about 1.85e-17.
        assert!(third.lo > 0.0 && third.lo < 2e-17);
        assert_eq!(third.nearest_f64(), Some(1.0 / 3.0));
        assert!(Approx::quotient(1 << 60, 3).is_none());
        assert_eq!(
            Approx::quotient(6, 2).unwrap(),
            Approx {
                hi: 3.0,
                lo: 0.0,
                err: 2.0 * U2 * 3.0
            }
        );
    }

    #[test]
    fn signs_are_decided_only_beyond_the_bound() {
        let third = Approx::quotient(1, 3).unwrap();
        let sum = third.add(third).add(third);
        // Exactly 1, but known only to within the bound.
        assert_eq!(sum.sub(Approx::quotient(1, 1).unwrap()).signum(), None);
        assert_eq!(
            sum.cmp_within(Approx::quotient(99, 100).unwrap()),
            Some(Ordering::Greater)
        );
        assert_eq!(
            sum.cmp_within(Approx::quotient(101, 100).unwrap()),
            Some(Ordering::Less)
        );
        assert_eq!(Approx::ZERO.signum(), None);
        assert_eq!(sum.div_int(3).nearest_f64(), Some(1.0 / 3.0));
        assert_eq!(sum.neg().signum(), Some(Ordering::Less));
    }

    #[test]
    fn near_a_midpoint_rounding_is_left_to_exact_arithmetic() {
        // 1 + 2^-53 is the midpoint between 1 and the next f64.
        let one = Approx::quotient(1, 1).unwrap();
        let tiny = Approx {
            hi: U,
            lo: 0.0,
            err: 0.0,
        };
        assert_eq!(one.add(tiny).nearest_f64(), None);
        assert_eq!(one.nearest_f64(), Some(1.0));
    }

    #[test]
    fn quotients_lie_within_their_bound() {
        let mut rng = XorShift(0x2545_F491_4F6C_DD1D);
        let mut seen = Seen::default();
        for _ in 0..4_000 {
            let (t, c) = quotient_parts(&mut rng);
            let k = Known {
                approx: Approx::quotient(t, c).unwrap(),
                exact: q(t, c),
            };
            check(&k, &mut seen);
            // Correctly rounded, and the bound as stated: 2u^2 |hi|.
            let y = t as f64 / c as f64;
            assert_eq!(k.approx.hi, y, "{t}/{c}");
            assert_eq!(k.approx.err, 2.0 * U2 * y.abs());
            // Within u^2 |t/c| in fact.
            let distance = (centre(k.approx) - &k.exact).abs();
            assert!(distance <= exact(U2 * y.abs()) * q(1001, 1000));
        }
        // Away from midpoints, every quotient is rounded here, and the
        // sign of every quotient but zero decided.
        assert!(seen.roundings_decided > 3_990, "{seen:?}");
        assert_eq!(seen.signs_decided, seen.nonzero, "{seen:?}");
    }

    #[test]
    fn quotients_need_parts_exact_in_f64() {
        const P53: i128 = 1 << 53;
        assert!(Approx::quotient(P53 - 1, 1).is_some());
        assert!(Approx::quotient(-(P53 - 1), 1).is_some());
        assert!(Approx::quotient(1, P53 - 1).is_some());
        assert!(Approx::quotient(P53, 1).is_none());
        assert!(Approx::quotient(-P53, 1).is_none());
        assert!(Approx::quotient(1, P53).is_none());
        assert!(Approx::quotient(1, 0).is_none());
        assert!(Approx::quotient(1, -3).is_none());
        assert_eq!(Approx::quotient(0, 7), Some(Approx::ZERO));
        // Beyond, a fraction is the quotient of the parts' roundings.
        let f = Approx::fraction(P53 + 1, 3);
        assert_eq!((f.hi, f.lo), ((P53 as f64) / 3.0, 0.0));
        assert_eq!(f.err, 4.0 * U * f.hi);
        assert_eq!(Approx::fraction(1, 3), Approx::quotient(1, 3).unwrap());
    }

    #[test]
    fn fractions_and_roundings_lie_within_their_bound() {
        let mut rng = XorShift(0x1234_5678_9ABC_DEF1);
        let mut seen = Seen::default();
        for _ in 0..5_000 {
            let k = fraction(&mut rng);
            check(&k, &mut seen);
            if k.approx.lo == 0.0 && k.approx.err > 0.0 {
                // Three roundings: 4u, relatively, no more.
                assert!(k.approx.err <= 4.0 * U * k.approx.hi.abs() * (1.0 + 8.0 * U));
            }
            let k = rounded(&mut rng);
            check(&k, &mut seen);
            // Within u, relatively, no more.
            assert!(k.approx.err <= U * k.approx.hi.abs() * (1.0 + 8.0 * U));
        }
        // A power of two stands for values up to half its gap above: u
        // times it exactly, the end of its bound.
        for y in [1.0, 0.5, -4.0, 1024.0] {
            let k = Known {
                approx: Approx::rounded(y),
                exact: exact(y) * (q(1, 1) + exact(U)),
            };
            check(&k, &mut seen);
        }
        assert_eq!(seen.signs_decided, seen.nonzero, "{seen:?}");
        let infinite = Approx::rounded(f64::INFINITY);
        assert_eq!(infinite.err, f64::INFINITY);
        assert_eq!(infinite.nearest_f64(), None);
        assert_eq!(infinite.signum(), None);
        let huge = Approx {
            hi: f64::MAX,
            lo: 0.0,
            err: 0.0,
        };
        assert_eq!(huge.add(huge).nearest_f64(), None);
    }

    #[test]
    fn sums_differences_and_divisions_lie_within_their_bound() {
        let mut rng = XorShift(0x0DDB_1A5E_5BAD_5EED);
        let mut seen = Seen::default();
        for _ in 0..1_000 {
            let mut pool: Vec<Known> = (0..2 + rng.below(4)).map(|_| operand(&mut rng)).collect();
            for k in &pool {
                check(k, &mut seen);
            }
            for _ in 0..6 {
                let a = pool[rng.below(pool.len() as u64) as usize].clone();
                let b = pool[rng.below(pool.len() as u64) as usize].clone();
                let divisor = rng.pick(&[1, 2, 3, 7, 40, 1 << 20, (1 << 53) - 1]);
                let result = match rng.below(5) {
                    0 | 1 => {
                        let sum = a.add(&b);
                        // No looser than the stated bound.
                        let (left, right) = (a.approx, b.approx);
                        let stated = (left.err + right.err) * (1.0 + 8.0 * U)
                            + 8.0 * U2 * (left.hi.abs() + right.hi.abs());
                        assert!(sum.approx.err <= stated, "{left:?} + {right:?}");
                        // Nor tighter than the operands' bounds: their exact
                        // values may lie anywhere within them.
                        assert!(
                            sum.approx.err >= left.err + right.err,
                            "{left:?} + {right:?}"
                        );
                        sum
                    }
                    2 => a.sub(&b),
                    3 => a.neg(),
                    _ => {
                        let quotient = a.div_int(divisor);
                        let stated = a.approx.err / divisor as f64 * (1.0 + 8.0 * U)
                            + 8.0 * U2 * quotient.approx.hi.abs();
                        assert!(quotient.approx.err <= stated, "{a:?} / {divisor}");
                        assert!(
                            quotient.approx.err >= a.approx.err / divisor as f64,
                            "{a:?} / {divisor}"
                        );
                        quotient
                    }
                };
                check(&result, &mut seen);
                if let Some(order) = a.approx.cmp_within(b.approx) {
                    assert_eq!(order, a.exact.cmp(&b.exact), "{a:?} against {b:?}");
                }
                pool.push(result);
            }
        }
        // The bound decides nearly always on random values.
        assert!(seen.signs_decided * 10 > seen.checked * 9, "{seen:?}");
        assert!(seen.roundings_decided * 2 > seen.checked, "{seen:?}");
    }

    #[test]
    fn means_on_a_threshold_are_left_undecided_and_beside_it_decided() {
        // Pairs of agencies with counts n and 2n and sums tn + k and
        // 2tn - 2k have means t + k/n and t - k/n: the mean of the means
        // is exactly t. Moving one rating by one moves it by 1/(count *
        // agencies), far more than the bound.
        let mut rng = XorShift(0xC0FF_EE00_1234_5678);
        let mut seen = Seen::default();
        let (mut undecided, mut decided) = (0, 0);
        for _ in 0..2_000 {
            let t: i128 = rng.pick(&[3, 4]);
            let pairs = 1 + rng.below(20) as usize;
            let mut parts = Vec::new();
            for _ in 0..pairs {
                let n = 1 + rng.int(6);
                let span = n * (5 - t).min(t - 1);
                let k = rng.int(8) % (2 * span + 1) - span;
                parts.push((t * n + k, n));
                parts.push((2 * t * n - 2 * k, 2 * n));
            }
            let moved = i128::from(rng.below(3)) - 1;
            let which = rng.below(parts.len() as u64) as usize;
            let (total, count) = parts[which];
            if !(count..=5 * count).contains(&(total + moved)) {
                continue;
            }
            parts[which].0 += moved;
            let agencies = parts.len() as u64;
            // The mean as quotients added one by one and divided, and as
            // the mean of the ratios in one pass.
            let mut sum = Known {
                approx: Approx::ZERO,
                exact: BigRational::zero(),
            };
            for &(total, count) in &parts {
                let mean = Known {
                    approx: Approx::quotient(total, count).unwrap(),
                    exact: q(total, count),
                };
                sum = sum.add(&mean);
            }
            let added = sum.div_int(agencies);
            let ratios = Known {
                approx: Approx::mean_of_ratios(
                    parts
                        .iter()
                        .map(|&(total, count)| (total as u64, count as u32)),
                )
                .unwrap(),
                exact: added.exact.clone(),
            };
            let threshold = Known {
                approx: Approx::quotient(t, 1).unwrap(),
                exact: q(t, 1),
            };
            for mean in [&added, &ratios] {
                check(mean, &mut seen);
                let difference = mean.sub(&threshold);
                check(&difference, &mut seen);
                let order = mean.approx.cmp_within(threshold.approx);
                assert_eq!(order, difference.approx.signum());
                if moved == 0 {
                    assert_eq!(mean.exact, threshold.exact);
                    assert_eq!(order, None, "{mean:?}");
                    undecided += 1;
                } else {
                    assert_eq!(order, Some(mean.exact.cmp(&threshold.exact)), "{mean:?}");
                    decided += 1;
                }
                // A priority: the constant 3 less the mean, twice, against
                // 6 less the mean twice, summed in another order.
                let three = Known {
                    approx: Approx::quotient(3, 1).unwrap(),
                    exact: q(3, 1),
                };
                let six = Known {
                    approx: Approx::rounded(6.0),
                    exact: q(6, 1),
                };
                let left = three.sub(mean).add(&three.sub(mean));
                let right = six.sub(&mean.add(mean));
                check(&left, &mut seen);
                check(&right, &mut seen);
                assert_eq!(left.approx.cmp_within(right.approx), None);
            }
        }
        assert!(undecided > 500 && decided > 500, "{undecided} {decided}");
    }

    /// Random agencies' sums and counts: ratings of 1 to 5, any parts
    /// below 2^53 and 2^32, or means a hair from 3.
    fn ratio_parts(rng: &mut XorShift, n: u64) -> Vec<(u64, u32)> {
        (0..n)
            .map(|_| match rng.below(3) {
                0 => {
                    let count = 1 + rng.below(200);
                    (count + rng.below(4 * count + 1), count as u32)
                }
                1 => (rng.int(53) as u64, (rng.int(32) as u32).max(1)),
                _ => {
                    let count = 1 + rng.below(64);
                    (3 * count + rng.below(3) - 1, count as u32)
                }
            })
            .collect()
    }

    #[test]
    fn means_of_ratios_lie_within_their_bound() {
        let mut rng = XorShift(0x7F4A_7C15_9E37_79B9);
        let mut seen = Seen::default();
        for trial in 0..800 {
            let n = 1 + rng.below(if trial % 40 == 0 { 300 } else { 40 });
            let parts = ratio_parts(&mut rng, n);
            let exact_mean = parts
                .iter()
                .map(|&(total, count)| q(i128::from(total), i128::from(count)))
                .fold(BigRational::zero(), |s, x| s + x)
                / BigInt::from(n);
            let approx = Approx::mean_of_ratios(parts.iter().copied()).unwrap();
            check(
                &Known {
                    approx,
                    exact: exact_mean,
                },
                &mut seen,
            );
            // The bound as stated: (4n(n + 1) + 16) u^2 of the sum, divided
            // by n, and the division's own 4u^2 of the mean.
            let size = n as f64;
            let stated = (4.0 * size * (size + 1.0) + 16.0) * U2 * approx.hi.abs();
            assert!(approx.err >= stated * (1.0 - 1e-9), "{approx:?} over {n}");
            assert!(
                approx.err <= (stated + 4.0 * U2 * approx.hi.abs()) * (1.0 + 1e-9),
                "{approx:?} over {n}"
            );
        }
        // Means of ratios of integers are rounded and compared here, but
        // for those that are exactly zero.
        assert_eq!(seen.signs_decided, seen.nonzero, "{seen:?}");
        assert!(seen.roundings_decided > 790, "{seen:?}");
        // No ratio, or a total beyond 2^53: nothing known.
        assert_eq!(Approx::mean_of_ratios(core::iter::empty()), None);
        assert_eq!(Approx::mean_of_ratios([(1 << 53, 1)].into_iter()), None);
        assert_eq!(
            Approx::mean_of_ratios([(3, 1), (1 << 53, 1)].into_iter()),
            None
        );
        let largest = Approx::mean_of_ratios([((1 << 53) - 1, 1)].into_iter()).unwrap();
        assert_eq!(largest.hi, 9_007_199_254_740_991.0);
        // A count of zero counts as one.
        assert_eq!(
            Approx::mean_of_ratios([(6, 0)].into_iter()),
            Approx::mean_of_ratios([(6, 1)].into_iter())
        );
        let zero = Approx::mean_of_ratios([(0, 3), (0, 7)].into_iter()).unwrap();
        assert_eq!(zero, Approx::ZERO);
    }

    #[test]
    fn products_and_remainders_are_exact() {
        let mut rng = XorShift(0x3C6E_F372_FE94_F82B);
        for _ in 0..3_000 {
            let (left, right) = (rng.float(60, 60), rng.float(60, 60));
            // Halves of 26 bits: their sum is the number, their products
            // exact.
            let (high, low) = split(left);
            assert_eq!(exact(high) + exact(low), exact(left), "{left}");
            for (x, y) in [(high, high), (high, low), (low, low)] {
                assert_eq!(exact(x * y), exact(x) * exact(y), "{left}");
            }
            let (product, error) = two_prod(left, right);
            assert_eq!(product, left * right);
            assert_eq!(
                exact(product) + exact(error),
                exact(left) * exact(right),
                "{left} * {right}"
            );
            // The remainder of a quotient of integers, correctly rounded or
            // (for a count below 2^32) the product by the rounded inverse.
            let total = rng.int(53) as f64;
            let remainder_of =
                |quotient: f64, count: f64| exact(total) - exact(quotient) * exact(count);
            let count = rng.int(53).max(1) as f64;
            let quotient = total / count;
            assert_eq!(
                exact(remainder(total, quotient, count)),
                remainder_of(quotient, count),
                "{total} / {count}"
            );
            let count = rng.int(32).max(1) as f64;
            let quotient = total * (1.0 / count);
            assert_eq!(
                exact(remainder(total, quotient, count)),
                remainder_of(quotient, count),
                "{total} * (1 / {count})"
            );
        }
        assert_eq!(split(1.0), (1.0, 0.0));
        assert_eq!(
            two_prod(1.0 + 2.0 * U, 1.0 + 2.0 * U),
            (1.0 + 4.0 * U, 4.0 * U2)
        );
        // fl(1/3) = (2^54 - 1) / (3 * 2^54): 1 - 3 fl(1/3) = 2^-54.
        assert_eq!(remainder(1.0, 1.0 / 3.0, 3.0), 2f64.powi(-54));
    }

    #[test]
    fn roundings_near_a_midpoint_are_left_to_exact_arithmetic() {
        // Values on, and a little to either side of, the midpoints between
        // random f64s, and the quarters of their gaps, with various bounds.
        let mut rng = XorShift(0x5EED_00FF_F00D_CAFE);
        let mut seen = Seen::default();
        for _ in 0..1_500 {
            let hi = rng.float(40, 40);
            let up = hi.next_up() - hi;
            let down = hi - hi.next_down();
            let nudge = rng.pick(&[0.0, 1e-3, -1e-3, 1e-6, -1e-6, 2e-7, -2e-7, 1e-12, -1e-12]);
            let gap = if rng.next() & 1 == 0 { up } else { -down };
            let lo = gap * (rng.pick(&[0.25, 0.5, 0.5, 0.5]) + nudge);
            let (hi, lo) = fast_two_sum(hi, lo);
            let err = hi.abs() * rng.pick(&[0.0, 0.0, 2.0 * U2, 1e3 * U2, 1e-22]);
            let approx = Approx { hi, lo, err };
            for theta in [-1, 0, 1] {
                let k = Known {
                    exact: centre(approx) + exact(err) * BigInt::from(theta),
                    approx,
                };
                check(&k, &mut seen);
            }
        }
        assert!(seen.roundings_decided > 500, "{seen:?}");
        assert!(seen.roundings_decided < seen.checked, "{seen:?}");
    }

    #[test]
    fn zero_and_the_unknown() {
        assert_eq!(Approx::ZERO.nearest_f64(), Some(0.0));
        let zero_within = Approx {
            hi: 0.0,
            lo: 0.0,
            err: 1e-30,
        };
        assert_eq!(zero_within.nearest_f64(), None);
        assert_eq!(zero_within.signum(), None);
        let unknown = Approx::unknown();
        assert_eq!(unknown.signum(), None);
        assert_eq!(unknown.nearest_f64(), None);
        let one = Approx::quotient(1, 1).unwrap();
        assert_eq!(one.cmp_within(unknown), None);
        assert_eq!(one.add(unknown).nearest_f64(), None);
        assert_eq!(one.add(unknown).signum(), None);
        assert_eq!(one.div_int(0), one.div_int(1));
        assert_eq!(one.cmp_within(one), None);
        assert_eq!(one.neg().signum(), Some(Ordering::Less));
        assert_eq!(one.signum(), Some(Ordering::Greater));
        assert_eq!(one.neg().nearest_f64(), Some(-1.0));
        assert_eq!(one.bound(), 2.0 * one.err);
    }

    #[test]
    fn the_unit_roundoff() {
        assert_eq!(U, 2f64.powi(-53));
        assert_eq!(U2, 2f64.powi(-106));
        assert_eq!(EXACT_INT, 2f64.powi(53));
    }

    #[test]
    fn neighbours_are_one_unit_away() {
        assert_eq!(next_up(0.0), 5e-324);
        assert_eq!(next_up(1.0), 1.0 + f64::EPSILON);
        assert_eq!(next_up(-1.0), -1.0 + f64::EPSILON / 2.0);
        assert_eq!(next_down(1.0), 1.0 - f64::EPSILON / 2.0);
        assert_eq!(next_down(-1.0), -1.0 - f64::EPSILON);
        assert_eq!(next_down(0.0), -5e-324);
        assert_eq!(two_sum(1.0, U), (1.0, U));
        assert_eq!(two_sum(U, 1.0), (1.0, U));
        assert_eq!(two_sum(3.0 * U, 1.0), (1.0 + 4.0 * U, -U));
        assert_eq!(two_sum(1.0, -3.0 * U), (1.0 - 3.0 * U, 0.0));
        assert_eq!(fast_two_sum(1.0, U), (1.0, U));
        assert_eq!(fast_two_sum(1.0, 3.0 * U), (1.0 + 4.0 * U, -U));
    }
}
