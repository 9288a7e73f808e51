//! Which dictionaries to code with: a TOML file naming palaver's own and/or PETRARCH's (read by
//! [`palaver_lexicon::config`], shared with the Python package), and the name of a dictionary set
//! recorded in the store.

pub use palaver_lexicon::config::{add_file, add_petrarch, ConfigError, DictConfig, PalaverFiles, PetrarchFiles};

use anyhow::{Context, Result};
use std::path::{Path, PathBuf};

/// A name for the dictionary set a run codes with, recorded in the store with every event:
/// `embedded@<digest>` for the compiled-in dictionaries, `<config file>@<digest>` for a
/// configuration, the digest covering every file it reads, so that an edit shows as a new set.
pub fn dictionary_set(config: Option<&Path>) -> Result<String> {
    let mut h = Fnv::default();
    let Some(path) = config else {
        for (_, name, text) in palaver_lexicon::EMBEDDED {
            h.add(name.as_bytes());
            h.add(text.as_bytes());
        }
        return Ok(format!("embedded@{:016x}", h.0));
    };
    let c = DictConfig::read(path)?;
    h.add(&std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?);
    if c.embedded_dictionaries() {
        for (_, name, text) in palaver_lexicon::EMBEDDED {
            h.add(name.as_bytes());
            h.add(text.as_bytes());
        }
    }
    let mut files: Vec<PathBuf> = c.dir_files()?;
    if let Some(p) = &c.petrarch {
        for list in [&p.verbs, &p.actors, &p.agents, &p.discards, &p.issues] {
            files.extend(list.iter().cloned());
        }
    }
    for f in files {
        h.add(f.file_name().map(|n| n.as_encoded_bytes()).unwrap_or_default());
        h.add(&std::fs::read(&f).with_context(|| format!("cannot read dictionary {}", f.display()))?);
    }
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(format!("{name}@{:016x}", h.0))
}

/// FNV-1a over several byte strings, each ended by a zero byte.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf29ce484222325)
    }
}

impl Fnv {
    fn add(&mut self, bytes: &[u8]) {
        for &b in bytes.iter().chain([&0u8]) {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x100000001b3);
        }
    }
}
