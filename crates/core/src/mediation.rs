//! Mediation: who stands between the parties. "The council mediated talks between JNIM and the
//! hunters", "a truce brokered by Algeria", "under Algerian mediation", "under the auspices of the
//! AU", "with Qatar as mediator": the actor so named is the third party of the sentence's
//! cooperative events (talks, appeals, agreements, yielding), recorded as the event's `mediator`.
//!
//! The cues are few and closed: the grammar table's `mediation_*` keys (mediate, broker,
//! facilitate and their nouns; auspices) and the little words of the constructions below.

use crate::grammar::Grammar;
use crate::mentions::Mention;
use crate::text::Token;

fn word<'a>(text: &'a str, t: &Token) -> &'a str {
    text.get(t.start as usize..t.end as usize).unwrap_or("")
}

/// The index (into `mentions`) of the sentence's mediator, if it names one. The words are the
/// grammar's: `mediation_verb` (whose subject or agent mediates), `mediation_noun` (phrases with
/// `_` between words: "good_offices"), `mediation_aux` (between the mediator and the verb or
/// noun: "has", "helped", "'s"), `mediation_det` (articles skipped before a mediator), `mediation_by`, `mediation_of`,
/// `mediation_with`, `mediation_as`, and `mediation_role` (before the noun in "with X as (the) chief mediator").
pub fn mediator(
    grammar: &Grammar,
    text: &str,
    tokens: &[Token],
    range: (usize, usize),
    mentions: &[Mention],
) -> Option<usize> {
    let listed = |key: &str, i: usize| i < range.1 && grammar.has_token(key, &tokens[i]);
    let is_verb = |i: usize| listed("mediation_verb", i);
    let is_noun = |i: usize| {
        grammar.list("mediation_noun").iter().any(|phrase| {
            phrase
                .split('_')
                .enumerate()
                .all(|(k, w)| i + k < range.1 && Grammar::same_word(word(text, &tokens[i + k]), w))
        })
    };
    for (k, m) in mentions.iter().enumerate() {
        let (start, end) = (m.start, m.end);
        // X mediated / X has mediated / X helped broker / X-brokered / X's mediation / X mediation
        let mut after = end;
        while listed("mediation_aux", after) {
            after += 1;
        }
        if is_verb(after) || is_noun(after) {
            // "the talks between X and Y mediated by Z": X is not the mediator when "by" follows
            if !listed("mediation_by", after + 1) {
                return Some(k);
            }
        }
        // brokered by X / mediated by X / under the auspices of X / the mediation of X / with X as mediator
        let mut before = start;
        let mut skipped = 0;
        while before > range.0 && skipped < 3 && listed("mediation_det", before - 1) {
            before -= 1;
            skipped += 1;
        }
        if before >= range.0 + 2 {
            let q = before - 2;
            if (listed("mediation_by", before - 1) && is_verb(q)) || (listed("mediation_of", before - 1) && is_noun(q))
            {
                return Some(k);
            }
        }
        if before > range.0 && listed("mediation_with", before - 1) && end + 1 < range.1 && listed("mediation_as", end)
        {
            let mut n = end + 1;
            while listed("mediation_role", n) {
                n += 1;
            }
            if is_noun(n) {
                return Some(k);
            }
        }
    }
    None
}

/// Whether an event of this CAMEO root can have a mediator: cooperation (statements of intent,
/// consultations, diplomatic and material cooperation, aid, yielding) and appeals.
pub fn mediable(cameo_root: &str) -> bool {
    matches!(cameo_root, "02" | "03" | "04" | "05" | "06" | "07" | "08")
}

/// In "X asked Y to open talks with Z" (an appeal to meet or negotiate, CAMEO 026), Z: the party
/// the talks are to be with. Y, asked to hold them, stands between X and Z. Looks from the verb's
/// end to the sentence's end for a negotiation word (the grammar's `talks`) followed by its
/// `talks_with` and a mention, past `talks_partner` words ("with the leaders of", "avec les
/// dirigeants du").
pub fn negotiating_partner(
    grammar: &Grammar,
    text: &str,
    tokens: &[Token],
    range: (usize, usize),
    mentions: &[Mention],
    after: usize,
) -> Option<usize> {
    let lower = |i: usize| word(text, &tokens[i]).to_lowercase();
    let listed = |key: &str, w: &str| grammar.has_exactly(key, w);
    let mut i = after;
    let mut talks = false;
    while i < range.1 {
        let w = lower(i);
        if listed("talks", &w) {
            talks = true;
        } else if talks && listed("talks_with", &w) {
            // "with (the) (leaders|members|representatives) of M" or "with M"
            let mut j = i + 1;
            while j < range.1 && listed("talks_partner", &lower(j)) {
                j += 1;
            }
            return mentions.iter().position(|m| m.start == j || (m.start > i && m.start <= j));
        } else if matches!(w.as_str(), "." | ";") || listed("talks_stop", &w) {
            break;
        }
        i += 1;
    }
    None
}

/// From a sentence's events, the talks a mediator stands between: two "mediate" (045) events of one
/// source with two different targets become the targets' negotiation (046), the source its mediator.
pub fn mediated_talks(lex: &palaver_lexicon::Lexicon, events: &[crate::Event]) -> Option<crate::Event> {
    let id = |a: &Option<crate::event::ActorRecord>| {
        a.as_ref().map(|a| (a.actor_id.clone(), a.code.clone(), a.text.clone()))
    };
    let mediating: Vec<&crate::Event> = events.iter().filter(|e| e.cameo == "045" && e.source.is_some()).collect();
    let first = mediating.first()?;
    let second = mediating[1..]
        .iter()
        .find(|e| id(&e.source) == id(&first.source) && id(&e.target) != id(&first.target) && e.target.is_some())?;
    let code = lex.cameo.iter().find(|k| k.code == "046")?;
    let mut talks = (*first).clone();
    talks.mediator = first.source.clone();
    talks.source = first.target.clone();
    talks.target = second.target.clone();
    talks.evidence.spans.source = first.evidence.spans.target;
    talks.evidence.spans.target = second.evidence.spans.target;
    talks.cameo = code.code.clone();
    talks.cameo_root = code.root.clone();
    talks.quad_class = code.quad_class;
    talks.goldstein = code.goldstein;
    talks.plover = crate::event::Plover { event: code.plover_event.clone(), mode: code.plover_mode.clone() };
    talks.acled = None;
    Some(talks)
}
