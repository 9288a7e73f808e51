//! Stage 2, lexicon and mentions: dictionary phrases found in a sentence, then composed into actor
//! mentions ("Malian" + "troops" -> Mali's military; "leaders of" + "JNIM" -> JNIM; "French President
//! Emmanuel Macron" -> Macron).

use crate::grammar::Word;
use crate::text::{flag, Token};
use palaver_lexicon::{Case, DiscardScope, EntryKind, Lexicon, PhraseTarget};

/// A dictionary phrase found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Chunk {
    pub start: usize,
    pub end: usize,
    pub kind: EntryKind,
    pub index: u32,
    pub line: u32,
}

/// Who a mention is, as far as the dictionaries tell.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Who {
    /// Index of a named actor.
    pub actor: Option<u32>,
    /// Index of a country.
    pub country: Option<u32>,
    /// Index of a generic agent.
    pub agent: Option<u32>,
    /// A capital or seat standing for the government.
    pub capital: bool,
    /// A country's people ("Malians").
    pub people: bool,
    /// A pronoun that stands for earlier mentions ("both", "they").
    pub pronoun: bool,
}

/// An actor mentioned in a sentence: a token range and who it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub who: Who,
    /// The dictionary line of the phrase that named it.
    pub line: u32,
    pub kind: EntryKind,
    /// The agent stands before the actor ("the ambassadors of Arnor"), not after it.
    pub agent_first: bool,
}

/// Finds dictionary phrases in `tokens[range]`, longest first, left to right.
pub fn chunks(
    lexicon: &Lexicon,
    tokens: &[Token],
    range: (usize, usize),
    words: &mut Vec<u32>,
    out: &mut Vec<Chunk>,
    discard: &mut Option<DiscardScope>,
) {
    out.clear();
    words.clear();
    words.extend(tokens[range.0..range.1].iter().map(|t| t.word));
    let mut prefixes = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if words[i] == 0 {
            i += 1;
            continue;
        }
        lexicon.phrases.prefixes(&words[i..], &mut prefixes);
        let found = prefixes.iter().find_map(|(len, targets)| {
            let toks = &tokens[range.0 + i..range.0 + i + len];
            best_target(targets, toks, lexicon, discard).map(|t| (*len, t))
        });
        match found {
            Some((len, t)) => {
                if t.kind != EntryKind::Discard {
                    out.push(Chunk {
                        start: range.0 + i,
                        end: range.0 + i + len,
                        kind: t.kind,
                        index: t.index,
                        line: t.line,
                    });
                }
                i += len;
            }
            None => i += 1,
        }
    }
}

fn case_ok(case: Case, toks: &[Token]) -> bool {
    match case {
        Case::Any => true,
        Case::Capitalized => toks.iter().any(|t| t.is(flag::CAPITAL)),
        Case::Upper => toks.iter().all(|t| t.is(flag::UPPER) || t.is(flag::PUNCT)),
    }
}

fn rank(kind: EntryKind) -> u8 {
    match kind {
        EntryKind::Actor => 0,
        EntryKind::CountryName => 1,
        EntryKind::CountryAdjective => 2,
        EntryKind::CountryPeople => 3,
        EntryKind::CountryCapital => 4,
        EntryKind::Agent => 5,
        EntryKind::Discard => 6,
    }
}

/// The entry a phrase stands for here: discards are noted on the side; of the rest, named actors
/// before countries before agents.
fn best_target(
    targets: &[PhraseTarget],
    toks: &[Token],
    lexicon: &Lexicon,
    discard: &mut Option<DiscardScope>,
) -> Option<PhraseTarget> {
    let ok = || targets.iter().filter(|t| case_ok(t.case, toks));
    for t in ok().filter(|t| t.kind == EntryKind::Discard) {
        let scope = lexicon.discards[t.index as usize].scope;
        // the strongest scope wins: story, then sentence, then cause
        let rank = |s: Option<DiscardScope>| match s {
            Some(DiscardScope::Story) => 3,
            Some(DiscardScope::Sentence) => 2,
            Some(DiscardScope::Cause) => 1,
            None => 0,
        };
        if rank(Some(scope)) > rank(*discard) {
            *discard = Some(scope);
        }
    }
    ok().min_by_key(|t| rank(t.kind)).copied()
}

/// Is the token a plain lower-case word that may stand between a modifier and its head
/// ("Malian *security* forces", "Mali's *chief military* ally")?
fn modifier_word(t: &Token) -> bool {
    !t.is(flag::PUNCT | flag::NUMBER | flag::VERBAL | flag::CAPITAL) && t.class == Word::Other
}

fn who_of(c: &Chunk) -> Who {
    let mut w = Who::default();
    match c.kind {
        EntryKind::Actor => w.actor = Some(c.index),
        EntryKind::CountryName | EntryKind::CountryAdjective => w.country = Some(c.index),
        EntryKind::CountryPeople => {
            w.country = Some(c.index);
            w.people = true;
        }
        EntryKind::CountryCapital => {
            w.country = Some(c.index);
            w.capital = true;
        }
        EntryKind::Agent => w.agent = Some(c.index),
        EntryKind::Discard => {}
    }
    w
}

fn is_country(c: &Chunk) -> bool {
    matches!(c.kind, EntryKind::CountryName | EntryKind::CountryAdjective)
}

/// Composes chunks into mentions.
pub fn compose(text: &str, tokens: &[Token], chunks: &[Chunk], out: &mut Vec<Mention>) {
    out.clear();
    let tok = |i: usize| -> &str { tokens.get(i).map_or("", |t| &text[t.start as usize..t.end as usize]) };
    let mut i = 0;
    while i < chunks.len() {
        let c = chunks[i];
        let mut m =
            Mention { start: c.start, end: c.end, who: who_of(&c), line: c.line, kind: c.kind, agent_first: false };
        let mut j = i + 1;
        // a title composed with a possessive: "Arnor's minister"
        let mut titled = false;
        while j < chunks.len() {
            let n = chunks[j];
            let between = &tokens[m.end..n.start];
            let gap = between.len();
            let possessive = gap >= 1 && matches!(tok(m.end), "'s" | "’s" | "'" | "’");
            // titles before an agent may be capitalised: "Dagolath's first Deputy Prime Minister"
            let title_ok = |t: &Token| {
                modifier_word(t)
                    || (n.kind == EntryKind::Agent
                        && t.is(flag::CAPITAL)
                        && t.class == Word::Other
                        && !t.is(flag::VERBAL))
            };
            // "Arnor's brave and able minister": modifiers may be joined by "and"
            let gap_words = &between[usize::from(possessive).min(gap)..];
            let coordinated = |k: usize| {
                gap_words[k].class == Word::And
                    && k > 0
                    && k + 1 < gap_words.len()
                    && modifier_word(&gap_words[k - 1])
                    && modifier_word(&gap_words[k + 1])
            };
            let plain_gap = (0..gap_words.len()).all(|k| title_ok(&gap_words[k]) || coordinated(k));
            // "al Qaeda-linked JNIM": a modifier, the head follows
            let linked = gap == 2
                && tok(m.end) == "-"
                && matches!(
                    tok(m.end + 1).to_lowercase().as_str(),
                    "linked" | "backed" | "affiliated" | "allied" | "led" | "aligned" | "inspired" | "based"
                );
            if linked {
                m = Mention {
                    start: m.start,
                    end: n.end,
                    who: who_of(&n),
                    line: n.line,
                    kind: n.kind,
                    agent_first: false,
                };
                j += 1;
                continue;
            }
            // "High Islamic Council (HCI)": an acronym in brackets names the same actor
            if gap == 1 && tok(m.end) == "(" && tok(n.end) == ")" && n.kind == m.kind && who_of(&n) == m.who {
                m.end = n.end + 1;
                j += 1;
                continue;
            }
            if gap > 4 || !plain_gap {
                // "troops of Mali", "leaders of JNIM", "fighters from ISWAP"
                let of = gap == 1 || (gap == 2 && tokens[m.end + 1].class == Word::Det);
                // "protesters in Bamako", "activists in Arnor": people of that place
                let of = of && matches!(tok(m.end).to_lowercase().as_str(), "of" | "from" | "in");
                let in_country = tok(m.end).eq_ignore_ascii_case("in");
                if of
                    && (!in_country || n.kind != EntryKind::Actor || gap == 1)
                    && m.who.actor.is_none()
                    && m.who.country.is_none()
                    && m.who.agent.is_some()
                    && (is_country(&n) || n.kind == EntryKind::Actor)
                {
                    let agent = m.who.agent;
                    m = Mention {
                        start: m.start,
                        end: n.end,
                        who: who_of(&n),
                        line: n.line,
                        kind: n.kind,
                        agent_first: false,
                    };
                    m.who.agent = agent;
                    m.agent_first = true;
                    j += 1;
                    continue;
                }
                break;
            }
            match (m.who.actor.is_some(), n.kind) {
                // "French President Emmanuel Macron", "Mali's chief military ally France"
                // "Arnor's prime minister Tarannon": a country's title names the office, whoever
                // holds it (and whatever else the dictionaries say of the person)
                (_, EntryKind::Actor) if titled && gap == 0 => m.end = n.end,
                (_, EntryKind::Actor) | (_, EntryKind::CountryName)
                    if m.who.actor.is_none() || n.kind == EntryKind::Actor =>
                {
                    // the title before a named person stays: "Bree Prime Minister Romendacil"
                    let title = if n.kind == EntryKind::Actor { m.who.agent } else { None };
                    m = Mention {
                        start: m.start,
                        end: n.end,
                        who: who_of(&n),
                        line: n.line,
                        kind: n.kind,
                        agent_first: false,
                    };
                    m.who.agent = title;
                }
                // "Malian troops", "Mali's army"
                (false, EntryKind::Agent) if m.who.agent.is_none() && m.who.country.is_some() => {
                    titled = possessive;
                    m.who.agent = Some(n.index);
                    m.who.capital = false;
                    m.who.people = false;
                    m.end = n.end;
                }
                // "JNIM militants", "HCI official": the organisation is who acts (with the agent's
                // role where the actor takes one: "the Arnor government")
                (true, EntryKind::Agent) if m.who.agent.is_none() => {
                    titled = possessive;
                    m.end = n.end;
                    m.who.agent = Some(n.index);
                }
                _ => break,
            }
            j += 1;
        }
        out.push(m);
        i = j;
    }
    share_agents(text, tokens, out);
    share_country(tokens, out);
}

/// Whether two mentions are members of one compound: "Mali and Niger", "Arnor, Calenardhon and the
/// evil awful Gondor" (an "and" or a comma, determiners and plain modifiers between them).
pub fn joined(text: &str, tokens: &[Token], x: &Mention, y: &Mention) -> bool {
    let between = &tokens[x.end..y.start.max(x.end)];
    let is_comma = |t: &Token| &text[t.start as usize..t.end as usize] == ",";
    let possessive =
        |t: &Token| matches!(&text[t.start as usize..t.end as usize], "'s" | "\u{2019}s" | "'" | "\u{2019}");
    !between.is_empty()
        && between.len() <= 5
        && !between.iter().any(possessive)
        && between.iter().any(|t| t.class == Word::And || is_comma(t))
        && between.iter().all(|t| matches!(t.class, Word::And | Word::Det) || is_comma(t) || modifier_word(t))
}

/// Adds subject pronouns that stand for earlier actors ("Both are targeted by ...", "They
/// said ...", "it would withdraw") as mentions, in text order.
pub fn add_pronouns(text: &str, tokens: &[Token], range: (usize, usize), out: &mut Vec<Mention>) {
    for i in range.0..range.1 {
        let t = &tokens[i];
        let word = &text[t.start as usize..t.end as usize];
        let subject = matches!(word.to_ascii_lowercase().as_str(), "he" | "she" | "they" | "both" | "it");
        let next_is_verb = tokens.get(i + 1).is_some_and(|n| n.is(flag::VERBAL) || n.class.in_verb_group());
        if !subject || !next_is_verb || out.iter().any(|m| m.start <= i && i < m.end) {
            continue;
        }
        let who = Who { pronoun: true, ..Who::default() };
        let at = out.partition_point(|m| m.start < i);
        out.insert(at, Mention { start: i, end: i + 1, who, line: 0, kind: EntryKind::Agent, agent_first: false });
    }
}

/// The earlier actors a pronoun stands for: a subject earlier in the same sentence ("the
/// government said it had asked"), else the subjects of the previous sentence ("both": two).
pub fn antecedents<'m>(
    pronoun: &Mention,
    text: &str,
    tokens: &[Token],
    same: &'m [Mention],
    previous: &'m [Mention],
) -> Vec<&'m Mention> {
    let word = &text[tokens[pronoun.start].start as usize..tokens[pronoun.start].end as usize];
    let want = if word.eq_ignore_ascii_case("both") { 2 } else { 1 };
    // "Nigeria today announced": a word of time may stand between a subject and its verb
    let verbal = |t: &Token| t.is(flag::VERBAL) || t.class.in_verb_group();
    let is_subject = |m: &&Mention| {
        tokens.get(m.end).is_some_and(|n| {
            let timely =
                matches!(&text[n.start as usize..n.end as usize], "today" | "yesterday" | "tonight" | "now" | "then");
            verbal(n) || (timely && tokens.get(m.end + 1).is_some_and(verbal))
        })
    };
    let real = |m: &&Mention| !m.who.pronoun;
    if want == 1 {
        if let Some(m) = same.iter().filter(|m| m.end <= pronoun.start).filter(real).find(is_subject) {
            return vec![m];
        }
    }
    let mut found: Vec<&Mention> = previous.iter().filter(real).filter(is_subject).take(want).collect();
    if found.len() < want {
        found = previous.iter().filter(real).take(want).collect();
    }
    found
}

/// "Danish media and government", "Malian soldiers and police": the country of the first agent
/// belongs to the agents joined to it.
fn share_country(tokens: &[Token], mentions: &mut [Mention]) {
    for k in 1..mentions.len() {
        let (a, b) = (mentions[k - 1], mentions[k]);
        let bare_agent = b.who.agent.is_some() && b.who.country.is_none() && b.who.actor.is_none() && !b.who.pronoun;
        let between = &tokens[a.end..b.start.max(a.end)];
        let and = between.len() == 1 && between[0].class == Word::And;
        if bare_agent && and && a.who.country.is_some() && a.who.agent.is_some() && a.who.actor.is_none() {
            mentions[k].who.country = a.who.country;
        }
    }
}

/// In a compound, an agent after the last member ("Hungarian and Romanian officials") or before the
/// first ("the ambassadors of Arnor, Osgiliath and Gondor") belongs to every member.
fn share_agents(text: &str, tokens: &[Token], mentions: &mut [Mention]) {
    let mut a = 0;
    while a < mentions.len() {
        let mut b = a;
        while b + 1 < mentions.len() && joined(text, tokens, &mentions[b], &mentions[b + 1]) {
            b += 1;
        }
        if b > a {
            let countryish = |m: &Mention| m.who.country.is_some() || m.who.actor.is_some();
            let (first, last) = (mentions[a], mentions[b]);
            let from = if last.who.agent.is_some() && !last.agent_first {
                Some(last.who.agent)
            } else if first.who.agent.is_some() && first.agent_first {
                Some(first.who.agent)
            } else {
                None
            };
            if let Some(agent) = from {
                for m in &mut mentions[a..=b] {
                    if m.who.agent.is_none() && countryish(m) && !m.who.capital && !m.who.people {
                        m.who.agent = agent;
                    }
                }
            }
        }
        a = b + 1;
    }
}
