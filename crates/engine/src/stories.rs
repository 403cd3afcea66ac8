//! Stage 9a: documents told apart into stories, so that claims about different events are never
//! linked.
//!
//! A folder may hold several unrelated stories that share people, offices and the words of
//! politics ("the prime minister said on Monday"); two of their claims can share a phrase without
//! being about the same thing. Documents are compared as wholes: by the words, names and telling
//! word pairs of their claims, each weighted by how few documents of the corpus use it (idf), so
//! that what one story's articles share and the others do not decides. A small corpus cannot tell a common word from a
//! telling one (in three articles on one event, every word is in one, two or three of them), so
//! idf is taken as if the corpus had at least [`MIN_DOCUMENTS`] documents, the missing ones using
//! none of the terms: in a small corpus every word counts as rare, and only stop words (never
//! terms) are discounted.
//!
//! Stories are grown by average linkage: two groups of documents join while the mean similarity
//! over all their pairs of documents is at least [`STORY_MIN`]. Average, not single, linkage, so
//! that a chain of look-alike stories (one party's politics, week after week) does not become one
//! story through its closest pair.
//!
//! Word pairs are what tells one event from its neighbours: articles of one campaign share its
//! people and its vocabulary ("Lib Dems", "tax", "spending"), articles of one event also share its
//! phrases ("ask the Queen", "paid maternity leave"). With pairs counted, the links between 40 BBC
//! stories of one campaign season that join different events fell from 35 to 8, and the pairs of
//! the 240 BASIL articles read together that are put in the wrong story from 96 to 44.
//!
//! Calibrated on the 80 three-outlet stories of the devset's BASIL set, each read alone (none may
//! split) and mixed (none may join), and on 40 unrelated BBC politics stories; `make eval` prints
//! the result.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use crate::text::FastMap;

/// Mean document similarity from which two groups are one story.
pub const STORY_MIN: f32 = 0.07;
/// Idf is computed as if the corpus had at least this many documents.
pub const MIN_DOCUMENTS: f32 = 50.0;
/// Terms in more documents than this are left out of the documents' dot products (not of their
/// norms), so the work grows with shared rare terms, not with all pairs of documents.
const POSTING_CAP: usize = 256;

/// The story of each document, numbered from 0 in order of each story's first document.
/// `bags[d]` holds document `d`'s terms as (term, number of its claims that use the term), sorted
/// by term; `terms` is one more than the largest term.
pub fn stories(bags: &[Vec<(u32, u32)>], terms: usize) -> Vec<usize> {
    let n = bags.len();
    let mut df = vec![0u32; terms];
    for bag in bags {
        for (t, _) in bag {
            df[*t as usize] += 1;
        }
    }
    let documents = (n as f32).max(MIN_DOCUMENTS);
    let weighted: Vec<Vec<(u32, f32)>> = bags
        .iter()
        .map(|bag| {
            bag.iter()
                .map(|&(t, tf)| {
                    let idf = (1.0 + documents / df[t as usize].max(1) as f32).ln();
                    (t, (1.0 + (tf.max(1) as f32).ln()) * idf)
                })
                .collect()
        })
        .collect();
    let norms: Vec<f32> = weighted
        .iter()
        .map(|v| v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt())
        .collect();

    // Dot products accumulated over the postings of the terms in at most [`POSTING_CAP`]
    // documents: exact for a corpus of up to that many documents. Past it, a term in more
    // documents than that counts in the norms but not in the dot products, so similarities come
    // out lower and a very large corpus on one event may be read as several stories (the cost of
    // the exact sum grows with the square of the documents).
    let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); terms];
    for (d, v) in weighted.iter().enumerate() {
        for &(t, w) in v {
            postings[t as usize].push((d as u32, w));
        }
    }
    let mut similar: Vec<(usize, usize, f32)> = Vec::new();
    let mut acc = vec![0f32; n];
    let mut touched: Vec<usize> = Vec::new();
    for (a, v) in weighted.iter().enumerate() {
        for &(t, w) in v {
            let list = &postings[t as usize];
            if list.len() > POSTING_CAP {
                continue;
            }
            for &(b, wb) in list {
                let b = b as usize;
                if b <= a {
                    continue;
                }
                if acc[b] == 0.0 {
                    touched.push(b);
                }
                acc[b] += w * wb;
            }
        }
        for &b in &touched {
            let s = acc[b] / (norms[a] * norms[b]).max(f32::EPSILON);
            if s > 0.0 {
                similar.push((a, b, s));
            }
            acc[b] = 0.0;
        }
        touched.clear();
    }
    average_linkage(n, &similar, STORY_MIN)
}

/// A merge waiting in the queue: (mean similarity as ordered bits, first group, second group, the
/// groups' versions when it was queued); similarities are never negative, so their bits order as
/// the values do, and the smaller groups come first among equals.
type Merge = (u32, Reverse<usize>, Reverse<usize>, u32, u32);

/// Groups of `n` items joined, best first, while the mean similarity over all pairs of the two
/// groups is at least `min` (a pair not in `similar` counts as 0). Returns each item's group,
/// numbered in order of each group's first item.
pub(crate) fn average_linkage(n: usize, similar: &[(usize, usize, f32)], min: f32) -> Vec<usize> {
    // Sum of similarities between live groups, keyed by the other group.
    let mut between: Vec<FastMap<usize, f32>> = vec![FastMap::default(); n];
    for &(a, b, s) in similar {
        *between[a].entry(b).or_insert(0.0) += s;
        *between[b].entry(a).or_insert(0.0) += s;
    }
    let mut size = vec![1usize; n];
    let mut version = vec![0u32; n];
    let mut group: Vec<usize> = (0..n).collect();
    let mut queue: BinaryHeap<Merge> = BinaryHeap::new();
    let push = |queue: &mut BinaryHeap<_>,
                a: usize,
                b: usize,
                sum: f32,
                size: &[usize],
                version: &[u32]| {
        let (a, b) = (a.min(b), a.max(b));
        let mean = sum / (size[a] * size[b]) as f32;
        if mean >= min {
            queue.push((
                mean.to_bits(),
                Reverse(a),
                Reverse(b),
                version[a],
                version[b],
            ));
        }
    };
    for (a, others) in between.iter().enumerate() {
        for (&b, &sum) in others {
            if a < b {
                push(&mut queue, a, b, sum, &size, &version);
            }
        }
    }
    while let Some((_, Reverse(a), Reverse(b), va, vb)) = queue.pop() {
        if group[a] != a || group[b] != b || version[a] != va || version[b] != vb {
            continue;
        }
        // Fold b into a.
        let from_b = std::mem::take(&mut between[b]);
        between[a].remove(&b);
        for (c, sum) in from_b {
            if c == a {
                continue;
            }
            between[c].remove(&b);
            *between[c].entry(a).or_insert(0.0) += sum;
            *between[a].entry(c).or_insert(0.0) += sum;
        }
        size[a] += size[b];
        group[b] = a;
        version[a] += 1;
        version[b] += 1;
        let mut others: Vec<(usize, f32)> = between[a].iter().map(|(c, s)| (*c, *s)).collect();
        others.sort_unstable_by_key(|(c, _)| *c);
        for (c, sum) in others {
            push(&mut queue, a, c, sum, &size, &version);
        }
    }
    // Each item's live group, then groups numbered by first item.
    let mut numbered = vec![usize::MAX; n];
    let mut next = 0;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let mut g = i;
        while group[g] != g {
            g = group[g];
        }
        // Point every item on the way at its group, so no chain is walked twice.
        let mut x = i;
        while group[x] != g {
            let next = group[x];
            group[x] = g;
            x = next;
        }
        if numbered[g] == usize::MAX {
            numbered[g] = next;
            next += 1;
        }
        out.push(numbered[g]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chain_of_look_alikes_is_not_one_story() {
        // 0–1 and 2–3 are close pairs; 1–2 is as close as the pairs, but 0–2, 0–3 and 1–3 are
        // unrelated, so the groups {0,1} and {2,3} have a low mean and stay apart.
        let similar = [(0, 1, 0.6), (2, 3, 0.6), (1, 2, 0.5)];
        assert_eq!(average_linkage(4, &similar, 0.15), vec![0, 0, 1, 1]);
        // With the bridge as strong as both pairs together, they are one story.
        let similar = [
            (0, 1, 0.6),
            (2, 3, 0.6),
            (1, 2, 0.6),
            (0, 2, 0.3),
            (1, 3, 0.3),
        ];
        assert_eq!(average_linkage(4, &similar, 0.15), vec![0, 0, 0, 0]);
    }

    #[test]
    fn documents_sharing_their_rare_terms_are_one_story() {
        // Terms 0–9 are one event's names and words, 10–19 another's; 20 ("minister") is in
        // every document. Each document uses most of its event's terms and, as real articles
        // do, a dozen words and phrases of its own.
        let doc = |event: u32, skip: u32, own: u32| -> Vec<(u32, u32)> {
            let mut v: Vec<(u32, u32)> = (0..10)
                .filter(|k| k % 3 != skip)
                .map(|k| (event * 10 + k, 1))
                .chain([(20, 2)])
                .chain((own..own + 12).map(|t| (t, 1)))
                .collect();
            v.sort_unstable();
            v
        };
        let bags = vec![
            doc(0, 0, 30),
            doc(0, 1, 50),
            doc(1, 0, 70),
            doc(1, 2, 90),
            doc(0, 2, 110),
        ];
        assert_eq!(stories(&bags, 130), vec![0, 0, 1, 1, 0]);
    }

    #[test]
    fn a_document_with_nothing_shared_is_its_own_story() {
        let bags = vec![vec![(0, 1)], vec![(1, 1)], vec![]];
        assert_eq!(stories(&bags, 2), vec![0, 1, 2]);
        assert_eq!(stories(&[], 0), Vec::<usize>::new());
    }
}
