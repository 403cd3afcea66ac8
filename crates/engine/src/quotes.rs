//! Stage 9b: quote drift. The same words of one speaker, quoted by two outlets of one story, are
//! compared word by word; a word changed, inserted or dropped inside the quotation is a
//! disagreement the reader should see side by side ("what have you guys been debating" against
//! "what have you guys been doing").
//!
//! Two quotations are the same quote when they share a run of at least [`MIN_RUN`] words, at
//! least [`MIN_SHARED`] words in all and at least half the words of the shorter one, and at each
//! end at most one of them goes on (or both, by at most [`MAX_GAP`] differing words). Trimming is not drift: a quote that starts later or
//! stops sooner than the other (an excerpt) differs only at one side's edge. Drift is a gap
//! inside the shared words where either side has words the other lacks, or an edge where both
//! sides go on with different words; gaps longer than [`MAX_GAP`] words are a different passage,
//! not a changed word. Case and punctuation are not compared.

use crate::model::{Line, LineKind};
use crate::text::{fold, words, FastMap};

/// Shared consecutive words two quotations need to be the same quote.
pub const MIN_RUN: usize = 4;
/// Shared words in all two quotations need to be the same quote (a four-word formula such as
/// "not going to pay" is not enough on its own).
pub const MIN_SHARED: usize = 6;
/// Longest run of differing words still read as a changed wording.
pub const MAX_GAP: usize = 3;
/// Longest quotation compared, in words (longer ones are compared by their first words).
const MAX_WORDS: usize = 160;
/// Quotations sharing a word triple with more quotations than this do not propose pairs from it
/// (a formula every article repeats).
const POSTING_CAP: usize = 64;

/// A quotation: its words as document byte spans, and their folded forms.
#[derive(Debug, Clone)]
pub struct Quote {
    spans: Vec<(usize, usize)>,
    folded: Vec<String>,
    /// Whether each word starts with a capital (a name or title).
    capital: Vec<bool>,
}

impl Quote {
    /// The words of `text` (at byte `base` of its document), contractions spelt out ("we've" is
    /// "we have", "I'd" is "I would") and stops dropped ("F.B.I." is "FBI"), so that a house
    /// style is not read as a changed word.
    fn read(text: &str, base: usize) -> Quote {
        let mut quote = Quote {
            spans: Vec::new(),
            folded: Vec::new(),
            capital: Vec::new(),
        };
        for w in words(text, base).into_iter() {
            if quote.folded.len() >= MAX_WORDS {
                break;
            }
            let span = (w.start, w.end);
            let capital = w.text.starts_with(char::is_uppercase);
            let mut push = |folded: String| {
                quote.spans.push(span);
                quote.folded.push(folded);
                quote.capital.push(capital);
            };
            let split = w
                .text
                .char_indices()
                .find(|(_, c)| *c == '\'' || *c == '’')
                .and_then(|(i, c)| {
                    let tail = &w.text[i + c.len_utf8()..];
                    CONTRACTIONS
                        .iter()
                        .find(|(short, _)| short.eq_ignore_ascii_case(tail))
                        .map(|(_, long)| (&w.text[..i], *long))
                });
            match split {
                Some((head, long)) => {
                    push(fold(head));
                    push(long.to_string());
                }
                None => push(fold(w.text).replace('.', "")),
            }
        }
        quote
    }
}

/// Contractions spelt out when quotations are compared.
const CONTRACTIONS: [(&str, &str); 5] = [
    ("ve", "have"),
    ("re", "are"),
    ("ll", "will"),
    ("d", "would"),
    ("m", "am"),
];

/// The quotations of one document, in order: the words between a pair of quotation marks, or from
/// an opening mark to the end of its paragraph when the quote runs on.
pub fn quotations(lines: &[Line]) -> Vec<Quote> {
    let mut out = Vec::new();
    for line in lines.iter().filter(|l| {
        matches!(
            l.kind,
            LineKind::Paragraph | LineKind::ListItem | LineKind::PullQuote
        )
    }) {
        let text: &str = &line.text;
        let mut open: Option<usize> = None;
        let mut push = |from: usize, to: usize| {
            let quote = Quote::read(&text[from..to], line.start + from);
            if quote.folded.len() >= MIN_RUN {
                out.push(quote);
            }
        };
        for (i, c) in text.char_indices() {
            let after = i + c.len_utf8();
            match c {
                '“' => open = Some(after),
                '”' => {
                    if let Some(from) = open.take() {
                        push(from, i);
                    }
                }
                '"' => match open.take() {
                    Some(from) => push(from, i),
                    None => open = Some(after),
                },
                _ => {}
            }
        }
        if let Some(from) = open {
            push(from, text.len());
        }
    }
    out
}

/// Where two quotations of the same words differ: byte spans of the differing words on each
/// side (either may be empty when the other side inserted words), and the longest shared run
/// on each side.
#[derive(Debug, Clone, PartialEq)]
pub struct Drift {
    pub differs: [Vec<(usize, usize)>; 2],
    pub shared: [(usize, usize); 2],
    /// A byte offset on each side where the drift is, to find the claims that hold it.
    pub at: [usize; 2],
    /// Shared words over the longer quotation's words, in (0, 1].
    pub overlap: f32,
}

/// The drift between `a` and `b`, if they are the same quote worded differently.
pub fn compare(a: &Quote, b: &Quote) -> Option<Drift> {
    let (n, m) = (a.folded.len(), b.folded.len());
    // Longest common subsequence of words.
    let mut table = vec![0u16; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[at(i, j)] = if a.folded[i] == b.folded[j] {
                table[at(i + 1, j + 1)] + 1
            } else {
                table[at(i + 1, j)].max(table[at(i, j + 1)])
            };
        }
    }
    let mut matches = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if a.folded[i] == b.folded[j] {
            matches.push((i, j));
            i += 1;
            j += 1;
        } else if table[at(i + 1, j)] >= table[at(i, j + 1)] {
            i += 1;
        } else {
            j += 1;
        }
    }
    // Runs of consecutive shared words; a lone shared word ("the", "and") between differing
    // passages is chance, not the same words.
    let mut runs: Vec<(usize, usize)> = Vec::new(); // (first match, length)
    for k in 0..matches.len() {
        let joins =
            k > 0 && matches[k].0 == matches[k - 1].0 + 1 && matches[k].1 == matches[k - 1].1 + 1;
        match runs.last_mut() {
            Some(run) if joins => run.1 += 1,
            _ => runs.push((k, 1)),
        }
    }
    let (best_at, best) = runs
        .iter()
        .max_by_key(|&&(k, len)| (len, std::cmp::Reverse(k)))
        .map(|&(k, len)| (matches[k], len))
        .unwrap_or(((0, 0), 0));
    if best < MIN_RUN {
        return None;
    }
    // A lone shared word is kept only between small gaps, or where one quote starts or ends:
    // "been debating, John?" against "been doing, John?".
    let last = runs.len() - 1;
    let lone_kept = |r: usize| {
        let (i, j) = matches[runs[r].0];
        let small = |(i1, j1): (usize, usize), (i2, j2): (usize, usize)| {
            i2 - i1 - 1 <= MAX_GAP && j2 - j1 - 1 <= MAX_GAP
        };
        let before = if r == 0 {
            i == 0 || j == 0
        } else {
            small(matches[runs[r - 1].0 + runs[r - 1].1 - 1], (i, j))
        };
        let after = if r == last {
            i == n - 1 || j == m - 1
        } else {
            small((i, j), matches[runs[r + 1].0])
        };
        before && after
    };
    let matches: Vec<(usize, usize)> = runs
        .iter()
        .enumerate()
        .filter(|&(r, &(_, len))| len >= 2 || lone_kept(r))
        .flat_map(|(_, &(k, len))| matches[k..k + len].iter().copied())
        .collect();
    if matches.len() < MIN_SHARED || matches.len() * 2 < n.min(m) {
        return None;
    }
    // Gaps: (words of a, words of b) between consecutive matches, and at both edges only when
    // both sides go on.
    let mut gaps: Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> = Vec::new();
    let (fi, fj) = matches[0];
    if fi > 0 && fj > 0 && fi <= MAX_GAP && fj <= MAX_GAP {
        gaps.push((0..fi, 0..fj));
    }
    for w in matches.windows(2) {
        let ((i1, j1), (i2, j2)) = (w[0], w[1]);
        let (di, dj) = (i2 - i1 - 1, j2 - j1 - 1);
        if (di > 0 || dj > 0) && di <= MAX_GAP && dj <= MAX_GAP {
            gaps.push((i1 + 1..i2, j1 + 1..j2));
        }
    }
    let (li, lj) = matches[matches.len() - 1];
    let (ri, rj) = (n - li - 1, m - lj - 1);
    // Between its first and last shared word, most of each side must be shared: two speakers'
    // sentences that meet on a few words ("not going to pay … for … wall") are not one quote.
    let inside = matches.len();
    if (li + 1 - fi) > inside + inside / 2 || (lj + 1 - fj) > inside + inside / 2 {
        return None;
    }
    // Both going on with different words at an edge is two passages that share a formula ("we
    // will do whatever it takes to …"), not one quotation.
    if fi.min(fj) > MAX_GAP || ri.min(rj) > MAX_GAP {
        return None;
    }
    if ri > 0 && rj > 0 && ri <= MAX_GAP && rj <= MAX_GAP {
        gaps.push((li + 1..n, lj + 1..m));
    }
    // House style is not drift: a name spelt or transliterated otherwise ("Moammar Gadhafi"), a
    // title abbreviated ("Sen." for "Senator").
    gaps.retain(|(ra, rb)| {
        // Every word capitalised, or a short particle of a name ("al", "bin", "de").
        let name_word = |q: &Quote, k: usize| q.capital[k] || q.folded[k].len() <= 3;
        let names = ra.clone().any(|k| a.capital[k])
            && rb.clone().any(|k| b.capital[k])
            && ra.clone().all(|k| name_word(a, k))
            && rb.clone().all(|k| name_word(b, k));
        let abbreviated = ra.len() == 1 && rb.len() == 1 && {
            let (x, y) = (&a.folded[ra.start], &b.folded[rb.start]);
            x.len() >= 2
                && y.len() >= 2
                && (x.starts_with(y.as_str()) || y.starts_with(x.as_str()))
                && a.capital[ra.start]
                && b.capital[rb.start]
        };
        !names && !abbreviated
    });
    let (ga, gb) = gaps.first()?.clone();
    // Where the drift is: its first differing word, or the shared word before an insertion.
    let here = |q: &Quote, r: &std::ops::Range<usize>| {
        q.spans[if r.is_empty() {
            r.start.saturating_sub(1)
        } else {
            r.start
        }]
        .0
    };
    let spans = |q: &Quote, k: usize| -> Vec<(usize, usize)> {
        gaps.iter()
            .flat_map(|g| if k == 0 { g.0.clone() } else { g.1.clone() })
            .map(|x| q.spans[x])
            .collect()
    };
    let run = |q: &Quote, first: usize, last: usize| (q.spans[first].0, q.spans[last].1);
    let (s, e) = (best_at, (best_at.0 + best - 1, best_at.1 + best - 1));
    Some(Drift {
        differs: [spans(a, 0), spans(b, 1)],
        shared: [run(a, s.0, e.0), run(b, s.1, e.1)],
        at: [here(a, &ga), here(b, &gb)],
        overlap: matches.len() as f32 / n.max(m) as f32,
    })
}

/// Every pair of drifted quotations between documents of one story: (document, document,
/// drift), the first document before the second. `quotes[d]` are document `d`'s quotations and
/// `story_of[d]` its story.
pub fn drifts(quotes: &[Vec<Quote>], story_of: &[usize]) -> Vec<(usize, usize, Drift)> {
    // Candidate pairs share a triple of consecutive words.
    let mut by_triple: FastMap<[&str; 3], Vec<(usize, usize)>> = FastMap::default();
    for (d, qs) in quotes.iter().enumerate() {
        for (k, q) in qs.iter().enumerate() {
            for w in q.folded.windows(3) {
                let key = [w[0].as_str(), w[1].as_str(), w[2].as_str()];
                let list = by_triple.entry(key).or_default();
                if list.last() != Some(&(d, k)) {
                    list.push((d, k));
                }
            }
        }
    }
    let mut pairs: Vec<((usize, usize), (usize, usize))> = Vec::new();
    for list in by_triple.values() {
        if list.len() > POSTING_CAP {
            continue;
        }
        for (x, p) in list.iter().enumerate() {
            for q in &list[x + 1..] {
                if p.0 != q.0 && story_of[p.0] == story_of[q.0] {
                    pairs.push((*p.min(q), *p.max(q)));
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
        .into_iter()
        .filter_map(|(p, q)| {
            compare(&quotes[p.0][p.1], &quotes[q.0][q.1]).map(|drift| (p.0, q.0, drift))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(s: &str) -> Quote {
        Quote::read(s, 0)
    }

    fn differing<'a>(s: &'a str, d: &Drift, side: usize) -> Vec<&'a str> {
        d.differs[side].iter().map(|&(a, b)| &s[a..b]).collect()
    }

    #[test]
    fn a_changed_word_inside_a_quote_is_drift() {
        let (a, b) = (
            "What have you guys been debating, John?",
            "In the House, what have you guys been doing, John?",
        );
        let d = compare(&quote(a), &quote(b)).expect("drift");
        assert_eq!(differing(a, &d, 0), ["debating"]);
        assert_eq!(differing(b, &d, 1), ["doing"]);
        assert_eq!(&a[d.shared[0].0..d.shared[0].1], "What have you guys been");
    }

    #[test]
    fn an_inserted_word_and_a_changed_last_word_are_drift() {
        let (a, b) = (
            "now these (local) supervisors have too much discretion.",
            "Now these supervisors have too much discretion. It seems to me",
        );
        let d = compare(&quote(a), &quote(b)).expect("drift");
        assert_eq!(differing(a, &d, 0), ["local"]);
        assert!(d.differs[1].is_empty());
        let (a, b) = (
            "they cannot believe what they're finding",
            "Well, they cannot believe what they're talking",
        );
        let d = compare(&quote(a), &quote(b)).expect("drift");
        assert_eq!(differing(a, &d, 0), ["finding"]);
        assert_eq!(differing(b, &d, 1), ["talking"]);
    }

    #[test]
    fn trims_case_and_punctuation_are_not_drift() {
        for (a, b) in [
            (
                "You know I'm not going to answer that question today",
                "I'm not going to answer that question",
            ),
            (
                "the Mainstream Media got it wrong again",
                "the mainstream media got it wrong again!",
            ),
        ] {
            assert_eq!(compare(&quote(a), &quote(b)), None, "{a} / {b}");
        }
    }

    #[test]
    fn house_style_is_not_drift() {
        for (a, b) in [
            (
                "Sen. Reid respects that but thinks that the mosque should be built elsewhere",
                "Senator Reid respects that but thinks that the mosque should be built elsewhere",
            ),
            (
                "We've done it in the past and we'll do it again, said the F.B.I. agent",
                "We have done it in the past and we will do it again, said the FBI agent",
            ),
            (
                "now it looks like Muammar al Qaddafi is going to stay in power",
                "now it looks like Moammar Gadhafi is going to stay in power",
            ),
        ] {
            assert_eq!(compare(&quote(a), &quote(b)), None, "{a} / {b}");
        }
        // A plural is a changed word, not style.
        let d = compare(
            &quote("our kids can't openly celebrate Christmas or pray in the pew"),
            &quote("our kids can't openly celebrate Christmas or pray in the pews"),
        );
        assert!(d.is_some());
    }

    #[test]
    fn different_quotes_sharing_a_formula_are_not_compared() {
        let (a, b) = (
            "we will do whatever it takes to protect the valley and its farms from the water",
            "we will do whatever it takes to win the election in November, and then some more",
        );
        assert_eq!(compare(&quote(a), &quote(b)), None);
    }
}
