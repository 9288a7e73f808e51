//! The store on articles written for these tests, coded by the real engine: idempotent ingest,
//! deduplication across reports, replacement, re-coding, queries, and failures that must leave
//! the file as it was.

mod common;

use common::engine;
use palaver_core::{Article, CodedArticle};
use palaver_store::query::Period;
use palaver_store::{ArticleOutcome, Coder, Filter, Store, StoreError};

fn coder(dictionaries: &str) -> Coder {
    Coder { version: "palaver test".into(), dictionaries: dictionaries.into() }
}

fn article(id: &str, date: &str, source: &str, text: &str) -> Article {
    let mut a = Article::new(id, text).with_date(date);
    a.source = Some(source.into());
    a
}

/// Codes and stores articles in one batch.
fn ingest(store: &mut Store, coder_id: i64, articles: &[Article]) -> Vec<ArticleOutcome> {
    let coded: Vec<CodedArticle> = articles.iter().map(|a| engine().code(a)).collect();
    let pairs: Vec<(&Article, &CodedArticle)> = articles.iter().zip(&coded).collect();
    store.write_batch(&pairs, coder_id).expect("batch written")
}

const DEAL_A: &str = "Fighters of JNIM signed a local truce with traditional hunters near Niono in March, \
    residents said. The truce collapsed in July.";
const DEAL_B: &str = "In March, JNIM militants and traditional hunters signed a peace deal near Niono, \
    a deal brokered by Islamic clerics.";
const RAID: &str = "Malian soldiers attacked a JNIM position near Boni on Sunday, killing 6 militants. \
    Burkinabe troops clashed with ISWAP fighters near Djibo on Monday.";

fn corpus() -> Vec<Article> {
    vec![
        article("wire-1", "2021-10-19", "Wire One", DEAL_A),
        article("paper-2", "2021-10-21", "Paper Two", DEAL_B),
        article("wire-3", "2021-10-19", "Wire One", RAID),
    ]
}

fn fresh() -> (tempfile::TempDir, Store, i64) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("events.db")).unwrap();
    let id = store.coder_id(&coder("set-a")).unwrap();
    (dir, store, id)
}

type Row = (String, String, u32, u32, u32);

/// Events of a CAMEO prefix, as (source code, target code, mentions, articles, sources).
fn summary(store: &Store, cameo: &str) -> Vec<Row> {
    let f = Filter { cameo: Some(cameo.into()), ..Filter::default() };
    let code =
        |a: &Option<palaver_core::event::ActorRecord>| a.as_ref().and_then(|a| a.code.clone()).unwrap_or_default();
    store
        .events(&f, 100, 0)
        .unwrap()
        .iter()
        .map(|e| (code(&e.event.source), code(&e.event.target), e.num_mentions, e.num_articles, e.num_sources))
        .collect()
}

#[test]
fn two_reports_of_one_deal_are_one_event_with_two_mentions() {
    let (_d, mut store, c) = fresh();
    ingest(&mut store, c, &corpus());
    let deals = summary(&store, "057");
    assert_eq!(deals.len(), 1, "one deal event: {deals:?}");
    let (source, target, mentions, articles, sources) = &deals[0];
    assert_eq!((source.as_str(), target.as_str()), ("MLIREB", "MLICVL"));
    assert_eq!((*mentions, *articles, *sources), (2, 2, 2));
    let deal = &store.events(&Filter { cameo: Some("057".into()), ..Filter::default() }, 1, 0).unwrap()[0];
    assert_eq!(deal.event.date.as_deref(), Some("2021-03"));
    assert_eq!(deal.event.location.as_ref().map(|l| l.name.as_str()), Some("Niono"));
    let reports = store.mentions(deal.id).unwrap();
    assert!(reports.iter().any(|m| m.article_doc_id == "wire-1"));
    assert!(reports.iter().any(|m| m.article_doc_id == "paper-2"));
    assert!(reports.iter().all(|m| !m.event.evidence.sentence.is_empty()));
}

#[test]
fn the_same_articles_again_add_nothing() {
    let (_d, mut store, c) = fresh();
    ingest(&mut store, c, &corpus());
    let before = store.counts().unwrap();
    let again = ingest(&mut store, c, &corpus());
    assert!(again.iter().all(|o| *o == ArticleOutcome::Unchanged), "{again:?}");
    assert_eq!(store.counts().unwrap(), before);
    // The same document twice in one batch is stored once.
    let (_d2, mut other, c2) = fresh();
    let mut doubled = corpus();
    doubled.push(corpus()[0].clone());
    let out = ingest(&mut other, c2, &doubled);
    assert_eq!(out[3], ArticleOutcome::Unchanged);
    assert_eq!(other.counts().unwrap(), before);
}

#[test]
fn a_changed_article_replaces_its_events() {
    let (_d, mut store, c) = fresh();
    ingest(&mut store, c, &corpus());
    let changed =
        article("wire-3", "2021-10-19", "Wire One", "Protesters rallied in Bamako on Friday against the junta.");
    let out = ingest(&mut store, c, &[changed]);
    assert!(matches!(out[0], ArticleOutcome::Replaced { .. }), "{out:?}");
    assert_eq!(
        store.count(&Filter { source: Some("MLIMIL".into()), ..Filter::default() }).unwrap(),
        0,
        "the old article's attack is gone"
    );
    assert!(
        store.count(&Filter { cameo: Some("14".into()), ..Filter::default() }).unwrap() >= 1,
        "the new one's protest is in"
    );
    assert_eq!(summary(&store, "057").len(), 1, "other articles' events stay");
    assert_eq!(store.counts().unwrap().articles, 3);
    let orphans: i64 = store
        .connection()
        .query_row("SELECT COUNT(*) FROM events WHERE id NOT IN (SELECT event_id FROM mentions)", [], |r| r.get(0))
        .unwrap();
    assert_eq!(orphans, 0);
}

/// What an event is, whatever its row ids and coder: for comparing a store before and after recoding.
fn events_as_coded(store: &Store) -> Vec<String> {
    let conn = store.connection();
    let mut stmt = conn
        .prepare(
            "SELECT date, date_precision, day_lo, day_hi, source_id, source_code, target_id, target_code, cameo,
                    quad_class, goldstein, place_id, fatalities, num_mentions, num_articles, num_sources, mediator_id
             FROM events ORDER BY id",
        )
        .unwrap();
    let n = stmt.column_count();
    let rows = stmt
        .query_map([], |r| Ok((0..n).map(|i| format!("{:?}", r.get_ref(i).unwrap())).collect::<Vec<_>>().join("|")))
        .unwrap();
    rows.map(Result::unwrap).collect()
}

#[test]
fn recoding_with_other_dictionaries_rebuilds_the_same_events() {
    let (_d, mut store, c) = fresh();
    ingest(&mut store, c, &corpus());
    let before = events_as_coded(&store);
    let c2 = store.coder_id(&coder("set-b")).unwrap();
    assert_ne!(c, c2);
    assert_eq!(store.clear_for_recode(c2, false).unwrap(), 3);
    assert_eq!(store.counts().unwrap().events, 0, "old events are taken away first");
    let todo = store.articles_to_recode(c2, 0, 100).unwrap();
    assert_eq!(todo.len(), 3);
    let articles: Vec<Article> = todo.into_iter().map(|(_, a)| a).collect();
    ingest(&mut store, c2, &articles);
    assert!(store.articles_to_recode(c2, 0, 100).unwrap().is_empty());
    let coders: Vec<i64> = {
        let conn = store.connection();
        let mut s = conn.prepare("SELECT DISTINCT coder_id FROM events").unwrap();
        let rows = s.query_map([], |r| r.get(0)).unwrap();
        rows.map(Result::unwrap).collect()
    };
    assert_eq!(coders, vec![c2], "every event records the dictionary set that coded it");
    assert_eq!(before, events_as_coded(&store), "the same dictionaries give the same events");
}

#[test]
fn filters_timelines_networks_and_actors_answer() {
    let (_d, mut store, c) = fresh();
    ingest(&mut store, c, &corpus());
    let n = |f: Filter| store.count(&f).unwrap();
    let f = Filter::default;
    assert!(n(f()) >= 3);
    assert!(n(Filter { actor: Some("jnim".into()), ..f() }) >= 2);
    assert!(n(Filter { source: Some("MLIMIL".into()), ..f() }) >= 1);
    assert!(n(Filter { source: Some("MLI".into()), ..f() }) > n(Filter { source: Some("MLIMIL".into()), ..f() }));
    assert!(n(Filter { country: Some("bfa".into()), ..f() }) >= 1);
    // The raid and the clash (October), not the truce's collapse (196, July).
    assert_eq!(n(Filter { cameo: Some("19".into()), until: Some("2021-09".into()), ..f() }), 1);
    assert!(n(Filter { cameo: Some("19".into()), since: Some("2021-10".into()), ..f() }) >= 2);
    assert!(n(Filter { acled: Some("battles".into()), ..f() }) >= 1);
    assert!(n(Filter { plover: Some("assault".into()), ..f() }) >= 1);
    assert!(n(Filter { place: Some("Niono".into()), ..f() }) >= 1);
    // Niono is at about 14.25 N, 6 W; Djibo (Burkina Faso) at 14.1 N, 1.6 W.
    let west = Filter { bbox: Some([-7.0, 13.5, -5.0, 15.0]), ..f() };
    assert!(n(west.clone()) >= 1);
    assert!(store.events(&west, 100, 0).unwrap().iter().all(|e| e.event.location.as_ref().unwrap().lon < -5.0));
    assert!(n(Filter { text: Some("truce".into()), ..f() }) >= 1);
    assert_eq!(n(Filter { text: Some("volcano".into()), ..f() }), 0);
    // the words filter reads what is typed: an open quote is a phrase to the end, an apostrophe
    // no syntax; what cannot be read is the user's to fix
    assert!(n(Filter { text: Some("\"truce".into()), ..f() }) >= 1);
    assert_eq!(store.count(&Filter { text: Some("'; DROP".into()), ..f() }).unwrap(), 0);
    let bad = store.count(&Filter { text: Some("NOT truce".into()), ..f() });
    assert!(matches!(&bad, Err(StoreError::BadQuery(m)) if m.contains("NOT needs words before it")), "{bad:?}");

    let months = store.timeline(&f(), Period::Month).unwrap();
    assert!(months.iter().any(|b| b.period == "2021-03" && b.events >= 1), "{months:?}");
    let oct = months.iter().find(|b| b.period == "2021-10").expect("October");
    assert!(oct.quad[3] >= 2 && oct.fatalities >= 6, "{oct:?}");
    let weeks = store.timeline(&f(), Period::Week).unwrap();
    let monday = |p: &str| {
        let d: Vec<u32> = p.split('-').map(|x| x.parse().unwrap()).collect();
        palaver_store::dedup::days_from_civil(d[0] as i32, d[1], d[2]).rem_euclid(7) == 4
    };
    assert!(weeks.iter().all(|b| monday(&b.period)), "weeks start on Mondays: {weeks:?}");
    let dyads = store.network(&f(), 10).unwrap();
    assert!(dyads.iter().any(|d| d.source.code.as_deref() == Some("MLIMIL") && d.conflict >= 1), "{dyads:?}");
    assert!(dyads.windows(2).all(|w| w[0].events >= w[1].events));
    let actors = store.actors(&f(), 10).unwrap();
    let jnim = actors.iter().find(|a| a.actor.actor_id.as_deref() == Some("jnim")).expect("JNIM listed");
    assert!(jnim.as_source >= 1 && jnim.as_target >= 1, "{jnim:?}");
    assert!(!jnim.top_roots.is_empty());
}

#[test]
fn a_full_disk_rolls_the_batch_back() {
    let (_d, mut store, c) = fresh();
    ingest(&mut store, c, &corpus()[..1]);
    let before = store.counts().unwrap();
    let pages: i64 = store.connection().query_row("PRAGMA page_count", [], |r| r.get(0)).unwrap();
    // SQLite's limit on the file's size stands in for a full disk.
    store.connection().execute_batch(&format!("PRAGMA max_page_count = {pages}")).unwrap();
    let big: Vec<Article> = (0..200).map(|i| article(&format!("big-{i}"), "2021-10-19", "X", RAID)).collect();
    let coded: Vec<CodedArticle> = big.iter().map(|a| engine().code(a)).collect();
    let pairs: Vec<(&Article, &CodedArticle)> = big.iter().zip(&coded).collect();
    let err = store.write_batch(&pairs, c).unwrap_err();
    assert!(matches!(err, StoreError::Full(_)), "{err}");
    assert!(err.to_string().contains("rolled back"));
    assert_eq!(store.counts().unwrap(), before, "nothing of the failed batch is kept");
}

#[test]
fn damaged_foreign_newer_and_locked_files_are_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, [b"not a database, only text ".as_slice(); 40].concat()).unwrap();
    let before = std::fs::read(&junk).unwrap();
    let e = Store::open(&junk).err().expect("refused");
    assert!(matches!(e, StoreError::NotADatabase(_)), "{e}");
    assert_eq!(std::fs::read(&junk).unwrap(), before, "a damaged file is not touched");

    let foreign = dir.path().join("other.db");
    exec(&foreign, "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
    assert!(matches!(Store::open(&foreign), Err(StoreError::Foreign(_))));

    let newer = dir.path().join("newer.db");
    drop(Store::open(&newer).unwrap());
    exec(&newer, "PRAGMA user_version = 99;");
    let e = Store::open(&newer).err().expect("refused");
    assert!(matches!(e, StoreError::TooNew { found: 99, .. }), "{e}");
    assert!(matches!(Store::open_read_only(&newer), Err(StoreError::TooNew { .. })));

    assert!(matches!(Store::open_read_only(&dir.path().join("absent.db")), Err(StoreError::Missing(_))));

    let path = dir.path().join("busy.db");
    let mut store = Store::open(&path).unwrap();
    let c = store.coder_id(&coder("set-a")).unwrap();
    let other = rusqlite::Connection::open(&path).unwrap();
    other.execute_batch("BEGIN IMMEDIATE; INSERT INTO meta VALUES ('holder', 'x');").unwrap();
    let a = corpus();
    let coded: Vec<CodedArticle> = a.iter().map(|x| engine().code(x)).collect();
    let pairs: Vec<(&Article, &CodedArticle)> = a.iter().zip(&coded).collect();
    let e = store.write_batch(&pairs, c).unwrap_err();
    assert!(matches!(e, StoreError::Locked(_)), "{e}");
    assert_eq!(store.counts().unwrap().articles, 0);
    other.execute_batch("ROLLBACK").unwrap();
    store.write_batch(&pairs, c).expect("written once the lock is gone");
}

#[test]
fn a_read_only_store_cannot_be_changed() {
    let (d, mut store, c) = fresh();
    ingest(&mut store, c, &corpus());
    drop(store);
    let ro = Store::open_read_only(&d.path().join("events.db")).unwrap();
    assert!(ro.connection().execute("DELETE FROM events", []).is_err());
    assert!(ro.count(&Filter::default()).unwrap() >= 3);
}

fn exec(path: &std::path::Path, sql: &str) {
    rusqlite::Connection::open(path).unwrap().execute_batch(sql).unwrap();
}

#[cfg(feature = "parquet")]
#[test]
fn parquet_export_is_partitioned_by_month_and_reads_back() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let (d, mut store, c) = fresh();
    ingest(&mut store, c, &corpus());
    let out = d.path().join("parquet");
    let s = palaver_store::parquet::export(&store, &Filter::default(), &out).unwrap();
    assert_eq!(s.rows, store.count(&Filter::default()).unwrap());
    assert!(out.join("month=2021-03/part-0.parquet").exists());
    assert!(out.join("month=2021-10/part-0.parquet").exists());
    let mut rows = 0;
    for f in &s.files {
        let r = SerializedFileReader::new(std::fs::File::open(f).unwrap()).unwrap();
        rows += r.metadata().file_metadata().num_rows();
        let schema = r.metadata().file_metadata().schema_descr();
        assert!(schema.columns().iter().any(|c| c.name() == "num_mentions"));
    }
    assert_eq!(rows as u64, s.rows);
    let again = palaver_store::parquet::export(&store, &Filter::default(), &out);
    assert!(matches!(again, Err(StoreError::BadQuery(m)) if m.contains("not empty")));
}

#[test]
fn an_older_store_is_migrated_and_keeps_its_rows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        // A store as the first schema made it, with one article in it.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(&palaver_store::schema::migration(0).unwrap()).unwrap();
        conn.execute_batch(
            "PRAGMA user_version = 1;
             INSERT INTO articles (doc_id, hash, text, sentences) VALUES ('old-1', 'x', 'Old text.', 1);",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), palaver_store::schema::latest());
    assert!(palaver_store::schema::latest() >= 2);
    assert_eq!(store.counts().unwrap().articles, 1, "rows survive the migration");
    let cols: i64 = store
        .connection()
        .query_row("SELECT COUNT(*) FROM pragma_table_info('events') WHERE name = 'mediator_id'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(cols, 1, "migration 2 added the mediator");
    let indexes: Vec<String> = {
        let mut stmt = store
            .connection()
            .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name GLOB 'events_*' ORDER BY name")
            .unwrap();
        stmt.query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap()
    };
    assert!(indexes.contains(&"events_dedup".to_string()), "migration 3 indexed dedup's key: {indexes:?}");
    assert!(indexes.contains(&"events_dedup_target".to_string()));
    assert!(!indexes.contains(&"events_identity".to_string()), "and dropped the index it replaces");
    for (made, dropped) in [("events_acled_type", "events_acled"), ("events_lat_lon", "events_lat")] {
        assert!(indexes.contains(&made.to_string()) && !indexes.contains(&dropped.to_string()), "migration 4");
    }
}

const UNCLAIMED: &str = "On Sunday, three Malian soldiers were killed by a roadside bomb near Gao.";
const CLAIMED: &str = "Three Malian soldiers were killed when a roadside bomb hit their truck near Gao on Sunday. \
    JNIM claimed responsibility for the attack on Monday.";

/// The violent events' (source key, mentions) in a store.
fn attacks(store: &Store) -> Vec<(String, String, u32)> {
    store
        .events(&Filter { cameo: Some("18".into()), ..Filter::default() }, 100, 0)
        .unwrap()
        .into_iter()
        .chain(store.events(&Filter { cameo: Some("19".into()), ..Filter::default() }, 100, 0).unwrap())
        .map(|e| {
            let s = e.event.source.unwrap();
            (s.actor_id.unwrap_or_default(), s.text, e.num_mentions)
        })
        .collect()
}

#[test]
fn a_report_that_names_the_author_is_the_same_event_as_one_that_does_not() {
    for order in [[UNCLAIMED, CLAIMED], [CLAIMED, UNCLAIMED]] {
        let (_d, mut store, c) = fresh();
        let arts: Vec<Article> = order
            .iter()
            .enumerate()
            .map(|(i, t)| article(&format!("r{i}"), "2021-10-19", &format!("Source {i}"), t))
            .collect();
        ingest(&mut store, c, &arts);
        let a = attacks(&store);
        assert!(!a.is_empty(), "{a:?}");
        // every attack is JNIM's, each reported twice: no unidentified group left beside it
        assert!(a.iter().all(|(id, _, n)| id == "jnim" && *n == 2), "{order:?}: {a:?}");
        let actors = store.actors(&Filter::default(), 50).unwrap();
        assert!(actors.iter().all(|x| !x.actor.key.starts_with("implied:") || x.events == 0), "{actors:?}");
    }
}

#[test]
fn an_implied_group_is_its_own_actor() {
    let (_d, mut store, c) = fresh();
    ingest(&mut store, c, &[article("u1", "2021-10-19", "Wire", UNCLAIMED)]);
    let actors = store.actors(&Filter::default(), 50).unwrap();
    let implied = actors.iter().find(|x| x.actor.key == "implied:MLIUAF").expect("the implied group");
    assert_eq!(implied.actor.label(), "unidentified armed group (MLI)");
}

/// One coded record, written out in full (not coded from text: the place is set exactly).
fn record(
    doc: &str,
    n: usize,
    source: (&str, Option<&str>),
    target: &str,
    place: (&str, f64, f64),
) -> palaver_core::Event {
    use palaver_core::event::{Acled, ActorRecord, Evidence, Location, Plover, Spans};
    let actor = |text: &str, code: &str, id: Option<&str>| ActorRecord {
        text: text.into(),
        code: Some(code.into()),
        actor_id: id.map(String::from),
        name: id.map(String::from),
        country: Some("MLI".into()),
        sector: None,
    };
    let (source_code, source_id) = source;
    let source_text =
        if source_id.is_none() && source_code == "MLIUAF" { "unidentified armed group" } else { source_code };
    palaver_core::Event {
        doc_id: doc.into(),
        event_id: format!("{doc}-{n}"),
        sentence_index: n,
        date: Some("2021-03-12".into()),
        date_precision: "day".into(),
        source: Some(actor(source_text, source_code, source_id)),
        target: Some(actor(target, target, None)),
        cameo: "190".into(),
        cameo_root: "19".into(),
        quad_class: 4,
        goldstein: -10.0,
        plover: Plover { event: Some("ASSAULT".into()), mode: None },
        acled: Some(Acled { event_type: Some("Battles".into()), sub_event_type: Some("Armed clash".into()) }),
        location: Some(Location {
            name: place.0.into(),
            country: Some("MLI".into()),
            admin1: Some(format!("{} region", place.0)),
            admin2: None,
            lat: place.1,
            lon: place.2,
            precision: "town".into(),
            geonameid: None,
        }),
        fatalities: None,
        negated: false,
        attribution: None,
        mediator: None,
        lang: "en".into(),
        evidence: Evidence {
            sentence: format!("Sentence {n} of {doc}, at {}.", place.0),
            verb: "attacked".into(),
            spans: Spans { source: None, target: None, verb: [0, 1] },
        },
        rule: "verbs.txt:1".into(),
    }
}

/// The `i`th place of a grid over Mali and beyond: 0.6 degrees (more than 60 km) apart.
fn grid(i: usize) -> (String, f64, f64) {
    (format!("Town {i}"), 10.0 + (i / 20) as f64 * 0.6, -10.0 + (i % 20) as f64 * 0.6)
}

/// Writes one article holding these records.
fn write_records(store: &mut Store, coder_id: i64, doc: &str, source: &str, events: Vec<palaver_core::Event>) {
    let text = events.iter().map(|e| e.evidence.sentence.clone()).collect::<Vec<_>>().join(" ");
    let a = article(doc, "2021-03-13", source, &text);
    let coded = CodedArticle { sentences: events.len(), events, warnings: vec![] };
    store.write_batch(&[(&a, &coded)], coder_id).unwrap();
}

/// (mentions, articles) of the event at a place, and how many events are there.
fn at_place(store: &Store, place: &str) -> Vec<(u32, u32, Option<String>)> {
    let f = Filter { place: Some(place.into()), ..Filter::default() };
    store
        .events(&f, 1000, 0)
        .unwrap()
        .into_iter()
        .map(|e| (e.num_mentions, e.num_articles, e.event.source.and_then(|s| s.actor_id)))
        .collect()
}

const BUSY: usize = 300;

#[test]
fn on_a_busy_day_a_second_report_finds_its_event_among_hundreds() {
    let (_d, mut store, c) = fresh();
    // 300 attacks by the army on JNIM on one day, each in its own town, all at once
    let places: Vec<(String, f64, f64)> = (0..BUSY).map(grid).collect();
    let day: Vec<_> = places
        .iter()
        .enumerate()
        .map(|(i, p)| record("day", i, ("MLIMIL", None), "MLIREB", (&p.0, p.1, p.2)))
        .collect();
    write_records(&mut store, c, "day", "Wire", day);
    // and 300 other events in the last town that day: other targets, another CAMEO root
    let last = &places[BUSY - 1];
    let crowd: Vec<_> = (0..BUSY)
        .map(|i| {
            let mut e = record("crowd", i, ("MLIMIL", None), &format!("MLICVL{i}"), (&last.0, last.1, last.2));
            if i % 2 == 0 {
                e.cameo = "173".into();
                e.cameo_root = "17".into();
            }
            e
        })
        .collect();
    write_records(&mut store, c, "crowd", "Wire", crowd);
    let before = store.counts().unwrap().events;
    assert_eq!(before, 2 * BUSY as u64, "every one of them is its own event");
    // a second report, from another paper, of the attack in the last town
    write_records(
        &mut store,
        c,
        "second",
        "Paper",
        vec![record("second", 0, ("MLIMIL", None), "MLIREB", (&last.0, last.1 + 0.05, last.2))],
    );
    assert_eq!(store.counts().unwrap().events, before, "the report joined a stored event");
    let f = Filter {
        place: Some(last.0.clone()),
        cameo: Some("19".into()),
        source: Some("MLIMIL".into()),
        target: Some("MLIREB".into()),
        ..Filter::default()
    };
    let joined = store.events(&f, 10, 0).unwrap();
    assert_eq!(joined.len(), 1);
    assert_eq!((joined[0].num_mentions, joined[0].num_articles, joined[0].num_sources), (2, 2, 2));
    // and a report of a town no event was in is a new event
    write_records(
        &mut store,
        c,
        "third",
        "Paper",
        vec![record("third", 0, ("MLIMIL", None), "MLIREB", (&grid(BUSY).0, grid(BUSY).1, grid(BUSY).2))],
    );
    assert_eq!(store.counts().unwrap().events, before + 1);
}

#[test]
fn on_a_busy_day_an_unnamed_author_finds_the_named_one_among_hundreds() {
    let (_d, mut store, c) = fresh();
    // 300 attacks on civilians on one day, by 300 named groups, each in its own town
    let places: Vec<(String, f64, f64)> = (0..BUSY).map(grid).collect();
    let named: Vec<_> = places
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let id = format!("group{i}");
            record("named", i, ("MLIREB", Some(&id)), "MLICVL", (&p.0, p.1, p.2))
        })
        .collect();
    write_records(&mut store, c, "named", "Wire", named);
    assert_eq!(store.counts().unwrap().events, BUSY as u64);
    // another paper says only "gunmen" attacked civilians in the last town: the same attack
    let last = &places[BUSY - 1];
    write_records(
        &mut store,
        c,
        "gunmen",
        "Paper",
        vec![record("gunmen", 0, ("MLIUAF", None), "MLICVL", (&last.0, last.1, last.2))],
    );
    assert_eq!(store.counts().unwrap().events, BUSY as u64, "the unnamed author joined the named one");
    assert_eq!(at_place(&store, &last.0), vec![(2, 2, Some(format!("group{}", BUSY - 1)))]);
    // and the other way round: 300 attacks by unidentified gunmen, then one report naming the author
    let (_d, mut store, c) = fresh();
    let unnamed: Vec<_> = places
        .iter()
        .enumerate()
        .map(|(i, p)| record("unnamed", i, ("MLIUAF", None), "MLICVL", (&p.0, p.1, p.2)))
        .collect();
    write_records(&mut store, c, "unnamed", "Wire", unnamed);
    write_records(
        &mut store,
        c,
        "claim",
        "Paper",
        vec![record("claim", 0, ("MLIREB", Some("jnim")), "MLICVL", (&last.0, last.1, last.2))],
    );
    assert_eq!(store.counts().unwrap().events, BUSY as u64, "the named author joined the unnamed one");
    assert_eq!(at_place(&store, &last.0), vec![(2, 2, Some("jnim".to_string()))], "and names it");
}

/// Everything the rollups answer, read both from them and from the events, as comparable text
/// (Goldstein sums to one decimal: the rollups keep them in tenths).
fn both_ways(store: &Store) -> (Vec<String>, Vec<String>) {
    let whole = Filter::default();
    let since = Filter { since: Some("2021-04".into()), until: Some("2021-12-31".into()), ..Filter::default() };
    let mut ways = (vec![], vec![]);
    for rollup in [true, false] {
        let out = if rollup { &mut ways.0 } else { &mut ways.1 };
        for f in [&whole, &since] {
            for p in [Period::Day, Period::Week, Period::Month] {
                let t = if rollup { store.timeline_from_rollup(f, p) } else { store.timeline_from_events(f, p) };
                for b in t.unwrap() {
                    let g = (b.goldstein_sum * 10.0).round();
                    out.push(format!("{p:?} {} {} {:?} {} {g}", b.period, b.events, b.quad, b.fatalities));
                }
            }
        }
        let dyads = if rollup { store.network_from_rollup(100) } else { store.network_from_events(&whole, 100) };
        for d in dyads.unwrap() {
            let g = (d.goldstein_sum * 10.0).round();
            out.push(format!(
                "dyad {} {} {} {} {} {} {g}",
                d.source.key, d.target.key, d.events, d.cooperation, d.conflict, d.fatalities
            ));
        }
        for a in store.actors_from(&whole, 100, rollup).unwrap() {
            out.push(format!(
                "actor {} {} {} {} {} {:?}",
                a.actor.key, a.as_source, a.as_target, a.cooperation, a.conflict, a.top_roots
            ));
        }
        for m in store.map_points_from(&whole, 100, rollup).unwrap() {
            out.push(format!("place {} {} {} {} {}", m.place, m.events, m.fatalities, m.cooperation, m.conflict));
        }
    }
    ways
}

#[test]
fn rollups_agree_with_the_events_through_merges_replacements_and_recoding() {
    let (_d, mut store, c) = fresh();
    let check = |store: &Store, when: &str| {
        let (rollup, events) = both_ways(store);
        assert!(rollup.len() > 10, "{when}: {rollup:?}");
        assert_eq!(rollup, events, "{when}");
    };
    ingest(&mut store, c, &corpus());
    check(&store, "after the first reports (the second report of the deal merged into the first)");
    let more = [
        article(
            "wire-9",
            "2021-10-20",
            "Wire One",
            "Malian soldiers attacked a JNIM position near Boni on Sunday, killing 9 militants.",
        ),
        article(
            "paper-9",
            "2021-05-03",
            "Paper Two",
            "Gunmen killed 4 villagers near Mopti on Saturday. JNIM claimed the attack.",
        ),
        article("wire-3", "2021-10-19", "Wire One", "Protesters rallied in Bamako on Friday against the junta."),
    ];
    ingest(&mut store, c, &more);
    check(&store, "after a merge with a higher toll, a named perpetrator and a replaced article");
    let c2 = store.coder_id(&coder("set-b")).unwrap();
    store.clear_for_recode(c2, false).unwrap();
    let (rollup, events) = both_ways(&store);
    assert_eq!(rollup, events);
    assert!(rollup.is_empty(), "removed events leave nothing counted: {rollup:?}");
    let todo: Vec<Article> = store.articles_to_recode(c2, 0, 100).unwrap().into_iter().map(|(_, a)| a).collect();
    ingest(&mut store, c2, &todo);
    check(&store, "after recoding");
}

#[test]
fn lists_read_through_ordered_branches_equal_the_general_plan() {
    let (_d, mut store, c) = fresh();
    let mut articles = corpus();
    let towns = ["Mopti", "Boni", "Gao", "Niono", "Djibo", "Kidal"];
    for (i, town) in towns.iter().enumerate() {
        let text = format!(
            "Malian soldiers attacked JNIM fighters near {town} on Sunday, killing {} militants. \
             Protesters rallied in Bamako on Monday against France. Burkinabe troops clashed with ISWAP near Djibo.",
            i + 2
        );
        articles.push(article(&format!("extra-{i}"), &format!("2021-0{}-1{i}", 1 + i % 9), "Wire Three", &text));
        // and undated reports, which every list puts last
        let mut undated = Article::new(format!("undated-{i}"), &text);
        undated.source = Some("Wire Four".into());
        articles.push(undated);
    }
    ingest(&mut store, c, &articles);
    let f = Filter::default;
    let filters = [
        Filter { actor: Some("jnim".into()), ..f() },
        Filter { actor: Some("MLI".into()), ..f() },
        Filter { actor: Some("M".into()), since: Some("2021-03".into()), ..f() },
        Filter { source: Some("MLIMIL".into()), ..f() },
        Filter { target: Some("jnim".into()), until: Some("2021-05".into()), ..f() },
        Filter { country: Some("mli".into()), ..f() },
        Filter { country: Some("BFA".into()), ..f() },
        Filter { cameo: Some("19".into()), ..f() },
        Filter { cameo: Some("190".into()), ..f() },
        Filter { cameo: Some("0".into()), ..f() },
        Filter { plover: Some("assault".into()), ..f() },
        Filter { acled: Some("battles".into()), ..f() },
        Filter { acled: Some("Armed clash".into()), ..f() },
        Filter { place: Some("Niono".into()), ..f() },
        Filter { place: Some("mopti".into()), ..f() },
        Filter { bbox: Some([-7.0, 13.0, 0.0, 16.0]), ..f() },
        Filter { bbox: Some([170.0, -10.0, -170.0, 10.0]), ..f() },
    ];
    let ids = |v: Vec<palaver_store::query::StoredEvent>| v.iter().map(|e| e.id).collect::<Vec<_>>();
    for filter in &filters {
        let branches = store.branches(filter).unwrap().unwrap_or_else(|| panic!("{filter:?} has branches"));
        let all = store.count(filter).unwrap() as usize;
        for (limit, offset) in [(100, 0), (1, 0), (2, 1), (3, 2), (100, all.saturating_sub(1))] {
            let general = ids(store.events_general(filter, limit, offset).unwrap());
            let branched = ids(store.events_by_branches(filter, &branches, limit, offset).unwrap());
            assert_eq!(branched, general, "{filter:?} limit {limit} offset {offset}");
            if offset == 0 && limit >= all {
                assert_eq!(general.len(), all, "{filter:?}");
            }
        }
        assert!(all >= 1 || filter.bbox.is_some(), "{filter:?} finds events");
    }
    // words in few sentences go from the sentences to their events
    for filter in [
        Filter { text: Some("attacked".into()), ..f() },
        Filter { text: Some("truce OR rallied".into()), since: Some("2021-03".into()), ..f() },
        Filter { text: Some("soldiers".into()), country: Some("MLI".into()), ..f() },
        Filter { text: Some("volcano".into()), ..f() },
    ] {
        let all = store.count(&filter).unwrap() as usize;
        for (limit, offset) in [(100, 0), (1, 0), (2, 1), (100, all.saturating_sub(1))] {
            let general = ids(store.events_general(&filter, limit, offset).unwrap());
            assert_eq!(ids(store.events(&filter, limit, offset).unwrap()), general, "{filter:?} {limit} {offset}");
        }
        assert!(all >= 1 || filter.text.as_deref() == Some("volcano"), "{filter:?}");
        let last = store.events_general(&filter, 1, all.saturating_sub(1)).unwrap();
        assert!(last.iter().all(|e| e.event.date.is_none()) || filter.since.is_some(), "{filter:?}: undated last");
        // common words walk the days in blocks and match each block's sentences
        for (limit, offset) in [(100, 0), (1, 0), (2, 1), (3, all.saturating_sub(2)), (100, all + 5)] {
            let general = ids(store.events_general(&filter, limit, offset).unwrap());
            for block in [1, 2, 1024] {
                let walked =
                    store.events_walking_words(&filter, limit, offset, block, None).unwrap().expect("no budget");
                assert_eq!(ids(walked), general, "walking {filter:?} {limit} {offset} in blocks of {block}");
            }
        }
    }
    // words, quad classes and several kinds at once go the general way
    assert!(store.branches(&Filter { text: Some("truce".into()), ..f() }).unwrap().is_none());
    assert!(store
        .branches(&Filter { cameo: Some("19".into()), country: Some("MLI".into()), ..f() })
        .unwrap()
        .is_none());
}
