//! Stage 9: links between claims of different documents, and the clusters they form.
//!
//! Candidate pairs come from an inverted index over weighted terms (content-word stems, word
//! pairs and entities), so the work grows with the number of shared rare terms, not with all
//! pairs of claims. A pair is scored by the cosine of its idf-weighted term sets; a shared term
//! that one claim negates and the other does not makes the pair a dispute.

use std::collections::HashMap;

use crate::model::{Claim, Cluster, Link, Relation};
use crate::text::{fold, words};
use crate::vocab::vocab;

/// Below this score two claims are not linked at all.
pub const RELATED_MIN: f32 = 0.22;
/// From this score, claims with the same polarity agree.
pub const AGREES_MIN: f32 = 0.32;
/// From this score, claims of opposite polarity on a shared term dispute each other.
pub const DISPUTES_MIN: f32 = 0.22;
/// Each claim keeps at most this many links, best first.
pub const MAX_LINKS_PER_CLAIM: usize = 6;
/// Terms in more claims than this do not generate candidates (they still score).
pub const POSTING_CAP: usize = 200;

/// A crude English stem that makes "normalization", "normalizing" and "normalisation" meet.
pub fn stem(word: &str) -> String {
    let mut w = fold(word).replace("isation", "ization").replace("ise", "ize");
    for suffix in ["ization", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s", "ly", "e"] {
        if w.len() > suffix.len() + 3 && w.ends_with(suffix) && !(suffix == "s" && (w.ends_with("ss") || w.ends_with("us") || w.ends_with("is"))) {
            w.truncate(w.len() - suffix.len());
            if suffix == "ies" || suffix == "ied" {
                w.push('y');
            }
            if suffix == "ization" {
                w.push_str("iz");
            }
            break;
        }
    }
    w
}

struct Terms {
    /// term id → (weight boost, span of the term in the source, negated in this claim)
    terms: HashMap<u32, (f32, (usize, usize), bool)>,
}

fn negators() -> &'static [String] {
    &vocab().negations
}

fn claim_terms(claim: &Claim, intern: &mut HashMap<String, u32>) -> Terms {
    let v = vocab();
    let mut terms = HashMap::new();
    let id = |s: String, intern: &mut HashMap<String, u32>| {
        let n = intern.len() as u32;
        *intern.entry(s).or_insert(n)
    };
    let ws = words(&claim.text, claim.start);
    let mut last_negation: Option<usize> = None;
    let mut content: Vec<(String, (usize, usize), usize, bool)> = Vec::new();
    for (k, w) in ws.iter().enumerate() {
        let lw = fold(w.text);
        // clause punctuation between words resets negation
        if k > 0 {
            let gap = &claim.text[ws[k - 1].end - claim.start..w.start - claim.start];
            if gap.contains([',', ';', ':', '—']) {
                last_negation = None;
            }
        }
        if negators().iter().any(|n| *n == lw) || lw.ends_with("nt") && w.text.contains(['\'', '’']) {
            last_negation = Some(k);
            continue;
        }
        if lw.len() < 3 || v.stopwords.contains(&lw) || lw.chars().all(|c| c.is_ascii_digit() || c == ',') {
            continue;
        }
        let negated = last_negation.is_some_and(|n| k - n <= 4);
        content.push((stem(w.text), (w.start, w.end), k, negated));
    }
    for (s, span, _, neg) in &content {
        let t = id(s.clone(), intern);
        let e = terms.entry(t).or_insert((1.0, *span, *neg));
        e.2 |= *neg;
    }
    for pair in content.windows(2) {
        if pair[1].2 - pair[0].2 <= 3 {
            let t = id(format!("{} {}", pair[0].0, pair[1].0), intern);
            let neg = pair[0].3 || pair[1].3;
            let e = terms.entry(t).or_insert((1.6, (pair[0].1 .0, pair[1].1 .1), neg));
            e.2 |= neg;
        }
    }
    for e in &claim.entities {
        let t = id(format!("entity:{e}"), intern);
        terms.entry(t).or_insert((0.8, (claim.start, claim.start), false));
    }
    Terms { terms }
}

/// Fills `claim.related` for every claim, and returns the clusters of linked claims.
/// `document_of[i]` is the index into `document_ids` of `claims[i]`'s document.
pub fn link(claims: &mut [Claim], document_of: &[usize], document_ids: &[String]) -> Vec<Cluster> {
    let mut intern: HashMap<String, u32> = HashMap::new();
    let all: Vec<Terms> = claims.iter().map(|c| claim_terms(c, &mut intern)).collect();
    let names: Vec<String> = {
        let mut v = vec![String::new(); intern.len()];
        for (k, i) in &intern {
            v[*i as usize] = k.clone();
        }
        v
    };
    let n = claims.len();
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); intern.len()];
    for (c, t) in all.iter().enumerate() {
        for term in t.terms.keys() {
            postings[*term as usize].push(c as u32);
        }
    }
    let idf: Vec<f32> = postings.iter().map(|p| ((n as f32 + 1.0) / (p.len() as f32 + 0.5)).ln().max(0.0)).collect();
    let weight = |t: u32, boost: f32| idf[t as usize] * boost;
    let norms: Vec<f32> = all.iter().map(|t| t.terms.iter().map(|(k, (b, _, _))| weight(*k, *b).powi(2)).sum::<f32>().sqrt()).collect();

    let mut acc = vec![0f32; n];
    let mut touched: Vec<u32> = Vec::new();
    let mut links: Vec<Vec<(usize, Relation, f32, Vec<u32>)>> = vec![Vec::new(); n];
    for a in 0..n {
        touched.clear();
        for (term, (boost, _, _)) in &all[a].terms {
            let list = &postings[*term as usize];
            if list.len() > POSTING_CAP || list.len() < 2 {
                continue;
            }
            let w = weight(*term, *boost).powi(2);
            for &b in list {
                let b = b as usize;
                if b <= a || document_of[b] == document_of[a] {
                    continue;
                }
                if acc[b] == 0.0 {
                    touched.push(b as u32);
                }
                acc[b] += w;
            }
        }
        for &b in &touched {
            let b = b as usize;
            let score = acc[b] / (norms[a] * norms[b]).max(f32::EPSILON);
            acc[b] = 0.0;
            if score < RELATED_MIN.min(DISPUTES_MIN) {
                continue;
            }
            let mut shared: Vec<(u32, f32)> = all[a]
                .terms
                .iter()
                .filter(|(t, _)| all[b].terms.contains_key(t))
                .map(|(t, (boost, _, _))| (*t, weight(*t, *boost)))
                .filter(|(_, w)| *w > 0.0)
                .collect();
            shared.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
            let content_shared = shared.iter().filter(|(t, _)| !names[*t as usize].starts_with("entity:")).count();
            if content_shared < 2 {
                continue;
            }
            // Polarity: a telling shared term negated on one side only.
            let conflict = shared.iter().take(4).any(|(t, _)| all[a].terms[t].2 != all[b].terms[t].2);
            let relation = if conflict && score >= DISPUTES_MIN {
                Relation::Disputes
            } else if score >= AGREES_MIN {
                Relation::Agrees
            } else if score >= RELATED_MIN {
                Relation::Related
            } else {
                continue;
            };
            let ids: Vec<u32> = shared.iter().take(5).map(|(t, _)| *t).collect();
            links[a].push((b, relation, score, ids.clone()));
            links[b].push((a, relation, score, ids));
        }
    }

    // Keep the best links per claim, then make the kept set symmetric.
    let mut keep: Vec<Vec<(usize, Relation, f32, Vec<u32>)>> = links
        .into_iter()
        .map(|mut l| {
            l.sort_by(|x, y| y.2.total_cmp(&x.2).then(x.0.cmp(&y.0)));
            l.truncate(MAX_LINKS_PER_CLAIM);
            l
        })
        .collect();
    let kept: std::collections::HashSet<(usize, usize)> = keep
        .iter()
        .enumerate()
        .flat_map(|(a, l)| l.iter().map(move |(b, ..)| (a, *b)))
        .collect();
    for (a, l) in keep.iter_mut().enumerate() {
        l.retain(|(b, ..)| kept.contains(&(*b, a)));
    }

    let surface = |c: usize, t: u32| -> String {
        let (s, e) = all[c].terms[&t].1;
        let claim = &claims[c];
        if e > s {
            claim.text[s - claim.start..e - claim.start].to_string()
        } else {
            names[t as usize].trim_start_matches("entity:").to_string()
        }
    };
    let mut shared_text: Vec<Vec<Vec<String>>> = Vec::with_capacity(n);
    for (a, l) in keep.iter().enumerate() {
        shared_text.push(l.iter().map(|(_, _, _, ids)| ids.iter().map(|t| surface(a, *t)).collect()).collect());
    }

    // Clusters: connected components over agreeing and disputing links.
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], x: usize) -> usize {
        let mut r = x;
        while p[r] != r {
            r = p[r];
        }
        let mut y = x;
        while p[y] != r {
            let next = p[y];
            p[y] = r;
            y = next;
        }
        r
    }
    for (a, l) in keep.iter().enumerate() {
        for (b, rel, ..) in l {
            if *rel != Relation::Related {
                let (ra, rb) = (find(&mut parent, a), find(&mut parent, *b));
                if ra != rb {
                    parent[ra.max(rb)] = ra.min(rb);
                }
            }
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for c in 0..n {
        if keep[c].iter().any(|(_, r, ..)| *r != Relation::Related) {
            let root = find(&mut parent, c);
            groups.entry(root).or_default().push(c);
        }
    }
    let mut clusters: Vec<(usize, Vec<usize>)> = groups.into_iter().collect();
    clusters.sort_by_key(|(root, members)| (std::cmp::Reverse(members.len()), *root));

    let mut out = Vec::new();
    for (members, ..) in clusters.iter().map(|(_, m)| (m, ())) {
        let mut docs: Vec<usize> = members.iter().map(|c| document_of[*c]).collect();
        docs.sort_unstable();
        docs.dedup();
        if docs.len() < 2 {
            continue;
        }
        // Label: the shared term with the most weight across the cluster's links.
        let mut votes: HashMap<u32, (f32, usize)> = HashMap::new();
        for &a in members {
            for (_, rel, score, ids) in &keep[a] {
                if *rel == Relation::Related {
                    continue;
                }
                for (rank, t) in ids.iter().enumerate() {
                    let e = votes.entry(*t).or_insert((0.0, a));
                    let bigram = names[*t as usize].contains(' ') as u8 as f32;
                    e.0 += score * (1.0 + 0.5 * bigram) / (rank as f32 + 1.0);
                }
            }
        }
        let label = votes
            .iter()
            .filter(|(t, _)| !names[**t as usize].starts_with("entity:"))
            .max_by(|x, y| x.1 .0.total_cmp(&y.1 .0).then(y.0.cmp(x.0)))
            .map(|(t, (_, c))| surface(*c, *t))
            .unwrap_or_default();
        out.push(Cluster {
            id: format!("m{}", out.len() + 1),
            label,
            claims: members.iter().map(|c| claims[*c].id.clone()).collect(),
            documents: docs.iter().map(|d| document_ids[*d].clone()).collect(),
        });
    }

    for (a, l) in keep.into_iter().enumerate() {
        let related = l
            .into_iter()
            .enumerate()
            .map(|(k, (b, relation, score, _))| Link {
                claim: claims[b].id.clone(),
                relation,
                score: (score * 1000.0).round() / 1000.0,
                shared: shared_text[a][k].clone(),
            })
            .collect();
        claims[a].related = related;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_meet_across_spellings() {
        assert_eq!(stem("normalization"), stem("normalisation"));
        assert_eq!(stem("normalizing"), stem("normalization"));
        assert_eq!(stem("measures"), stem("measure"));
        assert_eq!(stem("agreed"), stem("agree"));
    }
}
