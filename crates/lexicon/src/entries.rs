//! The entries a lexicon holds. Each remembers the file and line it came from.

#![allow(missing_docs)]

use crate::vocab::WordId;
use std::fmt;
use std::sync::Arc;

/// Where an entry was written: a dictionary file and a 1-based line.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Origin {
    pub file: Arc<str>,
    pub line: u32,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// A calendar day as a number, `yyyymmdd`, so that ranges compare as integers.
pub type DayNumber = u32;

/// A country of ISO 3166-1.
#[derive(Clone, Debug)]
pub struct Country {
    pub iso3: String,
    pub iso2: String,
    /// CAMEO's country code (ISO3 almost always).
    pub cameo: String,
    /// Short display name.
    pub name: String,
    pub origin: Origin,
}

/// An actor code valid between two days (either end open).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatedCode {
    pub code: String,
    pub from: Option<DayNumber>,
    pub to: Option<DayNumber>,
}

impl DatedCode {
    /// Whether the code is in force on `day`.
    pub fn covers(&self, day: DayNumber) -> bool {
        self.from.is_none_or(|f| f <= day) && self.to.is_none_or(|t| day <= t)
    }

    /// Whether the code has no dates.
    pub fn undated(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }
}

/// A named actor: an organisation, a group, a person.
#[derive(Clone, Debug)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub codes: Vec<DatedCode>,
    pub country: Option<String>,
    pub sector: Option<String>,
    pub parent: Option<String>,
    /// Where it acts, when that is not its country (ISO3 codes): a foreign force deployed in the
    /// Sahel says the story is in the Sahel, not at home. Read only to place events.
    pub theatre: Vec<String>,
    /// The regions it fights in (ISO3 and a first-level region's name: `NGA:Borno`): among villages
    /// of one name, a story about it looks there first. Read only to place events.
    pub area: Vec<(String, String)>,
    /// An agent next to it adds its role to the code ("Arnor" + "government" -> ARNGOV): PETRARCH's
    /// rule for its actors, and palaver's for actors whose code is a bare country.
    pub takes_agents: bool,
    pub origin: Origin,
}

impl Actor {
    /// The code in force on `day` (a dated code that covers it, else the undated one); with no day
    /// known, the office held longest (a president is GOV, not the ELI of his later years), else
    /// the undated code.
    pub fn code_on(&self, day: Option<DayNumber>) -> Option<&str> {
        let dated = day.and_then(|d| self.codes.iter().find(|c| !c.undated() && c.covers(d)));
        let undated = || self.codes.iter().find(|c| c.undated());
        let span = |c: &&DatedCode| approx_days(c.to.unwrap_or(20261231)) - approx_days(c.from.unwrap_or(19000101));
        let longest = || self.codes.iter().filter(|c| !c.undated()).max_by_key(span);
        match day {
            Some(_) => dated.or_else(undated),
            None => longest().or_else(undated),
        }
        .map(|c| c.code.as_str())
    }
}

/// A day number as a rough count of days, enough to compare lengths of office.
fn approx_days(d: DayNumber) -> i64 {
    i64::from(d / 10000) * 372 + i64::from(d / 100 % 100) * 31 + i64::from(d % 100)
}

/// A generic agent: "troops", "protesters".
#[derive(Clone, Debug)]
pub struct Agent {
    /// CAMEO role code (MIL, CVL, GOVFRM ...).
    pub role: String,
    /// The role goes before the country code (PETRARCH's `NGO~`), not after it.
    pub prefix: bool,
    /// PLOVER sector.
    pub sector: Option<String>,
    /// Its sector when it is the author of violence (`armed_sector=`): herders who attack are a
    /// communal militia, as ACLED codes them.
    pub armed_sector: Option<String>,
    /// Its sector when it is the victim of violence (`victim_sector=`): a suspected thief beaten by
    /// a mob is a civilian, as ACLED codes it.
    pub victim_sector: Option<String>,
    /// The countries a people lives in (`home=`, ISO3 codes): a story about the Dogon looks for
    /// its villages in Mali. Read only to place events.
    pub home: Vec<String>,
    /// The first phrase listed.
    pub name: String,
    pub origin: Origin,
}

/// How far a discard reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiscardScope {
    Sentence,
    Story,
    /// A natural or accidental cause ("the flood", "a bus crash"): in its sentence, events with
    /// no perpetrator are not political violence and are dropped.
    Cause,
    /// A weapon ("an IED", "a landmine"): someone laid it, so a cause in the same sentence
    /// ("caused a wildfire", "the vehicle struck an IED") does not make its dead an accident's.
    Weapon,
    /// Words that name no actor though they hold an agent's ("Local Government Area", a
    /// Nigerian district): they only keep the agent from being read in them.
    Name,
}

/// A phrase that marks text as outside political events (sport, disasters).
#[derive(Clone, Debug)]
pub struct Discard {
    pub scope: DiscardScope,
    pub phrase: String,
    pub origin: Origin,
}

/// One CAMEO event code with its ontology facts.
#[derive(Clone, Debug)]
pub struct CameoCode {
    /// The code; `---` is the null code: a pattern that matches and codes nothing.
    pub code: String,
    pub root: String,
    pub name: String,
    pub goldstein: f32,
    pub quad_class: u8,
    pub plover_event: Option<String>,
    pub plover_mode: Option<String>,
}

/// One element of a verb pattern after its head.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PatternElem {
    /// A word, matched by lemma.
    Word(WordId),
    /// Where the target stands.
    Target,
    /// Where the source stands.
    Source,
    /// Up to four words of anything.
    Gap,
    /// Up to ten words, within the clause: PETRARCH's words that need only follow the verb.
    Skip,
    /// Any phrase of a synonym set (PETRARCH's `&NAME`).
    Set(u32),
    /// PETRARCH's `^`: one noun phrase passed over, with any actor in it ("at ^ +": not the place
    /// after "at" but the actor after it).
    Phrase,
}

/// A verb or noun pattern that codes an event.
#[derive(Clone, Debug)]
pub struct Pattern {
    /// Index into the lexicon's CAMEO table.
    pub code: u32,
    /// Lemma of the head word.
    pub head: WordId,
    /// Elements before the head, in text order (PETRARCH patterns may have them: `$ * +`). Each
    /// stands right before the next (or the head) unless a `Skip` or `Gap` stands between them.
    pub before: Vec<PatternElem>,
    pub elems: Vec<PatternElem>,
    /// The verb group must be negated ("would not conduct").
    pub negated: bool,
    /// PETRARCH's paired codes `[042:043]`: the code of the reverse event, target to source.
    pub paired: Option<u32>,
    /// PETRARCH's `%`: a compound subject's members act on each other ("X and Y postponed").
    pub compound: bool,
    /// The head is a verb only (PETRARCH's verb dictionaries): after an article it is a noun
    /// ("a brief visit") and the pattern does not apply. palaver's own heads are verbs and nouns.
    pub verb_only: bool,
    /// The pattern as written.
    pub text: String,
    pub origin: Origin,
}

impl Pattern {
    /// How specific the pattern is: its words count most, then its slots.
    pub fn weight(&self) -> u32 {
        let all = || self.before.iter().chain(&self.elems);
        let words = all().filter(|e| matches!(e, PatternElem::Word(_) | PatternElem::Set(_))).count() as u32;
        let slots = all().filter(|e| matches!(e, PatternElem::Target | PatternElem::Source)).count() as u32;
        words * 4 + slots * 2 + u32::from(self.negated) * 3
    }
}

/// The class of an actor's sector that ACLED's rules look at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SectorClass {
    /// The state's forces (MIL COP SPY); in rules, `state` is these and the officials.
    State,
    /// The state's unarmed officials (GOV JUD LEG): violence against them is against civilians
    /// for ACLED, as they cannot fight back.
    Official,
    Armed,
    Civilian,
    External,
    /// No actor, or an actor with no sector.
    None,
    /// Any of the above (in rules).
    Any,
}

impl SectorClass {
    /// The class of a PLOVER sector.
    pub fn of(sector: Option<&str>) -> SectorClass {
        match sector {
            Some("MIL" | "COP" | "SPY") => SectorClass::State,
            Some("GOV" | "JUD" | "LEG") => SectorClass::Official,
            // pro-government militias are armed non-state actors for ACLED, not state forces
            Some("REB" | "UAF" | "INS" | "SEP" | "CRM" | "PRM") => SectorClass::Armed,
            Some("IGO" | "PKO" | "NGO" | "UNO") => SectorClass::External,
            Some(_) => SectorClass::Civilian,
            None => SectorClass::None,
        }
    }

    /// Whether a rule's class admits an actor's.
    pub fn admits(self, actual: SectorClass) -> bool {
        self == SectorClass::Any || self == actual || (self == SectorClass::State && actual == SectorClass::Official)
    }
}

/// A rule of data/acled_rules.tsv: CAMEO code, actor classes and words -> ACLED type and sub-type.
#[derive(Clone, Debug)]
pub struct AcledRule {
    /// CAMEO code prefixes; empty = any.
    pub cameo: Vec<String>,
    pub source: SectorClass,
    pub target: SectorClass,
    /// Lemmas of which one must be in the sentence; empty = no condition.
    pub words: Vec<WordId>,
    pub event_type: String,
    pub sub_type: String,
    pub origin: Origin,
}

/// A rule of data/plover_mode_rules.tsv: a PLOVER event's mode from words of the sentence.
#[derive(Clone, Debug)]
pub struct PloverModeRule {
    pub event: String,
    pub words: Vec<WordId>,
    pub mode: String,
}

/// A line of a dictionary that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DictError {
    pub file: String,
    pub line: u32,
    pub message: String,
}

impl fmt::Display for DictError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for DictError {}
