//! Peace-process tracks on articles written for these tests: mediators, proposals, and each
//! lifecycle rule of an agreement (signed, in force, broken, abandoned), with the violence around it.

mod common;

use common::engine;
use palaver_core::{Article, CodedArticle};
use palaver_store::process::{ProcessOptions, Step, Track};
use palaver_store::{Coder, Filter, Store};

/// A store of the given (id, date, text) articles, and its tracks.
fn tracks(articles: &[(&str, &str, &str)]) -> (tempfile::TempDir, Vec<Track>) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("p.db")).unwrap();
    let coder = store.coder_id(&Coder { version: "test".into(), dictionaries: "test".into() }).unwrap();
    let articles: Vec<Article> = articles.iter().map(|(id, d, t)| Article::new(*id, *t).with_date(*d)).collect();
    let coded: Vec<CodedArticle> = articles.iter().map(|a| engine().code(a)).collect();
    let pairs: Vec<(&Article, &CodedArticle)> = articles.iter().zip(&coded).collect();
    store.write_batch(&pairs, coder).unwrap();
    let t = store.tracks(&Filter::default(), ProcessOptions::default()).unwrap();
    (dir, t)
}

/// The track between two actors (ids or codes), either way round.
fn track<'a>(tracks: &'a [Track], a: &str, b: &str) -> &'a Track {
    let is = |s: &palaver_store::query::ActorSummary, x: &str| {
        s.actor_id.as_deref() == Some(x) || s.code.as_deref() == Some(x)
    };
    tracks
        .iter()
        .find(|t| (is(&t.parties[0], a) && is(&t.parties[1], b)) || (is(&t.parties[0], b) && is(&t.parties[1], a)))
        .unwrap_or_else(|| {
            let all: Vec<String> =
                tracks.iter().map(|t| format!("{} - {}", t.parties[0].key, t.parties[1].key)).collect();
            panic!("no {a}-{b} track among {all:?}")
        })
}

#[test]
fn a_mediated_deal_that_breaks_down_is_broken_with_its_evidence() {
    let (_d, t) = tracks(&[
        (
            "a1",
            "2022-05-02",
            "The High Islamic Council mediated talks between JNIM and Dozo hunters in Niono on 2 February 2022.",
        ),
        ("a2", "2022-05-02", "JNIM and Dozo hunters signed a peace agreement in Niono on 10 February 2022."),
        ("a3", "2022-05-02", "On 20 April 2022, JNIM militants attacked Dozo hunters near Niono, killing 7 people."),
    ]);
    let tr = track(&t, "jnim", "dozo");
    assert!(tr.mediators.iter().any(|m| m.actor_id.as_deref() == Some("mali_hci")), "{:?}", tr.mediators);
    assert!(tr.steps.iter().any(|s| s.step == Step::Talks));
    let deal = tr.agreements.first().expect("the agreement");
    assert_eq!(deal.date.as_deref(), Some("2022-02-10"));
    assert_eq!(deal.status, "broken");
    assert_eq!(deal.status_date.as_deref(), Some("2022-04-20"));
    assert!(deal.after.between_parties >= 1 && deal.after.between_parties_fatalities >= 7, "{:?}", deal.after);
    assert_eq!(deal.before.between_parties, 0);
    assert!(deal.after.in_area >= 1, "the attack near Niono is in the deal's area: {:?}", deal.after);
}

#[test]
fn an_agreement_followed_by_talks_is_in_force_and_one_alone_is_signed() {
    let (_d, t) = tracks(&[
        ("b1", "2022-06-30", "Niger and Burkina Faso signed a peace agreement in Niamey on 3 March 2022."),
        (
            "b2",
            "2022-06-30",
            "On 12 May 2022, Nigerien officials met Burkinabe officials in Ouagadougou to review the agreement.",
        ),
        ("b3", "2022-06-30", "Chad and Sudan signed a border agreement in N'Djamena on 8 June 2022."),
    ]);
    let kept = track(&t, "NER", "BFA");
    assert_eq!(kept.agreements.len(), 1);
    assert_eq!(kept.agreements[0].status, "in force", "{:?}", kept.agreements[0]);
    let alone = track(&t, "TCD", "SDN");
    assert_eq!(alone.agreements[0].status, "signed");
    assert!(alone.agreements[0].status_event.is_none());
}

#[test]
fn an_agreement_a_party_walks_away_from_is_abandoned() {
    let (_d, t) = tracks(&[
        (
            "c1",
            "2022-09-30",
            "The Malian government and the CMA signed a peace agreement in Algiers on 15 January 2022.",
        ),
        ("c2", "2022-09-30", "On 4 August 2022, the CMA rejected the government's proposal for new talks."),
    ]);
    let tr = t.iter().find(|tr| !tr.agreements.is_empty()).expect("a track with the agreement");
    assert_eq!(tr.agreements[0].status, "abandoned", "{tr:#?}");
}

#[test]
fn a_request_to_open_talks_through_a_third_party_is_a_proposal_on_the_pair_track() {
    let (_d, t) = tracks(&[(
        "d1",
        "2021-11-02",
        "The prime minister asked the High Islamic Council to open negotiations with leaders of JNIM.",
    )]);
    let tr = track(&t, "MLI", "jnim");
    assert_eq!(tr.steps[0].step, Step::Proposal);
    assert_eq!(tr.mediators[0].actor_id.as_deref(), Some("mali_hci"));
}

#[test]
fn pairs_that_only_fight_are_not_tracks() {
    let (_d, t) = tracks(&[("e1", "2022-03-01", "Malian soldiers attacked JNIM fighters near Mopti on Sunday.")]);
    assert!(t.is_empty(), "{t:#?}");
}

#[test]
fn an_agreement_with_no_other_side_is_one_among_its_parties_members() {
    let (_d, t) =
        tracks(&[("f1", "2022-09-01", "Malian village chiefs signed a local peace accord in Niono on 3 August 2022.")]);
    let tr = track(&t, "MLICVL", "MLICVL");
    assert_eq!(tr.agreements.len(), 1);
    assert_eq!(tr.agreements[0].date.as_deref(), Some("2022-08-03"));
    assert_eq!(tr.agreements[0].status, "signed");
}

#[test]
fn violence_by_an_unidentified_group_breaks_no_deal() {
    // the militias are coded MLIUAF; an unidentified group the coder implies is coded so too, but
    // it is not them
    let (_d, t) = tracks(&[
        (
            "a1",
            "2022-05-02",
            "Local militias signed a peace agreement with the Malian government in Gao on 10 February 2022.",
        ),
        ("a2", "2022-05-02", "On 20 April 2022, four Malian soldiers were killed by a roadside bomb near Gao."),
    ]);
    assert!(t.iter().all(|tr| tr.parties.iter().all(|p| !p.key.starts_with("implied:"))), "{t:?}");
    let deals: Vec<_> = t.iter().flat_map(|tr| &tr.agreements).collect();
    assert!(!deals.is_empty(), "{t:#?}");
    assert!(deals.iter().all(|d| d.status != "broken"), "{deals:#?}");
}
