//! Which dictionaries to code with: palaver's own (the default, compiled in) and/or files in
//! PETRARCH's formats, named in a TOML file. Paths are relative to the TOML file.
//!
//! ```toml
//! [petrarch]
//! verbs = ["CAMEO.2.0.txt"]
//! actors = ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt"]
//! agents = ["Phoenix.agents.txt"]
//! discards = ["Phoenix.discards.txt"]
//!
//! [palaver]
//! dictionaries = false   # also load palaver's own dictionaries (default: false when [petrarch] is given)
//! dir = "dictionaries"   # or read palaver's own from a folder, not the compiled-in copies
//!
//! [places]
//! countries = ["MLI", "BFA", "NER"]   # where the corpus happens, for places the text leaves open
//! ```

use anyhow::{bail, Context, Result};
use palaver_lexicon::{DictError, DictKind, Lexicon, LexiconBuilder};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// PETRARCH dictionary files, by kind.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PetrarchFiles {
    #[serde(default)]
    pub verbs: Vec<PathBuf>,
    #[serde(default)]
    pub actors: Vec<PathBuf>,
    #[serde(default)]
    pub agents: Vec<PathBuf>,
    #[serde(default)]
    pub discards: Vec<PathBuf>,
    /// Issue files are accepted and not used yet.
    #[serde(default)]
    pub issues: Vec<PathBuf>,
}

/// palaver's own dictionaries.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PalaverFiles {
    /// Load the compiled-in dictionaries too.
    pub dictionaries: Option<bool>,
    /// Read palaver's dictionaries from this folder instead of the compiled-in copies (for
    /// dictionary authors: edit, then `palaver eval --config`, no rebuild).
    pub dir: Option<PathBuf>,
}

/// Where events are placed.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlacesConfig {
    /// The countries a corpus is about (ISO3), where the text names none (`--countries`).
    pub countries: Option<Vec<String>>,
}

/// A dictionary configuration.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DictConfig {
    #[serde(default)]
    pub petrarch: Option<PetrarchFiles>,
    #[serde(default)]
    pub palaver: PalaverFiles,
    #[serde(default)]
    pub places: PlacesConfig,
}

impl DictConfig {
    /// Reads a TOML configuration; relative paths become relative to its folder.
    pub fn read(path: &Path) -> Result<DictConfig> {
        let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
        let mut config: DictConfig =
            toml::from_str(&text).with_context(|| format!("{}: not a valid configuration", path.display()))?;
        for c in config.places.countries.iter().flatten() {
            if c.len() != 3 || !c.bytes().all(|b| b.is_ascii_uppercase()) {
                bail!("{}: [places] countries: {c:?} is not an ISO 3166 alpha-3 code (\"MLI\")", path.display());
            }
        }
        let base = path.parent().unwrap_or(Path::new("."));
        if let Some(d) = config.palaver.dir.as_mut() {
            if d.is_relative() {
                *d = base.join(&*d);
            }
        }
        if let Some(p) = config.petrarch.as_mut() {
            for list in [&mut p.verbs, &mut p.actors, &mut p.agents, &mut p.discards, &mut p.issues] {
                for f in list.iter_mut() {
                    if f.is_relative() {
                        *f = base.join(&*f);
                    }
                }
            }
        }
        Ok(config)
    }

    /// Builds the lexicon: the embedded tables always, palaver's dictionaries unless PETRARCH files
    /// replace them, then each named file. Bad lines are returned with their file and line.
    pub fn build(&self) -> Result<(Lexicon, Vec<DictError>)> {
        let own = self.palaver.dictionaries.unwrap_or(self.petrarch.is_none());
        let mut builder = if own && self.palaver.dir.is_none() {
            Lexicon::builder().embedded()
        } else {
            Lexicon::builder().embedded_tables()
        };
        if let Some(dir) = &self.palaver.dir {
            let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
                .with_context(|| format!("cannot list {}", dir.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect();
            files.sort();
            for f in files {
                let kind = palaver_lexicon::check::kind_of(&f)
                    .with_context(|| format!("{}: not a palaver dictionary name", f.display()))?;
                builder = add_file(builder, kind, &f)?;
            }
        }
        if let Some(p) = &self.petrarch {
            builder = add_petrarch(builder, p)?;
        }
        Ok(builder.build())
    }
}

/// Adds every file of a set of PETRARCH dictionaries, each read as its kind.
pub fn add_petrarch(mut builder: LexiconBuilder, p: &PetrarchFiles) -> Result<LexiconBuilder> {
    let kinds = [
        (DictKind::PetrarchVerbs, &p.verbs),
        (DictKind::PetrarchActors, &p.actors),
        (DictKind::PetrarchAgents, &p.agents),
        (DictKind::PetrarchDiscards, &p.discards),
    ];
    for (kind, files) in kinds {
        for f in files {
            builder = add_file(builder, kind, f)?;
        }
    }
    Ok(builder)
}

/// Adds a file, read as UTF-8 (or Latin-1 where it is not: old dictionaries often are).
pub fn add_file(builder: LexiconBuilder, kind: DictKind, path: &Path) -> Result<LexiconBuilder> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read dictionary {}", path.display()))?;
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => e.into_bytes().iter().map(|&b| b as char).collect(),
    };
    if text.trim().is_empty() {
        bail!("{}: empty dictionary", path.display());
    }
    Ok(builder.add(kind, path.display().to_string(), text))
}

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
    let own = c.palaver.dictionaries.unwrap_or(c.petrarch.is_none());
    if own && c.palaver.dir.is_none() {
        for (_, name, text) in palaver_lexicon::EMBEDDED {
            h.add(name.as_bytes());
            h.add(text.as_bytes());
        }
    }
    let mut files: Vec<PathBuf> = Vec::new();
    if let Some(dir) = &c.palaver.dir {
        let mut in_dir: Vec<PathBuf> = std::fs::read_dir(dir)
            .with_context(|| format!("cannot list {}", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        in_dir.sort();
        files.extend(in_dir);
    }
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
