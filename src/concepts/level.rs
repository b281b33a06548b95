//! Frost's four levels of interagency working.

use crate::concepts::concept::concept;

concept! {
    /// A level of interagency working, after Frost (2005, p13).
    ///
    /// Frost orders interagency work "from level 1 (which represents a small
    /// degree of co-working) to level 4 (which involves a high degree of
    /// partnership between organisations)". The declaration order is that
    /// order, so levels compare as the ladder does:
    ///
    /// ```
    /// use interagency::Level;
    ///
    /// assert!(Level::Cooperation < Level::Integration);
    /// assert_eq!(Level::Coordination.number(), 3);
    /// assert_eq!(Level::from_number(2), Some(Level::Collaboration));
    /// assert_eq!(Level::Collaboration.next(), Some(Level::Coordination));
    /// assert_eq!(Level::Integration.next(), None);
    /// assert_eq!(Level::Cooperation.previous(), None);
    /// ```
    ///
    /// Each level's description is Frost's definition, quoted from the
    /// briefing.
    pub enum Level: "level" {
        Cooperation {
            name: "Cooperation",
            description: "Services work together toward consistent goals and complementary services, while maintaining their independence.",
            quoted: true,
            source: Frost2005,
        },
        Collaboration {
            name: "Collaboration",
            description: "Services address issues of overlap, duplication and gaps in service provision and work towards common outcomes.",
            quoted: true,
            source: Frost2005,
        },
        Coordination {
            name: "Coordination",
            description: "Services work together in a planned and systematic manner towards shared and agreed goals.",
            quoted: true,
            source: Frost2005,
        },
        Integration {
            name: "Integration",
            description: "Different services become one organisation in order to enhance service delivery.",
            quoted: true,
            source: Frost2005,
        },
    }
}

impl Level {
    /// The lowest level, cooperation.
    pub const LOWEST: Level = Level::Cooperation;
    /// The highest level, integration.
    pub const HIGHEST: Level = Level::Integration;

    /// Frost's number for the level, 1 (cooperation) to 4 (integration).
    #[must_use]
    pub const fn number(self) -> u8 {
        self as u8 + 1
    }

    /// The level with Frost's number `n`, if `n` is 1..=4.
    #[must_use]
    pub const fn from_number(n: u8) -> Option<Level> {
        match n {
            1 => Some(Level::Cooperation),
            2 => Some(Level::Collaboration),
            3 => Some(Level::Coordination),
            4 => Some(Level::Integration),
            _ => None,
        }
    }

    /// The level above this one; `None` for integration.
    #[must_use]
    pub const fn next(self) -> Option<Level> {
        Level::from_number(self.number() + 1)
    }

    /// The level below this one; `None` for cooperation.
    #[must_use]
    pub const fn previous(self) -> Option<Level> {
        Level::from_number(self.number() - 1)
    }

    /// The levels from cooperation up to and including this one.
    #[must_use]
    pub fn and_below(self) -> &'static [Level] {
        Level::ALL.get(..=self as usize).unwrap_or(&[])
    }
}
