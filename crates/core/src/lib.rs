//! # palaver-core
//!
//! The coding pipeline as a library: an [`Article`] in, [`Event`] records out. No I/O, no global
//! state: an [`Engine`] holds the immutable lexicon and is shared across threads; each thread codes
//! with its own [`Worker`], which reuses its buffers from one article to the next.
//!
//! ```
//! use std::sync::Arc;
//! use palaver_core::{Article, Engine, Options};
//! let (lexicon, _) = palaver_lexicon::Lexicon::embedded();
//! let engine = Engine::new(Arc::new(lexicon), Options::default());
//! let article = Article::new("a1", "Malian troops attacked JNIM militants near Mopti.").with_date("2021-03-02");
//! let coded = engine.code(&article);
//! assert_eq!(coded.events[0].source.as_ref().unwrap().code.as_deref(), Some("MLIMIL"));
//! ```
#![deny(missing_docs)]

#[allow(missing_docs)]
pub mod coding;
#[allow(missing_docs)]
pub mod dates;
#[allow(missing_docs)]
pub mod event;
#[allow(missing_docs)]
pub mod fatalities;
#[allow(missing_docs)]
pub mod grammar;
pub mod language;
pub mod mediation;
#[allow(missing_docs)]
pub mod mentions;
#[allow(missing_docs)]
pub mod ontology;
pub mod perpetrators;
#[allow(missing_docs)]
pub mod places;
#[allow(missing_docs)]
pub mod resolve;
#[allow(missing_docs)]
pub mod text;

pub use event::Event;
use grammar::Grammar;
use mentions::{Chunk, Mention};
use palaver_lexicon::words::WordSpan;
use palaver_lexicon::{parse_day, DiscardScope, Lexicon};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use text::{Sentence, Token};

/// A news article to code.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
pub struct Article {
    /// The document's id; event ids are built from it.
    pub id: String,
    /// The body text.
    pub text: String,
    /// Publication date, `YYYY-MM-DD` (a time after it is ignored).
    #[serde(default)]
    pub date: Option<String>,
    /// Headline.
    #[serde(default)]
    pub title: Option<String>,
    /// Publisher.
    #[serde(default)]
    pub source: Option<String>,
    /// Where it was published.
    #[serde(default)]
    pub url: Option<String>,
    /// Its language (ISO 639-1, "en", "fr"); detected from the text when absent.
    #[serde(default)]
    pub lang: Option<String>,
}

impl Article {
    /// An article with an id and a text.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Article { id: id.into(), text: text.into(), ..Default::default() }
    }

    /// The same article with a publication date.
    pub fn with_date(mut self, date: impl Into<String>) -> Self {
        self.date = Some(date.into());
        self
    }
}

/// Choices that change what is coded.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Also emit events whose verb is negated ("did not attack"), marked `negated: true`.
    pub keep_negated: bool,
    /// Emit only events with both a source and a target (PETRARCH's `require_dyad`).
    pub require_dyad: bool,
    /// With no other object, take a place named after the verb as the target, as PETRARCH does
    /// ("criticized the closure of guest houses in Bree" -> Bree). Off by default: in news, a
    /// place is where an event happened, not to whom.
    pub locative_targets: bool,
    /// Countries to look for places in when the text names none (ISO3, `--countries`): a prior
    /// for a corpus about one region, weaker than any country the text gives. `None`: the
    /// countries whose villages the gazetteer knows (the Sahel and West Africa); empty: none.
    pub countries: Option<Vec<String>>,
    /// Do not give agents with no country of their own the country the article or sentence is
    /// about ("the government" -> MLIGOV in an article on Mali); PETRARCH leaves them without one.
    pub no_context_country: bool,
    /// Delete comma-delimited clauses within these lengths before coding (PETRARCH's comma_*
    /// options). Off by default: in news, ", killing five civilians" is the event itself.
    pub comma_clauses: Option<coding::CommaLimits>,
    /// Leave violence with no named author without a source, as PETRARCH does, instead of implying
    /// one (see [`perpetrators`]: the other side of a fight just reported, a claimant, an
    /// unidentified armed group; state authorities for arrests), and code no violence in
    /// sentences that name no one.
    pub no_implied_perpetrators: bool,
    /// The language of articles whose record names none (ISO 639-1); `None`: detected.
    pub lang: Option<String>,
}

/// The events of one article, with what went wrong along the way.
#[derive(Clone, Debug, Default)]
pub struct CodedArticle {
    /// The events, in text order.
    pub events: Vec<Event>,
    /// Problems that did not stop coding (an unreadable date, say).
    pub warnings: Vec<String>,
    /// How many sentences the article had.
    pub sentences: usize,
}

/// One language the engine codes: its dictionaries and its grammar tables.
struct Language {
    lexicon: Arc<Lexicon>,
    grammar: Grammar,
    /// Country index by ISO3 code, for named actors' countries.
    countries: FxHashMap<String, u32>,
    /// Head lemmas of patterns whose events stand with no actor (violence, protests:
    /// [`perpetrators::stands_alone`]): a sentence naming no actor is coded only if it has one ("An
    /// IED exploded near Gao", "Pensioners protest over unpaid benefits").
    actorless_heads: rustc_hash::FxHashSet<u32>,
    /// The lexicon's patterns by head, each with the words it needs, to pass over patterns a
    /// sentence lacks.
    patterns: coding::PatternIndex,
}

impl Language {
    fn new(lexicon: Arc<Lexicon>, grammar: Grammar) -> Self {
        let countries = lexicon.countries.iter().enumerate().map(|(i, c)| (c.iso3.clone(), i as u32)).collect();
        let actorless_heads = lexicon
            .patterns
            .iter()
            .filter(|p| perpetrators::stands_alone(&lexicon.cameo[p.code as usize].root))
            .map(|p| p.head)
            .collect();
        let patterns = coding::PatternIndex::of_lexicon(&lexicon);
        Language { lexicon, grammar, countries, actorless_heads, patterns }
    }
}

/// The shared, immutable part of coding.
pub struct Engine {
    /// The languages coded, the default first.
    languages: Vec<Language>,
    options: Options,
    /// A user's gazetteer searched beside the embedded one.
    gazetteer: Option<Arc<palaver_lexicon::gazetteer::Gazetteer>>,
    /// The languages (a bit each, by index) whose function words a normal form is, for the vote
    /// on an article's language: one look-up a word, whatever the number of languages.
    function_word_langs: FxHashMap<String, u64>,
}

/// The classes of the words that vote for a language: determiners, prepositions, conjunctions,
/// auxiliaries, pronouns.
fn votes_for_language(class: grammar::Word) -> bool {
    use grammar::Word::*;
    matches!(class, Det | Of | And | Locative | Preposition | Be | Have | By | Pronoun)
}

impl Engine {
    /// An engine over a lexicon, coding English.
    pub fn new(lexicon: Arc<Lexicon>, options: Options) -> Self {
        let grammar = Grammar::new(&lexicon);
        Engine {
            languages: vec![Language::new(lexicon, grammar)],
            options,
            gazetteer: None,
            function_word_langs: FxHashMap::default(),
        }
        .index_function_words()
    }

    /// Builds [`Engine::function_word_langs`] for the languages coded.
    fn index_function_words(mut self) -> Self {
        self.function_word_langs.clear();
        for (k, language) in self.languages.iter().enumerate().take(64) {
            for (w, _) in language.grammar.classed_words().filter(|&(_, c)| votes_for_language(c)) {
                *self.function_word_langs.entry(w.to_string()).or_insert(0) |= 1 << k;
            }
        }
        self
    }

    /// The same engine, also coding another language with its own dictionaries and grammar
    /// tables (see [`grammar::Grammar::read`]). Articles whose `lang` names it, or whose text is
    /// detected as it, are coded with it.
    pub fn with_language(mut self, lexicon: Arc<Lexicon>, grammar: Grammar) -> Self {
        self.languages.retain(|l| l.grammar.lang() != grammar.lang());
        self.languages.push(Language::new(lexicon, grammar));
        self.index_function_words()
    }

    /// The same engine, also coding French with palaver's own French dictionaries and tables.
    /// Their lines are checked by tests; one that could not be read is returned (and skipped).
    pub fn with_french(self) -> (Self, Vec<palaver_lexicon::DictError>) {
        let elisions = grammar::FRENCH.list("elision_before_name");
        let Some((lexicon, errors)) = Lexicon::embedded_language("fr", &elisions) else { return (self, Vec::new()) };
        match Grammar::read(&grammar::FRENCH, &lexicon) {
            Ok(grammar) => (self.with_language(Arc::new(lexicon), grammar), errors),
            Err(e) => {
                let mut errors = errors;
                errors.push(palaver_lexicon::DictError { file: grammar::FRENCH.name.into(), line: 0, message: e });
                (self, errors)
            }
        }
    }

    /// The same engine, also placing events with a user's gazetteer (a GeoNames dump).
    pub fn with_gazetteer(mut self, gazetteer: Arc<palaver_lexicon::gazetteer::Gazetteer>) -> Self {
        self.gazetteer = Some(gazetteer);
        self
    }

    /// The lexicon the engine codes its default language with.
    pub fn lexicon(&self) -> &Lexicon {
        &self.languages[0].lexicon
    }

    /// The ISO 639-1 codes of the languages coded, the default first.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.languages.iter().map(|l| l.grammar.lang())
    }

    /// The language an article is coded in: the one its `lang` names, else the one its text is
    /// detected as (among those coded), else the default.
    pub fn language_of(&self, article: &Article) -> usize {
        let given = article.lang.as_deref().or(self.options.lang.as_deref());
        if let Some(lang) = given.filter(|l| !l.trim().is_empty()) {
            let lang = lang.trim().to_ascii_lowercase();
            let code = lang.get(..2).unwrap_or(&lang);
            return self.languages.iter().position(|l| l.grammar.lang() == code).unwrap_or(0);
        }
        if self.languages.len() == 1 {
            return 0;
        }
        let codes: Vec<&str> = self.languages.iter().map(|l| l.grammar.lang()).collect();
        // the text's function words vote first (cheap), and the detector must agree with a vote
        // against the default: a short English report naming French places ("Dozo militiamen
        // killed ... near Dounde (Bankass, Mopti)") keeps to English
        let counts = self.function_words(&article.text);
        let Some(best) = (1..counts.len()).max_by_key(|&k| counts[k]) else { return 0 };
        if counts[best] <= counts[0] {
            return 0;
        }
        match language::detect(&article.text, &codes) {
            Some(k) if k == best => k,
            _ => 0,
        }
    }

    /// How many of the first words of a text are function words (determiners, prepositions,
    /// conjunctions, auxiliaries) of each language, by its grammar table: one pass over the
    /// words, each normalised once into a reused buffer.
    fn function_words(&self, text: &str) -> Vec<usize> {
        let mut counts = vec![0; self.languages.len()];
        let mut lower = String::new();
        let mut norm = String::new();
        for w in text
            .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}')
            .filter(|w| !w.is_empty())
            .take(60)
        {
            if w.is_ascii() && self.languages.len() <= 64 {
                // (the split leaves no dots, so the normal form is the lower case, and an ASCII
                // word's class is its normal form's)
                norm.clear();
                norm.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
                let mut langs = self.function_word_langs.get(&norm).copied().unwrap_or(0);
                while langs != 0 {
                    counts[langs.trailing_zeros() as usize] += 1;
                    langs &= langs - 1;
                }
                continue;
            }
            lower.clear();
            lower.extend(w.chars().flat_map(char::to_lowercase));
            palaver_lexicon::words::normalize_into(&lower, &mut norm);
            for (count, language) in counts.iter_mut().zip(&self.languages) {
                if votes_for_language(language.grammar.class_of(w, &norm)) {
                    *count += 1;
                }
            }
        }
        counts
    }

    /// A worker for one thread.
    pub fn worker(&self) -> Worker<'_> {
        Worker {
            engine: self,
            lang: 0,
            spans: Vec::new(),
            norm: String::new(),
            tokens: Vec::new(),
            sentences: Vec::new(),
            words: Vec::new(),
            chunks: Vec::new(),
            mentions: Vec::new(),
            ranges: Vec::new(),
            coded: Vec::new(),
            dates: Vec::new(),
            places: Vec::new(),
            sentence_words: Vec::new(),
        }
    }

    /// Codes one article (with a fresh worker; use [`Engine::worker`] in loops).
    pub fn code(&self, article: &Article) -> CodedArticle {
        self.worker().code(article)
    }
}

/// Per-thread buffers, reused from one article to the next.
pub struct Worker<'e> {
    engine: &'e Engine,
    /// The language of the article being coded (an index into the engine's languages).
    lang: usize,
    spans: Vec<WordSpan>,
    norm: String,
    tokens: Vec<Token>,
    sentences: Vec<Sentence>,
    words: Vec<u32>,
    chunks: Vec<Chunk>,
    mentions: Vec<Mention>,
    /// Per sentence: its mentions' range in `mentions`, and its discard: None, Some(false) for the
    /// whole sentence, Some(true) for a natural or accidental cause (events need a perpetrator).
    ranges: Vec<(usize, usize, Option<bool>)>,
    coded: Vec<coding::Coded>,
    dates: Vec<dates::DateMention>,
    places: Vec<places::PlaceMention>,
    sentence_words: Vec<u32>,
}

/// Whether an actor is the source or target of an event (a mediator cannot be a party).
fn is_party(a: &event::ActorRecord, e: &Event) -> bool {
    let same = |b: &Option<event::ActorRecord>| {
        b.as_ref().is_some_and(|b| match (&a.actor_id, &b.actor_id) {
            (Some(x), Some(y)) => x == y,
            _ => a.code.is_some() && a.code == b.code && a.text == b.text,
        })
    };
    same(&e.source) || same(&e.target)
}

/// Whether an event's two sides are one actor. Violence between different people of one kind is
/// still violence ("a farmer was killed by a herder", "Dozo militiamen killed a Dozo chief"): only
/// the same words on both sides make it one actor's.
fn self_directed(event: &Event) -> bool {
    match (&event.source, &event.target) {
        (Some(s), Some(t)) if perpetrators::violent(event) => s.text.eq_ignore_ascii_case(&t.text),
        (Some(s), Some(t)) => s.code.is_some() && s.code == t.code && s.actor_id == t.actor_id,
        _ => false,
    }
}

/// The most tokens a date heading has ("11 October (on or around).", "Sunday 4 May 2020:").
const HEADING_TOKENS: usize = 10;

/// The day a short sentence that names no actor gives the sentence after it: "29 August. A crowd
/// attacked the police station." (a summary's or a bulletin's heading). Weeks, months and years
/// are backdrops, not carried; a long sentence is no heading (and is not read again for dates).
fn heading_date(
    text: &str,
    tokens: &[Token],
    range: (usize, usize),
    day: Option<palaver_lexicon::DayNumber>,
    cal: &dates::Calendar,
    caseless: bool,
    found: &mut Vec<dates::DateMention>,
) -> Option<dates::DateMention> {
    if range.1 - range.0 > HEADING_TOKENS {
        return None;
    }
    dates::find(text, tokens, range, day, cal, caseless, found);
    found.first().filter(|d| d.precision == dates::Precision::Day).copied()
}

/// Parses the date of an article: `YYYY-MM-DD`, possibly followed by a time.
fn article_day(date: &str) -> Option<(DayNumberText, u32)> {
    let d = date.get(..10)?;
    parse_day(d).map(|n| (d.to_string(), n))
}

type DayNumberText = String;

impl Worker<'_> {
    /// Codes one article.
    pub fn code(&mut self, article: &Article) -> CodedArticle {
        let engine = self.engine;
        self.lang = engine.language_of(article);
        let language = &engine.languages[self.lang];
        let lex: &Lexicon = &language.lexicon;
        let mut out = CodedArticle::default();
        let date = article.date.as_deref().filter(|d| !d.trim().is_empty());
        let day = match date.map(|d| (d, article_day(d))) {
            Some((_, Some(day))) => Some(day),
            Some((d, None)) => {
                out.warnings.push(format!("date {d:?} is not YYYY-MM-DD; relative dates stay unresolved"));
                None
            }
            None => None,
        };
        let text = article.text.as_str();
        let casing = text::segment(
            text,
            lex,
            &language.grammar,
            &mut self.spans,
            &mut self.norm,
            &mut self.tokens,
            &mut self.sentences,
        );
        out.sentences = self.sentences.len();
        // (months and weekdays in text with no case are found in any case)
        let caseless = casing.blind();
        if !self.find_mentions(text) {
            return out;
        }
        let (main, unarmed) = main_countries(lex, &language.countries, &self.mentions);
        let mut ctx = resolve::Context {
            lexicon: lex,
            text,
            tokens: &self.tokens,
            doc_id: &article.id,
            day: day.as_ref().map(|d| d.1),
            date: day.as_ref().map(|d| d.0.as_str()),
            country: main.filter(|_| !engine.options.no_context_country),
            // (an army counts where no other country is named: "Malian soldiers killed by militants")
            insurgents_country: unarmed.or(main).filter(|_| !engine.options.no_context_country),
            sentence_country: None,
            lang: language.grammar.lang(),
        };
        let countries = article_countries(lex, &language.countries, &self.mentions);
        let gazetteer = palaver_lexicon::gazetteer::Gazetteer::embedded();
        let mut finder = places::Finder {
            text,
            tokens: &self.tokens,
            lexicon: lex,
            grammar: &language.grammar,
            gazetteer,
            extra: engine.gazetteer.as_deref(),
            countries: &countries,
            prior: engine.options.countries.as_deref().unwrap_or_else(|| gazetteer.village_countries()),
            areas: actor_areas(lex, gazetteer, &self.mentions),
            anchors: Vec::new(),
            lists: places::Lists::of(&language.grammar),
        };
        // the countries ACLED-style hints put places in come first ("(Koro, Mopti)": Mali)
        let mut story = finder.hint_countries();
        // (then the countries of the divisions it names: "Logo local government area of Benue State")
        for c in countries.iter().chain(&finder.named_division_countries()) {
            if !story.contains(c) {
                story.push(c.clone());
            }
        }
        finder.countries = &story;
        let mut last_place: Option<event::Location> = None;
        // the last date a sentence named: where it was named, the last sentence it dates, the date
        let mut carried: Option<(usize, usize, dates::DateMention)> = None;
        // a toll reported before any event, for the violence told after it ("16 bodies were found
        // near Gwoza. Boko Haram is suspected of killing them.")
        let mut pending_toll: Vec<(usize, usize)> = Vec::new();
        let tolls = language.grammar.tolls();
        // the place each coded sentence names, for the article-level pass
        let mut found_places: Vec<(usize, Option<event::Location>)> = Vec::new();
        for (index, s) in self.sentences.iter().enumerate() {
            let (m0, m1, discard) = self.ranges[index];
            let cause = discard == Some(true);
            // "An IED exploded near Gao.": violence no actor is named in, when it is not the toll
            // of violence just reported ("Four men were killed in the attack.")
            let actorless = discard.is_none()
                && !engine.options.no_implied_perpetrators
                && self.tokens[s.tokens.0..s.tokens.1]
                    .iter()
                    .any(|t| language.actorless_heads.contains(&t.lemma) || language.actorless_heads.contains(&t.alt))
                && !out.events.iter().rev().take_while(|e| e.sentence_index + 1 >= index).any(perpetrators::violent);
            let unattributed = m0 == m1 && actorless;
            if discard == Some(false)
                || (m0 == m1 && !unattributed && !language.grammar.mentions_agreement(text, &self.tokens, s.tokens))
            {
                // "Three men were killed in the attack.": no actor, but the toll of the event before
                if discard.is_none() {
                    // ("The village self-defense repelled the attack.": unnamed defenders)
                    ontology::attacks_answered(
                        &language.grammar,
                        &self.tokens[s.tokens.0..s.tokens.1],
                        &mut out.events,
                    );
                    let first = out.events.len();
                    add_deaths(tolls, text, &self.tokens, s.tokens, &mut out.events, first, &mut pending_toll);
                }
                if m0 == m1 {
                    let cal = language.grammar.calendar();
                    if let Some(d) = heading_date(text, &self.tokens, s.tokens, ctx.day, cal, caseless, &mut self.dates)
                    {
                        carried = Some((index, index, d));
                    }
                }
                continue;
            }
            let mentions = &self.mentions[m0..m1];
            ctx.sentence_country = only_country(mentions, &self.tokens).filter(|_| !engine.options.no_context_country);
            let sentence = coding::Sentence { text, tokens: &self.tokens, range: s.tokens, mentions };
            self.coded.clear();
            let mut coder = coding::Coder::new(lex, &language.grammar, &language.patterns, sentence);
            coder.locative_targets = engine.options.locative_targets;
            // (also where the sentence names actors the event's pattern does not take: "Thousands
            // protested in Abuja")
            coder.actorless_violence = actorless;
            coder.no_violence_before = !out.events.iter().any(perpetrators::violent);
            if let Some(limits) = &engine.options.comma_clauses {
                coder.delete_comma_clauses(limits);
            }
            coder.code(&mut self.coded);
            coding::attribute(lex, &mut self.coded);
            if unattributed && self.coded.is_empty() {
                // no violence reported after all: as any sentence naming no one
                ontology::attacks_answered(&language.grammar, &self.tokens[s.tokens.0..s.tokens.1], &mut out.events);
                let first = out.events.len();
                add_deaths(tolls, text, &self.tokens, s.tokens, &mut out.events, first, &mut pending_toll);
                let cal = language.grammar.calendar();
                if let Some(d) = heading_date(text, &self.tokens, s.tokens, ctx.day, cal, caseless, &mut self.dates) {
                    carried = Some((index, index, d));
                }
                continue;
            }
            dates::find(text, &self.tokens, s.tokens, ctx.day, language.grammar.calendar(), caseless, &mut self.dates);
            // a sentence with no date goes on in the day of the one just before ("On 4 November,
            // gunmen raided the village. Three people were abducted."; "In June, ..." is a
            // backdrop, not carried); in a text with no date of its own (an event summary) in the
            // time of any before; else in the article's time
            match self.dates.first() {
                Some(d) if d.precision != dates::Precision::Year => carried = Some((index, index, *d)),
                Some(_) => {}
                None => {
                    // (and on to later sentences that report more violence, the same episode, while
                    // none names a date of its own; a reaction stays in the article's time)
                    let violent = self
                        .coded
                        .iter()
                        .any(|c| matches!(lex.cameo[c.code as usize].root.as_str(), "18" | "19" | "20"));
                    let carry = carried.filter(|(named, last, d)| {
                        ctx.day.is_none()
                            || (d.precision == dates::Precision::Day
                                && (named + 1 == index || violent && last + 3 >= index))
                    });
                    if let Some((named, _, d)) = carry {
                        carried = Some((named, index, d));
                        self.dates.push(d);
                    }
                }
            }
            finder.find(s.tokens, mentions, &mut self.places);
            ontology::sentence_words(&self.tokens[s.tokens.0..s.tokens.1], &mut self.sentence_words);
            let first_event = out.events.len();
            let mediator = mediation::mediator(&language.grammar, text, &self.tokens, s.tokens, mentions)
                .map(|k| ctx.actor(&mentions[k]));
            let mut ordinal = 0;
            for c in &self.coded {
                if c.negated && !engine.options.keep_negated {
                    continue;
                }
                let previous = match index.checked_sub(1).map(|p| self.ranges[p]) {
                    Some((p0, p1, _)) => &self.mentions[p0..p1],
                    None => &[],
                };
                for (source, target) in resolve_pronouns(&language.grammar, c, mentions, previous, text, &self.tokens) {
                    let mut event = ctx.event(index, ordinal, s.bytes, mentions, &self.dates, c);
                    ctx.replace_sides(&mut event, source, target);
                    if c.agreement && !refer_to_agreement(&mut event, &out.events) {
                        continue;
                    }
                    if c.plan_target && event.target.is_none() {
                        refer_to_plan(&mut event, &out.events);
                    }
                    // "an IED exploded near Kidal": violence with no one named is still an event
                    // (of an implied perpetrator); anything else needs a side
                    let implied =
                        !engine.options.no_implied_perpetrators && perpetrators::stands_alone(&event.cameo_root);
                    if event.source.is_none() && event.target.is_none() && !c.agreement && !implied {
                        continue;
                    }
                    if engine.options.require_dyad && (event.source.is_none() || event.target.is_none()) {
                        continue;
                    }
                    if cause && event.source.is_none() {
                        continue; // "19 people were killed when their bus plunged off a bridge"
                    }
                    for event in split_compound_codes(event) {
                        let mut event = event;
                        if self_directed(&event) {
                            // an actor doing something to itself is no event between two; but a
                            // protest stands alone ("students protested at the university": where,
                            // not against whom)
                            if !perpetrators::stands_alone(&event.cameo_root) {
                                continue;
                            }
                            event.target = None;
                            event.evidence.spans.target = None;
                        }
                        event.event_id = format!("{}:{}:{}", article.id, index, ordinal);
                        ctx.settlement_target(
                            language.grammar.list("settlement_target"),
                            &mut event,
                            c.verb.1,
                            s.tokens.1,
                        );
                        // a place someone comes from only where the text gives no other
                        let near = places::nearest(&self.places, c.verb.0);
                        event.location = match near {
                            Some(p) if !p.origin => Some(p.location.clone()),
                            _ => last_place.clone().or_else(|| near.map(|p| p.location.clone())),
                        };
                        if !engine.options.no_implied_perpetrators {
                            perpetrators::imply(
                                lex,
                                (language.grammar.list("state_weapon"), language.grammar.list("riot_cue")),
                                &mut event,
                                ctx.country,
                                &out.events,
                            );
                        }
                        event.acled = ontology::acled(lex, &event, &self.sentence_words);
                        if !engine.options.no_implied_perpetrators {
                            perpetrators::imply_victims(lex, &mut event, ctx.country);
                            perpetrators::imply_other_side(lex, &mut event, ctx.country);
                        }
                        if event.plover.mode.is_none() {
                            event.plover.mode = ontology::plover_mode(lex, &event, &self.sentence_words);
                        }
                        event.mediator =
                            mediator.clone().filter(|m| mediation::mediable(&event.cameo_root) && !is_party(m, &event));
                        // "X asked Y to open talks with Z": X proposes talks with Z, through Y.
                        let proposal = (event.cameo == "026")
                            .then(|| {
                                mediation::negotiating_partner(
                                    &language.grammar,
                                    text,
                                    &self.tokens,
                                    s.tokens,
                                    mentions,
                                    c.verb.0,
                                )
                            })
                            .flatten()
                            .and_then(|k| {
                                let code = lex.cameo.iter().find(|k| k.code == "036")?;
                                let partner = ctx.actor(&mentions[k]);
                                let mut p = event.clone();
                                p.mediator = p.target.take();
                                p.target = Some(partner);
                                p.evidence.spans.target = Some(ctx.bytes(mentions[k].start, mentions[k].end));
                                p.cameo = code.code.clone();
                                p.cameo_root = code.root.clone();
                                p.quad_class = code.quad_class;
                                p.goldstein = code.goldstein;
                                p.plover =
                                    event::Plover { event: code.plover_event.clone(), mode: code.plover_mode.clone() };
                                Some(p)
                            })
                            .filter(|p| !p.mediator.as_ref().is_some_and(|m| is_party(m, p)));
                        out.events.push(event);
                        ordinal += 1;
                        if let Some(mut p) = proposal {
                            p.event_id = format!("{}:{}:{}", article.id, index, ordinal);
                            out.events.push(p);
                            ordinal += 1;
                        }
                    }
                }
            }
            // "X mediated talks between A and B" is coded X 045 A and X 045 B (CAMEO: the mediator is
            // the source of 045); the talks it stands between are A 046 B, with X as their mediator.
            if let Some(talks) = mediation::mediated_talks(lex, &out.events[first_event..]) {
                let mut talks = talks;
                talks.event_id = format!("{}:{}:{}", article.id, index, ordinal);
                out.events.push(talks);
            }
            // (the place a report files its events at first: "in the commune of Kounari, coded as
            // Manako" goes on at Manako)
            let here = || self.places.iter().filter(|p| !p.origin);
            let place = here()
                .find(|p| p.filed)
                .or_else(|| here().find(|p| p.location.precision != "country"))
                .or(here().next())
                .map(|p| p.location.clone());
            if place.is_some() {
                last_place.clone_from(&place);
            }
            found_places.push((index, place));
            add_deaths(tolls, text, &self.tokens, s.tokens, &mut out.events, first_event, &mut pending_toll);
            perpetrators::credit_claims(&mut out.events, first_event, language.grammar.list("claim_cue"));
            perpetrators::victims_named_beside(&mut out.events, first_event);
        }
        share_toll_among_days_and_places(
            language.grammar.tolls(),
            text,
            &self.tokens,
            &self.sentences,
            &self.mentions,
            &mut out.events,
        );
        ontology::protests_met_with_force(&mut out.events);
        let doc = Placing {
            sentences: &self.sentences,
            ranges: &self.ranges,
            mentions: &self.mentions,
            found: &found_places,
        };
        doc.place_the_placeless(&mut finder, &mut self.places, &mut out.events);
        out
    }
}

/// What the article-level place pass reads.
struct Placing<'w> {
    sentences: &'w [text::Sentence],
    ranges: &'w [(usize, usize, Option<bool>)],
    mentions: &'w [Mention],
    /// The place of each sentence the coding loop searched, by sentence index.
    found: &'w [(usize, Option<event::Location>)],
}

impl Placing<'_> {
    /// Events that their sentence and the coded ones before it did not place take the place the
    /// two sentences before name, though they coded nothing ("A bomb exploded in Mubi during a
    /// football match. Boko Haram has attacked the town before."), else the next two ("Two police
    /// officers were shot dead. The attack happened in Kano."), else the article's dateline ("GAO,
    /// Mali (Reuters) -"), else a town their sentence names in passing. An event placed only in a
    /// country gives way to a town or district of another country in the sentences around it
    /// ("People gathered to denounce the sale of migrants in Libya. The sit-in began in Bamako."):
    /// that country was its topic.
    fn place_the_placeless(
        &self,
        finder: &mut places::Finder<'_>,
        places: &mut Vec<places::PlaceMention>,
        events: &mut [Event],
    ) {
        const AROUND: usize = 2;
        let weak = |e: &Event| e.location.as_ref().is_none_or(|l| l.precision == "country");
        let Some(first) = events.iter().position(weak) else { return };
        let from = events[first].sentence_index.saturating_sub(AROUND);
        let to = (events.iter().rev().find(|e| weak(e)).map_or(from, |e| e.sentence_index) + AROUND + 1)
            .min(self.sentences.len());
        let mut named: Vec<Option<event::Location>> = Vec::new();
        for index in from..to {
            if let Ok(k) = self.found.binary_search_by_key(&index, |f| f.0) {
                named.push(self.found[k].1.clone());
                continue;
            }
            let (m0, m1, _) = self.ranges[index];
            finder.find(self.sentences[index].tokens, &self.mentions[m0..m1], places);
            let here = || places.iter().filter(|p| !p.origin);
            named
                .push(here().find(|p| p.location.precision != "country").or(here().next()).map(|p| p.location.clone()));
        }
        let at = |i: usize| i.checked_sub(from).and_then(|k| named.get(k)).cloned().flatten();
        let dateline = self.dateline(finder);
        let mut passing: Option<(usize, Option<event::Location>)> = None;
        for e in events.iter_mut().filter(|e| weak(e)) {
            let i = e.sentence_index;
            match &e.location {
                // (the sentences before it that coded nothing, else the next two)
                None => {
                    e.location = (i.saturating_sub(AROUND)..i)
                        .rev()
                        .chain(i + 1..=i + AROUND)
                        .find_map(at)
                        .or_else(|| dateline.clone())
                        .or_else(|| {
                            // (once a sentence)
                            if passing.as_ref().is_none_or(|(k, _)| *k != i) {
                                let (m0, m1, _) = self.ranges[i];
                                let found = finder.named_in_passing(self.sentences[i].tokens, &self.mentions[m0..m1]);
                                passing = Some((i, found));
                            }
                            passing.as_ref().and_then(|(_, l)| l.clone())
                        })
                }
                Some(country) => {
                    let finer = |l: &event::Location| l.precision != "country" && l.country != country.country;
                    let around = (i.saturating_sub(AROUND)..i).rev().chain(i + 1..=i + AROUND);
                    if let Some(l) = around.filter_map(at).find(finer).or_else(|| dateline.clone().filter(finer)) {
                        e.location = Some(l);
                    }
                }
            }
        }
    }

    /// The place of a dateline: the upper-case words that open an article before "(", "," or a
    /// dash ("BAMAKO (Reuters) -", "OUAGADOUGOU, Jan 5 -").
    fn dateline(&self, finder: &places::Finder<'_>) -> Option<event::Location> {
        let text = finder.text;
        let first = self.sentences.first()?;
        let tokens = finder.tokens;
        let upper = |i: usize| {
            let w = &text[tokens[i].start as usize..tokens[i].end as usize];
            w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase)
        };
        let mut end = first.tokens.0;
        while end < first.tokens.1 && end < first.tokens.0 + 4 && upper(end) {
            end += 1;
        }
        let after = &text[tokens.get(end)?.start as usize..];
        let closes = ["(", ",", "-", "\u{2013}", "\u{2014}"].iter().any(|c| after.starts_with(c));
        if end == first.tokens.0 || !closes {
            return None;
        }
        finder.place_at_dateline(first.tokens.0, end)
    }
}

impl Worker<'_> {
    /// Finds every sentence's mentions. Returns false when a story discard drops the article.
    fn find_mentions(&mut self, text: &str) -> bool {
        let lex: &Lexicon = &self.engine.languages[self.lang].lexicon;
        self.mentions.clear();
        self.ranges.clear();
        let mut sentence_mentions = Vec::new();
        for s in &self.sentences {
            let mut discard = None;
            let grammar = &self.engine.languages[self.lang].grammar;
            mentions::chunks(lex, grammar, &self.tokens, s.tokens, &mut self.words, &mut self.chunks, &mut discard);
            if discard == Some(DiscardScope::Story) {
                return false;
            }
            // (the tokens up to the sentence's end: a name after a title stops where the sentence does)
            mentions::compose(text, &self.tokens[..s.tokens.1], &self.chunks, grammar, &mut sentence_mentions);
            mentions::add_pronouns(grammar, text, &self.tokens, s.tokens, &mut sentence_mentions);
            let m0 = self.mentions.len();
            self.mentions.extend_from_slice(&sentence_mentions);
            let discard = match discard {
                None | Some(DiscardScope::Weapon) => None,
                Some(d) => Some(d == DiscardScope::Cause),
            };
            self.ranges.push((m0, self.mentions.len(), discard));
        }
        true
    }
}

/// Who each side of an event is once pronouns stand for the actors they refer to: one pair for
/// each antecedent ("Both are targeted" -> two events). `None` leaves a side as coded.
type Sides<'m> = (Option<Option<&'m Mention>>, Option<Option<&'m Mention>>);

fn resolve_pronouns<'m>(
    grammar: &Grammar,
    c: &coding::Coded,
    mentions: &'m [Mention],
    previous: &'m [Mention],
    text: &str,
    tokens: &[Token],
) -> Vec<Sides<'m>> {
    let side = |k: Option<usize>| -> Option<Vec<Option<&'m Mention>>> {
        let m = &mentions[k?];
        if !m.who.pronoun {
            return None;
        }
        let found: Vec<Option<&Mention>> =
            mentions::antecedents(grammar, m, text, tokens, mentions, previous).into_iter().map(Some).collect();
        Some(if found.is_empty() { vec![None] } else { found })
    };
    match (side(c.source), side(c.target)) {
        (None, None) => vec![(None, None)],
        (Some(s), None) => s.into_iter().map(|s| (Some(s), None)).collect(),
        (None, Some(t)) => t.into_iter().map(|t| (None, Some(t))).collect(),
        (Some(s), Some(t)) => s.into_iter().flat_map(|s| t.iter().map(move |t| (Some(s), Some(*t)))).collect(),
    }
}

/// PETRARCH actor codes may name several actors at once (`FRO/BIL/SAM`): one event for each.
fn split_compound_codes(event: Event) -> Vec<Event> {
    let split = |a: &Option<event::ActorRecord>| -> Vec<Option<event::ActorRecord>> {
        match a {
            Some(r) if r.code.as_deref().is_some_and(|c| c.contains('/')) => r
                .code
                .as_deref()
                .unwrap_or_default()
                .split('/')
                .map(|c| Some(event::ActorRecord { code: Some(c.to_string()), ..r.clone() }))
                .collect(),
            other => vec![other.clone()],
        }
    };
    let (sources, targets) = (split(&event.source), split(&event.target));
    if sources.len() == 1 && targets.len() == 1 {
        return vec![event];
    }
    let mut out = Vec::new();
    for s in &sources {
        for t in &targets {
            out.push(Event { source: s.clone(), target: t.clone(), ..event.clone() });
        }
    }
    out
}

/// Gives an event whose subject is "the deal" the parties (and their spans) of the article's last
/// agreement; false when there was none.
fn refer_to_agreement(event: &mut Event, earlier: &[Event]) -> bool {
    let is_deal = |e: &&Event| e.plover.event.as_deref() == Some("AGREE") || e.cameo_root == "05";
    let Some(last) = earlier.iter().rev().find(is_deal) else {
        return false;
    };
    // the first event of that agreement's sentence: its own order of the parties
    let deal =
        earlier.iter().find(|e| e.sentence_index == last.sentence_index && e.cameo == last.cameo).unwrap_or(last);
    event.source = deal.source.clone();
    event.target = deal.target.clone();
    event.evidence.spans.source = deal.evidence.spans.source;
    event.evidence.spans.target = deal.evidence.spans.target;
    true
}

/// "The approach is opposed by France": the plan acted on is that of the actor of the article's
/// last event with a named source other than this event's own; that actor is the target.
fn refer_to_plan(event: &mut Event, earlier: &[Event]) {
    let own = event.source.as_ref().and_then(|a| a.code.clone());
    // (a source named in the text: an implied perpetrator authors no plan)
    let author = earlier.iter().rev().find_map(|e| {
        let s = e.source.as_ref().filter(|_| e.evidence.spans.source.is_some())?;
        (s.code.is_some() && s.code != own).then(|| s.clone())
    });
    if let Some(actor) = author {
        event.target = Some(actor);
        // (the words of the target are the plan's, in this sentence; no span of another's)
        event.evidence.spans.target = None;
    }
}

/// The deaths a sentence reports belong to its first violent event (from `first` on), else to
/// the article's last violent event before it ("Two soldiers died later."), else they wait (the
/// sentence's range in `pending`) for the first violent event told after them. A summary that
/// says its toll is split among several events ("Fatalities are split across three events")
/// keeps its share.
fn add_deaths(
    tolls: &fatalities::Tolls,
    text: &str,
    tokens: &[Token],
    range: (usize, usize),
    events: &mut [Event],
    first: usize,
    pending: &mut Vec<(usize, usize)>,
) {
    // (a riot's dead are its toll as a battle's are, "14 are dead following a riot", unless the
    // deaths are why the crowd gathered: "rioted after the bodies of two herders were found")
    let riot = |e: &Event| e.acled.as_ref().is_some_and(|a| a.event_type.as_deref() == Some("Riots"));
    let riot_toll = events.iter().any(riot) && !fatalities::told_as_cause(tolls, text, tokens, range);
    let violent = |e: &Event| {
        matches!(e.cameo_root.as_str(), "18" | "19" | "20")
            || riot_toll && riot(e)
            || ontology::is_crowd_force(e)
            || e.acled
                .as_ref()
                .is_some_and(|a| a.sub_event_type.as_deref() == Some("Excessive force against protesters"))
    };
    // ("Soldiers attacked JNIM fighters near Mopti, killing six civilians": the six died in the
    // killing, not in the attack; but "attacked Dozo hunters, killing 7 people" or "attacked JNIM
    // militants, killing 4 fighters" names no other victims than the attack's)
    let opening = events[first..].iter().position(violent).map(|p| p + first);
    let class = |e: &Event| palaver_lexicon::SectorClass::of(e.target.as_ref().and_then(|t| t.sector.as_deref()));
    let other_victims = |e: &Event| {
        let generic = e.target.as_ref().and_then(|t| t.text.split_whitespace().last()).is_none_or(|w| {
            let w = w.to_lowercase();
            tolls.listed("toll_generic_victim", &w)
        });
        !generic && opening.is_none_or(|o| class(&events[o]) != class(e))
    };
    let killing = |e: &Event| violent(e) && tolls.kills(&e.evidence.verb) && other_victims(e);
    let here = events[first..].iter().position(killing).map(|p| p + first).or(opening);
    // (a later sentence's toll restates the deaths given before it, on the event that took them)
    let before = || {
        let earlier = &events[..first];
        earlier.iter().rposition(|e| violent(e) && e.fatalities.is_some()).or_else(|| earlier.iter().rposition(violent))
    };
    // (another account of a toll told before restates it, even where it names its own violence:
    // "Four are killed at the village. Local media however said 36 people were killed")
    let restated = || {
        events[..first]
            .iter()
            .rposition(|e| violent(e) && e.fatalities.is_some())
            .filter(|_| fatalities::alternative_account(tolls, text, tokens, range))
    };
    if let Some(target) = restated().or(here).or_else(before) {
        // (a revised toll replaces the count before it: "killing 25 (later raised to 37)")
        if let Some(dead) = fatalities::revised_toll(tolls, text, tokens, range) {
            events[target].fatalities = Some(dead);
        } else if let Some(dead) = fatalities::count(tolls, text, tokens, range) {
            // (a later sentence's toll mostly restates the deaths of the event before it, "killing
            // a trader ... Three dead", or includes them: the larger count; but another account
            // of it yields to the lower, "Conflicting reports suggest eight deaths")
            let e = &mut events[target];
            let other_account = target < first && fatalities::alternative_account(tolls, text, tokens, range);
            e.fatalities = Some(e.fatalities.map_or(dead, |f| if other_account { f.min(dead) } else { f.max(dead) }));
        } else if here.is_some() && events[target].fatalities.is_none() {
            // the violence a toll told before it was waiting for (counted only now: most
            // sentences before any violence report no toll, and most articles no violence)
            let waiting = pending.iter().rev().find_map(|&r| fatalities::count(tolls, text, tokens, r));
            events[target].fatalities = waiting;
        }
        pending.clear();
    } else {
        pending.push(range);
    }
    if events.iter().any(|e| e.fatalities.is_some()) {
        if let Some(n) = fatalities::split_among(tolls, text, tokens, range) {
            if let Some(e) = events.iter_mut().rev().find(|e| e.fatalities.is_some_and(|f| f >= n)) {
                e.fatalities = e.fatalities.map(|f| f.div_ceil(n));
            }
        }
    }
}

/// A report of events over several days ("clashes over two days. Twenty dead.") or in several
/// places ("attacked Dobi and Maisuma villages, killing 50") shares its toll among the days or
/// places, as ACLED records an event a day and a place, unless a sentence already said how the
/// toll is split.
fn share_toll_among_days_and_places(
    tolls: &fatalities::Tolls,
    text: &str,
    tokens: &[Token],
    sentences: &[text::Sentence],
    mentions: &[Mention],
    events: &mut [Event],
) {
    if events.iter().all(|e| e.fatalities.is_none()) || sentences.is_empty() {
        return;
    }
    if sentences.iter().any(|s| fatalities::split_among(tolls, text, tokens, s.tokens).is_some()) {
        return;
    }
    if let Some(days) = sentences.iter().find_map(|s| fatalities::days_spanned(tolls, text, tokens, s.tokens)) {
        for e in events.iter_mut() {
            if let Some(f) = e.fatalities.filter(|&f| f >= days) {
                e.fatalities = Some(f.div_ceil(days));
            }
        }
        return;
    }
    // a place's name is capitalised and names no actor ("clashes between Fulani and Berom")
    let actor = |k: usize| mentions.iter().any(|m| (m.start..m.end).contains(&k));
    let is_name = |k: usize| tokens[k].is(text::flag::CAPITAL) && !actor(k);
    // "Fatalities split between events": the places the report lists anywhere are the events
    let unstated = sentences.iter().any(|s| fatalities::split_unstated(tolls, text, tokens, s.tokens));
    let report_listed =
        || sentences.iter().find_map(|s| fatalities::places_listed(tolls, text, tokens, s.tokens, is_name));
    for e in events.iter_mut() {
        let Some(f) = e.fatalities else { continue };
        // the places the event's sentence names
        let listed = sentences
            .get(e.sentence_index)
            .and_then(|s| fatalities::places_listed(tolls, text, tokens, s.tokens, is_name))
            .or_else(|| unstated.then(report_listed).flatten());
        if let Some(n) = listed.filter(|&n| f >= n) {
            e.fatalities = Some(f.div_ceil(n));
        }
    }
}

/// The countries an article's places are looked for in, most named first: the countries it names
/// and its actors' (an actor deployed abroad counts where it acts: Barkhane in the Sahel; a people
/// where it lives: the Dogon in Mali). A country's armed forces do not count: armies fight away
/// from home.
fn article_countries(lex: &Lexicon, by_iso3: &FxHashMap<String, u32>, mentions: &[Mention]) -> Vec<String> {
    let mut counts: Vec<(String, usize, usize)> = Vec::new();
    for (order, m) in mentions.iter().enumerate() {
        let actor = m.who.actor.map(|a| &lex.actors[a as usize]);
        let named = m.who.country.map(|c| lex.countries[c as usize].iso3.clone());
        let armed = deployed_force(lex, m);
        // (a people's homelands: "the Dogon village of Kassa" is in Mali)
        let home = match (actor, &named) {
            (None, None) => m.who.agent.map_or(&[][..], |a| lex.agents[a as usize].home.as_slice()),
            _ => &[][..],
        };
        let theatre = actor.map_or(home, |a| a.theatre.as_slice());
        let country =
            if theatre.is_empty() { named.clone().or_else(|| actor.and_then(|a| a.country.clone())) } else { None };
        for c in theatre.iter().cloned().chain(country).filter(|c| by_iso3.contains_key(c)) {
            // an army's own country is no story country: "a U.S. soldier was killed near Samarra"
            if armed && named.as_ref() == Some(&c) {
                continue;
            }
            match counts.iter_mut().find(|e| e.0 == c) {
                Some(e) => e.1 += 1,
                None => counts.push((c, 1, order)),
            }
        }
    }

    counts.sort_by_key(|&(_, n, order)| (std::cmp::Reverse(n), order));
    counts.into_iter().map(|e| e.0).collect()
}

/// Whether a mention is a force that serves away from home: soldiers or peacekeepers ("French and
/// peacekeeping forces" in a story of Mali).
fn deployed_force(lex: &Lexicon, m: &Mention) -> bool {
    m.who.agent.is_some_and(|a| {
        let agent = &lex.agents[a as usize];
        agent.sector.as_deref() == Some("MIL") || agent.role == "PKO"
    })
}

/// The regions the article's named actors fight in (their `area=`, else their parent's), as the
/// gazetteer names them: (ISO3, the region's key).
fn actor_areas(
    lex: &Lexicon,
    g: &palaver_lexicon::gazetteer::Gazetteer,
    mentions: &[Mention],
) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for m in mentions {
        let Some(actor) = m.who.actor.map(|a| &lex.actors[a as usize]) else { continue };
        let parent = || actor.parent.as_ref().and_then(|p| lex.actor(p));
        let area = if actor.area.is_empty() { parent().map_or(&[][..], |p| p.area.as_slice()) } else { &actor.area };
        for (iso3, region) in area {
            let regions = g.regions_named(&palaver_lexicon::gazetteer::key(region));
            for r in regions.iter().map(|&i| &g.regions[i as usize]).filter(|r| r.iso3 == *iso3) {
                let entry = (iso3.clone(), palaver_lexicon::gazetteer::key(&r.name));
                if !out.contains(&entry) {
                    out.push(entry);
                }
            }
        }
    }
    out
}

/// The one country a sentence places itself in ("in neighbouring Burkina Faso", "near Djibo
/// (Burkina Faso)"), if there is exactly one.
fn only_country(mentions: &[Mention], tokens: &[Token]) -> Option<u32> {
    // (a country's name, not its people or forces: "in June French troops" places nothing)
    let placed = |m: &&Mention| {
        let before = |k: usize| m.start.checked_sub(k).map(|i| tokens[i].class);
        m.who.agent.is_none()
            && !m.who.people
            && (before(1) == Some(grammar::Word::Locative) || before(2) == Some(grammar::Word::Locative))
    };
    let mut countries = mentions.iter().filter(placed).filter_map(|m| m.who.country);
    let first = countries.next()?;
    countries.all(|c| c == first).then_some(first)
}

/// The country named most often in the article, directly or as a named actor's country (ties go
/// to the first named); and the same where an army named by its country does not count for it
/// (the country the story's insurgents fight in: "French troops" in a story of Mali do not make
/// the Islamist militants of the next clause French).
fn main_countries(lex: &Lexicon, by_iso3: &FxHashMap<String, u32>, mentions: &[Mention]) -> (Option<u32>, Option<u32>) {
    struct Count {
        country: u32,
        all: usize,
        first: usize,
        unarmed: usize,
        first_unarmed: usize,
    }
    // (both counts in one pass over the mentions)
    let mut counts: Vec<Count> = Vec::new();
    for (order, m) in mentions.iter().enumerate() {
        let armed = deployed_force(lex, m);
        let unarmed = !(armed && m.who.country.is_some());
        let actor_country =
            || m.who.actor.and_then(|a| lex.actors[a as usize].country.as_ref()).and_then(|c| by_iso3.get(c));
        let Some(c) = m.who.country.or_else(|| actor_country().copied()) else { continue };
        let i = match counts.iter().position(|e| e.country == c) {
            Some(i) => i,
            None => {
                counts.push(Count { country: c, all: 0, first: order, unarmed: 0, first_unarmed: usize::MAX });
                counts.len() - 1
            }
        };
        let e = &mut counts[i];
        e.all += 1;
        if unarmed {
            e.unarmed += 1;
            e.first_unarmed = e.first_unarmed.min(order);
        }
    }
    let with_armies = counts.iter().max_by_key(|e| (e.all, std::cmp::Reverse(e.first))).map(|e| e.country);
    let without_armies = counts
        .iter()
        .filter(|e| e.unarmed > 0)
        .max_by_key(|e| (e.unarmed, std::cmp::Reverse(e.first_unarmed)))
        .map(|e| e.country);
    (with_armies, without_armies)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::sync::OnceLock;

    pub fn lexicon() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| Lexicon::embedded().0)
    }

    /// English's grammar tables over the embedded lexicon.
    pub fn english() -> &'static Grammar {
        static G: OnceLock<Grammar> = OnceLock::new();
        G.get_or_init(|| Grammar::new(lexicon()))
    }

    /// A text's tokens and sentences, with the embedded lexicon.
    pub fn segmented(text: &str) -> (Vec<Token>, Vec<Sentence>) {
        let lex = lexicon();
        let g = english();
        let (mut spans, mut norm, mut tokens, mut sentences) = (Vec::new(), String::new(), Vec::new(), Vec::new());
        text::segment(text, lex, g, &mut spans, &mut norm, &mut tokens, &mut sentences);
        (tokens, sentences)
    }
}
