//! What the store, dashboard and load tests share: a generated corpus and a running server.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

const ACTORS: &[&str] = &[
    "Malian soldiers",
    "JNIM fighters",
    "French troops",
    "Burkinabe police",
    "ISWAP militants",
    "Nigerien soldiers",
    "Dozo hunters",
    "the Malian government",
    "ECOWAS",
    "UN peacekeepers",
];
const DEEDS: &[&str] = &["attacked", "met", "accused", "praised", "clashed with", "threatened", "signed a deal with"];
const PLACES: &[&str] = &["Mopti", "Gao", "Niono", "Djibo", "Timbuktu", "Menaka", "Kidal", "Segou"];
const MONTHS: &[&str] = &["January", "March", "May", "July", "September", "November"];

/// JSONL articles written from templates: different actors, deeds, places and days.
pub fn corpus(n: usize) -> String {
    let mut out = String::new();
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = |m: usize| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % m as u64) as usize
    };
    for i in 0..n {
        let mut text = String::new();
        for _ in 0..6 {
            text.push_str(&format!(
                "On {} {} 2020, {} {} {} near {}. ",
                1 + next(28),
                MONTHS[next(MONTHS.len())],
                ACTORS[next(ACTORS.len())],
                DEEDS[next(DEEDS.len())],
                ACTORS[next(ACTORS.len())],
                PLACES[next(PLACES.len())]
            ));
        }
        let rec = serde_json::json!({"id": format!("gen-{i}"), "text": text, "date": "2020-12-31",
                                     "source": format!("source-{}", i % 7)});
        out.push_str(&rec.to_string());
        out.push('\n');
    }
    out
}

/// Ingests `n` generated articles (and any extra inputs) into a new store at `db`.
pub fn make_store(db: &Path, n: usize, extra: &[&Path]) {
    let input = db.with_extension("jsonl");
    std::fs::write(&input, corpus(n)).unwrap();
    let mut args: Vec<String> = vec!["ingest".into(), "-q".into(), "--db".into(), db.display().to_string()];
    args.push(input.display().to_string());
    args.extend(extra.iter().map(|p| p.display().to_string()));
    let out = Command::new(env!("CARGO_BIN_EXE_palaver")).args(&args).output().unwrap();
    assert!(out.status.success(), "ingest failed: {}", String::from_utf8_lossy(&out.stderr));
}

/// A `palaver serve` on a free port, stopped when dropped.
pub struct Server {
    pub child: Child,
    /// `http://127.0.0.1:PORT/`
    pub url: String,
    pub port: u16,
}

impl Server {
    pub fn start(db: &Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_palaver"))
            .args(["serve", "--db", &db.display().to_string(), "--port", "0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        let url = line.split_whitespace().last().expect("the server prints its address").to_string();
        let port = url.trim_end_matches('/').rsplit(':').next().unwrap().parse().unwrap();
        Server { child, url, port }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
