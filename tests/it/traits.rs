//! Every public type is `Send + Sync` (and the plain values `Copy`), so that
//! assessments and reports can cross threads in servers and dashboards.

use interagency::catalogue::*;
use interagency::report::*;
use interagency::rubric::*;
use interagency::set::*;
use interagency::*;

fn send_sync<T: Send + Sync>() {}
fn copy<T: Copy>() {}

#[test]
fn public_types_are_send_and_sync() {
    send_sync::<Assessment>();
    send_sync::<Agency>();
    send_sync::<Response>();
    send_sync::<Rating>();
    send_sync::<Ratings<Facilitator>>();
    send_sync::<Ratings<Obstacle>>();
    send_sync::<Date>();
    send_sync::<Error>();
    send_sync::<ParseIdError>();
    send_sync::<Classification>();
    send_sync::<FacilitatorResult>();
    send_sync::<ObstacleResult>();
    send_sync::<GapReport>();
    send_sync::<GapItem>();
    send_sync::<Recommendation>();
    send_sync::<MissingCharacteristic>();
    send_sync::<FacilitatorGap>();
    send_sync::<ActiveObstacle>();
    send_sync::<Markdown<'static>>();
    send_sync::<Catalogue>();
    send_sync::<Entry<Level, LevelLinks>>();
    send_sync::<SourceEntry>();
    send_sync::<DefinitionEntry>();
    send_sync::<RubricNumbers>();
    send_sync::<Rubric>();
    send_sync::<TipLinks>();
    send_sync::<Thresholds>();
    send_sync::<Weights>();
    send_sync::<ConceptSet<Level>>();
    send_sync::<Iter<Benefit>>();
    send_sync::<Definition>();
    send_sync::<Level>();
    send_sync::<Characteristic>();
    send_sync::<Facilitator>();
    send_sync::<Benefit>();
    send_sync::<Obstacle>();
    send_sync::<PracticeTip>();
    send_sync::<Finding>();
    send_sync::<Source>();
    send_sync::<Sector>();
    send_sync::<Role>();
    send_sync::<FacilitatorBand>();
    send_sync::<ObstacleBand>();
}

#[test]
fn small_values_are_copy() {
    copy::<Rating>();
    copy::<Ratings<Facilitator>>();
    copy::<Date>();
    copy::<Classification>();
    copy::<ConceptSet<Characteristic>>();
    copy::<TipLinks>();
}
