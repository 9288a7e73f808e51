//! The API takes whatever is typed into the words filter: hostile or half-typed text answers 200
//! (read as words) or 400 (saying what to fix), never 500. The same for `palaver events --text`.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::Command;
use std::time::Duration;

/// One request: (status, body as JSON).
fn get(port: u16, path: &str) -> (u16, serde_json::Value) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let head_end = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("an HTTP answer");
    let head = String::from_utf8_lossy(&raw[..head_end]);
    let status = head.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    let body = serde_json::from_slice(&raw[head_end + 4..]).unwrap_or(serde_json::Value::Null);
    (status, body)
}

fn encode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

#[test]
fn the_words_filter_answers_200_or_400_never_500() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("api.db");
    common::make_store(&db, 60, &[]);
    let server = common::Server::start(&db);
    let endpoints = ["/api/events", "/api/timeline", "/api/network", "/api/actors", "/api/map", "/api/process"];
    let typed = [
        "'; DROP",
        "\"unterminated",
        "NOT war",
        "peace OR",
        ")",
        "(",
        "\"",
        "'",
        "*",
        "AND",
        "hunters AND NOT",
        "a:b",
        "NEAR(a b)",
        "^x",
        "((((((((((((((((((((x",
        "\u{0}",
        "Dozo hunters",
    ];
    for text in typed {
        for endpoint in endpoints {
            let path = format!("{endpoint}?text={}", encode(text));
            let (status, body) = get(server.port, &path);
            assert!(status == 200 || status == 400, "{path}: {status} {body}");
            if status == 400 {
                let message = body["error"].as_str().unwrap_or("");
                assert!(message.contains("words filter"), "{path}: the answer says what to fix: {body}");
            }
        }
    }
    // read as words: the apostrophe and the open quote are no syntax
    let (status, body) = get(server.port, &format!("/api/events?text={}", encode("'; DROP")));
    assert_eq!(status, 200, "{body}");
    let (status, body) = get(server.port, &format!("/api/events?text={}", encode("\"Dozo hunters")));
    assert_eq!(status, 200, "{body}");
    assert!(!body["events"].as_array().unwrap().is_empty(), "an open phrase still finds its words: {body}");
    let (status, body) = get(server.port, &format!("/api/events?text={}", encode("hunters NOT Dozo")));
    assert_eq!(status, 200, "{body}");
    assert!(body["events"].as_array().unwrap().is_empty(), "NOT takes away: {body}");
    // what cannot be read says what to fix
    let (status, body) = get(server.port, &format!("/api/events?text={}", encode("NOT war")));
    assert_eq!(status, 400);
    assert!(body["error"].as_str().unwrap().contains("NOT needs words before it"), "{body}");
}

#[test]
fn palaver_events_reads_the_words_filter_the_same_way() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cli.db");
    common::make_store(&db, 20, &[]);
    let events = |text: &str| {
        Command::new(env!("CARGO_BIN_EXE_palaver"))
            .args(["events", "--db", &db.display().to_string(), "--format", "jsonl", "--text", text])
            .output()
            .unwrap()
    };
    for text in ["'; DROP", "\"unterminated", "\"Dozo hunters"] {
        let out = events(text);
        assert!(out.status.success(), "{text}: {}", String::from_utf8_lossy(&out.stderr));
    }
    assert!(!events("\"Dozo hunters").stdout.is_empty());
    let out = events("peace OR");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("OR needs words after it") && !err.contains("SQLite"), "{err}");
}
