//! One tokenisation per document, read by every stage.
//!
//! Lines, entities, claims, figures and kinds all look at the same words; splitting and folding
//! the text again in each stage is where the engine's time went, and a position computed on one
//! stage's transformed copy is how an offset can go wrong. So a document is read into words once:
//! each word is a span of the source (`Word::start..Word::end` index the document's text), with
//! its folded form beside it (case and diacritics folded, apostrophes dropped: see
//! [`crate::text::fold_cow`]), and a stage asks for the words of a span instead of re-reading it.

use std::borrow::Cow;

use crate::text::{fold_cow, words, Tokens, Word};

/// A document's words in order, with their folded forms.
pub struct TokenStream<'a> {
    words: Vec<Word<'a>>,
    folded: Vec<Cow<'a, str>>,
}

impl<'a> TokenStream<'a> {
    pub fn new(text: &'a str) -> TokenStream<'a> {
        let words = words(text, 0);
        let folded = words.iter().map(|w| fold_cow(w.text)).collect();
        TokenStream { words, folded }
    }

    /// The index range of the words that lie wholly inside the byte span `[a, b)`.
    fn range(&self, a: usize, b: usize) -> std::ops::Range<usize> {
        let from = self.words.partition_point(|w| w.start < a);
        let to = from + self.words[from..].partition_point(|w| w.end <= b);
        from..to
    }

    /// Every word's span, for a pass that runs after the document's text is no longer borrowed
    /// (a word's text is `text[start..end]`).
    pub fn spans(&self) -> Vec<(usize, usize)> {
        self.words.iter().map(|w| (w.start, w.end)).collect()
    }

    /// The words inside `[a, b)`, with spans in document offsets.
    pub fn words_in(&self, a: usize, b: usize) -> &[Word<'a>] {
        &self.words[self.range(a, b)]
    }

    /// The folded words inside `[a, b)` joined by single spaces: the key that compares two
    /// spans of text as the same words (a repeated title, a pull quote).
    pub fn key(&self, a: usize, b: usize) -> String {
        let r = self.range(a, b);
        let folded = &self.folded[r];
        let mut out = String::with_capacity(folded.iter().map(|f| f.len() + 1).sum());
        for f in folded {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(f);
        }
        out
    }

    /// The words inside `[a, b)` with their folded forms.
    pub fn words_and_folded_in(&self, a: usize, b: usize) -> (&[Word<'a>], &[Cow<'a, str>]) {
        let r = self.range(a, b);
        (&self.words[r.clone()], &self.folded[r])
    }

    /// The words inside `[a, b)` for the phrase matchers, which report offsets from `a`.
    pub fn tokens_in(&self, a: usize, b: usize) -> Tokens<'_> {
        let r = self.range(a, b);
        Tokens::view(&self.words[r.clone()], &self.folded[r], a)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_reads_the_words_a_fresh_tokenisation_would() {
        // Every clause of generated articles: the stream's words for the span are the words of
        // the span read on its own (same text, same spans once offset).
        for input in crate::synthetic::inputs(40, 2600, 7) {
            let text = std::str::from_utf8(&input.bytes).expect("generated text is UTF-8");
            let stream = TokenStream::new(text);
            // A word's text is its span of the source.
            for ((start, end), w) in stream.spans().into_iter().zip(&stream.words) {
                assert_eq!(&text[start..end], w.text);
            }
            for line in crate::lines::classify(&std::sync::Arc::from(text), &stream) {
                let (a, b) = (line.start, line.end);
                let fresh: Vec<String> = words(&text[a..b], a)
                    .iter()
                    .map(|w| fold_cow(w.text).into_owned())
                    .collect();
                assert_eq!(stream.key(a, b), fresh.join(" "));
                for (sa, sb) in crate::sentences::split(&line.text, line.start) {
                    for (a, b) in crate::claims::split_clauses(text, sa, sb) {
                        let fresh = words(&text[a..b], a);
                        assert_eq!(stream.words_in(a, b), fresh.as_slice(), "{}", &text[a..b]);
                    }
                }
            }
        }
    }

    #[test]
    fn matches_are_reported_from_the_start_of_the_span() {
        let text = "Intro. Prices rose, according to the bureau.";
        let stream = TokenStream::new(text);
        let a = text.find("Prices").expect("present");
        let set = crate::text::PhraseSet::new(["according to"]);
        let found = stream.tokens_in(a, text.len()).find(&set);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[a + found[0].start..a + found[0].end], "according to");
    }
}
