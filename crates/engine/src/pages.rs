//! Stage 0: a saved web page reduced to the article text the engine reads, the same natively (the
//! CLI, `CORPUS=` builds) and in the page (the reader's "Open articles…").
//!
//! The page's main content is found by [`dom_smoothie`], a port of Mozilla's Readability (the
//! scoring Firefox's reader view uses) over html5ever, the HTML parser of Servo. Nothing of the
//! page runs (no script, no style, no request) and none of its markup reaches ours: only text
//! comes out.
//!
//! What the page states about itself (title, author, site, date, from its JSON-LD, Open Graph and
//! `<meta>` tags and the byline in the article) is written as the first lines of the extracted
//! text, in the shapes the metadata stage reads in any article ("By NAME | SITE | DATE"), so each
//! value keeps its evidence: a span of the text the reader view shows, under a note that it came
//! from the page's metadata. What the page does not state is not written, and stays "not stated".
//! Claims index the extracted text, which is what the reader view shows and the export carries.

use dom_smoothie::{Config, Readability, TextMode};

/// The element count past which a page is not scored (Readability's own guard against pages that
/// would take seconds): far above any article page.
const MAX_ELEMENTS: usize = 100_000;

/// Paragraphs shorter than this many characters that no sentence ends are page furniture left in
/// the article's container ("Advertisement", "Photo: AP"), not text.
const SHORT_LINE: usize = 25;

/// What a page states about itself, as Readability read it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageMeta {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub site_name: Option<String>,
    /// `YYYY-MM-DD` when the page states a publication time that starts with one.
    pub published: Option<String>,
}

/// A page's article: its metadata and the text the engine reads (metadata lines first).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageText {
    pub meta: PageMeta,
    /// The article's paragraphs, one per line with a blank line between them.
    pub body: String,
    /// The text the engine reads: the metadata lines, a blank line, then `body`.
    pub text: String,
}

/// The article of the page `html`, or why there is none.
pub fn page_text(html: &str) -> Result<PageText, String> {
    let config = Config {
        text_mode: TextMode::Formatted,
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    };
    let mut reader = Readability::new(html, None, Some(config))
        .map_err(|e| format!("not a readable web page: {e}"))?;
    let article = reader
        .parse()
        .map_err(|_| "no article found in this page".to_string())?;
    let body = paragraphs(&article.text_content);
    if body.is_empty() {
        return Err("no article found in this page (no text in its main content)".into());
    }
    let meta = PageMeta {
        title: one_line(&article.title),
        byline: article
            .byline
            .as_deref()
            .and_then(one_line)
            .map(|b| strip_by(&b).to_string())
            .filter(|b| !b.is_empty()),
        site_name: article.site_name.as_deref().and_then(one_line),
        published: article.published_time.as_deref().and_then(iso_day),
    };
    let text = with_header(&meta, &body);
    Ok(PageText { meta, body, text })
}

/// `s` on one line with runs of white space as one space; `None` when nothing is left.
fn one_line(s: &str) -> Option<String> {
    let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!joined.is_empty()).then_some(joined)
}

fn strip_by(byline: &str) -> &str {
    for by in ["By ", "by ", "BY "] {
        if let Some(rest) = byline.strip_prefix(by) {
            return rest.trim();
        }
    }
    byline.trim()
}

/// The day of an ISO 8601 time ("2015-04-22T10:00:00Z" gives "2015-04-22").
fn iso_day(time: &str) -> Option<String> {
    let t = time.trim();
    let day = t.get(..10)?;
    let b = day.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    (digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10))
        .then(|| day.to_string())
}

/// The metadata lines, then the body: "# TITLE", then "By AUTHOR | SITE | YYYY-MM-DD" when there
/// is an author, else "YYYY-MM-DD · SITE" (the two shapes the metadata stage reads as a byline).
fn with_header(meta: &PageMeta, body: &str) -> String {
    let mut out = String::new();
    if let Some(t) = &meta.title {
        // A Markdown heading: a title that ends like a sentence ("… N.Y.C.") is still the title.
        out.push_str("# ");
        out.push_str(t);
        out.push('\n');
    }
    match (&meta.byline, &meta.site_name, &meta.published) {
        (Some(by), site, date) => {
            out.push_str("By ");
            out.push_str(by);
            for part in [site, date].into_iter().flatten() {
                out.push_str(" | ");
                out.push_str(part);
            }
            out.push('\n');
        }
        (None, site, Some(date)) => {
            out.push_str(date);
            if let Some(site) = site {
                out.push_str(" · ");
                out.push_str(site);
            }
            out.push('\n');
        }
        (None, _, None) => {}
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out.push_str(body);
    out
}

/// The article's text as paragraphs: one per line, a blank line between them, white space runs
/// made one space, and short lines that end no sentence (page furniture) left out.
fn paragraphs(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let Some(p) = one_line(line) else {
            continue;
        };
        let ends_sentence = p.ends_with(['.', '!', '?', '"', '”', '’', ':', ')']);
        if p.chars().count() < SHORT_LINE && !ends_sentence {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&p);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_give_their_day() {
        assert_eq!(
            iso_day("2015-04-22T10:00:00Z").as_deref(),
            Some("2015-04-22")
        );
        assert_eq!(iso_day("April 2015"), None);
        assert_eq!(iso_day("2015-4-22"), None);
    }
}
