//! A bounded load test of `palaver serve`: 1,000 API requests in flight at once on loopback, each
//! answered with exactly what the same request answers alone. Prints the latency percentiles
//! (speed is reported, not asserted: the README quotes it).

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

/// One request on its own connection: (status, body).
fn get(port: u16, path: &str) -> std::io::Result<(u16, Vec<u8>)> {
    let mut s = TcpStream::connect(("127.0.0.1", port))?;
    s.set_read_timeout(Some(Duration::from_secs(120)))?;
    write!(s, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")?;
    let mut raw = Vec::new();
    s.read_to_end(&mut raw)?;
    let head_end = raw.windows(4).position(|w| w == b"\r\n\r\n").ok_or(std::io::ErrorKind::InvalidData)?;
    let head = String::from_utf8_lossy(&raw[..head_end]);
    let status = head.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    Ok((status, raw[head_end + 4..].to_vec()))
}

#[test]
fn a_thousand_concurrent_requests_are_all_answered_correctly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("load.db");
    common::make_store(&db, 300, &[]);
    let server = common::Server::start(&db);
    let paths: Vec<&str> = vec![
        "/api/events?limit=50",
        "/api/events?country=MLI&limit=20",
        "/api/events?cameo=19&since=2020-05-01&until=2020-09-30",
        "/api/timeline?by=week",
        "/api/timeline?by=month&actor=jnim",
        "/api/network?limit=30",
        "/api/actors?limit=20",
        "/api/map",
        "/api/summary",
        "/api/events?text=hunters&limit=10",
    ];
    let expected: Vec<Vec<u8>> = paths
        .iter()
        .map(|p| {
            let (status, body) = get(server.port, p).unwrap();
            assert_eq!(status, 200, "{p}: {}", String::from_utf8_lossy(&body));
            serde_json::from_slice::<serde_json::Value>(&body).expect("JSON");
            body
        })
        .collect();
    let n = 1000;
    let start = Arc::new(Barrier::new(n));
    let port = server.port;
    let handles: Vec<_> = (0..n)
        .map(|i| {
            let start = start.clone();
            let path = paths[i % paths.len()].to_string();
            std::thread::Builder::new()
                .stack_size(256 << 10)
                .spawn(move || {
                    start.wait();
                    let t = Instant::now();
                    let answer = get(port, &path);
                    (i, t.elapsed(), answer)
                })
                .unwrap()
        })
        .collect();
    let mut latencies = Vec::with_capacity(n);
    let mut wrong = Vec::new();
    for h in handles {
        let (i, took, answer) = h.join().unwrap();
        match answer {
            Ok((200, body)) if body == expected[i % paths.len()] => latencies.push(took),
            Ok((status, body)) => wrong.push(format!("{}: {status} {}", paths[i % paths.len()], body.len())),
            Err(e) => wrong.push(format!("{}: {e}", paths[i % paths.len()])),
        }
    }
    assert!(wrong.is_empty(), "{} of {n} requests went wrong: {:?}", wrong.len(), &wrong[..wrong.len().min(5)]);
    latencies.sort();
    let pct =
        |p: f64| latencies[((latencies.len() as f64 * p) as usize).min(latencies.len() - 1)].as_secs_f64() * 1000.0;
    eprintln!(
        "{n} concurrent requests, all correct: p50 {:.0} ms, p90 {:.0} ms, p99 {:.0} ms, max {:.0} ms",
        pct(0.5),
        pct(0.9),
        pct(0.99),
        pct(1.0)
    );
}
