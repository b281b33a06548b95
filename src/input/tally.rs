//! Sums of the ratings per agency and role, built once when an assessment
//! is validated so that the analyses never walk the responses again: their
//! cost depends on the number of agencies, not of respondents.

use crate::concepts::rated::by_kind;
use crate::{Facilitator, Identifier, Obstacle, Rated, Rating, Role};

/// The sum, count and sum of squares of the ratings of one item: enough
/// for its mean and its spread.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Sum {
    pub(crate) total: u64,
    pub(crate) count: u32,
    pub(crate) squares: u64,
}

impl Sum {
    pub(crate) fn add(&mut self, rating: Rating) {
        let rating = u64::from(rating.get());
        self.total += rating;
        self.count += 1;
        self.squares += rating * rating;
    }

    /// The two sums together.
    #[must_use]
    pub(crate) fn plus(self, other: Sum) -> Sum {
        Sum {
            total: self.total + other.total,
            count: self.count + other.count,
            squares: self.squares + other.squares,
        }
    }
}

/// The sums of one group of respondents for every facilitator and obstacle.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Tally {
    facilitators: [Sum; Facilitator::COUNT],
    obstacles: [Sum; Obstacle::COUNT],
}

by_kind!(Tally => [Sum]);

impl Tally {
    /// The sum of one item (zero if out of range, which cannot happen).
    pub(crate) fn of<T: Rated>(&self, item: T) -> Sum {
        T::of(self).get(item.index()).copied().unwrap_or_default()
    }
}

/// One agency's sums, all roles together and by the respondents' role.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct AgencyTally {
    pub(crate) all: Tally,
    pub(crate) by_role: [Tally; Role::COUNT],
}

impl AgencyTally {
    /// Adds one respondent's rating of an item.
    pub(crate) fn add<T: Rated>(&mut self, role: Role, item: T, rating: Rating) {
        for tally in [Some(&mut self.all), self.by_role.get_mut(role.index())]
            .into_iter()
            .flatten()
        {
            if let Some(sum) = T::of_mut(tally).get_mut(item.index()) {
                sum.add(rating);
            }
        }
    }

    /// The agency's sum of one item, all roles together.
    pub(crate) fn of<T: Rated>(&self, item: T) -> Sum {
        self.all.of(item)
    }

    /// The sum of one item by the agency's respondents in `role`.
    pub(crate) fn of_role<T: Rated>(&self, role: Role, item: T) -> Sum {
        self.by_role
            .get(role.index())
            .map(|t| t.of(item))
            .unwrap_or_default()
    }
}
