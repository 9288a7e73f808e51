//! Which language an article is written in, where its record does not say: detected from the text
//! by the `whatlang` crate (trigram profiles; no models to load), among the languages the engine
//! codes only, so a French dispatch is never coded as, say, Catalan.

use whatlang::{Detector, Lang};

/// How much of an article detection reads: a few sentences decide, and the cost stays flat.
const SAMPLE: usize = 1500;

/// whatlang's language of an ISO 639-1 code, for the languages palaver may code.
fn lang_of(code: &str) -> Option<Lang> {
    Some(match code {
        "en" => Lang::Eng,
        "fr" => Lang::Fra,
        "es" => Lang::Spa,
        "pt" => Lang::Por,
        "de" => Lang::Deu,
        "ar" => Lang::Ara,
        _ => return None,
    })
}

/// The index in `codes` (ISO 639-1) of the language `text` is written in, if one can be told.
pub fn detect(text: &str, codes: &[&str]) -> Option<usize> {
    let allow: Vec<Lang> = codes.iter().filter_map(|c| lang_of(c)).collect();
    if allow.len() < 2 {
        return None;
    }
    let mut end = text.len().min(SAMPLE);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    // a short English report full of French place names is no French text: only a reliable
    // verdict moves an article off the default (the first language)
    let info = Detector::with_allowlist(allow).detect(&text[..end])?;
    if !info.is_reliable() {
        return None;
    }
    codes.iter().position(|c| lang_of(c) == Some(info.lang()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_french_from_english() {
        let codes = ["en", "fr"];
        let fr = "Des hommes armés ont attaqué dimanche un poste de l'armée près de la frontière, a-t-on appris \
                  de sources locales. Le bilan provisoire fait état de six morts.";
        let en = "Gunmen attacked an army post near the border on Sunday, local sources said. Six people died.";
        assert_eq!(detect(fr, &codes), Some(1));
        assert_eq!(detect(en, &codes), Some(0));
        assert_eq!(detect(fr, &["en"]), None, "one language: nothing to choose");
        assert_eq!(detect("", &codes), None);
    }
}
