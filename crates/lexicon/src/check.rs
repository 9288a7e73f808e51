//! `palaver dict check`: lints a dictionary once loaded. Unreadable lines come from loading; this
//! adds duplicate entries, patterns that can never match, codes outside CAMEO and overlapping date
//! ranges, each with its file and line.

use crate::entries::{DictError, Origin, PatternElem};
use crate::{DictKind, Lexicon};
use std::collections::HashMap;
use std::path::Path;

/// Which kind of dictionary a file is, from its name: palaver's own files by their names,
/// PETRARCH's by the words in theirs.
pub fn kind_of(path: &Path) -> Option<DictKind> {
    let name = path.file_name()?.to_str()?;
    let lower = name.to_ascii_lowercase();
    Some(match lower.as_str() {
        "countries.txt" => DictKind::Countries,
        "actors.txt" | "leaders.txt" | "groups.txt" => DictKind::Actors,
        "agents.txt" => DictKind::Agents,
        "verbs.txt" => DictKind::Verbs,
        "discards.txt" => DictKind::Discards,
        "cameo_intent.tsv" => DictKind::CameoIntent,
        _ if lower.contains("verbs") || lower.starts_with("cameo") => DictKind::PetrarchVerbs,
        _ if lower.contains("actors") => DictKind::PetrarchActors,
        _ if lower.contains("agents") => DictKind::PetrarchAgents,
        _ if lower.contains("discards") => DictKind::PetrarchDiscards,
        _ => return None,
    })
}

/// Words the coder steps over before it compares a pattern word, so a pattern word among them can
/// never match.
const SKIPPED: &[&str] = &[
    "a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "some", "any", "all",
    "each", "several", "many", "other", "another", "no",
];

fn problem(origin: &Origin, message: String) -> DictError {
    DictError { file: origin.file.to_string(), line: origin.line, message }
}

/// The problems of a loaded lexicon's entries of one kind.
pub fn lint(lex: &Lexicon, kind: DictKind) -> Vec<DictError> {
    let mut out = Vec::new();
    match kind {
        DictKind::Verbs | DictKind::PetrarchVerbs => lint_patterns(lex, &mut out),
        DictKind::Actors | DictKind::PetrarchActors => lint_actors(lex, &mut out),
        _ => {}
    }
    for (phrase, lines) in lex.phrases.shared_phrases(&lex.vocab) {
        if lines.len() > 1 {
            let file = lex.sources.last().cloned().unwrap_or_default();
            out.push(DictError {
                file,
                line: lines[1],
                message: format!("phrase {phrase:?} names more than one entry (also line {})", lines[0]),
            });
        }
    }
    out.sort_by_key(|e| e.line);
    out
}

fn lint_patterns(lex: &Lexicon, out: &mut Vec<DictError>) {
    let mut seen: HashMap<String, (u32, u32)> = HashMap::new();
    for p in &lex.patterns {
        let code = &lex.cameo[p.code as usize];
        if code.quad_class == 0 && code.code != "---" {
            out.push(problem(&p.origin, format!("code {:?} is not a CAMEO event code", code.code)));
        }
        for e in p.before.iter().chain(&p.elems) {
            match e {
                // (as written: French "à" folds to "a", a preposition the matcher takes as itself)
                PatternElem::Word(w)
                    if SKIPPED.contains(&lex.vocab.text(*w))
                        && p.text.split_whitespace().any(|t| t.eq_ignore_ascii_case(lex.vocab.text(*w))) =>
                {
                    out.push(problem(
                        &p.origin,
                        format!("pattern {:?} can never match: {:?} is stepped over", p.text, lex.vocab.text(*w)),
                    ));
                }
                PatternElem::Set(s) if lex.sets[*s as usize].is_empty() => {
                    out.push(problem(&p.origin, format!("pattern {:?} uses an empty synonym set", p.text)));
                }
                _ => {}
            }
        }
        let key = format!("{}|{:?}|{:?}|{}", p.head, p.before, p.elems, p.negated);
        match seen.get(&key) {
            Some(&(line, c)) if c == p.code => {
                out.push(problem(&p.origin, format!("pattern {:?} duplicates line {line}", p.text)));
            }
            Some(&(line, c)) => out.push(problem(
                &p.origin,
                format!(
                    "pattern {:?} is coded {} here and {} at line {line}: only one can win",
                    p.text, code.code, lex.cameo[c as usize].code
                ),
            )),
            None => {
                seen.insert(key, (p.origin.line, p.code));
            }
        }
    }
}

fn lint_actors(lex: &Lexicon, out: &mut Vec<DictError>) {
    for a in &lex.actors {
        // an area names a region the gazetteer knows in that country
        for (iso3, region) in &a.area {
            let g = crate::gazetteer::Gazetteer::embedded(); // (parsed once, on the first area)
            let known =
                g.regions_named(&crate::gazetteer::key(region)).iter().any(|&i| g.regions[i as usize].iso3 == *iso3);
            if !known {
                out.push(problem(&a.origin, format!("{}: area {iso3}:{region} is no region of the gazetteer", a.name)));
            }
        }
        let dated: Vec<_> = a.codes.iter().filter(|c| !c.undated()).collect();
        for (i, x) in dated.iter().enumerate() {
            for y in &dated[i + 1..] {
                let (xf, xt) = (x.from.unwrap_or(0), x.to.unwrap_or(u32::MAX));
                let (yf, yt) = (y.from.unwrap_or(0), y.to.unwrap_or(u32::MAX));
                if xf < yt && yf < xt {
                    out.push(problem(
                        &a.origin,
                        format!("{}: date ranges of {} and {} overlap", a.name, x.code, y.code),
                    ));
                }
                if xf > xt {
                    out.push(problem(&a.origin, format!("{}: {} ends before it starts", a.name, x.code)));
                }
            }
        }
    }
}
