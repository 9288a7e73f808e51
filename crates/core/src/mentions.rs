//! Stage 2, lexicon and mentions: dictionary phrases found in a sentence, then composed into actor
//! mentions ("Malian" + "troops" -> Mali's military; "leaders of" + "JNIM" -> JNIM; "French President
//! Emmanuel Macron" -> Macron).

use crate::grammar::{Grammar, Word};
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
    grammar: &Grammar,
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
    country_forces(lexicon, grammar, tokens, range, out);
    former_office(lexicon, grammar, tokens, range, out);
    anti_weapons(lexicon, grammar, tokens, out);
}

/// The vocabulary id of the grammar table's word for `key` (0: the language has none).
fn word_of(lexicon: &Lexicon, grammar: &Grammar, key: &str) -> u32 {
    grammar.list(key).first().map_or(0, |w| lexicon.vocab.get(w))
}

/// The agent the grammar table's phrase for `key` names (words joined by `_`), if the lexicon
/// has it.
fn agent_of_key(lexicon: &Lexicon, grammar: &Grammar, key: &str) -> Option<PhraseTarget> {
    agent_named(lexicon, &grammar.list(key).first()?.replace('_', " "))
}

/// "anti-aircraft guns", "anti-tank mines": the military agent after "anti-" (the grammar's
/// `weapon_prefix`) is a weapon's use.
fn anti_weapons(lexicon: &Lexicon, grammar: &Grammar, tokens: &[Token], out: &mut Vec<Chunk>) {
    let anti = word_of(lexicon, grammar, "weapon_prefix");
    if anti == 0 {
        return;
    }
    out.retain(|c| {
        let military = c.kind == EntryKind::Agent && lexicon.agents[c.index as usize].role == "MIL";
        !(military && c.start >= 2 && tokens[c.start - 1].is(flag::PUNCT) && tokens[c.start - 2].word == anti)
    });
}

/// "former Socialist prime minister", "former Defence Minister": an office held before, with
/// words between "former" and the title, is an elite (ELI) like "former president". The words are
/// the grammar's `former_word`, `ex_word` and `former_agent` (the elite's dictionary phrase).
fn former_office(lexicon: &Lexicon, grammar: &Grammar, tokens: &[Token], range: (usize, usize), out: &mut [Chunk]) {
    let (former, ex) = (word_of(lexicon, grammar, "former_word"), word_of(lexicon, grammar, "ex_word"));
    if former == 0 {
        return;
    }
    let Some(elite) = agent_of_key(lexicon, grammar, "former_agent") else { return };
    for k in 0..out.len() {
        let c = out[k];
        let office = c.kind == EntryKind::Agent
            && c.index != elite.index
            && matches!(lexicon.agents[c.index as usize].sector.as_deref(), Some("GOV" | "LEG" | "JUD"));
        let floor = if k > 0 { out[k - 1].end } else { range.0 }.max(c.start.saturating_sub(4));
        let word = |t: &Token| t.class == Word::Other && !t.is(flag::PUNCT | flag::NUMBER | flag::VERBAL);
        let mut i = c.start;
        while office && i > floor && word(&tokens[i - 1]) && tokens[i - 1].word != former {
            i -= 1;
        }
        // "ex-minister" is a phrase of its own; "ex-defence minister" is not
        let ex_hyphen = i >= floor + 2 && tokens[i - 1].is(flag::PUNCT) && tokens[i - 2].word == ex && ex != 0;
        let at = if ex_hyphen { i - 2 } else { i.wrapping_sub(1) };
        if office && i > floor && (ex_hyphen || tokens[i - 1].word == former) {
            out[k] = Chunk { start: at, index: elite.index, line: elite.line, ..c };
        }
    }
}

/// The agent a dictionary phrase names ("armed forces"), if the lexicon has it.
fn agent_named(lexicon: &Lexicon, phrase: &str) -> Option<PhraseTarget> {
    let words: Vec<u32> = phrase.split(' ').map(|w| lexicon.vocab.get(w)).collect();
    if words.contains(&0) {
        return None;
    }
    let mut prefixes = Vec::new();
    lexicon.phrases.prefixes(&words, &mut prefixes);
    let (_, targets) = prefixes.into_iter().find(|(len, _)| *len == words.len())?;
    targets.iter().find(|t| t.kind == EntryKind::Agent).copied()
}

/// "Malian forces", "Danish-led forces", "US forces in Iraq": "forces" is no agent of its own (it is
/// also a verb: "forces them to flee"), but after a country it is that country's military. A
/// country's name qualifies only where "forces" cannot be its verb (a verb, a preposition or the end
/// follows, not an object). The words are the grammar's `forces_word`, `forces_agent` (the
/// military's dictionary phrase) and `led_word`.
fn country_forces(lexicon: &Lexicon, grammar: &Grammar, tokens: &[Token], range: (usize, usize), out: &mut Vec<Chunk>) {
    let forces = word_of(lexicon, grammar, "forces_word");
    if forces == 0 || !tokens[range.0..range.1].iter().any(|t| t.word == forces) {
        return;
    }
    let Some(agent) = agent_of_key(lexicon, grammar, "forces_agent") else { return };
    let led = word_of(lexicon, grammar, "led_word");
    let mut added = Vec::new();
    for (k, c) in out.iter().enumerate() {
        let adjective = c.kind == EntryKind::CountryAdjective;
        if !adjective && c.kind != EntryKind::CountryName {
            continue;
        }
        // "Danish-led forces"; "Ethiopian federal forces"
        let mut i = c.end;
        if adjective && i + 2 < range.1 && tokens[i + 1].word == led && tokens[i].is(flag::PUNCT) {
            i += 2;
        }
        while adjective && i < range.1 && i < c.end + 2 && modifier_word(&tokens[i]) && tokens[i].word != forces {
            i += 1;
        }
        let taken = out.get(k + 1).is_some_and(|n| n.start <= i);
        if i >= range.1 || tokens[i].word != forces || taken {
            continue;
        }
        let after = tokens.get(i + 1).filter(|_| i + 1 < range.1);
        let no_object = after.is_none_or(|t| {
            t.is(flag::PUNCT | flag::VERBAL)
                || t.class.in_verb_group()
                || matches!(t.class, Word::Locative | Word::Preposition | Word::And | Word::Relative | Word::Of)
        });
        if adjective || no_object {
            added.push(Chunk { start: i, end: i + 1, kind: EntryKind::Agent, index: agent.index, line: agent.line });
        }
    }
    for c in added {
        let at = out.partition_point(|x| x.start < c.start);
        out.insert(at, c);
    }
}

fn case_ok(case: Case, toks: &[Token]) -> bool {
    match case {
        Case::Any => true,
        // (with no case to go by, a name of several words is one as written: "united states")
        Case::Capitalized => {
            toks.iter().any(|t| t.is(flag::CAPITAL)) || (toks.len() > 1 && toks[0].is(flag::CASE_BLIND))
        }
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
        // the strongest scope wins: story, then sentence, then a weapon (which cancels a cause)
        let rank = |s: Option<DiscardScope>| match s {
            Some(DiscardScope::Story) => 4,
            Some(DiscardScope::Sentence) => 3,
            Some(DiscardScope::Weapon) => 2,
            Some(DiscardScope::Cause) => 1,
            Some(DiscardScope::Name) | None => 0,
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

/// A mention from `m`'s start to the end of `n`, named by `n` (its entry, line and kind) as `who`.
fn reaching(m: &Mention, n: &Chunk, who: Who) -> Mention {
    Mention { start: m.start, end: n.end, who, line: n.line, kind: n.kind, agent_first: false }
}

/// An agent of the country or actor named next ("troops of Mali", "soldats maliens"): the
/// mention reaches over it, keeps the agent's role and takes the other's country or actor.
fn agent_of(m: &Mention, n: &Chunk) -> Mention {
    let mut joined = reaching(m, n, who_of(n));
    joined.who.agent = m.who.agent;
    joined.agent_first = true;
    joined
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
/// Composes a sentence's chunks into mentions. The words the constructions turn on are the
/// grammar table's: `attitude_against`/`attitude_for` ("anti-", "pro-"), `settlement_plural`,
/// `possessive_mark`, `affiliation` ("-linked", "-backed"), `led_word`, `person_of` and
/// `people_of`/`people_in` ("troops of Mali", "protesters in Bamako").
pub fn compose(text: &str, tokens: &[Token], chunks: &[Chunk], grammar: &Grammar, out: &mut Vec<Mention>) {
    out.clear();
    let cal = grammar.calendar();
    let tok = |i: usize| -> &str { tokens.get(i).map_or("", |t| &text[t.start as usize..t.end as usize]) };
    let is = |key: &str, i: usize| tokens.get(i).is_some_and(|t| grammar.has_token(key, t));
    let mut i = 0;
    while i < chunks.len() {
        let c = chunks[i];
        let mut m =
            Mention { start: c.start, end: c.end, who: who_of(&c), line: c.line, kind: c.kind, agent_first: false };
        // "an anti-Syrian rally" is against Syria (a party), but an "anti-Syrian journalist" is no
        // Syrian: what follows "anti-" or "pro-" stays a mention of its own
        if attitude(grammar, text, tokens, &c) {
            out.push(m);
            i += 1;
            continue;
        }
        m.end = after_name(text, tokens, &c, chunks.get(i + 1), cal);
        if c.kind == EntryKind::CountryAdjective && is("settlement_plural", c.end) {
            // "Lebanese villages were shelled": the country's civilians
            m.who.people = true;
            m.end = c.end + 1;
        }
        let mut j = i + 1;
        // a title composed with a possessive: "Arnor's minister"
        let mut titled = false;
        while j < chunks.len() {
            let n = chunks[j];
            let between = &tokens[m.end..n.start];
            let gap = between.len();
            let possessive = gap >= 1 && is("possessive_mark", m.end);
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
            // "Boko Haram attack military forces": a verb of headlines in the present is no modifier
            let verb_gap = (m.end..n.start).any(|k| is("headline_verb", k));
            let plain_gap = !verb_gap && (0..gap_words.len()).all(|k| title_ok(&gap_words[k]) || coordinated(k));
            // "al Qaeda-linked JNIM": a modifier, the head follows
            let linked = gap == 2 && tok(m.end) == "-" && is("affiliation", m.end + 1);
            // "Danish-led forces": the country's own forces
            let led_agent = linked
                && is("led_word", m.end + 1)
                && n.kind == EntryKind::Agent
                && m.who.actor.is_none()
                && m.who.agent.is_none()
                && m.who.country.is_some();
            if led_agent {
                m.who.agent = Some(n.index);
                m.end = n.end;
                j += 1;
                continue;
            }
            if linked {
                m = reaching(&m, &n, who_of(&n));
                j += 1;
                continue;
            }
            // "High Islamic Council (HCI)": an acronym in brackets names the same actor
            if gap == 1 && tok(m.end) == "(" && tok(n.end) == ")" && n.kind == m.kind && who_of(&n) == m.who {
                m.end = n.end + 1;
                j += 1;
                continue;
            }
            // "King Hassan of Morocco": a named person of a country is the person
            let person_of = gap == 1
                && is("person_of", m.end)
                && m.who.actor.is_some()
                && m.who.agent.is_none()
                && n.kind == EntryKind::CountryName;
            if person_of {
                m.end = n.end;
                j += 1;
                continue;
            }
            // "soldats maliens", "l'armée malienne": the adjective after the agent (French order)
            let adjective_after = gap == 0
                && n.kind == EntryKind::CountryAdjective
                && m.who.agent.is_some()
                && m.who.actor.is_none()
                && m.who.country.is_none();
            if adjective_after {
                m = agent_of(&m, &n);
                j += 1;
                continue;
            }
            // "Dogon militiamen", "Fulani herdsmen": of two agents side by side, the second is the
            // head (a people's name, then what its members are)
            let agent_head = gap == 0
                && n.kind == EntryKind::Agent
                && m.kind == EntryKind::Agent
                && m.who.actor.is_none()
                && m.who.country.is_none();
            if agent_head {
                m = reaching(&m, &n, who_of(&n));
                j += 1;
                continue;
            }
            if gap > 4 || !plain_gap {
                // "troops of Mali", "leaders of JNIM", "fighters from ISWAP"
                let of = gap == 1 || (gap == 2 && tokens[m.end + 1].class == Word::Det);
                // "protesters in Bamako", "activists in Arnor": people of that place
                let of = of && (is("people_of", m.end) || tokens[m.end].class == Word::Of);
                let in_country = is("people_in", m.end);
                if of
                    && (!in_country || n.kind != EntryKind::Actor || gap == 1)
                    && m.who.actor.is_none()
                    && m.who.country.is_none()
                    && m.who.agent.is_some()
                    && (is_country(&n) || n.kind == EntryKind::Actor)
                {
                    m = agent_of(&m, &n);
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
                    m = reaching(&m, &n, who_of(&n));
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
    share_agents(grammar, text, tokens, out);
    share_country(tokens, out);
}

/// "anti-Syrian", "pro-Iranian", "anti-government": a party one is for or against, not whose the
/// actor named next is.
fn attitude(grammar: &Grammar, text: &str, tokens: &[Token], c: &Chunk) -> bool {
    let tok = |i: usize| -> &str { tokens.get(i).map_or("", |t| &text[t.start as usize..t.end as usize]) };
    if c.start < 2 || tok(c.start - 1) != "-" {
        return false;
    }
    let word = tok(c.start - 2);
    grammar.has("attitude_against", word) || (grammar.has("attitude_for", word) && c.kind != EntryKind::Agent)
}

/// Where a title's mention ends: "President Joao Silva", "King Hassan of Morocco" take the name of a
/// person no dictionary knows (one to three capitalised words right after the title), so that the
/// mention is the person and stands as the subject of what follows.
fn after_name(text: &str, tokens: &[Token], c: &Chunk, next: Option<&Chunk>, cal: &crate::dates::Calendar) -> usize {
    if c.kind != EntryKind::Agent || c.end - c.start > 3 {
        return c.end;
    }
    let limit = next.map_or(tokens.len(), |n| n.start).min(c.end + 3);
    let name = |t: &Token| {
        t.is(flag::CAPITAL)
            && t.class == Word::Other
            && !t.is(flag::PUNCT | flag::NUMBER | flag::VERBAL)
            && !cal.is_full_name(&text[t.start as usize..t.end as usize])
    };
    let mut end = c.end;
    while end < limit && name(&tokens[end]) {
        end += 1;
    }
    // a name ends where a plain word begins, not inside a longer capitalised phrase
    let closed = tokens.get(end).is_none_or(|t| !t.is(flag::CAPITAL) || t.is(flag::PUNCT));
    if closed {
        end
    } else {
        c.end
    }
}

/// Whether two mentions are members of one compound: "Mali and Niger", "Arnor, Calenardhon and the
/// evil awful Gondor" (an "and" or a comma, determiners and plain modifiers between them).
pub fn joined(grammar: &Grammar, text: &str, tokens: &[Token], x: &Mention, y: &Mention) -> bool {
    let between = &tokens[x.end..y.start.max(x.end)];
    let is_comma = |t: &Token| &text[t.start as usize..t.end as usize] == ",";
    let possessive = |t: &Token| grammar.has_token("possessive_mark", t);
    !between.is_empty()
        && between.len() <= 5
        && !between.iter().any(possessive)
        && between.iter().any(|t| t.class == Word::And || is_comma(t))
        && between.iter().all(|t| matches!(t.class, Word::And | Word::Det) || is_comma(t) || modifier_word(t))
}

/// Adds subject pronouns that stand for earlier actors ("Both are targeted by ...", "They
/// said ...", "it would withdraw") as mentions, in text order.
///
/// The pronouns are the grammar table's `subject_pronoun` words.
pub fn add_pronouns(grammar: &Grammar, text: &str, tokens: &[Token], range: (usize, usize), out: &mut Vec<Mention>) {
    let pronouns = grammar.list("subject_pronoun");
    for i in range.0..range.1 {
        let t = &tokens[i];
        let next_is_verb = tokens.get(i + 1).is_some_and(|n| n.is(flag::VERBAL) || n.class.in_verb_group());
        if !next_is_verb {
            continue;
        }
        let word = &text[t.start as usize..t.end as usize];
        let subject = pronouns.iter().any(|p| p.eq_ignore_ascii_case(word));
        if !subject || out.iter().any(|m| m.start <= i && i < m.end) {
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
    grammar: &Grammar,
    pronoun: &Mention,
    text: &str,
    tokens: &[Token],
    same: &'m [Mention],
    previous: &'m [Mention],
) -> Vec<&'m Mention> {
    let word = &text[tokens[pronoun.start].start as usize..tokens[pronoun.start].end as usize];
    let want = if grammar.has("pronoun_two", word) { 2 } else { 1 };
    // "Nigeria today announced": a word of time may stand between a subject and its verb
    let verbal = |t: &Token| t.is(flag::VERBAL) || t.class.in_verb_group();
    let is_subject = |m: &&Mention| {
        tokens.get(m.end).is_some_and(|n| {
            let timely = grammar.has_exactly("time_adverb", &text[n.start as usize..n.end as usize]);
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
fn share_agents(grammar: &Grammar, text: &str, tokens: &[Token], mentions: &mut [Mention]) {
    let mut a = 0;
    while a < mentions.len() {
        let mut b = a;
        while b + 1 < mentions.len() && joined(grammar, text, tokens, &mentions[b], &mentions[b + 1]) {
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
