//! The works the catalogue cites.

use crate::foundation::id::id_enum;

id_enum! {
    /// A work the catalogue cites.
    ///
    /// Every concept carries the source the briefing attributes it to
    /// ([`Concept::source`](crate::Concept::source)); [`Source::citation`]
    /// gives the full reference.
    ///
    /// ```
    /// use interagency::{Level, Source};
    ///
    /// assert_eq!(Level::Integration.source(), Source::Frost2005);
    /// assert_eq!(Source::Frost2005.short(), "Frost, 2005");
    /// assert!(Source::Frost2005.citation().starts_with("Frost, N. (2005)"));
    /// ```
    pub enum Source: "source" {
        /// Frost (2005): the four levels of interagency working (p13).
        #[serde(rename = "frost_2005")]
        #[strum(serialize = "frost_2005")]
        Frost2005,
        /// Statham (2011): the facilitating factors, the formal definition and
        /// the research findings.
        #[serde(rename = "statham_2011")]
        #[strum(serialize = "statham_2011")]
        Statham2011,
        /// Children Acts Advisory Board (2009): the benefits of interagency working.
        #[serde(rename = "caab_2009")]
        #[strum(serialize = "caab_2009")]
        Caab2009,
        /// Atkinson et al. (2002): the obstacles to multi-agency working.
        #[serde(rename = "atkinson_2002")]
        #[strum(serialize = "atkinson_2002")]
        Atkinson2002,
        /// Cheminais (2009): further reading on multi-agency partnerships.
        #[serde(rename = "cheminais_2009")]
        #[strum(serialize = "cheminais_2009")]
        Cheminais2009,
        /// The briefing itself: its practice tips are its own advice.
        Briefing,
    }
}

impl Source {
    /// The author and year, as in a parenthetical citation: `Frost, 2005`.
    #[must_use]
    pub const fn short(self) -> &'static str {
        match self {
            Self::Frost2005 => "Frost, 2005",
            Self::Statham2011 => "Statham, 2011",
            Self::Caab2009 => "CAAB, 2009",
            Self::Atkinson2002 => "Atkinson et al., 2002",
            Self::Cheminais2009 => "Cheminais, 2009",
            Self::Briefing => "practice briefing",
        }
    }

    /// The full reference.
    #[must_use]
    pub const fn citation(self) -> &'static str {
        match self {
            Self::Frost2005 => {
                "Frost, N. (2005) Professionalism, partnership and joined-up thinking: \
                 A research review of front-line working with children and families. \
                 Dartington: Research in Practice."
            }
            Self::Statham2011 => {
                "Statham, J. (2011) A review of international evidence on interagency \
                 working, to inform the development of Children's Services Committees in Ireland."
            }
            Self::Caab2009 => {
                "Children Acts Advisory Board (2009) Guidance to Support Effective \
                 Interagency Working across Irish Children's Services. Dublin: CAAB."
            }
            Self::Atkinson2002 => {
                "Atkinson, M. et al. (2002) Multi-agency working: a detailed study. NFER."
            }
            Self::Cheminais2009 => {
                "Cheminais, R. (2009) Effective Multi-Agency Partnerships. Sage."
            }
            Self::Briefing => {
                "Interagency working: practice briefing for children's and family services. \
                 Its practice tips are the briefing's own advice and cite no single study."
            }
        }
    }

    /// What the catalogue takes from this source.
    #[must_use]
    pub const fn cited_for(self) -> &'static str {
        match self {
            Self::Frost2005 => "the four levels of interagency working (p13)",
            Self::Statham2011 => {
                "the factors that facilitate interagency working, the formal definition \
                 and the research findings"
            }
            Self::Caab2009 => "the benefits of interagency working",
            Self::Atkinson2002 => "the obstacles to interagency working",
            Self::Cheminais2009 => "further reading on establishing multi-agency partnerships",
            Self::Briefing => "the practice tips",
        }
    }
}
