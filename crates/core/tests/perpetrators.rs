//! Perpetrators of violence a sentence pins on no one, on sentences written for these tests: a later
//! claim of responsibility names them; otherwise an unidentified armed group of the place's country.

mod common;

use common::engine;
use palaver_core::{perpetrators, Article, Engine, Event, Options};
use std::sync::Arc;

fn code(text: &str) -> Vec<Event> {
    engine().code(&Article::new("t", text).with_date("2021-05-10")).events
}

fn violent(events: &[Event]) -> Vec<&Event> {
    events.iter().filter(|e| perpetrators::violent(e)).collect()
}

fn source_code(e: &Event) -> Option<&str> {
    e.source.as_ref().and_then(|s| s.code.as_deref())
}

/// An event's ACLED sub-type, "" for none.
fn sub_type(e: &Event) -> String {
    e.acled.as_ref().and_then(|a| a.sub_event_type.clone()).unwrap_or_default()
}

/// An event's target code, "" for none.
fn target(e: &Event) -> String {
    e.target.as_ref().and_then(|t| t.code.clone()).unwrap_or_default()
}

#[test]
fn unclaimed_violence_is_an_unidentified_group_of_the_country_where_it_happened() {
    let e = code("Two gendarmes were killed by a roadside bomb near Djibo on Saturday.");
    let v = violent(&e);
    assert!(!v.is_empty(), "{e:?}");
    for e in v {
        assert_eq!(source_code(e), Some("BFAUAF"), "{e:?}");
        assert_eq!(e.source.as_ref().unwrap().text, perpetrators::UNIDENTIFIED);
        assert_eq!(e.source.as_ref().unwrap().sector.as_deref(), Some("UAF"));
        assert!(e.evidence.spans.source.is_none(), "an implied actor has no words in the text");
    }
}

#[test]
fn a_claim_of_responsibility_names_the_perpetrator_of_the_sentences_before() {
    let text = "Three soldiers were killed when their convoy hit a mine near Boni on Sunday. \
                The next day JNIM claimed responsibility for the attack.";
    let e = code(text);
    let v = violent(&e);
    assert!(!v.is_empty(), "{e:?}");
    for e in &v {
        let s = e.source.as_ref().expect("a source");
        assert_eq!(s.actor_id.as_deref(), Some("jnim"), "{e:?}");
        let [a, b] = e.evidence.spans.source.expect("the claimant's words");
        assert_eq!(&text[a..b], "JNIM");
    }
}

#[test]
fn a_named_perpetrator_is_kept() {
    let e = code("Gunmen from the Islamic State killed four herders near Menaka on Friday.");
    assert!(violent(&e).iter().all(|e| source_code(e) != Some("MLIUAF")), "{e:?}");
}

#[test]
fn strikes_from_the_air_are_not_an_armed_group_s() {
    let e = code("Five militants were killed in an airstrike near Tessit on Tuesday.");
    assert!(violent(&e).iter().all(|e| e.source.is_none()), "{e:?}");
}

#[test]
fn petrarch_semantics_leave_them_without_a_source() {
    let (lexicon, _) = palaver_lexicon::Lexicon::embedded();
    let lexicon = Arc::new(lexicon);
    let strict = Engine::new(lexicon, Options { no_implied_perpetrators: true, ..Options::default() });
    let e = strict.code(&Article::new("t", "Two gendarmes were killed by a roadside bomb near Djibo.")).events;
    assert!(violent(&e).iter().all(|e| e.source.is_none()), "{e:?}");
}

#[test]
fn an_arrest_with_no_one_named_is_the_authorities_of_the_place() {
    let e = code("A French aid worker was arrested in Niger on charges of spying.");
    let arrest = e.iter().find(|e| e.cameo.starts_with("173")).expect("an arrest");
    assert_eq!(source_code(arrest), Some("NERGOV"), "{e:?}");
    assert_eq!(arrest.source.as_ref().unwrap().text, perpetrators::AUTHORITIES);
}

#[test]
fn an_acknowledgement_is_no_claim_and_no_one_claims_violence_against_itself() {
    let e = code(
        "Twelve soldiers were killed in an ambush near Boni on Sunday. The defence ministry acknowledged the losses.",
    );
    for e in violent(&e) {
        assert_eq!(e.source.as_ref().map(|s| s.text.as_str()), Some(perpetrators::UNIDENTIFIED), "{e:?}");
    }
    let e = code(
        "Five JNIM fighters were killed near Boni. JNIM claimed responsibility for an attack on a base in Sevare.",
    );
    for e in violent(&e) {
        assert!(e.source.as_ref().is_none_or(|s| s.actor_id.as_deref() != Some("jnim")), "{e:?}");
    }
}

#[test]
fn no_armed_group_is_implied_for_artillery() {
    let e = code("Two civilians were killed by shelling near Kidal on Monday.");
    assert!(!e.is_empty() && violent(&e).iter().all(|e| e.source.is_none()), "{e:?}");
}

#[test]
fn an_origin_gives_way_to_the_place_before() {
    let e = code("Gunmen attacked a convoy near Niamey on Saturday. An aid worker from Lyon was abducted on Sunday.");
    let last = e.iter().rev().find(|e| e.sentence_index == 1).expect("the abduction");
    assert_eq!(last.location.as_ref().and_then(|l| l.country.as_deref()), Some("NER"), "{last:?}");
}

#[test]
fn the_dead_of_a_fight_just_reported_are_the_other_side_s() {
    let text = "Nigerien soldiers clashed with ISWAP fighters near Diffa on Saturday. \
                Three soldiers were killed and several militants were wounded.";
    let e = code(text);
    let dead = e.iter().find(|e| e.sentence_index == 1 && e.fatalities == Some(3)).expect("the soldiers' deaths");
    assert!(dead.source.as_ref().is_some_and(|s| s.text.contains("ISWAP")), "{e:?}");
    let [a, b] = dead.evidence.spans.source.expect("the words that name them");
    assert!(text[a..b].contains("ISWAP"));
    // and they died when the fight was, not on the day of the report
    assert_eq!((dead.date.as_deref(), dead.date_precision.as_str()), (Some("2021-05-08"), "day"), "{dead:?}");
    // a village attacked does not fight back: the attackers' dead stay unattributed
    let e = code("Gunmen attacked the village of Kowa near Diffa on Saturday. Two gunmen were killed.");
    let dead = e.iter().find(|e| e.sentence_index == 1 && perpetrators::violent(e)).expect("the gunmen's deaths");
    assert_eq!(dead.source.as_ref().map(|s| s.text.as_str()), Some(perpetrators::UNIDENTIFIED), "{e:?}");
}

#[test]
fn violence_that_names_no_one_at_all() {
    // a sentence with no actor: the blast is an event, of an implied group, at its place
    let e = code("On 2 May 2021, an IED exploded near Tessalit without causing any casualties.");
    assert_eq!(e.len(), 1, "the blast only, not the casualties it did not cause: {e:?}");
    assert_eq!(e[0].cameo, "1833");
    assert_eq!(e[0].source.as_ref().map(|s| s.text.as_str()), Some(perpetrators::UNIDENTIFIED));
    assert_eq!(e[0].location.as_ref().map(|l| l.country.as_deref()), Some(Some("MLI")));
    // a mention of an attack is no report of one
    assert!(code("Security was tightened in Gao after the attack.").is_empty());
    // the toll of an attack just reported stays that attack's
    let e = code("JNIM attacked a village near Boni. Four men were killed in the attack.");
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].fatalities, Some(4));
}

#[test]
fn a_protest_by_people_no_dictionary_names_is_civilians_of_the_country() {
    let e = code("Hairdressers protest against the state government in Kano on Monday.");
    let p = e.iter().find(|e| e.cameo_root == "14").unwrap_or_else(|| panic!("no protest in {e:?}"));
    let s = p.source.as_ref().expect("an implied source");
    assert_eq!((s.text.as_str(), s.code.as_deref()), (perpetrators::PROTESTERS, Some("NGACVL")));
    assert!(p.evidence.spans.source.is_none(), "an implied actor has no words in the text");
    // a named protester stays
    let e = code("Students protested against the new fees in Kano on Monday.");
    let p = e.iter().find(|e| e.cameo_root == "14").unwrap_or_else(|| panic!("no protest in {e:?}"));
    assert!(p.evidence.spans.source.is_some(), "{p:?}");
}

#[test]
fn violence_against_civilians_with_no_victim_named_is_against_civilians_of_the_country() {
    let e = code("Gunmen kidnapped an herbalist in Kano on Monday.");
    let k = e.iter().find(|e| e.cameo.starts_with("181")).unwrap_or_else(|| panic!("no abduction in {e:?}"));
    let t = k.target.as_ref().unwrap_or_else(|| panic!("no implied victims in {k:?}"));
    assert_eq!((t.text.as_str(), t.code.as_deref()), (perpetrators::CIVILIANS, Some("NGACVL")));
    assert!(k.evidence.spans.target.is_none(), "an implied actor has no words in the text");
    // a battle's missing side is not implied
    let e = code("Soldiers clashed near Kano on Monday.");
    assert!(e.iter().all(|e| e.target.as_ref().is_none_or(|t| t.text != perpetrators::CIVILIANS)), "{e:?}");
}

#[test]
fn a_protest_that_names_no_one_is_still_coded() {
    let e = code("Retired railwaymen protest over unpaid pensions in Kano on Monday.");
    let p = e.iter().find(|e| e.cameo_root == "14").unwrap_or_else(|| panic!("no protest in {e:?}"));
    assert_eq!(p.source.as_ref().map(|s| s.text.as_str()), Some(perpetrators::PROTESTERS), "{p:?}");
}

#[test]
fn an_actorless_event_is_coded_beside_actors_its_pattern_does_not_take() {
    // a town the dictionary knows as an actor, or a party the pattern does not take as subject,
    // does not stop the protest or the blast from standing alone
    let e = code("Thousands protested in Abuja on Monday.");
    let p = e.iter().find(|e| e.cameo_root == "14").unwrap_or_else(|| panic!("no protest in {e:?}"));
    assert_eq!(p.source.as_ref().map(|s| s.text.as_str()), Some(perpetrators::PROTESTERS), "{p:?}");
    let e = code("Mali's army said an IED exploded near Gao.");
    assert!(e.iter().any(|e| e.cameo_root == "18"), "{e:?}");
}

#[test]
fn herders_who_attack_are_a_militia() {
    let e = code("Armed herdsmen attacked farmers near Agatu, killing four.");
    let a = e.iter().find(|e| e.cameo_root == "19").unwrap_or_else(|| panic!("no assault in {e:?}"));
    assert_eq!(a.source.as_ref().and_then(|s| s.sector.as_deref()), Some("UAF"), "{a:?}");
    // herders as victims stay herders
    let e = code("Gunmen attacked herders near Agatu, killing four.");
    let a = e.iter().find(|e| e.cameo_root == "19").unwrap_or_else(|| panic!("no assault in {e:?}"));
    assert_eq!(a.target.as_ref().and_then(|s| s.sector.as_deref()), Some("AGR"), "{a:?}");
}

#[test]
fn violence_against_an_official_is_against_civilians() {
    // an official cannot fight back: ACLED's violence against civilians, not a battle
    let e = code("Gunmen shot dead a magistrate at his home in Enugu.");
    let a = e.iter().find(|e| e.cameo_root == "19" || e.cameo_root == "18").unwrap_or_else(|| panic!("{e:?}"));
    let t = a.acled.as_ref().and_then(|a| a.event_type.as_deref());
    assert_eq!(t, Some("Violence against civilians"), "{a:?}");
    // police and soldiers do fight back
    let e = code("Gunmen attacked soldiers at a checkpoint near Enugu.");
    let a = e.iter().find(|e| e.cameo_root == "19").unwrap_or_else(|| panic!("{e:?}"));
    assert_eq!(a.acled.as_ref().and_then(|a| a.event_type.as_deref()), Some("Battles"), "{a:?}");
}

#[test]
fn a_local_government_area_is_a_place_not_an_actor() {
    let e = code("Gunmen attacked Utile village in Donga Local Government Area, killing five.");
    assert!(e.iter().all(|e| e.target.as_ref().is_none_or(|t| t.sector.as_deref() != Some("GOV"))), "{e:?}");
}

#[test]
fn violence_by_protesters_is_a_violent_demonstration() {
    let e = code("Protesters clashed with police in Uyo during a demonstration over fuel prices.");
    let types: Vec<_> = e.iter().filter_map(|e| e.acled.as_ref()?.sub_event_type.as_deref()).collect();
    assert!(types.contains(&"Violent demonstration"), "{types:?}");
}

#[test]
fn a_protest_at_a_place_of_its_own_kind_stands_alone() {
    // students and the university are one kind (EDU): the university is where, not whom
    let e = code("Students protested at the university in Ibadan.");
    let p = e.iter().find(|e| e.cameo_root == "14").unwrap_or_else(|| panic!("no protest in {e:?}"));
    assert!(p.target.is_none(), "{p:?}");
}

#[test]
fn a_people_attacking_is_a_militia_and_attacked_is_civilians() {
    let e = code("Fulanis attacked a village near Jos, killing four.");
    let a = e.iter().find(|e| e.cameo_root == "19").unwrap_or_else(|| panic!("no assault in {e:?}"));
    assert_eq!(a.source.as_ref().and_then(|s| s.sector.as_deref()), Some("UAF"), "{a:?}");
    let e = code("Gunmen killed three Fulani near Jos.");
    let a = e.iter().find(|e| e.cameo_root == "19").unwrap_or_else(|| panic!("no assault in {e:?}"));
    assert_eq!(a.target.as_ref().and_then(|s| s.sector.as_deref()), Some("CVL"), "{a:?}");
    // a people's name before an agent: the agent is the head ("Dogon militiamen" are a militia)
    let e = code("JNIM militants ambushed Dogon militiamen near Bandiagara.");
    let a = e.iter().find(|e| e.cameo_root == "19").unwrap_or_else(|| panic!("no assault in {e:?}"));
    assert_eq!(a.target.as_ref().map(|s| s.text.as_str()), Some("Dogon militiamen"), "{a:?}");
    assert_eq!(a.acled.as_ref().and_then(|a| a.event_type.as_deref()), Some("Battles"), "{a:?}");
}

#[test]
fn a_suspected_thief_attacked_is_a_civilian() {
    let e = code("A vigilante mob beat a suspected thief to death in Warri.");
    let a = e.iter().find(|e| e.target.is_some()).unwrap_or_else(|| panic!("no target in {e:?}"));
    assert_eq!(a.target.as_ref().and_then(|s| s.sector.as_deref()), Some("CVL"), "{a:?}");
    // robbers who attack stay criminals
    let e = code("Armed robbers attacked a bank in Akure.");
    let a = e.iter().find(|e| e.source.is_some()).unwrap_or_else(|| panic!("no source in {e:?}"));
    assert_eq!(a.source.as_ref().and_then(|s| s.sector.as_deref()), Some("CRM"), "{a:?}");
}

#[test]
fn a_bomb_or_a_looting_with_no_victim_named_strikes_civilians() {
    for text in [
        "On 8 May 2021, two explosions rocked the city of Maiduguri at night.",
        "On 8 May 2021, Boko Haram militants looted shops and burned granaries in Gwoza.",
    ] {
        let e = code(text);
        assert!(e.iter().any(|e| target(e) == "NGACVL" && e.evidence.spans.target.is_none()), "{text}: {e:?}");
    }
    // a bomb that names its target keeps it
    let e = code("On 8 May 2021, an IED struck a military convoy near Djibo.");
    assert!(e.iter().all(|e| !target(e).ends_with("CVL")), "{e:?}");
}

#[test]
fn fighting_with_one_side_named_has_the_other_implied() {
    let clash = |e: &&Event| e.acled.as_ref().and_then(|a| a.sub_event_type.as_deref()) == Some("Armed clash");
    // rival militias: the other side is of their kind
    let e = code("On 8 May 2021, rival militias clashed over farmland near Jos.");
    let c: Vec<&Event> = e.iter().filter(clash).collect();
    assert!(
        !c.is_empty() && c.iter().all(|e| target(e).ends_with("UAF") && e.evidence.spans.target.is_none()),
        "{e:?}"
    );
    // state forces: an unidentified armed group, not themselves
    let e = code("On 8 May 2021, soldiers repelled an attack near Djibo.");
    let c: Vec<&Event> = e.iter().filter(clash).collect();
    assert!(!c.is_empty() && c.iter().all(|e| target(e) == "BFAUAF"), "{e:?}");
}

#[test]
fn a_bomb_strikes_the_victims_its_sentence_names() {
    let e = code("Three Malian soldiers were killed when a roadside bomb hit their truck near Gao on Sunday.");
    assert!(e.iter().filter(|e| perpetrators::violent(e)).all(|e| target(e) == "MLIMIL"), "{e:?}");
}

#[test]
fn violence_no_one_is_named_for_in_a_riot_is_the_rioters() {
    let e = code("Three inmates were wounded during a riot at the prison in Kaduna.");
    let v = violent(&e);
    assert!(!v.is_empty(), "{e:?}");
    for e in v {
        assert_eq!(e.source.as_ref().unwrap().text, perpetrators::RIOTERS, "{e:?}");
        assert_eq!(e.source.as_ref().unwrap().sector.as_deref(), Some("CVL"));
    }
}

#[test]
fn people_the_text_does_not_name_who_attack_are_an_armed_group() {
    let e = code("Unknown individuals armed with machetes attacked two traders near Kaya.");
    assert!(violent(&e).iter().any(|e| source_code(e).is_some_and(|c| c.ends_with("UAF"))), "{e:?}");
    // (and as victims, civilians)
    let e = code("Gunmen killed two unidentified persons near Kaya.");
    let victims = |e: &&Event| e.target.as_ref().and_then(|t| t.sector.as_deref()) == Some("CVL");
    assert!(violent(&e).iter().any(victims), "{e:?}");
}

#[test]
fn a_crowd_s_justice_on_a_suspected_thief_is_mob_violence() {
    // civilians who beat a suspected thief to death: a mob, not an attack on civilians
    let e = code("Traders at the market beat a suspected thief to death in Onitsha on Monday.");
    assert!(violent(&e).iter().any(|e| sub_type(e) == "Mob violence"), "{e:?}");
    // no one named: the crowd's
    let e = code("Two suspected thieves were beaten to death in Aba on Monday.");
    let v = violent(&e);
    assert!(!v.is_empty(), "{e:?}");
    assert!(v.iter().all(|e| e.source.as_ref().is_some_and(|s| s.text == perpetrators::RIOTERS)), "{e:?}");
    // armed men who kill one among others are no mob
    let e = code("Gunmen killed two farmers and a suspected thief in Gombe.");
    assert!(violent(&e).iter().all(|e| sub_type(e) != "Mob violence"), "{e:?}");
}

#[test]
fn civilians_who_fight_civilians_are_a_crowd_not_armed_groups() {
    let e = code("Students fought traders at the market in Kano on Saturday.");
    assert!(violent(&e).iter().any(|e| sub_type(e) == "Mob violence"), "{e:?}");
    // soldiers in the fight make it a battle
    let e = code("Soldiers clashed with traders at the market in Kano on Saturday.");
    assert!(violent(&e).iter().all(|e| sub_type(e) == "Armed clash"), "{e:?}");
}
