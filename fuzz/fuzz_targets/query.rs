//! Any bytes as an API query string (`/api/events?...`) and as the words filter: the parameters
//! are read or refused with a 400, never a panic; a filter that is read runs on a store without
//! an error; and whatever the words filter reads turns into an FTS5 query SQLite accepts.
#![no_main]
use libfuzzer_sys::fuzz_target;
use palaver::serve::api::Params;
use palaver_core::{Article, Engine, Options};
use palaver_store::{Coder, Store};
use std::sync::{Arc, Mutex, OnceLock};

/// A small store (one coded article), made once per fuzzing process.
fn store() -> &'static Mutex<Store> {
    static S: OnceLock<Mutex<Store>> = OnceLock::new();
    S.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("palaver-fuzz-query-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a temporary folder");
        let mut store = Store::open(&dir.join("fuzz.db")).expect("a new store");
        let engine = Engine::new(Arc::new(palaver_lexicon::Lexicon::embedded().0), Options::default());
        let article = Article::new(
            "fuzz-1",
            "JNIM fighters and traditional hunters signed a truce near Niono on 12 March 2021. \
             The truce broke down in July, when gunmen attacked the town.",
        )
        .with_date("2021-10-19");
        let coded = engine.code(&article);
        let coder = store.coder_id(&Coder { version: "fuzz".into(), dictionaries: "embedded".into() }).unwrap();
        store.write_batch(&[(&article, &coded)], coder).expect("the article is stored");
        Mutex::new(store)
    })
}

fuzz_target!(|data: &[u8]| {
    let raw = String::from_utf8_lossy(data);
    let store = store().lock().unwrap_or_else(|e| e.into_inner());
    match Params::parse(Some(&raw), &["limit", "offset"]) {
        Ok(p) => {
            if let Err(e) = p.num("limit", 50, 500) {
                assert_eq!(e.status(), 400);
            }
            match p.filter() {
                // a filter the API accepts runs
                Ok(f) => {
                    if let Err(e) = store.count(&f) {
                        panic!("{raw:?}: accepted, then failed: {e}");
                    }
                }
                Err(e) => assert!(e.status() == 400 && !e.message().is_empty(), "{raw:?}: {}", e.message()),
            }
        }
        Err(e) => assert!(e.status() == 400 && !e.message().is_empty()),
    }
    // the same bytes typed straight into the words box
    let typed = String::from_utf8_lossy(data);
    match palaver_store::fts::translate(&typed) {
        Ok(q) => {
            let n = store.connection().query_row(
                "SELECT COUNT(*) FROM sentences_fts WHERE sentences_fts MATCH ?1",
                [&q],
                |r| r.get::<_, i64>(0),
            );
            if let Err(e) = n {
                panic!("{typed:?} -> {q:?}: {e}");
            }
        }
        Err(m) => assert!(m.contains("words filter"), "{m}"),
    }
});
