//! Stage 6b, perpetrators: who did the violence that a sentence pins on no one.
//!
//! News often reports a killing before (or without) its author: "Three soldiers were killed by an
//! IED near Boni. JNIM claimed responsibility." Analysts count such events by perpetrator, so:
//! 1. the dead of a fight just reported were killed by its other side ("Malian soldiers clashed with
//!    JNIM near Boni. Two soldiers were killed.": JNIM);
//! 2. an armed group's claim of responsibility (an event coded 015 whose verb claims: "claimed the
//!    attack") gives its claimant to the violent events with no named author in its sentence and the
//!    two before it;
//! 3. violence that stays without an author is an unidentified armed group's, of the country where
//!    it happened: ACLED's "Unidentified Armed Group (Mali)", PLOVER's and CAMEO's UAF;
//! 4. an arrest or a deportation with no one named to make it ("was arrested in Lebanon") is the
//!    act of the authorities of the country where it happened;
//! 5. a protest whose protesters the dictionaries do not name ("Hairdressers protest a tax") is
//!    the act of civilians of the country where it happened: ACLED's "Protesters (Nigeria)";
//! 6. violence its ACLED type says is against civilians, with no victim the dictionaries name
//!    ("Gunmen attacked a PDP leader's house", "kidnapped an educator"), is against civilians of
//!    the country where it happened: ACLED's "Civilians (Nigeria)".
//!
//! An implied actor has no span in the evidence (`spans.source` or `spans.target` is null) and
//! says what it is.
//!
//! Air, drone and artillery strikes are left alone: an unclaimed strike from the air is some
//! state's, and the text does not say whose.

use crate::event::{ActorRecord, Event};
use palaver_lexicon::{Lexicon, SectorClass};

/// The words an implied perpetrator is recorded with.
pub const UNIDENTIFIED: &str = "unidentified armed group";
/// The words implied state authorities are recorded with.
pub const AUTHORITIES: &str = "state authorities";
/// The words the implied crowd of a protest is recorded with.
pub const PROTESTERS: &str = "protesters";
/// The words the implied victims of violence against civilians are recorded with.
pub const CIVILIANS: &str = "civilians";
/// The words the implied crowd of a riot or a mob is recorded with.
pub const RIOTERS: &str = "rioters";

/// ACLED's event type whose victims are civilians by definition.
const AGAINST_CIVILIANS: &str = "Violence against civilians";

/// ACLED's sub-types whose victims, where the text names none, are civilians as ACLED codes them:
/// a looted village, a mob's victim.
const CIVILIANS_BY_DEFAULT: [&str; 2] = ["Looting/property destruction", "Mob violence"];

/// ACLED's event type of bombs, mines and strikes: with no target named, its victims are
/// civilians ("two explosions rocked the city").
const REMOTE_VIOLENCE: &str = "Explosions/Remote violence";

/// ACLED's sub-type of fighting between two armed sides.
const ARMED_CLASH: &str = "Armed clash";

/// Violence that has a perpetrator: assaults, fights, mass violence (CAMEO roots 18-20).
pub fn violent(event: &Event) -> bool {
    matches!(event.cameo_root.as_str(), "18" | "19" | "20")
}

/// Whether events of a CAMEO root stand with no actor named: violence (its author is implied
/// later) and protests (their protesters are).
pub fn stands_alone(root: &str) -> bool {
    matches!(root, "14" | "18" | "19" | "20")
}

/// Whether an event's source is an implied unidentified armed group rather than words of the text.
pub fn is_implied(event: &Event) -> bool {
    event.evidence.spans.source.is_none() && event.source.as_ref().is_some_and(|s| s.text == UNIDENTIFIED)
}

/// Whether an actor record is one this stage implied (by its words; it names no dictionary actor).
/// Stores key such actors apart from the groups the dictionaries name with the same code.
pub fn implied_actor(a: &ActorRecord) -> bool {
    a.actor_id.is_none() && [UNIDENTIFIED, AUTHORITIES, PROTESTERS, CIVILIANS, RIOTERS].contains(&a.text.as_str())
}

/// Whether an event is a strike from the air or by artillery: by its code, or by its sentence
/// holding one of `weapons` (the grammar's `state_weapon`, words joined by `_`: "air_strike"),
/// whose unnamed author is a state's forces, not an armed group. (Rockets and mortars are left
/// out: armed groups fire them at camps.)
fn state_weapons(event: &Event, weapons: &[String]) -> bool {
    let s = event.evidence.sentence.to_lowercase();
    event.cameo.starts_with("195") || weapons.iter().any(|w| s.contains(&*w.replace('_', " ")))
}

/// Whether an event's sentence tells of a riot or a mob (a word of `cues`, the grammar's
/// `riot_cue`: "during a riot at the prison", "a boy was nearly lynched"): violence no one is named
/// for there is the crowd's, as ACLED codes it ("Rioters (Nigeria)").
fn riot(event: &Event, cues: &[String]) -> bool {
    let words = event.evidence.sentence.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
    words.map(str::to_lowercase).any(|w| cues.contains(&w))
}

/// Whether an actor is an armed non-state group (rebels, militias, insurgents).
fn armed(a: &Option<ActorRecord>) -> bool {
    SectorClass::of(a.as_ref().and_then(|a| a.sector.as_deref())) == SectorClass::Armed
}

/// Gives an event with no source the actor it implies: for violence, an unidentified armed group
/// (in a riot, rioters); for an arrest or deportation, the state's authorities; for a protest,
/// protesters; of the country where it happened (else the country the article is about). Returns
/// whether it did.
pub fn imply(
    lex: &Lexicon,
    (weapons, riot_cues): (&[String], &[String]),
    event: &mut Event,
    article_country: Option<u32>,
    earlier: &[Event],
) -> bool {
    if event.source.is_some() {
        return false;
    }
    if violent(event) && fight_before(event, earlier) {
        return true;
    }
    // whoever the victims (militants too), as ACLED codes an unknown author: only a strike from
    // the air or by artillery is left open, being a state's
    let (text, role) = if violent(event) && riot(event, riot_cues) {
        (RIOTERS, "CVL")
    } else if violent(event) && !state_weapons(event, weapons) {
        (UNIDENTIFIED, "UAF")
    } else if event.cameo.starts_with("173") || event.cameo.starts_with("174") {
        (AUTHORITIES, "GOV")
    } else if event.cameo_root == "14" {
        (PROTESTERS, "CVL")
    } else {
        return false;
    };
    let country = country_of(lex, event, article_country);
    if role == "GOV" && country.is_none() {
        return false; // no state to name
    }
    event.source = Some(implied(text, role, country));
    true
}

/// Gives violence against civilians (by its ACLED type), remote violence, looting and a mob's
/// violence with no target the civilians of the country where it happened (else the article's).
/// Returns whether it did.
pub fn imply_victims(lex: &Lexicon, event: &mut Event, article_country: Option<u32>) -> bool {
    let acled = event.acled.as_ref();
    let of_type = |t: &str| acled.and_then(|a| a.event_type.as_deref()) == Some(t);
    let sub = acled.and_then(|a| a.sub_event_type.as_deref()).unwrap_or_default();
    let against_civilians =
        of_type(AGAINST_CIVILIANS) || of_type(REMOTE_VIOLENCE) || CIVILIANS_BY_DEFAULT.contains(&sub);
    if event.target.is_some() || !against_civilians {
        return false;
    }
    let country = country_of(lex, event, article_country);
    event.target = Some(implied(CIVILIANS, "CVL", country));
    true
}

/// Gives an armed clash with no target ("rival militias clashed over land", "fighting between
/// clans") its author's like as the other side: ACLED codes both sides of such fighting, and
/// where the text names one only, the other is of its kind. Returns whether it did.
pub fn imply_other_side(lex: &Lexicon, event: &mut Event, article_country: Option<u32>) -> bool {
    let clash = event.acled.as_ref().and_then(|a| a.sub_event_type.as_deref()) == Some(ARMED_CLASH);
    if !clash || event.target.is_some() {
        return false;
    }
    let Some(source) = &event.source else { return false };
    // state forces' fighting with no other side named is with an unidentified armed group, as
    // ACLED codes an unknown side, not with themselves
    if SectorClass::of(source.sector.as_deref()) == SectorClass::State {
        let country = country_of(lex, event, article_country);
        event.target = Some(implied(UNIDENTIFIED, "UAF", country));
        return true;
    }
    event.target = Some(ActorRecord { text: source.text.clone(), actor_id: None, name: None, ..source.clone() });
    true
}

/// A bomb whose victims its sentence names in another event ("three soldiers were killed when a
/// roadside bomb hit their truck"): those victims, not implied civilians, are its target. `first`
/// is the sentence's first event.
pub fn victims_named_beside(events: &mut [Event], first: usize) {
    let sentence = &events[first..];
    let named = sentence
        .iter()
        .find(|e| violent(e) && e.evidence.spans.target.is_some())
        .map(|e| (e.target.clone(), e.evidence.spans.target));
    let Some((target, span)) = named else { return };
    for e in &mut events[first..] {
        let remote = e.acled.as_ref().and_then(|a| a.event_type.as_deref()) == Some(REMOTE_VIOLENCE);
        let implied_civilians = e.evidence.spans.target.is_none() && e.target.as_ref().is_some_and(implied_actor);
        if remote && implied_civilians {
            (e.target, e.evidence.spans.target) = (target.clone(), span);
        }
    }
}

/// The record of an implied actor: its words, its role (a sector) in a country, if known.
fn implied(text: &str, role: &str, country: Option<&palaver_lexicon::Country>) -> ActorRecord {
    ActorRecord {
        text: text.to_string(),
        code: Some(country.map_or_else(|| role.to_string(), |c| format!("{}{role}", c.cameo))),
        actor_id: None,
        name: None,
        country: country.map(|c| c.iso3.clone()),
        sector: Some(role.to_string()),
    }
}

/// The country where an event happened, else the article's.
fn country_of<'l>(
    lex: &'l Lexicon,
    event: &Event,
    article_country: Option<u32>,
) -> Option<&'l palaver_lexicon::Country> {
    event
        .location
        .as_ref()
        .and_then(|l| l.country.as_deref())
        .and_then(|iso3| lex.countries.iter().find(|c| c.iso3 == iso3))
        .or_else(|| article_country.map(|i| &lex.countries[i as usize]))
}

/// Whether an event is an armed group's claim of responsibility ("JNIM claimed the attack", "le
/// JNIM a revendiqué l'attaque"), not another acknowledgement coded 015 ("the ministry acknowledged
/// the losses"): its verb phrase holds one of `cues` (the grammar table's `claim_cue` stems).
fn claim(e: &Event, cues: &[String]) -> bool {
    let verb = e.evidence.verb.to_lowercase();
    e.cameo == "015"
        && !e.negated
        && e.evidence.spans.source.is_some()
        && cues.iter().any(|c| verb.contains(c.as_str()))
        && armed(&e.source)
}

/// Whether two actor records are the same actor.
fn same_actor(a: &ActorRecord, b: &ActorRecord) -> bool {
    match (&a.actor_id, &b.actor_id) {
        (Some(x), Some(y)) => x == y,
        _ => a.code.is_some() && a.code == b.code,
    }
}

/// "Malian soldiers clashed with JNIM near Boni. Two soldiers were killed.": the dead of a fight
/// just reported (in the same sentence or the one before, at the same place and time) were killed
/// by the other side of it: by its target when they are of its source's side, else by its source.
/// Gives the event that author and returns whether it did.
fn fight_before(event: &mut Event, earlier: &[Event]) -> bool {
    let same_where = |e: &Event| match (&e.location, &event.location) {
        (Some(a), Some(b)) => a.name == b.name,
        _ => true,
    };
    // (a sentence with no date of its own has the article's: no contradiction)
    let undated = |e: &Event| e.date.is_none() || e.date_precision == "document";
    let same_when = |e: &Event| undated(e) || undated(event) || e.date == event.date;
    let Some(fight) = earlier
        .iter()
        .rev()
        .take_while(|e| e.sentence_index + 1 >= event.sentence_index)
        .find(|e| violent(e) && e.evidence.spans.source.is_some() && same_where(e) && same_when(e))
    else {
        return false;
    };
    let own_side = match (&event.target, &fight.source) {
        (Some(t), Some(s)) => same_actor(t, s),
        _ => false,
    };
    let (author, span) = if own_side {
        // the attackers' own dead: killed by the side attacked, if it can fight back (a village or
        // its people named as the attack's target are no author)
        let fights = matches!(
            SectorClass::of(fight.target.as_ref().and_then(|t| t.sector.as_deref())),
            SectorClass::State | SectorClass::Armed | SectorClass::External
        );
        if !fights {
            return false;
        }
        (fight.target.clone(), fight.evidence.spans.target)
    } else {
        (fight.source.clone(), fight.evidence.spans.source)
    };
    // "Malian soldiers attacked a camp. Two soldiers were killed": no other side named
    if author.is_none() || author.as_ref().zip(event.target.as_ref()).is_some_and(|(a, t)| same_actor(a, t)) {
        return false;
    }
    event.source = author;
    event.evidence.spans.source = span;
    // the fight's time and place are its dead's, where their sentence gives none of its own
    if undated(event) && !undated(fight) {
        event.date.clone_from(&fight.date);
        event.date_precision.clone_from(&fight.date_precision);
    }
    if event.location.is_none() {
        event.location.clone_from(&fight.location);
    }
    true
}

/// Claims of responsibility among `events[first..]` (one sentence's; see [`claim`]) give their claimant to the
/// implied perpetrators of that sentence and the two before it, but not of violence against the
/// claimant itself.
pub fn credit_claims(events: &mut [Event], first: usize, cues: &[String]) {
    let Some(claim) = events[first..].iter().find(|e| claim(e, cues)) else {
        return;
    };
    let (claimant, span, sentence) = (claim.source.clone(), claim.evidence.spans.source, claim.sentence_index);
    let Some(claimant) = claimant else { return };
    for e in events.iter_mut().rev().take_while(|e| e.sentence_index + 2 >= sentence) {
        if is_implied(e) && !e.target.as_ref().is_some_and(|t| same_actor(t, &claimant)) {
            e.source = Some(claimant.clone());
            e.evidence.spans.source = span;
        }
    }
}
