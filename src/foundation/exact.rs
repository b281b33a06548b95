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
            if !byte.is_ascii_digit() {
                return None;
            }
            let digit = i128::from(byte - b'0');
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
            if let (true, Ok(num), Ok(den)) =
                (fits_f64(*f), i64::try_from(f.num), i64::try_from(f.den))
            {
                // Both parts are exact in f64, and IEEE division rounds the
                // exact quotient correctly. (From i64, the conversion is one
                // instruction; from i128 it is a library call.)
                #[allow(clippy::cast_precision_loss, reason = "both parts are below 2^53")]
                return num as f64 / den as f64;
            }
            return quotient_f64(f.num, f.den);
        }
        nearest_f64(&self.to_big())
    }
}

/// The `f64` nearest `num / den` (`den > 0`), ties to even, by long
/// division in 128-bit integers: the quotient to 55 significant bits, with
/// whether anything remains, rounded to 53. No value of such a fraction is
/// subnormal or beyond `f64`'s range (they lie within 2^±127).
fn quotient_f64(num: i128, den: i128) -> f64 {
    let (dividend, divisor) = (num.unsigned_abs(), den.unsigned_abs());
    if dividend == 0 || divisor == 0 {
        return 0.0;
    }
    // The dividend shifted as far left as it goes, divided once; the value
    // is (q + rest / divisor) · 2^exp throughout.
    let shift = dividend.leading_zeros();
    let wide = dividend << shift;
    let (mut q, mut rest) = (wide / divisor, wide % divisor);
    let mut exp = -i32::try_from(shift).unwrap_or(0);
    // One bit at a time while fewer than 55 (a divisor above 2^73).
    while q < 1 << 54 {
        // rest < divisor ≤ 2^127, so 2 · rest fits.
        (q, rest, exp) = (q << 1, rest << 1, exp - 1);
        if rest >= divisor {
            (q, rest) = (q | 1, rest - divisor);
        }
    }
    // Down to 55 bits, what is shifted out joining the remainder.
    let extra = (128 - q.leading_zeros()).saturating_sub(55);
    let mut sticky = rest != 0 || q & ((1 << extra) - 1) != 0;
    q >>= extra;
    // 55 bits to 53: the first bit dropped is the half, the rest sticky.
    let half = q & 2 != 0;
    sticky |= q & 1 != 0;
    let mut mantissa = q >> 2;
    if half && (sticky || mantissa & 1 == 1) {
        mantissa += 1;
    }
    exp += i32::try_from(extra).unwrap_or(0) + 2;
    // mantissa ≤ 2^53 and 2^exp a normal power of two: both exact, and so
    // is their product.
    let scale = u64::try_from(exp + 1023).map_or(f64::NAN, |e| f64::from_bits(e << 52));
    #[allow(clippy::cast_precision_loss, reason = "at most 2^53, exact")]
    let y = u64::try_from(mantissa).map_or(f64::NAN, |m| m as f64) * scale;
    // The sign of the quotient, whatever the signs of its parts.
    if (num < 0) == (den < 0) { y } else { -y }
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

/// The `f64` nearest `r`, ties to even. num-rational (0.4) converts a
/// ratio by dividing to 55 or 56 bits with the remainder kept, and rounds
/// that to 53 bits half to even, subnormals included; the tests check the
/// result against both neighbours on and beside every kind of midpoint.
fn nearest_f64(r: &BigRational) -> f64 {
    r.to_f64().unwrap_or(f64::NAN)
}

#[cfg(test)]
mod tests {
    use num_traits::Signed as _;

    use crate::foundation::approx::next_up;

    use super::*;
    use crate::foundation::test_rng::XorShift;

    fn ratio(num: i128, den: i128) -> Exact {
        Exact::Small(Fraction { num, den })
    }

    /// The value of `e`, read without [`Exact::to_big`].
    fn value(e: &Exact) -> BigRational {
        match e {
            Exact::Small(f) => BigRational::new(BigInt::from(f.num), BigInt::from(f.den)),
            Exact::Big(b) => b.clone(),
        }
    }

    fn q(num: i128, den: i128) -> BigRational {
        BigRational::new(BigInt::from(num), BigInt::from(den))
    }

    /// `2^k`.
    fn two_to(k: i32) -> BigRational {
        let p = BigRational::from_integer(BigInt::from(1) << k.unsigned_abs());
        if k < 0 { p.recip() } else { p }
    }

    fn is_big(e: &Exact) -> bool {
        matches!(e, Exact::Big(_))
    }

    /// Whether `y` is the `f64` nearest `r`, ties to even, judged by the
    /// exact distances to `y` and to its two neighbours.
    fn is_nearest(y: f64, r: &BigRational) -> bool {
        let distance = |x: f64| (BigRational::from_float(x).unwrap() - r).abs();
        let here = distance(y);
        let even = y.to_bits() & 1 == 0;
        [y.next_up(), y.next_down()].into_iter().all(|x| {
            let there = distance(x);
            here < there || (here == there && even)
        })
    }

    const PRIMES: [u32; 40] = [
        2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89,
        97, 101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167, 173,
    ];

    /// Agencies with prime counts and means of 1 to 5 (not all equal).
    fn prime_parts(agencies: usize, shift: u64) -> Vec<(u64, u32)> {
        PRIMES[..agencies]
            .iter()
            .enumerate()
            .map(|(i, &p)| {
                let p64 = u64::from(p);
                let total = 3 * p64 + (i as u64 * 7 + shift) % 5 - 2;
                (total, p)
            })
            .collect()
    }

    /// The mean of the parts, summed independently.
    fn mean_of(parts: &[(u64, u32)]) -> BigRational {
        let sum = parts
            .iter()
            .map(|&(t, c)| q(i128::from(t), i128::from(c)))
            .fold(BigRational::zero(), |s, x| s + x);
        sum / BigInt::from(parts.len())
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
    fn numbers_read_as_decimals_or_else_in_binary() {
        assert_eq!(
            Fraction::from_f64(-123.456),
            Some(Fraction {
                num: -123_456,
                den: 1000
            })
        );
        assert_eq!(
            Fraction::from_f64(1.5e-10),
            Some(Fraction {
                num: 15,
                den: 100_000_000_000
            })
        );
        assert_eq!(Fraction::from_f64(f64::INFINITY), None);
        // Too long a decimal: the binary value, exactly.
        for x in [1e300, -1e300, 5e-324, 1.234_567_890_123_456_7e-40] {
            let e = Exact::from_f64(x);
            assert!(is_big(&e), "{x}");
            assert_eq!(value(&e), BigRational::from_float(x).unwrap(), "{x}");
            assert_eq!(e.to_f64(), x);
        }
        for x in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(value(&Exact::from_f64(x)), BigRational::zero());
        }
        let e = Exact::from_f64(0.1);
        assert_eq!(value(&e), q(1, 10));
        assert_eq!(e.to_f64(), 0.1);
        assert_eq!(value(&Exact::ratio(7, 2)), q(7, 2));
        assert_eq!(value(&Exact::ratio(7, 0)), q(7, 1));
        assert_eq!(value(&Exact::int(-4)), q(-4, 1));
        assert_eq!(value(&Exact::from(Fraction::new(5, 3))), q(5, 3));
        assert_eq!(Fraction::new(5, 3).parts(), (5, 3));
        assert_eq!(Fraction::int(-5).parts(), (-5, 1));
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
        // Each agency's mean is exactly 3: the mean is 3.
        let parts = PRIMES.iter().map(|&p| (3 * u64::from(p), p));
        let mean = Exact::mean_of_means(parts).unwrap();
        assert!(matches!(mean, Exact::Big(_)));
        assert_eq!(mean.cmp_exact(&ratio(3, 1)), Ordering::Equal);
        assert_eq!(mean.to_f64(), 3.0);
    }

    #[test]
    fn means_of_many_parts_have_the_value_of_their_parts() {
        // Twenty prime counts: a common denominator of about 2^89, in
        // 128 bits. Forty: beyond, in big integers.
        for (agencies, big) in [(1, false), (2, false), (20, false), (40, true)] {
            for shift in 0..5 {
                let parts = prime_parts(agencies, shift);
                let mean = Exact::mean_of_means(parts.iter().copied()).unwrap();
                assert_eq!(is_big(&mean), big, "{agencies} agencies");
                let want = mean_of(&parts);
                assert_eq!(value(&mean), want, "{agencies} agencies");
                assert!(is_nearest(mean.to_f64(), &want));
            }
        }
        // Counts whose product fits in 128 bits until it is multiplied by
        // the number of agencies.
        let parts = [(1, u32::MAX), (0, u32::MAX), (0, u32::MAX), (0, 1 << 30)];
        let mean = Exact::mean_of_means(parts.iter().copied()).unwrap();
        assert!(is_big(&mean));
        assert_eq!(value(&mean), q(1, i128::from(u32::MAX) * 4));
        // Totals too large for the products in 128 bits.
        let parts = [(u64::MAX, 3), (u64::MAX, u32::MAX), (1, u32::MAX - 2)];
        let mean = Exact::mean_of_means(parts.iter().copied()).unwrap();
        assert!(is_big(&mean));
        assert_eq!(value(&mean), mean_of(&parts));
    }

    /// Values in every representation: small parts, parts beyond 64 bits,
    /// parts whose cross products overflow 128 bits, and big values, some
    /// of them equal in different forms.
    fn samples() -> Vec<Exact> {
        let big_mean = Exact::mean_of_means(prime_parts(40, 0).into_iter()).unwrap();
        let other_big = Exact::mean_of_means(prime_parts(40, 1).into_iter()).unwrap();
        assert!(is_big(&big_mean) && is_big(&other_big));
        vec![
            ratio(0, 1),
            ratio(0, 7),
            ratio(1, 2),
            ratio(2, 4),
            ratio(-1, 2),
            ratio(1, 3),
            ratio(3, 1),
            ratio(-3, 1),
            ratio(6, 2),
            ratio(i128::from(i64::MAX), 3),
            ratio(i128::from(i64::MAX) - 1, 3),
            ratio(i128::from(i64::MAX), i128::from(i64::MAX) - 1),
            ratio(1 << 100, 1 << 101),
            ratio(3 << 100, 1 << 100),
            ratio(i128::MAX, i128::MAX - 1),
            ratio(i128::MAX - 1, i128::MAX - 2),
            ratio(i128::MIN, i128::MAX),
            ratio(i128::MIN + 1, i128::MAX),
            ratio(i128::MAX, 1),
            ratio(i128::MIN, 1),
            ratio(1, i128::MAX),
            ratio(-1, i128::MAX),
            Exact::Big(q(1, 2)),
            Exact::Big(q(3, 1)),
            Exact::Big(q(-7, 3)),
            Exact::Big(value(&big_mean) + two_to(-200)),
            Exact::Big(BigRational::from_integer(BigInt::from(i128::MAX)) + q(1, 1)),
            Exact::Big(-BigRational::from_integer(BigInt::from(i128::MAX)) - q(2, 1)),
            Exact::Big(two_to(-300)),
            big_mean,
            other_big,
        ]
    }

    #[test]
    fn comparisons_agree_with_big_rationals_in_every_representation() {
        let samples = samples();
        let mut seen = [0; 3];
        for a in &samples {
            for b in &samples {
                let want = value(a).cmp(&value(b));
                assert_eq!(a.cmp_exact(b), want, "{a:?} against {b:?}");
                assert_eq!(a.at_least(b), want != Ordering::Less, "{a:?} >= {b:?}");
                seen[usize::from(want != Ordering::Less)
                    + usize::from(want == Ordering::Greater)] += 1;
            }
        }
        // Every ordering occurs, including equality between forms.
        assert!(seen.iter().all(|&n| n > 20), "{seen:?}");
        assert_eq!(ratio(1, 2).cmp_exact(&Exact::Big(q(1, 2))), Ordering::Equal);
        assert_eq!(Exact::Big(q(1, 2)).cmp_exact(&ratio(2, 4)), Ordering::Equal);
        assert_eq!(ratio(1, 3).cmp_exact(&Exact::Big(q(1, 2))), Ordering::Less);
        assert_eq!(
            Exact::Big(q(1, 2)).cmp_exact(&ratio(1, 3)),
            Ordering::Greater
        );
        // (m - 1)/(m - 2) = 1 + 1/(m - 2) lies above m/(m - 1) = 1 + 1/(m - 1).
        let (a, b) = (
            ratio(i128::MAX - 1, i128::MAX - 2),
            ratio(i128::MAX, i128::MAX - 1),
        );
        assert!(a.at_least(&b) && !b.at_least(&a));
    }

    #[test]
    fn sums_and_differences_agree_with_big_rationals_in_every_representation() {
        let samples = samples();
        for a in &samples {
            let negated = a.neg();
            assert_eq!(value(&negated), -value(a), "-{a:?}");
            for b in &samples {
                let sum = a.add(b);
                assert_eq!(value(&sum), value(a) + value(b), "{a:?} + {b:?}");
                let difference = a.sub(b);
                assert_eq!(value(&difference), value(a) - value(b), "{a:?} - {b:?}");
            }
        }
    }

    #[test]
    fn sums_move_to_big_integers_only_on_overflow() {
        // Small + small within 128 bits stays small, and exact.
        let sum = ratio(1, 6).add(&ratio(1, 10));
        assert!(!is_big(&sum));
        assert_eq!(value(&sum), q(4, 15));
        // The numerator overflows: big, and exact.
        let sum = ratio(i128::MAX, 1).add(&ratio(1, 1));
        assert!(is_big(&sum));
        assert_eq!(value(&sum), two_to(127));
        let sum = ratio(i128::MAX, 1).add(&ratio(i128::MAX, 1));
        assert_eq!(value(&sum), two_to(128) - q(2, 1));
        // A cross product overflows, though the denominator would not.
        let sum = ratio(i128::MAX, 2).add(&ratio(1, 3));
        assert!(is_big(&sum));
        assert_eq!(value(&sum), q(i128::MAX, 2) + q(1, 3));
        // The denominator overflows.
        let sum = ratio(1, i128::MAX).add(&ratio(1, i128::MAX - 1));
        assert!(is_big(&sum));
        assert_eq!(value(&sum), q(1, i128::MAX) + q(1, i128::MAX - 1));
        // Big + big, big + small and small + big.
        let a = Exact::mean_of_means(prime_parts(40, 0).into_iter()).unwrap();
        let b = Exact::mean_of_means(prime_parts(40, 3).into_iter()).unwrap();
        assert_eq!(value(&a.add(&b)), value(&a) + value(&b));
        assert_eq!(value(&a.add(&ratio(-5, 7))), value(&a) - q(5, 7));
        assert_eq!(value(&ratio(-5, 7).add(&a)), value(&a) - q(5, 7));
        assert_eq!(value(&a.add(&a.neg())), BigRational::zero());
        assert_eq!(a.sub(&a).cmp_exact(&Exact::ZERO), Ordering::Equal);
        assert_eq!(a.sub(&b).cmp_exact(&Exact::ZERO), value(&a).cmp(&value(&b)));
        // Large small sums are kept in lowest terms.
        let sum = ratio(1 << 62, 3).add(&ratio(1 << 62, 3));
        assert_eq!(sum.as_fraction(), Some(Fraction::new(1 << 63, 3)));
        assert!(a.as_fraction().is_none());
    }

    #[test]
    fn negation_of_the_least_numerator_moves_to_big_integers() {
        let n = ratio(i128::MIN, 3).neg();
        assert!(is_big(&n));
        assert_eq!(value(&n), two_to(127) / BigInt::from(3));
        let n = ratio(i128::MIN + 1, 3).neg();
        assert!(!is_big(&n));
        assert_eq!(value(&n), q(i128::MAX, 3));
        assert_eq!(value(&ratio(0, 5).neg()), BigRational::zero());
        let big = Exact::Big(two_to(200) + q(1, 3));
        assert_eq!(value(&big.neg()), -(two_to(200) + q(1, 3)));
        // Subtracting the least numerator, and from it.
        let d = ratio(1, 1).sub(&ratio(i128::MIN, 1));
        assert_eq!(value(&d), two_to(127) + q(1, 1));
        let d = ratio(i128::MIN, 1).sub(&ratio(1, 1));
        assert!(is_big(&d));
        assert_eq!(value(&d), -two_to(127) - q(1, 1));
    }

    #[test]
    fn random_fractions_agree_with_big_rationals() {
        let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
        for _ in 0..4_000 {
            let bits = [8, 40, 64, 100, 127][usize::try_from(rng.next() % 5).unwrap()];
            let a = ratio(rng.signed_int(bits), rng.signed_int(bits).abs().max(1));
            let b = ratio(rng.signed_int(bits), rng.signed_int(bits).abs().max(1));
            let (va, vb) = (value(&a), value(&b));
            assert_eq!(a.cmp_exact(&b), va.cmp(&vb), "{a:?} against {b:?}");
            assert_eq!(value(&a.add(&b)), &va + &vb, "{a:?} + {b:?}");
            assert_eq!(value(&a.sub(&b)), &va - &vb, "{a:?} - {b:?}");
            let y = a.to_f64();
            assert!(is_nearest(y, &va), "{a:?} rounds to {y}");
            assert!(is_nearest(Exact::Big(va.clone()).to_f64(), &va));
        }
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
    fn parts_beyond_53_bits_round_once() {
        const P53: i128 = 1 << 53;
        // Integers just past 2^53: ties go to the even neighbour.
        assert_eq!(ratio(P53, 1).to_f64(), 9_007_199_254_740_992.0);
        assert_eq!(ratio(P53 + 1, 1).to_f64(), 9_007_199_254_740_992.0);
        assert_eq!(ratio(P53 + 3, 1).to_f64(), 9_007_199_254_740_996.0);
        assert_eq!(ratio(-P53 - 3, 1).to_f64(), -9_007_199_254_740_996.0);
        // (2^55 + 5) / 3: rounding the numerator first would give 2^53 + 2
        // too many.
        let (num, den) = ((1 << 55) + 5, 3);
        let want = 12_009_599_006_321_324.0;
        assert_eq!(ratio(num, den).to_f64(), want);
        assert!(is_nearest(want, &q(num, den)));
        // Common factors that bring the parts within 53 bits.
        assert_eq!(ratio(3 << 60, 1 << 61).to_f64(), 1.5);
        assert_eq!(ratio(1 << 60, 3 << 60).to_f64(), 1.0 / 3.0);
        assert_eq!(ratio(-(1 << 70), 3 << 70).to_f64(), -1.0 / 3.0);
        // A numerator within 53 bits over a larger denominator.
        assert_eq!(
            ratio(1, 3 * P53).to_f64(),
            1.0 / 3.0 / 9_007_199_254_740_992.0
        );
        assert_eq!(ratio(1, i128::MAX).to_f64(), 1.0 / (i128::MAX as f64));
        assert_eq!(ratio(i128::MIN, 1).to_f64(), -(2f64.powi(127)));
    }

    /// Values on and beside the midpoints between neighbouring `f64`s,
    /// with the `f64` each rounds to.
    fn midpoints() -> Vec<(BigRational, f64)> {
        let one = BigRational::from_integer(BigInt::from(1));
        let tiny = two_to(-300);
        let after_one = 1.0f64.next_up();
        let mut cases = vec![
            // 1 + 2^-53: a tie between 1 (even) and the next f64 (odd).
            (&one + two_to(-53), 1.0),
            (&one + two_to(-53) + &tiny, after_one),
            (&one + two_to(-53) - &tiny, 1.0),
            // 1 + 3 * 2^-53: a tie between an odd and an even f64, above.
            (&one + two_to(-53) * BigInt::from(3), after_one.next_up()),
            (&one + two_to(-53) * BigInt::from(3) - &tiny, after_one),
            // 1 - 2^-54: a tie between 1 - 2^-53 (odd) and 1 (even).
            (&one - two_to(-54), 1.0),
            (&one - two_to(-54) - &tiny, 1.0f64.next_down()),
            (&one - two_to(-54) + &tiny, 1.0),
            // Exactly an f64, and just beside it.
            (one.clone(), 1.0),
            (&one + &tiny, 1.0),
            (&one - &tiny, 1.0),
            (BigRational::from_float(0.1).unwrap(), 0.1),
            (BigRational::from_float(0.1).unwrap() + &tiny, 0.1),
            // Around 2^53, in integers.
            (two_to(53) + one.clone(), 9_007_199_254_740_992.0),
            (two_to(53) + q(3, 1), 9_007_199_254_740_996.0),
            (two_to(53) + q(1, 2), 9_007_199_254_740_992.0),
            (two_to(53) + q(3, 2), 9_007_199_254_740_994.0),
            // Zero and the subnormals.
            (BigRational::zero(), 0.0),
            (two_to(-1075), 0.0),
            (two_to(-1075) + two_to(-1200), 5e-324),
            (two_to(-1075) * BigInt::from(3), 1e-323),
            (two_to(-1100), 0.0),
        ];
        let negated: Vec<(BigRational, f64)> = cases.iter().map(|(r, y)| (-r, -y)).collect();
        cases.extend(negated);
        cases
    }

    #[test]
    fn ties_go_to_even_and_values_beside_a_midpoint_to_their_side() {
        // The same f64, zeros of either sign alike.
        let same = |a: f64, b: f64| a.to_bits() == b.to_bits() || (a == 0.0 && b == 0.0);
        for (r, y) in midpoints() {
            let got = Exact::Big(r.clone()).to_f64();
            assert!(same(got, y), "{r} rounds to {got}, not {y}");
            assert!(is_nearest(y, &r), "{r}: {y}");
            assert!(same(nearest_f64(&r), y), "{r}");
            // The same values as fractions of 128-bit integers, where
            // they are.
            if let (Some(num), Some(den)) = (r.numer().to_i128(), r.denom().to_i128()) {
                assert!(same(ratio(num, den).to_f64(), y), "{r}");
            }
        }
    }

    #[test]
    fn fractions_of_128_bit_integers_round_as_exact_division_does() {
        let mut rng = XorShift(0x5EED_F00D_0BAD_CAFE);
        for _ in 0..20_000 {
            let num = rng.signed_int(127);
            let den = rng.int(126).max(1);
            let exact = BigRational::new(BigInt::from(num), BigInt::from(den));
            assert_eq!(
                quotient_f64(num, den).to_bits(),
                nearest_f64(&exact).to_bits(),
                "{num} / {den}"
            );
        }
        assert_eq!(quotient_f64(0, 7), 0.0);
        assert_eq!(quotient_f64(-(1 << 100), -(1 << 98)), 4.0);
        assert_eq!(quotient_f64(1 << 100, -(1 << 98)), -4.0);
        assert_eq!(quotient_f64(i128::MIN, 1), -(2f64.powi(127)));
        assert_eq!(quotient_f64(1, i128::MAX), 1.0 / (i128::MAX as f64));
    }

    #[test]
    fn nearest_steps_to_either_neighbour_past_the_midpoint() {
        // Values at every quarter of the gaps on each side of random f64s,
        // and a 2^-40th of a gap beside each quarter.
        let mut rng = XorShift(0x0123_4567_89AB_CDEF);
        let (mut up, mut down) = (0, 0);
        for _ in 0..300 {
            // Random exponents from 2^-60 to 2^60, either sign.
            let exponent = 1023 - 60 + rng.next() % 121;
            let bits = (exponent << 52) | (rng.next() >> 12) | ((rng.next() & 1) << 63);
            let y = f64::from_bits(bits);
            let here = BigRational::from_float(y).unwrap();
            let gap_up = BigRational::from_float(y.next_up()).unwrap() - &here;
            let gap_down = &here - BigRational::from_float(y.next_down()).unwrap();
            let tiny = gap_down.clone() * two_to(-40);
            for quarter in -4i32..=4 {
                let offset = if quarter >= 0 {
                    &gap_up * BigInt::from(quarter) / BigInt::from(4)
                } else {
                    &gap_down * BigInt::from(quarter) / BigInt::from(4)
                };
                for nudge in [-&tiny, BigRational::zero(), tiny.clone()] {
                    let r = &here + &offset + nudge;
                    let got = nearest_f64(&r);
                    assert!(is_nearest(got, &r), "{r} rounds to {got}");
                    assert_eq!(Exact::Big(r.clone()).to_f64().to_bits(), got.to_bits());
                    match got.partial_cmp(&y) {
                        Some(Ordering::Greater) => up += 1,
                        Some(Ordering::Less) => down += 1,
                        _ => {}
                    }
                }
            }
        }
        assert!(up > 1000 && down > 1000, "{up} up, {down} down");
    }

    #[test]
    fn next_up_steps_by_one_unit() {
        assert_eq!(next_up(0.0), 5e-324);
        assert_eq!(next_up(-0.0), 5e-324);
        assert_eq!(next_up(1.0), 1.0 + f64::EPSILON);
        assert_eq!(next_up(-1.0), -1.0 + f64::EPSILON / 2.0);
        assert_eq!(next_up(-5e-324).to_bits(), (-0.0f64).to_bits());
        assert_eq!(next_up(f64::MAX), f64::INFINITY);
    }

    #[test]
    fn reduction_divides_out_common_factors_once_parts_grow_large() {
        // Small parts are left as they are.
        let f = Fraction::new(6, 4);
        assert_eq!(reduce(f), f);
        let f = Fraction::new((1 << 62) - 2, 2);
        assert_eq!(reduce(f), f);
        let f = Fraction::new(2, (1 << 62) - 2);
        assert_eq!(reduce(f), f);
        // From 2^62 on, either part: lowest terms.
        assert_eq!(reduce(Fraction::new(1 << 62, 2)), Fraction::new(1 << 61, 1));
        assert_eq!(
            reduce(Fraction::new(-(1 << 62), 2)),
            Fraction::new(-(1 << 61), 1)
        );
        assert_eq!(reduce(Fraction::new(2, 1 << 62)), Fraction::new(1, 1 << 61));
        assert_eq!(reduce(Fraction::new(3 << 62, 6)), Fraction::new(1 << 61, 1));
        assert_eq!(reduce(Fraction::new(6, 3 << 64)), Fraction::new(1, 1 << 63));
        // Lowest terms, whatever the size.
        assert_eq!(reduce_fully(Fraction::new(-12, 18)), Fraction::new(-2, 3));
        assert_eq!(reduce_fully(Fraction::new(12, 18)), Fraction::new(2, 3));
        assert_eq!(reduce_fully(Fraction::new(0, 12)), Fraction::new(0, 1));
        assert_eq!(reduce_fully(Fraction::new(7, 12)), Fraction::new(7, 12));
        assert_eq!(
            reduce_fully(Fraction::new(i128::MAX, i128::MAX)),
            Fraction::new(1, 1)
        );
        // The least numerator is kept whole (its magnitude is not an i128).
        let least = Fraction::new(i128::MIN, 2);
        assert_eq!(reduce_fully(least), least);
        assert_eq!(reduce(least), least);
        // A common factor of 2^127 does not fit in an i128 either.
        let f = Fraction::new(i128::MIN, i128::MIN);
        assert_eq!(reduce_fully(f), f);
    }

    #[test]
    fn gcd_agrees_with_euclid() {
        fn euclid(mut a: u128, mut b: u128) -> u128 {
            while b != 0 {
                (a, b) = (b, a % b);
            }
            a
        }
        assert_eq!(gcd(12, 18), 6);
        assert_eq!(gcd(0, 5), 5);
        assert_eq!(gcd(5, 0), 5);
        assert_eq!(gcd(0, 0), 0);
        assert_eq!(gcd(7, 7), 7);
        assert_eq!(gcd(1 << 100, 3 << 37), 1 << 37);
        assert_eq!(gcd(1 << 127, 1 << 127), 1 << 127);
        assert_eq!(gcd(u128::MAX, 3), 3);
        assert_eq!(gcd(u128::MAX, 1 << 64), 1);
        let mut rng = XorShift(0xDEAD_BEEF_CAFE_F00D);
        for _ in 0..5_000 {
            let common = rng.signed_int(40).unsigned_abs().max(1);
            let a = rng.signed_int(80).unsigned_abs() * common;
            let b = rng.signed_int(80).unsigned_abs() * common;
            assert_eq!(gcd(a, b), euclid(a, b), "gcd({a}, {b})");
        }
    }

    /// Sums and counts near and beyond the limits of the machine words:
    /// totals near 2^64, counts near 2^32, so that the common fraction's
    /// parts lie near 2^128, on either side.
    fn huge_parts() -> Vec<(Vec<(u64, u32)>, bool)> {
        const T: u64 = u64::MAX;
        const C: u32 = u32::MAX;
        vec![
            // A total of 2^64 - 1 over 2^32 - 1, and two of them: in 128 bits.
            (vec![(T, C)], false),
            (vec![(T, C), (T - 1, C - 1)], false),
            (vec![(T, 1), (T, 1), (T, 1), (1 << 63, 1)], false),
            // Three: the numerator, near 3 * 2^128, does not fit.
            (vec![(T, C), (T, C - 1), (T, C - 2)], true),
            (vec![(T, C), (T, C - 1), (0, C - 2)], true),
            // Two totals of 2^63 + 1: products near 2^95, in 128 bits.
            (
                vec![((1 << 63) + 1, C), ((1 << 63) + 1, (1 << 31) + 1)],
                false,
            ),
            // Products just within 128 bits whose sum is not: a third
            // agency of 2^30 ratings summing to about 2^63.
            (
                vec![(T, C), (T, C - 1), (0x8000_0001_8000_0003, 1 << 30)],
                true,
            ),
            (
                vec![(T, C), (T, C - 1), (0x8000_0001_8000_0002, 1 << 30)],
                true,
            ),
            // Four counts near 2^32: the denominator, near 2^128, does not
            // fit, though every total is small.
            (vec![(0, C), (1, C - 2), (2, C - 4), (3, C - 6)], true),
            (vec![(T, C), (0, C - 2), (0, C - 4), (T, C - 6)], true),
            // The product of the counts fits; times the number of agencies
            // it does not.
            (vec![(3, C), (0, C), (0, C), (7, 1 << 30)], true),
            (vec![(3, C), (0, C), (0, C), (7, 1 << 29)], false),
            // Many agencies with counts near 2^32, and totals near 2^64.
            (
                (0..12u32)
                    .map(|i| (T - u64::from(i) * 977, C - 2 * i))
                    .collect(),
                true,
            ),
        ]
    }

    #[test]
    fn means_of_huge_sums_and_counts_are_exact_on_either_path() {
        for (parts, big) in huge_parts() {
            let mean = Exact::mean_of_means(parts.iter().copied()).unwrap();
            let want = mean_of(&parts);
            assert_eq!(is_big(&mean), big, "{parts:?}");
            assert_eq!(value(&mean), want, "{parts:?}");
            // Rounded once, as num-rational rounds.
            assert_eq!(mean.to_f64(), want.to_f64().unwrap(), "{parts:?}");
            assert!(is_nearest(mean.to_f64(), &want), "{parts:?}");
            // The same mean in any order.
            let mut reversed = parts.clone();
            reversed.reverse();
            let other = Exact::mean_of_means(reversed.into_iter()).unwrap();
            assert_eq!(mean.cmp_exact(&other), Ordering::Equal, "{parts:?}");
            assert_eq!(value(&other), want, "{parts:?}");
        }
    }

    #[test]
    fn huge_means_negate_add_and_compare_by_value() {
        let means: Vec<(Exact, BigRational)> = huge_parts()
            .into_iter()
            .map(|(parts, _)| {
                let mean = Exact::mean_of_means(parts.iter().copied()).unwrap();
                (mean, mean_of(&parts))
            })
            .collect();
        // Small values at the limits of 128 bits, to mix in.
        let smalls = [
            ratio(1, 3),
            ratio(-7, 2),
            ratio(i128::MAX, 1),
            ratio(i128::MIN, 1),
            ratio(i128::MIN + 1, i128::MAX),
            ratio(1, i128::MAX),
        ];
        let tiny = two_to(-300);
        for (a, va) in &means {
            // Negation, and back.
            let negated = a.neg();
            assert_eq!(value(&negated), -va, "-{a:?}");
            assert_eq!(value(&negated.neg()), *va, "--{a:?}");
            assert_eq!(negated.cmp_exact(&Exact::ZERO), Ordering::Less, "-{a:?}");
            // Each mean doubled, halved back and taken from itself.
            let doubled = a.add(a);
            assert_eq!(value(&doubled), va * BigInt::from(2), "{a:?} + itself");
            assert_eq!(value(&doubled.sub(a)), *va, "{a:?} twice less once");
            assert_eq!(value(&a.sub(a)), BigRational::zero(), "{a:?} - itself");
            assert_eq!(value(&a.add(&negated)), BigRational::zero());
            // Beside its exact value by a hair, in big form, either side.
            let above = Exact::Big(va + &tiny);
            let below = Exact::Big(va - &tiny);
            assert_eq!(a.cmp_exact(&above), Ordering::Less, "{a:?}");
            assert_eq!(a.cmp_exact(&below), Ordering::Greater, "{a:?}");
            assert_eq!(above.cmp_exact(a), Ordering::Greater, "{a:?}");
            assert!(a.at_least(&below) && !a.at_least(&above), "{a:?}");
            assert_eq!(value(&above.sub(a)), tiny, "{a:?}");
            assert_eq!(value(&a.sub(&below)), tiny, "{a:?}");
            for (b, vb) in &means {
                assert_eq!(value(&a.add(b)), va + vb, "{a:?} + {b:?}");
                assert_eq!(value(&a.sub(b)), va - vb, "{a:?} - {b:?}");
                assert_eq!(a.cmp_exact(b), va.cmp(vb), "{a:?} against {b:?}");
            }
            for s in &smalls {
                let vs = value(s);
                assert_eq!(value(&a.add(s)), va + &vs, "{a:?} + {s:?}");
                assert_eq!(value(&s.add(a)), va + &vs, "{s:?} + {a:?}");
                assert_eq!(value(&a.sub(s)), va - &vs, "{a:?} - {s:?}");
                assert_eq!(value(&s.sub(a)), &vs - va, "{s:?} - {a:?}");
                assert_eq!(a.cmp_exact(s), va.cmp(&vs), "{a:?} against {s:?}");
                assert_eq!(s.cmp_exact(a), vs.cmp(va), "{s:?} against {a:?}");
            }
        }
    }

    #[test]
    fn parts_up_to_2_to_the_53_are_exact_in_f64() {
        let top = 1i128 << 53;
        for (num, den, fits) in [
            (top, 1, true),
            (-top, top, true),
            (1, top, true),
            (top + 1, 1, false),
            (-top - 1, 3, false),
            (1, top + 1, false),
            (0, 1, true),
        ] {
            assert_eq!(fits_f64(Fraction { num, den }), fits, "{num}/{den}");
        }
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
