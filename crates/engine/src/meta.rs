//! Stage 3: document metadata (title, dek, outlet, author, date), each with its evidence line.
//!
//! A field the text does not state stays `None`: two pages from the same site look alike, and an
//! outlet guessed from layout would be shown to readers as fact. Every value is a span of the
//! source, so the page can show where it came from.

use crate::dates::{date_at_start, Ymd};
use crate::lines::{bio_name, doubled_name, strip_date_label, value_offset};
use crate::model::{Evidence, Line, LineKind, Provenance};
use crate::text::{is_dash, is_space, trim_span, words};
use crate::vocab::vocab;

#[derive(Default)]
pub struct Meta {
    pub title: Option<String>,
    pub dek: Option<String>,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub date: Option<Ymd>,
    pub provenance: Provenance,
}

fn evidence(line: &Line, start: usize, end: usize) -> Evidence {
    Evidence {
        line: line.number,
        start: line.start + start,
        end: line.start + end,
        line_text: line.text.clone(),
    }
}

/// Trims space and separators from a sub-span of `s`.
fn clean(s: &str, start: usize, end: usize) -> (usize, usize) {
    let part = &s[start..end];
    let (a, b) = trim_span(part);
    let inner = &part[a..b];
    let lead = inner.len()
        - inner
            .trim_start_matches(|c: char| {
                is_space(c) || is_dash(c) || matches!(c, '|' | ',' | '·' | ':')
            })
            .len();
    let tail = inner
        .trim_end_matches(|c: char| is_space(c) || is_dash(c) || matches!(c, '|' | ',' | '·' | ':'))
        .len();
    if tail <= lead {
        return (start + a, start + a);
    }
    (start + a + lead, start + a + tail)
}

fn is_role(s: &str) -> bool {
    let v = vocab();
    let lower = crate::text::lower(s);
    v.bio_nouns
        .iter()
        .chain(v.titles.iter())
        .any(|t| !crate::text::find_phrase(&lower, &crate::text::lower(t)).is_empty())
        || lower.contains("staff")
}

fn looks_like_name(s: &str) -> bool {
    let ws = words(s, 0);
    !ws.is_empty() && ws.len() <= 6 && ws.first().is_some_and(|w| w.is_capitalised())
}

/// A dateline opening a paragraph: "LONDON (Reuters) — ". Returns the byte length to skip and
/// the span of the agency inside the parentheses, if any.
pub fn dateline(text: &str) -> Option<(usize, Option<(usize, usize)>)> {
    let head: String = text.chars().take(80).collect();
    let (dash_at, dash) = head
        .char_indices()
        .find(|(i, c)| is_dash(*c) && *i > 0 && head[..*i].ends_with(' '))?;
    let prefix = &text[..dash_at];
    let first = words(prefix, 0).into_iter().next()?;
    if first.start != 0 || !first.is_all_caps() {
        return None;
    }
    // Everything before the dash must be capitalised words, commas and one parenthesis group.
    let (bare, agency) = match (prefix.find('('), prefix.find(')')) {
        (Some(a), Some(b)) if b > a => (
            format!("{}{}", &prefix[..a], &prefix[b + 1..]),
            Some(clean(prefix, a + 1, b)),
        ),
        (None, None) => (prefix.to_string(), None),
        _ => return None,
    };
    if !words(&bare, 0).iter().all(|w| w.is_capitalised()) || words(&bare, 0).len() > 5 {
        return None;
    }
    let after = dash_at + dash.len_utf8();
    let skip = after + (text[after..].len() - text[after..].trim_start_matches(is_space).len());
    Some((skip, agency.filter(|(a, b)| b > a)))
}

fn parse_byline(line: &Line, meta: &mut Meta) {
    let t = &line.text;
    if let Some(half) = doubled_name(t) {
        if meta.author.is_none() {
            meta.author = Some(t[..half].to_string());
            meta.provenance.author = Some(evidence(line, 0, half));
        }
        return;
    }
    let lead = t.len() - t.trim_start().len();
    if let Some(rest) = t[lead..]
        .strip_prefix("By ")
        .or_else(|| t[lead..].strip_prefix("BY "))
    {
        let base = t.len() - rest.len();
        // split on | or · (or " - ")
        let mut parts = Vec::new();
        let mut from = base;
        for (i, c) in t[base..].char_indices() {
            if matches!(c, '|' | '·' | '•') {
                parts.push((from, base + i));
                from = base + i + c.len_utf8();
            }
        }
        parts.push((from, t.len()));
        for (k, (a, b)) in parts.into_iter().enumerate() {
            let (a, b) = clean(t, a, b);
            if b <= a {
                continue;
            }
            let part = &t[a..b];
            if let Some((d, used)) = date_at_start(strip_date_label(part)) {
                if meta.date.is_none() {
                    let off = part.len() - strip_date_label(part).len();
                    meta.date = Some(d);
                    meta.provenance.date = Some(evidence(line, a + off, a + off + used));
                }
                continue;
            }
            if k == 0 {
                // "Jane Doe, Outlet" or "Jane Doe, Senior Writer"
                let (name_end, outlet) = match part.find(", ") {
                    Some(c) if !is_role(&part[c + 2..]) && looks_like_name(&part[c + 2..]) => {
                        (c, Some(clean(t, a + c + 2, b)))
                    }
                    Some(c) => (c, None),
                    None => (part.len(), None),
                };
                if meta.author.is_none() {
                    meta.author = Some(t[a..a + name_end].to_string());
                    meta.provenance.author = Some(evidence(line, a, a + name_end));
                }
                if let (Some((oa, ob)), None) = (outlet, &meta.outlet) {
                    meta.outlet = Some(t[oa..ob].to_string());
                    meta.provenance.outlet = Some(evidence(line, oa, ob));
                }
            } else if meta.outlet.is_none() && looks_like_name(part) && !is_role(part) {
                meta.outlet = Some(part.to_string());
                meta.provenance.outlet = Some(evidence(line, a, b));
            }
        }
        return;
    }
    // A date line, possibly followed by the outlet: "January 07, 2026Clash Report".
    let body = strip_date_label(&t[lead..]);
    let off = t.len() - body.len();
    if let Some((d, used)) = date_at_start(body) {
        if meta.date.is_none() {
            meta.date = Some(d);
            meta.provenance.date = Some(evidence(line, off, off + used));
        }
        let (a, b) = clean(t, off + used, t.len());
        if b > a
            && meta.outlet.is_none()
            && looks_like_name(&t[a..b])
            && !is_role(&t[a..b])
            && date_at_start(&t[a..b]).is_none()
        {
            meta.outlet = Some(t[a..b].to_string());
            meta.provenance.outlet = Some(evidence(line, a, b));
        }
    }
}

/// Capitalised words after an outlet cue ("privacy policy of Ynet News and …" gives "Ynet News").
fn outlet_after_cue(line: &Line) -> Option<(usize, usize)> {
    let lower = crate::text::lower_keep_offsets(&line.text);
    for cue in &vocab().outlet_cues {
        let Some(at) = lower.find(cue.as_str()) else {
            continue;
        };
        let from = at + cue.len();
        let ws = words(&line.text[from..], from);
        let mut end = None;
        let year_skip = ws
            .first()
            .is_some_and(|w| w.text.len() == 4 && w.text.chars().all(|c| c.is_ascii_digit()));
        for (k, w) in ws.iter().enumerate().skip(usize::from(year_skip)) {
            let gap = &line.text[end.map(|(_, e)| e).unwrap_or(w.start)..w.start];
            if !w.is_capitalised() || gap.contains(|c: char| !is_space(c)) || k > 6 {
                break;
            }
            end = Some((end.map(|(s, _)| s).unwrap_or(w.start), w.end));
        }
        if let Some(span) = end {
            return Some(span);
        }
    }
    None
}

pub fn extract(lines: &[Line]) -> Meta {
    let mut meta = Meta::default();
    for line in lines {
        match line.kind {
            LineKind::Title if meta.title.is_none() => {
                let off = value_offset(&line.text);
                meta.title = Some(line.text[off..].to_string());
                meta.provenance.title = Some(evidence(line, off, line.text.len()));
            }
            LineKind::Dek if meta.dek.is_none() => {
                // Markdown emphasis around a standfirst is markup, not text.
                let inner = line.text.trim_matches(|c| c == '*' || c == '_');
                let off = line.text.find(inner).unwrap_or(0);
                meta.dek = Some(inner.to_string());
                meta.provenance.dek = Some(evidence(line, off, off + inner.len()));
            }
            LineKind::Byline => parse_byline(line, &mut meta),
            _ => {}
        }
    }
    // A dateline in the first paragraph names the agency.
    if let Some(first) = lines.iter().find(|l| l.kind == LineKind::Paragraph) {
        if let Some((_, Some((a, b)))) = dateline(&first.text) {
            if meta.outlet.is_none() {
                meta.outlet = Some(first.text[a..b].to_string());
                meta.provenance.outlet = Some(evidence(first, a, b));
            }
        }
    }
    // An author bio names the author.
    if meta.author.is_none() {
        if let Some(line) = lines.iter().find(|l| l.kind == LineKind::Bio) {
            if let Some((a, b)) = bio_name(&line.text) {
                meta.author = Some(line.text[a..b].to_string());
                meta.provenance.author = Some(evidence(line, a, b));
            }
        }
    }
    // Site chrome may name the outlet ("privacy policy of …", "© 2026 …").
    if meta.outlet.is_none() {
        for line in lines.iter().filter(|l| {
            matches!(
                l.kind,
                LineKind::Boilerplate | LineKind::Bio | LineKind::Byline
            )
        }) {
            if let Some((a, b)) = outlet_after_cue(line) {
                meta.outlet = Some(line.text[a..b].to_string());
                meta.provenance.outlet = Some(evidence(line, a, b));
                break;
            }
        }
    }
    meta
}
