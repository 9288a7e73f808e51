//! Readers for the field's own dictionary formats, read as they are: PETRARCH-2 verb dictionaries
//! (CAMEO.2.0.txt: synsets, verb blocks, `{...}` noun and `(...)` prepositional parts, `$ + % ^`,
//! paired codes), the older PETRARCH-1/TABARI verb format (`- * PATTERN [code]`), actor files
//! (synonyms with `+`, dated codes on their own lines), agent files (`[~MIL]`, `[NGO~]`, plurals in
//! `{...}`, `!SUBST!` sets) and discard lists (`+` for whole stories).
//!
//! Patterns become palaver patterns: the words after `*` in order, with a short gap allowed before
//! each (PETRARCH-2 matched them within the verb's phrase, not next to each other), an actor after a
//! word within a few words (inside its noun phrase), `^` passing over one phrase; the words before
//! `*` are matched before the head, right before one another where `_` glues them. A verb's own
//! words before a head marked `+` (`WIRE_+TAP`) stand right before it. Transformations (`~ a (b . ATTACK) SAY = a b 112`) are read
//! and counted but not applied yet.

use crate::entries::*;
use crate::load::parse_day;
use crate::phrases::EntryKind;
use crate::words::phrase_words;
use crate::{DictKind, Lexicon};
use std::sync::Arc;

/// Lines with comments removed: `# ...`, `; ...` and `<!-- ... -->` (possibly over several lines).
/// Leading white space is kept, since actor files mark dated codes with a tab.
pub(crate) fn clean_lines(text: &str) -> Vec<(u32, String)> {
    let mut out = Vec::new();
    let mut in_comment = false;
    for (i, raw) in text.lines().enumerate() {
        let mut line = String::new();
        let mut rest = raw;
        loop {
            if in_comment {
                match rest.find("-->") {
                    Some(p) => {
                        rest = &rest[p + 3..];
                        in_comment = false;
                    }
                    None => break,
                }
            } else {
                match rest.find("<!--") {
                    Some(p) => {
                        line.push_str(&rest[..p]);
                        rest = &rest[p + 4..];
                        in_comment = true;
                    }
                    None => {
                        line.push_str(rest);
                        break;
                    }
                }
            }
        }
        let cut = line.find(['#', ';']).unwrap_or(line.len());
        let body = line[..cut].trim_end().to_string();
        if !body.trim().is_empty() {
            out.push((i as u32 + 1, body));
        }
    }
    out
}

/// A PETRARCH phrase ("PRESIDENT_GEORGE_W._BUSH_") as palaver writes it ("president george w. bush").
/// PETRARCH writes everything in capitals, so capitals say nothing of how the text must be written:
/// the phrase is lower-cased, and names then need a capitalised word in the text like palaver's own.
fn phrase(s: &str) -> String {
    s.trim().trim_end_matches('_').replace('_', " ").trim().to_lowercase()
}

/// `YYMMDD` or `YYYYMMDD` as a day number; two-digit years up to 26 are 20xx, later ones 19xx.
fn petrarch_day(s: &str) -> Option<DayNumber> {
    let s = s.trim();
    let full = match s.len() {
        6 => {
            let yy: u32 = s[..2].parse().ok()?;
            format!("{}{}", if yy <= 26 { 2000 + yy } else { 1900 + yy }, &s[2..])
        }
        8 => s.to_string(),
        _ => return None,
    };
    parse_day(&format!("{}-{}-{}", &full[..4], &full[4..6], &full[6..8]))
}

/// `[CODE]`, `[CODE <date]`, `[CODE >date]`, `[CODE date-date]`.
fn petrarch_code(s: &str) -> Result<DatedCode, String> {
    let inner = s.trim().trim_start_matches('[').trim_end_matches(']').trim();
    let (code, restriction) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
    let code = code.to_ascii_uppercase();
    if code.is_empty() {
        return Err("empty code".into());
    }
    let restriction: String = restriction.chars().filter(|c| !c.is_whitespace()).collect();
    let day = |d: &str| petrarch_day(d).ok_or_else(|| format!("{d:?} is not a YYMMDD or YYYYMMDD date"));
    let (from, to) = match Some(restriction.as_str()).filter(|r| !r.is_empty()) {
        None => (None, None),
        Some(r) if r.starts_with('<') => (None, Some(day(&r[1..])?)),
        Some(r) if r.starts_with('>') => (Some(day(&r[1..])?), None),
        Some(r) => {
            let (a, b) = r.split_once('-').ok_or_else(|| format!("date restriction {r:?} is not <d, >d or d-d"))?;
            (Some(day(a)?), Some(day(b)?))
        }
    };
    Ok(DatedCode { code, from, to })
}

/// The bracketed groups of a code line: "[A 010101-061231][B][---" -> "[A 010101-061231]", "[B]",
/// "[---" (a last group may lack its closing bracket).
fn bracket_groups(s: &str) -> Vec<&str> {
    s.split_inclusive(']').map(str::trim).filter(|g| g.starts_with('[') && g.len() > 1).collect()
}

/// Splits "PHRASE [CODE]" into the phrase and the bracketed code, if any.
fn split_code(body: &str) -> (&str, Option<&str>) {
    match body.find('[') {
        Some(p) => (body[..p].trim(), Some(body[p..].trim())),
        None => (body.trim(), None),
    }
}

pub(crate) fn load(lex: &mut Lexicon, kind: DictKind, file: &Arc<str>, text: &str, errors: &mut Vec<DictError>) {
    let lines = clean_lines(text);
    let mut err = |line: u32, message: String| errors.push(DictError { file: file.to_string(), line, message });
    match kind {
        DictKind::PetrarchActors => actors(lex, file, &lines, &mut err),
        DictKind::PetrarchAgents => agents(lex, file, &lines, &mut err),
        DictKind::PetrarchDiscards => discards(lex, file, &lines, &mut err),
        DictKind::PetrarchVerbs => verbs(lex, file, &lines, &mut err),
        _ => {}
    }
}

/// Country and sector of a PETRARCH actor code: its first three letters when they are a country
/// code, the first part that is an actor type for the sector.
fn country_and_sector(lex: &Lexicon, code: &str) -> (Option<String>, Option<String>) {
    let parts: Vec<&str> = (0..code.len() / 3).filter_map(|i| code.get(i * 3..i * 3 + 3)).collect();
    let country = parts.first().and_then(|p| lex.country_by_code(p)).map(|c| c.iso3.clone());
    let sector =
        parts.iter().skip(usize::from(country.is_some())).find_map(|p| lex.sector_of_type(p)).map(String::from);
    let sector = sector.or_else(|| parts.first().filter(|p| matches!(**p, "IGO" | "NGO")).map(|p| p.to_string()));
    (country, sector)
}

struct PendingActor {
    line: u32,
    phrases: Vec<String>,
    codes: Vec<DatedCode>,
}

fn actors(lex: &mut Lexicon, file: &Arc<str>, lines: &[(u32, String)], err: &mut impl FnMut(u32, String)) {
    let mut pending: Option<PendingActor> = None;
    for (line, body) in lines {
        let trimmed = body.trim();
        if let Some(syn) = trimmed.strip_prefix('+') {
            match pending.as_mut() {
                Some(p) => p.phrases.push(phrase(split_code(syn).0)),
                None => err(*line, "a synonym (+) before any actor".into()),
            }
        } else if trimmed.starts_with('[') {
            let Some(p) = pending.as_mut() else {
                err(*line, "a code line before any actor".into());
                continue;
            };
            for group in bracket_groups(trimmed) {
                match petrarch_code(group) {
                    Ok(c) => p.codes.push(c),
                    Err(e) => err(*line, e),
                }
            }
        } else {
            if let Some(p) = pending.take() {
                finish_actor(lex, file, p, err);
            }
            let (ph, code) = split_code(trimmed);
            let mut codes = Vec::new();
            for group in code.map(bracket_groups).unwrap_or_default() {
                match petrarch_code(group) {
                    Ok(c) => codes.push(c),
                    Err(e) => err(*line, e),
                }
            }
            pending = Some(PendingActor { line: *line, phrases: vec![phrase(ph)], codes });
        }
    }
    if let Some(p) = pending.take() {
        finish_actor(lex, file, p, err);
    }
}

fn finish_actor(lex: &mut Lexicon, file: &Arc<str>, p: PendingActor, err: &mut impl FnMut(u32, String)) {
    if p.codes.is_empty() {
        err(p.line, format!("actor {:?} has no code", p.phrases[0]));
        return;
    }
    let base: String = phrase_words(&p.phrases[0]).join("_");
    let mut id = format!("p_{base}");
    let mut n = 2;
    while lex.actor(&id).is_some() {
        id = format!("p_{base}_{n}");
        n += 1;
    }
    let first = p.codes.iter().find(|c| c.undated()).unwrap_or(&p.codes[0]).code.clone();
    let (country, sector) = country_and_sector(lex, &first);
    let index = lex.actors.len() as u32;
    lex.register_actor(Actor {
        id,
        name: p.phrases[0].clone(),
        codes: p.codes,
        country,
        sector,
        parent: None,
        theatre: Vec::new(),
        area: Vec::new(),
        takes_agents: true,
        origin: Origin { file: file.clone(), line: p.line },
    });
    for ph in &p.phrases {
        if let Err(e) = lex.add_phrase(ph, EntryKind::Actor, index, true, p.line) {
            err(p.line, e);
        }
    }
}

/// `!NAME! = A, B, C` substitution sets, then the phrases with each marker expanded.
fn expand_substitutions(ph: &str, sets: &[(String, Vec<String>)]) -> Vec<String> {
    let Some((name, values)) = sets.iter().find(|(n, _)| ph.contains(n.as_str())) else {
        return vec![ph.to_string()];
    };
    values.iter().flat_map(|v| expand_substitutions(&ph.replacen(name.as_str(), v, 1), sets)).collect()
}

fn plural(word: &str) -> String {
    if let Some(stem) = word.strip_suffix('Y').filter(|s| !s.ends_with(['A', 'E', 'O', 'U'])) {
        format!("{stem}IES")
    } else if word.ends_with("SS") || word.ends_with("CH") || word.ends_with("SH") || word.ends_with('X') {
        format!("{word}ES")
    } else {
        format!("{word}S")
    }
}

fn agents(lex: &mut Lexicon, file: &Arc<str>, lines: &[(u32, String)], err: &mut impl FnMut(u32, String)) {
    let mut sets: Vec<(String, Vec<String>)> = Vec::new();
    for (line, body) in lines {
        let body = body.trim();
        if body.starts_with('!') {
            if let Some((name, values)) = body.split_once('=') {
                sets.push((name.trim().to_string(), values.split(',').map(|v| v.trim().to_string()).collect()));
                continue;
            }
        }
        let (head, code) = split_code(body);
        let Some(code) = code else {
            err(*line, format!("agent {head:?} has no [~CODE]"));
            continue;
        };
        let code = code.trim_start_matches('[').trim_end_matches([']', '}']).trim();
        let (role, prefix) = match (code.strip_prefix('~'), code.strip_suffix('~')) {
            (Some(r), _) => (r, false),
            (_, Some(r)) => (r, true),
            _ => {
                err(*line, format!("agent code {code:?} has no ~"));
                continue;
            }
        };
        let (singular, plurals) = match head.find('{') {
            Some(p) => {
                let inner = head[p + 1..].trim_end_matches('}').trim();
                (head[..p].trim(), Some(inner.split_whitespace().map(str::to_string).collect::<Vec<_>>()))
            }
            None => (head, None),
        };
        let mut forms = vec![singular.trim_end_matches('_').to_string()];
        match plurals {
            Some(list) => forms.extend(list),
            None if !singular.ends_with('_') => forms.push(plural(singular.trim_end_matches('_'))),
            None => {}
        }
        let role = role.to_ascii_uppercase();
        let sector = lex.sector_of_type(role.get(..3).unwrap_or(&role)).map(String::from);
        let index = lex.agents.len() as u32;
        let name = phrase(&forms[0]);
        lex.agents.push(Agent {
            role,
            prefix,
            sector,
            armed_sector: None,
            home: Vec::new(),
            victim_sector: None,
            name,
            origin: Origin { file: file.clone(), line: *line },
        });
        for f in forms {
            for ph in expand_substitutions(&f, &sets) {
                if let Err(e) = lex.add_phrase(&phrase(&ph), EntryKind::Agent, index, false, *line) {
                    err(*line, e);
                }
            }
        }
    }
}

fn discards(lex: &mut Lexicon, file: &Arc<str>, lines: &[(u32, String)], err: &mut impl FnMut(u32, String)) {
    for (line, body) in lines {
        let body = body.trim();
        let (scope, ph) = match body.strip_prefix('+') {
            Some(rest) => (DiscardScope::Story, rest),
            None => (DiscardScope::Sentence, body),
        };
        let ph = phrase(ph);
        let index = lex.discards.len() as u32;
        lex.discards.push(Discard { scope, phrase: ph.clone(), origin: Origin { file: file.clone(), line: *line } });
        if let Err(e) = lex.add_phrase(&ph, EntryKind::Discard, index, false, *line) {
            err(*line, e);
        }
    }
}

/// A verb of a block: its words and which is the head (the first, or the one marked `+`:
/// `WIRE_+TAP`), and its own code, if any.
struct BlockVerb {
    words: Vec<String>,
    head: usize,
    code: Option<String>,
    line: u32,
}

/// A pattern line of a block, not yet attached to the block's verbs.
struct BlockPattern {
    text: String,
    code: String,
    line: u32,
}

#[derive(Default)]
struct Block {
    code: Option<String>,
    verbs: Vec<BlockVerb>,
    patterns: Vec<BlockPattern>,
}

fn bracket_code(s: &str) -> Option<String> {
    let open = s.rfind('[')?;
    let close = s[open..].find(']')? + open;
    Some(s[open + 1..close].trim().to_string())
}

/// `042:043` -> the event's code and the reverse event's (target to source) code.
fn split_paired(code: &str) -> (&str, Option<&str>) {
    match code.split_once(':') {
        Some((a, b)) => (a.trim(), Some(b.trim()).filter(|b| !b.is_empty())),
        None => (code.trim(), None),
    }
}

/// Whether a line starts a synonym set (`&NAME`, alone on its line).
fn synset_name(t: &str) -> Option<&str> {
    t.strip_prefix('&').filter(|n| !n.trim().contains(' ') && !n.trim().is_empty())
}

/// First pass: every synonym set, wherever in the file it is defined.
fn synsets(lex: &mut Lexicon, lines: &[(u32, String)]) {
    let mut synset: Option<(String, Vec<String>, bool)> = None;
    for (_, body) in lines {
        let t = body.trim();
        if let Some(name) = synset_name(t) {
            finish_synset(lex, synset.take());
            let no_plurals = name.trim().ends_with('_');
            synset = Some((format!("&{}", name.trim().trim_end_matches('_')), Vec::new(), no_plurals));
        } else if let (Some(member), Some(s)) = (t.strip_prefix('+'), synset.as_mut()) {
            s.1.push(member.trim().to_string());
        } else {
            finish_synset(lex, synset.take());
        }
    }
    finish_synset(lex, synset.take());
}

fn verbs(lex: &mut Lexicon, file: &Arc<str>, lines: &[(u32, String)], err: &mut impl FnMut(u32, String)) {
    synsets(lex, lines);
    let mut in_synset = false;
    let mut block = Block::default();
    let mut transformations = 0;
    for (line, body) in lines {
        let t = body.trim();
        if synset_name(t).is_some() {
            in_synset = true;
            continue;
        }
        if in_synset && t.starts_with('+') {
            continue;
        }
        in_synset = false;
        if t.starts_with("---") {
            finish_block(lex, file, std::mem::take(&mut block), err);
            block.code = bracket_code(t);
        } else if t.starts_with('~') {
            transformations += 1;
        } else if let Some(p) = t.strip_prefix('-') {
            match bracket_code(p) {
                Some(code) => block.patterns.push(BlockPattern {
                    text: p[..p.rfind('[').unwrap_or(p.len())].trim().to_string(),
                    code,
                    line: *line,
                }),
                None => err(*line, "a pattern without a [code]".into()),
            }
        } else {
            let verb = t.trim_start_matches('+');
            let (words, code) = split_code(verb);
            let words = match words.find('{') {
                Some(p) => {
                    let forms = words[p + 1..].trim_end_matches('}');
                    let main = words[..p].trim();
                    register_forms(lex, main, forms);
                    main
                }
                None => words,
            };
            let parts: Vec<&str> = words.split(['_', ' ']).filter(|w| !w.is_empty()).collect();
            let head = parts.iter().position(|w| w.starts_with('+')).unwrap_or(0);
            let words: Vec<String> = parts.iter().map(|w| w.trim_start_matches('+').to_ascii_lowercase()).collect();
            if words.is_empty() || !words[head].chars().any(char::is_alphabetic) {
                err(*line, "a verb line with no verb".into());
                continue;
            }
            block.verbs.push(BlockVerb { words, head, code: code.and_then(bracket_code), line: *line });
        }
    }
    finish_block(lex, file, block, err);
    lex.transformations_skipped += transformations;
}

/// Irregular forms given in `{...}` after a verb: each becomes a form of the verb. The head is the
/// first word, or the one marked `+` (`WIRE_+TAP {WIRE_+TAPPED}`).
fn register_forms(lex: &mut Lexicon, main: &str, forms: &str) {
    let head = |phrase: &str| -> String {
        let parts: Vec<&str> = phrase.split(['_', ' ']).filter(|w| !w.is_empty()).collect();
        let word = parts.iter().find(|w| w.starts_with('+')).or(parts.first()).copied().unwrap_or(phrase);
        word.trim_start_matches('+').to_ascii_lowercase()
    };
    let lemma = lex.vocab.mark_lemma(&head(main));
    for f in forms.split_whitespace() {
        lex.vocab.add_form(&head(f), lemma, true);
    }
}

fn finish_synset(lex: &mut Lexicon, synset: Option<(String, Vec<String>, bool)>) {
    let Some((name, members, no_plurals)) = synset else { return };
    let mut phrases = Vec::new();
    for m in &members {
        let keep_singular = no_plurals || m.ends_with('_');
        let words: Vec<String> = phrase_words(&phrase(m));
        let ids: Vec<u32> = words.iter().map(|w| lex.vocab.intern(w)).collect();
        if let (false, Some(last)) = (keep_singular, words.last()) {
            let id = lex.vocab.get(last);
            lex.register_plurals(last, id);
        }
        if !ids.is_empty() {
            phrases.push(ids.into_iter().map(|id| lex.vocab.lemma(id)).collect());
        }
    }
    let index = lex.sets.len() as u32;
    lex.sets.push(phrases);
    lex.set_names.insert(name, index);
}

fn finish_block(lex: &mut Lexicon, file: &Arc<str>, block: Block, err: &mut impl FnMut(u32, String)) {
    let mut parsed = Vec::new();
    for p in &block.patterns {
        match pattern(lex, &p.text) {
            Ok(elems) => parsed.push((p, elems)),
            Err(e) => err(p.line, e),
        }
    }
    for verb in &block.verbs {
        let head_text = verb.words[verb.head].clone();
        let head = lex.vocab.mark_lemma(&head_text);
        lex.register_plurals(&head_text, head);
        let mut word = |w: &String| PatternElem::Word(lex.vocab.intern(w));
        // the verb's own words before its head stand right before it ("wire tap")
        let prefix: Vec<PatternElem> = verb.words[..verb.head].iter().map(&mut word).collect();
        let rest: Vec<PatternElem> = verb.words[verb.head + 1..].iter().map(&mut word).collect();
        if let Some(code) = verb.code.clone().or_else(|| block.code.clone()) {
            let origin = Origin { file: file.clone(), line: verb.line };
            let shape = (prefix.clone(), rest.clone(), false, false);
            add_block_pattern(lex, &code, head, shape, verb.words.join(" "), origin);
        }
        for (p, (before, after, negated)) in &parsed {
            let mut elems = rest.clone();
            elems.extend(after.iter().copied());
            let mut before = before.clone();
            if !prefix.is_empty() && !before.is_empty() && before.last() != Some(&PatternElem::Skip) {
                before.push(PatternElem::Skip);
            }
            before.extend(prefix.iter().copied());
            let origin = Origin { file: file.clone(), line: p.line };
            let shape = (before, elems, *negated, p.text.contains('%'));
            add_block_pattern(lex, &p.code, head, shape, p.text.clone(), origin);
        }
    }
}

/// Elements before and after the head, whether the verb group must be negated, whether a compound
/// subject acts on itself (`%`).
type Shape = (Vec<PatternElem>, Vec<PatternElem>, bool, bool);

/// Adds one pattern of a verb block; `code` may be paired (`042:043`).
fn add_block_pattern(lex: &mut Lexicon, code: &str, head: u32, shape: Shape, text: String, origin: Origin) {
    let (code, paired) = split_paired(code);
    let (code, paired) = (lex.code_index_or_add(code), paired.map(|c| lex.code_index_or_add(c)));
    let (before, elems, negated, compound) = shape;
    lex.add_pattern(Pattern { code, head, before, elems, negated, paired, compound, verb_only: true, text, origin });
}

/// A PETRARCH pattern's elements before and after the verb (`*`), and whether it needs negation.
fn pattern(lex: &mut Lexicon, text: &str) -> Result<(Vec<PatternElem>, Vec<PatternElem>, bool), String> {
    // "_" glues words together (no words between them); a space lets other words come between
    let cleaned: String = text
        .chars()
        .flat_map(|c| match c {
            '{' | '}' | '(' | ')' => vec![' '],
            '_' => vec![' ', '_', ' '],
            '*' => vec![' ', '*', ' '],
            c => vec![c],
        })
        .collect();
    let mut before = Vec::new();
    let mut after = Vec::new();
    let mut seen_head = false;
    let mut negated = false;
    let mut glued = false;
    for tok in cleaned.split_whitespace() {
        if tok == "_" {
            glued = true;
            continue;
        }
        if matches!(tok, "NOT" | "N'T" | "NEVER") {
            negated = true;
            continue;
        }
        let loose = !std::mem::take(&mut glued);
        if tok == "*" {
            // the words before the verb stand right before it only when glued to it ("RECENTLY_*")
            if loose && !before.is_empty() && before.last() != Some(&PatternElem::Skip) {
                before.push(PatternElem::Skip);
            }
            seen_head = true;
            continue;
        }
        let elem = match tok {
            "+" => PatternElem::Target,
            "$" => PatternElem::Source,
            // `%` is the compound subject before the verb, a compound target after it ("AGREE WITH %")
            "%" if seen_head => PatternElem::Target,
            "%" => PatternElem::Source,
            "^" if seen_head => PatternElem::Phrase,
            "^" => PatternElem::Gap,
            t if t.starts_with('&') => {
                let name = t.trim_end_matches(|c: char| !c.is_alphanumeric());
                let &set = lex.set_names.get(name).ok_or_else(|| format!("synset {name} is not defined"))?;
                PatternElem::Set(set)
            }
            t => {
                let norm = crate::words::normalize(t);
                if norm.is_empty() {
                    continue;
                }
                let id = lex.vocab.intern(&norm);
                lex.register_plurals(&norm, id);
                PatternElem::Word(lex.vocab.lemma(id))
            }
        };
        if seen_head {
            // after the verb a word need only follow it; an actor after a word ("IN $") may stand a
            // few words on, inside its noun phrase ("in an anti-Gondor parade")
            match elem {
                PatternElem::Word(_) | PatternElem::Set(_) if loose => after.push(PatternElem::Skip),
                PatternElem::Target | PatternElem::Source if loose && !after.is_empty() => after.push(PatternElem::Gap),
                _ => {}
            }
            after.push(elem);
        } else {
            // before the verb, words glued with "_" stand next to each other; others within a gap
            let link = loose || elem == PatternElem::Gap;
            if link && !before.is_empty() && before.last() != Some(&PatternElem::Skip) {
                before.push(PatternElem::Skip);
            }
            if elem != PatternElem::Gap {
                before.push(elem);
            }
        }
    }
    if !seen_head {
        return Err(format!("pattern {text:?} has no * for the verb"));
    }
    Ok((before, after, negated))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_of_every_kind_are_removed() {
        let lines = clean_lines("A [X] # c\n<!-- one\ntwo --> B\n; legacy\n\tC <!-- x --> D");
        let bodies: Vec<&str> = lines.iter().map(|(_, b)| b.as_str()).collect();
        assert_eq!(bodies, ["A [X]", " B", "\tC  D"]);
    }

    #[test]
    fn codes_and_dates() {
        let c = petrarch_code("[AFGGOV 331108-730717]").unwrap();
        assert_eq!((c.code.as_str(), c.from, c.to), ("AFGGOV", Some(19331108), Some(19730717)));
        let c = petrarch_code("[pse]").unwrap();
        assert_eq!(c.code, "PSE");
        assert_eq!(petrarch_code("[USAGOV <20090120]").unwrap().to, Some(20090120));
        assert_eq!(petrarch_code("[HOB < 950601]").unwrap().to, Some(19950601));
        let c = petrarch_code("[HOBGOV 19950601 - 19990815]").unwrap();
        assert_eq!((c.from, c.to), (Some(19950601), Some(19990815)));
        assert!(petrarch_code("[X 99-1]").is_err());
        assert_eq!(bracket_code("- * (TO) [042:043] "), Some("042:043".into()));
        assert_eq!(split_paired("042:043"), ("042", Some("043")));
        assert_eq!(bracket_groups("[A 010101-061231][B][---"), ["[A 010101-061231]", "[B]", "[---"]);
    }

    #[test]
    fn plurals_follow_petrarch() {
        assert_eq!(plural("ARMY"), "ARMIES");
        assert_eq!(plural("BOSS"), "BOSSES");
        assert_eq!(plural("TROOP"), "TROOPS");
    }
}
