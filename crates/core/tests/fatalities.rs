//! Tolls across the sentences of an event summary, on sentences written for these tests.

mod common;

use common::engine;
use palaver_core::{Article, Event};

fn code(text: &str) -> Vec<Event> {
    engine().code(&Article::new("t", text).with_date("2021-10-19")).events
}

fn toll(text: &str) -> Option<u32> {
    code(text).iter().filter_map(|e| e.fatalities).max()
}

#[test]
fn a_toll_in_a_sentence_with_no_actor_belongs_to_the_attack_before() {
    assert_eq!(
        toll("On 3 May 2021, JNIM militants attacked a village near Niono. Four men were killed in the attack."),
        Some(4)
    );
    assert_eq!(
        toll("On 3 May 2021, JNIM militants ambushed a convoy near Gao. Unknown fatalities coded as 5."),
        Some(5)
    );
}

#[test]
fn a_toll_split_across_events_keeps_its_share() {
    let text = "On 3 May 2021, gunmen attacked three villages near Koro and killed nine civilians. \
                Fatalities are split across three events.";
    assert_eq!(toll(text), Some(3));
    // where the summary does not count the events, the places the report lists are they
    let text = "On 3 May 2021, soldiers raided militant camps at Tinka, Sobou, Dagou and Kelbi near Koro. \
                Twelve militants were killed. Fatalities split between events.";
    assert_eq!(toll(text), Some(3));
    // (and with no places listed, the toll stays whole)
    let text = "On 3 May 2021, soldiers raided a militant camp near Koro. Twelve militants were killed. \
                Fatalities split between events.";
    assert_eq!(toll(text), Some(12));
}

#[test]
fn a_date_before_a_count_is_not_counted() {
    assert_eq!(toll("On June 23, two soldiers were killed by JNIM militants near Boni."), Some(2));
}

#[test]
fn the_dead_of_a_weapon_are_no_accident_s() {
    // a cause ("caused a wildfire", "the cart they rode") beside a weapon: still violence
    let e =
        code("Two herders were killed when their cart struck a landmine near Boni, and the blast caused a wildfire.");
    assert!(e.iter().any(|e| e.fatalities == Some(2)), "{e:?}");
    let e = code("Two herders were killed when their bus plunged off a bridge near Boni.");
    assert!(e.is_empty(), "{e:?}");
}

#[test]
fn violence_between_people_of_one_kind() {
    let e = code("A Mossi farmer was killed by a herder after a quarrel near Kaya.");
    assert!(e.iter().any(|e| e.cameo_root == "19" && e.fatalities == Some(1)), "{e:?}");
    let e = code("Twelve farmers were found murdered in their fields near Djibo.");
    assert!(e.iter().any(|e| e.fatalities == Some(12)), "{e:?}");
}

#[test]
fn a_toll_over_several_days_is_shared_among_them() {
    // ACLED records an event a day: the report's toll is shared among the days it names
    let text = "Herders and farmers clashed near Koro over two days. Twenty people were killed.";
    assert_eq!(toll(text), Some(10));
    let text = "12-14 May 2021. Dozo hunters and JNIM militants fought near Niono, killing nine.";
    assert_eq!(toll(text), Some(3));
    let text = "Three days of fighting between militias near Djibo left twelve dead.";
    assert_eq!(toll(text), Some(4));
    // a date known only within a range is one event, and "two days later" spans nothing
    let text = "Around 13 May 2021 (between 12 - 14 May), gunmen killed nine traders near Niono.";
    assert_eq!(toll(text), Some(9));
    let text = "Gunmen killed six traders near Niono. Two days later, the army arrived.";
    assert_eq!(toll(text), Some(6));
}

#[test]
fn a_revised_toll_replaces_the_first_count() {
    let text = "JNIM militants attacked a market near Gao, killing 12 (later raised to 20) and wounding 30.";
    assert_eq!(toll(text), Some(20));
    let text = "Gunmen attacked a village near Koro, killing nine. The death toll later rose to 15.";
    assert_eq!(toll(text), Some(15));
    // the wounded rising is no death
    let text = "Gunmen attacked a village near Koro, killing nine. The number of injured rose to 40.";
    assert_eq!(toll(text), Some(9));
}

#[test]
fn a_toll_in_several_places_is_shared_among_them() {
    // ACLED records an event a place: a report naming several places together shares its toll
    let text = "Gunmen attacked Dobi and Maisuma villages near Jos, killing 12 farmers.";
    assert_eq!(toll(text), Some(6));
    let text = "JNIM militants raided the villages of Sankoro, Bidi and Kourouni near Koro and killed nine civilians.";
    assert_eq!(toll(text), Some(3));
    // peoples and states are no places of the event
    let text = "Bandits active in Zamfara and Katsina states killed eight traders near Gusau.";
    assert_eq!(toll(text), Some(8));
    let text = "Gunmen killed six villagers from the Mossi and Foulse communities near Kaya.";
    assert_eq!(toll(text), Some(6));
    // nor the places of the two sides of a fight ("between X in A and Y")
    let text = "Six people were killed in a land dispute between Ekori community in Yakurr and Ibami villagers.";
    assert_eq!(toll(text), Some(6));
}

#[test]
fn people_named_one_by_one_count_one_each() {
    // a plural passive whose subject lists people in the singular
    assert_eq!(toll("A teacher and a nurse were killed by gunmen near Mopti."), Some(2));
    assert_eq!(toll("The mayor, his driver and a guard were shot dead near Gao."), Some(3));
    // a pronoun of one before "to death"
    assert_eq!(toll("Villagers caught a suspected thief and beat him to death near Kano."), Some(1));
    // a thing's word before a noun only says what kind of people were killed
    assert_eq!(toll("Three cattle traders were killed by bandits near Katsina."), Some(3));
    assert_eq!(toll("Bandits killed three cattle near Katsina."), None);
}

#[test]
fn beheading_and_gunning_down_kill_one() {
    assert_eq!(toll("On 3 May 2021, gunmen raided a hamlet near Kaura, beheading a farmer."), Some(1));
    assert_eq!(toll("On 3 May 2021, a vigilante was gunned down by two men on a motorcycle in Gombe."), Some(1));
    assert_eq!(toll("On 3 May 2021, a herder was slain by bandits near Gusau."), Some(1));
}

#[test]
fn the_dead_belong_to_the_killing_not_to_the_attack_before_it() {
    let e = code("On 3 May 2021, soldiers raided a JNIM camp near Macina, killing seven civilians.");
    let with_toll: Vec<_> = e.iter().filter(|e| e.fatalities.is_some()).collect();
    assert_eq!(with_toll.len(), 1, "{e:?}");
    assert_eq!(with_toll[0].fatalities, Some(7));
    assert_eq!(with_toll[0].evidence.verb, "killing");
    assert_eq!(with_toll[0].target.as_ref().and_then(|t| t.sector.as_deref()), Some("CVL"));
    // "people", or fighters when fighters were attacked, name no other victims than the attack's:
    // the attack keeps them
    let e = code("On 3 May 2021, soldiers attacked JNIM militants near Macina, killing four fighters.");
    let with_toll: Vec<_> = e.iter().filter(|e| e.fatalities.is_some()).collect();
    assert_eq!(with_toll.len(), 1, "{e:?}");
    assert_eq!(with_toll[0].evidence.verb, "attacked", "{e:?}");
    let e = code("On 3 May 2021, JNIM militants ambushed Dozo hunters near Macina, killing five people.");
    let with_toll: Vec<_> = e.iter().filter(|e| e.fatalities.is_some()).collect();
    assert_eq!(with_toll.len(), 1, "{e:?}");
    assert_eq!(with_toll[0].target.as_ref().map(|t| t.text.as_str()), Some("Dozo hunters"), "{e:?}");
}

#[test]
fn a_later_sentence_s_toll_restates_the_deaths_before_it() {
    let text =
        "On 3 May 2021, gunmen attacked a market near Gusau, killing a trader. Four people were dead by evening.";
    assert_eq!(toll(text), Some(4));
}

#[test]
fn another_account_of_a_toll_yields_to_the_lower_count() {
    let text = "On 3 May 2021, gunmen attacked a market near Gusau, killing two traders. Conflicting reports suggest nine deaths.";
    assert_eq!(toll(text), Some(2));
    let text =
        "On 3 May 2021, gunmen attacked a market near Gusau, killing two traders. The Daily Trust reports nine deaths.";
    assert_eq!(toll(text), Some(2));
    // (the other account names its own killing: still the same deaths)
    let text = "On 3 May 2021, two herders were killed near Gusau. Some reports say nine people were killed there.";
    assert_eq!(toll(text), Some(2));
}

#[test]
fn a_toll_told_before_its_violence_waits_for_it() {
    let text = "On 3 May 2021, twelve bodies were found near Gwoza. Residents said Boko Haram fighters killed them.";
    assert_eq!(toll(text), Some(12));
}

#[test]
fn a_riot_s_dead_are_its_toll_but_not_the_deaths_it_answers() {
    assert_eq!(toll("On 3 May 2021, rioting youths burned the council office in Jos and two people died."), Some(2));
    assert_eq!(toll("On 3 May 2021, youths rioted in Jos after the bodies of two herders were found."), None);
}

#[test]
fn violence_an_indefinite_article_introduces_is_reported_with_its_toll() {
    // "a clash" opening a report is news, not a reference to violence told before
    assert_eq!(toll("A clash between two farming villages in Dutse resulted in the death of one man."), Some(1));
    assert_eq!(toll("On Monday, an attack in Dutse resulted in three deaths."), Some(3));
    // so does "the attack" opening a sentence of an article that told of no violence before
    assert_eq!(toll("The attack on a market in Dutse resulted in five deaths."), Some(5));
    // after violence told before, "the attack" refers back: nothing of its own
    let e = code(
        "Gunmen attacked a market in Dutse on Monday. Residents fled to the city. The attack resulted in \
         widespread anger.",
    );
    assert_eq!(e.iter().filter(|e| e.cameo_root == "19" || e.cameo_root == "18").count(), 1, "{e:?}");
}
