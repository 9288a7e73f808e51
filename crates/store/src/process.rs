//! Peace processes: events grouped into negotiation tracks, one per pair of parties, with their
//! mediators; each step (proposal, talks, agreement, implementation, rejection, breakdown,
//! violence) with its evidence; the life of each agreement read from what follows it; the violence
//! around it before and after; and a conflict-cooperation index for the pair by month.
//!
//! An agreement with no other side named ("the communities signed an accord") is a track of its
//! source with itself: an agreement among the members of that party.
//!
//! A party is a named actor (by its id), or a state: a country's government, military, police,
//! courts or the country itself (`MLIGOV`, `MLIMIL`, `MLI`) are one party, the state of Mali; any
//! other coded group (`MLICVL`, `MLIREB`) is a party by its code.
//!
//! Which CAMEO codes are which step is data: `data/process_steps.tsv`. The lifecycle rules:
//! - **broken**: after the agreement (a later day than it covers), a breakdown (a rejected deal,
//!   a violated ceasefire) or violence between the two parties; the first such event is the evidence;
//! - **abandoned**: else a rejection by either party (talks refused, relations cut);
//! - **in force**: else later steps of the track (talks, implementation, another agreement);
//! - **signed**: nothing known after it.

use crate::dedup::distance_km;
use crate::query::{day_label, ActorSummary, Filter};
use crate::{Result, Store, StoreError};
use rusqlite::types::Value;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

const STEPS: &str = include_str!("../../../data/process_steps.tsv");

/// A step of a peace process.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Step {
    Proposal,
    Talks,
    Agreement,
    Implementation,
    Rejection,
    Breakdown,
    Violence,
}

impl Step {
    fn parse(s: &str) -> Option<Step> {
        Some(match s {
            "proposal" => Step::Proposal,
            "talks" => Step::Talks,
            "agreement" => Step::Agreement,
            "implementation" => Step::Implementation,
            "rejection" => Step::Rejection,
            "breakdown" => Step::Breakdown,
            "violence" => Step::Violence,
            _ => return None,
        })
    }

    /// Steps that make a pair of actors a negotiation track.
    fn is_peaceful(self) -> bool {
        matches!(self, Step::Proposal | Step::Talks | Step::Agreement | Step::Implementation)
    }
}

/// The step table: (CAMEO prefix, step), longest prefixes first.
pub fn step_table() -> &'static [(String, Step)] {
    static TABLE: OnceLock<Vec<(String, Step)>> = OnceLock::new();
    TABLE.get_or_init(|| parse_steps(STEPS).unwrap_or_else(|e| panic!("data/process_steps.tsv: {e}")))
}

/// Reads a step table; an unreadable line is an error naming it.
pub fn parse_steps(text: &str) -> std::result::Result<Vec<(String, Step)>, String> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(prefix), Some(step)) = (cols.next(), cols.next()) else {
            return Err(format!("line {}: expected PREFIX<TAB>STEP", i + 1));
        };
        if !prefix.chars().all(|c| c.is_ascii_digit()) || prefix.is_empty() || prefix.len() > 4 {
            return Err(format!("line {}: {prefix:?} is not a CAMEO code prefix", i + 1));
        }
        let step = Step::parse(step.trim()).ok_or_else(|| format!("line {}: unknown step {step:?}", i + 1))?;
        out.push((prefix.to_string(), step));
    }
    out.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    Ok(out)
}

/// The step a CAMEO code is, if any.
pub fn step_of(cameo: &str) -> Option<Step> {
    step_table().iter().find(|(p, _)| cameo.starts_with(p.as_str())).map(|(_, s)| *s)
}

/// One step of a track, with its evidence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TrackStep {
    pub step: Step,
    pub event_id: i64,
    pub date: Option<String>,
    pub cameo: String,
    /// The party that acted (its key: `id:jnim`, `code:MLICVL`).
    pub source: String,
    pub target: String,
    pub mediator: Option<String>,
    pub place: Option<String>,
    pub fatalities: Option<u32>,
    pub sentence: String,
    pub doc_id: String,
}

/// Violence counted in a window.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Violence {
    /// Violent events between the two parties, and their dead.
    pub between_parties: u64,
    pub between_parties_fatalities: u64,
    /// Violent events of anyone within the area (km of the agreement's place), and their dead.
    pub in_area: u64,
    pub in_area_fatalities: u64,
}

/// An agreement and what became of it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AgreementLife {
    pub event_id: i64,
    pub date: Option<String>,
    pub place: Option<String>,
    /// `signed`, `in force`, `broken` or `abandoned`.
    pub status: String,
    /// The event that decided the status, and its date.
    pub status_event: Option<i64>,
    pub status_date: Option<String>,
    pub before: Violence,
    pub after: Violence,
}

/// A negotiation track: two parties, their mediators, their steps, their agreements.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Track {
    pub parties: [ActorSummary; 2],
    pub mediators: Vec<ActorSummary>,
    pub steps: Vec<TrackStep>,
    pub agreements: Vec<AgreementLife>,
    /// Per month: (coop - conflict) / (coop + conflict) over every event between the two parties.
    pub index: Vec<(String, f64)>,
}

/// Settings of `tracks`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ProcessOptions {
    /// Days before and after an agreement that its violence is counted over.
    pub window_days: i64,
    /// Radius of an agreement's area, km.
    pub area_km: f64,
    /// Most tracks returned, busiest first.
    pub limit: usize,
}

impl Default for ProcessOptions {
    fn default() -> Self {
        ProcessOptions { window_days: 90, area_km: 50.0, limit: usize::MAX }
    }
}

struct Row {
    id: i64,
    source: String,
    target: String,
    mediator: Option<i64>,
    quad: u8,
    cameo: String,
    day: Option<(i64, i64)>,
    date: Option<String>,
    fatalities: Option<u32>,
    lat: Option<f64>,
    lon: Option<f64>,
    place: Option<String>,
}

/// Most events the tracks are read from: the latest the filter selects. A store of millions of
/// events is read back to a date that keeps the answer within a second or so; a date filter
/// reaches further back.
pub const PROCESS_EVENTS: usize = 100_000;

impl Store {
    /// The negotiation tracks among the events a filter selects (the latest
    /// [`PROCESS_EVENTS`] of them), busiest first, `opts.limit` at most.
    pub fn tracks(&self, filter: &Filter, opts: ProcessOptions) -> Result<Vec<Track>> {
        let (clause, params) = filter.sql()?;
        // An agreement with no target ("the Fulani, Bambara and Bozo communities signed an accord") is
        // one among the members of its source: a track of that party with itself.
        let agreement_codes: Vec<String> = step_table()
            .iter()
            .filter(|(p, s)| *s == Step::Agreement && p.chars().all(|c| c.is_ascii_digit()))
            .map(|(p, _)| format!("e.cameo LIKE '{p}%'"))
            .collect();
        let collective = if agreement_codes.is_empty() { "0".to_string() } else { agreement_codes.join(" OR ") };
        // The events alone (the evidence of the steps shown is read after), latest first.
        let mut params = params;
        params.push(Value::Integer(PROCESS_EVENTS as i64));
        let sql = format!(
            "SELECT e.id, e.source_id, e.target_id, e.mediator_id, e.cameo, e.day_lo, e.day_hi, e.date,
                    e.fatalities, e.lat, e.lon, p.name, e.quad_class
             FROM events e LEFT JOIN places p ON p.id = e.place_id
             WHERE e.source_id IS NOT NULL
               AND ((e.target_id IS NOT NULL AND e.source_id != e.target_id) OR (e.target_id IS NULL AND ({collective})))
               AND {clause}
             ORDER BY e.day_lo DESC, e.id DESC LIMIT ?{}",
            params.len()
        );
        let mut raw: Vec<(Row, i64, i64)> = self.rows(&sql, params, |r| {
            let lo: Option<i64> = r.get(5)?;
            let hi: Option<i64> = r.get(6)?;
            let row = Row {
                id: r.get(0)?,
                source: String::new(),
                target: String::new(),
                mediator: r.get(3)?,
                quad: r.get::<_, i64>(12)? as u8,
                cameo: r.get(4)?,
                day: lo.zip(hi),
                date: r.get(7)?,
                fatalities: r.get::<_, Option<i64>>(8)?.map(|f| f as u32),
                lat: r.get(9)?,
                lon: r.get(10)?,
                place: r.get(11)?,
            };
            let source: i64 = r.get(1)?;
            Ok((row, source, r.get::<_, Option<i64>>(2)?.unwrap_or(source)))
        })?;
        // In time order, the undated last.
        raw.sort_by_key(|(r, _, _)| (r.day.is_none(), r.day.map(|d| d.0), r.id));
        // Parties: actor rows folded into named actors, states and other coded groups.
        let mut actors: HashMap<i64, ActorSummary> = HashMap::new();
        let mut parties: HashMap<String, ActorSummary> = HashMap::new();
        let mut rows = Vec::with_capacity(raw.len());
        for (mut row, s, t) in raw {
            for (id, side) in [(s, &mut row.source), (t, &mut row.target)] {
                if let std::collections::hash_map::Entry::Vacant(v) = actors.entry(id) {
                    v.insert(self.actor_summary(id)?);
                }
                let party = party_of(&actors[&id]);
                *side = party.key.clone();
                parties.entry(party.key.clone()).or_insert(party);
            }
            // an unidentified group the coder implied is nobody's party: its violence breaks no deal
            let implied = row.source.starts_with("implied:") || row.target.starts_with("implied:");
            if !implied && (row.source != row.target || (s == t && step_of(&row.cameo) == Some(Step::Agreement))) {
                rows.push(row);
            }
        }
        // Every event between two parties, each pair once (either way round): the steps of a track,
        // the violence between its parties and its index all read from here.
        let pair_of = |r: &Row| {
            if r.source <= r.target {
                (r.source.clone(), r.target.clone())
            } else {
                (r.target.clone(), r.source.clone())
            }
        };
        let mut between_pairs: HashMap<(String, String), Vec<&Row>> = HashMap::new();
        for r in &rows {
            between_pairs.entry(pair_of(r)).or_default().push(r);
        }
        let mut pairs: BTreeMap<(String, String), Vec<&Row>> = BTreeMap::new();
        for r in &rows {
            if step_of(&r.cameo).is_some() {
                pairs.entry(pair_of(r)).or_default().push(r);
            }
        }
        let mut tracks = Vec::new();
        for ((a, b), steps) in pairs {
            if !steps.iter().any(|r| step_of(&r.cameo).is_some_and(Step::is_peaceful)) {
                continue; // only fighting: a dyad, not a negotiation
            }
            let mut mediators: Vec<i64> = steps.iter().filter_map(|r| r.mediator).collect();
            mediators.sort_unstable();
            mediators.dedup();
            for id in &mediators {
                if !actors.contains_key(id) {
                    actors.insert(*id, self.actor_summary(*id)?);
                }
            }
            let key = |k: &String| k.clone();
            let mediator_key = |id: i64| actors.get(&id).map(|s| s.key.clone()).unwrap_or_default();
            let track_steps: Vec<TrackStep> = steps
                .iter()
                .map(|r| TrackStep {
                    step: step_of(&r.cameo).unwrap_or(Step::Talks),
                    event_id: r.id,
                    date: r.date.clone(),
                    cameo: r.cameo.clone(),
                    source: key(&r.source),
                    target: key(&r.target),
                    mediator: r.mediator.map(mediator_key),
                    place: r.place.clone(),
                    fatalities: r.fatalities,
                    sentence: String::new(),
                    doc_id: String::new(),
                })
                .collect();
            let between: &[&Row] = between_pairs.get(&(a.clone(), b.clone())).map_or(&[], |v| v.as_slice());
            let mut agreements = Vec::new();
            for (i, r) in steps.iter().enumerate() {
                if step_of(&r.cameo) == Some(Step::Agreement) {
                    agreements.push(agreement_life(r, &steps[i + 1..], between, opts));
                }
            }
            let index = cooperation_index(between);
            let party = |k: &String| parties.get(k).cloned().ok_or_else(|| StoreError::Corrupt(format!("party {k}")));
            let get = |id: &i64| actors.get(id).cloned().ok_or_else(|| StoreError::Corrupt(format!("actor {id}")));
            tracks.push(Track {
                parties: [party(&a)?, party(&b)?],
                mediators: mediators.iter().map(get).collect::<Result<_>>()?,
                steps: track_steps,
                agreements,
                index,
            });
        }
        tracks.sort_by(|x, y| {
            (y.agreements.len(), y.steps.len())
                .cmp(&(x.agreements.len(), x.steps.len()))
                .then(x.parties[0].key.cmp(&y.parties[0].key))
        });
        // What reads the store beyond the events in hand, for the tracks returned only.
        tracks.truncate(opts.limit);
        let deals: HashMap<i64, &Row> = rows.iter().map(|r| (r.id, r)).collect();
        for life in tracks.iter_mut().flat_map(|t| t.agreements.iter_mut()) {
            if let Some(deal) = deals.get(&life.event_id) {
                self.violence_in_area(deal, life, opts)?;
            }
        }
        self.step_evidence(&mut tracks)?;
        Ok(tracks)
    }

    /// Each step's sentence and article, read for the steps only (a thousand a statement).
    fn step_evidence(&self, tracks: &mut [Track]) -> Result<()> {
        let mut ids: Vec<i64> = tracks.iter().flat_map(|t| t.steps.iter().map(|s| s.event_id)).collect();
        ids.sort_unstable();
        ids.dedup();
        let mut found: HashMap<i64, (String, String)> = HashMap::new();
        for chunk in ids.chunks(1000) {
            let marks: Vec<String> = (1..=chunk.len()).map(|i| format!("?{i}")).collect();
            let sql = format!(
                "SELECT e.id, s.text, a.doc_id FROM events e JOIN mentions m ON m.id = e.first_mention
                 JOIN sentences s ON s.id = m.sentence_id JOIN articles a ON a.id = m.article_id
                 WHERE e.id IN ({})",
                marks.join(", ")
            );
            let values = chunk.iter().map(|&id| Value::Integer(id)).collect();
            for (id, text, doc) in self.rows(&sql, values, |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))? {
                found.insert(id, (text, doc));
            }
        }
        for step in tracks.iter_mut().flat_map(|t| t.steps.iter_mut()) {
            if let Some((text, doc)) = found.get(&step.event_id) {
                step.sentence = text.clone();
                step.doc_id = doc.clone();
            }
        }
        Ok(())
    }

    fn actor_summary(&self, id: i64) -> Result<ActorSummary> {
        self.actor_by_id(id)?.ok_or_else(|| StoreError::Corrupt(format!("no actor {id}")))
    }

    /// The violent events of anyone around an agreement (within `area_km` of its place) in the
    /// windows before and after it. Read place by place: the places in a box around the deal's,
    /// then each place's events of the window by day.
    fn violence_in_area(&self, deal: &Row, life: &mut AgreementLife, opts: ProcessOptions) -> Result<()> {
        let (Some((lo, hi)), Some(lat), Some(lon)) = (deal.day, deal.lat, deal.lon) else { return Ok(()) };
        // 1 degree of latitude is about 111 km.
        let dlat = opts.area_km / 111.0;
        let dlon = dlat / lat.to_radians().cos().abs().max(0.05);
        let (before, after) = ((lo - opts.window_days, lo - 1), (hi + 1, hi + opts.window_days));
        let sql = "SELECT p.lat, p.lon, e.day_lo, COALESCE(e.fatalities, 0)
                   FROM places p JOIN events e INDEXED BY events_place_day ON e.place_id = p.id
                   WHERE p.lat BETWEEN ?3 AND ?4 AND p.lon BETWEEN ?5 AND ?6
                     AND e.day_lo BETWEEN ?1 AND ?2 AND e.cameo_root IN ('18', '19', '20')";
        let params = vec![
            Value::Integer(before.0),
            Value::Integer(after.1),
            Value::Real(lat - dlat),
            Value::Real(lat + dlat),
            Value::Real(lon - dlon),
            Value::Real(lon + dlon),
        ];
        let near = self.rows(sql, params, |r| {
            Ok((r.get::<_, f64>(0)?, r.get::<_, f64>(1)?, r.get::<_, i64>(2)?, r.get::<_, i64>(3)?))
        })?;
        for (la, lo_, day, dead) in near {
            if distance_km(lat, lon, la, lo_) > opts.area_km {
                continue;
            }
            let v = if (before.0..=before.1).contains(&day) {
                &mut life.before
            } else if (after.0..=after.1).contains(&day) {
                &mut life.after
            } else {
                continue;
            };
            v.in_area += 1;
            v.in_area_fatalities += dead as u64;
        }
        Ok(())
    }
}

/// What became of an agreement, and the violence between its parties around it (the violence of
/// anyone in its area is read after: [`Store::violence_in_area`]).
fn agreement_life(deal: &Row, later: &[&Row], between: &[&Row], opts: ProcessOptions) -> AgreementLife {
    let after_deal = |r: &&&Row| match (r.day, deal.day) {
        (Some(x), Some(d)) => x.0 > d.1,
        _ => false,
    };
    let later: Vec<&&Row> = later.iter().filter(after_deal).collect();
    let first = |wanted: &[Step]| later.iter().find(|r| step_of(&r.cameo).is_some_and(|s| wanted.contains(&s)));
    let (status, decided) = if let Some(r) = first(&[Step::Breakdown, Step::Violence]) {
        ("broken", Some(r))
    } else if let Some(r) = first(&[Step::Rejection]) {
        ("abandoned", Some(r))
    } else if let Some(r) = later.first() {
        ("in force", Some(r))
    } else {
        ("signed", None)
    };
    let (before, after) = match deal.day {
        Some((lo, hi)) => (
            violence_between(between, (lo - opts.window_days, lo - 1)),
            violence_between(between, (hi + 1, hi + opts.window_days)),
        ),
        None => (Violence::default(), Violence::default()),
    };
    AgreementLife {
        event_id: deal.id,
        date: deal.date.clone(),
        place: deal.place.clone(),
        status: status.into(),
        status_event: decided.map(|r| r.id),
        status_date: decided.and_then(|r| r.date.clone()),
        before,
        after,
    }
}

/// Violent events (CAMEO 18-20) between the pair in a window of days.
fn violence_between(between: &[&Row], days: (i64, i64)) -> Violence {
    let mut v = Violence::default();
    for r in between {
        let inside = r.day.is_some_and(|d| d.0 >= days.0 && d.0 <= days.1);
        if inside && matches!(r.cameo.get(..2), Some("18" | "19" | "20")) {
            v.between_parties += 1;
            v.between_parties_fatalities += u64::from(r.fatalities.unwrap_or(0));
        }
    }
    v
}

/// (coop - conflict) / (coop + conflict) by month, over every event between two parties.
fn cooperation_index(between: &[&Row]) -> Vec<(String, f64)> {
    let mut months: BTreeMap<i64, (i64, i64)> = BTreeMap::new();
    for r in between {
        if let Some((lo, _)) = r.day {
            let m = months.entry(crate::dedup::year_month(lo)).or_default();
            match r.quad {
                1 | 2 => m.0 += 1,
                3 | 4 => m.1 += 1,
                _ => {}
            }
        }
    }
    months
        .into_iter()
        .filter(|(_, (c, k))| c + k > 0)
        .map(|(ym, (c, k))| (format!("{:04}-{:02}", ym / 100, ym % 100), (c - k) as f64 / (c + k) as f64))
        .collect()
}

/// CAMEO role codes, which can open an actor code that names no country ("GOV", "EDU").
const ROLES: &[&str] = &[
    "GOV", "MIL", "REB", "OPP", "CVL", "COP", "JUD", "LEG", "SPY", "UAF", "INS", "SEP", "BUS", "CRM", "EDU", "ELI",
    "HLH", "LAB", "MED", "REF", "REL", "AGR", "DEV", "ENV", "HRI", "MOD", "RAD", "IGO", "NGO", "PKO", "UIS", "IMG",
    "INT", "MNC", "NGM", "SET",
];

/// The party an actor belongs to: itself when named; its state for a country's state organs.
fn party_of(a: &ActorSummary) -> ActorSummary {
    if a.actor_id.is_some() {
        return a.clone();
    }
    let Some(code) = a.code.as_deref() else { return a.clone() };
    let (country, rest) = code.split_at(code.len().min(3));
    let state = matches!(rest, "" | "GOV" | "MIL" | "COP" | "JUD" | "LEG" | "SPY")
        && country.len() == 3
        && country.chars().all(|c| c.is_ascii_uppercase())
        && !ROLES.contains(&country);
    if !state {
        return a.clone();
    }
    ActorSummary {
        key: format!("state:{country}"),
        actor_id: None,
        code: Some(country.to_string()),
        name: None,
        country: Some(country.to_string()),
        sector: Some("GOV".into()),
    }
}

/// A day number as a label (for callers printing windows).
pub fn label(day: i64) -> String {
    day_label(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(code: &str, id: Option<&str>) -> ActorSummary {
        ActorSummary {
            key: id.map_or(format!("code:{code}"), |i| format!("id:{i}")),
            actor_id: id.map(String::from),
            code: Some(code.into()),
            name: None,
            country: None,
            sector: None,
        }
    }

    #[test]
    fn state_organs_are_one_party_and_groups_and_named_actors_their_own() {
        assert_eq!(party_of(&actor("MLIGOV", None)).key, "state:MLI");
        assert_eq!(party_of(&actor("MLIMIL", None)).key, "state:MLI");
        assert_eq!(party_of(&actor("MLI", None)).key, "state:MLI");
        assert_eq!(party_of(&actor("MLICVL", None)).key, "code:MLICVL");
        assert_eq!(party_of(&actor("GOV", None)).key, "code:GOV", "a role with no country is no state");
        assert_eq!(party_of(&actor("MLIGOV", Some("goita"))).key, "id:goita");
    }

    #[test]
    fn the_step_table_reads_and_longest_prefixes_win() {
        assert!(!step_table().is_empty());
        assert_eq!(step_of("057"), Some(Step::Agreement));
        assert_eq!(step_of("0871"), Some(Step::Agreement));
        assert_eq!(step_of("0874"), Some(Step::Implementation));
        assert_eq!(step_of("087"), None, "087 itself (de-escalate) is not listed");
        assert_eq!(step_of("196"), Some(Step::Breakdown), "196 before 19");
        assert_eq!(step_of("190"), Some(Step::Violence));
        assert_eq!(step_of("046"), Some(Step::Talks));
        assert_eq!(step_of("010"), None);
        assert!(parse_steps("05\tpeace").is_err());
        assert!(parse_steps("5x\ttalks").is_err());
    }
}
