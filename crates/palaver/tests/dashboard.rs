//! The dashboard in real headless Chromium (Debian's `chromium`, driven by playwright-core from
//! the front end's own npm packages): a store of the founding article and generated reports, a
//! running `palaver serve`, and `web/tests/dashboard.mjs` checking every panel, a filter, a click
//! on the network and an event's evidence. Screenshots land in the target folder.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

fn chromium() -> Option<PathBuf> {
    let p = PathBuf::from(std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()));
    p.exists().then_some(p)
}

/// Runs a browser script of `web/tests` (`node SCRIPT URL OUTDIR ARG`) and reads its JSON report:
/// the screenshot folder, and the report or, if the script failed, its output.
fn browse(browser: &Path, script: &str, url: &str, arg: &str) -> (PathBuf, Result<serde_json::Value, String>) {
    let web = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../web");
    let shots = Path::new(env!("CARGO_TARGET_TMPDIR")).join("dashboard");
    std::fs::create_dir_all(&shots).unwrap();
    let out = Command::new("node")
        .arg(script)
        .arg(url)
        .arg(&shots)
        .arg(arg)
        .env("CHROMIUM", browser)
        .current_dir(&web)
        .output()
        .expect("node runs");
    let report = String::from_utf8_lossy(&out.stdout).to_string();
    eprintln!("{report}\n{}", String::from_utf8_lossy(&out.stderr));
    if !out.status.success() {
        return (shots, Err(report));
    }
    (shots, Ok(serde_json::from_str(report.trim()).expect("a JSON report")))
}

#[test]
fn the_dashboard_shows_filters_and_explains_events_in_chromium() {
    let Some(browser) = chromium() else {
        eprintln!("skipped: no Chromium at /usr/bin/chromium (apt-get install chromium; .ci/run does)");
        return;
    };
    let web = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../web");
    if !web.join("node_modules/playwright-core").is_dir() {
        panic!("web/node_modules is missing: the build (build.rs) runs npm ci");
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dash.db");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/samples/mali-jnim-talks.jsonl");
    let own = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples/sahel-briefing.txt");
    let mut extra = vec![own.as_path()];
    if sample.exists() {
        extra.push(&sample);
    } else {
        eprintln!("note: ../shared is absent; the dashboard is tested on generated articles only");
    }
    common::make_store(&db, 400, &extra);
    let server = common::Server::start(&db);
    let (shots, report) = browse(&browser, "tests/dashboard.mjs", &server.url, "BFA");
    let report = report.unwrap_or_else(|r| panic!("the dashboard failed its checks: {r}"));
    assert!(report["before"]["events"]["count"].as_u64().unwrap() > 0);
    for shot in ["dashboard.png", "dashboard-filtered.png", "dashboard-evidence.png"] {
        let len = std::fs::metadata(shots.join(shot)).map(|m| m.len()).unwrap_or(0);
        assert!(len > 10_000, "{shot} was not saved");
    }
    eprintln!("screenshots in {}", shots.display());
}

/// The map of a real corpus about the Sahel (../shared's acled-sahel dev set, ingested as reports)
/// draws every event in West Africa: no namesake in Honduras, Japan or Brazil. ACLED's texts are not
/// republished: the screenshot stays in the target folder.
#[test]
fn the_map_of_sahel_reports_stays_in_west_africa() {
    let Some(browser) = chromium() else {
        eprintln!("skipped: no Chromium at /usr/bin/chromium (apt-get install chromium; .ci/run does)");
        return;
    };
    let gold = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/acled-sahel.dev.jsonl");
    if !gold.exists() {
        eprintln!("skipped: ../shared/eval/acled-sahel.dev.jsonl is absent");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sahel.db");
    let out = Command::new(env!("CARGO_BIN_EXE_palaver"))
        .args(["ingest", "-q", "--db", &db.display().to_string(), &gold.display().to_string()])
        .output()
        .unwrap();
    assert!(out.status.success(), "ingest failed: {}", String::from_utf8_lossy(&out.stderr));
    let server = common::Server::start(&db);
    // West Africa and the Sahel: from Cape Verde's meridian to Chad's eastern border
    let (_, report) = browse(&browser, "tests/map_region.mjs", &server.url, "-26,2,24,28");
    let report = report.unwrap_or_else(|r| panic!("markers outside West Africa: {r}"));
    assert!(report["markers"].as_u64().unwrap() > 100, "too few places drawn: {report}");
}

/// A French article's events show their French evidence: found by a French word, the sentence
/// with its spans, the French dictionary's line, the language. On the project's own French note.
#[test]
fn french_evidence_shows_in_the_dashboard() {
    let Some(browser) = chromium() else {
        eprintln!("skipped: no Chromium at /usr/bin/chromium (apt-get install chromium; .ci/run does)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("fr.db");
    let note = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples/note-bamako-fr.txt");
    common::make_store(&db, 50, &[note.as_path()]);
    let server = common::Server::start(&db);
    let (shots, report) = browse(&browser, "tests/evidence_lang.mjs", &server.url, "accord");
    let report = report.unwrap_or_else(|r| panic!("French evidence failed its checks: {r}"));
    assert_eq!(report["evidence"]["lang"], "fr", "{report}");
    let len = std::fs::metadata(shots.join("dashboard-evidence-fr.png")).map(|m| m.len()).unwrap_or(0);
    assert!(len > 10_000, "the screenshot was not saved");
}
