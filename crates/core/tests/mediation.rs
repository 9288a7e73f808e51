//! Mediators, on sentences written for these tests: the third party of cooperative events, and a
//! request to open talks through a third party read as a proposal to the other side.

mod common;

use common::engine;
use palaver_core::{Article, Event};

fn code(text: &str) -> Vec<Event> {
    engine().code(&Article::new("t", text).with_date("2022-03-01")).events
}

fn key(a: &Option<palaver_core::event::ActorRecord>) -> String {
    a.as_ref().map(|a| a.actor_id.clone().or(a.code.clone()).unwrap_or_default()).unwrap_or_default()
}

/// (source, code, target, mediator) of each event.
fn quads(events: &[Event]) -> Vec<(String, String, String, String)> {
    events.iter().map(|e| (key(&e.source), e.cameo.clone(), key(&e.target), key(&e.mediator))).collect()
}

#[test]
fn the_subject_of_mediated_is_the_mediator_of_the_talks_between_the_parties() {
    let e = code("The High Islamic Council mediated talks between JNIM and Dozo hunters near Niono.");
    let q = quads(&e);
    assert!(q.iter().any(|(s, _, t, m)| s == "jnim" && t == "dozo" && m == "mali_hci"), "{q:?}");
}

#[test]
fn under_the_mediation_of_and_with_as_mediator_name_the_third_party() {
    let e = code("With Qatar as mediator, Taliban leaders met American envoys in Doha.");
    assert!(quads(&e).iter().any(|(_, c, _, m)| c.starts_with("04") && m == "QAT"), "{:?}", quads(&e));
    let e = code("Under the mediation of ECOWAS, the junta and the opposition held talks in Bamako.");
    assert!(quads(&e).iter().any(|(_, _, _, m)| m == "ecowas"), "{:?}", quads(&e));
}

#[test]
fn violence_and_the_mediator_itself_get_no_mediator() {
    let e = code("Malian soldiers attacked JNIM fighters near Mopti on Sunday.");
    assert!(e.iter().all(|e| e.mediator.is_none()));
    let e = code("The African Union mediated talks between Ethiopia and Egypt.");
    assert!(
        e.iter().all(|e| key(&e.mediator) != key(&e.source) && key(&e.mediator) != key(&e.target)),
        "{:?}",
        quads(&e)
    );
}

#[test]
fn asking_a_third_party_to_open_talks_with_a_group_proposes_talks_to_that_group() {
    let e = code("The prime minister asked the High Islamic Council to open negotiations with leaders of JNIM.");
    let q = quads(&e);
    assert!(q.iter().any(|(s, c, t, _)| s == "MLIGOV" && c == "026" && t == "mali_hci"), "{q:?}");
    assert!(q.iter().any(|(s, c, t, m)| s == "MLIGOV" && c == "036" && t == "jnim" && m == "mali_hci"), "{q:?}");
}
