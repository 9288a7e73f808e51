//! Stage 6, ontologies: an event's ACLED event type and sub-type, from the rules of
//! data/acled_rules.tsv (CAMEO code, the classes of its actors' sectors, words of its sentence).

use crate::event::{Acled, Event};
use crate::text::Token;
use palaver_lexicon::{Lexicon, SectorClass};

/// The words of a sentence (forms, lemmas, second lemmas), sorted, for the rules' word tests.
pub fn sentence_words(sentence: &[Token], out: &mut Vec<u32>) {
    out.clear();
    out.extend(sentence.iter().flat_map(|t| [t.word, t.lemma, t.alt]).filter(|&w| w != 0));
    out.sort_unstable();
    out.dedup();
}

/// The PLOVER mode of an event whose code leaves it open, from the words of its sentence.
pub fn plover_mode(lex: &Lexicon, event: &Event, words: &[u32]) -> Option<String> {
    let plover = event.plover.event.as_deref()?;
    let has_word = |w: u32| words.binary_search(&w).is_ok();
    lex.plover_mode_rules
        .iter()
        .find(|r| r.event == plover && r.words.iter().any(|&w| has_word(w)))
        .map(|r| r.mode.clone())
}

/// The ACLED type of an event, by the first rule that matches; None for events outside ACLED's
/// taxonomy (statements, diplomacy).
pub fn acled(lex: &Lexicon, event: &Event, words: &[u32]) -> Option<Acled> {
    let source = SectorClass::of(event.source.as_ref().and_then(|a| a.sector.as_deref()));
    let target = SectorClass::of(event.target.as_ref().and_then(|a| a.sector.as_deref()));
    let has_word = |w: u32| words.binary_search(&w).is_ok();
    let rule = lex.acled_rules.iter().find(|r| {
        (r.cameo.is_empty() || r.cameo.iter().any(|c| event.cameo.starts_with(c.as_str())))
            && r.source.admits(source)
            && r.target.admits(target)
            && (r.words.is_empty() || r.words.iter().any(|&w| has_word(w)))
    })?;
    Some(Acled { event_type: Some(rule.event_type.clone()), sub_event_type: Some(rule.sub_type.clone()) })
}

/// ACLED's protest type; the sub-type of a protest met by no force.
const PROTESTS: &str = "Protests";
const PEACEFUL_PROTEST: &str = "Peaceful protest";
/// The CAMEO code of force against a crowd ("used teargas to disperse the crowd", "fired on
/// protesters").
const CROWD_FORCE: &str = "175";

/// A protest its article goes on to say was dispersed or fired on ("Traders protested in Kano.
/// Police used teargas to disperse the crowd") is one event for ACLED: the protesters' protest,
/// "with intervention" or "with excessive force". Such a protest takes the sub-type of the force
/// used against a crowd in its article (the harshest, where several).
pub fn protests_met_with_force(events: &mut [Event]) {
    let force = |e: &Event| is_crowd_force(e) && is_protest(e);
    let sub = |e: &Event| e.acled.as_ref().and_then(|a| a.sub_event_type.clone());
    // (the rules name deadly force first: "excessive" sorts before "intervention")
    let Some(harshest) = events.iter().filter(|e| force(e)).filter_map(sub).min() else { return };
    for e in events.iter_mut().filter(|e| !force(e) && is_protest(e)) {
        if let Some(a) = e.acled.as_mut().filter(|a| a.sub_event_type.as_deref() == Some(PEACEFUL_PROTEST)) {
            a.sub_event_type = Some(harshest.clone());
        }
    }
}

/// Whether an event is force against a crowd (CAMEO 175), deadly or not.
pub fn is_crowd_force(e: &Event) -> bool {
    e.cameo.starts_with(CROWD_FORCE)
}

fn is_protest(e: &Event) -> bool {
    e.acled.as_ref().and_then(|a| a.event_type.as_deref()) == Some(PROTESTS)
}

/// ACLED's fighting between armed actors; the sub-type an attack on civilians has.
const BATTLES: &str = "Battles";
const ARMED_CLASH: &str = "Armed clash";
const ATTACK: &str = "Attack";

/// "JNIM militants attacked the village of Sango. The village self-defense repelled the attack":
/// an attack on a village that its defenders answered is a battle for ACLED, not violence against
/// civilians. Given the words of a sentence that names no actor (defenders an actor's name
/// introduces code a battle of their own), turns the article's attacks on civilians before it
/// into armed clashes where the sentence tells such an answer: one of the grammar's
/// `defence_response` verbs and one of its `defenders` (word forms: a bit test a word).
pub fn attacks_answered(grammar: &crate::grammar::Grammar, sentence: &[Token], earlier: &mut [Event]) {
    let has = |list: &str| {
        let id = grammar.list_id(list);
        sentence.iter().any(|t| grammar.in_list(id, t))
    };
    if earlier.is_empty() || !has("defence_response") || !has("defenders") {
        return;
    }
    for e in earlier.iter_mut().filter(|e| matches!(e.cameo_root.as_str(), "18" | "19" | "20")) {
        let armed = SectorClass::of(e.source.as_ref().and_then(|a| a.sector.as_deref())) == SectorClass::Armed;
        if let Some(a) = e.acled.as_mut().filter(|a| armed && a.sub_event_type.as_deref() == Some(ATTACK)) {
            a.event_type = Some(BATTLES.to_string());
            a.sub_event_type = Some(ARMED_CLASH.to_string());
        }
    }
}
