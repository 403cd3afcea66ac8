//! Stage 2: every non-blank line of an article classified from its own shape and its neighbours.
//!
//! Scraped articles arrive with their page chrome: ad slots, photo captions and credits, a pull
//! quote repeating a body sentence, the author's bio, the comment widget. Only body paragraphs may
//! feed claims, so this stage decides, per line, what it is. It never drops a line: chrome is
//! classified, not deleted, so the reader can still show it on demand.

use crate::dates::date_at_start;
use crate::model::{Line, LineKind};
use crate::text::{
    ends_like_sentence, is_dash, is_space, lower, starts_with_lower, trim_span, word_count, words,
};
use crate::vocab::{vocab, BoilerplateRule};

/// A non-blank line before classification.
struct Raw<'a> {
    number: usize,
    /// [`word_count`] of the text, counted once.
    words: usize,
    start: usize,
    end: usize,
    text: &'a str,
    kind: Option<LineKind>,
}

/// Documents larger than this skip the pull-quote search, which compares lines with the body.
const PULL_QUOTE_SCAN_LIMIT: usize = 1024 * 1024;

/// Splits `text` into trimmed non-blank lines with byte spans into `text`.
pub fn split_lines(text: &str) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut offset = 0;
    for (i, raw) in text.split('\n').enumerate() {
        let (s, e) = trim_span(raw);
        if e > s {
            out.push((i + 1, offset + s, offset + e));
        }
        offset += raw.len() + 1;
    }
    out
}

fn strip_markers(s: &str) -> &str {
    s.trim_matches(|c: char| is_space(c) || !c.is_alphanumeric() && c != '©' && c != '%')
}

/// `words` is the line's [`word_count`].
fn is_boilerplate(text: &str, words: usize) -> bool {
    if !text.chars().any(|c| c.is_alphabetic()) {
        return true;
    }
    let t = lower(strip_markers(text));
    let raw = text.trim();
    // Whole-line and suffix rules describe short widgets; long lines only meet the others.
    let short = words <= 10;
    vocab().boilerplate.iter().any(|(rule, p)| match rule {
        BoilerplateRule::Exact => short && t == *p,
        BoilerplateRule::Prefix => t.starts_with(p.as_str()) || starts_with_lower(raw, p),
        BoilerplateRule::Suffix => short && t.ends_with(p.as_str()),
        BoilerplateRule::Contains => t.contains(p.as_str()),
    })
}

/// `word_total` is the line's [`word_count`].
fn is_credit(text: &str, word_total: usize) -> bool {
    let v = vocab();
    if v.credit_prefixes.iter().any(|p| starts_with_lower(text, p)) {
        return true;
    }
    if word_total > 10 {
        return false;
    }
    let ws = words(text, 0);
    let has_agency = v.agency_words.iter().any(|aw| {
        ws.windows(aw.len())
            .any(|win| win.iter().zip(aw).all(|(x, y)| x.text == y))
    });
    if !has_agency {
        return false;
    }
    let others: Vec<_> = ws
        .iter()
        .filter(|w| !v.agencies.iter().any(|a| a == w.text))
        .collect();
    text.contains('/') || others.iter().all(|w| w.is_all_caps() || w.text.len() == 1)
}

/// A name of 2–4 capitalised words at the start of `s`; returns its byte length.
fn leading_name(s: &str) -> Option<usize> {
    let ws = words(s, 0);
    let mut n = 0;
    let mut end = 0;
    for w in ws.iter().take(4) {
        if !w.is_capitalised() || w.text.chars().any(|c| c.is_ascii_digit()) {
            break;
        }
        // words must be separated by spaces or hyphens only
        if n > 0 && !s[end..w.start].chars().all(|c| c == ' ' || is_dash(c)) {
            break;
        }
        n += 1;
        end = w.end;
    }
    (n >= 2 && ws.first().is_some_and(|w| w.start == 0)).then_some(end)
}

/// For an author-bio line ("– Jane Doe is a journalist …"), the span of the name in `text`.
pub fn bio_name(text: &str) -> Option<(usize, usize)> {
    let lead = text.len()
        - text
            .trim_start_matches(|c: char| is_space(c) || is_dash(c) || matches!(c, '•' | '*' | '·'))
            .len();
    let rest = &text[lead..];
    // A bio opens with the name: look at the first words only, not the whole paragraph.
    let mut head_end = rest.len().min(120);
    while !rest.is_char_boundary(head_end) {
        head_end -= 1;
    }
    let name_len = leading_name(&rest[..head_end])?;
    let after = &rest[name_len..];
    let framed = [" is a ", " is an ", " is the ", ", a ", ", an ", ", the "]
        .iter()
        .any(|p| starts_with_lower(after, p));
    if !framed {
        return None;
    }
    let lw = lower(rest);
    let noun = vocab()
        .bio_nouns
        .iter()
        .any(|n| !crate::text::find_phrase(&lw, n).is_empty());
    noun.then_some((lead, lead + name_len))
}

/// "Jane DoeJane Doe": a scraped author widget repeating the name; returns the name's length.
pub fn doubled_name(text: &str) -> Option<usize> {
    let len = text.len();
    if len % 2 != 0 || len < 6 {
        return None;
    }
    let half = len / 2;
    if !text.is_char_boundary(half) || text[..half] != text[half..] {
        return None;
    }
    (leading_name(&text[..half]) == Some(half)).then_some(half)
}

/// `wc` is the line's [`word_count`].
fn is_byline(text: &str, wc: usize) -> bool {
    let t = text.trim_start();
    if (t.starts_with("By ") || t.starts_with("BY "))
        && wc <= 25
        && t[3..].chars().next().is_some_and(|c| c.is_uppercase())
    {
        return true;
    }
    if doubled_name(text).is_some() {
        return true;
    }
    let undated = strip_date_label(t);
    wc <= 10 && date_at_start(undated).is_some()
}

/// Drops a "Published:" / "Updated" label before a date.
pub fn strip_date_label(t: &str) -> &str {
    for label in [
        "Published:",
        "Published",
        "Updated:",
        "Updated",
        "Posted:",
        "Posted",
        "Date:",
    ] {
        if let Some(r) = t.strip_prefix(label) {
            return r.trim_start();
        }
    }
    t
}

/// `words` is the line's [`word_count`].
fn is_list_item(text: &str, words: usize) -> bool {
    let t = text.trim_start();
    let bullet = ["- ", "• ", "* ", "· ", "– ", "— "]
        .iter()
        .any(|b| t.starts_with(b));
    let numbered = {
        let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
        digits > 0 && digits < 3 && (t[digits..].starts_with(". ") || t[digits..].starts_with(") "))
    };
    (bullet || numbered) && words <= 60
}

fn sentence_count(text: &str) -> usize {
    crate::sentences::split(text, 0).len()
}

fn has_caption_cue(text: &str) -> bool {
    let v = vocab();
    let folded = lower(text);
    let marked = v
        .caption_cues
        .iter()
        .filter(|c| c.starts_with('('))
        .any(|c| folded.contains(c.as_str()));
    marked || crate::text::Tokens::new(text).has(&v.caption_cue_set)
}

fn ends_with_date(text: &str) -> bool {
    let found = crate::dates::find_dates(text, 0);
    let trimmed = text
        .trim_end_matches(|c: char| is_space(c) || c == '.' || crate::text::is_closing_punct(c));
    found.last().is_some_and(|d| d.end == trimmed.len())
}

/// Markdown heading level and the text after the marker.
fn markdown_heading(text: &str) -> Option<(usize, usize)> {
    let hashes = text.chars().take_while(|c| *c == '#').count();
    (hashes > 0 && hashes <= 6 && text[hashes..].starts_with(' ')).then(|| (hashes, hashes + 1))
}

/// Where a line's value starts once markdown heading markers are skipped.
pub fn value_offset(text: &str) -> usize {
    markdown_heading(text).map(|(_, skip)| skip).unwrap_or(0)
}

/// Classifies every non-blank line of `text`.
/// `stream` is `text` read into words (see [`crate::tokens`]).
pub fn classify(source: &std::sync::Arc<str>, stream: &crate::tokens::TokenStream) -> Vec<Line> {
    let text = &**source;
    let mut lines: Vec<Raw> = split_lines(text)
        .into_iter()
        .map(|(number, start, end)| Raw {
            number,
            words: word_count(&text[start..end]),
            start,
            end,
            text: &text[start..end],
            kind: None,
        })
        .collect();
    let n = lines.len();

    // Pass 1: lines recognisable on their own.
    for (i, l) in lines.iter_mut().enumerate() {
        let late = i * 4 >= n * 3;
        l.kind = if is_boilerplate(l.text, l.words) {
            Some(LineKind::Boilerplate)
        } else if is_credit(l.text, l.words) {
            Some(LineKind::Credit)
        } else if bio_name(l.text).is_some()
            && (late
                || l.text
                    .trim_start()
                    .starts_with(|c: char| is_dash(c) || c == '•'))
        {
            Some(LineKind::Bio)
        } else if is_byline(l.text, l.words) {
            Some(LineKind::Byline)
        } else if markdown_heading(l.text).is_some() {
            Some(LineKind::Heading)
        } else if is_list_item(l.text, l.words) {
            Some(LineKind::ListItem)
        } else {
            None
        };
    }

    let is_chrome = |k: Option<LineKind>| {
        matches!(
            k,
            Some(LineKind::Boilerplate | LineKind::Credit | LineKind::Caption)
        )
    };

    // Title: the first line that is not chrome, if it reads like a headline.
    let first = lines.iter().position(|l| !is_chrome(l.kind));
    let mut title_key = None;
    let mut after_title = first.unwrap_or(n);
    if let Some(f) = first {
        let l = &lines[f];
        let md = markdown_heading(l.text).is_some();
        let headline = l.kind.is_none()
            && l.words <= 30
            && !ends_like_sentence(l.text)
            && sentence_count(l.text) <= 1;
        if md || headline {
            title_key = Some(stream.key(l.start + value_offset(l.text), l.end));
            lines[f].kind = Some(LineKind::Title);
            after_title = f + 1;
        }
    }
    // Dek: the next unclassified line if it reads like a standfirst.
    if title_key.is_some() {
        let next = (after_title..n).find(|&i| !is_chrome(lines[i].kind));
        if let Some(d) = next.filter(|&d| lines[d].kind.is_none()) {
            let t = lines[d].text;
            let followed_by_byline = (d + 1..n)
                .find(|&i| !is_chrome(lines[i].kind))
                .is_some_and(|i| lines[i].kind == Some(LineKind::Byline));
            let labelled = t.split_once(':').is_some_and(|(label, _)| {
                word_count(label) == 1 && label.chars().next().is_some_and(|c| c.is_uppercase())
            });
            if lines[d].words <= 70 && (!ends_like_sentence(t) || followed_by_byline || labelled) {
                lines[d].kind = Some(LineKind::Dek);
            }
        }
    }
    // Repeats of the title further down are page chrome.
    let keys: Vec<String> = lines.iter().map(|l| stream.key(l.start, l.end)).collect();
    if let Some(key) = &title_key {
        for (l, k) in lines.iter_mut().zip(&keys) {
            if l.kind.is_none() && k == key {
                l.kind = Some(LineKind::Boilerplate);
            }
        }
    }

    // Captions sit next to photo credits.
    let duplicated = |i: usize| {
        keys.iter()
            .enumerate()
            .any(|(j, k)| j != i && *k == keys[i])
    };
    for c in 0..n {
        if lines[c].kind != Some(LineKind::Credit) {
            continue;
        }
        let mut j = c;
        while j > 0 {
            j -= 1;
            match lines[j].kind {
                Some(LineKind::Boilerplate | LineKind::Caption) => continue,
                Some(_) => break,
                None => {}
            }
            let t = lines[j].text;
            let fragment = lines[j].words <= 12 && !ends_like_sentence(t);
            let one = sentence_count(t) == 1
                && (has_caption_cue(t) || ends_with_date(t) || duplicated(j));
            if fragment || one {
                lines[j].kind = Some(LineKind::Caption);
            } else {
                break;
            }
        }
        for j in c + 1..n.min(c + 3) {
            if lines[j].kind.is_some() {
                if lines[j].kind == Some(LineKind::Boilerplate) {
                    continue;
                }
                break;
            }
            let t = lines[j].text;
            let caption_twin = (0..n)
                .any(|k| k != j && lines[k].kind == Some(LineKind::Caption) && keys[k] == keys[j]);
            if sentence_count(t) == 1 && (has_caption_cue(t) || ends_with_date(t) || caption_twin) {
                lines[j].kind = Some(LineKind::Caption);
            } else {
                break;
            }
        }
    }

    // Pull quotes repeat a body sentence.
    if text.len() <= PULL_QUOTE_SCAN_LIMIT {
        let body: Vec<usize> = (0..n).filter(|&i| lines[i].kind.is_none()).collect();
        for &i in &body {
            if lines[i].words < 6 || lines[i].words > 60 {
                continue;
            }
            // One searcher per line, reused over the body (`str::contains` would prepare the
            // same search again for every other line).
            let finder = memchr::memmem::Finder::new(keys[i].as_bytes());
            let repeats = body.iter().any(|&j| {
                j != i && keys[j].len() > keys[i].len() && finder.find(keys[j].as_bytes()).is_some()
            });
            if repeats {
                lines[i].kind = Some(LineKind::PullQuote);
            }
        }
    }

    // Headings: short lines that do not end like a sentence, with text after them.
    for (i, line) in lines.iter_mut().enumerate() {
        if line.kind.is_some() {
            continue;
        }
        let t = line.text;
        let last = t.chars().last();
        let heading = line.words <= 12
            && !ends_like_sentence(t)
            && !matches!(last, Some(',' | ';' | ':'))
            && !t.starts_with(|c: char| c.is_lowercase())
            && i + 1 < n;
        line.kind = Some(if heading {
            LineKind::Heading
        } else {
            LineKind::Paragraph
        });
    }

    lines
        .into_iter()
        .map(|l| Line {
            kind: l.kind.unwrap_or(LineKind::Paragraph),
            number: l.number,
            start: l.start,
            end: l.end,
            text: crate::model::Verbatim::span(source, l.start, l.end),
        })
        .collect()
}
