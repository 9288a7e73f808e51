//! Places of events, on sentences written for these tests in the style of event summaries:
//! ACLED-style hints "(District, Region)", villages the gazetteer lacks, same-named places.

use palaver_core::event::Location;
mod common;

use common::engine;
use palaver_core::{Article, Event};

fn code(text: &str) -> Vec<Event> {
    engine().code(&Article::new("t", text).with_date("2021-10-19")).events
}

/// The place of the first event.
fn place(text: &str) -> Location {
    let e = code(text);
    e.iter().find_map(|e| e.location.clone()).unwrap_or_else(|| panic!("no place in {e:?}"))
}

/// Asserts that no event of the text is placed.
fn assert_unplaced(text: &str) {
    let e = code(text);
    assert!(e.iter().all(|e| e.location.is_none()), "{text}: {e:?}");
}

/// Asserts that no event of the text is placed in any of these countries.
fn assert_not_in(text: &str, countries: &[&str]) {
    let e = code(text);
    let inside = |l: &Location| l.country.as_deref().is_some_and(|c| countries.contains(&c));
    assert!(e.iter().all(|e| !e.location.as_ref().is_some_and(inside)), "{text}: {e:?}");
}

/// Asserts the country the first event of the text is placed in.
fn assert_country(text: &str, iso3: &str) {
    let l = place(text);
    assert_eq!(l.country.as_deref(), Some(iso3), "{text}: {l:?}");
}

/// Asserts the name and country of the place of the first event of the text.
fn assert_named(text: &str, name: &str, iso3: &str) {
    let l = place(text);
    assert_eq!((l.name.as_str(), l.country.as_deref()), (name, Some(iso3)), "{text}: {l:?}");
}

fn km(l: &Location, lat: f64, lon: f64) -> f64 {
    let (p1, p2) = (l.lat.to_radians(), lat.to_radians());
    let a = ((p2 - p1) / 2.0).sin().powi(2) + p1.cos() * p2.cos() * ((lon - l.lon).to_radians() / 2.0).sin().powi(2);
    6371.0 * 2.0 * a.sqrt().asin()
}

#[test]
fn a_village_the_gazetteer_lacks_is_placed_at_its_hinted_district() {
    let l = place("On 3 May 2021, gunmen attacked the village of Zorbaga (Bankass, Mopti) and killed two herders.");
    assert_eq!((l.name.as_str(), l.country.as_deref(), l.precision.as_str()), ("Bankass", Some("MLI"), "admin2"));
    assert!(km(&l, 14.08, -3.52) < 10.0, "{l:?}");
}

#[test]
fn commune_and_province_hints_place_a_village_in_its_province() {
    // Burkina Faso's hints name a commune and a province (admin2), not a region
    let l = place("On 3 May 2021, gunmen abducted two farmers in the village of Zorbaga (Plonko, Soum).");
    assert_eq!(
        (l.country.as_deref(), l.admin1.as_deref(), l.precision.as_str()),
        (Some("BFA"), Some("Sahel"), "admin2")
    );
    assert_eq!(l.admin2.as_deref(), Some("Soum"));
}

#[test]
fn hints_after_a_list_or_a_commune_word_place_the_names_before_them() {
    for text in [
        "On 3 May 2021, gunmen ambushed a convoy between Zorbaga and Kwelde (Douentza, Mopti).",
        "On 3 May 2021, gunmen ambushed a convoy in Zorbaga commune (Douentza, Mopti).",
        "On 3 May 2021, gunmen ambushed a convoy near Zorbaga, Kwelde Commune (Douentza, Mopti).",
    ] {
        let l = place(text);
        assert_eq!((l.name.as_str(), l.precision.as_str()), ("Douentza", "admin2"), "{text}");
    }
}

#[test]
fn a_name_its_hints_place_needs_no_preposition() {
    let l = place("On 3 May 2021, militants attacked Zorbaga (Ansongo, Gao) and burned the market.");
    assert_eq!((l.name.as_str(), l.admin1.as_deref()), ("Ansongo", Some("Gao")));
    // an actor's bracket is no place
    assert_unplaced("On 3 May 2021, Operation Barkhane (France) soldiers attacked militants.");
}

#[test]
fn a_known_town_in_its_hinted_area_keeps_its_own_point() {
    let l = place("On 3 May 2021, gunmen attacked a checkpoint in Ansongo (Ansongo, Gao).");
    assert_eq!((l.name.as_str(), l.precision.as_str()), ("Ansongo", "town"));
    // its district by name, not by code
    assert_eq!(l.admin2.as_deref(), Some("Ansongo"));
}

#[test]
fn a_region_hint_alone_is_the_region() {
    let l = place("On 3 May 2021, gunmen attacked a checkpoint in Zorbaga (Mopti).");
    assert_eq!((l.name.as_str(), l.precision.as_str()), ("Mopti", "admin1"));
}

#[test]
fn a_small_foreign_namesake_is_no_place() {
    // Kitapak is a village in the Philippines; the story is in Mali
    assert_not_in("On 3 May 2021, Malian soldiers clashed with JNIM militants near Kitapak.", &["PHL"]);
    // and a hinted village is not placed at a namesake abroad
    let l = place("On 3 May 2021, gunmen killed a herder near Kitapak (Koro, Mopti).");
    assert_eq!((l.name.as_str(), l.country.as_deref()), ("Koro", Some("MLI")));
}

#[test]
fn part_of_a_longer_name_is_no_place() {
    assert_unplaced("On 3 May 2021, Malian soldiers clashed with JNIM militants in Kitapak-Sud.");
    // but a town's name before a capitalised noun is, at home
    let l = place("On 3 May 2021, JNIM militants shelled Malian troops at the Kidal Airport.");
    assert_eq!(l.name, "Kidal");
}

#[test]
fn a_towns_own_name_wins_over_a_bigger_place_of_another_name() {
    // a big place that Kita is only another name of must not hide the towns called Kita
    let e = code("On 3 May 2021, residents in Kita barricaded the main road.");
    let l = e.iter().find_map(|e| e.location.clone()).expect("a place");
    assert_eq!(l.name, "Kita");
    let l = place("On 3 May 2021, Malian soldiers were attacked in Kita.");
    assert_eq!(l.country.as_deref(), Some("MLI"));
}

#[test]
fn a_town_of_another_district_is_not_the_hinted_village() {
    // Kati is a town near Bamako; the hints put this hamlet in Bankass district
    let l = place("On 3 May 2021, gunmen burned the hamlet of Kati (Bankass, Mopti).");
    assert_eq!((l.name.as_str(), l.precision.as_str()), ("Bankass", "admin2"));
}

#[test]
fn hints_that_follow_older_boundaries_still_find_the_district() {
    // Menaka was a district of the Gao region before it became a region of its own
    let l = place("On 3 May 2021, gunmen killed two herders in the area of Zorbaga (Menaka, Gao).");
    assert_eq!((l.name.as_str(), l.precision.as_str()), ("Menaka", "admin2"));
}

#[test]
fn an_article_that_names_no_country_is_placed_where_its_hints_are() {
    let text = "On 3 May 2021, gunmen killed a herder near Kitapak. \
                The same day, gunmen burned the market of Zorbaga (Koro, Mopti).";
    let e = code(text);
    assert!(e.iter().all(|e| e.location.as_ref().is_none_or(|l| l.country.as_deref() == Some("MLI"))), "{e:?}");
}

#[test]
fn unfinished_hints_and_tolls_do_not_panic() {
    for text in [
        "Gunmen attacked Zorbaga (",
        "Gunmen attacked Zorbaga (Koro,",
        "Gunmen attacked Zorbaga (Koro, Mopti",
        "Gunmen attacked the village of Zorbaga, Kwelde Commune",
        "Gunmen killed two herders. Fatalities are split across",
        "Gunmen killed two herders. Fatalities coded as",
        "Gunmen killed ( ( ) ) (,) (Mopti) (Sector 5) [Koro] (Koro, Koro, Koro, Koro, Koro)",
        "(Bankass, Mopti)",
        "Fatalities split",
        "Gunmen killed two herders over",
        "Gunmen killed two herders over two",
        "Gunmen killed two herders in Koro and",
        "Gunmen killed two herders. The toll rose to",
        "Gunmen seized two herders and shot them",
        "12-",
        "12 - 14",
    ] {
        let _ = code(text);
    }
}

#[test]
fn where_someone_comes_from_is_not_where_it_happened() {
    let l = place("A Belgian engineer from Antwerp was detained in Niamey on Friday.");
    assert_eq!((l.name.as_str(), l.country.as_deref()), ("Niamey", Some("NER")), "{l:?}");
    let l = place("Malian troops withdrew from Kidal on Monday.");
    assert_eq!(l.name, "Kidal", "{l:?}");
}

#[test]
fn transliteration_marks_do_not_hide_a_town() {
    let l = place("A roadside bomb wounded three policemen near the town of Samarra on Sunday.");
    assert_eq!(l.country.as_deref(), Some("IRQ"), "{l:?}");
    assert!(km(&l, 34.2, 43.89) < 20.0, "{l:?}");
}

#[test]
fn a_named_actor_is_no_place() {
    let l = place("Gunmen stole a car in front of the Red Cross office in Bourem on Monday.");
    assert_eq!((l.name.as_str(), l.country.as_deref()), ("Bourem", Some("MLI")), "{l:?}");
}

#[test]
fn an_unknown_village_is_placed_at_the_town_named_after_it() {
    let l = place("Gunmen raided a herders' camp in Tinwerine, Menaka and took the cattle.");
    assert_eq!((l.country.as_deref(), l.precision.as_str()), (Some("MLI"), "admin2"), "{l:?}");
    assert!(km(&l, 15.92, 2.40) < 20.0, "{l:?}");
}

fn code_with(text: &str, options: palaver_core::Options) -> Vec<Event> {
    let (lexicon, errors) = palaver_lexicon::Lexicon::embedded();
    assert!(errors.is_empty(), "{errors:?}");
    let engine = palaver_core::Engine::new(std::sync::Arc::new(lexicon), options);
    engine.code(&Article::new("t", text).with_date("2021-10-19")).events
}

#[test]
fn a_village_of_the_storys_country_beats_a_namesake_abroad() {
    // JNIM is Malian: Yoro is the Mopti village, not the Honduran town
    let l = place("JNIM militants ambushed self-defence militiamen near Yoro on Sunday.");
    assert_eq!((l.country.as_deref(), l.admin1.as_deref(), l.precision.as_str()), (Some("MLI"), Some("Mopti"), "town"));
}

#[test]
fn villages_of_two_countries_decide_nothing_without_a_story() {
    // Yoro is a village of Mali and of Burkina Faso: nothing in the text decides
    let e = code("Unidentified gunmen attacked the village of Yoro on Sunday, wounding three people.");
    assert!(!e.is_empty(), "the attack is coded");
    assert!(e.iter().all(|e| e.location.as_ref().is_none_or(|l| l.precision != "town")), "{e:?}");
    // a prior for the corpus decides
    let options = palaver_core::Options { countries: Some(vec!["MLI".into()]), ..Default::default() };
    let e = code_with("Unidentified gunmen attacked the village of Yoro on Sunday, wounding three people.", options);
    let l = e.iter().find_map(|e| e.location.clone()).expect("placed with the prior");
    assert_eq!((l.country.as_deref(), l.name.as_str()), (Some("MLI"), "Yoro"));
}

#[test]
fn another_spelling_of_a_village_finds_it() {
    // GeoNames spells Solhan "Solna" and keeps "Solhan" as an alternate name
    let l = place("Burkinabe soldiers said gunmen killed dozens of residents in Solhan on Friday night.");
    assert_eq!((l.name.as_str(), l.country.as_deref(), l.precision.as_str()), ("Solna", Some("BFA"), "town"));
}

#[test]
fn a_known_town_at_home_beats_a_big_city_abroad() {
    // no country named: the prior (the Sahel) keeps Kita in Mali, not the ward of Tokyo
    let l = place("Striking teachers in Kita staged a protest march on Monday.");
    assert_eq!((l.name.as_str(), l.country.as_deref()), ("Kita", Some("MLI")));
}

#[test]
fn regions_go_by_their_other_names() {
    // ACLED and the press write Cameroon's regions in French
    let l = place("On 8 June 2020, Boko Haram fighters abducted seven people in the Extreme-Nord region.");
    assert_eq!((l.country.as_deref(), l.precision.as_str()), (Some("CMR"), "admin1"));
    assert!(km(&l, 10.6, 14.3) < 150.0, "{l:?}");
}

#[test]
fn an_event_with_no_place_takes_the_next_sentences() {
    let e = code("Two police officers were shot dead by gunmen on Monday. The attack happened in Kano.");
    let l = e.first().and_then(|e| e.location.clone()).expect("placed");
    assert_eq!((l.name.as_str(), l.country.as_deref()), ("Kano", Some("NGA")));
}

#[test]
fn an_event_with_no_place_takes_a_sentence_before_that_coded_nothing() {
    // the first sentence is dropped as sport; its place still places the attack after it
    let e = code("Fans were watching a football match in a bar in Mubi on Sunday. Gunmen attacked them.");
    let l = e.first().and_then(|e| e.location.clone()).expect("placed");
    assert_eq!((l.name.as_str(), l.country.as_deref()), ("Mubi", Some("NGA")));
}

#[test]
fn a_dateline_places_what_the_text_does_not() {
    let e = code("GAO, Mali (Wire) - Gunmen killed two soldiers on Sunday, officials said.");
    let l = e.first().and_then(|e| e.location.clone()).expect("placed");
    assert_eq!((l.name.as_str(), l.country.as_deref()), ("Gao", Some("MLI")));
}

#[test]
fn a_foreign_force_looks_for_villages_where_it_acts() {
    // Barkhane is French, but its villages are in the Sahel: Boni of Mali, not a namesake elsewhere
    let l = place("Operation Barkhane forces killed ten militants near Boni on Tuesday.");
    assert_eq!(l.country.as_deref(), Some("MLI"), "{l:?}");
}

#[test]
fn an_institution_of_a_town_is_placed_in_the_town() {
    let l = place("Police arrested students at the University of Jos on Monday.");
    assert_eq!((l.name.as_str(), l.country.as_deref()), ("Jos", Some("NGA")));
}

fn dated(text: &str) -> (String, String) {
    let e = code(text);
    let e = e.first().unwrap_or_else(|| panic!("nothing coded in {text:?}"));
    (e.date.clone().unwrap_or_default(), e.date_precision.clone())
}

#[test]
fn date_spans_are_dated_by_their_first_day() {
    let d = |s: &str| dated(s);
    assert_eq!(
        d("Between 24 and 26 July, JNIM militants attacked the army in Boni."),
        ("2021-07-24".into(), "week".into())
    );
    assert_eq!(d("On 11-12 March, JNIM militants attacked the army in Boni."), ("2021-03-11".into(), "day".into()));
    assert_eq!(
        d("During the night of 14 to 15 June, JNIM militants attacked the army in Boni."),
        ("2021-06-14".into(), "day".into())
    );
    assert_eq!(d("Last week JNIM militants attacked the army in Boni."), ("2021-10-12".into(), "week".into()));
    assert_eq!(d("On Sunday, JNIM militants attacked the army in Boni."), ("2021-10-17".into(), "day".into()));
    assert_eq!(d("On December 7, JNIM militants attacked the army in Boni."), ("2020-12-07".into(), "day".into()));
}

#[test]
fn a_date_that_opens_a_sentence_dates_what_it_reports() {
    // the farmer was abducted on 10 August; the killing was on 22 August
    let (date, _) = dated("On 22 August 2021, JNIM militants killed a farmer abducted on 10 August near Boni.");
    assert_eq!(date, "2021-08-22");
    // "the Movement of June 5" is a name, not a date
    let (date, p) = dated("Members of the Movement of June 5 protested against the government in Bamako.");
    assert_eq!((date.as_str(), p.as_str()), ("2021-10-19", "document"));
}

#[test]
fn a_hyphen_and_a_space_spell_one_name() {
    // the gazetteer writes "Pobé Mengao"; the report, as many do, a hyphen
    let l = place("On 3 May 2021, gunmen killed two farmers in Pobe-Mengao and burned a granary.");
    assert_eq!((l.name.as_str(), l.country.as_deref(), l.precision.as_str()), ("Pobé Mengao", Some("BFA"), "town"));
    // a name written with its hyphen as the gazetteer has it is still looked up as written first
    let l = place("On 3 May 2021, gunmen killed two farmers near Garoua-Boulai and burned a granary.");
    assert_eq!((l.name.as_str(), l.country.as_deref()), ("Garoua Boulaï", Some("CMR")));
}

#[test]
fn a_district_word_may_be_a_phrase() {
    for text in [
        "On 3 May 2021, gunmen killed two farmers in Ukum Local Government Area of Benue State.",
        "On 3 May 2021, gunmen killed two farmers in Ukum LGA.",
    ] {
        let l = place(text);
        assert_eq!(
            (l.name.as_str(), l.country.as_deref(), l.precision.as_str()),
            ("Ukum", Some("NGA"), "admin2"),
            "{text}"
        );
    }
}

#[test]
fn close_to_and_a_capitalised_village_word_place_the_name() {
    let l = place("On 3 May 2021, soldiers clashed with militants close to Damboa.");
    assert_eq!((l.name.as_str(), l.country.as_deref()), ("Damboa", Some("NGA")));
    let l = place("On 3 May 2021, gunmen killed two farmers in Pobe Mengao Village.");
    assert_eq!((l.name.as_str(), l.country.as_deref()), ("Pobé Mengao", Some("BFA")));
    // "close" alone is no locative
    assert!(code("On 3 May 2021, Mali decided to close Damboa's consulate.")
        .iter()
        .all(|e| e.location.as_ref().is_none_or(|l| l.name != "Damboa")));
}

#[test]
fn a_state_named_after_a_town_picks_its_namesake() {
    for (text, state) in [
        ("On 3 May 2021, gunmen killed two farmers in Ogba, Edo State.", "Edo State"),
        ("On 3 May 2021, gunmen killed two farmers in Ogba, Kogi State.", "Kogi State"),
    ] {
        let l = place(text);
        assert_eq!(
            (l.name.as_str(), l.admin1.as_deref(), l.precision.as_str()),
            ("Ogba", Some(state), "town"),
            "{text}"
        );
    }
}

#[test]
fn a_town_right_after_a_verb_in_its_base_form_is_where_it_happened() {
    // "attack" is no inflected form, but it heads the verb patterns: Maiduguri is its object
    let l = place("Islamist militants attack Maiduguri on Monday, but are repelled by the army.");
    assert_eq!(l.name, "Maiduguri");
    assert_eq!(l.country.as_deref(), Some("NGA"));
    assert_eq!(l.precision, "town");
}

#[test]
fn a_region_name_two_countries_share_is_read_where_the_town_is() {
    // "Sud-Ouest" is a region of Burkina Faso and (in French) of Cameroon; Buea is in Cameroon's
    let l = place("On 3 August 2020, soldiers arrested 150 youths in Buea town (Sud-Ouest).");
    assert_eq!((l.name.as_str(), l.country.as_deref(), l.precision.as_str()), ("Buea", Some("CMR"), "town"));
    // and a village of Burkina Faso's keeps it there
    let l = place("On 3 August 2020, soldiers arrested 15 youths in Gaoua (Sud-Ouest).");
    assert_eq!(l.country.as_deref(), Some("BFA"), "{l:?}");
}

#[test]
fn a_longer_name_that_opens_with_a_country_is_the_longer_place() {
    let l = place("Gunmen killed two traders in Benin City on Sunday.");
    assert_eq!((l.name.as_str(), l.country.as_deref(), l.precision.as_str()), ("Benin City", Some("NGA"), "town"));
    let l = place("Gunmen killed two traders in Niger State on Sunday.");
    assert_eq!((l.country.as_deref(), l.precision.as_str()), (Some("NGA"), "admin1"), "{l:?}");
}

#[test]
fn a_noun_of_people_opening_the_sentence_takes_its_place() {
    let l = place("Residents of Gao blocked the bridge to protest against the curfew.");
    assert_eq!((l.name.as_str(), l.country.as_deref()), ("Gao", Some("MLI")));
}

#[test]
fn a_town_before_a_noun_of_people_is_where_they_act() {
    let l = place("Sokoto traders protested against the new market levy on Tuesday.");
    assert_eq!((l.name.as_str(), l.country.as_deref(), l.precision.as_str()), ("Sokoto", Some("NGA"), "town"));
    // a common word opening the sentence is no town ("Police" is a town in Poland)
    assert_not_in("Police officers beat two traders at the market.", &["POL"]);
}

#[test]
fn a_road_named_by_its_towns_is_placed_at_one_of_them() {
    for text in [
        "Gunmen ambushed a bus on the Ansongo-Gao road, killing three passengers.",
        "Gunmen ambushed a bus on the axis Ansongo-Gao, killing three passengers.",
    ] {
        let l = place(text);
        assert_eq!((l.name.as_str(), l.country.as_deref()), ("Ansongo", Some("MLI")), "{text}");
    }
}

#[test]
fn the_niger_delta_and_niger_state_are_in_nigeria() {
    for text in ["Militants blew up a pipeline in the Niger Delta.", "Bandits attacked a village in Niger State."] {
        let l = place(text);
        assert_eq!(l.country.as_deref(), Some("NGA"), "{text}: {l:?}");
    }
}

#[test]
fn a_feast_is_no_town() {
    let e = code("Police fired on a crowd at a prayer meeting to mark the end of Ramadan.");
    assert!(e.iter().all(|e| e.location.as_ref().is_none_or(|l| l.name != "Ramadan")), "{e:?}");
}

#[test]
fn a_name_with_a_number_is_a_quarter() {
    // "Mile 16" is a quarter of Buea, not Mile in Chad
    assert_not_in("Soldiers clashed with separatists in Mile 16 village near Buea, Cameroon.", &["TCD"]);
}

#[test]
fn a_well_or_camp_of_the_story_country_is_a_place_when_no_village_bears_its_name() {
    // Djebok is a well in the Gao region, named in reports as villages are
    let l = place("Suspected JNIM militants ambushed a patrol near Djebok and burned two vehicles.");
    assert_eq!(l.country.as_deref(), Some("MLI"), "{l:?}");
    assert!(km(&l, 16.35, 0.31) < 20.0, "{l:?}");
    // in a story with no country, a site is no place: too many wells share a word's name
    assert_unplaced("Gunmen in a boat attacked Naval personnel near an oil facility.");
}

#[test]
fn a_village_beats_a_site_of_the_same_name() {
    // Burkina Faso has a village Toulfé (Nord) and a wetland Toulfé (Sahel)
    let l = place("Koglweogo militiamen attacked a herders' camp near Toulfe, killing two.");
    assert_eq!(l.country.as_deref(), Some("BFA"), "{l:?}");
    assert!(km(&l, 13.88, -1.96) < 10.0, "{l:?}");
}

#[test]
fn people_of_an_institution_of_a_town_are_in_the_town() {
    let l = place("Students of the University of Abuja staged a protest against the strike.");
    assert_eq!((l.name.as_str(), l.country.as_deref()), ("Abuja", Some("NGA")));
    // a hamlet that bears an acronym's name is no place
    assert_unplaced("Gunmen robbed the employees of an NGO and seized their vehicle.");
}

#[test]
fn a_town_named_in_passing_places_what_nothing_else_does() {
    let l = place("Abuja police said on Monday they had arrested 120 supporters of the senator.");
    assert_eq!((l.name.as_str(), l.country.as_deref()), ("Abuja", Some("NGA")));
    // a capital opening the sentence may be a common word's; a topic abroad is no place
    for text in [
        "Street gang kidnaps the child of a British oil consultant.",
        "Gunmen in Mali protested against the decision to recognise Jerusalem as the capital of Israel.",
    ] {
        assert_not_in(text, &["GBR", "ISR"]);
    }
}

#[test]
fn an_armed_group_s_regions_pick_among_villages_of_one_name() {
    // Nigeria has a Bembem in Borno and one in Plateau; Boko Haram fights in Borno
    let l = place("Boko Haram fighters attacked the village of Bembem and burned houses.");
    assert_eq!((l.country.as_deref(), l.admin1.as_deref()), (Some("NGA"), Some("Borno State")), "{l:?}");
}

#[test]
fn a_people_s_name_is_no_place() {
    // Bozo is a people of the Niger's banks and a town in Burkina Faso
    assert_unplaced("Nine traders from the Bozo ethnic group were killed by gunmen.");
}

#[test]
fn a_village_named_in_a_district_is_not_a_namesake_elsewhere() {
    // Cameroon has a Passa; the text places the village in Bali LGA (Taraba, Nigeria)
    let l = place("Herdsmen attacked civilians in Pasa village of Bali LGA, killing four.");
    assert_eq!((l.name.as_str(), l.country.as_deref(), l.precision.as_str()), ("Bali", Some("NGA"), "admin2"));
}

#[test]
fn a_quarter_is_placed_in_its_town_and_is_no_town_of_its_name() {
    let l = place("A peacekeepers' vehicle struck a mine in the Aliou neighborhood of Kidal.");
    assert_eq!((l.name.as_str(), l.country.as_deref()), ("Kidal", Some("MLI")));
    assert_not_in("Boko Haram fighters attacked a police station in the Jerusalem neighborhood.", &["ISR"]);
}

#[test]
fn the_place_its_hints_place_is_the_event_s() {
    // a village of the same name lies far to the south-west; the summary codes the event at Youwarou
    let l = place("On 3 May 2021, gunmen burned the granaries of Guimbala, near Youwarou (Youwarou, Mopti).");
    assert_eq!((l.name.as_str(), l.country.as_deref()), ("Youwarou", Some("MLI")), "{l:?}");
}

#[test]
fn a_people_s_homeland_is_where_its_villages_are_looked_for() {
    // Kassa is a village name in Mali, Burkina Faso, Niger, Nigeria and Cameroon
    let l = place("Fulani militiamen attacked the Dogon village of Kassa and wounded one man.");
    assert_eq!(l.country.as_deref(), Some("MLI"), "{l:?}");
}

#[test]
fn a_known_town_at_home_beats_an_armed_group_s_village_abroad() {
    // Burkina Faso has a village Koury in JNIM's area; Mali's town is written Kouri
    let l = place("On 3 May, suspected JNIM militants attacked a police post in Koury; the attack was repelled.");
    assert_eq!((l.name.as_str(), l.country.as_deref(), l.precision.as_str()), ("Kouri", Some("MLI"), "town"));
}

#[test]
fn between_an_unknown_name_and_a_known_one_is_the_known_one() {
    // the gazetteer lacks Djebock
    let l = place("On 3 May, GATIA fighters raided a militant camp between Djebock and Tamkoutat, killing four.");
    assert_eq!((l.name.as_str(), l.country.as_deref()), ("Tamkoutat", Some("MLI")));
}

#[test]
fn a_hyphenated_town_is_found_under_its_spaced_name() {
    // "Gourma-Rharous" is the district as written and the town once the hyphen is a space
    let l = place("On 3 May, unknown gunmen robbed a clinic in Gourma-Rharous.");
    assert_eq!((l.name.as_str(), l.country.as_deref(), l.precision.as_str()), ("Gourma Rharous", Some("MLI"), "town"));
}

#[test]
fn a_verb_s_object_is_a_village_of_the_story_s_country() {
    // Kafa and Mangari are villages of Borno, and Boko Haram names Nigeria
    for (text, name) in [
        ("Boko Haram fighters raided Kafa at dawn and killed two farmers.", "Kafa"),
        ("Boko Haram fighters raided Mangari at dawn and killed two farmers.", "Mangari"),
    ] {
        let l = place(text);
        assert_eq!((l.name.as_str(), l.country.as_deref()), (name, Some("NGA")), "{text}");
    }
}

#[test]
fn peacekeepers_and_foreigners_do_not_move_the_story_abroad() {
    // peacekeepers serve away from home, as soldiers do: Chad is not where this happens
    let l = place("On 5 May 2021, Chadian peacekeepers clashed with militants near Tessit.");
    assert_eq!((l.name.as_str(), l.country.as_deref()), ("Tessit", Some("MLI")));
    // a town of the region the corpus is about stands, whoever the story's people are
    let l = place("On 4 March 2021, Eritrean migrants protested in front of the UN office in Agadez.");
    assert_eq!((l.name.as_str(), l.country.as_deref()), ("Agadez", Some("NER")));
}

#[test]
fn an_unknown_object_is_placed_by_the_area_after_it() {
    let l = place("Herders raided Kpakpandu village, Demsa Local Government Area, killing 4 farmers.");
    assert_eq!((l.name.as_str(), l.country.as_deref(), l.precision.as_str()), ("Demsa", Some("NGA"), "admin2"));
}

#[test]
fn the_first_of_a_pair_of_places_is_the_event_s() {
    // (the second is nearer the verb)
    let l = place("On 4 June 2021, on the road between Douentza (Douentza, Mopti) and Boni (Douentza, Mopti), gunmen abducted two traders.");
    assert_eq!(l.name, "Douentza");
}

#[test]
fn a_village_in_the_actor_s_area_is_the_verb_s_object() {
    // Kolofata lies in Cameroon's Far North, where Boko Haram fights; the story's country is Nigeria
    let l = place("Boko Haram fighters attacked Kolofata at night and burned ten houses.");
    assert_eq!((l.name.as_str(), l.country.as_deref()), ("Kolofata", Some("CMR")));
    // with no actor fighting there, a bare capitalised object abroad is not taken for the village
    assert_unplaced("Nigerian soldiers arrested Kolofata at night.");
}

#[test]
fn the_actor_s_area_settles_a_tie_between_villages_of_two_countries() {
    // one Kerawa lies in Nigeria's Kaduna State, one in Cameroon's Far North, where Boko Haram fights
    let l = place("Boko Haram fighters killed two hunters in Kerawa on Sunday.");
    assert_eq!((l.name.as_str(), l.country.as_deref()), ("Kerawa", Some("CMR")));
    // with no actor's area the tie stands, and no village is better than a wrong one
    assert_unplaced("Two hunters were killed in Kerawa on Sunday.");
}

#[test]
fn a_city_of_the_story_s_country_beats_a_village_of_its_name_where_the_actors_fight() {
    // a hamlet of Borno is also called Abuja; Boko Haram fights in Borno
    let l = place("Soldiers protested at their headquarters in Abuja over fears of Boko Haram attacks.");
    assert_eq!((l.name.as_str(), l.country.as_deref()), ("Abuja", Some("NGA")));
    assert!(km(&l, 9.06, 7.49) < 50.0, "{l:?}");
}

#[test]
fn a_country_s_name_alone_is_the_country_not_a_region_named_like_it() {
    // Nigeria has a Niger State; "in Niger" is not it, "Niger State" is
    assert_not_in("Gunmen attacked a radio station in Niger on Monday.", &["NGA"]);
    let l = place("Gunmen attacked a radio station in Niger State on Monday.");
    assert_eq!((l.country.as_deref(), l.precision.as_str()), (Some("NGA"), "admin1"));
}

#[test]
fn a_village_said_to_be_of_a_town_is_its_namesake_by_that_town() {
    // one Banki is a town of Nigeria's Borno, 55 km from Kolofata; another lies by Kolofata in Cameroon
    let l = place("Soldiers and insurgents clashed in Banki of Kolofata on Monday, leaving several wounded.");
    assert_eq!(l.country.as_deref(), Some("CMR"), "{l:?}");
    assert!(km(&l, 11.16, 14.01) < 25.0, "{l:?}");
    // the gazetteer's only Bonderi near Lake Chad lies in Chad: the town stands for the village
    assert_named("Insurgents stole motorcycles and food in Bonderi of Kolofata on Monday.", "Kolofata", "CMR");
    // after a comma, where the town ends the list
    assert_named(
        "Insurgents stole motorcycles and food in Bonderi, Kolofata: two herders were kidnapped.",
        "Kolofata",
        "CMR",
    );
    // but not in a list of places
    assert_country("Soldiers and insurgents clashed in Banki, Kolofata and Mora on Monday.", "NGA");
}

#[test]
fn a_name_written_without_its_apostrophe_is_found() {
    let l = place("Gunmen killed a forest ranger in Fada NGourma on Friday.");
    assert_eq!((l.country.as_deref(), l.precision.as_str()), (Some("BFA"), "town"));
    assert!(km(&l, 12.06, 0.36) < 10.0, "{l:?}");
}

#[test]
fn a_district_at_home_beats_a_region_abroad_of_its_name() {
    // Thailand has a Yala province; Nigeria's Cross River State a Yala Local Government Area
    let l = place("Two farmers were shot dead in Yala Local Government Area of Cross River State on Monday.");
    assert_eq!((l.name.as_str(), l.country.as_deref(), l.precision.as_str()), ("Yala", Some("NGA"), "admin2"));
    // Cameroon's divisions are named with "division"
    let l = place("Separatists ambushed a patrol in Bui division on Monday.");
    assert_eq!((l.name.as_str(), l.country.as_deref(), l.precision.as_str()), ("Bui", Some("CMR"), "admin2"));
}

#[test]
fn a_division_the_text_names_gives_the_story_its_country() {
    // Chembe is a village of Mali; the text puts its Chembe in Benue State, whose gazetteer has none
    assert_not_in(
        "Herders killed a farmer at Chembe settlement in Tswarev ward, Logo local government area of Benue State.",
        &["MLI"],
    );
}

#[test]
fn a_verb_s_object_is_the_village_of_the_district_the_text_names() {
    // Nigeria has a Dinya in Plateau State and one in Taraba State, neither in Gassol: the
    // district's seat stands for the village
    let l = place("Gunmen attacked Dinya village in Gassol Local Government Area and killed four farmers.");
    assert_eq!((l.name.as_str(), l.precision.as_str()), ("Gassol", "admin2"), "{l:?}");
}

#[test]
fn a_town_abroad_gives_way_to_the_division_the_text_puts_it_in() {
    // Ōme is a city near Tokyo; Obi a Local Government Area of Nigeria
    assert_not_in("Herders invaded Ome community in Obi, shooting and burning houses.", &["JPN"]);
}

#[test]
fn a_name_another_place_once_bore_is_no_prefix_of_a_longer_name() {
    // Limbe in Cameroon was once called Victoria; Victoria Island is a district of Lagos
    assert_not_in("Workers protested at their company's offices on Victoria Island over unpaid salaries.", &["CMR"]);
}

#[test]
fn a_region_at_home_beats_a_village_of_its_name() {
    // a hamlet of Nigeria is also called Borno; the state is meant
    let l = place("The air force bombed insurgent camps in northern Borno on Monday.");
    assert_eq!((l.country.as_deref(), l.precision.as_str()), (Some("NGA"), "admin1"), "{l:?}");
    // a known town of a region's name is the town
    let l = place("Gunmen killed two traders in Kaduna on Monday.");
    assert_eq!((l.name.as_str(), l.precision.as_str()), ("Kaduna", "town"), "{l:?}");
}

#[test]
fn a_border_village_of_a_town_is_the_town_s_country_s() {
    // both countries' gazetteers hold Ashigashiya, on the border; Kolofata is in Cameroon
    assert_country("Boko Haram fighters entered Ashigashiya of Kolofata at night and burned houses.", "CMR");
}

#[test]
fn hints_separated_by_semicolons_are_read() {
    assert_country(
        "On 1 July 2021, soldiers attacked a separatist camp near Zorbaga village (Boyo; Nord-Ouest).",
        "CMR",
    );
}

#[test]
fn the_area_of_a_town_is_in_that_town() {
    assert_named(
        "Two suicide bombers blew themselves up in the Kalari area of Maiduguri on Monday.",
        "Maiduguri",
        "NGA",
    );
}

#[test]
fn a_town_in_brackets_after_a_village_says_where_it_lies() {
    // the gazetteer's Alagarno lies in Nigeria; the report puts it by Kolofata, in Cameroon
    assert_country("Boko Haram fighters attacked the village of Alagarno (Kolofata), killing two people.", "CMR");
}

#[test]
fn the_place_a_report_files_its_event_at_goes_on_to_the_next_sentence() {
    // Niger has a village also called Kounari; the report files the event at Manako, in Mali
    let e = code(
        "On 3 May 2021, ISGS militants destroyed a JNIM base in the commune of Kounari, coded as Manako \
         (Mopti, Mopti). JNIM responded by detaining ISGS militants.",
    );
    let later = e.iter().find(|e| e.sentence_index == 1).expect("an event in the second sentence");
    let l = later.location.as_ref().expect("a place");
    assert_eq!((l.name.as_str(), l.country.as_deref()), ("Manako", Some("MLI")), "{e:?}");
}

#[test]
fn burkina_faso_s_regions_by_their_english_names() {
    assert_country("Burkinabe soldiers arrested 40 suspected militants in the East and North Central regions.", "BFA");
}
