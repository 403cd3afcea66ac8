//! Small text helpers shared by every stage.
//!
//! The engine never copies article text into new strings for matching if it can avoid it: it
//! works on byte spans into the source, and folds case and diacritics only into short keys. These
//! helpers keep that folding in one place, so "al-Shara’a", "Al-Sharaa" and "al-Sharaa" produce
//! the same key everywhere.

/// Characters that count as white space around lines and words (includes NBSP, BOM, zero-width).
pub fn is_space(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}'
        )
}

/// Whether the cue word at byte `at` of `text` is a name rather than the word: capitalised inside
/// a sentence ("since May", "the Never Again campaign"). A cue that opens the text, a sentence,
/// a quotation or what follows a colon or a dash is the word ("He said: “If talks fail …”").
pub fn cue_is_name(text: &str, at: usize) -> bool {
    let capitalised = text
        .get(at..)
        .is_some_and(|cue| cue.starts_with(char::is_uppercase));
    let opens = text
        .get(..at)
        .unwrap_or_default()
        .trim_end()
        .chars()
        .next_back()
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | ':' | ';' | '“' | '"' | '‘' | '—' | '–'));
    capitalised && !opens
}

pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | 'ʿ' | 'ʾ' | '`' | '‘')
}

pub fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '‒' | '―' | '‐' | '‑')
}

pub fn is_closing_punct(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '}' | '›')
}

pub fn is_opening_punct(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '(' | '[' | '{' | '‹')
}

/// Trims [`is_space`] from both ends and returns the trimmed span, relative to `s`.
pub fn trim_span(s: &str) -> (usize, usize) {
    let start = s.len() - s.trim_start_matches(is_space).len();
    let end = s.trim_end_matches(is_space).len();
    if end < start {
        (start, start)
    } else {
        (start, end)
    }
}

/// Lowercases and removes diacritics for the Latin letters news text uses.
pub fn fold_char(c: char) -> Option<char> {
    if c.is_ascii_alphanumeric() {
        return Some(c.to_ascii_lowercase());
    }
    let lower = match c {
        'À'..='Å' | 'à'..='å' | 'Ā' | 'ā' | 'Ă' | 'ă' | 'Ą' | 'ą' => 'a',
        'Ç' | 'ç' | 'Ć' | 'ć' | 'Č' | 'č' => 'c',
        'È'..='Ë' | 'è'..='ë' | 'Ē' | 'ē' | 'Ė' | 'ė' | 'Ę' | 'ę' | 'Ě' | 'ě' => 'e',
        'Ì'..='Ï' | 'ì'..='ï' | 'Ī' | 'ī' | 'İ' | 'ı' => 'i',
        'Ñ' | 'ñ' | 'Ń' | 'ń' => 'n',
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō' | 'ō' | 'Ő' | 'ő' => 'o',
        'Ù'..='Ü' | 'ù'..='ü' | 'Ū' | 'ū' | 'Ů' | 'ů' | 'Ű' | 'ű' => 'u',
        'Ý' | 'ý' | 'ÿ' => 'y',
        'Ş' | 'ş' | 'Ś' | 'ś' | 'Š' | 'š' => 's',
        'Ğ' | 'ğ' => 'g',
        'Ž' | 'ž' | 'Ź' | 'ź' | 'Ż' | 'ż' => 'z',
        'ß' => 's',
        'Ł' | 'ł' => 'l',
        'Ḥ' | 'ḥ' => 'h',
        c if is_apostrophe(c) => return None,
        c => return c.to_lowercase().next(),
    };
    Some(lower)
}

/// A matching key for a name: folded, apostrophes dropped, dashes and runs of space as one space.
pub fn name_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if is_space(c) || is_dash(c) {
            pending_space = !out.is_empty();
            continue;
        }
        if let Some(f) = fold_char(c) {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(f);
        }
    }
    out
}

/// Lowercase copy for comparing and looking up whole strings (a key, never a source of
/// offsets: a character's lowercase can be longer or shorter than it, "K" (Kelvin sign) 3 bytes
/// to 1, "İ" 2 to 3). To find a position, use [`Folded`], which answers in source offsets.
#[allow(clippy::disallowed_methods)]
pub fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// Whether `s` lowercased starts with `prefix` lowercased, without lowercasing all of `s` (a
/// paragraph is checked for a short label at its start). Characters are lowercased one by one,
/// so a final Greek sigma is "σ" here, not "ς".
pub fn starts_with_lower(s: &str, prefix: &str) -> bool {
    let mut have = s.chars().flat_map(char::to_lowercase);
    prefix
        .chars()
        .flat_map(char::to_lowercase)
        .all(|want| have.next() == Some(want))
}

/// Uppercase copy, as a key (see [`lower`]).
#[allow(clippy::disallowed_methods)]
pub fn upper(s: &str) -> String {
    s.to_uppercase()
}

/// The folded form of one character, for searching: lowercase, curly quotes as straight ones,
/// every dash as '-', every white space as ' '. May be several characters ("İ" lowercases to
/// "i" and a combining dot).
fn search_fold(c: char, out: &mut String) {
    match c {
        '’' | '‘' | 'ʼ' => out.push('\''),
        '“' | '”' => out.push('"'),
        c if is_dash(c) => out.push('-'),
        c if c.is_whitespace() => out.push(' '),
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        c => out.extend(c.to_lowercase()),
    }
}

/// A case- and typography-folded view of a source text that only ever answers in offsets of the
/// source. Stages search the folded text ("according to", " by ", a month name) and slice the
/// source with what they find; because the folded text and its offsets never leave this type, a
/// position computed on the transformed copy cannot be used on the original by mistake. Every
/// offset it returns is a character boundary of the source.
pub struct Folded<'a> {
    source: &'a str,
    folded: String,
    /// For each byte of `folded`, the source offset of the character it came from; empty when
    /// the folded text is byte-for-byte aligned with the source (plain ASCII).
    origin: Vec<u32>,
}

impl<'a> Folded<'a> {
    pub fn new(source: &'a str) -> Folded<'a> {
        let mut folded = String::with_capacity(source.len());
        if source.is_ascii() {
            folded.extend(source.chars().map(|c| match c {
                c if c.is_whitespace() => ' ',
                c => c.to_ascii_lowercase(),
            }));
            return Folded {
                source,
                folded,
                origin: Vec::new(),
            };
        }
        let mut origin = Vec::with_capacity(source.len());
        for (i, c) in source.char_indices() {
            let before = folded.len();
            search_fold(c, &mut folded);
            origin.resize(folded.len(), i as u32);
            debug_assert!(folded.len() > before);
        }
        Folded {
            source,
            folded,
            origin,
        }
    }

    /// The source offset of folded byte `at` (`at` may be the folded length: the source's end).
    fn to_source(&self, at: usize) -> usize {
        if self.origin.is_empty() {
            return at.min(self.source.len());
        }
        self.origin
            .get(at)
            .map_or(self.source.len(), |&o| o as usize)
    }

    /// The first match of `needle` (which must already be folded: lowercase, straight quotes),
    /// as a source span.
    pub fn find(&self, needle: &str) -> Option<(usize, usize)> {
        let at = self.folded.find(needle)?;
        Some((self.to_source(at), self.to_source(at + needle.len())))
    }

    /// The last match of `needle`, as a source span.
    pub fn rfind(&self, needle: &str) -> Option<(usize, usize)> {
        let at = self.folded.rfind(needle)?;
        Some((self.to_source(at), self.to_source(at + needle.len())))
    }

    /// Whole-word matches of `needle` (see [`find_phrase`]), as source start offsets.
    pub fn find_phrase(&self, needle: &str) -> Vec<usize> {
        find_phrase(&self.folded, needle)
            .into_iter()
            .map(|at| self.to_source(at))
            .collect()
    }

    pub fn contains(&self, needle: &str) -> bool {
        self.folded.contains(needle)
    }

    /// If the folded text starts with `prefix`, the source offset where the prefix ends.
    pub fn prefix_end(&self, prefix: &str) -> Option<usize> {
        self.folded
            .starts_with(prefix)
            .then(|| self.to_source(prefix.len()))
    }

    pub fn starts_with(&self, prefix: &str) -> bool {
        self.folded.starts_with(prefix)
    }

    pub fn ends_with(&self, suffix: &str) -> bool {
        self.folded.ends_with(suffix)
    }

    /// The whole folded text equals `key`.
    pub fn is(&self, key: &str) -> bool {
        self.folded == key
    }
}

/// A word of text with its byte span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

impl Word<'_> {
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(|c| c.is_uppercase())
    }
    pub fn is_all_caps(&self) -> bool {
        let mut letters = 0;
        for c in self.text.chars() {
            if c.is_lowercase() {
                return false;
            }
            if c.is_alphabetic() {
                letters += 1;
            }
        }
        letters >= 2
    }
}

/// Splits `s` into words: runs of letters and digits, keeping inner apostrophes and inner full
/// stops between single letters ("U.S."), and dropping a possessive "’s" from the span. Dashes
/// split words, so "Israel-Syria" gives two words and "al-Sharaa" gives "al" and "Sharaa".
/// Spans are offset by `base`.
pub fn words(s: &str, base: usize) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let bytes = s.as_bytes();
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let start = i;
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            if d.is_alphanumeric() {
                end = j + d.len_utf8();
                iter.next();
            } else if (is_apostrophe(d) || d == '.' || d == ',') && j == end {
                // Keep the mark only if a letter or digit follows directly.
                let after = s[j + d.len_utf8()..].chars().next();
                let keep = match d {
                    '.' => {
                        // "U.S." style: single letters separated by stops.
                        after.is_some_and(|a| a.is_uppercase())
                            && s[start..end].chars().count() == 1
                    }
                    ',' => {
                        // "1,000": digits on both sides.
                        after.is_some_and(|a| a.is_ascii_digit())
                            && s[start..end].chars().all(|x| x.is_ascii_digit())
                            && s[j + 1..].len() >= 3
                            && s[j + 1..].chars().take(3).all(|x| x.is_ascii_digit())
                    }
                    _ => after.is_some_and(|a| a.is_alphanumeric()),
                };
                if !keep {
                    break;
                }
                iter.next();
                if d == '.' {
                    // consume the following single letter and, if present, its stop
                    if let Some(&(k, l)) = iter.peek() {
                        if l.is_alphabetic() {
                            iter.next();
                            end = k + l.len_utf8();
                            if bytes.get(end) == Some(&b'.') {
                                iter.next();
                                end += 1;
                            }
                            continue;
                        }
                    }
                }
                end = j + d.len_utf8();
            } else {
                break;
            }
        }
        let mut word = &s[start..end];
        // drop possessive
        for suffix in ["'s", "’s", "'", "’"] {
            if word.len() > suffix.len() + 1 && word.ends_with(suffix) {
                word = &word[..word.len() - suffix.len()];
                end = start + word.len();
                break;
            }
        }
        out.push(Word {
            text: word,
            start: base + start,
            end: base + end,
        });
    }
    out
}

/// Lowercased, folded form of a word for vocabulary look-ups.
pub fn fold(s: &str) -> String {
    fold_cow(s).into_owned()
}

/// [`fold`] without a copy for the common case, a word already in lowercase ASCII.
pub fn fold_cow(s: &str) -> std::borrow::Cow<'_, str> {
    if s.bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-')
    {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.chars().filter_map(fold_char).collect())
    }
}

/// Case-insensitive search for `needle` (already lowercase ASCII or folded) as whole words inside
/// `hay`; returns byte positions into `hay`.
pub fn find_phrase(hay_lower: &str, needle: &str) -> Vec<usize> {
    let mut out = Vec::new();
    if needle.is_empty() {
        return out;
    }
    let mut from = 0;
    while let Some(pos) = hay_lower[from..].find(needle) {
        let at = from + pos;
        let before = hay_lower[..at].chars().next_back();
        let after = hay_lower[at + needle.len()..].chars().next();
        let first = needle.chars().next();
        let last = needle.chars().next_back();
        let word_before = first.is_some_and(|c| c.is_alphanumeric())
            && before.is_some_and(|c| c.is_alphanumeric());
        let word_after =
            last.is_some_and(|c| c.is_alphanumeric()) && after.is_some_and(|c| c.is_alphanumeric());
        if !word_before && !word_after {
            out.push(at);
        }
        from = at + needle.len().max(1);
        while !hay_lower.is_char_boundary(from) {
            from += 1;
        }
    }
    out
}

/// Lowercase copy with the same byte length per char where possible; falls back to plain
/// `to_lowercase` (callers must then not use offsets into it). Returns None if lengths differ.
pub fn lower_same_len(s: &str) -> Option<String> {
    if s.is_ascii() {
        return Some(s.to_ascii_lowercase());
    }
    let lower: String = s
        .chars()
        .map(|c| {
            let l = c.to_lowercase().next().unwrap_or(c);
            if l.len_utf8() == c.len_utf8() {
                l
            } else {
                c
            }
        })
        .collect();
    (lower.len() == s.len()).then_some(lower)
}

/// Lowercases keeping byte offsets: every char maps to a char of the same UTF-8 length.
pub fn lower_keep_offsets(s: &str) -> String {
    lower_same_len(s).unwrap_or_else(|| s.to_string())
}

/// Number of words (whitespace-separated tokens containing a letter or digit).
pub fn word_count(s: &str) -> usize {
    s.split(is_space)
        .filter(|w| w.chars().any(|c| c.is_alphanumeric()))
        .count()
}

/// The last character that is not closing punctuation or space.
pub fn last_meaningful_char(s: &str) -> Option<char> {
    s.chars()
        .rev()
        .find(|c| !is_space(*c) && !is_closing_punct(*c))
}

/// True if the text ends like a sentence (full stop, ! or …, before any closing quotes).
pub fn ends_like_sentence(s: &str) -> bool {
    matches!(last_meaningful_char(s), Some('.' | '!' | '…'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cue_capitalised_inside_a_sentence_is_a_name() {
        let name = |text: &str, cue: &str| cue_is_name(text, text.find(cue).unwrap_or(0));
        assert!(name("The union has been on strike since May.", "May"));
        assert!(name("The union, Never Again, voted.", "Never"));
        assert!(name("From January to (May) the talks ran.", "May"));
        assert!(!name("May the talks resume.", "May"));
        assert!(!name("The answer was plain: No talks.", "No"));
        assert!(!name("He said, “If talks fail, we strike.”", "If"));
        assert!(!name("They said it may rain.", "may"));
    }

    #[test]
    fn words_keep_spans_and_drop_possessives() {
        let s = "Syria’s U.S.-backed al-Sharaa met 1,000 people.";
        let w: Vec<_> = words(s, 0).iter().map(|w| w.text).collect();
        assert_eq!(
            w,
            ["Syria", "U.S.", "backed", "al", "Sharaa", "met", "1,000", "people"]
        );
        let ws = words(s, 10);
        assert_eq!(ws[0].start, 10);
        assert_eq!(&s[ws[1].start - 10..ws[1].end - 10], "U.S.");
    }

    #[test]
    fn name_keys_fold_spelling_variants() {
        assert_eq!(name_key("al-Shara’a"), name_key("Al-Sharaa"));
        assert_eq!(name_key("Türkiye"), "turkiye");
        assert_eq!(name_key("  Erdoğan "), "erdogan");
    }

    #[test]
    fn phrase_search_respects_word_edges() {
        let hay = "he will go, at will; willing";
        assert_eq!(find_phrase(hay, "will"), vec![3, 15]);
        assert_eq!(find_phrase(hay, "at will"), vec![12]);
    }

    #[test]
    fn folded_search_answers_in_source_offsets() {
        // The Kelvin sign is 3 bytes and lowercases to 1; "İ" is 2 and lowercases to 3.
        let s = "Bureau of \u{212A}abul’ ON Monday, İstanbul — Said By X";
        let f = Folded::new(s);
        let (a, b) = f.find(" on ").expect("found");
        assert_eq!(&s[a..b], " ON ");
        let (a, b) = f
            .find("abul'")
            .expect("curly apostrophe folds to a straight one");
        assert_eq!(&s[a..b], "abul’");
        let (a, b) = f.find("stanbul - said").expect("dash and case fold");
        assert_eq!(&s[a..b], "stanbul — Said");
        let (_, after) = f.rfind(" by ").expect("found");
        assert_eq!(&s[after..], "X");
        assert_eq!(f.find_phrase("monday"), vec![s.find("Monday").unwrap()]);
        assert_eq!(
            Folded::new("Conducted by Acme").prefix_end("conducted by "),
            Some(13)
        );
        assert!(Folded::new("\u{212A}ABUL").is("kabul"));
        assert!(Folded::new("Whether or not").starts_with("whether"));
        // A match that starts inside one character's expansion still maps to a boundary.
        let (a, b) = Folded::new("İx").find("\u{307}x").expect("found");
        assert_eq!((a, b), (0, 3));
    }

    #[test]
    fn lowercase_prefixes_are_checked_without_a_copy() {
        assert!(starts_with_lower("PHOTO: Jane Doe", "photo:"));
        assert!(starts_with_lower("\u{212A}abul said", "kabul"));
        assert!(starts_with_lower("İstanbul", "i\u{307}st"));
        assert!(!starts_with_lower("Pho", "photo"));
        assert!(starts_with_lower("anything", ""));
    }

    #[test]
    fn sentence_endings_look_through_quotes() {
        assert!(ends_like_sentence("He said “yes.”"));
        assert!(!ends_like_sentence("Where Is This Going?"));
        assert!(!ends_like_sentence("Crux of the deal"));
    }
}

/// A list of phrases found in one pass over a text's words, indexed by their first folded word:
/// checking a clause against a hundred cue phrases costs one hash look-up per word, not a hundred
/// substring searches.
#[derive(Clone, Debug, Default)]
pub struct PhraseSet {
    by_first: FastMap<String, Vec<(Vec<String>, usize)>>,
    pub phrases: Vec<String>,
}

/// A phrase found in a text: byte span and the phrase's index in its set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PhraseMatch {
    pub start: usize,
    pub end: usize,
    pub index: usize,
}

impl PhraseSet {
    pub fn new<I: IntoIterator<Item = S>, S: AsRef<str>>(phrases: I) -> PhraseSet {
        let mut set = PhraseSet::default();
        for p in phrases {
            let p = p.as_ref();
            let ws: Vec<String> = words(p, 0).iter().map(|w| fold(w.text)).collect();
            let Some(first) = ws.first().cloned() else {
                continue;
            };
            let index = set.phrases.len();
            set.phrases.push(p.to_string());
            let list = set.by_first.entry(first).or_default();
            list.push((ws[1..].to_vec(), index));
            list.sort_by_key(|(rest, _)| std::cmp::Reverse(rest.len()));
        }
        set
    }

    /// Every match in `ws` (words of one text), longest phrase first at each position.
    pub fn find<S: AsRef<str>>(&self, ws: &[Word], folded: &[S]) -> Vec<PhraseMatch> {
        let mut out = Vec::new();
        for (i, key) in folded.iter().enumerate() {
            if let Some(list) = self.by_first.get(key.as_ref()) {
                for (rest, index) in list {
                    if i + rest.len() < folded.len()
                        && folded[i + 1..=i + rest.len()]
                            .iter()
                            .zip(rest)
                            .all(|(x, y)| x.as_ref() == y)
                    {
                        out.push(PhraseMatch {
                            start: ws[i].start,
                            end: ws[i + rest.len()].end,
                            index: *index,
                        });
                    }
                }
            }
        }
        out
    }

    pub fn any<S: AsRef<str>>(&self, folded: &[S]) -> bool {
        folded.iter().enumerate().any(|(i, key)| {
            self.by_first.get(key.as_ref()).is_some_and(|list| {
                list.iter().any(|(rest, _)| {
                    i + rest.len() < folded.len()
                        && folded[i + 1..=i + rest.len()]
                            .iter()
                            .zip(rest)
                            .all(|(x, y)| x.as_ref() == y)
                })
            })
        })
    }
}

/// The words of a clause (or any span) and their folded forms, shared by the matchers: a view
/// into a document's [`crate::tokens::TokenStream`], or, for a text outside any document, its
/// own. Matches are reported relative to the start of the span.
pub struct Tokens<'t> {
    words: std::borrow::Cow<'t, [Word<'t>]>,
    folded: std::borrow::Cow<'t, [std::borrow::Cow<'t, str>]>,
    base: usize,
}

impl<'t> Tokens<'t> {
    /// Tokenises `s` on its own (offsets relative to `s`).
    pub fn new(s: &'t str) -> Tokens<'t> {
        let words = words(s, 0);
        let folded = words.iter().map(|w| fold_cow(w.text)).collect::<Vec<_>>();
        Tokens {
            words: words.into(),
            folded: folded.into(),
            base: 0,
        }
    }

    /// A view of words already read, whose spans start at `base`.
    pub fn view(
        words: &'t [Word<'t>],
        folded: &'t [std::borrow::Cow<'t, str>],
        base: usize,
    ) -> Tokens<'t> {
        Tokens {
            words: words.into(),
            folded: folded.into(),
            base,
        }
    }

    pub fn find(&self, set: &PhraseSet) -> Vec<PhraseMatch> {
        let mut found = set.find(&self.words, &self.folded);
        for m in &mut found {
            m.start -= self.base;
            m.end -= self.base;
        }
        found
    }

    pub fn has(&self, set: &PhraseSet) -> bool {
        set.any(&self.folded)
    }

    /// The folded words, for vocabulary look-ups.
    pub fn folded(&self) -> &[std::borrow::Cow<'t, str>] {
        &self.folded
    }

    /// The words as written (spans from `base`, see [`Tokens::view`]).
    pub fn words(&self) -> &[Word<'t>] {
        &self.words
    }
}

/// FNV-1a, a fast hash for the engine's many short string keys (words, phrases, term ids).
#[derive(Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= *b as u64;
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

pub type FastMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;
pub type FastSet<K> = std::collections::HashSet<K, std::hash::BuildHasherDefault<Fnv>>;
