//! A trie of phrases over word ids, for longest-match lookup of actors, agents and discards.

#![allow(missing_docs)]

use crate::vocab::WordId;
use rustc_hash::FxHashMap;

/// What kind of dictionary entry a phrase names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntryKind {
    /// A country's name ("Mali").
    CountryName,
    /// A country's adjective ("Malian").
    CountryAdjective,
    /// A country's people ("Malians").
    CountryPeople,
    /// A capital or seat of government standing for the government ("Bamako", "the Kremlin").
    CountryCapital,
    /// A named actor (organisation or person).
    Actor,
    /// A generic agent ("troops").
    Agent,
    /// A phrase that discards a sentence or story.
    Discard,
}

/// How the text must be written for a phrase to match.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Case {
    /// Any case ("troops", "Troops").
    Any,
    /// Some word starts with a capital (proper names: "Chad", not "chad").
    Capitalized,
    /// Every letter as in the dictionary, upper case (acronyms: "US", "IS", "HCI").
    Upper,
}

/// One dictionary entry that a phrase leads to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PhraseTarget {
    pub kind: EntryKind,
    /// Index into the lexicon's list for that kind.
    pub index: u32,
    pub case: Case,
    /// The line that listed this phrase (the entry may span several).
    pub line: u32,
}

/// Phrases over word ids; each node may end phrases leading to several entries.
#[derive(Debug, Default)]
pub struct PhraseTrie {
    edges: FxHashMap<(u32, WordId), u32>,
    ends: Vec<Vec<PhraseTarget>>,
}

impl PhraseTrie {
    pub(crate) fn new() -> Self {
        PhraseTrie { edges: FxHashMap::default(), ends: vec![Vec::new()] }
    }

    pub(crate) fn insert(&mut self, words: &[WordId], target: PhraseTarget) {
        let mut node = 0u32;
        for &w in words {
            let next = self.ends.len() as u32;
            node = *self.edges.entry((node, w)).or_insert(next);
            if node == next {
                self.ends.push(Vec::new());
            }
        }
        if !self.ends[node as usize].contains(&target) {
            self.ends[node as usize].push(target);
        }
    }

    /// Every phrase that starts at `words[0]`, as (length, targets), longest first.
    pub fn prefixes<'a>(&'a self, words: &[WordId], out: &mut Vec<(usize, &'a [PhraseTarget])>) {
        out.clear();
        let mut node = 0u32;
        for (i, &w) in words.iter().enumerate() {
            match self.edges.get(&(node, w)) {
                Some(&n) => node = n,
                None => break,
            }
            let ends = &self.ends[node as usize];
            if !ends.is_empty() {
                out.push((i + 1, ends.as_slice()));
            }
        }
        out.reverse();
    }

    /// Phrases that lead to more than one entry of the same kind, with the lines that list them.
    pub fn shared_phrases(&self, vocab: &crate::Vocab) -> Vec<(String, Vec<u32>)> {
        let mut words_of: Vec<(u32, WordId)> = vec![(u32::MAX, 0); self.ends.len()];
        for (&(parent, word), &child) in &self.edges {
            words_of[child as usize] = (parent, word);
        }
        let mut out = Vec::new();
        for (node, ends) in self.ends.iter().enumerate() {
            for kind in [EntryKind::Actor, EntryKind::Agent, EntryKind::CountryName] {
                let mut distinct: Vec<&PhraseTarget> = ends.iter().filter(|t| t.kind == kind).collect();
                distinct.dedup_by_key(|t| t.index);
                if distinct.len() > 1 {
                    let mut words = Vec::new();
                    let mut n = node as u32;
                    while n != 0 && n != u32::MAX {
                        let (parent, w) = words_of[n as usize];
                        words.push(vocab.text(w).to_string());
                        n = parent;
                    }
                    words.reverse();
                    out.push((words.join(" "), distinct.iter().map(|t| t.line).collect()));
                }
            }
        }
        out
    }

    /// How many phrase ends the trie holds.
    pub fn len(&self) -> usize {
        self.ends.iter().map(Vec::len).sum()
    }

    /// Whether the trie holds no phrase.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
