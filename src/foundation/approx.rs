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
//!   `r = fma(-hi, c, t)`, which is exact (the remainder of a correctly
//!   rounded quotient is representable); `lo = fl(r / c)`. Then
//!   `|t/c - (hi + lo)| <= u * |r / c| <= u^2 * |t / c|` (because
//!   `|r / c| = |t/c - hi| <= u * |t/c|`).
//! - `add`: `(s, e) = two_sum(a.hi, b.hi)`, `t = fl(fl(a.lo + b.lo) + e)`,
//!   then the exact renormalization `fast_two_sum(s, t)`. Only the two
//!   roundings in `t` lose anything, each at most `u` times a quantity no
//!   larger than `|a.lo| + |b.lo| + |e| <= 2u * (|a| + |b|)`, so the error
//!   is at most `4u^2 * (|a| + |b|)`, added to the operands' own bounds.
//! - `div_int(n)` for an integer `n` below 2^53: `q = fl(hi / n)`,
//!   `r = fma(-q, n, hi)` exact, `q2 = fl(fl(r + lo) / n)`: two roundings
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

/// Below this every integer is exact in `f64`.
const EXACT_INT: f64 = 9_007_199_254_740_992.0;

impl Approx {
    /// Zero, exactly.
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
        let r = (-hi).mul_add(cf, tf);
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
        let r = (-q).mul_add(nf, self.hi);
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

/// The largest `f64` below `y` (finite `y`).
fn next_down(y: f64) -> f64 {
    -next_up(-y)
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::float_cmp,
    reason = "tests of exact rounding compare floats exactly"
)]
mod tests {
    use super::*;

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
}
