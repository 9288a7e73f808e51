//! Stages 3 and 4, clauses and coding: each pattern head in a sentence is tried against its
//! patterns; the verb group around it gives voice and negation; the subject, the object, the agent
//! of a passive and the pattern's slots give source and target.

use crate::grammar::{Grammar, Word};
use crate::mentions::Mention;
use crate::text::{flag, Token};
use palaver_lexicon::{EntryKind, Lexicon, Pattern, PatternElem, WordId};

/// A 512-bit signature of a set of word ids: a pattern's own words, or every form, lemma and
/// second lemma of a sentence. A pattern whose words are not all in a sentence's signature
/// cannot match there, and is not tried: most of a common verb's patterns name words ("said it
/// would attack", "meet with") that the sentence does not have.
#[derive(Clone, Copy, Debug, Default)]
pub struct WordSet([u64; 8]);

impl WordSet {
    fn insert(&mut self, w: WordId) {
        if w != 0 {
            let bit = (w.wrapping_mul(0x9E37_79B1) >> 23) as usize;
            self.0[bit >> 6] |= 1 << (bit & 63);
        }
    }

    /// Whether every word of `other` may be in this set (it may, by collision, when it is not).
    fn covers(&self, other: &WordSet) -> bool {
        self.0.iter().zip(&other.0).all(|(a, b)| a & b == *b)
    }

    /// The words every match of each pattern of a lexicon needs, by pattern index.
    fn of_patterns(lexicon: &Lexicon) -> Vec<WordSet> {
        let words = |p: &Pattern| {
            let mut set = WordSet::default();
            for e in p.before.iter().chain(&p.elems) {
                if let PatternElem::Word(w) = e {
                    set.insert(*w);
                }
            }
            set
        };
        lexicon.patterns.iter().map(words).collect()
    }
}

/// Each head lemma's patterns side by side with the words each needs, in the lexicon's order: a
/// common verb has hundreds of patterns and most are passed over on their signature alone, so
/// the signatures are read in one sequential run rather than one pattern record at a time.
#[derive(Debug, Default)]
pub struct PatternIndex {
    by_head: rustc_hash::FxHashMap<WordId, Vec<(u32, WordSet)>>,
}

impl PatternIndex {
    /// The index of a lexicon's patterns.
    pub fn of_lexicon(lexicon: &Lexicon) -> Self {
        let words = WordSet::of_patterns(lexicon);
        let mut by_head = rustc_hash::FxHashMap::default();
        for pattern in &lexicon.patterns {
            by_head.entry(pattern.head).or_insert_with(|| {
                lexicon.patterns_for(pattern.head).iter().map(|&p| (p, words[p as usize])).collect::<Vec<_>>()
            });
        }
        PatternIndex { by_head }
    }

    /// A head lemma's patterns with their signatures.
    fn for_head(&self, lemma: WordId) -> &[(u32, WordSet)] {
        self.by_head.get(&lemma).map_or(&[], Vec::as_slice)
    }
}

/// An event found in a sentence, before it is resolved into a record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Coded {
    /// Index of the pattern that fired.
    pub pattern: u32,
    /// Index of the CAMEO code: the pattern's, or a threat where a refusal is conditional.
    pub code: u32,
    /// Token range of the verb phrase (head to last pattern word).
    pub verb: (usize, usize),
    /// Mention indices (into the sentence's mentions).
    pub source: Option<usize>,
    pub target: Option<usize>,
    /// The verb group is negated and the pattern does not expect it.
    pub negated: bool,
    /// The event is said by someone else (index of the speaker's mention), set by [`attribute`].
    pub speaker: Option<usize>,
    /// The subject is an agreement named before ("the deal broke down"): the parties are those of
    /// the article's last agreement.
    pub agreement: bool,
    /// The target is a plan or move ("the approach is opposed by France", "criticised the
    /// move"): its author, an actor of the article's events before, is the target.
    pub plan_target: bool,
    /// A statement kept only for attribution; never an event of its own.
    pub speech_only: bool,
    /// The verb group says "must" or "should": reported, it is the speaker's demand.
    pub must: bool,
}

/// What a sentence offers the coder.
pub struct Sentence<'a> {
    pub text: &'a str,
    /// All the article's tokens.
    pub tokens: &'a [Token],
    /// This sentence's token range.
    pub range: (usize, usize),
    pub mentions: &'a [Mention],
}

struct Slots {
    end: usize,
    verb_end: usize,
    /// Where the words a pattern puts before its head begin (the head itself when there are none).
    begin: usize,
    /// Where the verb's own words begin: the head, or the words glued before it ("wire tap").
    verb_start: usize,
    source: Option<usize>,
    target: Option<usize>,
}

/// How far a target may be looked for after the verb phrase.
const TARGET_REACH: usize = 12;
/// How far `*` reaches.
const GAP: usize = 4;
/// How far a PETRARCH pattern's next word may be.
const SKIP: usize = 10;

/// The coder for one sentence: lexicon, grammar, the sentence and what has been coded so far.
pub struct Coder<'a> {
    pub lexicon: &'a Lexicon,
    pub grammar: &'a Grammar,
    pub s: Sentence<'a>,
    /// The patterns by head with the words each needs, and the sentence's words.
    patterns: &'a PatternIndex,
    words: WordSet,
    /// Mention index covering each token of the sentence (`usize::MAX` for none).
    cover: Vec<usize>,
    consumed: Vec<bool>,
    /// PETRARCH's habit: with no other object, a place ("criticized the closure ... in Bree") is the target.
    pub locative_targets: bool,
    /// Code violence or a protest with no actor at all ("An IED exploded near Gao.", "Pensioners
    /// protest over unpaid benefits."), for a later stage to give it an implied author. Only for
    /// sentences that name no one.
    pub actorless_violence: bool,
    /// Whether the article has told of no violence before this sentence: then "The attack on
    /// the market left five dead" opening a sentence reports violence, and refers to none.
    pub no_violence_before: bool,
}

impl<'a> Coder<'a> {
    pub fn new(lexicon: &'a Lexicon, grammar: &'a Grammar, patterns: &'a PatternIndex, s: Sentence<'a>) -> Self {
        let n = s.range.1 - s.range.0;
        let mut words = WordSet::default();
        for t in &s.tokens[s.range.0..s.range.1] {
            words.insert(t.word);
            words.insert(t.lemma);
            words.insert(t.alt);
        }
        let mut cover = vec![usize::MAX; n];
        for (k, m) in s.mentions.iter().enumerate() {
            for c in &mut cover[m.start - s.range.0..m.end - s.range.0] {
                *c = k;
            }
        }
        Coder {
            lexicon,
            grammar,
            s,
            patterns,
            words,
            cover,
            consumed: vec![false; n],
            locative_targets: false,
            actorless_violence: false,
            no_violence_before: false,
        }
    }

    /// Sets aside the comma-delimited clauses that `limits` says to delete (PETRARCH's comma_*
    /// options): nothing in them is coded and no actor in them takes part.
    pub fn delete_comma_clauses(&mut self, limits: &CommaLimits) {
        let (a, b) = self.s.range;
        let commas: Vec<usize> = (a..b).filter(|&i| self.raw(i) == ",").collect();
        let Some((&first, &last)) = commas.first().zip(commas.last()) else { return };
        let words = |from: usize, to: usize| (from..to).filter(|&i| !self.tok(i).is(flag::PUNCT)).count();
        let within = |n: usize, lo: usize, hi: usize| hi > 0 && lo <= n && n <= hi;
        let mut ranges = Vec::new();
        if within(words(a, first), limits.bmin, limits.bmax) {
            ranges.push((a, first + 1));
        }
        for pair in commas.windows(2) {
            if within(words(pair[0] + 1, pair[1]), limits.min, limits.max) {
                ranges.push((pair[0], pair[1]));
            }
        }
        let end = if b > a && matches!(self.raw(b - 1), "." | "!" | "?") { b - 1 } else { b };
        if within(words(last + 1, end), limits.emin, limits.emax) {
            ranges.push((last, end));
        }
        for (from, to) in ranges {
            for i in from..to {
                self.consumed[i - a] = true;
                self.cover[i - a] = usize::MAX;
            }
        }
    }

    fn tok(&self, i: usize) -> &Token {
        &self.s.tokens[i]
    }

    fn raw(&self, i: usize) -> &str {
        let t = self.tok(i);
        &self.s.text[t.start as usize..t.end as usize]
    }

    fn mention_at(&self, i: usize) -> Option<usize> {
        let k = *self.cover.get(i.wrapping_sub(self.s.range.0))?;
        (k != usize::MAX).then_some(k)
    }

    fn is_consumed(&self, i: usize) -> bool {
        self.consumed[i - self.s.range.0]
    }

    /// Codes every head in the sentence, left to right.
    pub fn code(&mut self, out: &mut Vec<Coded>) {
        let (a, b) = self.s.range;
        for h in a..b {
            let t = self.tok(h);
            if self.is_consumed(h)
                || self.mention_at(h).is_some()
                || !(self.lexicon.is_head(t.lemma) || self.lexicon.is_head(t.alt))
            {
                continue;
            }
            // a capitalised head inside a sentence is part of a name ("Support Group", "Oxygen Tank"),
            // but an acronym is a word ("an IED exploded")
            let acronym = self.raw(h).chars().filter(char::is_ascii_alphabetic).all(|c| c.is_ascii_uppercase())
                || self
                    .raw(h)
                    .strip_suffix('s')
                    .is_some_and(|r| r.len() > 1 && r.chars().all(|c| c.is_ascii_uppercase()));
            if h > a && self.tok(h).is(flag::CAPITAL) && !self.tok(h - 1).is(flag::PUNCT) && !acronym {
                continue;
            }
            // (in text with no case, a month is known by its context: "signed in march")
            if self.tok(h).is(flag::CASE_BLIND) && self.is_month_name(h) {
                continue;
            }
            // "Israeli-occupied", "state-owned": a participle glued to the word before is an adjective
            let glued = h > a + 1 && self.raw(h - 1) == "-" && self.glued(h - 2, h - 1) && self.glued(h - 1, h);
            if glued && self.vocab_participle(h) {
                continue;
            }
            self.code_head(h, out);
        }
    }

    /// Whether two tokens touch, with no space between them.
    fn glued(&self, x: usize, y: usize) -> bool {
        self.tok(x).end == self.tok(y).start
    }

    fn code_head(&mut self, h: usize, out: &mut Vec<Coded>) {
        let head_group = self.verb_group(h);
        let t = self.tok(h);
        let heads = [t.lemma, t.alt];
        let index = self.patterns;
        let patterns = heads.iter().filter(|&&l| l != 0).flat_map(|&l| index.for_head(l));
        let noun = self.after_article(h);
        for &(p, ref needs) in patterns {
            // (the signature first: it is at hand, the pattern's record is not)
            if !self.words.covers(needs) {
                continue;
            }
            let pattern = &self.lexicon.patterns[p as usize];
            if pattern.negated && !head_group.negated && pattern.before.is_empty() || pattern.verb_only && noun {
                continue;
            }
            let Some(slots) = self.match_pattern(pattern, h) else {
                continue;
            };
            // "will not wire tap": the verb group stands before the verb's own words
            let group = if slots.verb_start < h { self.verb_group(slots.verb_start) } else { self.verb_group(h) };
            if pattern.negated && !group.negated {
                continue;
            }
            for c in &mut self.consumed[h - self.s.range.0..slots.verb_end - self.s.range.0] {
                *c = true;
            }
            // a pattern that names an earlier verb as its context ("INDICATED SHOULD *") codes that
            // verb's event itself: the earlier, plainer event gives way
            if slots.begin < h {
                out.retain(|e| !(slots.begin <= e.verb.0 && e.verb.0 < h && !e.speech_only));
            }
            let cooperative = self.lexicon.cameo[pattern.code as usize].quad_class <= 2;
            let (source, target) = self.parties(h, &group, &slots, out, cooperative);
            let anaphor = source.is_none() && target.is_none() && self.agreement_subject(group.start);
            // an event needs an actor; a bare statement ("police said") needs someone it is about
            let statement = self.lexicon.cameo[pattern.code as usize].code == "010";
            // (a verb, or a noun with words of its own: "an IED exploded"; not "after the attack")
            let reported = !self.refers_back(h) || pattern.elems.iter().any(|e| matches!(e, PatternElem::Word(_)));
            // ("March 2018.": a month's name is no verb)
            let actorless = self.actorless_violence
                && reported
                && !self.grammar.calendar().is_date_word(self.raw(h))
                && crate::perpetrators::stands_alone(&self.lexicon.cameo[pattern.code as usize].root);
            if !anaphor && !actorless && (source.is_none() && target.is_none() || statement && target.is_none()) {
                if statement && source.is_some() {
                    out.push(self.speech_only(p, h, slots.verb_end, source));
                }
                return;
            }
            if self.lexicon.cameo[pattern.code as usize].code == "---" {
                return;
            }
            let conditional = self.conditional_refusal(pattern, &group, slots.end);
            // "Putin will meet Merkel", "NATO would tighten the blockade": an act said to come is
            // its intent or threat
            // ("will not meet": a cooperative act said not to come is its refusal)
            let intent = (conditional.is_none() && group.modal && !pattern.negated)
                .then(|| match group.negated {
                    false => self.lexicon.intent_of(pattern.code),
                    true => self.lexicon.refusal_of(pattern.code),
                })
                .flatten();
            let code_index = conditional.or(intent).unwrap_or(pattern.code);
            let code = &self.lexicon.cameo[code_index as usize];
            let reciprocal = matches!(code.root.as_str(), "03" | "04" | "05" | "06") || code.code == "190";
            let compound_only = target.is_none() && source.is_some_and(|m| self.group(m).len() > 1);
            let mut pairs = self.pairs(
                source,
                target,
                reciprocal || ((pattern.paired.is_some() || pattern.compound) && compound_only),
            );
            // "relations between Mali and France, which first intervened in 2013": a relative
            // clause after a comma speaks of the nearest member of a compound only
            if let Some(m) = source.filter(|&m| self.relative_antecedent(m, group.start)) {
                pairs.retain(|&(s, _)| s == Some(m));
            }
            for (source, target) in pairs {
                let coded = Coded {
                    pattern: p,
                    code: code_index,
                    verb: (h, slots.verb_end),
                    source,
                    target,
                    negated: group.negated
                        && !pattern.negated
                        && intent.is_none()
                        && !self.negation_in_pattern(slots.begin, h),
                    speaker: None,
                    agreement: anaphor,
                    plan_target: target.is_none() && self.plan_as_target(&group, slots.end),
                    speech_only: false,
                    must: group.must && !group.passive,
                };
                // PETRARCH's paired codes: the reverse event, target to source
                let reverse = pattern
                    .paired
                    .filter(|_| source.is_some() && target.is_some() && !compound_only && intent.is_none());
                let reversed = reverse.map(|code| Coded { code, source: target, target: source, ..coded.clone() });
                out.push(coded);
                out.extend(reversed);
            }
            return;
        }
    }

    /// Whether the head stands right after an article or a possessive pronoun, as a noun ("a brief
    /// visit", "an accord with", "their meeting"); with words between, only a parse could tell
    /// "a brief private visit" from "the new mayor left".
    fn after_article(&self, h: usize) -> bool {
        h.checked_sub(1).filter(|&b| b >= self.s.range.0).is_some_and(|b| self.word_is("noun_det", b))
    }

    /// Whether a noun head after an article refers back to an event told before ("after the
    /// attack") rather than reports one. An indefinite article that opens the sentence or a clause
    /// introduces the event ("A clash in Dutse left one dead"), and so does any article opening a
    /// sentence where the article has told of no violence before: there is none to refer to.
    fn refers_back(&self, h: usize) -> bool {
        if !self.after_article(h) {
            return false;
        }
        let b = h - 1;
        let opens = b == self.s.range.0 || self.raw(b - 1) == ",";
        let fresh = b == self.s.range.0 && self.no_violence_before;
        !(opens && (self.word_is("new_det", b) || fresh))
    }

    /// Whether token `i` is one of the grammar table's words for `key`, in any case.
    fn word_is(&self, key: &str, i: usize) -> bool {
        self.grammar.has_token(key, self.tok(i))
    }

    /// Whether token `i` ends as a present participle does (the grammar's `participle_suffix`:
    /// "-ing").
    fn is_participle(&self, i: usize) -> bool {
        let w = self.raw(i).to_lowercase();
        self.grammar.list("participle_suffix").iter().any(|x| w.ends_with(x.as_str()))
    }

    /// Whether the words a pattern matched before its head hold the negation ("DID N'T *").
    fn negation_in_pattern(&self, begin: usize, h: usize) -> bool {
        (begin..h).any(|i| self.tok(i).class == Word::Not)
    }

    /// "would not conduct joint operations with countries that negotiate": a refusal in the future
    /// tied to a condition is a threat (CAMEO 13), not a rejection (12).
    /// "will withdraw its force unless a ceasefire is arranged": any future act tied to "unless"
    /// or "if" is a threat too.
    fn conditional_refusal(&self, pattern: &Pattern, group: &VerbGroup, end: usize) -> Option<u32> {
        if !group.modal {
            return None;
        }
        let root = &self.lexicon.cameo[pattern.code as usize].root;
        let refusal = pattern.negated && root == "12";
        let after = |key: &str| (end..self.s.range.1).any(|i| self.word_is(key, i));
        let conditional = if refusal {
            after("condition_refusal")
        } else {
            !matches!(root.as_str(), "01" | "13") && after("condition_threat")
        };
        conditional.then(|| self.lexicon.cameo_index("130")).flatten()
    }

    /// One (source, target) pair for each member of compound sides ("Mali and Niger accused
    /// France"); a compound source with no target, in a reciprocal event ("JNIM and the hunters
    /// signed a deal"), pairs its members with each other.
    fn pairs(
        &self,
        source: Option<usize>,
        target: Option<usize>,
        reciprocal: bool,
    ) -> Vec<(Option<usize>, Option<usize>)> {
        let sources = source.map_or(vec![None], |m| self.group(m).into_iter().map(Some).collect());
        let targets = target.map_or(vec![None], |m| self.group(m).into_iter().map(Some).collect());
        if reciprocal && target.is_none() && sources.len() == 2 {
            return vec![(sources[0], sources[1]), (sources[1], sources[0])];
        }
        let mut out = Vec::new();
        for s in &sources {
            for t in &targets {
                if s.is_none() || s != t {
                    out.push((*s, *t));
                }
            }
        }
        out
    }

    /// The members of the compound around mention `m`: mentions joined by "and", "or" or commas.
    fn group(&self, m: usize) -> Vec<usize> {
        let joined = |a: usize, b: usize| {
            crate::mentions::joined(self.grammar, self.s.text, self.s.tokens, &self.s.mentions[a], &self.s.mentions[b])
        };
        let (mut a, mut b) = (m, m);
        while a > 0 && joined(a - 1, a) {
            a -= 1;
        }
        // "... with jihadist leaders, and French officials warned": a member followed by its own
        // verb after a comma begins a new clause, not the compound
        let starts_clause = |k: usize| {
            let m = &self.s.mentions[k];
            let comma_before = m.start > 0
                && self.s.tokens[..m.start]
                    .iter()
                    .rev()
                    .take(3)
                    .any(|t| &self.s.text[t.start as usize..t.end as usize] == ",");
            let verb_after = self.s.tokens.get(m.end).is_some_and(|t| t.is(flag::VERBAL) || t.class.in_verb_group());
            comma_before && verb_after
        };
        while b + 1 < self.s.mentions.len() && joined(b, b + 1) && !starts_clause(b + 1) {
            b += 1;
        }
        // a compound has an "and" ("Mali, Niger and Chad"); commas alone set off other things
        let (first, last) = (&self.s.mentions[a], &self.s.mentions[b]);
        if a == b || !self.s.tokens[first.end..last.start].iter().any(|t| t.class == Word::And) {
            return vec![m];
        }
        (a..=b)
            .filter(|&k| k == m || !self.s.mentions[k].who.pronoun && !self.is_place(self.s.mentions[k].start))
            .collect()
    }

    /// Source and target of a matched pattern.
    fn parties(
        &self,
        h: usize,
        group: &VerbGroup,
        slots: &Slots,
        done: &[Coded],
        cooperative: bool,
    ) -> (Option<usize>, Option<usize>) {
        // "soldiers killed by militants": a bare participle before "by" is a passive, unless the
        // pattern took an object after it ("condemned the attack by militants", "rejected recent
        // calls by X": "by" belongs to that object)
        let words = h + 1..slots.end;
        let object = words.clone().any(|k| self.tok(k).class == Word::Det)
            || words.filter(|&k| self.tok(k).class == Word::Other && !self.tok(k).is(flag::PUNCT)).count() >= 2;
        // "attacks ordered by X" is passive; "has ordered patrols by police" is not
        let perfect = (group.start..h).any(|k| self.tok(k).class == Word::Have);
        let bare = self.tok(h).class == Word::Other && self.vocab_participle(h) && !object && !perfect;
        // "Four policemen killed in an ambush": a participle that always takes an object, with
        // none after it (a place, a time or the end follows)
        let objectless = || {
            let next = (slots.end < self.s.range.1).then(|| self.tok(slots.end));
            self.word_is("passive_bare", h)
                && next.is_none_or(|t| {
                    t.is(flag::PUNCT) || matches!(t.class, Word::Locative | Word::Preposition | Word::Subordinator)
                })
                && !self.object_later(slots.end)
                // (its subject right before it: "15 dead, 50 injured" has none)
                && group.start > self.s.range.0
                && self.mention_at(group.start - 1).is_some()
        };
        let passive = group.passive || (bare && (self.next_is_by(slots.end) || objectless()));
        // where the pattern names the subject itself as its target, its words before the verb
        // belong to the clause above ("NOTED + *": "Arnor noted that Gondor regretted ..."): the
        // source is that clause's subject
        // (the same holds for an actor of the target's own noun phrase: "a vehicle of the Swedish
        // contingent of MINUSMA hit an IED")
        let in_target_phrase = |m: usize| {
            slots.target.is_some_and(|t| {
                let (sm, tm) = (&self.s.mentions[m], &self.s.mentions[t]);
                tm.end <= group.start
                    && sm.end <= tm.start
                    && (sm.end..tm.start).all(|k| !self.tok(k).is(flag::PUNCT | flag::VERBAL))
            })
        };
        let subject = || {
            let own = self.subject(group.start, done);
            match own.filter(|&m| slots.begin < group.start && (Some(m) == slots.target || in_target_phrase(m))) {
                Some(_) => self.subject(self.verb_group(slots.begin).start, done).filter(|&m| !in_target_phrase(m)),
                None => own,
            }
        };
        if passive {
            let agent = slots.source.or_else(|| self.agent_after(slots.end));
            let patient = slots.target.or_else(subject);
            (agent, patient)
        } else if let (None, None, Some((x, y))) = (slots.source, slots.target, self.between(slots.end)) {
            // "clashes between X and Y": the two parties; "the US is ready to mediate between X and
            // Y": a subject of its own acts on both
            let next_to = |s: usize| {
                let end = self.s.mentions[s].end;
                group.start.saturating_sub(end) <= 1 && (end..group.start).all(|k| !self.tok(k).is(flag::PUNCT))
            };
            match subject() {
                Some(s) if s != x && s != y && next_to(s) => (Some(s), Some(x)),
                _ => (Some(x), Some(y)),
            }
        } else {
            let source = slots.source.or_else(subject).or_else(|| self.inverted_subject(group.start, slots.end));
            let inside = (h + 1..slots.end)
                .find_map(|i| self.mention_at(i))
                .filter(|&m| Some(m) != source && !self.owned_by_subject(self.s.mentions[m].start))
                .filter(|&m| !(cooperative && self.modifies_pattern_noun(m, slots.end)));
            // "The convoy came under fire from militants": a pattern that takes its source after
            // the verb has the subject as its target
            let source_after = slots.source.is_some_and(|m| self.s.mentions[m].start > h);
            let target = slots
                .target
                .or(inside)
                .or_else(|| source_after.then(subject).flatten())
                .or_else(|| self.object(slots.end, source));
            (source, target.filter(|&t| !self.subjects_own(t, source)))
        }
    }

    /// "..., said police": after a comma or a quote, a verb may come before its subject.
    fn inverted_subject(&self, group_start: usize, end: usize) -> Option<usize> {
        let a = self.s.range.0;
        let before = group_start.checked_sub(1).filter(|&b| b >= a)?;
        if !matches!(self.raw(before), "," | "\u{201d}" | "\"") {
            return None;
        }
        let m = self.mention_at(self.skip_dets(end))?;
        let after = self.s.mentions[m].end;
        (after >= self.s.range.1 || matches!(self.raw(after), "." | "," | ";")).then_some(m)
    }

    /// Whether only a conjunction, a comma or adverbs stand between the end of one verb phrase and
    /// the next, or the next comes right before the next verb group ("..., and killed").
    fn coordinated(&self, prev_end: usize, group_start: usize) -> bool {
        let before = group_start.checked_sub(1).filter(|&b| b >= prev_end);
        let joined = before.is_some_and(|b| {
            self.tok(b).class == Word::And || self.raw(b) == "," || self.grammar.has_exactly("verb_joiner", self.raw(b))
        });
        joined || (prev_end..group_start).all(|k| matches!(self.tok(k).class, Word::Adverb | Word::And | Word::To))
    }

    /// A statement with no one it is about: kept only to name the speaker of the sentence's other
    /// events, then dropped by [`attribute`].
    fn speech_only(&self, pattern: u32, h: usize, verb_end: usize, source: Option<usize>) -> Coded {
        let code = self.lexicon.patterns[pattern as usize].code;
        Coded {
            pattern,
            code,
            verb: (h, verb_end),
            source,
            target: None,
            negated: false,
            speaker: None,
            agreement: false,
            plan_target: false,
            speech_only: true,
            must: false,
        }
    }

    /// "a deal in March between JNIM militants and hunters", "clashes between X and Y": the two
    /// parties of a reciprocal event, when "between" closely follows the verb phrase.
    fn between(&self, from: usize) -> Option<(usize, usize)> {
        // "was signed on Sunday in Niono between": a date and a place may come first
        let end = (from + 8).min(self.s.range.1);
        let between = self.grammar.list("between");
        let b = (from..end).find(|&i| between.iter().any(|w| self.raw(i).to_lowercase() == *w))?;
        if (from..b).any(|i| self.mention_at(i).is_some() || matches!(self.raw(i), "," | ";")) {
            return None;
        }
        let first = self.mention_at(self.slot_start(b + 1))?;
        let after = self.s.mentions[first].end;
        let second = first + 1;
        let next = self.s.mentions.get(second)?;
        // (past a closing quote: "\"farmers\" and \"herdsmen\"")
        let mut and = after;
        while and < self.s.range.1 && matches!(self.raw(and), "\"" | "“" | "”" | "«" | "»") {
            and += 1;
        }
        let joined = and < self.s.range.1 && self.tok(and).class == Word::And && self.slot_start(and + 1) == next.start;
        joined.then_some((first, second))
    }

    /// Whether an actor further on in the clause from token `from` is a verb's object, not a
    /// preposition's: "killed on Sunday three militants" (but "killed in a clash with militants").
    fn object_later(&self, from: usize) -> bool {
        let end = (from..self.s.range.1)
            .find(|&k| {
                let t = self.tok(k);
                (t.is(flag::PUNCT) && self.raw(k) != "-") || matches!(t.class, Word::Subordinator | Word::Relative)
            })
            .unwrap_or(self.s.range.1);
        self.s.mentions.iter().filter(|m| m.start > from && m.start < end).any(|m| {
            let mut p = m.start - 1;
            while p > from && self.tok(p).class == Word::Det {
                p -= 1;
            }
            !matches!(self.tok(p).class, Word::Locative | Word::Preposition | Word::By | Word::Of | Word::And)
        })
    }

    fn vocab_participle(&self, h: usize) -> bool {
        self.lexicon.vocab.is_past_participle(self.tok(h).word)
    }

    fn next_is_by(&self, i: usize) -> bool {
        i < self.s.range.1 && self.tok(i).class == Word::By
    }

    /// The agent of a passive: the mention after "by", close behind the verb phrase. Words in
    /// brackets do not count towards how close: "enlevé entre Diafarabé (cercle de Ténenkou,
    /// région de Mopti) et Dia par des jihadistes".
    fn agent_after(&self, from: usize) -> Option<usize> {
        let mut counted = 0;
        let mut depth = 0usize;
        let mut by = None;
        for i in from..self.s.range.1 {
            match self.raw(i) {
                "(" | "[" => depth += 1,
                ")" | "]" => depth = depth.saturating_sub(1),
                _ if depth > 0 => {}
                _ if self.tok(i).class == Word::By => {
                    by = Some(i);
                    break;
                }
                _ => {}
            }
            if depth == 0 {
                counted += 1;
                if counted >= 14 {
                    break;
                }
            }
        }
        let by = by?;
        let after = self.skip_dets(by + 1);
        // "by current government officials": a modifier or two may precede the agent's words
        // "by Dogon militiamen": a proper adjective too
        let proper = |t: &Token| t.class == Word::Other && t.is(flag::CAPITAL) && !t.is(flag::PUNCT | flag::NUMBER);
        (after..(after + 3).min(self.s.range.1))
            .take_while(|&k| k == after || modifier(self.tok(k - 1)) || proper(self.tok(k - 1)))
            .find_map(|k| self.mention_at(k).filter(|&m| self.s.mentions[m].start == k))
    }

    /// The subject: the nearest mention before the verb group that is not a place; a verb coded
    /// before with nothing between passes its subject on ("attacked the camp and killed five"); a
    /// relative pronoun points at its antecedent ("countries that negotiate": none).
    fn subject(&self, group_start: usize, done: &[Coded]) -> Option<usize> {
        let a = self.s.range.0;
        // "... condemned the attack on Thursday and promised aid": a verb right after "and" shares
        // the subject of the verb before it, unless a subject of its own stands between
        // "... opened its borders, but was still refusing": "but" joins verbs as "and" does
        let after_and = group_start > a
            && (self.tok(group_start - 1).class == Word::And || self.word_is("clause_but", group_start - 1));
        let own_subject = group_start > a + 1 && self.mention_at(group_start - 2).is_some();
        if after_and && !own_subject {
            if let Some(e) = done.iter().rev().find(|e| e.verb.1 < group_start && e.source.is_some()) {
                return e.source;
            }
        }
        let mut j = group_start;
        while j > a {
            j -= 1;
            let t = self.tok(j);
            if self.raw(j) == ";" || t.class == Word::Subordinator {
                return None;
            }
            if let Some(e) = done.iter().rev().find(|e| e.verb.0 <= j && j < e.verb.1) {
                // "attacked the camp and killed five": only a coordinated verb shares the subject;
                // "announced a suspension of flights": so does the act an announcement names
                let shared = self.coordinated(e.verb.1, group_start)
                    || self.announced(e, group_start)
                    || self.purpose(e, group_start)
                    || self.reduced_participle(e, group_start);
                return if shared { e.source } else { None };
            }
            if let Some(m) = self.mention_at(j) {
                let mention = &self.s.mentions[m];
                // "Soviet aircraft including helicopter gunships killed": the members listed
                // belong to the subject before them
                let listed = mention.start > a && self.word_is("listing", mention.start - 1);
                let in_phrase = self.in_phrase(mention.start);
                // "forces in a crackdown on militants recaptured": the target of the act named in the
                // phrase is not the subject; that act's subject is
                if let Some(e) = done.iter().rev().find(|e| e.target == Some(m) && e.verb.0 < mention.start) {
                    let coordinated = (mention.end..group_start).any(|k| self.tok(k).class == Word::And);
                    if coordinated || self.participle_clause(group_start) || (in_phrase && e.source.is_some()) {
                        return e.source;
                    }
                }
                if self.is_place(mention.start) || listed || in_phrase {
                    j = mention.start;
                    continue;
                }
                // "Pensioners who retired from the civil service protested": an actor inside a
                // relative clause is not the subject of the verb after it; its antecedent is
                if let Some(r) = self
                    .relative_clause_start(mention.start, group_start)
                    .or_else(|| self.reduced_relative_start(mention.start))
                {
                    j = r;
                    continue;
                }
                // "France, Mali's main military ally, opposes": the head of an apposition
                return Some(self.appositive_head(m, group_start).unwrap_or(m));
            }
            if t.class == Word::Relative || self.word_is("relative_that", j) {
                let mut k = j;
                while k > a && matches!(self.raw(k - 1), ",") {
                    k -= 1;
                }
                return k.checked_sub(1).filter(|&k| k >= a).and_then(|k| self.mention_at(k));
            }
        }
        None
    }

    /// Where a relative clause that runs from before token `i` to the verb group at `group_start`
    /// opens, after the actor it speaks of: "Pensioners who retired from the service of the state
    /// government protested" (no comma inside it, save one closing it: "Pensioners, who retired
    /// ..., protested").
    fn relative_clause_start(&self, i: usize, group_start: usize) -> Option<usize> {
        let a = self.s.range.0;
        let mut j = i;
        while j > a {
            j -= 1;
            let t = self.tok(j);
            if t.class == Word::Relative {
                let mut k = j;
                while k > a && self.raw(k - 1) == "," {
                    k -= 1;
                }
                k.checked_sub(1).filter(|&k| k >= a).and_then(|k| self.mention_at(k))?;
                // (its own verb inside it)
                let verb = (j + 1..i).any(|q| self.tok(q).is(flag::VERBAL) || self.vocab_participle(q));
                let closed = (j + 1..group_start).all(|q| self.raw(q) != "," || q + 1 == group_start);
                return (verb && closed).then_some(j);
            }
            if matches!(self.raw(j), "," | ";" | ":") || t.class == Word::Subordinator {
                return None;
            }
        }
        None
    }

    /// Where a participle's clause that an actor's noun phrase carries opens, when the actor at
    /// token `i` is its object: "Two policemen escorting health officials were shot" (the
    /// policemen were shot).
    fn reduced_relative_start(&self, i: usize) -> Option<usize> {
        let a = self.s.range.0;
        let mut p = i.checked_sub(1).filter(|&p| p > a)?;
        while p > a && (self.tok(p).class == Word::Det || modifier(self.tok(p))) && !self.is_participle(p) {
            p -= 1;
        }
        let carried =
            p > a && self.is_participle(p) && self.tok(p).is(flag::VERBAL) && self.mention_at(p - 1).is_some();
        carried.then_some(p)
    }

    /// The actor an apposition ending in mention `m` describes, where the apposition stands
    /// between commas right before the verb: "France, Mali's main military ally, opposes" (the
    /// ally is France), "La France, principale alliée militaire du Mali, s'oppose".
    fn appositive_head(&self, m: usize, group_start: usize) -> Option<usize> {
        let a = self.s.range.0;
        let close = group_start.checked_sub(1).filter(|&c| c > a && self.raw(c) == ",")?;
        let start = self.s.mentions[m].start;
        if self.s.mentions[m].end > close {
            return None;
        }
        let open = (start.saturating_sub(6).max(a)..start).rev().find(|&k| self.raw(k) == ",")?;
        let clause = (open + 1..close).any(|k| {
            matches!(self.tok(k).class, Word::Relative | Word::Subordinator | Word::And) || self.raw(k) == ","
        });
        let head = open.checked_sub(1).filter(|&k| k >= a).and_then(|k| self.mention_at(k))?;
        (!clause && self.s.mentions[head].end == open && head != m).then_some(head)
    }

    /// Whether mention `m` is the antecedent of a relative pronoun that opens the verb's clause
    /// after a comma (", which first intervened"): only adverbs may stand between.
    fn relative_antecedent(&self, m: usize, group_start: usize) -> bool {
        let end = self.s.mentions[m].end;
        end + 2 <= group_start
            && self.raw(end) == ","
            && self.tok(end + 1).class == Word::Relative
            && (end + 2..group_start).all(|k| self.tok(k).class == Word::Adverb)
    }

    /// ", killing five": a participle after a comma has the subject of the clause before it, not
    /// that clause's object.
    fn participle_clause(&self, group_start: usize) -> bool {
        group_start > self.s.range.0 && self.raw(group_start - 1) == "," && self.is_participle(group_start)
    }

    /// Whether the head at `group_start` is the object of an announcement coded before it ("Italy
    /// announced a suspension of flights", "declared a state of emergency"): then the act is the
    /// announcer's. Only "announce" and "declare", which take the act itself as their object ("said
    /// the attack killed five" names another's act).
    fn announced(&self, e: &Coded, group_start: usize) -> bool {
        let statement = e.speech_only || self.lexicon.cameo[e.code as usize].code == "010";
        let lemma = self.tok(e.verb.0).lemma;
        let announcing =
            lemma != 0 && self.grammar.list("announce_verb").iter().any(|w| self.lexicon.vocab.get(w) == lemma);
        let between = e.verb.1..group_start;
        // "a unilateral eight-day ceasefire": determiners, modifiers, numbers and hyphens
        let np = |k: usize| {
            let t = self.tok(k);
            t.class == Word::Det || modifier(t) || t.is(flag::NUMBER) || self.raw(k) == "-"
        };
        statement && announcing && between.len() <= 6 && between.clone().all(np)
    }

    /// "shunned work on Monday to protest", "met in Accra to discuss", "mobilized groups to help
    /// support": an infinitive after an act
    /// coded before it, with no actor between, says what that act's subject did it for. (An actor
    /// between, "urged the army to withdraw", is found first and is the infinitive's subject.)
    fn purpose(&self, e: &Coded, group_start: usize) -> bool {
        let statement = e.speech_only || self.lexicon.cameo[e.code as usize].code == "010";
        let a = self.s.range.0;
        // "to help support": the infinitive may be helped
        let mut g = group_start;
        if g > a + 1 && self.word_is("help_verb", g - 1) {
            g -= 1;
        }
        let infinitive = g > a && self.tok(g - 1).class == Word::To;
        infinitive && !statement && !(e.verb.1..group_start).any(|k| self.raw(k) == ",")
    }

    /// "approved a resolution criticizing the government": a participle right after the noun that
    /// is the object of an act coded before it is that act's subject's doing.
    fn reduced_participle(&self, e: &Coded, group_start: usize) -> bool {
        let statement = e.speech_only || self.lexicon.cameo[e.code as usize].code == "010";
        let ing = self.is_participle(group_start);
        // right after a noun: not after an auxiliary ("was criticizing") nor a preposition (a gerund:
        // "expelled diplomats for taking part")
        let after_noun = group_start > self.s.range.0 && modifier(self.tok(group_start - 1));
        let clause_break = (e.verb.1..group_start).any(|k| self.tok(k).is(flag::PUNCT));
        !statement && ing && after_noun && !clause_break
    }

    /// Whether the mention starting at `i` is inside a prepositional phrase, and so no subject: "sent
    /// experts to Bosnia to investigate", "Palestinians of the Israeli-occupied West Bank protested"
    /// ("of" only after another mention: "a group of refugees" is the refugees).
    fn in_phrase(&self, i: usize) -> bool {
        let a = self.s.range.0;
        let mut b = i;
        if b > a && self.tok(b - 1).class == Word::Det {
            b -= 1;
        }
        let Some(p) = b.checked_sub(1).filter(|&p| p >= a) else { return false };
        // "representatives from X", "officials with the UN": the members of X, the proxy for a
        // subject the dictionaries do not name
        let origin = self.word_is("member_of", p);
        // "a convoy belonging to X", "fighters loyal to X": X's own
        let member = p > a && self.word_is("allegiance", p - 1);
        if member {
            return false;
        }
        match self.tok(p).class {
            Word::To | Word::Preposition => !origin,
            Word::Of => p > a && self.mention_at(p - 1).is_some(),
            _ => false,
        }
    }

    /// Whether the subject is an agreement named before ("The deal broke down"): its parties are
    /// then the parties of the article's last agreement.
    fn agreement_subject(&self, group_start: usize) -> bool {
        let a = self.s.range.0;
        let head_is_noun = self.grammar.is_agreement_noun(&self.raw(group_start).to_lowercase());
        if head_is_noun && group_start > a && self.tok(group_start - 1).class == Word::Det {
            return true;
        }
        let mut j = group_start;
        while j > a && self.tok(j - 1).class == Word::Adverb {
            j -= 1;
        }
        let noun = j.checked_sub(1).filter(|&k| k >= a);
        let det = noun.and_then(|k| k.checked_sub(1)).filter(|&k| k >= a);
        let is_noun = noun.is_some_and(|k| self.grammar.is_agreement_noun(&self.raw(k).to_lowercase()));
        is_noun
            && det.is_some_and(|d| {
                self.tok(d).class == Word::Det
                    || self.grammar.is_agreement_noun(&self.raw(d).to_lowercase())
                    || self.word_is("peace_word", d)
            })
    }

    /// Whether the event's patient is a plan or move named by a noun: the subject of a passive
    /// ("The approach is opposed by France") or the object ("France opposed the move").
    fn plan_as_target(&self, group: &VerbGroup, end: usize) -> bool {
        let a = self.s.range.0;
        let plan = |k: usize| self.grammar.is_plan_noun(&self.raw(k).to_lowercase());
        if group.passive {
            let mut j = group.start;
            while j > a && self.tok(j - 1).class == Word::Adverb {
                j -= 1;
            }
            return j >= a + 2 && plan(j - 1) && self.tok(j - 2).class == Word::Det;
        }
        let k = self.skip_dets(end);
        k > end && k < self.s.range.1 && plan(k)
    }

    /// The object: the first mention after the verb phrase in the same clause that is not a place
    /// and not the source.
    fn object(&self, from: usize, source: Option<usize>) -> Option<usize> {
        let found = self.object_within(from, source, false);
        if found.is_none() && self.locative_targets {
            return self.object_within(from, source, true);
        }
        found
    }

    fn object_within(&self, from: usize, source: Option<usize>, places_too: bool) -> Option<usize> {
        let end = (from + TARGET_REACH).min(self.s.range.1);
        let mut i = from;
        while i < end {
            let t = self.tok(i);
            if let Some(m) = self.mention_at(i) {
                let locative = !places_too && (self.is_place(i) || self.owned_by_subject(i));
                if !locative && Some(m) != source && !self.subjects_own(m, source) {
                    return Some(m);
                }
                i = self.s.mentions[m].end;
                continue;
            }
            let stop = matches!(t.class, Word::Relative | Word::Subordinator | Word::Be | Word::Modal)
                || (t.is(flag::PUNCT)
                    && matches!(
                        self.raw(i),
                        ";" | ":" | "." | "\u{201c}" | "\u{201d}" | "\"" | "\u{2013}" | "\u{2014}"
                    ))
                || (self.lexicon.is_head(t.lemma)
                    && i > from
                    && matches!(self.tok(i - 1).class, Word::And)
                    && !self.verbs_share_object(from, i))
                // ", a senior official said": a comma and a new noun phrase start another clause
                || (self.raw(i) == "," && i + 1 < end && matches!(self.tok(i + 1).class, Word::Det | Word::Pronoun))
                || (t.is(flag::VERBAL) && i > from && self.raw(i - 1) == ",");
            if stop {
                return None;
            }
            i += 1;
        }
        None
    }

    /// "attacked and burned the police station", "targeted and killed or captured militants":
    /// verbs joined right after the verb whose object is looked for from `from` share the object
    /// after the last of them (token `i` is the head of one of them).
    fn verbs_share_object(&self, from: usize, i: usize) -> bool {
        self.tok(from).class == Word::And
            && (from..i).all(|k| self.tok(k).class == Word::And || self.lexicon.is_head(self.tok(k).lemma))
    }

    /// "continue military aid to Mozambique", "police training": in cooperation, an agent word alone
    /// (no country, no name) right before another word of the pattern qualifies that noun; it is no
    /// party. (In conflict it is: "targeted army positions", "anti-government demonstrations".)
    fn modifies_pattern_noun(&self, m: usize, end: usize) -> bool {
        let mention = &self.s.mentions[m];
        let bare = mention.who.actor.is_none() && mention.who.country.is_none() && !mention.who.pronoun;
        let next = mention.end;
        bare && next < end && self.tok(next).class == Word::Other && !self.tok(next).is(flag::PUNCT)
    }

    /// "Russian forces set up a military base": an object of the subject's own kind and country is
    /// the subject's own, not a party to the event; so is a military or police object of no country
    /// (a base, a post, a patrol), where an official of no country may well be another's.
    fn subjects_own(&self, m: usize, source: Option<usize>) -> bool {
        let Some(s) = source else { return false };
        let (a, b) = (&self.s.mentions[s].who, &self.s.mentions[m].who);
        let role = |w: &crate::mentions::Who| w.agent.map(|i| self.lexicon.agents[i as usize].role.as_str());
        let armed = matches!(role(b), Some("MIL" | "COP"));
        a.actor.is_none()
            && b.actor.is_none()
            && !b.pronoun
            && role(a).is_some()
            && role(a) == role(b)
            && a.country.is_some()
            && (b.country == a.country || (b.country.is_none() && armed))
    }

    /// "withdraw its troops from Mali": a mention after a possessive pronoun is the subject's own.
    fn owned_by_subject(&self, i: usize) -> bool {
        let mut b = i;
        while b > self.s.range.0 && (self.tok(b - 1).is(flag::NUMBER) || self.raw(b - 1) == "-") {
            b -= 1;
        }
        b > self.s.range.0 && self.word_is("possessive", b - 1)
    }

    /// Whether the mention starting at `i` names a place: "in Mali", "the city of Beirut".
    fn is_place(&self, i: usize) -> bool {
        let a = self.s.range.0;
        let Some(mut b) = i.checked_sub(1).filter(|&b| b >= a) else { return false };
        // "in the United States", "in the Gambia": a country's name may take an article
        let named_country = self
            .mention_at(i)
            .is_some_and(|m| matches!(self.s.mentions[m].kind, EntryKind::CountryName | EntryKind::CountryCapital));
        if named_country && b > a && self.word_is("country_article", b) {
            b -= 1;
        }
        // "in south Ithilen", "in northern Mali"; but "around sixty residents" is a quantity
        let modifier = |k: usize| {
            let t = self.tok(k);
            t.class == Word::Other
                && !t.is(flag::CAPITAL | flag::VERBAL | flag::PUNCT | flag::NUMBER)
                && !self.grammar.tolls().is_count_word(&self.raw(k).to_lowercase())
        };
        for _ in 0..2 {
            if b > a && modifier(b) && self.tok(b - 1).class == Word::Locative {
                b -= 1;
            }
        }
        let t = self.tok(b);
        t.class == Word::Locative
            || (t.class == Word::Of && b > a && self.grammar.is_place_noun(&self.raw(b - 1).to_lowercase()))
    }

    fn skip_dets(&self, mut i: usize) -> usize {
        while i < self.s.range.1 && matches!(self.tok(i).class, Word::Det | Word::Adverb) {
            i += 1;
        }
        i
    }

    /// Where a slot's actor starts from `i`: past determiners and adverbs, then at most two words
    /// that qualify the actor the dictionaries name after them ("between suspected Fulani
    /// herdsmen and soldiers", "Islamic militants"): words of the grammar's `actor_qualifier`,
    /// or words of no verb, no punctuation and no actor.
    fn slot_start(&self, i: usize) -> usize {
        let end = self.s.range.1;
        // (an actor in quotes: "a clash between \"farmers\" and \"herdsmen\"")
        let quote = |k: usize| k < end && matches!(self.raw(k), "\"" | "“" | "”" | "«" | "»");
        let mut i = i;
        while quote(i) {
            i += 1;
        }
        let j = self.skip_dets(i);
        let qualifies = |k: usize| {
            k < end
                && self.mention_at(k).is_none()
                && (self.word_is("actor_qualifier", k)
                    || (self.tok(k).class == Word::Other && !self.tok(k).is(flag::PUNCT | flag::NUMBER | flag::VERBAL)))
        };
        if self.mention_at(j).is_some() || !qualifies(j) {
            return j;
        }
        let k = if qualifies(j + 1) { j + 2 } else { j + 1 };
        if k < end && self.mention_at(k).is_some() {
            k
        } else {
            j
        }
    }

    /// Matches a pattern's elements after its head.
    fn match_pattern(&self, p: &Pattern, h: usize) -> Option<Slots> {
        let mut slots = Slots { end: h + 1, verb_end: h + 1, begin: h, verb_start: h, source: None, target: None };
        if !p.before.is_empty() && !self.match_before(&p.before, h, &mut slots) {
            return None;
        }
        self.match_from(&p.elems, h + 1, &mut slots).then_some(slots)
    }

    /// Whether the words of `words` (lemmas) stand at `j`, one after another; their length.
    fn phrase_at(&self, j: usize, words: &[u32]) -> Option<usize> {
        let end = self.s.range.1;
        let ok = j + words.len() <= end
            && words.iter().enumerate().all(|(k, w)| {
                let t = self.tok(j + k);
                !self.is_consumed(j + k) && (t.lemma == *w || t.word == *w || t.alt == *w)
            });
        ok.then_some(words.len())
    }

    /// Matches the elements a pattern puts before its head (PETRARCH's `$ *`, `WILL NOT *`), from
    /// the head leftwards: each right before the next, or within a few words where a `Skip` or
    /// `Gap` stands between them. An actor right before the head is the subject, past the verb
    /// group and the rest of its noun phrase ("Arnor's palace guard was freed").
    fn match_before(&self, elems: &[PatternElem], h: usize, slots: &mut Slots) -> bool {
        let a = self.s.range.0;
        let mut i = h;
        let mut after_gap = false;
        let mut glued_to_head = true;
        for e in elems.iter().rev() {
            if matches!(e, PatternElem::Gap | PatternElem::Skip) {
                after_gap = true;
                continue;
            }
            let slot = matches!(e, PatternElem::Source | PatternElem::Target);
            let from = if slot && i == h { self.verb_group(h).start } else { i };
            let loose = after_gap || (slot && i == h);
            let ends_right = |end: usize| end == from || loose && end <= from;
            let found = (from.saturating_sub(GAP + 1).max(a)..from).rev().find_map(|j| match e {
                PatternElem::Word(w) => {
                    let t = self.tok(j);
                    (ends_right(j + 1) && (t.lemma == *w || t.word == *w || t.alt == *w)).then_some((j, None))
                }
                PatternElem::Set(set) => self.lexicon.sets[*set as usize]
                    .iter()
                    .find(|words| self.phrase_at(j, words).is_some_and(|n| ends_right(j + n)))
                    .map(|_| (j, None)),
                _ => self
                    .mention_at(j)
                    .filter(|&m| ends_right(self.s.mentions[m].end))
                    .map(|m| (self.s.mentions[m].start, Some((*e, m)))),
            });
            // "A truck hit a landmine": in a sentence that names no one, the subject slot of a
            // violent pattern stays empty (the perpetrator is implied later)
            let found = found.or_else(|| (slot && i == h && self.actorless_violence).then_some((from, None)));
            let Some((j, slot)) = found else { return false };
            match slot {
                Some((PatternElem::Source, m)) => slots.source = Some(m),
                Some((_, m)) => slots.target = Some(m),
                None => {}
            }
            i = j;
            glued_to_head &= !after_gap && matches!(e, PatternElem::Word(_));
            if glued_to_head {
                slots.verb_start = j;
            }
            after_gap = false;
        }
        slots.begin = i;
        true
    }

    fn match_from(&self, elems: &[PatternElem], i: usize, slots: &mut Slots) -> bool {
        let Some((first, rest)) = elems.split_first() else {
            slots.end = i;
            return true;
        };
        let end = self.s.range.1;
        match first {
            PatternElem::Word(w) => {
                // the word itself ("really", "the"), else past determiners and adverbs
                for j in [i, self.skip_dets(i)] {
                    let t = self.tok(j.min(end.saturating_sub(1)));
                    if j < end
                        && (t.lemma == *w || t.word == *w || t.alt == *w)
                        && !self.is_consumed(j)
                        && !self.is_month_name(j)
                    {
                        let saved = slots.verb_end;
                        slots.verb_end = j + 1;
                        if self.match_from(rest, j + 1, slots) {
                            return true;
                        }
                        slots.verb_end = saved;
                    }
                    if j == self.skip_dets(i) {
                        break;
                    }
                }
                false
            }
            PatternElem::Target | PatternElem::Source => {
                let j = self.slot_start(i);
                let Some(m) = self.mention_at(j).filter(|_| j < end) else {
                    return false;
                };
                let after = self.s.mentions[m].end;
                let saved = (slots.source, slots.target);
                if *first == PatternElem::Target {
                    slots.target = Some(m);
                } else {
                    slots.source = Some(m);
                }
                let after = self.after_group(m, after);
                if self.match_from(rest, after, slots) {
                    return true;
                }
                (slots.source, slots.target) = saved;
                false
            }
            PatternElem::Set(set) => {
                let starts = [i, self.skip_dets(i)];
                let tries = self.lexicon.sets[*set as usize].iter().flat_map(|w| starts.iter().map(move |&j| (j, w)));
                for (j, words) in tries {
                    let Some(len) = self.phrase_at(j, words) else { continue };
                    let saved = slots.verb_end;
                    slots.verb_end = j + len;
                    if self.match_from(rest, j + len, slots) {
                        return true;
                    }
                    slots.verb_end = saved;
                }
                false
            }
            PatternElem::Phrase => {
                // its prepositions and determiners, then an actor or a word
                let mut j = i;
                let leading = |w: Word| {
                    matches!(w, Word::Det | Word::Adverb | Word::Preposition | Word::Locative | Word::Of | Word::To)
                };
                while j < end && leading(self.tok(j).class) && self.mention_at(j).is_none() {
                    j += 1;
                }
                if j >= end || self.tok(j).is(flag::PUNCT) {
                    return false;
                }
                let next = self.mention_at(j).map_or(j + 1, |m| self.s.mentions[m].end);
                self.match_from(rest, next, slots)
            }
            PatternElem::Gap | PatternElem::Skip => {
                let gap = *first == PatternElem::Gap;
                let reach = if gap { GAP } else { SKIP };
                // a gap counts words of content: determiners, "of" and numbers are stepped over
                // ("stole at least a hundred head of cattle", "ont emporté au moins une centaine
                // de têtes de bétail"), up to the reach of a skip
                let mut content = 0;
                for k in 0..=SKIP {
                    let j = i + k;
                    let stop = |w: &str| matches!(w, "." | ";" | ":" | "\"") || (w == "," && gap);
                    if j > end || (k > 0 && stop(self.raw(j - 1))) {
                        break;
                    }
                    if k > 0 {
                        let t = self.tok(j - 1);
                        let light = gap && (matches!(t.class, Word::Det | Word::Of) || t.is(flag::NUMBER));
                        content += usize::from(!light);
                    }
                    if content > reach {
                        break;
                    }
                    // (where a word comes next, only where it stands: most positions are not tried)
                    if let Some(PatternElem::Word(w)) = rest.first() {
                        let at = |q: usize| {
                            q < end && {
                                let t = self.tok(q);
                                t.lemma == *w || t.word == *w || t.alt == *w
                            }
                        };
                        if !at(j) && !at(self.skip_dets(j)) {
                            continue;
                        }
                    }
                    if self.match_from(rest, j, slots) {
                        return true;
                    }
                }
                false
            }
        }
    }

    /// Whether token `j` is a capitalised month name inside the sentence ("a peace deal in
    /// March"), or one in any case in text with no case: a date, never a pattern's word ("lead *
    /// march").
    fn is_month_name(&self, j: usize) -> bool {
        let (a, b) = self.s.range;
        let around = |k: usize| if (a..b).contains(&k) { self.raw(k) } else { "" };
        j > a
            && self.tok(j).is(flag::CAPITAL | flag::CASE_BLIND)
            && self.grammar.calendar().is_month_between(around(j - 1), self.raw(j), around(j + 1))
    }

    /// The end of a compound group that starts with mention `m` ("Mali and Niger").
    fn after_group(&self, m: usize, mut after: usize) -> usize {
        let mut k = m;
        while let Some(next) = self.s.mentions.get(k + 1) {
            let between = &self.s.tokens[after..next.start.min(self.s.tokens.len())];
            let joins = !between.is_empty()
                && between.len() <= 2
                && between.iter().all(|t| {
                    t.class == Word::And
                        || t.class == Word::Det
                        || self.s.text[t.start as usize..t.end as usize] == *","
                });
            if !joins || next.start < after {
                break;
            }
            after = next.end;
            k += 1;
        }
        after
    }

    /// The verb group before a head: auxiliaries, negators, adverbs, "refused to".
    fn verb_group(&self, h: usize) -> VerbGroup {
        let a = self.s.range.0;
        let mut g = VerbGroup { start: h, negated: false, passive: false, modal: false, must: false };
        let mut be = false;
        // the form of "be" nearest the head, and whether a reflexive pronoun is in the group
        let mut be_word = String::new();
        let mut reflexive = false;
        let mut j = h;
        while j > a {
            let t = self.tok(j - 1);
            if self.grammar.is_reflexive(self.raw(j - 1)) {
                reflexive = true;
                j -= 1;
                continue;
            }
            match t.class {
                Word::Be | Word::Get => {
                    if !be {
                        be_word = self.raw(j - 1).to_lowercase();
                    }
                    be = true;
                }
                Word::Not => g.negated = true,
                Word::Modal => {
                    g.modal |= self.word_is("modal_future", j - 1);
                    g.must |= self.word_is("modal_must", j - 1);
                }
                Word::Do | Word::Have | Word::Adverb => {}
                // "were reported killed": the report's participle, right before the head
                Word::Other if j == h && self.word_is("passive_raising", j - 1) => {}
                Word::To if j >= a + 2 && self.grammar.negates_complement(self.tok(j - 2).lemma) => {
                    g.negated = true;
                    j -= 1;
                }
                // "plans to impose", "vowed to attack": an act to come, as after "will"
                Word::To if j >= a + 2 && self.grammar.intends_complement(self.tok(j - 2).lemma) => {
                    g.modal = true;
                    j -= 1;
                }
                _ => break,
            }
            j -= 1;
        }
        g.start = j;
        // "exploded without causing casualties", "withdrew without firing a shot"
        if j > a && self.word_is("without", j - 1) {
            g.negated = true;
        }
        // "is prepared to lift the ban", "is committed to talks": a state, not a passive
        let adjectival = self.grammar.is_stative_participle(&self.raw(h).to_ascii_lowercase())
            && h + 1 < self.s.range.1
            && self.tok(h + 1).class == Word::To;
        let active = be && self.grammar.active_after_be(self.tok(h).lemma, &be_word, reflexive);
        g.passive = be && self.vocab_participle(h) && !adjectival && !active;
        g
    }
}

/// A plain lower-case word that may stand inside a noun phrase ("a *temporary* suspension").
fn modifier(t: &Token) -> bool {
    t.class == Word::Other && !t.is(flag::CAPITAL | flag::VERBAL | flag::PUNCT | flag::NUMBER)
}

/// PETRARCH's limits for deleting comma-delimited clauses, in words: internal, initial ("begin")
/// and terminal ("end") clauses; a maximum of 0 turns that kind off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CommaLimits {
    pub min: usize,
    pub max: usize,
    pub bmin: usize,
    pub bmax: usize,
    pub emin: usize,
    pub emax: usize,
}

impl Default for CommaLimits {
    /// PETRARCH's (and TABARI's) defaults.
    fn default() -> Self {
        CommaLimits { min: 2, max: 8, bmin: 0, bmax: 0, emin: 2, emax: 8 }
    }
}

/// Voice and negation of a verb, and where its group starts.
pub struct VerbGroup {
    pub start: usize,
    pub negated: bool,
    pub passive: bool,
    /// "would", "will": a future or conditional act.
    pub modal: bool,
    /// "must", "should": what someone is told to do.
    pub must: bool,
}

/// The lowest CAMEO root: statements ("said") carry what they report and are dropped when the
/// sentence codes anything else; their source becomes the others' speaker.
pub fn attribute(lexicon: &Lexicon, coded: &mut Vec<Coded>) {
    let is_statement = |c: &Coded| c.speech_only || lexicon.cameo[c.code as usize].code == "010";
    if coded.iter().any(|c| !is_statement(c)) {
        let speaker = coded.iter().find(|c| is_statement(c)).and_then(|c| c.source);
        coded.retain(|c| !is_statement(c));
        let demand = lexicon.cameo_index("100");
        for c in coded.iter_mut() {
            if c.source != speaker {
                c.speaker = speaker;
            }
            // "The minister said Iraq must hand over the suspects": the minister demands it of Iraq
            if let (true, Some(s), Some(demand)) = (c.must, speaker, demand) {
                if c.source != Some(s) {
                    c.target = c.source;
                    c.source = Some(s);
                    c.code = demand;
                }
            }
        }
    }
    coded.retain(|c| !c.speech_only);
    // "said X must mediate between A and B": one demand of X, not one for each of A and B
    let mut seen = Vec::new();
    coded.retain(|c| {
        let key = (c.verb, c.source, c.target, c.code);
        let new = !seen.contains(&key);
        seen.push(key);
        new
    });
}
