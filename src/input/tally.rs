//! Per-agency sums of the ratings, built once when an assessment is
//! validated so that the analyses never walk the responses again.

use crate::{Facilitator, Obstacle, Rating};

/// The sum and count of the ratings of one item.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Sum {
    pub(crate) total: u64,
    pub(crate) count: u32,
}

impl Sum {
    pub(crate) fn add(&mut self, rating: Rating) {
        self.total += u64::from(rating.get());
        self.count += 1;
    }
}

/// One agency's sums for every facilitator and obstacle.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Tally {
    pub(crate) facilitators: [Sum; Facilitator::COUNT],
    pub(crate) obstacles: [Sum; Obstacle::COUNT],
}
