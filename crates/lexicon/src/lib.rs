//! # palaver-lexicon
//!
//! palaver's dictionaries, built once into an immutable [`Lexicon`] that threads share read-only:
//! word forms and lemmas, countries, named actors, generic agents, verb and noun patterns, discards
//! and the CAMEO ontology table. Every entry remembers the file and line it came from, so every coded
//! event can name the dictionary line that produced it.
//!
//! ```
//! let (lexicon, errors) = palaver_lexicon::Lexicon::embedded();
//! assert!(errors.is_empty());
//! assert!(lexicon.cameo_code("190").is_some());
//! ```
#![deny(missing_docs)]

pub mod check;
pub mod config;
mod entries;
pub mod gazetteer;
mod load;
mod petrarch;
mod phrases;
mod vocab;
pub mod words;

pub use entries::*;
pub use load::{parse_day, DictKind};
pub use phrases::{Case, EntryKind, PhraseTarget, PhraseTrie};
pub use vocab::{Vocab, WordId, WordInfo, UNKNOWN};

use rustc_hash::FxHashMap;
use std::sync::Arc;

/// All dictionaries, compiled for lookup. Immutable once built.
#[derive(Debug)]
pub struct Lexicon {
    /// Words and lemmas.
    pub vocab: Vocab,
    /// Phrases of countries, actors, agents and discards.
    pub phrases: PhraseTrie,
    /// Countries, in file order.
    pub countries: Vec<Country>,
    /// Named actors, in file order.
    pub actors: Vec<Actor>,
    /// Generic agents, in file order.
    pub agents: Vec<Agent>,
    /// Discard phrases.
    pub discards: Vec<Discard>,
    /// Verb and noun patterns.
    pub patterns: Vec<Pattern>,
    /// The CAMEO code table.
    pub cameo: Vec<CameoCode>,
    /// Synonym sets of PETRARCH verb dictionaries: each a list of phrases.
    pub sets: Vec<Vec<Vec<WordId>>>,
    /// CAMEO actor types and their PLOVER sectors.
    pub actor_types: FxHashMap<String, Option<String>>,
    /// ACLED type rules, in order.
    pub acled_rules: Vec<AcledRule>,
    /// PLOVER mode rules, in order.
    pub plover_mode_rules: Vec<PloverModeRule>,
    /// The codes of intent or threat, and of refusal, of an act said to come or not to come, by
    /// the start of the act's code (data/cameo_intent.tsv).
    intents: FxHashMap<String, (u32, Option<u32>)>,
    /// PETRARCH transformations read but not applied.
    pub transformations_skipped: usize,
    set_names: FxHashMap<String, u32>,
    patterns_by_head: FxHashMap<WordId, Vec<u32>>,
    cameo_index: FxHashMap<String, u32>,
    actor_index: FxHashMap<String, u32>,
    /// Names of the files the lexicon was built from, in load order.
    pub sources: Vec<String>,
    /// Elided words the language's text splits off ("l'", "d'"), split off phrases alike.
    elisions: Vec<String>,
}

/// The files palaver ships, compiled into the binary: (kind, name, text).
pub const EMBEDDED: &[(DictKind, &str, &str)] = &[
    (DictKind::Cameo, "data/cameo.tsv", include_str!("../../../data/cameo.tsv")),
    (DictKind::ActorTypes, "data/actor_types.tsv", include_str!("../../../data/actor_types.tsv")),
    (DictKind::AcledRules, "data/acled_rules.tsv", include_str!("../../../data/acled_rules.tsv")),
    (DictKind::PloverModeRules, "data/plover_mode_rules.tsv", include_str!("../../../data/plover_mode_rules.tsv")),
    (DictKind::CameoIntent, "data/cameo_intent.tsv", include_str!("../../../data/cameo_intent.tsv")),
    (DictKind::VerbForms, "data/verb_forms.tsv", include_str!("../../../data/verb_forms.tsv")),
    (DictKind::NounPlurals, "data/noun_plurals.tsv", include_str!("../../../data/noun_plurals.tsv")),
    (DictKind::Countries, "dictionaries/countries.txt", include_str!("../../../dictionaries/countries.txt")),
    (DictKind::Actors, "dictionaries/actors.txt", include_str!("../../../dictionaries/actors.txt")),
    (DictKind::Actors, "dictionaries/groups.txt", include_str!("../../../dictionaries/groups.txt")),
    (DictKind::Actors, "dictionaries/leaders.txt", include_str!("../../../dictionaries/leaders.txt")),
    (DictKind::Agents, "dictionaries/agents.txt", include_str!("../../../dictionaries/agents.txt")),
    (DictKind::Verbs, "dictionaries/verbs.txt", include_str!("../../../dictionaries/verbs.txt")),
    (DictKind::Discards, "dictionaries/discards.txt", include_str!("../../../dictionaries/discards.txt")),
];

/// The files palaver ships for French: the shared tables and named actors, with French word forms,
/// countries, actor names, agents, patterns, discards and ACLED and PLOVER word rules.
pub const EMBEDDED_FR: &[(DictKind, &str, &str)] = &[
    (DictKind::Cameo, "data/cameo.tsv", include_str!("../../../data/cameo.tsv")),
    (DictKind::ActorTypes, "data/actor_types.tsv", include_str!("../../../data/actor_types.tsv")),
    (DictKind::AcledRules, "data/lang/fr/acled_rules.tsv", include_str!("../../../data/lang/fr/acled_rules.tsv")),
    (DictKind::CameoIntent, "data/cameo_intent.tsv", include_str!("../../../data/cameo_intent.tsv")),
    (
        DictKind::PloverModeRules,
        "data/lang/fr/plover_mode_rules.tsv",
        include_str!("../../../data/lang/fr/plover_mode_rules.tsv"),
    ),
    (DictKind::VerbForms, "data/lang/fr/verb_forms.tsv", include_str!("../../../data/lang/fr/verb_forms.tsv")),
    (DictKind::NounPlurals, "data/lang/fr/noun_forms.tsv", include_str!("../../../data/lang/fr/noun_forms.tsv")),
    (DictKind::Countries, "dictionaries/fr/countries.txt", include_str!("../../../dictionaries/fr/countries.txt")),
    (DictKind::Actors, "dictionaries/actors.txt", include_str!("../../../dictionaries/actors.txt")),
    (DictKind::Actors, "dictionaries/groups.txt", include_str!("../../../dictionaries/groups.txt")),
    (DictKind::Actors, "dictionaries/leaders.txt", include_str!("../../../dictionaries/leaders.txt")),
    (DictKind::Actors, "dictionaries/fr/actors.txt", include_str!("../../../dictionaries/fr/actors.txt")),
    (DictKind::Agents, "dictionaries/fr/agents.txt", include_str!("../../../dictionaries/fr/agents.txt")),
    (DictKind::Verbs, "dictionaries/fr/verbs.txt", include_str!("../../../dictionaries/fr/verbs.txt")),
    (DictKind::Discards, "dictionaries/fr/discards.txt", include_str!("../../../dictionaries/fr/discards.txt")),
];

/// The embedded dictionaries of a language other than English, by ISO 639-1 code.
pub fn embedded_files(lang: &str) -> Option<&'static [(DictKind, &'static str, &'static str)]> {
    match lang {
        "en" => Some(EMBEDDED),
        "fr" => Some(EMBEDDED_FR),
        _ => None,
    }
}

/// Collects dictionary files, then builds a [`Lexicon`].
#[derive(Default)]
pub struct LexiconBuilder {
    files: Vec<(DictKind, String, String)>,
    elisions: Vec<String>,
}

impl LexiconBuilder {
    /// Adds a file of the given kind; `name` is how its lines will be cited.
    pub fn add(mut self, kind: DictKind, name: impl Into<String>, text: impl Into<String>) -> Self {
        self.files.push((kind, name.into(), text.into()));
        self
    }

    /// Elided words that the language's text splits from the next word ("l'", "d'"), so that
    /// phrases are split alike ("Côte d'Ivoire": `cote` `d'` `ivoire`).
    pub fn elisions(mut self, elisions: impl IntoIterator<Item = String>) -> Self {
        self.elisions.extend(elisions.into_iter().map(|e| words::normalize(&e)));
        self
    }

    /// Adds palaver's own embedded dictionaries.
    pub fn embedded(mut self) -> Self {
        for (kind, name, text) in EMBEDDED {
            self = self.add(*kind, *name, *text);
        }
        self
    }

    /// Adds only the embedded tables every lexicon needs (CAMEO codes, actor types, word forms,
    /// countries for ISO codes), for coding with other dictionaries such as PETRARCH's.
    pub fn embedded_tables(mut self) -> Self {
        for (kind, name, text) in EMBEDDED {
            if matches!(
                kind,
                DictKind::Cameo
                    | DictKind::ActorTypes
                    | DictKind::AcledRules
                    | DictKind::VerbForms
                    | DictKind::NounPlurals
            ) {
                self = self.add(*kind, *name, *text);
            }
        }
        self
    }

    /// Builds the lexicon. Lines that could not be read are returned beside it, each with its file
    /// and line; the lexicon holds everything else.
    pub fn build(mut self) -> (Lexicon, Vec<DictError>) {
        self.files.sort_by_key(|(kind, _, _)| kind.rank());
        let mut lexicon = Lexicon::empty();
        lexicon.elisions = std::mem::take(&mut self.elisions);
        let mut errors = Vec::new();
        for (kind, name, text) in &self.files {
            let file: Arc<str> = name.as_str().into();
            lexicon.load(*kind, &file, text, &mut errors);
            lexicon.sources.push(name.clone());
        }
        lexicon.finish();
        (lexicon, errors)
    }
}

impl Lexicon {
    fn empty() -> Self {
        Lexicon {
            vocab: Vocab::new(),
            phrases: PhraseTrie::new(),
            countries: Vec::new(),
            actors: Vec::new(),
            agents: Vec::new(),
            discards: Vec::new(),
            patterns: Vec::new(),
            cameo: Vec::new(),
            sets: Vec::new(),
            actor_types: FxHashMap::default(),
            acled_rules: Vec::new(),
            plover_mode_rules: Vec::new(),
            intents: FxHashMap::default(),
            transformations_skipped: 0,
            set_names: FxHashMap::default(),
            patterns_by_head: FxHashMap::default(),
            cameo_index: FxHashMap::default(),
            actor_index: FxHashMap::default(),
            sources: Vec::new(),
            elisions: Vec::new(),
        }
    }

    /// A builder to which dictionary files are added.
    pub fn builder() -> LexiconBuilder {
        LexiconBuilder::default()
    }

    /// palaver's own dictionaries, as compiled into the binary.
    pub fn embedded() -> (Lexicon, Vec<DictError>) {
        Lexicon::builder().embedded().build()
    }

    /// palaver's own dictionaries for a language ("en", "fr"), or `None` for a language it has
    /// none for; `elisions` are the words its text splits off (see [`LexiconBuilder::elisions`]).
    pub fn embedded_language(lang: &str, elisions: &[String]) -> Option<(Lexicon, Vec<DictError>)> {
        let files = embedded_files(lang)?;
        let mut builder = Lexicon::builder().elisions(elisions.iter().cloned());
        for (kind, name, text) in files {
            builder = builder.add(*kind, *name, *text);
        }
        Some(builder.build())
    }

    /// Orders each head's patterns most specific first, so the first that matches wins.
    fn finish(&mut self) {
        let patterns = &self.patterns;
        for list in self.patterns_by_head.values_mut() {
            list.sort_by_key(|&i| (std::cmp::Reverse(patterns[i as usize].weight()), i));
        }
    }

    /// The patterns whose head has this lemma, most specific first.
    pub fn patterns_for(&self, lemma: WordId) -> &[u32] {
        self.patterns_by_head.get(&lemma).map_or(&[], Vec::as_slice)
    }

    /// Whether some pattern has this lemma as its head.
    pub fn is_head(&self, lemma: WordId) -> bool {
        self.patterns_by_head.contains_key(&lemma)
    }

    /// A CAMEO code's row.
    pub fn cameo_code(&self, code: &str) -> Option<&CameoCode> {
        self.cameo_index.get(code).map(|&i| &self.cameo[i as usize])
    }

    /// The index of a CAMEO code in [`Lexicon::cameo`].
    pub fn cameo_index(&self, code: &str) -> Option<u32> {
        self.cameo_index.get(code).copied()
    }

    /// The code of intent or threat of the act with this code index, when the act is said to
    /// come ("will meet": 036), by the longest start of its code listed in data/cameo_intent.tsv.
    pub fn intent_of(&self, code: u32) -> Option<u32> {
        self.intent_row(code).map(|(intent, _)| intent)
    }

    /// The code of refusal of the act with this code index, when the act is said not to come
    /// ("will not meet": 125).
    pub fn refusal_of(&self, code: u32) -> Option<u32> {
        self.intent_row(code).and_then(|(_, refusal)| refusal)
    }

    fn intent_row(&self, code: u32) -> Option<(u32, Option<u32>)> {
        let code = &self.cameo.get(code as usize)?.code;
        (1..=code.len()).rev().find_map(|n| self.intents.get(&code[..n]).copied())
    }

    /// The PLOVER sector of a CAMEO actor type code ("MIL" -> "MIL", "HLH" -> "MED").
    pub fn sector_of_type(&self, role: &str) -> Option<&str> {
        self.actor_types.get(role).and_then(|s| s.as_deref())
    }

    /// The index of a code, adding a code outside CAMEO (as PETRARCH's test dictionaries use) with
    /// no ontology facts.
    pub(crate) fn code_index_or_add(&mut self, code: &str) -> u32 {
        if let Some(&i) = self.cameo_index.get(code) {
            return i;
        }
        let i = self.cameo.len() as u32;
        let root = code.get(..2).unwrap_or(code).to_string();
        let name = if code == "---" { "null code: matches, codes nothing" } else { "not a CAMEO code" };
        self.cameo.push(CameoCode {
            code: code.into(),
            root,
            name: name.into(),
            goldstein: 0.0,
            quad_class: 0,
            plover_event: None,
            plover_mode: None,
        });
        self.cameo_index.insert(code.into(), i);
        i
    }

    pub(crate) fn register_actor(&mut self, actor: Actor) {
        self.actor_index.insert(actor.id.clone(), self.actors.len() as u32);
        self.actors.push(actor);
    }

    /// A named actor by id.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actor_index.get(id).map(|&i| &self.actors[i as usize])
    }

    /// A country by its CAMEO or ISO3 code.
    pub fn country_by_code(&self, code: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.cameo == code || c.iso3 == code)
    }
}
