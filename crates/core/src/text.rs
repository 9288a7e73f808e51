//! Stage 1, text: an article's words with byte offsets, their normal forms and lemmas, their
//! grammatical class, and the sentences they make.

use crate::grammar::{Grammar, Word};
use palaver_lexicon::words::{normalize_into, split_words, WordKind, WordSpan};
use palaver_lexicon::{Lexicon, WordId};

/// Token flags.
pub mod flag {
    /// Starts with a capital letter.
    pub const CAPITAL: u8 = 1;
    /// All letters are capitals (and there is more than one, or it is an abbreviation).
    pub const UPPER: u8 = 2;
    /// One punctuation character.
    pub const PUNCT: u8 = 4;
    /// A number written in digits.
    pub const NUMBER: u8 = 8;
    /// An inflected verb form ("attacked", "leads"): it cannot sit inside a noun phrase.
    pub const VERBAL: u8 = 16;
    /// A word that may open a date: a month, a weekday, a number word, the first word of a
    /// relative date ("last", "yesterday").
    pub const OPENS_DATE: u8 = 32;
    /// The article is in one case (lower-cased upstream, or all capitals), so its case tells no
    /// name from a word: CAPITAL and UPPER were guessed by [`super::truecase`].
    pub const CASE_BLIND: u8 = 64;
}

/// How an article is written. Only in mixed case is a capital a cue to a name; text lower-cased
/// upstream (as some corpora are) or set in capitals (wires, transcripts, headlines) has none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Casing {
    Mixed,
    Lower,
    Upper,
}

impl Casing {
    /// Whether case says nothing about names here.
    pub fn blind(self) -> bool {
        self != Casing::Mixed
    }
}

/// A word of the text. Offsets are bytes into the article text and never change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: u32,
    pub end: u32,
    /// The normal form's id in the lexicon's vocabulary (0 when no dictionary knows it).
    pub word: WordId,
    /// The lemma's id (the word's own id when it is not an inflection).
    pub lemma: WordId,
    /// A second lemma where the word is also a form of another verb ("broke" -> "break"), else 0.
    pub alt: WordId,
    /// Grammatical class of function words.
    pub class: Word,
    pub flags: u8,
    /// The word's number among the grammar's list words (0: in no list), for list tests without
    /// hashing ([`Grammar::has_token`]).
    pub list_word: u16,
}

impl Token {
    /// Whether a flag is set.
    pub fn is(&self, f: u8) -> bool {
        self.flags & f != 0
    }
}

/// A sentence: a range of tokens and of bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub tokens: (usize, usize),
    pub bytes: (usize, usize),
}

/// A word of the text with ASCII capitals lowered, borrowed where it has none (most words).
pub fn ascii_lower(word: &str) -> std::borrow::Cow<'_, str> {
    if word.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Owned(word.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Borrowed(word)
    }
}

/// Whether a word of the text is in a set of normal forms (lower-case, accents folded): short ASCII
/// words, most of any text, are lower-cased on the stack, with no allocation.
pub fn in_set(set: &rustc_hash::FxHashSet<String>, raw: &str) -> bool {
    if raw.is_ascii() && raw.len() <= 64 && !raw.contains('.') {
        let mut buf = [0u8; 64];
        for (b, c) in buf.iter_mut().zip(raw.bytes()) {
            *b = c.to_ascii_lowercase();
        }
        return std::str::from_utf8(&buf[..raw.len()]).is_ok_and(|w| set.contains(w));
    }
    set.contains(&palaver_lexicon::words::normalize(raw))
}

/// Splits `text` into tokens and sentences, reusing the given buffers.
pub fn segment(
    text: &str,
    lexicon: &Lexicon,
    grammar: &Grammar,
    spans: &mut Vec<WordSpan>,
    norm: &mut String,
    tokens: &mut Vec<Token>,
    sentences: &mut Vec<Sentence>,
) -> Casing {
    spans.clear();
    tokens.clear();
    sentences.clear();
    split_words(text, spans);
    split_elisions(text, grammar.list("elision"), grammar.list("elision_before_name"), spans);
    for s in spans.iter() {
        tokens.push(token(text, *s, lexicon, grammar, norm));
    }
    let casing = casing(tokens);
    split_sentences(text, tokens, grammar, casing, sentences);
    if casing.blind() {
        truecase(text, tokens, lexicon, grammar);
    }
    casing
}

/// In an article with no case to go by, guesses which words are names, as a reader of such
/// text does: a word that is neither the language's (its words table, a grammar word, a verb
/// form, a word some dictionary writes in lower case) nor a single letter is a name, and gets
/// CAPITAL and UPPER (so "jnim" is JNIM and "niono" a place); every other word loses them ("THE",
/// "IS" and "US" in capitals are words), but for a function word that is also an acronym where it
/// stands as a name ("the us", "us troops"; the grammar's `function_or_acronym`). A language with
/// no words table is left as written.
pub fn truecase(text: &str, tokens: &mut [Token], lexicon: &Lexicon, grammar: &Grammar) {
    if !grammar.knows_words() {
        return;
    }
    let mut lower = String::new();
    let acronym = grammar.list_id("function_or_acronym");
    let mut acronyms = Vec::new();
    for i in 0..tokens.len() {
        if tokens[i].is(flag::PUNCT | flag::NUMBER) || !grammar.in_list(acronym, &tokens[i]) {
            continue;
        }
        let (before, after) = (i.checked_sub(1).map(|k| tokens[k]), tokens.get(i + 1));
        let governed = before.is_some_and(|b| {
            b.is(flag::VERBAL) || matches!(b.class, Word::Preposition | Word::Locative | Word::To | Word::By | Word::Of)
        });
        let noun_after =
            after.is_some_and(|a| a.class == Word::Other && !a.is(flag::PUNCT | flag::NUMBER | flag::VERBAL));
        if before.is_some_and(|b| b.class == Word::Det)
            || after.is_some_and(|a| &text[a.start as usize..a.end as usize] == "-")
            || (noun_after && !governed)
        {
            acronyms.push(i);
        }
    }
    for t in tokens.iter_mut() {
        t.flags |= flag::CASE_BLIND;
    }
    for &i in &acronyms {
        let t = &mut tokens[i];
        (t.class, t.list_word) = (Word::Other, 0);
        t.flags |= flag::CAPITAL | flag::UPPER;
    }
    for (i, t) in tokens.iter_mut().enumerate() {
        if t.is(flag::PUNCT | flag::NUMBER) || acronyms.contains(&i) {
            continue;
        }
        t.flags &= !(flag::CAPITAL | flag::UPPER);
        lower.clear();
        lower.extend(text[t.start as usize..t.end as usize].chars().flat_map(char::to_lowercase));
        let word = t.class != Word::Other
            || t.list_word != 0
            || t.is(flag::VERBAL)
            || lexicon.vocab.info(t.word).lower
            || grammar.is_word(&lower);
        if !word && lower.chars().filter(|c| c.is_alphabetic()).nth(1).is_some() {
            t.flags |= flag::CAPITAL | flag::UPPER;
        }
    }
}

/// Splits elided words from the word they lean on, as the language's table lists them: French
/// "l'armée" is `l'` `armée`, "qu'il" `qu'` `il`, so that "armée" is found as itself.
fn split_elisions(text: &str, elisions: &[String], before_names: &[String], spans: &mut Vec<WordSpan>) {
    if elisions.is_empty() {
        return;
    }
    let mut out = Vec::with_capacity(spans.len() + spans.len() / 8);
    for &s in spans.iter() {
        let word = &text[s.start..s.end];
        // the byte just after the apostrophe (straight or curly) of a listed elision
        let cut = (s.kind == WordKind::Word)
            .then(|| word.char_indices().find(|&(_, c)| c == '\'' || c == '\u{2019}'))
            .flatten()
            .and_then(|(k, c)| {
                let head = word[..k].to_lowercase();
                let after = k + c.len_utf8();
                let listed = |list: &[String]| list.iter().any(|e| e.strip_suffix('\'') == Some(head.as_str()));
                let name = word[after..].starts_with(char::is_uppercase);
                (after < word.len() && listed(elisions) && (!name || listed(before_names))).then_some(after)
            });
        match cut {
            Some(cut) => {
                out.push(WordSpan { start: s.start, end: s.start + cut, kind: WordKind::Word });
                out.push(WordSpan { start: s.start + cut, end: s.end, kind: WordKind::Word });
            }
            None => out.push(s),
        }
    }
    *spans = out;
}

fn token(text: &str, s: WordSpan, lexicon: &Lexicon, grammar: &Grammar, norm: &mut String) -> Token {
    let raw = &text[s.start..s.end];
    normalize_into(raw, norm);
    let known = lexicon.vocab.look_up(norm);
    let (word, lemma, alt) = (known.id, known.lemma, known.alt_lemma);
    let mut flags = 0;
    match s.kind {
        WordKind::Punct => flags |= flag::PUNCT,
        WordKind::Number => flags |= flag::NUMBER,
        WordKind::Word => {
            let mut letters = raw.chars().filter(|c| c.is_alphabetic());
            if letters.next().is_some_and(char::is_uppercase) {
                flags |= flag::CAPITAL;
                if raw.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
                    && (letters.next().is_some() || raw.ends_with('.'))
                {
                    flags |= flag::UPPER;
                }
            }
        }
    }
    if known.verb_form {
        flags |= flag::VERBAL;
    }
    let classified = grammar.classify(raw, norm);
    if classified.opens_date {
        flags |= flag::OPENS_DATE;
    }
    let (class, list_word) = (classified.class, classified.list_word);
    Token { start: s.start as u32, end: s.end as u32, word, lemma, alt, class, flags, list_word }
}

fn is_closing(c: &str) -> bool {
    matches!(c, "\"" | "\u{201d}" | "\u{2019}" | "'" | ")" | "]" | "\u{00bb}")
}

/// Sentence ends: `.`, `!`, `?` (with closing quotes or brackets after them), blank lines, and
/// abbreviations such as "U.S." when a sentence plainly starts after them.
///
/// In text with next to no capitals (lower-cased upstream, as some corpora are), a sentence may
/// start in lower case: there a full stop, "!" or "?" followed by a space ends a sentence whatever
/// follows (abbreviations keep their stop inside the word, so they are not these).
fn split_sentences(text: &str, tokens: &[Token], grammar: &Grammar, casing: Casing, out: &mut Vec<Sentence>) {
    let caseless = casing == Casing::Lower;
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        let s = &text[t.start as usize..t.end as usize];
        let mut end_here = matches!(s, "." | "!" | "?" | "\u{2026}");
        if !end_here && s.ends_with('.') && s.len() > 2 && i + 1 < tokens.len() {
            let next = tokens[i + 1];
            end_here = t.is(flag::UPPER)
                && next.is(flag::CAPITAL)
                && grammar.class(&text[next.start as usize..next.end as usize].to_lowercase()).starts_sentence();
        }
        let mut j = i + 1;
        if end_here {
            while j < tokens.len() && is_closing(&text[tokens[j].start as usize..tokens[j].end as usize]) {
                j += 1;
            }
        }
        let blank_after =
            j < tokens.len() && has_blank_line(&text[tokens[j - 1].end as usize..tokens[j].start as usize]);
        let next_lower = j < tokens.len()
            && !tokens[j].is(flag::CAPITAL | flag::PUNCT | flag::NUMBER)
            && !(caseless && tokens[j].start > tokens[j - 1].end);
        // text with no sentence ends (tables, lists, noise) is cut into pieces, so that coding,
        // which looks back and forth within a sentence, stays linear in the article's length
        let too_long = j - start >= MAX_SENTENCE;
        if (end_here && !next_lower) || blank_after || too_long {
            push_sentence(tokens, start, j, out);
            start = j;
        }
        i = j;
    }
    if start < tokens.len() {
        push_sentence(tokens, start, tokens.len(), out);
    }
}

/// How a text is written: [`Casing::Lower`] with next to no capitals (none in a short text of
/// eight words or more, fewer than one word in fifty in a longer one), [`Casing::Upper`] with
/// four words in five or more in capitals (six words at least), else [`Casing::Mixed`].
pub fn casing(tokens: &[Token]) -> Casing {
    let words = tokens.iter().filter(|t| !t.is(flag::PUNCT | flag::NUMBER)).count();
    let capitals = tokens.iter().filter(|t| t.is(flag::CAPITAL)).count();
    let upper = tokens.iter().filter(|t| t.is(flag::UPPER)).count();
    if words >= 8 && capitals * 50 < words {
        Casing::Lower
    } else if words >= 6 && upper * 5 >= words * 4 {
        Casing::Upper
    } else {
        Casing::Mixed
    }
}

/// The most tokens a sentence may have.
const MAX_SENTENCE: usize = 250;

fn has_blank_line(gap: &str) -> bool {
    gap.matches('\n').count() >= 2
}

fn push_sentence(tokens: &[Token], a: usize, b: usize, out: &mut Vec<Sentence>) {
    if a < b {
        out.push(Sentence { tokens: (a, b), bytes: (tokens[a].start as usize, tokens[b - 1].end as usize) });
    }
}

#[cfg(test)]
mod tests {
    use crate::tests::segmented;

    fn sentences(text: &str) -> Vec<String> {
        segmented(text).1.iter().map(|s| text[s.bytes.0..s.bytes.1].to_string()).collect()
    }

    #[test]
    fn survives_abbreviations_quotes_and_dates() {
        let text = "Mr. Traore met Gen. Diarra on Jan. 5 in the U.S. embassy. “We agreed,” he said. The U.S. The talks (held in Bamako.) ended.";
        assert_eq!(
            sentences(text),
            [
                "Mr. Traore met Gen. Diarra on Jan. 5 in the U.S. embassy.",
                "“We agreed,” he said.",
                "The U.S.",
                "The talks (held in Bamako.) ended."
            ]
        );
    }

    /// The words of a text that are taken for names (CAPITAL), and whether it was read as having
    /// no case.
    fn names(text: &str) -> (Vec<String>, bool) {
        use super::flag;
        let tokens = segmented(text).0;
        let names = tokens
            .iter()
            .filter(|t| t.is(flag::CAPITAL))
            .map(|t| text[t.start as usize..t.end as usize].to_string())
            .collect();
        (names, tokens.iter().all(|t| t.is(flag::CASE_BLIND)))
    }

    #[test]
    fn text_in_one_case_has_its_names_guessed() {
        let (found, blind) = names("jnim militants told us they attacked soldiers near niono in march.");
        assert!(blind);
        assert_eq!(found, ["jnim", "niono"]);
        // a function word that is also an acronym, as a reader takes it
        let (found, _) = names("the militants told us that the us and the who said that us troops would help us.");
        assert_eq!(found, ["us", "who", "us"]);
        let (found, blind) = names("JNIM MILITANTS SAID THE ARMY IS TO BLAME FOR THE ATTACK NEAR NIONO.");
        assert!(blind);
        assert_eq!(found, ["JNIM", "NIONO"]);
        // "IS" and "US" in capitals are words, so no acronym of a dictionary matches them
        let tokens = segmented("THE GROUP IS READY, THE OFFICIALS TOLD US ON MONDAY.").0;
        assert!(tokens.iter().all(|t| !t.is(super::flag::UPPER)), "no word here is a name");
        // mixed case is read as written, and a short text in lower case is too little to judge
        assert_eq!(names("Soldiers attacked the camp near Niono on Monday.").0, ["Soldiers", "Niono", "Monday"]);
        assert!(!names("soldiers attacked the camp.").1);
    }

    #[test]
    fn lower_cased_text_is_split_at_its_stops() {
        let text = "police fired tear gas at protesters in the city on monday. the protesters had blocked the \
                    main road since dawn. two officers were hurt, e.g. by stones. officials said talks would resume.";
        assert_eq!(
            sentences(text),
            [
                "police fired tear gas at protesters in the city on monday.",
                "the protesters had blocked the main road since dawn.",
                "two officers were hurt, e.g. by stones.",
                "officials said talks would resume."
            ]
        );
        // in cased text a lower-case word after a stop goes on the sentence
        assert_eq!(sentences("Talks resumed in Bamako on Monday. and then stopped.").len(), 1);
    }

    #[test]
    fn endless_text_is_cut() {
        let text = "word ".repeat(1000);
        assert_eq!(sentences(&text).len(), 4);
    }

    #[test]
    fn blank_lines_end_headlines() {
        assert_eq!(
            sentences("Rebels seize town\n\nGunmen attacked a camp."),
            ["Rebels seize town", "Gunmen attacked a camp."]
        );
    }
}
