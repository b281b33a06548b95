//! The small vocabularies of the documents: the role a respondent holds
//! and the sector an agency belongs to.

use crate::foundation::id::id_enum;

id_enum! {
    /// The sector an agency belongs to.
    pub enum Sector: "sector" {
        /// Health services.
        Health,
        /// Schools and other education services.
        Education,
        /// Social work and child protection.
        SocialWork,
        /// Family support services.
        FamilySupport,
        /// Police, probation and youth justice.
        Justice,
        /// Youth services.
        Youth,
        /// Housing services.
        Housing,
        /// Community and voluntary organisations.
        CommunityVoluntary,
        /// Local government.
        LocalGovernment,
        /// Any other sector.
        Other,
    }
}

id_enum! {
    /// A respondent's role in their agency.
    pub enum Role: "role" {
        /// Frontline practitioner.
        Frontline,
        /// Manager.
        Manager,
        /// Senior manager.
        SeniorManager,
    }
}
