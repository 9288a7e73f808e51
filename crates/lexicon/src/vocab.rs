//! Interned words and their lemmas. Every word a dictionary mentions, and every inflected form of
//! a verb, gets a small integer; text words outside the vocabulary can match nothing, so the text
//! stage looks each word up once and then compares integers.

use rustc_hash::FxHashMap;

/// A word's number in the vocabulary. 0 is "not in the vocabulary".
pub type WordId = u32;

/// The id of every word that no dictionary knows.
pub const UNKNOWN: WordId = 0;

/// What the vocabulary knows of one word, kept together: the text stage reads all of it for
/// every token, and one record costs one cache line where parallel arrays cost several.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordInfo {
    /// The word's id ([`UNKNOWN`] for words no dictionary knows).
    pub id: WordId,
    /// Its lemma ("withdrew" -> "withdraw"); its own id when it is none's inflection.
    pub lemma: WordId,
    /// A second lemma for words that are lemmas and forms of another verb at once ("broke" ->
    /// "break"), or [`UNKNOWN`].
    pub alt_lemma: WordId,
    /// It can be a past participle ("attacked", "struck", "taken").
    pub past_participle: bool,
    /// It is an inflected verb form ("attacked", "leads", "fleeing"): such words end noun phrases.
    pub verb_form: bool,
    /// Some dictionary writes it in lower case ("insurgents", "gendarmes"): a word, not a name,
    /// in text whose case tells nothing.
    pub lower: bool,
    /// It is a lemma in its own right: later forms never re-point it.
    is_lemma: bool,
}

/// Words, their ids and their lemmas.
#[derive(Debug, Default)]
pub struct Vocab {
    ids: FxHashMap<Box<str>, WordId>,
    words: Vec<Box<str>>,
    info: Vec<WordInfo>,
}

impl Vocab {
    pub(crate) fn new() -> Self {
        let mut v = Vocab::default();
        v.words.push("".into());
        v.info.push(WordInfo::default());
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
        self.info.push(WordInfo { id, lemma: id, ..WordInfo::default() });
        id
    }

    /// Marks a word as an inflected verb form ("attacked", "leads", "fleeing").
    pub(crate) fn mark_verb_form(&mut self, id: WordId) {
        self.info[id as usize].verb_form = true;
    }

    /// Marks a word as one a dictionary writes in lower case.
    pub(crate) fn mark_lower(&mut self, id: WordId) {
        self.info[id as usize].lower = true;
    }

    /// Whether the word is an inflected verb form; such words end noun phrases.
    pub fn is_verb_form(&self, id: WordId) -> bool {
        self.info(id).verb_form
    }

    /// Marks a word as a lemma: later forms never re-point it ("found" stays "found").
    pub(crate) fn mark_lemma(&mut self, word: &str) -> WordId {
        let id = self.intern(word);
        let info = &mut self.info[id as usize];
        info.is_lemma = true;
        // "found" seen first as the past of "find" keeps that as its second lemma
        let earlier = info.lemma;
        if earlier != id && earlier != UNKNOWN && info.alt_lemma == UNKNOWN {
            info.alt_lemma = earlier;
        }
        info.lemma = id;
        id
    }

    /// Records that `form` is an inflection of `lemma`, unless `form` is a lemma in its own right.
    pub(crate) fn add_form(&mut self, form: &str, lemma: WordId, participle: bool) {
        let id = self.intern(form);
        let info = &mut self.info[id as usize];
        if participle {
            info.past_participle = true;
        }
        if info.lemma == id && id != lemma && !info.is_lemma {
            info.lemma = lemma;
        } else if id != lemma && info.lemma != lemma && info.alt_lemma == UNKNOWN {
            // "broke" is a lemma of its own and the past of "break"; "found", "saw", "fell" too
            info.alt_lemma = lemma;
        }
    }

    /// The id of a normalised word, or [`UNKNOWN`].
    pub fn get(&self, word: &str) -> WordId {
        self.ids.get(word).copied().unwrap_or(UNKNOWN)
    }

    /// Everything known of a normalised word, in one look-up (all [`UNKNOWN`] for an unknown word).
    pub fn look_up(&self, word: &str) -> WordInfo {
        self.ids.get(word).map_or(WordInfo::default(), |&id| self.info[id as usize])
    }

    /// Everything known of a word id.
    pub fn info(&self, id: WordId) -> WordInfo {
        self.info.get(id as usize).copied().unwrap_or_default()
    }

    /// The lemma of a word ("withdrew" -> "withdraw"); a word is its own lemma otherwise.
    pub fn lemma(&self, id: WordId) -> WordId {
        self.info(id).lemma
    }

    /// A second lemma for words that are lemmas and forms of another verb at once ("broke" ->
    /// "break"), or [`UNKNOWN`].
    pub fn alt_lemma(&self, id: WordId) -> WordId {
        self.info(id).alt_lemma
    }

    /// Whether the word can be a past participle ("attacked", "struck", "taken").
    pub fn is_past_participle(&self, id: WordId) -> bool {
        self.info(id).past_participle
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
