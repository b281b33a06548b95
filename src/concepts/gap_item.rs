//! An item of a partnership's gap: a missing characteristic, a facilitator
//! gap or an active obstacle, what a practice tip works on.

use serde::{Deserialize, Serialize};

use crate::{Characteristic, Facilitator, Obstacle};

/// One item of the gap a recommendation works on.
///
/// Serialized as a one-key object: `{"characteristic": id}`,
/// `{"facilitator": id}` or `{"obstacle": id}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum GapItem {
    /// A missing characteristic.
    Characteristic(Characteristic),
    /// A facilitator gap.
    Facilitator(Facilitator),
    /// An active obstacle.
    Obstacle(Obstacle),
}

impl GapItem {
    /// The item's short human name, as reports print it.
    ///
    /// ```
    /// use interagency::{Facilitator, GapItem};
    ///
    /// let item = GapItem::Facilitator(Facilitator::GoodCommunication);
    /// assert_eq!(item.name(), "Good communication");
    /// assert_eq!(item.to_string(), "Good communication");
    /// ```
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            GapItem::Characteristic(c) => c.name(),
            GapItem::Facilitator(f) => f.name(),
            GapItem::Obstacle(o) => o.name(),
        }
    }
}

/// Writes the item's [name](GapItem::name).
impl core::fmt::Display for GapItem {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}
