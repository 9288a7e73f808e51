//! `palaver ingest`, the query commands and exports, as a user runs them; an ingest killed with
//! SIGKILL part-way and run again; the founding article's deal reported twice.

mod common;

use common::corpus;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn palaver(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_palaver")).args(args).stdin(Stdio::null()).output().expect("palaver runs")
}

fn ok(args: &[&str]) -> String {
    let out = palaver(args);
    assert!(out.status.success(), "palaver {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn jsonl(s: &str) -> Vec<Value> {
    s.lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect()
}

fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("skipped: ../shared is absent");
        None
    }
}

/// Every row of the data tables (not the log of runs), for comparing two stores.
fn dump(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut out = Vec::new();
    for table in ["coders", "articles", "sentences", "actors", "places", "events", "mentions"] {
        let mut stmt = conn.prepare(&format!("SELECT * FROM {table} ORDER BY id")).unwrap();
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| Ok((0..n).map(|i| format!("{:?}", r.get_ref(i).unwrap())).collect::<Vec<_>>().join("|")))
            .unwrap();
        out.extend(rows.map(|r| format!("{table}:{}", r.unwrap())));
    }
    let fts: i64 = conn
        .query_row("SELECT COUNT(*) FROM sentences_fts WHERE sentences_fts MATCH 'near'", [], |r| r.get(0))
        .unwrap();
    out.push(format!("fts:{fts}"));
    out
}

fn count(db: &Path, table: &str) -> i64 {
    let Ok(conn) = rusqlite::Connection::open(db) else { return 0 };
    conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0)).unwrap_or(0)
}

#[test]
fn an_ingest_killed_part_way_and_run_again_equals_an_uninterrupted_one() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("articles.jsonl");
    let total = 6000;
    std::fs::write(&input, corpus(total)).unwrap();
    let input = input.to_str().unwrap();

    let whole = dir.path().join("whole.db");
    ok(&["ingest", "-q", "--db", whole.to_str().unwrap(), input]);
    assert_eq!(count(&whole, "articles"), total as i64);

    let killed = dir.path().join("killed.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_palaver"))
        .args(["ingest", "-q", "--threads", "1", "--db", killed.to_str().unwrap(), input])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let t0 = Instant::now();
    let mut stored = 0;
    while t0.elapsed() < Duration::from_secs(60) {
        stored = count(&killed, "articles");
        if stored > 0 {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL
    let status = child.wait().unwrap();
    assert!(!status.success(), "the ingest was killed, not finished");
    let at_kill = count(&killed, "articles");
    assert!(stored > 0 && at_kill < total as i64, "killed part-way: {at_kill} of {total} stored");

    let out = palaver(&["ingest", "--db", killed.to_str().unwrap(), input]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains(&format!("{at_kill} unchanged")), "the stored articles are skipped: {said}");
    let (a, b) = (dump(&whole), dump(&killed));
    assert_eq!(a.len(), b.len());
    assert!(a == b, "the resumed store differs: first difference {:?}", a.iter().zip(&b).find(|(x, y)| x != y));
}

#[test]
fn ingest_is_idempotent_and_the_query_commands_answer() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("articles.jsonl");
    let mut text = corpus(300);
    text.push_str("{\"id\": \"broken\", \"text\": \n");
    std::fs::write(&input, text).unwrap();
    let db = dir.path().join("s.db");
    let (db, input) = (db.to_str().unwrap(), input.to_str().unwrap());

    let first = palaver(&["ingest", "--db", db, input]);
    assert_eq!(first.status.code(), Some(1), "a bad record makes the exit status 1");
    let said = String::from_utf8_lossy(&first.stderr);
    assert!(said.contains("articles.jsonl:301") && said.contains("malformed JSON"), "{said}");
    assert!(said.contains("300 added"), "the others are stored: {said}");
    let before = dump(Path::new(db));
    let again = palaver(&["ingest", "--db", db, input]);
    assert!(String::from_utf8_lossy(&again.stderr).contains("300 unchanged"));
    assert_eq!(dump(Path::new(db)), before, "the same articles again add nothing");

    let all: usize = ok(&["events", "--db", db, "--count"]).trim().parse().unwrap();
    assert!(all > 300, "{all}");
    let fights = jsonl(&ok(&["events", "--db", db, "--cameo", "19", "--format", "jsonl", "--limit", "5000"]));
    assert!(!fights.is_empty() && fights.iter().all(|e| e["cameo"].as_str().unwrap().starts_with("19")));
    assert!(fights.iter().all(|e| e["num_mentions"].as_u64().unwrap() >= 1 && e["id"].as_i64().is_some()));
    let dates: Vec<&str> = fights.iter().filter_map(|e| e["date"].as_str()).collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "latest first");
    let jnim = jsonl(&ok(&["events", "--db", db, "--actor", "jnim", "--format", "jsonl", "--limit", "5000"]));
    assert!(!jnim.is_empty());
    assert!(jnim.iter().all(|e| [&e["source"], &e["target"]].iter().any(|a| a["actor_id"] == "jnim")));
    let may = jsonl(&ok(&[
        "events",
        "--db",
        db,
        "--since",
        "2020-05-01",
        "--until",
        "2020-05-31",
        "--format",
        "jsonl",
        "--limit",
        "5000",
    ]));
    assert!(!may.is_empty() && may.iter().all(|e| e["date"].as_str().unwrap().starts_with("2020-05")));
    let gao = jsonl(&ok(&["events", "--db", db, "--place", "Gao", "--format", "jsonl", "--limit", "5000"]));
    assert!(!gao.is_empty() && gao.iter().all(|e| e["location"]["name"] == "Gao"));
    let table = ok(&["events", "--db", db, "--text", "hunters", "--limit", "3"]);
    assert_eq!(table.lines().count(), 4, "a header and three rows:\n{table}");

    let months = ok(&["timeline", "--db", db, "--by", "month", "--format", "csv"]);
    assert!(months.starts_with("period,events,verbal_cooperation"));
    assert!(months.lines().any(|l| l.starts_with("2020-05,")));
    let weeks: Value = serde_json::from_str(&ok(&["timeline", "--db", db, "--format", "json"])).unwrap();
    let total: u64 = weeks.as_array().unwrap().iter().map(|b| b["events"].as_u64().unwrap()).sum();
    let dated: u64 = ok(&["events", "--db", db, "--count", "--since", "1900"]).trim().parse().unwrap();
    assert_eq!(total, dated, "every dated event is in one week");
    let net: Value = serde_json::from_str(&ok(&["network", "--db", db, "--format", "json", "--limit", "5"])).unwrap();
    assert_eq!(net.as_array().unwrap().len(), 5);
    let actors = ok(&["actors", "--db", db, "--limit", "5"]);
    assert_eq!(actors.lines().count(), 6);

    let bad = palaver(&["events", "--db", db, "--since", "yesterday"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("since"));
}

#[test]
fn an_article_repeated_in_the_next_batch_is_stored_once() {
    // 4,200 articles are two store batches (4,096 each at most); the repeats of the first
    // batch's articles arrive in the second, which is read and coded while the first is still
    // being written.
    let dir = tempfile::tempdir().unwrap();
    let text = corpus(4200);
    let repeats: String = text.lines().take(20).map(|l| format!("{l}\n")).collect();
    let (once, twice) = (dir.path().join("once.jsonl"), dir.path().join("twice.jsonl"));
    std::fs::write(&once, &text).unwrap();
    std::fs::write(&twice, format!("{text}{repeats}")).unwrap();
    let (a, b) = (dir.path().join("a.db"), dir.path().join("b.db"));
    palaver(&["ingest", "--db", a.to_str().unwrap(), once.to_str().unwrap()]);
    let out = palaver(&["ingest", "--db", b.to_str().unwrap(), twice.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{said}");
    assert!(said.contains("4200 added") && said.contains("20 unchanged"), "{said}");
    assert_eq!(dump(&a), dump(&b), "the repeats add nothing");
}

#[test]
fn exports_write_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("articles.jsonl");
    std::fs::write(&input, corpus(50)).unwrap();
    let db = dir.path().join("s.db");
    let db = db.to_str().unwrap();
    ok(&["ingest", "-q", "--db", db, input.to_str().unwrap()]);
    let n: usize = ok(&["events", "--db", db, "--count"]).trim().parse().unwrap();
    assert_eq!(jsonl(&ok(&["export", "--db", db])).len(), n);
    let csv = dir.path().join("e.csv");
    ok(&["export", "--db", db, "--format", "csv", "-o", csv.to_str().unwrap()]);
    let csv = std::fs::read_to_string(csv).unwrap();
    assert_eq!(csv.lines().count(), n + 1);
    assert!(csv.lines().next().unwrap().ends_with("store_event_id,num_mentions,num_articles,num_sources"));
    let gdelt = ok(&["export", "--db", db, "--format", "gdelt", "--country", "MLI"]);
    assert!(gdelt.lines().all(|l| l.split('\t').count() == 61));
    if cfg!(feature = "parquet") {
        let out = dir.path().join("pq");
        ok(&["export", "--db", db, "--format", "parquet", "-o", out.to_str().unwrap()]);
        assert!(out.join("month=2020-05/part-0.parquet").exists());
        let again = palaver(&["export", "--db", db, "--format", "parquet", "-o", out.to_str().unwrap()]);
        assert_eq!(again.status.code(), Some(2), "an export never mixes with an older one");
    }
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, [b"not a database ".as_slice(); 100].concat()).unwrap();
    let out = palaver(&["events", "--db", junk.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a SQLite database"));
}

#[test]
fn the_founding_deal_reported_twice_is_stored_once_with_two_mentions() {
    let Some(shared) = shared() else { return };
    let dir = tempfile::tempdir().unwrap();
    let second = dir.path().join("second-report.jsonl");
    let rec = serde_json::json!({"id": "local-radio-2021-10-21", "date": "2021-10-21", "source": "Local radio",
        "text": "In March, JNIM militants and traditional hunters signed a peace deal near Niono, \
                 a deal brokered by Islamic clerics. It fell apart in July."});
    std::fs::write(&second, format!("{rec}\n")).unwrap();
    let db = dir.path().join("s.db");
    let db = db.to_str().unwrap();
    let article = shared.join("samples/mali-jnim-talks.jsonl");
    ok(&["ingest", "-q", "--db", db, article.to_str().unwrap(), second.to_str().unwrap()]);
    let deals = jsonl(&ok(&["events", "--db", db, "--cameo", "057", "--actor", "jnim", "--format", "jsonl"]));
    assert_eq!(deals.len(), 1, "{deals:#?}");
    let deal = &deals[0];
    assert_eq!(deal["num_mentions"], 2);
    assert_eq!(deal["num_articles"], 2);
    assert_eq!(deal["date"], "2021-03");
    assert_eq!(deal["location"]["name"], "Niono");
}

#[test]
fn the_founding_article_shows_the_niono_track_and_the_proposal_to_jnim() {
    let Some(shared) = shared() else { return };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    let db = db.to_str().unwrap();
    let article = shared.join("samples/mali-jnim-talks.jsonl");
    ok(&["ingest", "-q", "--db", db, article.to_str().unwrap()]);
    let tracks: Value = serde_json::from_str(&ok(&["process", "--db", db, "--format", "json"])).unwrap();
    let tracks = tracks.as_array().unwrap();
    let has = |t: &Value, k: &str| t["parties"].as_array().unwrap().iter().any(|p| p["key"] == k);
    let niono = tracks.iter().find(|t| has(t, "id:jnim") && has(t, "code:MLICVL")).expect("the Niono track");
    assert!(niono["mediators"].as_array().unwrap().iter().any(|m| m["actor_id"] == "mali_hci"), "{niono:#}");
    let deal = &niono["agreements"][0];
    assert_eq!(deal["date"], "2021-03");
    assert_eq!(deal["place"], "Niono");
    assert_eq!(deal["status"], "broken");
    assert_eq!(deal["status_date"], "2021-07");
    let talks = tracks.iter().find(|t| has(t, "id:jnim") && has(t, "state:MLI")).expect("the government-JNIM track");
    let steps = talks["steps"].as_array().unwrap();
    assert!(steps.iter().any(|s| s["step"] == "proposal" && s["mediator"] == "id:mali_hci"), "{talks:#}");
    let table = ok(&["process", "--db", db]);
    assert!(table.contains("mediators: High Islamic Council") && table.contains("broken (2021-07"), "{table}");
}
