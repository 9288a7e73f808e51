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
//!
//! [places]
//! countries = ["MLI", "BFA", "NER"]   # where the corpus happens, for places the text leaves open
//! dir = "dictionaries"   # or read palaver's own from a folder, not the compiled-in copies
//! ```
//!
//! It lives here, beside the lexicon it builds, so that every front end (the command line, the
//! Python package) reads a configuration the same way.

use crate::{DictError, DictKind, Lexicon, LexiconBuilder};
use serde::Deserialize;
use std::fmt;
use std::path::{Path, PathBuf};

/// PETRARCH dictionary files, by kind.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PetrarchFiles {
    /// Verb dictionaries (PETRARCH-2's CAMEO.2.0.txt, or the PETRARCH-1/TABARI format).
    #[serde(default)]
    pub verbs: Vec<PathBuf>,
    /// Actor dictionaries.
    #[serde(default)]
    pub actors: Vec<PathBuf>,
    /// Agent dictionaries.
    #[serde(default)]
    pub agents: Vec<PathBuf>,
    /// Discard lists.
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
    /// PETRARCH's files, if any.
    #[serde(default)]
    pub petrarch: Option<PetrarchFiles>,
    /// palaver's own dictionaries.
    #[serde(default)]
    pub palaver: PalaverFiles,
    /// Where events are placed: `[places] countries = ["MLI", "BFA"]`.
    #[serde(default)]
    pub places: PlacesConfig,
}

/// Why a configuration or a dictionary file could not be used. The message names the file; the
/// underlying error, if any, is its [`std::error::Error::source`].
#[derive(Debug)]
pub enum ConfigError {
    /// A file could not be read, or a folder listed: `what` says which ("cannot read", ...).
    Io {
        /// What was being done.
        what: &'static str,
        /// The file or folder.
        path: PathBuf,
        /// Why it failed.
        source: std::io::Error,
    },
    /// The TOML file is not a valid configuration.
    Invalid {
        /// The configuration file.
        path: PathBuf,
        /// What the TOML reader said.
        message: String,
    },
    /// A file in palaver's dictionary folder whose name tells no kind of dictionary.
    UnknownKind(PathBuf),
    /// A dictionary file with nothing in it.
    Empty(PathBuf),
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::Io { what, path, .. } => write!(f, "{what} {}", path.display()),
            ConfigError::Invalid { path, message } => {
                write!(f, "{}: not a valid configuration: {message}", path.display())
            }
            ConfigError::UnknownKind(path) => write!(f, "{}: not a palaver dictionary name", path.display()),
            ConfigError::Empty(path) => write!(f, "{}: empty dictionary", path.display()),
        }
    }
}

impl std::error::Error for ConfigError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ConfigError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

fn io<'a>(what: &'static str, path: &'a Path) -> impl FnOnce(std::io::Error) -> ConfigError + 'a {
    move |source| ConfigError::Io { what, path: path.to_path_buf(), source }
}

impl DictConfig {
    /// Reads a TOML configuration; relative paths become relative to its folder.
    pub fn read(path: &Path) -> Result<DictConfig, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(io("cannot read", path))?;
        let mut config: DictConfig = toml::from_str(&text)
            .map_err(|e| ConfigError::Invalid { path: path.to_path_buf(), message: e.to_string() })?;
        if let Some(c) = config
            .places
            .countries
            .iter()
            .flatten()
            .find(|c| c.len() != 3 || !c.bytes().all(|b| b.is_ascii_uppercase()))
        {
            let message = format!("[places] countries: {c:?} is not an ISO 3166 alpha-3 code (\"MLI\")");
            return Err(ConfigError::Invalid { path: path.to_path_buf(), message });
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

    /// Whether palaver's compiled-in dictionaries are part of this set.
    pub fn embedded_dictionaries(&self) -> bool {
        self.palaver.dictionaries.unwrap_or(self.petrarch.is_none()) && self.palaver.dir.is_none()
    }

    /// The `.txt` files of palaver's dictionary folder, if one is named, in name order.
    pub fn dir_files(&self) -> Result<Vec<PathBuf>, ConfigError> {
        let Some(dir) = &self.palaver.dir else { return Ok(Vec::new()) };
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(io("cannot list", dir))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        Ok(files)
    }

    /// Builds the lexicon: the embedded tables always, palaver's dictionaries unless PETRARCH files
    /// replace them, then each named file. Bad lines are returned with their file and line.
    pub fn build(&self) -> Result<(Lexicon, Vec<DictError>), ConfigError> {
        let mut builder = if self.embedded_dictionaries() {
            Lexicon::builder().embedded()
        } else {
            Lexicon::builder().embedded_tables()
        };
        for f in self.dir_files()? {
            let kind = crate::check::kind_of(&f).ok_or_else(|| ConfigError::UnknownKind(f.clone()))?;
            builder = add_file(builder, kind, &f)?;
        }
        if let Some(p) = &self.petrarch {
            builder = add_petrarch(builder, p)?;
        }
        Ok(builder.build())
    }
}

/// Adds every file of a set of PETRARCH dictionaries, each read as its kind.
pub fn add_petrarch(mut builder: LexiconBuilder, p: &PetrarchFiles) -> Result<LexiconBuilder, ConfigError> {
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
pub fn add_file(builder: LexiconBuilder, kind: DictKind, path: &Path) -> Result<LexiconBuilder, ConfigError> {
    let bytes = std::fs::read(path).map_err(io("cannot read dictionary", path))?;
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => e.into_bytes().iter().map(|&b| b as char).collect(),
    };
    if text.trim().is_empty() {
        return Err(ConfigError::Empty(path.to_path_buf()));
    }
    Ok(builder.add(kind, path.display().to_string(), text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("palaver-config-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        dir
    }

    #[test]
    fn relative_paths_follow_the_file_and_errors_name_it() {
        let dir = temp_dir("paths");
        let toml = dir.join("set.toml");
        std::fs::write(&toml, "[petrarch]\nverbs = [\"v.verbs.txt\"]\n[palaver]\ndictionaries = true\n").unwrap();
        let c = DictConfig::read(&toml).expect("reads");
        assert_eq!(c.petrarch.as_ref().unwrap().verbs, vec![dir.join("v.verbs.txt")]);
        assert!(c.embedded_dictionaries());
        let e = c.build().expect_err("the verbs file is missing");
        assert!(e.to_string().starts_with("cannot read dictionary"), "{e}");
        assert!(std::error::Error::source(&e).is_some());
        std::fs::write(dir.join("v.verbs.txt"), "  \n").unwrap();
        assert!(matches!(c.build(), Err(ConfigError::Empty(_))));
        std::fs::write(&toml, "[petrarch]\nverbz = []\n").unwrap();
        let e = DictConfig::read(&toml).expect_err("unknown field");
        assert!(e.to_string().contains("not a valid configuration"), "{e}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
