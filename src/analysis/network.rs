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
use crate::input::partners::PairTally;
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

impl Perceived {
    /// Whether the figures follow from one another as the analysis makes
    /// them: at least one answer, the median the lower middle of the
    /// counts, the difference and its sign from the median and `achieved`.
    pub(crate) fn is_consistent(&self) -> bool {
        let Some(median) = lower_median(self.counts.counts()) else {
            return false;
        };
        let difference =
            i16::from(median.number()) - i16::from(self.achieved.map_or(0, Level::number));
        self.median == Some(median)
            && i16::from(self.difference) == difference
            && self.overestimates == (difference > 0)
    }
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

/// The lower median of values counted per number (0 to 4): of an even
/// count, the lower of the two middle values. `None` when nothing is
/// counted.
fn lower_median(counts: [u32; 5]) -> Option<PartnerLevel> {
    let total: u64 = counts.iter().map(|&c| u64::from(c)).sum();
    if total == 0 {
        return None;
    }
    // The value at position (total - 1) / 2 of the sorted values.
    let position = (total - 1) / 2;
    let mut seen = 0;
    for (number, &count) in (0u8..).zip(counts.iter()) {
        seen += u64::from(count);
        if seen > position {
            return PartnerLevel::from_number(number);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{ByLevel, Densities, PerceivedCounts, agreed, change, network, perceived, ratio};
    use super::{coverage, lower_median, ties, trusted};
    use crate::input::partners::PairTally;
    use crate::{Agency, Assessment, Level, PartnerLevel, Partnership, Response, Role, Trust};

    fn level(n: u8) -> PartnerLevel {
        PartnerLevel::from_number(n).unwrap()
    }

    fn id(i: usize) -> String {
        format!("a{i}")
    }

    /// Sums for `n` agencies: each `(a, b, levels)` adds one answer per
    /// level number, for b, answered for a.
    fn tally(n: usize, answers: &[(usize, usize, &[u8])]) -> PairTally {
        let mut pairs = PairTally::new(n);
        for &(a, b, levels) in answers {
            for &l in levels {
                pairs.add_level(a, b, level(l));
            }
        }
        pairs
    }

    /// An assessment of agencies `a0..` whose responses are, each, the
    /// agency answered for and its levels (by number) for others.
    fn assessment(agencies: &[usize], responses: &[(usize, &[(usize, u8)])]) -> Assessment {
        let agencies: Vec<Agency> = agencies
            .iter()
            .map(|&k| Agency::new(id(k), format!("Agency {k}")))
            .collect();
        let responses: Vec<Response> = responses
            .iter()
            .enumerate()
            .map(|(r, &(a, levels))| {
                let mut response = Response::new(format!("r{r}"), id(a), Role::Manager);
                for &(b, l) in levels {
                    response.partners.insert(id(b), level(l));
                }
                response
            })
            .collect();
        Partnership::new("N", None, agencies, [])
            .unwrap()
            .with_responses(responses)
            .unwrap()
    }

    #[test]
    fn figures_by_level() {
        let by = ByLevel {
            cooperation: 0.25,
            collaboration: 0.5,
            coordination: 0.75,
            integration: 0.125,
        };
        let got: Vec<f64> = Level::iter().map(|l| by.get(l)).collect();
        assert_eq!(got, [0.25, 0.5, 0.75, 0.125]);
        let made = ByLevel::from_fn(|l| f64::from(l.number()) / 8.0);
        assert_eq!(
            made,
            ByLevel {
                cooperation: 0.125,
                collaboration: 0.25,
                coordination: 0.375,
                integration: 0.5
            }
        );
        let counts = PerceivedCounts {
            none: 1,
            cooperation: 2,
            collaboration: 3,
            coordination: 4,
            integration: 5,
        };
        let got: Vec<u32> = PartnerLevel::ALL.iter().map(|&l| counts.get(l)).collect();
        assert_eq!(got, [1, 2, 3, 4, 5]);
        assert_eq!(counts.counts(), [1, 2, 3, 4, 5]);
        assert_eq!(counts.total(), 15);
    }

    #[test]
    fn ratios_and_densities_are_exact() {
        assert_eq!(ratio(1, 3), 1.0 / 3.0);
        assert_eq!(ratio(6, 4), 1.5);
        let densities = Densities {
            tied: [4, 3, 2, 1],
            pairs: 10,
        };
        let got: Vec<f64> = Level::iter().map(|l| densities.exact(l).to_f64()).collect();
        assert_eq!(got, [0.4, 0.3, 0.2, 0.1]);
    }

    #[test]
    fn agreed_is_the_lower_of_two_answers_or_the_one_given() {
        // 0→1: [2, 3] lower median 2; 1→0: [4]; 0→2: [0]; 2→1: [3, 1, 1].
        let pairs = tally(
            4,
            &[
                (0, 1, &[2, 3]),
                (1, 0, &[4]),
                (0, 2, &[0]),
                (2, 1, &[3, 1, 1]),
            ],
        );
        assert_eq!(agreed(&pairs, 0, 1), Some(level(2)));
        assert_eq!(agreed(&pairs, 0, 2), Some(level(0)));
        assert_eq!(agreed(&pairs, 1, 2), Some(level(1)));
        assert_eq!(agreed(&pairs, 0, 3), None);
    }

    #[test]
    fn ties_count_each_pair_once_at_each_level() {
        // Pairs of 4 agencies: (0,1) 3 and 1 → agreed 1, mismatch 2,
        // disputed; (0,2) 2 one way; (0,3) none both ways, mismatch 0;
        // (1,2) 4 and 3 → 3, mismatch 1; (1,3) 1 and none → none,
        // mismatch 1; (2,3) unanswered.
        let pairs = tally(
            4,
            &[
                (0, 1, &[3]),
                (1, 0, &[1]),
                (0, 2, &[2]),
                (0, 3, &[0]),
                (3, 0, &[0]),
                (1, 2, &[4]),
                (2, 1, &[3]),
                (1, 3, &[1]),
                (3, 1, &[0]),
            ],
        );
        let ties = ties(&pairs, &id);
        let got: Vec<_> = ties
            .list
            .iter()
            .map(|p| {
                (
                    p.a.clone(),
                    p.b.clone(),
                    p.agreed,
                    p.mismatch,
                    p.confirmed,
                    p.disputed,
                )
            })
            .collect();
        let want = |a: usize, b: usize, agreed: Option<u8>, m: Option<u8>| {
            (
                id(a),
                id(b),
                agreed.map(level),
                m,
                m.is_some(),
                m.is_some_and(|m| m >= 2),
            )
        };
        assert_eq!(
            got,
            [
                want(0, 1, Some(1), Some(2)),
                want(0, 2, Some(2), None),
                want(0, 3, Some(0), Some(0)),
                want(1, 2, Some(3), Some(1)),
                want(1, 3, Some(0), Some(1)),
                want(2, 3, None, None),
            ]
        );
        assert!(ties.list[0].disputed && !ties.list[3].disputed);
        assert_eq!(
            (ties.list[0].a_to_b, ties.list[0].b_to_a),
            (Some(level(3)), Some(level(1)))
        );
        // Agreed 1, 2, 0, 3, 0: tied at cooperation 3, collaboration 2,
        // coordination 1, integration 0; five answered.
        assert_eq!(ties.tied, [3, 2, 1, 0]);
        assert_eq!(ties.answered, 5);
        // Ties at cooperation: (0,1), (0,2), (1,2).
        assert_eq!(ties.degrees, [2, 2, 2, 0]);
        // At cooperation or above one way: (0,1) both, (0,2) one, (1,2)
        // both, (1,3) one.
        assert_eq!((ties.one_way, ties.both_ways), (4, 2));
    }

    #[test]
    fn trust_is_counted_from_the_other_agencies_that_answered() {
        let mut pairs = PairTally::new(3);
        // a1 and a2 rate a0; a0's own rating of itself is not counted (the
        // tally never holds one, but the sums are by pair).
        pairs.add_trust(1, 0, Trust::new(4).unwrap());
        pairs.add_trust(1, 0, Trust::new(3).unwrap());
        pairs.add_trust(2, 0, Trust::new(1).unwrap());
        pairs.add_trust(0, 0, Trust::new(4).unwrap());
        pairs.add_trust(0, 2, Trust::new(2).unwrap());
        let trusted = trusted(&pairs, &id);
        let got: Vec<(String, Option<f64>, u32)> = trusted
            .iter()
            .map(|t| (t.agency.clone(), t.mean, t.raters))
            .collect();
        assert_eq!(
            got,
            [
                (id(0), Some(2.25), 2),
                (id(1), None, 0),
                (id(2), Some(2.0), 1)
            ]
        );
    }

    #[test]
    fn coverage_counts_the_agencies_answered_for() {
        let mut pairs = tally(3, &[(0, 1, &[0]), (0, 2, &[3, 4]), (2, 0, &[1])]);
        pairs.respondents = vec![2, 0, 1];
        let got: Vec<(String, u32, u32)> = coverage(&pairs, &id)
            .iter()
            .map(|c| (c.agency.clone(), c.respondents, c.answered_for))
            .collect();
        assert_eq!(got, [(id(0), 2, 2), (id(1), 0, 0), (id(2), 1, 1)]);
    }

    #[test]
    fn a_network_of_five_by_value() {
        // a0 works with a1 (2 both ways), a2 (1 one way), a3 (none both
        // ways); a1 with a2 at collaboration one way. a3 answers only
        // `none`, a4 is silent and a0 and a1 work with it at collaboration,
        // a2 at integration.
        let a = assessment(
            &[0, 1, 2, 3, 4],
            &[
                (0, &[(1, 2), (2, 1), (3, 0), (4, 2)]),
                (1, &[(0, 2), (2, 2), (4, 2)]),
                (2, &[(4, 4)]),
                (3, &[(0, 0)]),
            ],
        );
        let (net, densities) = network(&a).unwrap();
        // Pairs: (0,1) 2, (0,2) 1, (0,3) 0, (0,4) 2, (1,2) 2, (1,4) 2,
        // (2,4) 4; (1,3), (2,3), (3,4) unanswered. Of ten pairs, tied at
        // cooperation 6, collaboration 5, coordination 1, integration 1.
        assert_eq!(net.pairs.len(), 10);
        assert_eq!(densities.tied, [6, 5, 1, 1]);
        assert_eq!(densities.pairs, 10);
        assert_eq!(
            net.density,
            ByLevel {
                cooperation: 0.6,
                collaboration: 0.5,
                coordination: 0.1,
                integration: 0.1
            }
        );
        assert_eq!(net.answered_pairs, 7);
        assert_eq!(
            net.density_answered,
            Some(ByLevel {
                cooperation: 6.0 / 7.0,
                collaboration: 5.0 / 7.0,
                coordination: 1.0 / 7.0,
                integration: 1.0 / 7.0
            })
        );
        let degrees: Vec<u32> = net.degrees.iter().map(|d| d.degree).collect();
        assert_eq!(degrees, [3, 3, 3, 0, 3]);
        // Σ(3 − d) = 3 over (n−1)(n−2) = 12.
        assert_eq!(net.centralization, Some(0.25));
        // Up one way: (0,1) both, (0,2), (0,4), (1,2), (1,4), (2,4): 1/6.
        assert_eq!(net.reciprocity, Some(1.0 / 6.0));
        assert_eq!(net.isolates, [id(3)]);
        assert_eq!(net.silent_agencies, [id(4)]);
        assert_eq!(net.missing_central, [id(4)]);
        let coverage: Vec<(u32, u32)> = net
            .coverage
            .iter()
            .map(|c| (c.respondents, c.answered_for))
            .collect();
        assert_eq!(coverage, [(1, 4), (1, 3), (1, 1), (1, 1), (0, 0)]);
        assert_eq!(net.trusted.len(), 5);
        assert!(
            net.trusted
                .iter()
                .all(|t| t.mean.is_none() && t.raters == 0)
        );
    }

    #[test]
    fn missing_central_needs_two_others_at_collaboration() {
        // a2 silent: a0 gives collaboration, a1 cooperation; a3 silent:
        // a0 and a1 give collaboration and coordination.
        let a = assessment(
            &[0, 1, 2, 3],
            &[(0, &[(2, 2), (3, 2)]), (1, &[(2, 1), (3, 3)])],
        );
        let (net, _) = network(&a).unwrap();
        assert_eq!(net.silent_agencies, [id(2), id(3)]);
        assert_eq!(net.missing_central, [id(3)]);
        assert_eq!(net.isolates, Vec::<String>::new());
        // Degrees 2, 2, 2, 2: no spread; n = 4.
        assert_eq!(net.centralization, Some(0.0));
    }

    #[test]
    fn centralization_from_three_agencies() {
        let a = assessment(&[0, 1, 2], &[(0, &[(1, 1), (2, 1)])]);
        let (net, _) = network(&a).unwrap();
        // A star of three: Σ(2 − d) = 2 over 2.
        assert_eq!(net.centralization, Some(1.0));
        let a = assessment(&[0, 1], &[(0, &[(1, 1)])]);
        assert_eq!(network(&a).unwrap().0.centralization, None);
    }

    #[test]
    fn answers_without_a_tie() {
        // Only `none`: answered, no tie, nothing to reciprocate.
        let a = assessment(&[0, 1, 2], &[(0, &[(1, 0)])]);
        let (net, _) = network(&a).unwrap();
        assert_eq!(net.answered_pairs, 1);
        assert_eq!(net.reciprocity, None);
        assert_eq!(net.isolates, [id(0), id(1), id(2)]);
        assert_eq!(net.centralization, Some(0.0));
        // Only trust: a network without an answered pair.
        let agencies = vec![Agency::new("a0", "A"), Agency::new("a1", "B")];
        let mut r = Response::new("r", "a0", Role::Manager);
        r.trust.insert("a1".into(), Trust::new(3).unwrap());
        let a = Partnership::new("N", None, agencies, [])
            .unwrap()
            .with_responses(vec![r])
            .unwrap();
        let (net, _) = network(&a).unwrap();
        assert_eq!(net.answered_pairs, 0);
        assert_eq!(net.density_answered, None);
        assert_eq!(net.reciprocity, None);
        assert_eq!(net.trusted[1].mean, Some(3.0));
        // No answer about another agency: no net.
        let a = assessment(&[0, 1], &[]);
        assert!(network(&a).is_none());
    }

    #[test]
    fn perceived_against_achieved() {
        let with = |levels: &[u8]| {
            let agencies = vec![Agency::new("a0", "A"), Agency::new("a1", "B")];
            let responses = levels
                .iter()
                .enumerate()
                .map(|(k, &l)| {
                    let mut r = Response::new(format!("r{k}"), "a0", Role::Manager);
                    r.perceived_level = Some(level(l));
                    r
                })
                .collect();
            Partnership::new("N", None, agencies, [])
                .unwrap()
                .with_responses(responses)
                .unwrap()
        };
        // 1, 3, 3, 4: the lower median is 3.
        let a = with(&[3, 1, 4, 3]);
        let p = perceived(&a, Some(Level::Cooperation)).unwrap();
        assert_eq!(p.counts.counts(), [0, 1, 0, 2, 1]);
        assert_eq!(p.median, Some(level(3)));
        assert_eq!(p.achieved, Some(Level::Cooperation));
        assert_eq!((p.difference, p.overestimates), (2, true));
        let p = perceived(&a, None).unwrap();
        assert_eq!((p.difference, p.overestimates), (3, true));
        let p = perceived(&a, Some(Level::Coordination)).unwrap();
        assert_eq!((p.difference, p.overestimates), (0, false));
        let p = perceived(&a, Some(Level::Integration)).unwrap();
        assert_eq!((p.difference, p.overestimates), (-1, false));
        assert!(perceived(&assessment(&[0, 1], &[(0, &[(1, 2)])]), None).is_none());
    }

    #[test]
    fn change_by_pair_and_density() {
        // Earlier: a0, a1, a2; (0,1) 1, (0,2) 2, (1,2) 1.
        let earlier = assessment(&[0, 1, 2], &[(0, &[(1, 1), (2, 2)]), (1, &[(2, 1)])]);
        // Later, listed a2, a0, a3, a1: (2,0) 2 as before, (2,1) 3, (0,1)
        // 1 as before, a3 new with (3,0) 1.
        let later = assessment(
            &[2, 0, 3, 1],
            &[(2, &[(1, 3)]), (0, &[(1, 1), (2, 2)]), (3, &[(0, 1)])],
        );
        let moved = change(&earlier, &later).unwrap();
        // Cooperation 3/3 → 4/6, collaboration 1/3 → 2/6, coordination
        // 0 → 1/6.
        assert_eq!(
            moved.density,
            ByLevel {
                cooperation: -1.0 / 3.0,
                collaboration: 0.0,
                coordination: 1.0 / 6.0,
                integration: 0.0
            }
        );
        let got: Vec<(&str, &str, Option<PartnerLevel>, Option<PartnerLevel>)> = moved
            .pairs
            .iter()
            .map(|p| (p.a.as_str(), p.b.as_str(), p.earlier, p.later))
            .collect();
        assert_eq!(got, [("a2", "a1", Some(level(1)), Some(level(3)))]);
        assert!(change(&earlier, &assessment(&[0, 1], &[])).is_none());
        assert!(change(&assessment(&[0, 1], &[]), &later).is_none());
    }

    #[test]
    fn lower_median_takes_the_lower_middle() {
        assert_eq!(lower_median([0; 5]), None);
        assert_eq!(lower_median([1, 0, 0, 0, 0]), Some(PartnerLevel::NONE));
        // 1, 3: the lower middle is 1.
        assert_eq!(
            lower_median([0, 1, 0, 1, 0]),
            Some(Level::Cooperation.into())
        );
        // 0, 2, 2: the middle is 2.
        assert_eq!(
            lower_median([1, 0, 2, 0, 0]),
            Some(Level::Collaboration.into())
        );
        // 0, 0, 4, 4: the lower middle is 0.
        assert_eq!(lower_median([2, 0, 0, 0, 2]), Some(PartnerLevel::NONE));
        // 3, 4, 4, 4: the lower middle is 4.
        assert_eq!(
            lower_median([0, 0, 0, 1, 3]),
            Some(Level::Integration.into())
        );
        for n in 0..=4 {
            let mut counts = [0; 5];
            counts[usize::from(n)] = 7;
            assert_eq!(lower_median(counts), PartnerLevel::from_number(n));
        }
    }
}
