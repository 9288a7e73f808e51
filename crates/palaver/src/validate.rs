//! `palaver validate`: runs a PETRARCH validation file (PETR.UnitTest.records.xml's format). It
//! honours `<Environment>` (which dictionaries), `<Config>` lines (in force for later records),
//! expected events, `noevents` and expected discards, and reports each failing record.

use crate::config::{add_petrarch, PetrarchFiles};
use anyhow::{bail, Context, Result};
use palaver_core::coding::CommaLimits;
use palaver_core::{Article, Engine, Options};
use palaver_lexicon::{DictError, Lexicon};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

/// What a record expects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    /// Exactly these (source, target, event code) triples.
    Events(BTreeSet<(String, String, String)>),
    /// No event at all.
    NoEvents,
    /// The sentence or story is discarded (no event), or the input is rejected.
    Error(String),
}

/// One validation record.
#[derive(Debug, Clone)]
pub struct Record {
    pub id: String,
    pub date: Option<String>,
    pub text: String,
    pub expected: Expected,
    /// `<Config>` options in force for this record.
    pub options: Vec<(String, String)>,
}

/// A parsed validation file.
#[derive(Debug, Default)]
pub struct Suite {
    pub verbs: Vec<String>,
    pub actors: Vec<String>,
    pub agents: Vec<String>,
    pub discards: Vec<String>,
    pub records: Vec<Record>,
    /// Records with sentence="false", which are not evaluated.
    pub skipped: usize,
}

/// The value of `name="..."` (or `name = '...'`) in a tag.
fn attr(tag: &str, name: &str) -> Option<String> {
    let mut rest = tag;
    while let Some(p) = rest.find(name) {
        let before_ok = p == 0 || !rest.as_bytes()[p - 1].is_ascii_alphanumeric();
        let after = rest[p + name.len()..].trim_start();
        if before_ok {
            if let Some(v) = after.strip_prefix('=') {
                let v = v.trim_start();
                let quote = v.chars().next()?;
                if quote == '"' || quote == '\'' {
                    let end = v[1..].find(quote)? + 1;
                    return Some(v[1..end].to_string());
                }
            }
        }
        rest = &rest[p + name.len()..];
    }
    None
}

fn inner<'a>(block: &'a str, tag: &str) -> Option<&'a str> {
    let open = block.find(&format!("<{tag}"))?;
    let start = block[open..].find('>')? + open + 1;
    let end = block[start..].find(&format!("</{tag}>"))? + start;
    Some(&block[start..end])
}

fn strip_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(p) = rest.find("<!--") {
        out.push_str(&rest[..p]);
        match rest[p..].find("-->") {
            Some(e) => rest = &rest[p + e + 3..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
}

/// Parses a validation file.
pub fn parse(xml: &str) -> Result<Suite> {
    let xml = strip_comments(xml);
    let mut suite = Suite::default();
    let env = inner(&xml, "Environment").context("no <Environment> naming the dictionaries")?;
    let files = |tag: &str| -> Vec<String> {
        env.match_indices(&format!("<{tag}>"))
            .filter_map(|(p, _)| inner(&env[p..], tag))
            .map(|s| s.trim().to_string())
            .collect()
    };
    suite.verbs = files("Verbfile");
    suite.actors = files("Actorfile");
    suite.agents = files("Agentfile");
    suite.discards = files("Discardfile");
    let mut options: Vec<(String, String)> = Vec::new();
    let mut rest = &xml[xml.find("</Environment>").unwrap_or(0)..];
    loop {
        let next_config = rest.find("<Config");
        let next_sentence = rest.find("<Sentence");
        match (next_config, next_sentence) {
            (Some(c), s) if s.is_none_or(|s| c < s) => {
                let end = rest[c..].find('>').map_or(rest.len(), |e| c + e + 1);
                let tag = &rest[c..end];
                if let (Some(o), Some(v)) = (attr(tag, "option"), attr(tag, "value")) {
                    options.retain(|(k, _)| *k != o);
                    options.push((o, v));
                }
                rest = &rest[end..];
            }
            (_, Some(s)) => {
                let end = rest[s..].find("</Sentence>").map_or(rest.len(), |e| s + e + "</Sentence>".len());
                let block = &rest[s..end];
                rest = &rest[end..];
                let open = &block[..block.find('>').unwrap_or(block.len())];
                if attr(open, "sentence").is_some_and(|v| v.eq_ignore_ascii_case("false")) {
                    suite.skipped += 1;
                    continue;
                }
                suite.records.push(record(open, block, &options)?);
            }
            _ => break,
        }
    }
    if suite.records.is_empty() {
        bail!("no <Sentence> records");
    }
    Ok(suite)
}

fn record(open: &str, block: &str, options: &[(String, String)]) -> Result<Record> {
    let id = attr(open, "id").unwrap_or_else(|| "?".into());
    let date = attr(open, "date").filter(|d| d.len() == 8).map(|d| format!("{}-{}-{}", &d[..4], &d[4..6], &d[6..8]));
    let text = inner(block, "Text").with_context(|| format!("record {id} has no <Text>"))?;
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
    let mut events = BTreeSet::new();
    let mut expected = None;
    for (p, _) in block.match_indices("<EventCoding") {
        let tag = &block[p..p + block[p..].find('>').unwrap_or(0)];
        if attr(tag, "noevents").is_some() {
            expected = Some(Expected::NoEvents);
        } else if let Some(e) = attr(tag, "error") {
            expected = Some(Expected::Error(e));
        } else {
            let get = |k| attr(tag, k).unwrap_or_default();
            events.insert((get("sourcecode"), get("targetcode"), get("eventcode")));
        }
    }
    let expected = expected.unwrap_or(Expected::Events(events));
    Ok(Record { id, date, text, expected, options: options.to_vec() })
}

/// Loads the suite's dictionaries (paths relative to the XML file).
pub fn lexicon(suite: &Suite, dir: &Path) -> Result<(Lexicon, Vec<DictError>)> {
    let paths = |files: &[String]| files.iter().map(|f| dir.join(f)).collect();
    let files = PetrarchFiles {
        verbs: paths(&suite.verbs),
        actors: paths(&suite.actors),
        agents: paths(&suite.agents),
        discards: paths(&suite.discards),
        issues: Vec::new(),
    };
    Ok(add_petrarch(Lexicon::builder().embedded_tables(), &files)?.build())
}

fn option_true(options: &[(String, String)], name: &str, default: bool) -> bool {
    options.iter().rev().find(|(k, _)| k == name).map_or(default, |(_, v)| v.eq_ignore_ascii_case("true"))
}

/// The outcome of one record.
#[derive(Debug)]
pub struct Outcome {
    pub id: String,
    pub passed: bool,
    pub expected: Expected,
    pub produced: BTreeSet<(String, String, String)>,
}

/// Codes every record and compares.
/// The comma limits in force for a record: PETRARCH's defaults, changed by `<Config>` lines.
fn comma_limits(options: &[(String, String)]) -> CommaLimits {
    let mut l = CommaLimits::default();
    for (k, v) in options {
        let Ok(n) = v.trim().parse::<usize>() else { continue };
        match k.as_str() {
            "comma_min" => l.min = n,
            "comma_max" => l.max = n,
            "comma_bmin" => l.bmin = n,
            "comma_bmax" => l.bmax = n,
            "comma_emin" => l.emin = n,
            "comma_emax" => l.emax = n,
            _ => {}
        }
    }
    l
}

pub fn run(suite: &Suite, lexicon: Arc<Lexicon>) -> Vec<Outcome> {
    let mut engines: Vec<((bool, CommaLimits), Engine)> = Vec::new();
    suite
        .records
        .iter()
        .map(|r| {
            let key = (option_true(&r.options, "require_dyad", true), comma_limits(&r.options));
            if !engines.iter().any(|(k, _)| *k == key) {
                let options = Options {
                    locative_targets: true,
                    no_context_country: true,
                    require_dyad: key.0,
                    comma_clauses: Some(key.1),
                    no_implied_perpetrators: true,
                    ..Options::default()
                };
                engines.push((key, Engine::new(lexicon.clone(), options)));
            }
            let engine = &engines.iter().find(|(k, _)| *k == key).expect("just added").1;
            let mut article = Article::new(r.id.clone(), r.text.clone());
            article.date = r.date.clone();
            let code = |a: &Option<palaver_core::event::ActorRecord>| petrarch_actor_code(a.as_ref());
            let produced: BTreeSet<_> = engine
                .code(&article)
                .events
                .iter()
                .map(|e| (code(&e.source), code(&e.target), e.cameo.clone()))
                .collect();
            let passed = match &r.expected {
                Expected::Events(ev) => *ev == produced,
                Expected::NoEvents | Expected::Error(_) => produced.is_empty(),
            };
            Outcome { id: r.id.clone(), passed, expected: r.expected.clone(), produced }
        })
        .collect()
}

/// An actor code as PETRARCH writes it: `---` for no actor, `---GOV` for an agent of no country.
fn petrarch_actor_code(a: Option<&palaver_core::event::ActorRecord>) -> String {
    match a.and_then(|a| a.code.as_deref().map(|c| (a, c))) {
        None => "---".into(),
        Some((a, c)) if a.actor_id.is_none() && a.country.is_none() && a.name.is_none() && !c.starts_with("---") => {
            format!("---{c}")
        }
        Some((_, c)) => c.to_string(),
    }
}

fn show(set: &BTreeSet<(String, String, String)>) -> String {
    if set.is_empty() {
        return "(none)".into();
    }
    set.iter().map(|(s, t, e)| format!("{s} {t} {e}")).collect::<Vec<_>>().join("; ")
}

/// The plain report: each failure, then the pass rate.
pub fn report(outcomes: &[Outcome], skipped: usize) -> String {
    let mut out = String::new();
    for o in outcomes.iter().filter(|o| !o.passed) {
        let expected = match &o.expected {
            Expected::Events(e) => show(e),
            Expected::NoEvents => "no events".into(),
            Expected::Error(e) => format!("no events ({e})"),
        };
        out.push_str(&format!("FAIL {}: expected {expected}; produced {}\n", o.id, show(&o.produced)));
    }
    let passed = outcomes.iter().filter(|o| o.passed).count();
    out.push_str(&format!(
        "{passed} of {} evaluated records passed ({:.1}%); {skipped} not evaluated (sentence=\"false\")\n",
        outcomes.len(),
        100.0 * passed as f64 / outcomes.len().max(1) as f64
    ));
    out
}

/// The same as JSON.
pub fn to_json(outcomes: &[Outcome], skipped: usize) -> Value {
    let passed = outcomes.iter().filter(|o| o.passed).count();
    let failures: Vec<Value> = outcomes
        .iter()
        .filter(|o| !o.passed)
        .map(|o| json!({"id": o.id, "expected": format!("{:?}", o.expected), "produced": show(&o.produced)}))
        .collect();
    json!({"evaluated": outcomes.len(), "passed": passed, "rate": passed as f64 / outcomes.len().max(1) as f64, "not_evaluated": skipped, "failures": failures})
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = r#"<Environment><Verbfile>v.txt</Verbfile><Actorfile>a.txt</Actorfile></Environment>
<!-- <Sentence id="commented"> -->
<Sentence date="19950101" id="R-1" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>Arnor restored
 ties with Gondor.</Text></Sentence>
<Config option="require_dyad" value="false"></Config>
<Sentence date = "19950102" id ="R-2" sentence="true"><EventCoding noevents = "True"></EventCoding><Text>Nothing.</Text></Sentence>
<Sentence id="R-3" sentence="false"><Text>x</Text></Sentence>"#;

    #[test]
    fn parses_records_configs_and_expectations() {
        let s = parse(XML).unwrap();
        assert_eq!(s.verbs, ["v.txt"]);
        assert_eq!(s.records.len(), 2);
        assert_eq!(s.skipped, 1);
        assert_eq!(s.records[0].text, "Arnor restored ties with Gondor.");
        assert_eq!(s.records[0].date.as_deref(), Some("1995-01-01"));
        assert!(matches!(&s.records[0].expected, Expected::Events(e) if e.len() == 1));
        assert!(s.records[0].options.is_empty());
        assert_eq!(s.records[1].expected, Expected::NoEvents);
        assert!(!option_true(&s.records[1].options, "require_dyad", true));
    }
}
