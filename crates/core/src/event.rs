//! The event record: the public contract of ../shared/DESIGN.md, one JSON object per event.

use serde::{Deserialize, Serialize};

/// One side of an event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActorRecord {
    /// The words of the text that name it.
    pub text: String,
    /// CAMEO actor code (country + role, or an international code).
    pub code: Option<String>,
    /// palaver's id for a named actor.
    pub actor_id: Option<String>,
    /// Display name of a named actor.
    pub name: Option<String>,
    /// ISO 3166-1 alpha-3.
    pub country: Option<String>,
    /// PLOVER sector.
    pub sector: Option<String>,
}

/// PLOVER event type and mode.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Plover {
    pub event: Option<String>,
    pub mode: Option<String>,
}

/// ACLED event type and sub-type.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Acled {
    pub event_type: Option<String>,
    pub sub_event_type: Option<String>,
}

/// Where an event happened.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub name: String,
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub admin2: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub precision: String,
    pub geonameid: Option<u64>,
}

/// Byte ranges of the parts of the evidence, into the article text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Spans {
    pub source: Option<[usize; 2]>,
    pub target: Option<[usize; 2]>,
    pub verb: [usize; 2],
}

/// What the event was read from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub sentence: String,
    pub verb: String,
    pub spans: Spans,
}

/// One coded event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub doc_id: String,
    pub event_id: String,
    pub sentence_index: usize,
    pub date: Option<String>,
    pub date_precision: String,
    pub source: Option<ActorRecord>,
    pub target: Option<ActorRecord>,
    pub cameo: String,
    pub cameo_root: String,
    pub quad_class: u8,
    pub goldstein: f32,
    pub plover: Plover,
    pub acled: Option<Acled>,
    pub location: Option<Location>,
    pub fatalities: Option<u32>,
    pub negated: bool,
    /// Who the text says said it ("..., ministry spokesperson Khalil Camara told Reuters").
    pub attribution: Option<ActorRecord>,
    /// The third party between source and target ("talks mediated by the High Islamic Council").
    #[serde(default)]
    pub mediator: Option<ActorRecord>,
    /// The language the event was coded from (ISO 639-1: "en", "fr").
    #[serde(default = "english")]
    pub lang: String,
    pub evidence: Evidence,
    /// The dictionary line that produced the code, `file:line`.
    pub rule: String,
}

/// The language of records written before events carried one.
fn english() -> String {
    "en".into()
}
