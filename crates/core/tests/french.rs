//! French: the same pipeline over French tables and dictionaries, on sentences written for these
//! tests. Elisions, the adjective after the noun, the passive with "par", negation, dates in
//! lower case and relative to the article, tolls, and the language told from the text.

use palaver_core::{Article, Engine, Event, Options};
use palaver_lexicon::Lexicon;
use std::sync::{Arc, OnceLock};

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| {
        let (lexicon, errors) = Lexicon::embedded();
        assert!(errors.is_empty(), "{errors:?}");
        let (engine, errors) = Engine::new(Arc::new(lexicon), Options::default()).with_french();
        assert!(errors.is_empty(), "French dictionaries and tables must load cleanly: {errors:?}");
        engine
    })
}

fn code(text: &str) -> Vec<Event> {
    engine().code(&Article::new("t", text).with_date("2021-10-19")).events
}

/// The place of the first placed event.
fn first_place(events: &[Event]) -> palaver_core::event::Location {
    events.iter().find_map(|e| e.location.clone()).unwrap_or_else(|| panic!("no place in {events:?}"))
}

fn code_fr(text: &str) -> Vec<Event> {
    code_fr_on(text, "2021-10-19")
}

/// Codes a text as French with this article date.
fn code_fr_on(text: &str, date: &str) -> Vec<Event> {
    let mut a = Article::new("t", text).with_date(date);
    a.lang = Some("fr".into());
    engine().code(&a).events
}

fn code_of(a: &Option<palaver_core::event::ActorRecord>) -> String {
    a.as_ref().and_then(|a| a.code.clone()).unwrap_or_default()
}

#[test]
fn a_french_article_is_told_from_its_text_and_coded_in_french() {
    let events = code(
        "Des soldats maliens ont attaqué mardi une base des jihadistes du GSIM près de Mopti, a-t-on appris \
         de sources sécuritaires. Les combats ont duré plusieurs heures.",
    );
    let attack = events.iter().find(|e| e.cameo_root == "19").expect("an attack");
    assert_eq!(attack.lang, "fr");
    assert_eq!(code_of(&attack.source), "MLIMIL", "soldats maliens: the adjective after the noun");
    assert_eq!(code_of(&attack.target), "MLIREB", "GSIM is JNIM");
    assert_eq!(attack.date.as_deref(), Some("2021-10-19"), "mardi: the Tuesday of the article's week");
    assert_eq!(attack.location.as_ref().map(|l| l.name.as_str()), Some("Mopti"));
    // the same engine still reads English as English
    let en = code("Malian soldiers attacked JNIM militants near Mopti on Tuesday.");
    assert!(en.iter().all(|e| e.lang == "en") && !en.is_empty());
}

#[test]
fn elided_articles_are_words_of_their_own() {
    let events = code_fr("L'armée malienne a arrêté vendredi à Gao deux membres de l'EIGS.");
    let arrest = events.iter().find(|e| e.cameo == "173").expect("an arrest");
    assert_eq!(code_of(&arrest.source), "MLIMIL", "l'armée malienne");
    assert!(arrest.target.as_ref().is_some_and(|t| t.actor_id.is_some()), "l'EIGS is a named actor: {arrest:?}");
}

#[test]
fn the_passive_with_par_gives_the_attacker() {
    let events = code_fr("Six civils ont été tués le 12 mars 2020 par des hommes armés non identifiés à Bankass.");
    let killing = events.iter().find(|e| e.cameo_root == "18" || e.cameo_root == "19").expect("a killing");
    assert_eq!(code_of(&killing.source), "UAF", "{killing:?}");
    assert_eq!(code_of(&killing.target), "CVL");
    assert_eq!(killing.date.as_deref(), Some("2020-03-12"), "le 12 mars 2020: months in lower case");
    assert_eq!(killing.fatalities, Some(6));
}

#[test]
fn tolls_count_the_dead_and_not_the_wounded() {
    let events = code_fr(
        "Des jihadistes ont attaqué le 1er mars un poste de gendarmerie à Boni, faisant trois morts et cinq blessés.",
    );
    let attack = events.iter().find(|e| e.cameo_root == "19" || e.cameo_root == "18").expect("an attack");
    assert_eq!(attack.date.as_deref(), Some("2021-03-01"), "le 1er mars: the most recent March 1st");
    // the deaths are the killing's ("faisant trois morts"), whose subject is the attackers'
    let tolls: Vec<_> = events.iter().filter_map(|e| e.fatalities).collect();
    assert_eq!(tolls, [3], "trois morts; the five wounded do not count: {events:?}");
    let killing = events.iter().find(|e| e.fatalities.is_some()).unwrap();
    assert_eq!(code_of(&killing.source), "REB", "{killing:?}");
    let about = code_fr("Au moins une dizaine de soldats ont été tués dans une embuscade près de Tessit.");
    assert!(about.iter().any(|e| e.fatalities == Some(10)), "une dizaine: {about:?}");
}

#[test]
fn negation_ne_pas_is_no_event() {
    let events = code_fr("Les rebelles n'ont pas attaqué la ville de Kidal.");
    assert!(events.iter().all(|e| e.cameo_root != "19"), "{events:?}");
    let positive = code_fr("Les rebelles ont attaqué la ville de Kidal.");
    assert!(positive.iter().any(|e| e.cameo_root == "19"), "{positive:?}");
}

#[test]
fn relative_dates_read_french() {
    let events = code_fr("Hier, des manifestants ont défilé à Bamako contre la junte.");
    let protest = events.iter().find(|e| e.cameo_root == "14").expect("a protest");
    assert_eq!(protest.date.as_deref(), Some("2021-10-18"), "hier");
    let week = code_fr("La semaine dernière, des hommes armés ont enlevé un chef de village près de Douentza.");
    let abduction = week.iter().find(|e| e.cameo == "181").expect("an abduction");
    assert_eq!((abduction.date.as_deref(), abduction.date_precision.as_str()), (Some("2021-10-12"), "week"));
}

#[test]
fn talks_and_agreements_in_french() {
    let events =
        code_fr("Le gouvernement malien a chargé le Haut Conseil islamique d'ouvrir des négociations avec le GSIM.");
    // as in English: the government asks the council (026) and proposes talks with JNIM through it (036)
    let ask = events.iter().find(|e| e.cameo == "026").expect("the government's request");
    assert_eq!((code_of(&ask.source), code_of(&ask.target)), ("MLIGOV".into(), "MLIREL".into()));
    let talks = events.iter().find(|e| e.cameo == "036").expect("talks proposed with JNIM");
    assert_eq!((code_of(&talks.source), code_of(&talks.target)), ("MLIGOV".into(), "MLIREB".into()));
    // and France's opposition to "cette démarche" is opposition to the government
    let events = code_fr(
        "Le gouvernement malien a chargé le Haut Conseil islamique d'ouvrir des négociations avec le GSIM. \
         La France, principale alliée militaire du Mali, s'oppose à cette démarche.",
    );
    let opposed = events.iter().find(|e| e.cameo == "110").expect("France's opposition");
    assert_eq!((code_of(&opposed.source), code_of(&opposed.target)), ("FRA".into(), "MLIGOV".into()));
    assert!(events.iter().all(|e| e.lang == "fr"));
    let deal = code_fr("Un accord de paix a été signé dimanche à Niono entre le GSIM et les chasseurs dozos.");
    let sides: Vec<(String, String)> =
        deal.iter().filter(|e| e.cameo == "057").map(|e| (code_of(&e.source), code_of(&e.target))).collect();
    assert!(sides.contains(&("MLIREB".into(), "MLIUAF".into())), "GSIM and the dozo hunters, both ways: {sides:?}");
    assert!(sides.contains(&("MLIUAF".into(), "MLIREB".into())), "{sides:?}");
}

#[test]
fn a_village_named_after_a_common_noun_and_de_is_where_it_happened() {
    let place = |text: &str| {
        code_fr(text).into_iter().find_map(|e| e.location).map(|l| (l.name, l.country.unwrap_or_default()))
    };
    // (the place is not introduced by "à" or "dans": "de" after a noun that is no kind of place)
    assert_eq!(
        place("Des soldats maliens ont dispersé les habitants de Kati qui manifestaient contre le maire."),
        Some(("Kati".into(), "MLI".into()))
    );
    // a count of people is no place: "une vingtaine de Bambara"
    let counted = code_fr("Des jihadistes maliens ont enlevé une vingtaine de Bambara.");
    assert!(counted.iter().all(|e| e.location.as_ref().is_none_or(|l| l.name != "Bambara")), "{counted:?}");
}

#[test]
fn a_day_just_after_the_article_is_of_its_year() {
    // an article of 19 October 2021 announcing talks for the 25th
    let events =
        code_fr("Le gouvernement malien a annoncé que des négociations avec le GSIM s'ouvriront le 25 octobre.");
    assert!(events.iter().any(|e| e.date.as_deref() == Some("2021-10-25")), "{events:?}");
}

#[test]
fn etre_with_a_verb_of_motion_or_a_reflexive_is_active() {
    let source = |text: &str| code_fr(text).into_iter().find_map(|e| e.source).map(|a| a.text).unwrap_or_default();
    // "sont descendus": the compound past of descendre, not a passive; its subject acts
    assert_eq!(
        source("Des commerçants de Mopti sont descendus dans la rue contre la hausse des taxes."),
        "commerçants"
    );
    // "se sont affrontés": a reflexive verb
    let clash = code_fr("Des soldats maliens et des jihadistes du GSIM se sont affrontés près de Douentza.");
    assert!(clash.iter().any(|e| code_of(&e.source) == "MLIMIL"), "{clash:?}");
    // while "ont été tués" stays a passive: the dead are no source
    let killed = code_fr("Trois soldats maliens ont été tués par des jihadistes près de Douentza.");
    assert!(killed.iter().all(|e| code_of(&e.source) != "MLIMIL"), "{killed:?}");
}

#[test]
fn french_tolls_one_victim_dates_and_vague_counts() {
    let toll = |text: &str| code_fr(text).into_iter().find_map(|e| e.fatalities);
    // a singular participle after "a été" is one victim
    assert_eq!(toll("Un instituteur a été tué mardi près de Djenné par des hommes armés."), Some(1));
    assert_eq!(toll("Un voleur présumé a été brûlé vif par une foule en colère à Ségou."), Some(1));
    // the one named before "N autres" is one more; an aside between commas is stepped over
    assert_eq!(toll("Le chef du village et deux autres civils ont été tués par des hommes armés à Boni."), Some(3));
    assert_eq!(
        toll("Quatre bergers, enlevés la veille par des hommes armés, ont été retrouvés morts près de Ménaka."),
        Some(4)
    );
    // "battu à mort ... un" names the one victim after the phrase, past a date
    assert_eq!(toll("Des gendarmes ont battu à mort le 3 mai un détenu à Kayes."), Some(1));
    // a date between the killing verb and its count
    assert_eq!(toll("Des jihadistes auraient tué le 2 juin 2021 six bergers près de Ténenkou."), Some(6));
    // "l'un d'eux": one of them
    assert_eq!(toll("Des hommes armés ont attaqué des pêcheurs près de Mopti, tuant l'un d'eux."), Some(1));
    // "un nombre indéterminé de morts" is no count of one
    assert_eq!(toll("Des hommes armés ont attaqué des bergers, faisant un nombre indéterminé de morts."), None);
}

#[test]
fn a_pattern_gap_steps_over_counts_and_determiners() {
    // "emporter * bétail": the gap holds "au moins une centaine de têtes de"
    let events = code_fr("Des hommes armés ont emporté au moins une centaine de têtes de bétail près de Ménaka.");
    assert!(events.iter().any(|e| e.cameo == "171"), "{events:?}");
}

#[test]
fn lives_lost_are_deaths() {
    let toll = |text: &str| code_fr(text).into_iter().find_map(|e| e.fatalities);
    assert_eq!(toll("Cinq soldats ont perdu la vie dans une embuscade tendue par le GSIM près de Boni."), Some(5));
}

#[test]
fn a_subject_pronoun_stands_for_the_actor_named_before() {
    // "Ils" is the soldiers of the sentence before, not the government the article is about
    let events = code_fr(
        "Les militaires maliens ont repoussé une attaque près de Boni. Ils ont ensuite arrêté deux suspects dans le village.",
    );
    let arrest = events.iter().find(|e| e.cameo == "173").expect("the arrest is coded");
    assert_eq!(code_of(&arrest.source), "MLIMIL");
}

#[test]
fn a_claim_in_french_credits_the_attack_and_adverbs_keep_the_passive() {
    let events = code_fr("Deux soldats ont été tués dans une embuscade près de Boni. Le GSIM a revendiqué l'attaque.");
    let attack = events.iter().find(|e| e.cameo_root == "19").expect("the ambush is coded");
    assert_eq!(code_of(&attack.source), "MLIREB", "the claimant is the author: {attack:?}");
    // "grièvement" between "été" and the participle: the peacekeepers are still the victims
    let events = code_fr("Trois casques bleus ont été grièvement blessés lors d'une attaque près de Kidal.");
    let attack = events.iter().find(|e| e.cameo_root == "19").expect("the attack is coded");
    assert_eq!(code_of(&attack.target), "PKO");
    assert_ne!(code_of(&attack.source), "PKO");
}

#[test]
fn a_bracketed_place_does_not_part_a_passive_from_its_agent() {
    let events = code_fr(
        "Un enseignant a été enlevé le 27 juillet entre Diafarabé (cercle de Ténenkou, région de Mopti) et Dia par des jihadistes.",
    );
    let abduction = events.iter().find(|e| e.cameo == "181").expect("the abduction is coded");
    assert_eq!(code_of(&abduction.source), "REB", "the jihadists: {abduction:?}");
}

#[test]
fn a_plural_noun_is_a_form_of_the_verb_its_singular_belongs_to() {
    // "combat" is also a form of "combattre", by which the patterns know it: "combats" is too
    let events = code_fr("Des combats ont opposé des soldats maliens à des jihadistes près de Boni.");
    let fight = events.iter().find(|e| e.cameo_root == "19").expect("the fighting is coded");
    assert_eq!((code_of(&fight.source).as_str(), code_of(&fight.target).as_str()), ("MLIMIL", "MLIREB"));
}

#[test]
fn stones_gatherings_and_robbery_in_french() {
    let riot = code_fr("Des jeunes ont jeté des pierres sur les gendarmes à Kati.");
    assert!(riot.iter().any(|e| e.cameo == "145"), "{riot:?}");
    let protest =
        code_fr("Des femmes se sont rassemblées devant le camp de Kati pour réclamer le retour de leurs maris.");
    assert!(protest.iter().any(|e| e.cameo == "141"), "{protest:?}");
    // a gathering with no purpose nor place is no protest
    let meeting = code_fr("Les chefs de village se sont rassemblés hier.");
    assert!(meeting.iter().all(|e| e.cameo != "141"), "{meeting:?}");
    let robbery = code_fr("Des hommes armés ont dévalisé une boutique à Kati.");
    assert!(robbery.iter().any(|e| e.cameo == "171"), "{robbery:?}");
}

#[test]
fn a_date_inside_a_name_is_no_date() {
    let events = code_fr_on("Des manifestants du Mouvement du 5 juin ont défilé samedi à Bamako.", "2020-07-13");
    let protest = events.iter().find(|e| e.cameo_root == "14").expect("the protest is coded");
    assert_eq!(protest.date.as_deref(), Some("2020-07-11"), "samedi, not June: {protest:?}");
}

#[test]
fn a_span_of_days_may_repeat_its_article() {
    let events = code_fr_on(
        "Des affrontements ont opposé entre le 4 et le 5 mars des soldats maliens à des jihadistes.",
        "2020-03-08",
    );
    let fight = events.iter().find(|e| e.cameo_root == "19").expect("the fighting is coded");
    assert_eq!((fight.date.as_deref(), fight.date_precision.as_str()), (Some("2020-03-04"), "day"));
}

#[test]
fn french_names_the_mediator_from_its_own_words() {
    let mediator = |e: &Event| e.mediator.as_ref().map(|m| m.actor_id.clone().or(m.code.clone()).unwrap_or_default());
    let e = code("Sous l'égide de la CEDEAO, la junte a rencontré les dirigeants de l'opposition à Bamako.");
    assert!(e.iter().any(|e| e.cameo.starts_with("04") && mediator(e).as_deref() == Some("ecowas")), "{e:?}");
    let e = code("Avec l'Algérie comme médiateur, le gouvernement malien a rencontré les groupes armés à Alger.");
    assert!(e.iter().any(|e| e.cameo.starts_with("04") && mediator(e).as_deref() == Some("DZA")), "{e:?}");
    let e = code("Des soldats maliens ont attaqué des combattants du GSIM près de Mopti dimanche.");
    assert!(!e.is_empty() && e.iter().all(|e| e.mediator.is_none()), "{e:?}");
}

#[test]
fn a_french_air_strike_implies_no_armed_group() {
    let e = code("Une frappe aérienne a tué cinq personnes près de Gao dimanche.");
    assert!(!e.is_empty(), "coded");
    assert!(
        e.iter().all(|e| e.source.as_ref().is_none_or(|s| s.text != "unidentified armed group")),
        "{:?}",
        e.iter().map(|e| (&e.cameo, e.source.as_ref().map(|s| &s.text))).collect::<Vec<_>>()
    );
    let e = code("Des hommes ont tué cinq personnes près de Gao dimanche.");
    assert!(e.iter().any(|e| e.source.as_ref().is_some_and(|s| s.text == "unidentified armed group")));
}

#[test]
fn a_french_road_named_by_its_towns_is_placed_at_the_first() {
    let e = code_fr("Des hommes armés ont attaqué un car sur l'axe Ansongo-Gao, tuant trois passagers.");
    let l = first_place(&e);
    assert_eq!((l.name.as_str(), l.country.as_deref()), ("Ansongo", Some("MLI")));
}

#[test]
fn un_peuple_qui_attaque_est_une_milice() {
    let e = code_fr("Des Peuls ont attaqué le village de Koro dimanche, tuant quatre civils.");
    let a = e.iter().find(|e| e.cameo_root == "19").unwrap_or_else(|| panic!("pas d'attaque : {e:?}"));
    assert_eq!(a.source.as_ref().and_then(|s| s.sector.as_deref()), Some("UAF"), "{a:?}");
}

#[test]
fn le_pillage_par_une_foule_est_une_violence_de_foule() {
    let e = code_fr("Le 3 mai 2021, une foule en colère a saccagé et pillé la boutique d'un voleur présumé à Ségou.");
    let subs: Vec<_> = e.iter().filter_map(|e| e.acled.as_ref().and_then(|a| a.sub_event_type.clone())).collect();
    assert!(subs.iter().any(|s| s == "Mob violence"), "{subs:?}");
}

#[test]
fn un_lieu_suivi_d_un_adjectif_de_pays_est_de_ce_pays() {
    // "le Gourma malien" is Mali's Gourma, not the town of that name in Burkina Faso
    let e = code_fr("Des soldats français ont mené une frappe dans le Gourma malien, tuant trois jihadistes.");
    assert!(e.iter().all(|e| e.location.as_ref().is_none_or(|l| l.country.as_deref() != Some("BFA"))), "{e:?}");
    // a place of the country the adjective names stands
    let e = code_fr("Des hommes armés ont attaqué le village de Boni malien, tuant deux bergers.");
    let l = first_place(&e);
    assert_eq!((l.name.as_str(), l.country.as_deref()), ("Boni", Some("MLI")));
}

#[test]
fn des_manifestants_qui_exigent_manifestent() {
    let e = code_fr("Des centaines de manifestants ont exigé la démission du maire à Bamako samedi.");
    let types: Vec<_> = e.iter().filter_map(|e| e.acled.as_ref().and_then(|a| a.event_type.clone())).collect();
    assert!(types.iter().any(|t| t == "Protests"), "{e:?}");
}

#[test]
fn une_manifestation_dispersee_est_une_manifestation_avec_intervention() {
    let e = code("Des commerçants ont manifesté à Gao contre les nouvelles taxes. La police a dispersé la foule à coups de gaz lacrymogène.");
    let subs: Vec<_> = e.iter().filter_map(|e| e.acled.as_ref().and_then(|a| a.sub_event_type.clone())).collect();
    assert!(subs.iter().all(|s| s == "Protest with intervention"), "{subs:?}");
    assert!(!subs.is_empty());
    // des assaillants qui se heurtent aux défenseurs d'un village livrent un combat
    let e = code("Des miliciens peuls ont attaqué le village de Sobane, où ils se sont heurtés à des chasseurs dozos.");
    assert!(e.iter().any(|e| e.acled.as_ref().and_then(|a| a.event_type.as_deref()) == Some("Battles")), "{e:?}");
}
