//! `palaver eval`: codes labelled text and measures the events against the gold labels, per set,
//! with the measures of ../shared/eval/README.md (detection, type, actors, place, date, fatalities).

use palaver_core::event::ActorRecord;
use palaver_core::{Article, Event};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// PLOVER event types and their quad classes (PLOVER's own, which differ from CAMEO's for
/// PROTEST: material conflict). YIELD is the older name of CONCEDE/RETREAT in some sets.
const PLOVER_QUAD: &str = include_str!("../../../data/plover_events.tsv");

fn plover_quad(event: &str) -> Option<u8> {
    plover_row(event).and_then(|cols| cols.get(1)?.trim().parse().ok())
}

/// The table's row of a PLOVER event type, as its columns.
fn plover_row(event: &str) -> Option<Vec<&'static str>> {
    PLOVER_QUAD
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .find(|cols| cols[0] == event)
}

/// Whether a coded PLOVER event is the gold's type: the same name, or a current type that an
/// older gold name covers (YIELD: CONCEDE or RETREAT).
fn plover_matches(ours: Option<&str>, gold: &str) -> bool {
    let Some(ours) = ours else { return false };
    ours == gold
        || plover_row(gold).is_some_and(|cols| cols.get(2).is_some_and(|c| c.split_whitespace().any(|n| n == ours)))
}

/// Hits over a total.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Rate {
    pub hits: usize,
    pub total: usize,
}

impl Rate {
    fn add(&mut self, hit: bool) {
        self.total += 1;
        self.hits += usize::from(hit);
    }

    /// The rate, 0 when nothing was counted.
    pub fn rate(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.hits as f64 / self.total as f64
        }
    }
}

/// The measures of one set.
#[derive(Debug, Default)]
pub struct SetScore {
    pub records: usize,
    pub measures: BTreeMap<&'static str, Rate>,
    /// The measures the record being scored failed, for `--misses`.
    failed: Vec<&'static str>,
}

impl SetScore {
    fn add(&mut self, measure: &'static str, hit: bool) {
        self.measures.entry(measure).or_default().add(hit);
        if !hit {
            self.failed.push(measure);
        }
    }
}

/// Scores of every set seen.
#[derive(Debug, Default)]
pub struct Scores {
    pub sets: BTreeMap<String, SetScore>,
    pub errors: Vec<String>,
    /// When set, the records failing this measure are kept, to be read one by one.
    pub misses_of: Option<String>,
    pub misses: Vec<Value>,
    /// Score one half of every set only, or each half apart.
    pub half: Option<Half>,
}

/// The two halves of a labelled set, split by a hash of the record id: rules are tuned on one
/// and checked on the other, so a fit to the records read shows as a gap between them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Half {
    Tune,
    Check,
    /// Both halves, each reported as a set of its own ("acled-sahel/tune", "acled-sahel/check").
    Both,
}

impl Half {
    /// The half a record id falls in (FNV-1a, stable across runs and platforms).
    pub fn of(id: &str) -> Half {
        let h = id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
        if h % 2 == 0 {
            Half::Tune
        } else {
            Half::Check
        }
    }

    fn name(self) -> &'static str {
        match self {
            Half::Tune => "tune",
            Half::Check => "check",
            Half::Both => "both",
        }
    }
}

/// A gold record turned into an article to code.
pub fn article_of(record: &Value, line: usize) -> Option<Article> {
    let text = record.get("text")?.as_str()?;
    let id = record.get("id").and_then(Value::as_str).map_or_else(|| format!("line{line}"), String::from);
    let mut a = Article::new(id, text);
    a.date = record.get("date").and_then(Value::as_str).map(String::from);
    Some(a)
}

fn str_of<'a>(v: &'a Value, k: &str) -> Option<&'a str> {
    v.get(k).and_then(Value::as_str)
}

/// ACLED's actor classes: any sector of the same class counts.
fn sector_class(sector: &str) -> u8 {
    match sector {
        "GOV" | "MIL" | "COP" | "JUD" | "LEG" | "SPY" => 1,
        // ACLED counts pro-government militias among "rebel groups and militias"
        "REB" | "UAF" | "INS" | "SEP" | "CRM" | "PRM" => 2,
        "IGO" | "PKO" | "UNO" => 3,
        _ => 4,
    }
}

fn overlaps(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    let (a, b) = (a.trim(), b.trim());
    !a.is_empty() && !b.is_empty() && (a.contains(b) || b.contains(a))
}

/// Does a coded actor match a gold actor: by its words, or by country and sector where labelled?
fn actor_matches(ours: &ActorRecord, gold: &Value, acled: bool) -> bool {
    if str_of(gold, "text").is_some_and(|t| overlaps(t, &ours.text)) {
        return true;
    }
    attributes_match(ours, gold, acled)
}

fn attributes_match(ours: &ActorRecord, gold: &Value, acled: bool) -> bool {
    let country = str_of(gold, "country");
    let sector = str_of(gold, "sector");
    if country.is_none() && sector.is_none() {
        return false;
    }
    let country_ok = country.is_none_or(|c| ours.country.as_deref() == Some(c));
    let sector_ok = sector.is_none_or(|s| match ours.sector.as_deref() {
        Some(o) if acled => sector_class(o) == sector_class(s),
        Some(o) => o == s,
        None => false,
    });
    country_ok && sector_ok
}

fn gold_actors<'a>(e: &'a Value, one: &str, many: &str) -> Vec<&'a Value> {
    let mut v: Vec<&Value> = e.get(many).and_then(Value::as_array).map(|a| a.iter().collect()).unwrap_or_default();
    if let Some(o) = e.get(one).filter(|o| o.is_object()) {
        v.push(o);
    }
    v
}

fn our_quad(e: &Event, plover_set: bool) -> u8 {
    if plover_set {
        if let Some(q) = e.plover.event.as_deref().and_then(plover_quad) {
            return q;
        }
    }
    e.quad_class
}

fn pentaclass(e: &Event) -> u8 {
    if e.cameo_root == "01" {
        0
    } else {
        e.quad_class
    }
}

/// Whether a coded event has the gold event's type, on whatever the gold labels.
fn type_matches(ours: &Event, gold: &Value) -> bool {
    if let Some(t) = str_of(gold, "acled_sub_type") {
        return ours.acled.as_ref().and_then(|a| a.sub_event_type.as_deref()) == Some(t);
    }
    if let Some(t) = str_of(gold, "acled_type") {
        return ours.acled.as_ref().and_then(|a| a.event_type.as_deref()) == Some(t);
    }
    if let Some(t) = str_of(gold, "plover") {
        return plover_matches(ours.plover.event.as_deref(), t);
    }
    if let Some(q) = gold.get("quad_class").and_then(Value::as_u64) {
        return u64::from(our_quad(ours, false)) == q;
    }
    false
}

fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    6371.0 * 2.0 * a.sqrt().asin()
}

fn place_matches(ours: &Event, gold: &Value) -> bool {
    let Some(l) = &ours.location else {
        return false;
    };
    let glat = gold.get("lat").and_then(Value::as_f64);
    let glon = gold.get("lon").and_then(Value::as_f64);
    match (glat, glon) {
        (Some(a), Some(b)) => distance_km(l.lat, l.lon, a, b) <= 50.0,
        _ => str_of(gold, "admin1").is_some_and(|g| l.admin1.as_deref().is_some_and(|o| o.eq_ignore_ascii_case(g))),
    }
}

impl Scores {
    /// Scores one gold record against the events coded for it.
    pub fn score(&mut self, record: &Value, events: &[Event]) {
        let mut set = str_of(record, "set").unwrap_or("unknown").to_string();
        if let Some(half) = self.half {
            let mine = Half::of(str_of(record, "id").unwrap_or(""));
            match half {
                Half::Both => set = format!("{set}/{}", mine.name()),
                h if h != mine => return,
                _ => {}
            }
        }
        let score = self.sets.entry(set.clone()).or_default();
        score.records += 1;
        score.failed.clear();
        let gold: Vec<&Value> =
            record.get("events").and_then(Value::as_array).map(|a| a.iter().collect()).unwrap_or_default();
        let no_event = record.get("no_event").and_then(Value::as_bool).unwrap_or(false);
        if no_event {
            score.add("no_event: nothing coded", events.is_empty());
        } else if !gold.is_empty() {
            score.add("detection", !events.is_empty());
        }
        if record.get("other_label").is_some_and(|v| !v.is_null()) {
            score.add(
                "other_label: no ACLED type",
                events.iter().all(|e| e.acled.as_ref().is_none_or(|a| a.event_type.is_none())),
            );
        }
        for g in &gold {
            score_event(score, g, events);
        }
        // a map's worst error: an event drawn in another country than the one it happened in
        let countries: Vec<&str> =
            gold.iter().filter_map(|g| g.get("location").and_then(|l| str_of(l, "country"))).collect();
        if !countries.is_empty() {
            let abroad = events
                .iter()
                .filter_map(|e| e.location.as_ref().and_then(|l| l.country.as_deref()))
                .any(|c| !countries.contains(&c));
            score.add("no event abroad", !abroad);
        }
        if let Some(m) = &self.misses_of {
            if score.failed.iter().any(|f| f == m) {
                self.misses.push(miss(record, &set, events));
            }
        }
    }
}

/// A failing record with what was coded for it, compact enough to read a hundred of.
fn miss(record: &Value, set: &str, events: &[Event]) -> Value {
    let coded: Vec<Value> = events
        .iter()
        .map(|e| {
            let actor = |a: &Option<ActorRecord>| a.as_ref().map(|a| format!("{} [{}]", a.text, a.code.as_deref().unwrap_or("-")));
            json!({
                "cameo": e.cameo, "plover": e.plover.event, "source": actor(&e.source), "target": actor(&e.target),
                "date": e.date.as_ref().map(|d| format!("{d} {}", e.date_precision)), "place": e.location.as_ref().map(|l| format!("{} ({:.2},{:.2}) {}", l.name, l.lat, l.lon, l.precision)),
                "fatalities": e.fatalities,
                "acled": e.acled.as_ref().map(|a| format!("{:?}/{:?}", a.event_type, a.sub_event_type)),
            })
        })
        .collect();
    json!({"id": record.get("id"), "set": set, "text": record.get("text"), "gold": record.get("events"), "coded": coded})
}

fn score_event(score: &mut SetScore, g: &Value, events: &[Event]) {
    let plover_set = g.get("plover").is_some();
    let acled = g.get("acled_type").is_some();
    if let Some(t) = str_of(g, "acled_type") {
        score.add(
            "acled type",
            events.iter().any(|e| e.acled.as_ref().and_then(|a| a.event_type.as_deref()) == Some(t)),
        );
    }
    if let Some(t) = str_of(g, "acled_sub_type") {
        score.add(
            "acled sub-type",
            events.iter().any(|e| e.acled.as_ref().and_then(|a| a.sub_event_type.as_deref()) == Some(t)),
        );
    }
    if let Some(t) = str_of(g, "plover") {
        score.add("plover event", events.iter().any(|e| plover_matches(e.plover.event.as_deref(), t)));
    }
    if let Some(q) = g.get("quad_class").and_then(Value::as_u64) {
        score.add("quad class", events.iter().any(|e| u64::from(our_quad(e, plover_set)) == q));
    }
    if let Some(p) = g.get("pentaclass").and_then(Value::as_u64) {
        score.add("pentaclass", events.iter().any(|e| u64::from(pentaclass(e)) == p));
    }
    let best = events.iter().find(|e| type_matches(e, g)).or(events.first());
    for (one, many, name, strict) in [
        ("source", "sources", "source", "source country+sector"),
        ("target", "targets", "target", "target country+sector"),
    ] {
        let golds = gold_actors(g, one, many);
        if golds.is_empty() {
            continue;
        }
        let side = |e: &Event| {
            if one == "source" {
                e.source.clone()
            } else {
                e.target.clone()
            }
        };
        let ours = best.and_then(side);
        score.add(name, ours.as_ref().is_some_and(|o| golds.iter().any(|gl| actor_matches(o, gl, acled))));
        let labelled: Vec<&&Value> = golds
            .iter()
            .filter(|gl| {
                gl.get("country").is_some_and(|c| !c.is_null()) || gl.get("sector").is_some_and(|c| !c.is_null())
            })
            .collect();
        if !labelled.is_empty() {
            score.add(strict, ours.as_ref().is_some_and(|o| labelled.iter().any(|gl| attributes_match(o, gl, acled))));
        }
    }
    if let Some(loc) = g.get("location").filter(|l| l.is_object()) {
        score.add("place within 50 km", best.is_some_and(|e| place_matches(e, loc)));
    }
    if let Some(d) = str_of(g, "date") {
        // The same day, as ../shared/eval/README.md measures it: a date the text states, or the report's own
        // date for an event the text does not date (precision "document", as GDELT and ICEWS date events).
        // "date stated" counts only dates read from the text; weeks and months never name a day.
        let same_day = |e: &Event| e.date.as_deref() == Some(d);
        score.add("date", best.is_some_and(|e| same_day(e) && matches!(e.date_precision.as_str(), "day" | "document")));
        score.add("date stated", best.is_some_and(|e| same_day(e) && e.date_precision == "day"));
    }
    if let Some(f) = g.get("fatalities").and_then(Value::as_u64) {
        let ours = events.iter().filter_map(|e| e.fatalities).max().unwrap_or(0);
        if f > 0 {
            score.add("fatalities (records with deaths)", u64::from(ours) == f);
        } else {
            score.add("no deaths invented", ours == 0);
        }
    }
}

impl Scores {
    /// A plain-text report, a block per set.
    pub fn report(&self) -> String {
        let mut out = String::new();
        for (set, s) in &self.sets {
            out.push_str(&format!("{set} ({} records)\n", s.records));
            for (name, r) in &s.measures {
                out.push_str(&format!("  {name:<34} {:>6.1}%  {:>5}/{}\n", 100.0 * r.rate(), r.hits, r.total));
            }
        }
        for e in &self.errors {
            out.push_str(&format!("error: {e}\n"));
        }
        out
    }

    /// The same as JSON, for machines.
    pub fn to_json(&self) -> Value {
        let mut sets = Map::new();
        for (set, s) in &self.sets {
            let mut m = Map::new();
            for (name, r) in &s.measures {
                m.insert(name.to_string(), json!({"hits": r.hits, "total": r.total, "rate": r.rate()}));
            }
            sets.insert(set.clone(), json!({"records": s.records, "measures": m}));
        }
        json!({"sets": sets, "errors": self.errors})
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plover_quads_come_from_the_table() {
        assert_eq!(plover_quad("PROTEST"), Some(4));
        assert_eq!(plover_quad("AGREE"), Some(1));
        assert_eq!(plover_quad("NOPE"), None);
        assert_eq!(plover_quad("YIELD"), Some(2));
    }

    #[test]
    fn an_older_plover_name_takes_the_types_it_covers() {
        assert!(plover_matches(Some("CONCEDE"), "YIELD"));
        assert!(plover_matches(Some("RETREAT"), "YIELD"));
        assert!(!plover_matches(Some("AGREE"), "YIELD"));
        assert!(!plover_matches(Some("YIELD"), "CONCEDE"));
        assert!(plover_matches(Some("AGREE"), "AGREE"));
        assert!(!plover_matches(None, "AGREE"));
    }

    #[test]
    fn distances() {
        let d = distance_km(14.25, -5.99, 14.35, -3.61);
        assert!((250.0..260.0).contains(&d), "{d}");
    }

    #[test]
    fn acled_sectors_compare_by_class() {
        let ours = ActorRecord {
            text: "soldiers".into(),
            code: Some("MLIMIL".into()),
            actor_id: None,
            name: None,
            country: Some("MLI".into()),
            sector: Some("MIL".into()),
        };
        assert!(actor_matches(&ours, &json!({"text": "Military Forces of Mali", "sector": "GOV"}), true));
        assert!(!actor_matches(&ours, &json!({"text": "JNIM", "sector": "REB"}), true));
        assert!(!attributes_match(&ours, &json!({"text": "x", "sector": "GOV"}), false));
    }
}
