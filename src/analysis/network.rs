//! Who works with whom: the partnership as a network of agencies, from
//! each agency's answers about the others; and the level respondents
//! believe the partnership works at, set against the level its ratings
//! sustain.
//!
//! Everything here is computed from the sums per directed pair of agencies
//! built when the assessment was validated: the cost grows with the square
//! of the number of agencies and never with the respondents.

use serde::{Deserialize, Serialize};

use crate::foundation::exact::{Exact, Fraction};
use crate::input::partners::{PairTally, lower_median};
use crate::{Assessment, Level, PartnerLevel};

/// A figure at each of Frost's levels, from cooperation to integration.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ByLevel {
    /// At cooperation.
    pub cooperation: f64,
    /// At collaboration.
    pub collaboration: f64,
    /// At coordination.
    pub coordination: f64,
    /// At integration.
    pub integration: f64,
}

impl ByLevel {
    /// The figure at `level`.
    #[must_use]
    pub fn get(&self, level: Level) -> f64 {
        match level {
            Level::Cooperation => self.cooperation,
            Level::Collaboration => self.collaboration,
            Level::Coordination => self.coordination,
            Level::Integration => self.integration,
        }
    }

    fn from_fn(mut f: impl FnMut(Level) -> f64) -> ByLevel {
        ByLevel {
            cooperation: f(Level::Cooperation),
            collaboration: f(Level::Collaboration),
            coordination: f(Level::Coordination),
            integration: f(Level::Integration),
        }
    }
}

/// One pair of agencies, `a` listed before `b`: how each says it works
/// with the other, and what they agree on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Pair {
    /// The agency listed first.
    pub a: String,
    /// The agency listed second.
    pub b: String,
    /// The level `a`'s respondents give for `b` (their lower median); null
    /// when none answered. `none` is an answer: no joint work.
    pub a_to_b: Option<PartnerLevel>,
    /// The level `b`'s respondents give for `a`; null when none answered.
    pub b_to_a: Option<PartnerLevel>,
    /// The lower of the two when both answered, the one given otherwise,
    /// null when neither.
    pub agreed: Option<PartnerLevel>,
    /// Whether both agencies answered.
    pub confirmed: bool,
    /// How many levels apart the two answers are, when both answered.
    pub mismatch: Option<u8>,
    /// Whether the answers are two levels or more apart: a pair to talk
    /// about.
    pub disputed: bool,
}

/// How many agencies one agency works with, at cooperation or above.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Degree {
    /// The agency's id.
    pub agency: String,
    /// The number of agencies it is tied to at cooperation or above.
    pub degree: u32,
}

/// Who answered for one agency.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Coverage {
    /// The agency's id.
    pub agency: String,
    /// Its respondents, whatever they answered.
    pub respondents: u32,
    /// How many other agencies its respondents gave a level for (`none`
    /// included; trust answers do not count).
    pub answered_for: u32,
}

/// How far the other agencies trust one agency.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Trusted {
    /// The agency's id.
    pub agency: String,
    /// The mean, over the agencies that rated its trust, of each one's
    /// mean answer (each rating agency an equal voice), from 1 to 4; null
    /// when none did.
    pub mean: Option<f64>,
    /// How many agencies rated its trust.
    pub raters: u32,
}

/// The partnership as a network of agencies, from each agency's answers
/// about the others: every pair, the density of ties at each level, each
/// agency's degree, how central the network is, how far ties are returned,
/// who answered, and trust.
///
/// The answers are given for the agency, so every figure is per agency or
/// per pair, never per respondent; small groups are not hidden here, since
/// no individual's rating is shown. Fractions are computed exactly and
/// written as the nearest `f64`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Network {
    /// Every pair of listed agencies, answered or not, in the
    /// assessment's order (`a` before `b`).
    pub pairs: Vec<Pair>,
    /// At each level L: the pairs whose agreed level is L or above, over
    /// all pairs of listed agencies (n(n−1)/2; a pair nobody answered is
    /// not tied).
    pub density: ByLevel,
    /// The pairs with at least one direction answered.
    pub answered_pairs: u32,
    /// At each level: the tied pairs over the answered pairs; null when no
    /// pair is answered.
    pub density_answered: Option<ByLevel>,
    /// Every agency's degree, in the assessment's order.
    pub degrees: Vec<Degree>,
    /// Freeman's degree centralization, Σ(max degree − degree) /
    /// ((n−1)(n−2)): 1 for a star, 0 when every agency has the same
    /// degree; null with fewer than three agencies.
    pub centralization: Option<f64>,
    /// Of the pairs with at least one direction at cooperation or above,
    /// the share with both; null when there is none.
    pub reciprocity: Option<f64>,
    /// Agencies tied to no other, in the assessment's order.
    pub isolates: Vec<String>,
    /// Who answered for each agency, in the assessment's order.
    pub coverage: Vec<Coverage>,
    /// Agencies with no respondent at all, in the assessment's order.
    pub silent_agencies: Vec<String>,
    /// Silent agencies that at least two other agencies say they work
    /// with at collaboration or above: the density understates the
    /// network while they are missing.
    pub missing_central: Vec<String>,
    /// How far the other agencies trust each agency, in the assessment's
    /// order.
    pub trusted: Vec<Trusted>,
}

/// How many respondents see the partnership at each level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PerceivedCounts {
    /// No joint work.
    pub none: u32,
    /// Cooperation.
    pub cooperation: u32,
    /// Collaboration.
    pub collaboration: u32,
    /// Coordination.
    pub coordination: u32,
    /// Integration.
    pub integration: u32,
}

impl PerceivedCounts {
    /// The count at `level`.
    #[must_use]
    pub fn get(&self, level: PartnerLevel) -> u32 {
        match level.level() {
            None => self.none,
            Some(Level::Cooperation) => self.cooperation,
            Some(Level::Collaboration) => self.collaboration,
            Some(Level::Coordination) => self.coordination,
            Some(Level::Integration) => self.integration,
        }
    }

    /// All the respondents who answered.
    #[must_use]
    pub fn total(&self) -> u32 {
        PartnerLevel::ALL.into_iter().map(|l| self.get(l)).sum()
    }

    fn counts(&self) -> [u32; 5] {
        PartnerLevel::ALL.map(|l| self.get(l))
    }
}

/// The level respondents believe the whole partnership works at, set
/// against the level its ratings sustain. Partnerships tend to see
/// themselves further up the ladder than their arrangements show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Perceived {
    /// How many respondents gave each level.
    pub counts: PerceivedCounts,
    /// The lower median of their answers.
    pub median: Option<PartnerLevel>,
    /// The level the classification found achieved.
    pub achieved: Option<Level>,
    /// The median's number minus the achieved level's (no level counts as
    /// 0): above zero, respondents see more than the ratings sustain.
    pub difference: i8,
    /// Whether the difference is above zero.
    pub overestimates: bool,
}

/// A pair of agencies whose agreed level changed between two rounds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PairChange {
    /// The agency listed first in the later round.
    pub a: String,
    /// The agency listed second in the later round.
    pub b: String,
    /// The agreed level in the earlier round (null: unanswered).
    pub earlier: Option<PartnerLevel>,
    /// The agreed level in the later round (null: unanswered).
    pub later: Option<PartnerLevel>,
}

/// How the network changed between two rounds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NetworkChange {
    /// The change in density at each level, later minus earlier.
    pub density: ByLevel,
    /// The pairs of agencies listed in both rounds whose agreed level
    /// differs, in the order of the later round's pairs.
    pub pairs: Vec<PairChange>,
}

/// The nearest `f64` to `num / den` (`den > 0`).
fn ratio(num: u64, den: u64) -> f64 {
    fraction(num, den).to_f64()
}

fn fraction(num: u64, den: u64) -> Exact {
    Exact::from(Fraction::new(i128::from(num), i128::from(den)))
}

/// The tied pairs at each level and the pairs of listed agencies: the
/// exact density.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Densities {
    tied: [u64; 4],
    pairs: u64,
}

impl Densities {
    fn exact(&self, level: Level) -> Exact {
        let tied = self
            .tied
            .get(usize::from(level.number() - 1))
            .copied()
            .unwrap_or_default();
        fraction(tied, self.pairs.max(1))
    }
}

/// The agreed level of each unordered pair i < j, by agency index.
fn agreed(pairs: &PairTally, i: usize, j: usize) -> Option<PartnerLevel> {
    let a_to_b = lower_median(pairs.levels(i, j));
    let b_to_a = lower_median(pairs.levels(j, i));
    match (a_to_b, b_to_a) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    }
}

/// The pairs, and what the density, degrees and reciprocity count of them.
struct Ties {
    list: Vec<Pair>,
    /// The pairs tied at each level, from cooperation.
    tied: [u64; 4],
    /// The pairs with at least one direction answered.
    answered: u64,
    degrees: Vec<u32>,
    /// Pairs with at least one direction at cooperation or above, and
    /// with both.
    one_way: u64,
    both_ways: u64,
}

fn ties(pairs: &PairTally, id: &impl Fn(usize) -> String) -> Ties {
    let n = pairs.n;
    let cooperation = PartnerLevel::from(Level::Cooperation);
    let mut ties = Ties {
        list: Vec::with_capacity(n * n.saturating_sub(1) / 2),
        tied: [0; 4],
        answered: 0,
        degrees: vec![0; n],
        one_way: 0,
        both_ways: 0,
    };
    for i in 0..n {
        for j in i + 1..n {
            let a_to_b = lower_median(pairs.levels(i, j));
            let b_to_a = lower_median(pairs.levels(j, i));
            let agreed = agreed(pairs, i, j);
            let mismatch = match (a_to_b, b_to_a) {
                (Some(x), Some(y)) => Some(x.number().abs_diff(y.number())),
                _ => None,
            };
            if let Some(agreed) = agreed {
                ties.answered += 1;
                for (count, level) in ties.tied.iter_mut().zip(Level::iter()) {
                    if agreed >= PartnerLevel::from(level) {
                        *count += 1;
                    }
                }
                if agreed >= cooperation {
                    for k in [i, j] {
                        if let Some(degree) = ties.degrees.get_mut(k) {
                            *degree += 1;
                        }
                    }
                }
            }
            let up = |d: Option<PartnerLevel>| d.is_some_and(|d| d >= cooperation);
            if up(a_to_b) || up(b_to_a) {
                ties.one_way += 1;
                if up(a_to_b) && up(b_to_a) {
                    ties.both_ways += 1;
                }
            }
            ties.list.push(Pair {
                a: id(i),
                b: id(j),
                a_to_b,
                b_to_a,
                agreed,
                confirmed: mismatch.is_some(),
                mismatch,
                disputed: mismatch.is_some_and(|m| m >= 2),
            });
        }
    }
    ties
}

/// How far the other agencies trust each agency.
fn trusted(pairs: &PairTally, id: &impl Fn(usize) -> String) -> Vec<Trusted> {
    let n = pairs.n;
    (0..n)
        .map(|b| {
            let raters = (0..n)
                .filter(|&a| a != b)
                .map(|a| pairs.trust(a, b))
                .filter(|&(_, count)| count > 0);
            Trusted {
                agency: id(b),
                mean: Exact::mean_of_means(raters.clone()).map(|m| m.to_f64()),
                raters: raters.count().try_into().unwrap_or(u32::MAX),
            }
        })
        .collect()
}

/// Who answered for each agency.
fn coverage(pairs: &PairTally, id: &impl Fn(usize) -> String) -> Vec<Coverage> {
    let n = pairs.n;
    (0..n)
        .map(|a| Coverage {
            agency: id(a),
            respondents: pairs.respondents.get(a).copied().unwrap_or_default(),
            answered_for: (0..n)
                .filter(|&b| pairs.levels(a, b).iter().any(|&c| c > 0))
                .count()
                .try_into()
                .unwrap_or(u32::MAX),
        })
        .collect()
}

/// The network of `assessment`, and its exact densities; `None` when no
/// response answers about another agency.
pub(crate) fn network(assessment: &Assessment) -> Option<(Network, Densities)> {
    let pairs = assessment.pairs();
    if !pairs.any_network {
        return None;
    }
    let agencies = assessment.agencies();
    let n = agencies.len();
    let id = |i: usize| agencies.get(i).map(|a| a.id.clone()).unwrap_or_default();
    let collaboration = PartnerLevel::from(Level::Collaboration);
    let ties = ties(pairs, &id);
    let all_pairs = (n as u64) * (n as u64).saturating_sub(1) / 2;
    let densities = Densities {
        tied: ties.tied,
        pairs: all_pairs,
    };
    let density = ByLevel::from_fn(|level| densities.exact(level).to_f64());
    let density_answered = (ties.answered > 0).then(|| {
        ByLevel::from_fn(|level| {
            let at_level = ties
                .tied
                .get(usize::from(level.number() - 1))
                .copied()
                .unwrap_or_default();
            ratio(at_level, ties.answered)
        })
    });
    let degrees = &ties.degrees;
    let centralization = (n >= 3).then(|| {
        let max = degrees.iter().copied().max().unwrap_or_default();
        let spread: u64 = degrees.iter().map(|&d| u64::from(max - d)).sum();
        let n = n as u64;
        ratio(spread, (n - 1) * (n - 2))
    });
    let silent: Vec<usize> = (0..n)
        .filter(|&a| pairs.respondents.get(a) == Some(&0))
        .collect();
    let missing_central = silent
        .iter()
        .filter(|&&a| {
            (0..n)
                .filter(|&x| x != a)
                .filter(|&x| lower_median(pairs.levels(x, a)).is_some_and(|l| l >= collaboration))
                .nth(1)
                .is_some()
        })
        .map(|&a| id(a))
        .collect();
    let network = Network {
        density,
        answered_pairs: ties.answered.try_into().unwrap_or(u32::MAX),
        density_answered,
        degrees: (0..n)
            .map(|i| Degree {
                agency: id(i),
                degree: degrees.get(i).copied().unwrap_or_default(),
            })
            .collect(),
        centralization,
        reciprocity: (ties.one_way > 0).then(|| ratio(ties.both_ways, ties.one_way)),
        isolates: (0..n)
            .filter(|&i| degrees.get(i) == Some(&0))
            .map(id)
            .collect(),
        coverage: coverage(pairs, &id),
        silent_agencies: silent.into_iter().map(id).collect(),
        missing_central,
        trusted: trusted(pairs, &id),
        pairs: ties.list,
    };
    Some((network, densities))
}

/// What respondents believe against what the ratings sustain; `None` when
/// no response gives a perceived level.
pub(crate) fn perceived(assessment: &Assessment, achieved: Option<Level>) -> Option<Perceived> {
    let [none, cooperation, collaboration, coordination, integration] =
        assessment.pairs().perceived;
    let counts = PerceivedCounts {
        none,
        cooperation,
        collaboration,
        coordination,
        integration,
    };
    let median = lower_median(counts.counts())?;
    let achieved_number = achieved.map_or(0, Level::number);
    let difference = i8::try_from(median.number()).unwrap_or_default()
        - i8::try_from(achieved_number).unwrap_or_default();
    Some(Perceived {
        counts,
        median: Some(median),
        achieved,
        difference,
        overestimates: difference > 0,
    })
}

/// How the network changed from `earlier` to `later`; `None` unless both
/// rounds have a network.
pub(crate) fn change(earlier: &Assessment, later: &Assessment) -> Option<NetworkChange> {
    let (_, before) = network(earlier)?;
    let (_, after) = network(later)?;
    let density = ByLevel::from_fn(|level| after.exact(level).sub(&before.exact(level)).to_f64());
    let old = earlier.as_partnership();
    let agencies = later.agencies();
    let (old_pairs, new_pairs) = (earlier.pairs(), later.pairs());
    let mut pairs = Vec::new();
    for (i, a) in agencies.iter().enumerate() {
        for (j, b) in agencies.iter().enumerate().skip(i + 1) {
            let (Some(x), Some(y)) = (old.index_of(&a.id), old.index_of(&b.id)) else {
                continue;
            };
            let before = agreed(old_pairs, x.min(y), x.max(y));
            let after = agreed(new_pairs, i, j);
            if before != after {
                pairs.push(PairChange {
                    a: a.id.clone(),
                    b: b.id.clone(),
                    earlier: before,
                    later: after,
                });
            }
        }
    }
    Some(NetworkChange { density, pairs })
}
