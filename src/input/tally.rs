//! Sums of the ratings per agency and role, built once when an assessment
//! is validated so that the analyses never walk the responses again: their
//! cost depends on the number of agencies, not of respondents.

use crate::{Facilitator, Identifier, Obstacle, Rating, Role};

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

    /// The two sums together.
    #[must_use]
    pub(crate) fn plus(self, other: Sum) -> Sum {
        Sum {
            total: self.total + other.total,
            count: self.count + other.count,
        }
    }
}

/// The sums of one group of respondents for every facilitator and obstacle.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Tally {
    pub(crate) facilitators: [Sum; Facilitator::COUNT],
    pub(crate) obstacles: [Sum; Obstacle::COUNT],
}

/// An item of either kind, to pick its sum out of a [`Tally`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Item {
    Facilitator(Facilitator),
    Obstacle(Obstacle),
}

impl Tally {
    /// The sum of one item (zero if out of range, which cannot happen).
    pub(crate) fn of(&self, item: Item) -> Sum {
        let sum = match item {
            Item::Facilitator(f) => self.facilitators.get(f.index()),
            Item::Obstacle(o) => self.obstacles.get(o.index()),
        };
        sum.copied().unwrap_or_default()
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
    pub(crate) fn add(&mut self, role: Role, item: Item, rating: Rating) {
        for tally in [Some(&mut self.all), self.by_role.get_mut(role.index())]
            .into_iter()
            .flatten()
        {
            let sum = match item {
                Item::Facilitator(f) => tally.facilitators.get_mut(f.index()),
                Item::Obstacle(o) => tally.obstacles.get_mut(o.index()),
            };
            if let Some(sum) = sum {
                sum.add(rating);
            }
        }
    }

    /// The agency's sum of one item, all roles together.
    pub(crate) fn of(&self, item: Item) -> Sum {
        self.all.of(item)
    }

    /// The sum of one item by the agency's respondents in `role`.
    pub(crate) fn of_role(&self, role: Role, item: Item) -> Sum {
        self.by_role
            .get(role.index())
            .map(|t| t.of(item))
            .unwrap_or_default()
    }
}
