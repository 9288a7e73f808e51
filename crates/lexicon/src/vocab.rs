//! Interned words and their lemmas. Every word a dictionary mentions, and every inflected form of
//! a verb, gets a small integer; text words outside the vocabulary can match nothing, so the text
//! stage looks each word up once and then compares integers.

use rustc_hash::FxHashMap;

/// A word's number in the vocabulary. 0 is "not in the vocabulary".
pub type WordId = u32;

/// The id of every word that no dictionary knows.
pub const UNKNOWN: WordId = 0;

/// Words, their ids and their lemmas.
#[derive(Debug, Default)]
pub struct Vocab {
    ids: FxHashMap<Box<str>, WordId>,
    words: Vec<Box<str>>,
    lemma: Vec<WordId>,
    past_participle: Vec<bool>,
    is_lemma: Vec<bool>,
    verb_form: Vec<bool>,
    alt_lemma: Vec<WordId>,
}

impl Vocab {
    pub(crate) fn new() -> Self {
        let mut v = Vocab::default();
        v.words.push("".into());
        v.lemma.push(UNKNOWN);
        v.past_participle.push(false);
        v.is_lemma.push(false);
        v.verb_form.push(false);
        v.alt_lemma.push(UNKNOWN);
        v
    }

    /// The id of a normalised word, adding it if new.
    pub(crate) fn intern(&mut self, word: &str) -> WordId {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.words.len() as WordId;
        self.ids.insert(word.into(), id);
        self.words.push(word.into());
        self.lemma.push(id);
        self.past_participle.push(false);
        self.is_lemma.push(false);
        self.verb_form.push(false);
        self.alt_lemma.push(UNKNOWN);
        id
    }

    /// Marks a word as an inflected verb form ("attacked", "leads", "fleeing").
    pub(crate) fn mark_verb_form(&mut self, id: WordId) {
        self.verb_form[id as usize] = true;
    }

    /// Whether the word is an inflected verb form; such words end noun phrases.
    pub fn is_verb_form(&self, id: WordId) -> bool {
        self.verb_form.get(id as usize).copied().unwrap_or(false)
    }

    /// Marks a word as a lemma: later forms never re-point it ("found" stays "found").
    pub(crate) fn mark_lemma(&mut self, word: &str) -> WordId {
        let id = self.intern(word);
        self.is_lemma[id as usize] = true;
        // "found" seen first as the past of "find" keeps that as its second lemma
        let earlier = self.lemma[id as usize];
        if earlier != id && earlier != UNKNOWN && self.alt_lemma[id as usize] == UNKNOWN {
            self.alt_lemma[id as usize] = earlier;
        }
        self.lemma[id as usize] = id;
        id
    }

    /// Records that `form` is an inflection of `lemma`, unless `form` is a lemma in its own right.
    pub(crate) fn add_form(&mut self, form: &str, lemma: WordId, participle: bool) {
        let id = self.intern(form);
        if participle {
            self.past_participle[id as usize] = true;
        }
        if self.lemma[id as usize] == id && id != lemma && !self.is_lemma[id as usize] {
            self.lemma[id as usize] = lemma;
        } else if id != lemma && self.lemma[id as usize] != lemma && self.alt_lemma[id as usize] == UNKNOWN {
            // "broke" is a lemma of its own and the past of "break"; "found", "saw", "fell" too
            self.alt_lemma[id as usize] = lemma;
        }
    }

    /// The id of a normalised word, or [`UNKNOWN`].
    pub fn get(&self, word: &str) -> WordId {
        self.ids.get(word).copied().unwrap_or(UNKNOWN)
    }

    /// The lemma of a word ("withdrew" -> "withdraw"); a word is its own lemma otherwise.
    pub fn lemma(&self, id: WordId) -> WordId {
        self.lemma.get(id as usize).copied().unwrap_or(UNKNOWN)
    }

    /// A second lemma for words that are lemmas and forms of another verb at once ("broke" ->
    /// "break"), or [`UNKNOWN`].
    pub fn alt_lemma(&self, id: WordId) -> WordId {
        self.alt_lemma.get(id as usize).copied().unwrap_or(UNKNOWN)
    }

    /// Whether the word can be a past participle ("attacked", "struck", "taken").
    pub fn is_past_participle(&self, id: WordId) -> bool {
        self.past_participle.get(id as usize).copied().unwrap_or(false)
    }

    /// The text of a word id.
    pub fn text(&self, id: WordId) -> &str {
        self.words.get(id as usize).map(|w| &**w).unwrap_or("")
    }

    /// How many words the vocabulary holds.
    pub fn len(&self) -> usize {
        self.words.len() - 1
    }

    /// Whether the vocabulary is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lemma_that_is_also_a_form_keeps_both() {
        // the order of the word-form table: "find" (past "found") before "found" (to found)
        let mut v = Vocab::new();
        let find = v.mark_lemma("find");
        v.add_form("found", find, true);
        let found = v.mark_lemma("found");
        assert_eq!(v.lemma(found), found);
        assert_eq!(v.alt_lemma(found), find);
        // and the other way round
        let mut v = Vocab::new();
        let found = v.mark_lemma("found");
        let find = v.mark_lemma("find");
        v.add_form("found", find, true);
        assert_eq!((v.lemma(found), v.alt_lemma(found)), (found, find));
    }
}
