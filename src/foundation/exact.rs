//! Exact rational arithmetic for means, thresholds and priorities.
//!
//! Ratings are integers, so every mean the crate computes is a rational
//! number, and every comparison with a threshold is decided on that exact
//! value. A value normally lives in two `i128`s and never touches the heap;
//! only a value whose numerator or denominator outgrows them (a common
//! denominator of more than 127 bits, which takes dozens of agencies with
//! unequal numbers of ratings) moves to big integers.

use core::cmp::Ordering;
use core::fmt::Write as _;

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{ToPrimitive, Zero};

/// A fraction `num / den` with `den > 0`, not necessarily in lowest terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Fraction {
    num: i128,
    den: i128,
}

impl Fraction {
    /// The integer `n`.
    pub(crate) const fn int(n: i128) -> Fraction {
        Fraction { num: n, den: 1 }
    }

    /// The numerator and the denominator (above zero).
    pub(crate) const fn parts(self) -> (i128, i128) {
        (self.num, self.den)
    }

    /// `num / den`; `den` must be above zero.
    pub(crate) const fn new(num: i128, den: i128) -> Fraction {
        Fraction { num, den }
    }

    /// The number a finite `f64` stands for, read as the shortest decimal
    /// that gives it back (`3.3` is 33/10, not the nearest binary
    /// fraction), or `None` if it is not finite or that decimal does not
    /// fit in 128 bits.
    pub(crate) fn from_f64(x: f64) -> Option<Fraction> {
        if !x.is_finite() {
            return None;
        }
        let mut buffer = Buffer::default();
        write!(buffer, "{x}").ok()?;
        let text = buffer.as_str()?;
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        let mut num: i128 = 0;
        for byte in whole.bytes().chain(fraction.bytes()) {
            let digit = i128::from(byte.checked_sub(b'0').filter(|d| *d < 10)?);
            num = num.checked_mul(10)?.checked_add(digit)?;
        }
        let scale = u32::try_from(fraction.len()).ok()?;
        let den = 10i128.checked_pow(scale)?;
        Some(Fraction {
            num: if negative { -num } else { num },
            den,
        })
    }
}

/// A fixed buffer for formatting one number without allocating.
struct Buffer {
    bytes: [u8; 48],
    len: usize,
}

impl Default for Buffer {
    fn default() -> Self {
        Buffer {
            bytes: [0; 48],
            len: 0,
        }
    }
}

impl Buffer {
    fn as_str(&self) -> Option<&str> {
        core::str::from_utf8(self.bytes.get(..self.len)?).ok()
    }
}

impl core::fmt::Write for Buffer {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        let end = self.len + s.len();
        let slot = self.bytes.get_mut(self.len..end).ok_or(core::fmt::Error)?;
        slot.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// An exact rational number.
#[derive(Clone, Debug)]
pub(crate) enum Exact {
    /// A value whose parts fit in 128 bits.
    Small(Fraction),
    /// Any other value.
    Big(BigRational),
}

impl From<Fraction> for Exact {
    fn from(f: Fraction) -> Exact {
        Exact::Small(f)
    }
}

/// `2^53`: integers up to this convert to `f64` exactly.
const EXACT_IN_F64: u128 = 1 << 53;

impl Exact {
    /// Zero.
    pub(crate) const ZERO: Exact = Exact::int(0);

    /// The integer `n`.
    pub(crate) const fn int(n: i128) -> Exact {
        Exact::Small(Fraction::int(n))
    }

    /// The exact value of a finite `f64`: its shortest decimal (see
    /// [`Fraction::from_f64`]), or its binary value when that decimal is
    /// too long. Not finite: zero (the rubric rejects such numbers).
    pub(crate) fn from_f64(x: f64) -> Exact {
        match Fraction::from_f64(x) {
            Some(f) => Exact::Small(f),
            None => BigRational::from_float(x).map_or(Exact::ZERO, Exact::Big),
        }
    }

    /// `total / count` (`count > 0`): the mean of `count` integers summing
    /// to `total`.
    pub(crate) fn ratio(total: u64, count: u32) -> Exact {
        Exact::Small(Fraction {
            num: i128::from(total),
            den: i128::from(count.max(1)),
        })
    }

    /// The mean of a list of fractions `total / count` (each `count > 0`),
    /// each fraction weighing the same; `None` for an empty list.
    pub(crate) fn mean_of_means(parts: impl Iterator<Item = (u64, u32)> + Clone) -> Option<Exact> {
        // Sum over a common denominator, the product of the counts: a few
        // multiplications per part and no division. (Classification sums
        // in 64 bits first and comes here when that overflows.) On overflow
        // here too, start again with big integers.
        let small = || -> Option<Option<Fraction>> {
            let mut num: i128 = 0;
            let mut den: i128 = 1;
            let mut n: i128 = 0;
            for (total, count) in parts.clone() {
                let count = i128::from(count);
                num = num
                    .checked_mul(count)?
                    .checked_add(i128::from(total).checked_mul(den)?)?;
                den = den.checked_mul(count)?;
                n += 1;
            }
            if n == 0 {
                return Some(None);
            }
            Some(Some(Fraction {
                num,
                den: den.checked_mul(n)?,
            }))
        };
        if let Some(value) = small() {
            return value.map(Exact::Small);
        }
        let mut sum = BigRational::zero();
        let mut n: u64 = 0;
        for (total, count) in parts {
            sum += BigRational::new(BigInt::from(total), BigInt::from(count));
            n += 1;
        }
        (n > 0).then(|| Exact::Big(sum / BigInt::from(n)))
    }

    /// The value as a fraction of 128-bit integers, if it is one.
    pub(crate) fn as_fraction(&self) -> Option<Fraction> {
        match self {
            Exact::Small(f) => Some(*f),
            Exact::Big(_) => None,
        }
    }

    fn to_big(&self) -> BigRational {
        match self {
            Exact::Small(f) => BigRational::new_raw(BigInt::from(f.num), BigInt::from(f.den)),
            Exact::Big(b) => b.clone(),
        }
    }

    /// `self + other`.
    #[must_use]
    pub(crate) fn add(&self, other: &Exact) -> Exact {
        if let (Exact::Small(a), Exact::Small(b)) = (self, other) {
            let sum = (|| {
                let num = a
                    .num
                    .checked_mul(b.den)?
                    .checked_add(b.num.checked_mul(a.den)?)?;
                let den = a.den.checked_mul(b.den)?;
                Some(reduce(Fraction { num, den }))
            })();
            if let Some(sum) = sum {
                return Exact::Small(sum);
            }
        }
        Exact::Big(self.to_big() + other.to_big())
    }

    /// `self - other`.
    #[must_use]
    pub(crate) fn sub(&self, other: &Exact) -> Exact {
        self.add(&other.neg())
    }

    /// `-self`.
    #[must_use]
    pub(crate) fn neg(&self) -> Exact {
        match self {
            Exact::Small(f) if f.num != i128::MIN => Exact::Small(Fraction {
                num: -f.num,
                den: f.den,
            }),
            _ => Exact::Big(-self.to_big()),
        }
    }

    /// Compares the exact values.
    pub(crate) fn cmp_exact(&self, other: &Exact) -> Ordering {
        if let (Exact::Small(a), Exact::Small(b)) = (self, other) {
            // 64-bit products where the parts fit (the usual case), else 128.
            if let (Ok(an), Ok(ad), Ok(bn), Ok(bd)) = (
                i64::try_from(a.num),
                i64::try_from(a.den),
                i64::try_from(b.num),
                i64::try_from(b.den),
            ) && let (Some(left), Some(right)) = (an.checked_mul(bd), bn.checked_mul(ad))
            {
                return left.cmp(&right);
            }
            if let (Some(left), Some(right)) = (a.num.checked_mul(b.den), b.num.checked_mul(a.den))
            {
                return left.cmp(&right);
            }
        }
        self.to_big().cmp(&other.to_big())
    }

    /// Whether `self >= other`, exactly.
    pub(crate) fn at_least(&self, other: &Exact) -> bool {
        self.cmp_exact(other) != Ordering::Less
    }

    /// The `f64` nearest the exact value (ties to even), as IEEE 754
    /// rounds: an exact 3 gives 3.0.
    pub(crate) fn to_f64(&self) -> f64 {
        if let Exact::Small(f) = self {
            let f = if fits_f64(*f) { *f } else { reduce_fully(*f) };
            if let (true, Ok(num), Ok(den)) =
                (fits_f64(f), i64::try_from(f.num), i64::try_from(f.den))
            {
                // Both parts are exact in f64, and IEEE division rounds the
                // exact quotient correctly. (From i64, the conversion is one
                // instruction; from i128 it is a library call.)
                #[allow(clippy::cast_precision_loss, reason = "both parts are below 2^53")]
                return num as f64 / den as f64;
            }
        }
        nearest_f64(&self.to_big())
    }
}

fn fits_f64(f: Fraction) -> bool {
    f.num.unsigned_abs() <= EXACT_IN_F64 && f.den.unsigned_abs() <= EXACT_IN_F64
}

/// Divides out common factors once the parts grow large, so that sums of
/// many fractions with the same denominators stay small.
fn reduce(f: Fraction) -> Fraction {
    if f.num.unsigned_abs() < 1 << 62 && f.den.unsigned_abs() < 1 << 62 {
        f
    } else {
        reduce_fully(f)
    }
}

fn reduce_fully(f: Fraction) -> Fraction {
    let g = gcd(f.num.unsigned_abs(), f.den.unsigned_abs());
    match (i128::try_from(g), f.num == i128::MIN) {
        (Ok(g), false) if g > 1 => Fraction {
            num: f.num / g,
            den: f.den / g,
        },
        _ => f,
    }
}

/// Binary greatest common divisor.
fn gcd(mut a: u128, mut b: u128) -> u128 {
    if a == 0 {
        return b;
    }
    if b == 0 {
        return a;
    }
    let shift = (a | b).trailing_zeros();
    a >>= a.trailing_zeros();
    loop {
        b >>= b.trailing_zeros();
        if a > b {
            core::mem::swap(&mut a, &mut b);
        }
        b -= a;
        if b == 0 {
            return a << shift;
        }
    }
}

/// The `f64` nearest `r`, ties to even: start from an approximation and
/// step to a neighbour while `r` lies beyond the midpoint towards it.
fn nearest_f64(r: &BigRational) -> f64 {
    let mut y = r.to_f64().unwrap_or(0.0);
    if !y.is_finite() {
        return y;
    }
    for _ in 0..8 {
        let Some(here) = BigRational::from_float(y) else {
            return y;
        };
        let (neighbour, towards) = match r.cmp(&here) {
            Ordering::Equal => return y,
            Ordering::Greater => (next_up(y), Ordering::Greater),
            Ordering::Less => (-next_up(-y), Ordering::Less),
        };
        let Some(there) = BigRational::from_float(neighbour) else {
            return y;
        };
        let midpoint = (here + there) / BigInt::from(2);
        match r.cmp(&midpoint) {
            o if o == towards => y = neighbour,
            Ordering::Equal if y.to_bits() & 1 == 1 => return neighbour,
            _ => return y,
        }
    }
    y
}

/// The smallest `f64` above `y` (finite `y`).
fn next_up(y: f64) -> f64 {
    if y == 0.0 {
        f64::from_bits(1)
    } else if y > 0.0 {
        f64::from_bits(y.to_bits() + 1)
    } else {
        f64::from_bits(y.to_bits() - 1)
    }
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::float_cmp,
    clippy::cast_precision_loss,
    reason = "tests of exact rounding compare floats exactly"
)]
mod tests {
    use super::*;

    fn ratio(num: i128, den: i128) -> Exact {
        Exact::Small(Fraction { num, den })
    }

    #[test]
    fn decimals_read_as_written() {
        assert_eq!(Fraction::from_f64(3.3), Some(Fraction { num: 33, den: 10 }));
        assert_eq!(Fraction::from_f64(-2.0), Some(Fraction { num: -2, den: 1 }));
        assert_eq!(Fraction::from_f64(f64::NAN), None);
        assert_eq!(Fraction::from_f64(1e300), None);
        assert!(Exact::from_f64(1e300).cmp_exact(&ratio(1, 1)).is_gt());
    }

    #[test]
    fn the_mean_of_means_is_exact() {
        // 1, 3, 13/3 and 11/3 average exactly 3.
        let parts = [(1, 1), (3, 1), (13, 3), (11, 3)];
        let mean = Exact::mean_of_means(parts.iter().copied()).unwrap();
        assert_eq!(mean.cmp_exact(&ratio(3, 1)), Ordering::Equal);
        assert_eq!(mean.to_f64(), 3.0);
        assert!(Exact::mean_of_means([].iter().copied()).is_none());
    }

    #[test]
    fn big_values_stay_exact() {
        // Forty agencies with pairwise coprime counts overflow 128 bits.
        let primes = [
            2u32, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79,
            83, 89, 97, 101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167, 173,
        ];
        // Each agency's mean is exactly 3: the mean is 3.
        let parts = primes.iter().map(|&p| (3 * u64::from(p), p));
        let mean = Exact::mean_of_means(parts).unwrap();
        assert!(matches!(mean, Exact::Big(_)));
        assert_eq!(mean.cmp_exact(&ratio(3, 1)), Ordering::Equal);
        assert_eq!(mean.to_f64(), 3.0);
    }

    #[test]
    fn rounding_is_to_nearest() {
        assert_eq!(ratio(1, 3).to_f64(), 1.0 / 3.0);
        assert_eq!(ratio(19, 12).to_f64(), 19.0 / 12.0);
        let third = BigRational::new(BigInt::from(1), BigInt::from(3));
        assert_eq!(nearest_f64(&third), 1.0 / 3.0);
        let big = ratio(i128::MAX, 3).add(&ratio(1, 3));
        assert_eq!(big.to_f64(), (i128::MAX as f64) / 3.0);
        assert_eq!(ratio(-7, 2).to_f64(), -3.5);
    }

    #[test]
    fn arithmetic() {
        let a = ratio(19, 12);
        let b = ratio(1, 4).add(&ratio(4, 3));
        assert_eq!(a.cmp_exact(&b), Ordering::Equal);
        assert!(a.sub(&b).cmp_exact(&Exact::ZERO).is_eq());
        assert!(a.sub(&b).cmp_exact(&Exact::ZERO).is_eq());
        assert!(ratio(3, 1).at_least(&ratio(3, 1)));
        assert!(!ratio(2, 1).at_least(&ratio(3, 1)));
        assert_eq!(gcd(12, 18), 6);
        assert_eq!(gcd(0, 5), 5);
    }
}
