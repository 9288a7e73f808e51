//! Mediation: who stands between the parties. "The council mediated talks between JNIM and the
//! hunters", "a truce brokered by Algeria", "under Algerian mediation", "under the auspices of the
//! AU", "with Qatar as mediator": the actor so named is the third party of the sentence's
//! cooperative events (talks, appeals, agreements, yielding), recorded as the event's `mediator`.
//!
//! The cues are few and closed (mediate, broker, facilitate and their nouns; auspices), so they are
//! listed here, beside the constructions that use them.

use crate::grammar::Grammar;
use crate::mentions::Mention;
use crate::text::Token;

/// Verbs whose subject, or `by`-agent, mediates.
const VERBS: &[&str] = &[
    "mediate",
    "mediated",
    "mediates",
    "mediating",
    "broker",
    "brokered",
    "brokers",
    "brokering",
    "facilitate",
    "facilitated",
    "facilitates",
    "facilitating",
];
/// Nouns naming mediation: "under X's mediation", "the mediation of X", "X mediation".
const NOUNS: &[&str] = &["mediation", "mediator", "mediators", "facilitation", "auspices", "good offices"];

fn word<'a>(text: &'a str, t: &Token) -> &'a str {
    text.get(t.start as usize..t.end as usize).unwrap_or("")
}

/// The index (into `mentions`) of the sentence's mediator, if it names one.
pub fn mediator(text: &str, tokens: &[Token], range: (usize, usize), mentions: &[Mention]) -> Option<usize> {
    let lower = |i: usize| word(text, &tokens[i]).to_lowercase();
    let is_verb = |i: usize| i < range.1 && VERBS.contains(&lower(i).as_str());
    let is_noun = |i: usize| {
        i < range.1 && {
            let w = lower(i);
            NOUNS.contains(&w.as_str()) || (w == "good" && i + 1 < range.1 && lower(i + 1) == "offices")
        }
    };
    for (k, m) in mentions.iter().enumerate() {
        let (start, end) = (m.start, m.end);
        // X mediated / X has mediated / X helped broker / X-brokered / X's mediation / X mediation
        let mut after = end;
        while after < range.1
            && matches!(
                lower(after).as_str(),
                "has"
                    | "had"
                    | "have"
                    | "helped"
                    | "help"
                    | "to"
                    | "-"
                    | "quietly"
                    | "also"
                    | "successfully"
                    | "'s"
                    | "’s"
            )
        {
            after += 1;
        }
        if is_verb(after) || is_noun(after) {
            // "the talks between X and Y mediated by Z": X is not the mediator when "by" follows
            let passive_agent_follows = after + 1 < range.1 && lower(after + 1) == "by";
            if !passive_agent_follows {
                return Some(k);
            }
        }
        // brokered by X / mediated by X / under the auspices of X / the mediation of X / with X as mediator
        let mut before = start;
        let mut skipped = 0;
        while before > range.0 && skipped < 3 && matches!(lower(before - 1).as_str(), "the" | "a" | "an") {
            before -= 1;
            skipped += 1;
        }
        if before >= range.0 + 2 {
            let (p, q) = (lower(before - 1), before - 2);
            if (p == "by" && is_verb(q)) || (p == "of" && is_noun(q)) {
                return Some(k);
            }
        }
        if before > range.0 && lower(before - 1) == "with" && end + 1 < range.1 && lower(end) == "as" {
            let mut n = end + 1;
            while n < range.1 && matches!(lower(n).as_str(), "a" | "an" | "the" | "chief" | "main" | "lead") {
                n += 1;
            }
            if is_noun(n) {
                return Some(k);
            }
        }
        // under Algerian mediation: a country adjective before the noun (the first pattern, with
        // "under" before it, is the same: kept for clarity of the rule's cases)
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
    let listed = |key: &str, w: &str| grammar.list(key).iter().any(|x| x == w);
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
