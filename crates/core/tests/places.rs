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
    let e = code("On 3 May 2021, Operation Barkhane (France) soldiers attacked militants.");
    assert!(e.iter().all(|e| e.location.is_none()), "{e:?}");
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
    let e = code("On 3 May 2021, Malian soldiers clashed with JNIM militants near Kitapak.");
    assert!(e.iter().all(|e| e.location.as_ref().is_none_or(|l| l.country.as_deref() != Some("PHL"))), "{e:?}");
    // and a hinted village is not placed at a namesake abroad
    let l = place("On 3 May 2021, gunmen killed a herder near Kitapak (Koro, Mopti).");
    assert_eq!((l.name.as_str(), l.country.as_deref()), ("Koro", Some("MLI")));
}

#[test]
fn part_of_a_longer_name_is_no_place() {
    let e = code("On 3 May 2021, Malian soldiers clashed with JNIM militants in Kitapak-Sud.");
    assert!(e.iter().all(|e| e.location.is_none()), "{e:?}");
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
