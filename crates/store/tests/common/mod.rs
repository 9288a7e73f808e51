//! The engine the store tests share: the embedded dictionaries, default options.

use palaver_core::{Engine, Options};
use palaver_lexicon::Lexicon;
use std::sync::{Arc, OnceLock};

/// One engine for a test binary, built on first use; the embedded dictionaries must be clean.
pub fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| {
        let (lexicon, errors) = Lexicon::embedded();
        assert!(errors.is_empty(), "{errors:?}");
        Engine::new(Arc::new(lexicon), Options::default())
    })
}
