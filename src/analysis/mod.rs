//! The analyses: classification of a partnership, gap analysis towards a
//! target level, the voices of its agencies and roles, and progress between
//! two rounds.

pub(crate) mod classify;
pub(crate) mod cohort;
pub(crate) mod gap;
pub(crate) mod network;
pub(crate) mod plan;
pub(crate) mod progress;
pub(crate) mod spread;
pub(crate) mod value;
pub(crate) mod voices;

/// Makes a generic record of one rated item (a struct with `item: T`) one
/// that lists read back check, in catalogue order.
macro_rules! item_record {
    ($record:ident) => {
        impl<T: $crate::Rated> $crate::foundation::keyed::Record for $record<T> {
            type Item = T;
            fn item(&self) -> T {
                self.item
            }
        }
    };
}

pub(crate) use item_record;
