//! A small deterministic random number generator for the tests of the
//! arithmetic, so that they need no dependency.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation,
    clippy::cast_possible_wrap,
    reason = "test helpers on small, known ranges"
)]

/// xorshift64*: a few shifts and a multiplication, good enough to spread
/// test cases.
pub(crate) struct XorShift(pub(crate) u64);

impl XorShift {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub(crate) fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// A whole number below `2^bits` (`bits` at most 127), its size
    /// itself random.
    pub(crate) fn int(&mut self, bits: u32) -> i128 {
        let size = 1 + self.below(u64::from(bits)) as u32;
        let wide = (u128::from(self.next()) << 64) | u128::from(self.next());
        (wide >> (128 - size)) as i128
    }

    pub(crate) fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }

    /// A random `f64` from `2^-lowest` to `2^highest` in size, either
    /// sign.
    pub(crate) fn float(&mut self, lowest: u64, highest: u64) -> f64 {
        let exponent = 1023 - lowest + self.below(lowest + highest + 1);
        f64::from_bits((exponent << 52) | (self.next() >> 12) | ((self.next() & 1) << 63))
    }

    /// A value of up to `bits` random bits, its size itself random.
    pub(crate) fn signed_int(&mut self, bits: u32) -> i128 {
        let size = 1 + u32::try_from(self.next() % u64::from(bits)).unwrap();
        let wide = (u128::from(self.next()) << 64) | u128::from(self.next());
        let magnitude = i128::try_from(wide >> (128 - size)).unwrap_or(i128::MAX);
        if self.next() & 1 == 0 {
            magnitude
        } else {
            -magnitude
        }
    }
}
