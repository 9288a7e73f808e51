//! Any bytes, as an article's text: segmenting, matching and coding must never panic, and every
//! span must lie inside the text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use palaver_core::{Article, Engine, Options};
use std::sync::{Arc, OnceLock};

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| Engine::new(Arc::new(palaver_lexicon::Lexicon::embedded().0), Options { keep_negated: true, ..Options::default() }))
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let coded = engine().code(&Article::new("fuzz", text.as_ref()).with_date("2021-10-19"));
    for e in coded.events {
        let [a, b] = e.evidence.spans.verb;
        assert!(a <= b && b <= text.len());
    }
});
