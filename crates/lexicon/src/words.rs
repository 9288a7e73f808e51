//! Word splitting and normalisation, shared by the dictionaries and the text stage so that a phrase
//! in a dictionary and the same phrase in an article always become the same words.

#![allow(missing_docs)]

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// What a word span holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordKind {
    /// Letters (and digits mixed in), including abbreviations such as "U.S." or "Gen.".
    Word,
    /// Digits, with inner commas or points ("5,000", "3.5").
    Number,
    /// One punctuation character.
    Punct,
}

/// A word: byte offsets into the text it came from. Offsets are never changed by later steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WordSpan {
    pub start: usize,
    pub end: usize,
    pub kind: WordKind,
}

/// Abbreviations that keep their full stop, so that "Mr. Camara" or "Jan. 5" do not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "maj", "capt", "cpl", "pvt", "adm", "cmdr", "gov", "sen",
    "rep", "prof", "rev", "st", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "etc", "jan", "feb", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "hon", "pres", "messrs", "dept", "approx", "brig", "lieut",
    "gens", "sgts", "no",
];

/// Is `word` (as written) an abbreviation that takes a full stop?
pub fn is_abbreviation(word: &str) -> bool {
    word.len() <= 6 && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Splits `text` into words, appending them to `out`.
pub fn split_words(text: &str, out: &mut Vec<WordSpan>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // (ASCII, most of a text, is read by the byte)
        let c = if bytes[i].is_ascii() { char::from(bytes[i]) } else { char_at(text, i) };
        let len = c.len_utf8();
        // PETRARCH's texts join the words of a name with "_" ("Dol_Amroth"): a space
        if c.is_whitespace() || c == '_' {
            i += len;
        } else if c.is_alphanumeric() {
            let span = scan_word(text, i);
            i = span.end;
            out.push(span);
        } else if is_apostrophe(c) && starts_clitic(text, i) {
            let end = clitic_end(text, i);
            out.push(WordSpan { start: i, end, kind: WordKind::Word });
            i = end;
        } else {
            out.push(WordSpan { start: i, end: i + len, kind: WordKind::Punct });
            i += len;
        }
    }
}

fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or(' ')
}

fn next_char(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// "'s" (possessive) or "'t" after n: a word of its own.
fn starts_clitic(text: &str, i: usize) -> bool {
    let rest = &text[i..];
    let mut chars = rest.chars();
    chars.next();
    match chars.next() {
        Some('s' | 'S') => !chars.next().is_some_and(|c| c.is_alphanumeric()),
        _ => false,
    }
}

fn clitic_end(text: &str, i: usize) -> usize {
    let c = char_at(text, i);
    i + c.len_utf8() + 1
}

fn scan_word(text: &str, start: usize) -> WordSpan {
    let first = char_at(text, start);
    if matches!(first, 'n' | 'N') && negative_clitic(text, start + 1) {
        let end = start + 1 + char_at(text, start + 1).len_utf8() + 1;
        return WordSpan { start, end, kind: WordKind::Word };
    }
    let numeric = first.is_ascii_digit();
    let mut i = start;
    let bytes = text.as_bytes();
    loop {
        let c = match bytes.get(i) {
            None => break,
            Some(b) if b.is_ascii_alphanumeric() => {
                i += 1;
                continue;
            }
            Some(b) if b.is_ascii() => char::from(*b),
            Some(_) => char_at(text, i),
        };
        if c.is_alphanumeric() {
            i += c.len_utf8();
            continue;
        }
        if numeric && (c == ',' || c == '.') && next_char(text, i + 1).is_some_and(|d| d.is_ascii_digit()) {
            i += 1;
            continue;
        }
        if is_apostrophe(c) && inner_apostrophe(text, start, i) {
            i += c.len_utf8();
            continue;
        }
        if c == '.' && !numeric {
            if let Some(end) = dotted_abbreviation(text, start, i) {
                return WordSpan { start, end, kind: WordKind::Word };
            }
        }
        break;
    }
    // "didn't" -> "did" + "n't"
    if !numeric && i - start > 1 && text[start..i].ends_with('n') && negative_clitic(text, i) {
        return WordSpan { start, end: i - 1, kind: WordKind::Word };
    }
    let kind = if numeric && text[start..i].bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.') {
        WordKind::Number
    } else {
        WordKind::Word
    };
    WordSpan { start, end: i, kind }
}

/// An apostrophe inside a name ("Jama'a", "O'Brien"), not a possessive or a negation.
fn inner_apostrophe(text: &str, start: usize, i: usize) -> bool {
    let after = &text[i..];
    let mut chars = after.chars();
    chars.next();
    let next = chars.next();
    let following = chars.next();
    let letter_next = next.is_some_and(|c| c.is_alphabetic());
    if !letter_next {
        return false;
    }
    if matches!(next, Some('s' | 'S')) && !following.is_some_and(|c| c.is_alphanumeric()) {
        return false;
    }
    if matches!(next, Some('t' | 'T')) && text[start..i].ends_with(['n', 'N']) {
        return false;
    }
    true
}

fn negative_clitic(text: &str, i: usize) -> bool {
    let mut chars = text[i..].chars();
    let apo = chars.next();
    let t = chars.next();
    let after = chars.next();
    apo.is_some_and(is_apostrophe) && matches!(t, Some('t' | 'T')) && !after.is_some_and(|c| c.is_alphanumeric())
}

/// "U.S.", "U.N.", "Gen.": the full stop belongs to the word. Returns the end of the word.
fn dotted_abbreviation(text: &str, start: usize, dot: usize) -> Option<usize> {
    let word = &text[start..dot];
    let single = word.chars().count() == 1 && word.chars().all(|c| c.is_alphabetic());
    if single {
        // letter(.letter)+ .
        let mut end = dot + 1;
        loop {
            let mut chars = text[end..].chars();
            match (chars.next(), chars.next()) {
                (Some(l), Some('.')) if l.is_alphabetic() => end += l.len_utf8() + 1,
                _ => break,
            }
        }
        if end > dot + 1 || word.chars().all(|c| c.is_uppercase()) {
            return Some(end);
        }
        return None;
    }
    if is_abbreviation(word) {
        return Some(dot + 1);
    }
    None
}

/// Lower-cases, folds accents, curly quotes and dashes, and drops dots in abbreviations,
/// writing the normal form of `word` into `out` (cleared first).
pub fn normalize_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        if word.len() == 1 || !word.contains('.') {
            out.push_str(word);
            out.make_ascii_lowercase();
        } else {
            out.extend(word.bytes().filter(|&b| b != b'.').map(|b| char::from(b.to_ascii_lowercase())));
        }
        return;
    }
    for c in word.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            '\u{2018}' | '\u{2019}' | '\u{02bc}' | '`' => out.push('\''),
            '\u{201c}' | '\u{201d}' | '\u{00ab}' | '\u{00bb}' => out.push('"'),
            '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
            '.' if word.chars().count() > 1 => {}
            _ => out.extend(c.to_lowercase()),
        }
    }
}

/// The normal form of `word`, as a new string.
pub fn normalize(word: &str) -> String {
    let mut s = String::new();
    normalize_into(word, &mut s);
    s
}

/// The normal forms of the words of a phrase.
pub fn phrase_words(phrase: &str) -> Vec<String> {
    let mut spans = Vec::new();
    split_words(phrase, &mut spans);
    spans.iter().map(|s| normalize(&phrase[s.start..s.end])).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let mut v = Vec::new();
        split_words(text, &mut v);
        v.iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn splits_clitics_and_abbreviations() {
        assert_eq!(words("Mali’s army didn't go."), ["Mali", "’s", "army", "did", "n't", "go", "."]);
        assert_eq!(words("the U.S. and Gen. Diarra"), ["the", "U.S.", "and", "Gen.", "Diarra"]);
        assert_eq!(words("Jama’a Nusrat ul-Islam"), ["Jama’a", "Nusrat", "ul", "-", "Islam"]);
        assert_eq!(words("5,000 troops, 3.5 km."), ["5,000", "troops", ",", "3.5", "km", "."]);
        assert_eq!(words("Parents' fears"), ["Parents", "'", "fears"]);
    }

    #[test]
    fn normalizes_case_accents_and_quotes() {
        assert_eq!(normalize("Goïta"), "goita");
        assert_eq!(normalize("Jama’a"), "jama'a");
        assert_eq!(normalize("U.S."), "us");
        assert_eq!(normalize("–"), "-");
        assert_eq!(normalize("."), ".");
        assert_eq!(phrase_words("Élysée Palace"), ["elysee", "palace"]);
    }

    #[test]
    fn never_panics_on_odd_text() {
        for t in ["'", "’s", "a'", "n't", "x.", "1,", "..", "é’", "\u{301}a", "A.B", "s'"] {
            let mut v = Vec::new();
            split_words(t, &mut v);
            for s in v {
                assert!(s.start < s.end && s.end <= t.len());
            }
        }
    }
}
