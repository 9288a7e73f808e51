//! Any bytes, as JSONL on standard input: the reader must never panic, must report what it
//! rejects with a line number, and every record it accepts must code.
#![no_main]
use libfuzzer_sys::fuzz_target;
use palaver_core::{Engine, Options};
use std::sync::{Arc, OnceLock};

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| Engine::new(Arc::new(palaver_lexicon::Lexicon::embedded().0), Options::default()))
}

fuzz_target!(|data: &[u8]| {
    let mut cursor = std::io::Cursor::new(data);
    palaver::input::read_stream("fuzz", &mut cursor, &mut |item| {
        match item {
            Ok(record) => {
                let _ = engine().code(&record.article);
            }
            Err(e) => assert!(e.origin.starts_with("fuzz")),
        }
        true
    });
});
