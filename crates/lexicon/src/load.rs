//! Readers for palaver's own dictionary formats (see dictionaries/README.md). A bad line is reported
//! with its file and line and skipped; the rest of the file still loads.

use crate::entries::*;
use crate::phrases::{Case, EntryKind, PhraseTarget};
use crate::vocab::WordId;
use crate::words::{phrase_words, split_words, WordKind};
use crate::Lexicon;
use std::sync::Arc;

/// The kinds of file a lexicon is built from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictKind {
    /// data/cameo.tsv: the CAMEO event codes and their ontology facts.
    Cameo,
    /// data/actor_types.tsv: CAMEO actor types and their PLOVER sectors.
    ActorTypes,
    /// data/acled_rules.tsv: ACLED event types from CAMEO codes, actors and words.
    AcledRules,
    /// data/plover_mode_rules.tsv: PLOVER modes from words of the sentence.
    PloverModeRules,
    /// data/cameo_intent.tsv: the code of intent or threat of each act said to come.
    CameoIntent,
    /// data/verb_forms.tsv: verb inflections.
    VerbForms,
    /// data/noun_plurals.tsv: irregular plurals.
    NounPlurals,
    /// Countries with names, adjectives, people and capitals.
    Countries,
    /// Named actors.
    Actors,
    /// Generic agents.
    Agents,
    /// Verb and noun patterns.
    Verbs,
    /// Discard phrases.
    Discards,
    /// A PETRARCH-2 (CAMEO.2.0) or PETRARCH-1/TABARI verb dictionary.
    PetrarchVerbs,
    /// A PETRARCH/TABARI actor dictionary.
    PetrarchActors,
    /// A PETRARCH agent dictionary.
    PetrarchAgents,
    /// A PETRARCH discard list.
    PetrarchDiscards,
}

impl DictKind {
    /// The order in which kinds must load (codes and forms before the entries that use them).
    pub(crate) fn rank(self) -> u8 {
        self as u8
    }
}

/// The normal form of a table's word: as written when plain ASCII (English tables), else with
/// accents folded and lower-cased, as text words are looked up.
fn fold(word: &str) -> std::borrow::Cow<'_, str> {
    if word.is_ascii() {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(crate::words::normalize(word))
    }
}

/// The lines of a file that carry data, with their 1-based numbers and comments removed.
fn data_lines(text: &str) -> impl Iterator<Item = (u32, &str)> {
    text.lines().enumerate().filter_map(|(i, line)| {
        let body = line.split_once('#').map_or(line, |(a, _)| a).trim();
        (!body.is_empty()).then_some((i as u32 + 1, body))
    })
}

/// Like [`data_lines`] for tab-separated tables, where `#` may only start a comment line.
fn table_lines(text: &str) -> impl Iterator<Item = (u32, &str)> {
    text.lines().enumerate().filter_map(|(i, line)| {
        let t = line.trim_end_matches('\r');
        (!t.trim().is_empty() && !t.starts_with('#')).then_some((i as u32 + 1, t))
    })
}

fn fields(line: &str) -> Vec<&str> {
    line.split('|').map(str::trim).collect()
}

fn list(field: &str) -> impl Iterator<Item = &str> {
    field.split(';').map(str::trim).filter(|s| !s.is_empty())
}

/// Parses `key=value` pairs separated by spaces.
fn attributes(field: &str) -> Result<Vec<(&str, &str)>, String> {
    field
        .split_whitespace()
        .map(|kv| kv.split_once('=').ok_or_else(|| format!("attribute {kv:?} is not key=value")))
        .collect()
}

/// Whether a code has the form of an ISO3 country code.
fn is_iso3(c: &str) -> bool {
    c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase())
}

/// An attribute's `;`-separated ISO3 codes (`theatre=MLI;NER`, `home=MLI`).
fn iso3_list(attribute: &str, value: &str) -> Result<Vec<String>, String> {
    let codes: Vec<String> = list(value).map(String::from).collect();
    match codes.iter().find(|c| !is_iso3(c)) {
        Some(bad) => Err(format!("{attribute} {bad:?} is not an ISO3 code")),
        None => Ok(codes),
    }
}

/// Parses `YYYY-MM-DD` into a day number.
pub fn parse_day(s: &str) -> Option<DayNumber> {
    let mut parts = s.split('-');
    let y: u32 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let d: u32 = parts.next()?.parse().ok()?;
    (parts.next().is_none() && (1..=12).contains(&m) && (1..=31).contains(&d) && y < 10000)
        .then_some(y * 10000 + m * 100 + d)
}

fn dated_code(s: &str) -> Result<DatedCode, String> {
    let mut it = s.split_whitespace();
    let code = it.next().ok_or("empty code")?.to_string();
    if !code.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) || code.len() % 3 != 0 {
        return Err(format!("actor code {code:?} is not made of three-letter upper-case parts"));
    }
    let (from, to) = match it.next() {
        None => (None, None),
        Some(range) => {
            let (a, b) = range.split_once("..").ok_or_else(|| format!("date range {range:?} has no '..'"))?;
            let day = |x: &str| -> Result<Option<DayNumber>, String> {
                if x.is_empty() {
                    Ok(None)
                } else {
                    parse_day(x).map(Some).ok_or_else(|| format!("{x:?} is not a YYYY-MM-DD date"))
                }
            };
            (day(a)?, day(b)?)
        }
    };
    if it.next().is_some() {
        return Err(format!("code {s:?} has more than a code and a date range"));
    }
    Ok(DatedCode { code, from, to })
}

/// How a phrase must be written in the text to match, judged from how the dictionary writes it.
fn case_of(phrase: &str, proper: bool) -> Case {
    let letters: Vec<char> = phrase.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.iter().all(|c| c.is_uppercase());
    if upper && !letters.is_empty() && letters.len() <= 6 && !phrase.contains(' ') {
        Case::Upper
    } else if proper {
        Case::Capitalized
    } else {
        Case::Any
    }
}

impl Lexicon {
    pub(crate) fn origin(&self, file: &Arc<str>, line: u32) -> Origin {
        Origin { file: file.clone(), line }
    }

    pub(crate) fn add_phrase(
        &mut self,
        phrase: &str,
        kind: EntryKind,
        index: u32,
        proper: bool,
        line: u32,
    ) -> Result<(), String> {
        let mut words: Vec<WordId> = Vec::new();
        for w in phrase_words(phrase) {
            // "Côte d'Ivoire" in a language whose text splits "d'" off: the same words as the text
            match self.elisions.iter().find_map(|e| w.strip_prefix(e.as_str()).filter(|rest| !rest.is_empty())) {
                Some(rest) => {
                    let cut = w.len() - rest.len();
                    words.push(self.vocab.intern(&w[..cut]));
                    words.push(self.vocab.intern(rest));
                }
                None => words.push(self.vocab.intern(&w)),
            }
        }
        if words.is_empty() {
            return Err(format!("phrase {phrase:?} has no words"));
        }
        let case = case_of(phrase, proper);
        if !phrase.chars().any(char::is_uppercase) {
            for &w in &words {
                self.vocab.mark_lower(w);
            }
        }
        self.phrases.insert(&words, PhraseTarget { kind, index, case, line });
        Ok(())
    }

    pub(crate) fn load(&mut self, kind: DictKind, file: &Arc<str>, text: &str, errors: &mut Vec<DictError>) {
        let lines: Vec<(u32, &str)> = match kind {
            DictKind::Cameo
            | DictKind::ActorTypes
            | DictKind::AcledRules
            | DictKind::CameoIntent
            | DictKind::VerbForms
            | DictKind::NounPlurals => table_lines(text).collect(),
            DictKind::PetrarchVerbs
            | DictKind::PetrarchActors
            | DictKind::PetrarchAgents
            | DictKind::PetrarchDiscards => {
                return crate::petrarch::load(self, kind, file, text, errors);
            }
            _ => data_lines(text).collect(),
        };
        for (line, body) in lines {
            let result = match kind {
                DictKind::Cameo => self.load_cameo(body),
                DictKind::ActorTypes => self.load_actor_type(body),
                DictKind::AcledRules => self.load_acled_rule(file, line, body),
                DictKind::PloverModeRules => self.load_plover_mode_rule(body),
                DictKind::CameoIntent => self.load_cameo_intent(body),
                DictKind::PetrarchVerbs
                | DictKind::PetrarchActors
                | DictKind::PetrarchAgents
                | DictKind::PetrarchDiscards => Ok(()),
                DictKind::VerbForms => self.load_verb_forms(body),
                DictKind::NounPlurals => self.load_noun_plurals(body),
                DictKind::Countries => self.load_country(file, line, body),
                DictKind::Actors => self.load_actor(file, line, body),
                DictKind::Agents => self.load_agent(file, line, body),
                DictKind::Verbs => self.load_pattern(file, line, body),
                DictKind::Discards => self.load_discard(file, line, body),
            };
            if let Err(message) = result {
                errors.push(DictError { file: file.to_string(), line, message });
            }
        }
    }

    fn load_cameo(&mut self, body: &str) -> Result<(), String> {
        let f: Vec<&str> = body.split('\t').collect();
        if f.len() < 5 {
            return Err(format!("expected 7 tab-separated fields, found {}", f.len()));
        }
        let goldstein = f[3].parse().map_err(|_| format!("Goldstein value {:?} is not a number", f[3]))?;
        let quad_class = f[4].parse().ok().filter(|q| (1..=4).contains(q)).ok_or("QuadClass is not 1-4")?;
        let opt = |i: usize| f.get(i).map(|s| s.trim()).filter(|s| !s.is_empty()).map(String::from);
        let code = CameoCode {
            code: f[0].to_string(),
            root: f[1].to_string(),
            name: f[2].to_string(),
            goldstein,
            quad_class,
            plover_event: opt(5),
            plover_mode: opt(6),
        };
        if self.cameo_index.contains_key(&code.code) {
            return Err(format!("CAMEO code {} listed twice", code.code));
        }
        self.cameo_index.insert(code.code.clone(), self.cameo.len() as u32);
        self.cameo.push(code);
        Ok(())
    }

    fn load_actor_type(&mut self, body: &str) -> Result<(), String> {
        let f: Vec<&str> = body.split('\t').collect();
        if f.len() < 2 {
            return Err("expected code, name and PLOVER sector".into());
        }
        let sector = f.get(2).map(|s| s.trim()).filter(|s| !s.is_empty()).map(String::from);
        self.actor_types.insert(f[0].to_string(), sector);
        Ok(())
    }

    fn load_acled_rule(&mut self, file: &Arc<str>, line: u32, body: &str) -> Result<(), String> {
        let f: Vec<&str> = body.split('\t').map(str::trim).collect();
        if f.len() != 6 {
            return Err(format!(
                "expected 6 tab-separated fields (cameo, source, target, words, type, subtype), found {}",
                f.len()
            ));
        }
        let class = |s: &str| -> Result<SectorClass, String> {
            Ok(match s {
                "*" => SectorClass::Any,
                "state" => SectorClass::State,
                "official" => SectorClass::Official,
                "armed" => SectorClass::Armed,
                "civilian" => SectorClass::Civilian,
                "external" => SectorClass::External,
                "none" => SectorClass::None,
                other => {
                    return Err(format!(
                        "actor class {other:?} is not state, official, armed, civilian, external, none or *"
                    ))
                }
            })
        };
        let list = |s: &str| -> Vec<String> {
            if s == "*" {
                Vec::new()
            } else {
                s.split(',').map(|x| x.trim().to_string()).filter(|x| !x.is_empty()).collect()
            }
        };
        let words = list(f[3])
            .iter()
            .map(|w| {
                let w = &*fold(w);
                let id = self.vocab.intern(w);
                self.register_plurals(w, id);
                self.vocab.lemma(id)
            })
            .collect();
        let rule = AcledRule {
            cameo: list(f[0]),
            source: class(f[1])?,
            target: class(f[2])?,
            words,
            event_type: f[4].to_string(),
            sub_type: f[5].to_string(),
            origin: self.origin(file, line),
        };
        self.acled_rules.push(rule);
        Ok(())
    }

    fn load_cameo_intent(&mut self, body: &str) -> Result<(), String> {
        let f: Vec<&str> = body.split('\t').map(str::trim).collect();
        let (start, intent, refusal) = match f[..] {
            [start, intent] => (start, intent, None),
            [start, intent, refusal] => (start, intent, Some(refusal)),
            _ => {
                return Err(format!("expected 2 or 3 tab-separated fields (code, intent, refusal), found {}", f.len()))
            }
        };
        if !self.cameo.iter().any(|c| c.code.starts_with(start)) {
            return Err(format!("no CAMEO code starts with {start:?}"));
        }
        let code = |c: &str| self.cameo_index(c).ok_or_else(|| format!("{c:?} is no CAMEO code"));
        let intent = code(intent)?;
        let refusal = refusal.map(code).transpose()?;
        if self.intents.insert(start.to_string(), (intent, refusal)).is_some() {
            return Err(format!("{start:?} listed twice"));
        }
        Ok(())
    }

    fn load_plover_mode_rule(&mut self, body: &str) -> Result<(), String> {
        let f: Vec<&str> = body.split('\t').map(str::trim).collect();
        if f.len() != 3 {
            return Err(format!("expected 3 tab-separated fields (event, words, mode), found {}", f.len()));
        }
        let words = f[1]
            .split(',')
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .map(|w| {
                let w = &*fold(w);
                let id = self.vocab.intern(w);
                self.register_plurals(w, id);
                self.vocab.lemma(id)
            })
            .collect();
        self.plover_mode_rules.push(PloverModeRule { event: f[0].into(), words, mode: f[2].into() });
        Ok(())
    }

    fn load_verb_forms(&mut self, body: &str) -> Result<(), String> {
        let f: Vec<&str> = body.split('\t').collect();
        let lemma = self.vocab.mark_lemma(&fold(f[0]));
        for (i, field) in f.iter().enumerate().skip(1) {
            for form in field.split_whitespace() {
                let form = &*fold(form);
                // columns: past, past participle, -ing, third person, other forms
                self.vocab.add_form(form, lemma, i == 2 || i == 5);
                let id = self.vocab.get(form);
                if id != lemma {
                    self.vocab.mark_verb_form(id);
                }
            }
        }
        Ok(())
    }

    fn load_noun_plurals(&mut self, body: &str) -> Result<(), String> {
        let f: Vec<&str> = body.split('\t').collect();
        if f.len() != 2 {
            return Err("expected a singular and its plurals".into());
        }
        let lemma = self.vocab.intern(&fold(f[0]));
        for form in f[1].split_whitespace() {
            self.vocab.add_form(&fold(form), lemma, false);
        }
        Ok(())
    }

    fn load_country(&mut self, file: &Arc<str>, line: u32, body: &str) -> Result<(), String> {
        let f = fields(body);
        if f.len() != 7 {
            return Err(format!(
                "expected 7 fields (ISO3 | ISO2 | CAMEO | names | adjectives | people | capitals), found {}",
                f.len()
            ));
        }
        let name = list(f[3]).next().ok_or("a country needs a name")?.to_string();
        if f[0].len() != 3 || !f[0].chars().all(|c| c.is_ascii_uppercase()) {
            return Err(format!("ISO3 code {:?} is not three upper-case letters", f[0]));
        }
        let index = self.countries.len() as u32;
        let cameo = if f[2].is_empty() { f[0] } else { f[2] };
        self.countries.push(Country {
            iso3: f[0].into(),
            iso2: f[1].into(),
            cameo: cameo.into(),
            name,
            origin: self.origin(file, line),
        });
        let kinds =
            [EntryKind::CountryName, EntryKind::CountryAdjective, EntryKind::CountryPeople, EntryKind::CountryCapital];
        for (field, kind) in f[3..].iter().zip(kinds) {
            for phrase in list(field) {
                // an adjective written in lower case is one ("soldats maliens"): any case matches
                let proper = !(kind == EntryKind::CountryAdjective && phrase.starts_with(char::is_lowercase));
                self.add_phrase(phrase, kind, index, proper, line)?;
            }
        }
        Ok(())
    }

    fn load_actor(&mut self, file: &Arc<str>, line: u32, body: &str) -> Result<(), String> {
        let f = fields(body);
        if f.len() == 2 {
            return self.load_actor_names(line, &f);
        }
        if !(3..=4).contains(&f.len()) {
            return Err(format!("expected id | codes | phrases | attributes, found {} fields", f.len()));
        }
        let id = f[0].to_string();
        if id.is_empty() || !id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
            return Err(format!("actor id {id:?} must be lower-case letters, digits and _"));
        }
        if self.actor_index.contains_key(&id) {
            return Err(format!("actor id {id:?} is defined twice"));
        }
        let codes = list(f[1]).map(dated_code).collect::<Result<Vec<_>, _>>()?;
        if codes.is_empty() {
            return Err(format!("actor {id:?} has no code"));
        }
        let phrases: Vec<&str> = list(f[2]).collect();
        let name = phrases.first().ok_or_else(|| format!("actor {id:?} has no phrase"))?.to_string();
        let (mut country, mut sector, mut parent, mut theatre, mut area) = (None, None, None, Vec::new(), Vec::new());
        for (k, v) in attributes(f.get(3).copied().unwrap_or(""))? {
            if k == "area" {
                for item in list(v) {
                    let (iso3, region) = item
                        .split_once(':')
                        .filter(|(c, r)| is_iso3(c) && !r.trim().is_empty())
                        .ok_or_else(|| format!("area {item:?} is not ISO3:Region"))?;
                    // ("Far_North": attributes are split at spaces)
                    area.push((iso3.to_string(), region.trim().replace('_', " ")));
                }
                continue;
            }
            if k == "theatre" {
                theatre = iso3_list(k, v)?;
                continue;
            }
            let v = (!v.is_empty()).then(|| v.to_string());
            match k {
                "country" => country = v,
                "sector" => sector = v,
                "parent" => parent = v,
                _ => return Err(format!("unknown attribute {k:?}")),
            }
        }
        let index = self.actors.len() as u32;
        self.actor_index.insert(id.clone(), index);
        let takes_agents = codes.iter().all(|c| c.code.len() == 3);
        self.actors.push(Actor {
            id,
            name,
            codes,
            country,
            sector,
            parent,
            theatre,
            area,
            takes_agents,
            origin: self.origin(file, line),
        });
        for phrase in phrases {
            self.add_phrase(phrase, EntryKind::Actor, index, true, line)?;
        }
        Ok(())
    }

    /// `id | phrases`: more names of an actor defined before (its names in another language).
    fn load_actor_names(&mut self, line: u32, f: &[&str]) -> Result<(), String> {
        let index = *self.actor_index.get(f[0]).ok_or_else(|| {
            format!("actor id {:?} is not defined in an earlier file: `id | phrases` adds names", f[0])
        })?;
        for phrase in list(f[1]) {
            self.add_phrase(phrase, EntryKind::Actor, index, true, line)?;
        }
        Ok(())
    }

    fn load_agent(&mut self, file: &Arc<str>, line: u32, body: &str) -> Result<(), String> {
        let f = fields(body);
        if !(2..=3).contains(&f.len()) {
            return Err(format!("expected ROLE | phrases | attributes, found {} fields", f.len()));
        }
        let role = f[0].to_string();
        if role.len() != 3 || !role.chars().all(|c| c.is_ascii_uppercase()) {
            return Err(format!("agent role {role:?} is not a three-letter CAMEO type"));
        }
        let (mut sector, mut armed_sector, mut victim_sector, mut home) = (None, None, None, Vec::new());
        for (k, v) in attributes(f.get(2).copied().unwrap_or(""))? {
            match k {
                "home" => home = iso3_list(k, v)?,
                "sector" => sector = Some(v.to_string()),
                "armed_sector" => armed_sector = Some(v.to_string()),
                "victim_sector" => victim_sector = Some(v.to_string()),
                _ => return Err(format!("unknown attribute {k:?}")),
            }
        }
        let phrases: Vec<&str> = list(f[1]).collect();
        let name = phrases.first().ok_or("an agent needs a phrase")?.to_string();
        let index = self.agents.len() as u32;
        let origin = self.origin(file, line);
        self.agents.push(Agent { role, prefix: false, sector, armed_sector, victim_sector, home, name, origin });
        for phrase in phrases {
            self.add_phrase(phrase, EntryKind::Agent, index, false, line)?;
        }
        Ok(())
    }

    fn load_discard(&mut self, file: &Arc<str>, line: u32, body: &str) -> Result<(), String> {
        let f = fields(body);
        if f.len() != 2 {
            return Err("expected scope | phrases".into());
        }
        let scope = match f[0] {
            "sentence" => DiscardScope::Sentence,
            "story" => DiscardScope::Story,
            "cause" => DiscardScope::Cause,
            "weapon" => DiscardScope::Weapon,
            "name" => DiscardScope::Name,
            s => return Err(format!("discard scope {s:?} is not sentence, story, cause, weapon or name")),
        };
        for phrase in list(f[1]) {
            let index = self.discards.len() as u32;
            self.discards.push(Discard { scope, phrase: phrase.into(), origin: self.origin(file, line) });
            self.add_phrase(phrase, EntryKind::Discard, index, false, line)?;
        }
        Ok(())
    }

    fn load_pattern(&mut self, file: &Arc<str>, line: u32, body: &str) -> Result<(), String> {
        let (code, pattern) = body.split_once('|').ok_or("expected CODE | pattern")?;
        let code = code.trim();
        let &code_index = self.cameo_index.get(code).ok_or_else(|| format!("unknown CAMEO code {code:?}"))?;
        let mut spans = Vec::new();
        split_words(pattern, &mut spans);
        let mut negated = false;
        let mut elems = Vec::new();
        for s in &spans {
            let w = &pattern[s.start..s.end];
            match (w, s.kind) {
                ("+", _) => elems.push(PatternElem::Target),
                ("$", _) => elems.push(PatternElem::Source),
                ("*", _) => elems.push(PatternElem::Gap),
                ("not" | "n't", _) => negated = true,
                (_, WordKind::Punct) if w != "-" && w != "'" => return Err(format!("unexpected {w:?} in pattern")),
                _ => {
                    let norm = crate::words::normalize(w);
                    let id = self.vocab.intern(&norm);
                    self.register_plurals(&norm, id);
                    elems.push(PatternElem::Word(self.vocab.lemma(id)));
                }
            }
        }
        // "+ strike * ied": the subject is the target (the vehicle that struck the mine), not the source
        let before = if elems.first() == Some(&PatternElem::Target) {
            elems.remove(0);
            vec![PatternElem::Target]
        } else {
            Vec::new()
        };
        let head = match elems.first() {
            Some(PatternElem::Word(h)) => *h,
            _ => return Err("a pattern must start with its head word (or + and its head word)".into()),
        };
        elems.remove(0);
        if elems.iter().filter(|e| **e == PatternElem::Target).count() > 1
            || elems.iter().filter(|e| **e == PatternElem::Source).count() > 1
        {
            return Err("a pattern has at most one + and one $".into());
        }
        let origin = self.origin(file, line);
        let p = Pattern {
            code: code_index,
            head,
            before,
            elems,
            negated,
            paired: None,
            compound: false,
            verb_only: false,
            text: pattern.trim().to_string(),
            origin,
        };
        self.add_pattern(p);
        Ok(())
    }

    pub(crate) fn add_pattern(&mut self, p: Pattern) {
        let index = self.patterns.len() as u32;
        self.patterns_by_head.entry(p.head).or_default().push(index);
        self.patterns.push(p);
    }

    /// Lets a pattern noun match its regular plurals ("clash" -> "clashes").
    pub(crate) fn register_plurals(&mut self, word: &str, id: WordId) {
        if !word.chars().all(|c| c.is_ascii_lowercase()) {
            return;
        }
        // English adds -es only after a sibilant or an o ("clashes", "heroes"), -ies after a
        // consonant and y ("militias", "parties"); "departes" is no form of "depart"
        let sibilant = ["s", "x", "z", "ch", "sh", "o"].iter().any(|e| word.ends_with(e));
        let mut forms = vec![if sibilant { format!("{word}es") } else { format!("{word}s") }];
        if let Some(stem) = word.strip_suffix('y').filter(|s| !s.ends_with(['a', 'e', 'i', 'o', 'u'])) {
            forms.push(format!("{stem}ies"));
        }
        // French "combat" is also a form of "combattre", which patterns name it by: its plural
        // "combats" is a form of both
        let lemma = self.vocab.lemma(id);
        for form in forms {
            self.vocab.add_form(&form, id, false);
            if lemma != id {
                self.vocab.add_form(&form, lemma, false);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_days_and_codes() {
        assert_eq!(parse_day("2021-10-19"), Some(20211019));
        assert_eq!(parse_day("2021-13-01"), None);
        assert_eq!(parse_day("x"), None);
        let c = dated_code("FRAGOV 2017-05-14..").unwrap();
        assert_eq!((c.from, c.to), (Some(20170514), None));
        assert!(dated_code("FRAGO").is_err());
        assert!(dated_code("FRAGOV 2017..").is_err());
    }

    #[test]
    fn a_target_may_stand_before_the_head() {
        let (lex, errors) = crate::Lexicon::embedded();
        assert!(errors.is_empty(), "{errors:?}");
        let p = lex.patterns.iter().find(|p| p.text == "+ strike * ied").expect("the pattern");
        assert_eq!(p.before, vec![PatternElem::Target]);
        assert_eq!(lex.vocab.text(p.head), "strike");
    }

    #[test]
    fn reads_lists_of_country_codes() {
        assert_eq!(iso3_list("home", "MLI;NER").unwrap(), vec!["MLI".to_string(), "NER".to_string()]);
        let e = iso3_list("home", "MLI;Mali").unwrap_err();
        assert!(e.contains("home \"Mali\" is not an ISO3 code"), "{e}");
        let (lex, _) = crate::Lexicon::embedded();
        let bh = lex.actor("boko_haram").expect("Boko Haram");
        assert!(bh.area.contains(&("CMR".to_string(), "Far North".to_string())), "{:?}", bh.area);
    }

    #[test]
    fn intents_take_the_longest_listed_start_and_report_bad_lines() {
        let (lex, errors) = crate::Lexicon::embedded();
        assert!(errors.is_empty(), "{errors:?}");
        let name = |i: u32| lex.cameo[i as usize].code.clone();
        let intent = |code: &str| lex.intent_of(lex.cameo_index(code).unwrap()).map(name);
        let refusal = |code: &str| lex.refusal_of(lex.cameo_index(code).unwrap()).map(name);
        assert_eq!(intent("040").as_deref(), Some("036"));
        assert_eq!(intent("0871").as_deref(), Some("0356"));
        assert_eq!(intent("163").as_deref(), Some("1312"));
        assert_eq!(intent("010"), None);
        assert_eq!(refusal("040").as_deref(), Some("125"));
        assert_eq!(refusal("0874").as_deref(), Some("1246"));
        assert_eq!(refusal("190"), None);
        let text = "04\t036\n0999\t036\n05\t999\n06\n04\t036\t125\n07\t033\t999\n";
        let (_, errors) =
            crate::Lexicon::builder().embedded_tables().add(DictKind::CameoIntent, "intent.tsv", text).build();
        let lines: Vec<u32> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [2, 3, 4, 5, 6], "{errors:?}");
    }

    #[test]
    fn judges_case() {
        assert_eq!(case_of("HCI", true), Case::Upper);
        assert_eq!(case_of("U.S.", true), Case::Upper);
        assert_eq!(case_of("Chad", true), Case::Capitalized);
        assert_eq!(case_of("troops", false), Case::Any);
    }
}
