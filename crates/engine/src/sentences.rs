//! Stage 4: sentence spans inside a paragraph.
//!
//! Claims are quoted verbatim, so a bad split shows up on every card: "U.S." must not end a
//! sentence, a closing quote after the full stop belongs to the sentence it closes, and decimals
//! and initials stay whole. The segmenter returns spans, never copies.

use crate::text::{is_closing_punct, is_opening_punct, is_space};
use crate::vocab::vocab;

/// Sentence spans of `text`, offset by `base`, trimmed of surrounding space.
pub fn split(text: &str, base: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if !matches!(c, '.' | '!' | '?' | '…') {
            i += 1;
            continue;
        }
        // run of terminators, then closing quotes/brackets
        let mut j = i + 1;
        while j < chars.len() && matches!(chars[j].1, '.' | '!' | '?' | '…') {
            j += 1;
        }
        while j < chars.len() && is_closing_punct(chars[j].1) {
            j += 1;
        }
        let end = chars.get(j).map(|x| x.0).unwrap_or(text.len());
        // must be followed by space and then a sentence opener, or by the end
        let mut k = j;
        while k < chars.len() && is_space(chars[k].1) {
            k += 1;
        }
        let at_end = k >= chars.len();
        let spaced = k > j;
        let opener = chars.get(k).is_some_and(|&(_, n)| {
            n.is_uppercase() || n.is_ascii_digit() || is_opening_punct(n) || matches!(n, '–' | '—')
        });
        if at_end || (spaced && opener && !(c == '.' && is_abbreviation(text, pos))) {
            push(&mut out, text, start, end, base);
            start = chars.get(k).map(|x| x.0).unwrap_or(text.len());
            i = k;
        } else {
            i = j.max(i + 1);
        }
    }
    push(&mut out, text, start, text.len(), base);
    out
}

fn push(out: &mut Vec<(usize, usize)>, text: &str, start: usize, end: usize, base: usize) {
    if start >= end {
        return;
    }
    let (s, e) = crate::text::trim_span(&text[start..end]);
    if e > s {
        out.push((base + start + s, base + start + e));
    }
}

/// Is the word ending at the full stop at `dot` an abbreviation or an initial?
fn is_abbreviation(text: &str, dot: usize) -> bool {
    let before = &text[..dot];
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| is_space(*c) || is_opening_punct(*c))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let word = &text[word_start..dot + 1];
    if vocab().abbreviations.contains(word) {
        return true;
    }
    // Initials and dotted acronyms: "J.", "U.S.", "U.N."
    let letters: Vec<char> = word.chars().filter(|c| *c != '.').collect();
    let dotted = word.chars().enumerate().all(|(i, c)| {
        if i % 2 == 0 {
            c.is_uppercase()
        } else {
            c == '.'
        }
    });
    !letters.is_empty() && dotted && word.len() <= 8
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        split(s, 0).into_iter().map(|(a, b)| &s[a..b]).collect()
    }

    #[test]
    fn splits_after_closing_quotes_and_keeps_abbreviations() {
        assert_eq!(
            texts("The U.S. State Department said “it works.” Dr. Smith agreed. Growth was 2.5 percent!"),
            ["The U.S. State Department said “it works.”", "Dr. Smith agreed.", "Growth was 2.5 percent!"]
        );
    }

    #[test]
    fn handles_initials_nbsp_and_questions() {
        assert_eq!(
            texts("J. R. Smith wrote it. Why?\u{a0}Because."),
            ["J. R. Smith wrote it.", "Why?", "Because."]
        );
        assert_eq!(
            texts("no end punctuation here"),
            ["no end punctuation here"]
        );
        assert_eq!(
            texts("Talks begin Jan. 5 in Paris. They end soon."),
            ["Talks begin Jan. 5 in Paris.", "They end soon."]
        );
    }

    #[test]
    fn offsets_are_absolute() {
        let s = "A b c. D e f.";
        assert_eq!(split(s, 100), vec![(100, 106), (107, 113)]);
    }
}
