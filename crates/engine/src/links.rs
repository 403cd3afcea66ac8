//! Stage 9: links between claims of different documents, and the clusters they form.
//!
//! Candidate pairs come from an inverted index over weighted terms (content-word stems, word
//! pairs and entities), so the work grows with the number of shared rare terms, not with all
//! pairs of claims. A pair is scored by the cosine of its idf-weighted term sets; a shared term
//! that one claim negates and the other does not makes the pair a dispute.

use std::collections::HashMap;

use crate::model::{Basis, Claim, Cluster, Link, Ref, Relation, Verbatim};
use crate::text::{fold, words, FastMap, FastSet, Word};
use crate::vocab::vocab;

/// Below this score two claims are not linked at all.
pub const RELATED_MIN: f32 = 0.20;
/// From this score, claims with the same polarity and at least [`AGREES_MIN_PAIRS`] shared word
/// pairs agree (say the same thing); below it they are only related.
pub const AGREES_MIN: f32 = 0.40;
/// From this score, claims of opposite polarity on a shared term dispute each other.
pub const DISPUTES_MIN: f32 = 0.30;
/// Shared word pairs needed to call two claims agreeing: one shared idiom ("red lines") is not
/// enough to say the same thing.
pub const AGREES_MIN_PAIRS: usize = 2;
/// Shared word pairs needed for any link (generic collocations such as "two countries", listed
/// in `data/generic_phrases.txt`, do not count).
pub const RELATED_MIN_PAIRS: usize = 1;
/// Candidates per claim that get a full comparison, best accumulated score first.
pub const CANDIDATES_PER_CLAIM: usize = 24;
/// Each claim keeps at most this many links, best first.
pub const MAX_LINKS_PER_CLAIM: usize = 6;
/// Terms in more claims than this do not generate candidates (they still score).
pub const POSTING_CAP: usize = 64;

/// A crude English stem that makes "normalization", "normalizing" and "normalisation" meet.
pub fn stem(word: &str) -> String {
    stem_folded(&fold(word))
}

/// [`stem`] of a word already folded ([`crate::text::fold`]).
fn stem_folded(folded: &str) -> String {
    let mut w = folded.replace("isation", "ization").replace("ise", "ize");
    for suffix in [
        "ization", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s", "ly", "e",
    ] {
        if w.len() > suffix.len() + 3
            && w.ends_with(suffix)
            && !(suffix == "s" && (w.ends_with("ss") || w.ends_with("us") || w.ends_with("is")))
        {
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

/// A claim's terms, sorted by term id so that two claims' shared terms are a merge walk.
struct Terms {
    terms: Vec<(u32, TermUse)>,
    /// The claim casts what it says as possible or unproven, so it asserts nothing another claim
    /// could deny ("in the event of signing a formal deal").
    hedged: bool,
}

impl Terms {
    fn get(&self, t: u32) -> Option<&TermUse> {
        self.terms
            .binary_search_by_key(&t, |(k, _)| *k)
            .ok()
            .map(|i| &self.terms[i].1)
    }
}

/// Terms two claims share, with both sides' uses.
fn shared_terms<'t>(a: &'t Terms, b: &'t Terms) -> Vec<(u32, &'t TermUse, &'t TermUse)> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < a.terms.len() && j < b.terms.len() {
        match a.terms[i].0.cmp(&b.terms[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push((a.terms[i].0, &a.terms[i].1, &b.terms[j].1));
                i += 1;
                j += 1;
            }
        }
    }
    out
}

#[derive(Clone, Copy)]
struct TermUse {
    boost: f32,
    /// Span shown to readers; empty for terms with no readable span (skip pairs, entities).
    span: (usize, usize),
    /// A negation stands right before it ("not open", "no formal normalization").
    negated: bool,
    /// Its clause contains a negation anywhere ("avoids any reference to …").
    clause_negative: bool,
}

/// Weight of a word pair relative to a single word: a shared phrase says more than a shared word.
const PAIR_BOOST: f32 = 1.6;
/// Weight of a generic collocation's pair ("two countries").
const GENERIC_PAIR_BOOST: f32 = 0.3;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TermKind {
    Word,
    /// A telling word pair.
    Pair,
    /// A generic collocation's pair ("two countries").
    GenericPair,
    Entity,
}

/// Term ids for stems, word pairs and entities; pairs are keyed by their words' ids, so no
/// string is built per pair.
#[derive(Default)]
struct Interner {
    words: FastMap<String, u32>,
    pairs: FastMap<(u32, u32), u32>,
    entities: FastMap<String, u32>,
    kinds: Vec<TermKind>,
    /// The stem or entity id of each term (empty for pairs).
    labels: Vec<String>,
}

impl Interner {
    fn push(&mut self, kind: TermKind, label: String) -> u32 {
        self.kinds.push(kind);
        self.labels.push(label);
        (self.kinds.len() - 1) as u32
    }
    fn word(&mut self, stem: &str) -> u32 {
        if let Some(&t) = self.words.get(stem) {
            return t;
        }
        let t = self.push(TermKind::Word, stem.to_string());
        self.words.insert(stem.to_string(), t);
        t
    }
    fn pair(&mut self, a: u32, b: u32, generic: bool) -> u32 {
        if let Some(&t) = self.pairs.get(&(a, b)) {
            return t;
        }
        let t = self.push(
            if generic {
                TermKind::GenericPair
            } else {
                TermKind::Pair
            },
            String::new(),
        );
        self.pairs.insert((a, b), t);
        t
    }
    fn entity(&mut self, id: &str) -> u32 {
        if let Some(&t) = self.entities.get(id) {
            return t;
        }
        let t = self.push(TermKind::Entity, id.to_string());
        self.entities.insert(id.to_string(), t);
        t
    }
    fn len(&self) -> usize {
        self.kinds.len()
    }
}

/// Generic collocations of `data/generic_phrases.txt` as first stem → second stems.
fn generic_pairs() -> &'static FastMap<String, FastSet<String>> {
    static PAIRS: std::sync::OnceLock<FastMap<String, FastSet<String>>> =
        std::sync::OnceLock::new();
    PAIRS.get_or_init(|| {
        let v = vocab();
        let mut out: FastMap<String, FastSet<String>> = FastMap::default();
        for phrase in include_str!("../data/generic_phrases.txt")
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        {
            let content: Vec<String> = words(phrase, 0)
                .iter()
                .map(|w| fold(w.text))
                .filter(|w| !v.stopwords.contains(w))
                .map(|w| stem(&w))
                .collect();
            for pair in content.windows(2) {
                out.entry(pair[0].clone())
                    .or_default()
                    .insert(pair[1].clone());
            }
        }
        out
    })
}

/// What a claim's terms are read from, made while its document is parsed (on every core
/// natively, from the document's token stream) so that linking only numbers them: the words
/// that may be content (stem, span, word index), each word's clause, and where negations stand.
pub struct ClaimWords {
    /// (the stem's number in its document's [`Stems`], span, word index)
    candidates: Vec<(u32, (usize, usize), usize)>,
    clause_of: Vec<usize>,
    is_negator: Vec<bool>,
    /// A verb or noun of refusal stands before the word in its clause ("rejecting … lines").
    refused: Vec<bool>,
    negative_clauses: FastSet<usize>,
    /// A hedge ("could", "if", "allegedly") stands in the claim, whoever speaks it.
    hedged: bool,
}

/// The stems of one document's claims, each computed once per distinct word and numbered in the
/// order first met; linking numbers them corpus-wide, in claim order.
#[derive(Default)]
pub struct Stems {
    by_word: FastMap<String, u32>,
    stems: Vec<String>,
}

impl Stems {
    fn of(&mut self, folded: &str) -> u32 {
        if let Some(&n) = self.by_word.get(folded) {
            return n;
        }
        let n = self.stems.len() as u32;
        self.stems.push(stem_folded(folded));
        self.by_word.insert(folded.to_string(), n);
        n
    }

    /// The stems by number, once the document is read.
    pub fn into_list(self) -> Vec<String> {
        self.stems
    }
}

/// Reads the claim whose text is `text`, starting at `start`; `ws` are its words (document
/// offsets) and `folded` their folded forms, from the token stream; stems go to `stems`.
pub fn claim_words(
    text: &str,
    start: usize,
    ws: &[Word],
    folded: &[std::borrow::Cow<str>],
    stems: &mut Stems,
) -> ClaimWords {
    let v = vocab();
    // Clauses and where negations stand.
    let mut clause_of = Vec::with_capacity(ws.len());
    let mut is_negator = Vec::with_capacity(ws.len());
    let mut refused = Vec::with_capacity(ws.len());
    let mut refusing = false;
    // What follows a reporting verb is words said, not the thing refused: "refused to say the
    // words …" does not deny what the words say.
    let speech_at: FastSet<usize> = v
        .speech_verb_set
        .find(ws, folded)
        .into_iter()
        .chain(v.participle_set.find(ws, folded))
        .map(|m| m.start)
        .collect();
    // A capitalised cue inside a sentence is a name ("since May"), as for a claim's stance.
    let hedged = v
        .hedge_cues
        .find(ws, folded)
        .iter()
        .any(|m| !crate::text::cue_is_name(text, m.start.saturating_sub(start)));
    let mut clause = 0;
    for (k, w) in ws.iter().enumerate() {
        let lw: &str = folded[k].as_ref();
        if k > 0 {
            let gap = &text[ws[k - 1].end - start..w.start - start];
            if gap.contains([',', ';', ':', '—', '(']) || CLAUSE_WORDS.contains(&lw) {
                clause += 1;
                refusing = false;
            }
        }
        clause_of.push(clause);
        if speech_at.contains(&w.start) || REFUSAL_ENDS.contains(&lw) {
            refusing = false;
        }
        refused.push(refusing);
        // A refusal refused is none: "did not reject the demand".
        let negated_refusal = (k.saturating_sub(NEGATION_REACH)..k).any(|j| is_negator[j]);
        refusing |= v.clause_negation_set.contains(lw) && !negated_refusal;
        is_negator.push(
            v.negation_set.contains(lw) || lw.ends_with("nt") && w.text.contains(['\'', '’']),
        );
    }
    let negative_clauses: FastSet<usize> = (0..ws.len())
        .filter(|k| is_negator[*k])
        .map(|k| clause_of[k])
        .collect();

    // (stem, span, word index)
    let mut candidates: Vec<(u32, (usize, usize), usize)> = Vec::new();
    for (k, w) in ws.iter().enumerate() {
        let lw: &str = folded[k].as_ref();
        if is_negator[k]
            || lw.len() < 3
            || v.stopwords.contains(lw)
            || lw.chars().all(|c| c.is_ascii_digit() || c == ',')
        {
            continue;
        }
        candidates.push((stems.of(lw), (w.start, w.end), k));
    }
    ClaimWords {
        candidates,
        clause_of,
        is_negator,
        refused,
        negative_clauses,
        hedged,
    }
}

/// A claim's terms, numbered by the corpus-wide `intern`; `stems` are its document's stems and
/// `numbered` their corpus-wide numbers so far (`u32::MAX` for one not met yet); `names` are the
/// spans of the entity mentions inside it.
fn claim_terms(
    claim: &Claim,
    read: &ClaimWords,
    stems: &[String],
    numbered: &mut [u32],
    names: &[(usize, usize)],
    intern: &mut Interner,
) -> Terms {
    let ClaimWords {
        candidates,
        clause_of,
        is_negator,
        refused,
        negative_clauses,
        hedged,
    } = read;
    let mut terms: FastMap<u32, TermUse> = FastMap::default();
    let negated_at = |k: usize| {
        refused[k]
            || (k.saturating_sub(NEGATION_REACH)..k)
                .any(|j| is_negator[j] && clause_of[j] == clause_of[k])
    };
    // Words of a typed name count once, as the entity, not as words and word pairs.
    let content: Vec<&(u32, (usize, usize), usize)> = candidates
        .iter()
        .filter(|(_, (s, e), _)| !names.iter().any(|&(a, b)| *s >= a && *e <= b))
        .collect();
    // `k` is the term's first word, `last` its last: a negation before or inside the term
    // negates it ("not open", "crossing is not open").
    let mut add = |t: u32, boost: f32, span: (usize, usize), k: usize, last: usize| {
        let e = terms.entry(t).or_insert(TermUse {
            boost,
            span,
            negated: false,
            clause_negative: false,
        });
        e.negated |= negated_at(k) || (k..last).any(|j| is_negator[j]);
        e.clause_negative |= negative_clauses.contains(&clause_of[k]);
        if e.span.1 <= e.span.0 && span.1 > span.0 {
            e.span = span;
        }
    };
    let ids: Vec<u32> = content
        .iter()
        .map(|(s, ..)| {
            let n = &mut numbered[*s as usize];
            if *n == u32::MAX {
                *n = intern.word(&stems[*s as usize]);
            }
            *n
        })
        .collect();
    for ((_, span, k), t) in content.iter().zip(&ids) {
        add(*t, 1.0, *span, *k, *k);
    }
    // Word pairs, adjacent or with one content word between ("freedom of military action" meets
    // "freedom of action"); only an adjacent pair has a span worth showing.
    for (i, first) in content.iter().enumerate() {
        for (gap, second) in content.iter().skip(i + 1).take(2).enumerate() {
            if second.2 - first.2 > 4 || clause_of[second.2] != clause_of[first.2] {
                break;
            }
            let generic = generic_pairs()
                .get(&stems[first.0 as usize])
                .is_some_and(|s| s.contains(&stems[second.0 as usize]));
            let t = intern.pair(ids[i], ids[i + 1 + gap], generic);
            let span = if gap == 0 {
                (first.1 .0, second.1 .1)
            } else {
                (claim.start, claim.start)
            };
            add(
                t,
                if generic {
                    GENERIC_PAIR_BOOST
                } else {
                    PAIR_BOOST
                },
                span,
                first.2,
                second.2,
            );
        }
    }
    for e in &claim.entities {
        let t = intern.entity(e);
        terms.entry(t).or_insert(TermUse {
            boost: 0.8,
            span: (claim.start, claim.start),
            negated: false,
            clause_negative: false,
        });
    }
    let mut terms: Vec<(u32, TermUse)> = terms.into_iter().collect();
    terms.sort_unstable_by_key(|(k, _)| *k);
    Terms {
        terms,
        hedged: *hedged || claim.stance == crate::model::StanceKind::Hedges,
    }
}

/// One claim's side of a dispute found by its basis (a quote drift, differing numbers): the
/// shared words and the differing ones (document spans).
type DisputeSide = (Basis, (usize, usize), Vec<(usize, usize)>);

/// [`DisputeSide`] as the claim's words: basis, shared words, differing words.
type DisputeText = (Basis, Vec<Verbatim>, Vec<Verbatim>);

/// Mean link score over all pairs of a matter's claims (a missing link counting 0) from which
/// two groups of claims are one matter of the map.
pub const ROW_MIN: f32 = 0.3;
/// The least a link that says agrees or disputes counts for when matters are grown.
pub const ROW_LINK_FLOOR: f32 = 0.5;

/// Largest group of one story's figures of one unit compared pair by pair.
const NUMBER_GROUP_CAP: usize = 256;

/// Pairs of claims of different documents of one story that give one quantity different values:
/// (claim, claim, its figure, the other's figure, score). The quantity is the same when the
/// unit or counted noun is, each claim gives one value in it, and the claims share at least
/// [`NUMBER_CONTEXT_MIN`] other terms (what is counted, by whom, for what). Values that the
/// words before them allow to be equal ("more than $1 million" and "$1.1 million") are not a
/// disagreement.
fn number_disputes(
    claims: &[Claim],
    figures: &[crate::model::Figure],
    all: &[Terms],
    kinds: &[TermKind],
    story_of: &[usize],
    document_of: &[usize],
) -> Vec<(usize, usize, usize, usize, f32)> {
    // (story, unit) → (claim, figure), for units a claim gives exactly one value in.
    let mut per_claim: FastMap<(usize, String), Vec<usize>> = FastMap::default();
    for (k, f) in figures.iter().enumerate() {
        let (Some(unit), c) = (&f.unit, f.claim.index()) else {
            continue;
        };
        if c >= claims.len() {
            continue;
        }
        per_claim.entry((c, stem(unit))).or_default().push(k);
    }
    let mut groups: FastMap<(usize, &str), Vec<(usize, usize)>> = FastMap::default();
    for ((c, unit), list) in &per_claim {
        if let [k] = list.as_slice() {
            groups
                .entry((story_of[document_of[*c]], unit.as_str()))
                .or_default()
                .push((*c, *k));
        }
    }
    let mut out = Vec::new();
    let mut keys: Vec<&(usize, &str)> = groups.keys().collect();
    keys.sort_unstable();
    for key in keys {
        let mut list = groups[key].clone();
        if list.len() > NUMBER_GROUP_CAP {
            continue;
        }
        list.sort_unstable();
        // Each figure's clause words, read once for all the pairs it is in.
        let near: Vec<Vec<String>> = list
            .iter()
            .map(|&(c, f)| near_words(&claims[c], &figures[f]))
            .collect();
        for (x, &(a, fa)) in list.iter().enumerate() {
            for (y, &(b, fb)) in list.iter().enumerate().skip(x + 1) {
                let (va, vb) = (figures[fa].value.abs(), figures[fb].value.abs());
                if document_of[a] == document_of[b]
                    || va.max(vb) > NUMBER_RATIO_MAX * va.min(vb)
                    || compatible(&claims[a], &figures[fa], &claims[b], &figures[fb])
                {
                    continue;
                }
                let same_thing = near[x]
                    .iter()
                    .filter(|w| near[y].binary_search(w).is_ok())
                    .count();
                if same_thing < NUMBER_CLAUSE_MIN {
                    continue;
                }
                let context = shared_terms(&all[a], &all[b])
                    .into_iter()
                    .filter(|(t, ..)| kinds[*t as usize] != TermKind::GenericPair)
                    .count();
                if context >= NUMBER_CONTEXT_MIN {
                    out.push((a, b, fa, fb, 1.0));
                }
            }
        }
    }
    out
}

/// Stems of the content words of a figure's clause in its claim: what the number counts or
/// measures ("the sex discrimination lawsuit that covers 1.5 million women").
fn near_words(claim: &Claim, figure: &crate::model::Figure) -> Vec<String> {
    let v = vocab();
    let text: &str = &claim.text;
    let (Some(start), Some(end)) = (
        figure.start.checked_sub(claim.start),
        figure.end.checked_sub(claim.start),
    ) else {
        return Vec::new();
    };
    if end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return Vec::new();
    }
    let (from, to) = crate::figures::clause_bounds(text, start, end);
    let mut out: Vec<String> = words(&text[from..to], from)
        .iter()
        .filter(|w| !(w.start >= start && w.end <= end))
        .map(|w| fold(w.text))
        .filter(|w| {
            w.len() >= 3 && !v.stopwords.contains(w) && !w.starts_with(|c: char| c.is_ascii_digit())
        })
        .map(|w| stem(&w))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Terms besides the unit two claims must share for their figures to be one quantity.
const NUMBER_CONTEXT_MIN: usize = 2;
/// Content words the figures' own clauses must share (what is counted, and of what).
const NUMBER_CLAUSE_MIN: usize = 2;
/// Two values further apart than this factor are different quantities ("$43 million in taxes"
/// and "$139 million in income"), not one quantity reported otherwise.
const NUMBER_RATIO_MAX: f64 = 1.3;

/// The place value of the last digit a figure is written with: 1 for "$43,885,310", 100,000 for
/// "1.5 million", 1 for a number in words.
fn precision(f: &crate::model::Figure) -> f64 {
    let text: &str = &f.text;
    let digits: String = text
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .filter(|c| *c != ',')
        .collect();
    let Ok(written) = digits.trim_end_matches('.').parse::<f64>() else {
        return 1.0;
    };
    if written == 0.0 {
        return 1.0;
    }
    let decimals = digits
        .trim_end_matches('.')
        .split_once('.')
        .map_or(0, |(_, d)| d.len());
    // The scale the written number was multiplied by ("million"), then its last digit's place.
    (f.value / written).abs() * 10f64.powi(-(decimals as i32))
}

/// Whether two stated values can be the same quantity's, given the words before each
/// (`data/number_qualifiers.tsv`): equal within rounding, or within what "more than", "under" or
/// "about" allow.
fn compatible(
    ca: &Claim,
    fa: &crate::model::Figure,
    cb: &Claim,
    fb: &crate::model::Figure,
) -> bool {
    use crate::vocab::Bound;
    let (x, y) = (fa.value, fb.value);
    let bound = |c: &Claim, f: &crate::model::Figure| -> Option<Bound> {
        // A figure lies inside its claim; a span that did not would read as no words before it.
        let before = c.text.get(..f.start.saturating_sub(c.start)).unwrap_or("");
        let before = before
            .get(before.len().saturating_sub(40)..)
            .unwrap_or(before);
        let ws: Vec<String> = words(before, 0).iter().map(|w| fold(w.text)).collect();
        vocab()
            .number_qualifiers
            .iter()
            .find(|(_, phrase)| ws.ends_with(phrase))
            .map(|(b, _)| *b)
    };
    let allows = |b: Option<Bound>, stated: f64, other: f64| match b {
        Some(Bound::AtLeast) => other >= stated,
        Some(Bound::AtMost) => other <= stated,
        Some(Bound::About) => (stated - other).abs() <= 0.05 * stated.abs().max(other.abs()),
        None => false,
    };
    let (ba, bb) = (bound(ca, fa), bound(cb, fb));
    // Equal as far as the less precise one is written ("$43 million" allows $43,885,310), unless
    // a side says it is a floor or a ceiling.
    let rounded = (x - y).abs() < precision(fa).max(precision(fb));
    let bounded = |b: Option<Bound>| matches!(b, Some(Bound::AtLeast | Bound::AtMost));
    (rounded && !bounded(ba) && !bounded(bb)) || allows(ba, x, y) || allows(bb, y, x)
}

/// A link being built: other claim, relation, score, shared term ids.
type Candidate = (usize, Relation, f32, Vec<u32>);

/// Longest phrase, in words, of a matter's label.
const LABEL_MAX_WORDS: usize = 8;

/// The longest run of consecutive words two claims share (case and typography folded), as `a`
/// words it, trimmed of stop words at both ends; `None` unless it holds two content words.
fn shared_run(a: &Claim, b: &Claim) -> Option<Verbatim> {
    let v = vocab();
    let (wa, wb) = (words(&a.text, a.start), words(&b.text, b.start));
    let fa: Vec<String> = wa.iter().map(|w| fold(w.text)).collect();
    let fb: Vec<String> = wb.iter().map(|w| fold(w.text)).collect();
    // Longest common run of words: lengths of the runs ending at each pair, one row at a time.
    let (mut best, mut end) = (0, 0);
    let mut previous = vec![0usize; fb.len() + 1];
    for (i, x) in fa.iter().enumerate() {
        let mut row = vec![0usize; fb.len() + 1];
        for (j, y) in fb.iter().enumerate() {
            if x == y {
                row[j + 1] = previous[j] + 1;
                if row[j + 1] > best {
                    (best, end) = (row[j + 1], i + 1);
                }
            }
        }
        previous = row;
    }
    let content = |k: usize| !v.stopwords.contains(&fa[k]) && fa[k].len() > 2;
    let (mut from, mut to) = (end - best, end);
    while from < to && !content(from) {
        from += 1;
    }
    while to > from && !content(to - 1) {
        to -= 1;
    }
    if to - from > LABEL_MAX_WORDS {
        to = from + LABEL_MAX_WORDS;
        while to > from && !content(to - 1) {
            to -= 1;
        }
    }
    if (from..to).filter(|&k| content(k)).count() < 2 {
        return None;
    }
    Some(a.text.span_of_same_source(wa[from].start, wa[to - 1].end))
}

/// Makes the link from one claim (its kept links `kept`) to claim `other` a dispute, first in its
/// list: with `score` when given, else the score of the link it had; with the shared terms of that
/// link, or `shared()` when there was none (what else the claims share names the matter).
fn dispute(
    kept: &mut Vec<Candidate>,
    other: usize,
    score: Option<f32>,
    shared: impl FnOnce() -> Vec<u32>,
) {
    let had = kept
        .iter()
        .position(|(b, ..)| *b == other)
        .map(|k| kept.remove(k));
    let (score, ids) = match had {
        Some((_, _, s, ids)) => (score.unwrap_or(s), ids),
        None => (score.unwrap_or(RELATED_MIN), shared()),
    };
    kept.insert(0, (other, Relation::Disputes, score, ids));
}

/// Up to five terms `a` shares with `b` that can be shown as `a` words them.
fn shown_shared(a: &Terms, b: &Terms) -> Vec<u32> {
    shared_terms(a, b)
        .into_iter()
        .filter(|(t, ..)| shown(a, *t))
        .map(|(t, ..)| t)
        .take(5)
        .collect()
}

/// A term is shown as shared when it has a readable span (not a skip pair or an entity).
fn shown(terms: &Terms, t: u32) -> bool {
    terms.get(t).is_some_and(|u| u.span.1 > u.span.0)
}

/// How claim `a` relates to claim `b` from the terms they share: the relation, its score and
/// the shared terms to show (at most five), or `None` when they are not linked.
fn judge(
    a: &Terms,
    b: &Terms,
    kinds: &[TermKind],
    weight: &impl Fn(u32, f32) -> f32,
    norm_a: f32,
    norm_b: f32,
) -> Option<(Relation, f32, Vec<u32>)> {
    let both = shared_terms(a, b);
    let dot: f32 = both
        .iter()
        .map(|(t, u, _)| weight(*t, u.boost).powi(2))
        .sum();
    let score = dot / (norm_a * norm_b).max(f32::EPSILON);
    if score < RELATED_MIN.min(DISPUTES_MIN) {
        return None;
    }
    let mut shared: Vec<(u32, f32)> = both
        .iter()
        .map(|(t, u, _)| (*t, weight(*t, u.boost)))
        .filter(|(_, w)| *w > 0.0)
        .collect();
    shared.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    // A link needs a shared word pair and at least three shared terms in all: one common
    // word, or one shared name, is not the same matter.
    let pairs = shared
        .iter()
        .filter(|(t, _)| kinds[*t as usize] == TermKind::Pair)
        .count();
    if pairs == 0 || shared.len() < 3 {
        return None;
    }
    // Polarity: a shared phrase that one claim negates outright while the other's clause
    // holds no negation at all.
    let conflict = shared
        .iter()
        .filter(|(t, _)| kinds[*t as usize] == TermKind::Pair)
        .filter_map(|(t, _)| both.iter().find(|(k, ..)| k == t))
        .filter(|(_, x, y)| x.span.1 > x.span.0 && y.span.1 > y.span.0)
        .any(|(_, x, y)| {
            (x.negated && !y.clause_negative && !b.hedged)
                || (y.negated && !x.clause_negative && !a.hedged)
        });
    let relation = if conflict && score >= DISPUTES_MIN {
        Relation::Disputes
    } else if score >= AGREES_MIN && pairs >= AGREES_MIN_PAIRS {
        Relation::Agrees
    } else if score >= RELATED_MIN && pairs >= RELATED_MIN_PAIRS {
        Relation::Related
    } else {
        return None;
    };
    let ids: Vec<u32> = shared
        .iter()
        .filter(|(t, _)| shown(a, *t))
        .take(5)
        .map(|(t, _)| *t)
        .collect();
    Some((relation, score, ids))
}

/// Words that open a new clause for negation scope.
const CLAUSE_WORDS: [&str; 6] = ["but", "while", "although", "though", "whereas", "yet"];

/// Words a negation may stand before a term and still negate it, within one clause.
const NEGATION_REACH: usize = 2;

/// Words after which a refusal's object has ended, though its clause goes on: a coordinated
/// verb ("rejected the plan and reopened the crossing"), a relative or a clause of time or
/// cause ("rejected the plan, which …", "refused after the vote").
const REFUSAL_ENDS: [&str; 9] = [
    "and", "or", "which", "who", "whom", "after", "before", "because", "when",
];

/// The story of each of `documents` documents ([`crate::stories`]), from the words, names and
/// telling word pairs of their claims.
fn stories_of(
    all: &[Terms],
    kinds: &[TermKind],
    document_of: &[usize],
    documents: usize,
) -> Vec<usize> {
    let mut bags: Vec<FastMap<u32, u32>> = vec![FastMap::default(); documents];
    for (terms, &d) in all.iter().zip(document_of) {
        for (t, _) in &terms.terms {
            if matches!(
                kinds[*t as usize],
                TermKind::Word | TermKind::Entity | TermKind::Pair
            ) {
                *bags[d].entry(*t).or_insert(0) += 1;
            }
        }
    }
    let bags: Vec<Vec<(u32, u32)>> = bags
        .into_iter()
        .map(|b| {
            let mut v: Vec<(u32, u32)> = b.into_iter().collect();
            v.sort_unstable();
            v
        })
        .collect();
    crate::stories::stories(&bags, kinds.len())
}

/// What linking reads of the corpus's documents besides their claims.
pub struct Documents<'a> {
    /// `document_of[i]` is the index into `ids` of claim `i`'s document.
    pub document_of: &'a [usize],
    pub ids: &'a [Ref],
    /// Each document's quotations, for quote drift.
    pub quotes: &'a [Vec<crate::quotes::Quote>],
    /// The corpus's figures, their claims numbered corpus-wide, for differing numbers.
    pub figures: &'a [crate::model::Figure],
}

/// Fills `claim.related` for every claim, and returns the clusters of linked claims and the story
/// of each document.
/// `read[i]` is what `claims[i]`'s terms are read from ([`claim_words`]), with the stems of each
/// document in `stems` (by document index); `names[i]` are the spans of entity mentions inside
/// `claims[i]`.
pub fn link(
    claims: &mut [Claim],
    read: &[ClaimWords],
    stems: &[Vec<String>],
    names: &[Vec<(usize, usize)>],
    documents: Documents,
) -> (Vec<Cluster>, Vec<usize>) {
    let Documents {
        document_of,
        ids: document_ids,
        quotes,
        figures,
    } = documents;
    let mut intern = Interner::default();
    let mut numbered: Vec<Vec<u32>> = stems.iter().map(|s| vec![u32::MAX; s.len()]).collect();
    let all: Vec<Terms> = claims
        .iter()
        .zip(read)
        .enumerate()
        .map(|(i, (c, r))| {
            let d = document_of[i];
            claim_terms(
                c,
                r,
                &stems[d],
                &mut numbered[d],
                names.get(i).map(Vec::as_slice).unwrap_or(&[]),
                &mut intern,
            )
        })
        .collect();
    let kinds = &intern.kinds;
    let n = claims.len();
    let story_of = stories_of(&all, kinds, document_of, document_ids.len());
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); intern.len()];
    for (c, t) in all.iter().enumerate() {
        for (term, _) in &t.terms {
            postings[*term as usize].push(c as u32);
        }
    }
    let idf: Vec<f32> = postings
        .iter()
        .map(|p| ((n as f32 + 1.0) / (p.len() as f32 + 0.5)).ln().max(0.0))
        .collect();
    let weight = |t: u32, boost: f32| idf[t as usize] * boost;
    // A term no other claim has can never be shared: leaving it out of the norm keeps long claims
    // from being penalised for their unique words.
    let norms: Vec<f32> = all
        .iter()
        .map(|t| {
            t.terms
                .iter()
                .filter(|(k, _)| postings[*k as usize].len() > 1)
                .map(|(k, u)| weight(*k, u.boost).powi(2))
                .sum::<f32>()
                .sqrt()
        })
        .collect();

    // Every link needs a shared telling word pair, so only pairs generate candidates; a stamp
    // per claim marks those already seen for the current one.
    let telling: Vec<bool> = kinds.iter().map(|k| *k == TermKind::Pair).collect();
    // Each claim's links to later claims are found independently (on every core natively), then
    // recorded on both sides in claim order, as one sequential pass would.
    let indices: Vec<usize> = (0..n).collect();
    let found: Vec<Vec<Candidate>> = crate::parallel::chunks(&indices, |_, part| {
        let mut acc = vec![0f32; n];
        let mut touched: Vec<u32> = Vec::new();
        part.iter()
            .map(|&a| {
                let mut out = Vec::new();
                touched.clear();
                for (term, u) in &all[a].terms {
                    let list = &postings[*term as usize];
                    if !telling[*term as usize] || list.len() > POSTING_CAP || list.len() < 2 {
                        continue;
                    }
                    let w = weight(*term, u.boost).powi(2);
                    for &b in list {
                        let b = b as usize;
                        if b <= a
                            || document_of[b] == document_of[a]
                            || story_of[document_of[b]] != story_of[document_of[a]]
                        {
                            continue;
                        }
                        if acc[b] == 0.0 {
                            touched.push(b as u32);
                        }
                        acc[b] += w;
                    }
                }
                // Rank candidates by their shared pairs; score only the best exactly.
                let mut candidates: Vec<(usize, f32)> = touched
                    .iter()
                    .map(|&b| {
                        (
                            b as usize,
                            acc[b as usize] / norms[b as usize].max(f32::EPSILON),
                        )
                    })
                    .collect();
                for &b in &touched {
                    acc[b as usize] = 0.0;
                }
                if candidates.len() > CANDIDATES_PER_CLAIM {
                    candidates.select_nth_unstable_by(CANDIDATES_PER_CLAIM, |x, y| {
                        y.1.total_cmp(&x.1).then(x.0.cmp(&y.0))
                    });
                    candidates.truncate(CANDIDATES_PER_CLAIM);
                }
                for (b, _) in candidates {
                    if let Some((relation, score, ids)) =
                        judge(&all[a], &all[b], kinds, &weight, norms[a], norms[b])
                    {
                        out.push((b, relation, score, ids));
                    }
                }
                out
            })
            .collect()
    });
    let mut links: Vec<Vec<Candidate>> = vec![Vec::new(); n];
    for (a, list) in found.into_iter().enumerate() {
        for (b, relation, score, ids) in list {
            links[a].push((b, relation, score, ids.clone()));
            links[b].push((a, relation, score, ids));
        }
    }

    // Keep the best links per claim, then make the kept set symmetric.
    let mut keep: Vec<Vec<Candidate>> = links
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

    // Quote drift: the same quotation worded differently by two documents of one story. The
    // claims that hold the drift dispute each other, whatever their shared terms said.
    let mut claims_of: Vec<std::ops::Range<usize>> = vec![0..0; document_ids.len()];
    for (c, &d) in document_of.iter().enumerate() {
        if claims_of[d].is_empty() {
            claims_of[d] = c..c + 1;
        } else {
            claims_of[d].end = c + 1;
        }
    }
    let claim_at = |d: usize, at: usize| {
        claims_of[d]
            .clone()
            .find(|&c| claims[c].start <= at && at < claims[c].end)
    };
    // (claim, other claim) → what the dispute is about, on the first claim's side.
    let mut drifted: FastMap<(usize, usize), DisputeSide> = FastMap::default();
    for (da, db, drift) in crate::quotes::drifts(quotes, &story_of) {
        let (Some(a), Some(b)) = (claim_at(da, drift.at[0]), claim_at(db, drift.at[1])) else {
            continue;
        };
        for (x, y, side) in [(a, b, 0), (b, a, 1)] {
            if drifted.contains_key(&(x, y)) {
                continue;
            }
            drifted.insert(
                (x, y),
                (
                    Basis::Quote,
                    drift.shared[side],
                    drift.differs[side].clone(),
                ),
            );
            let score = Some(drift.overlap);
            dispute(&mut keep[x], y, score, || shown_shared(&all[x], &all[y]));
        }
    }
    // Numbers: the same quantity given different values by two documents of one story.
    for (a, b, fa, fb, score) in
        number_disputes(claims, figures, &all, kinds, &story_of, document_of)
    {
        for (x, y, f) in [(a, b, fa), (b, a, fb)] {
            if drifted.contains_key(&(x, y)) {
                continue;
            }
            // The figure differs; what the claims share is shown as for any link.
            let span = (figures[f].start, figures[f].end);
            drifted.insert((x, y), (Basis::Number, (0, 0), vec![span]));
            // A link the claims already had keeps its score.
            let had = keep[x].iter().any(|(other, ..)| *other == y);
            let score = (!had).then_some(score);
            dispute(&mut keep[x], y, score, || shown_shared(&all[x], &all[y]));
        }
    }
    // A span of claim `c`'s document, cut to the claim; `None` when it lies outside.
    let inside = |c: usize, (s, e): (usize, usize)| -> Option<Verbatim> {
        let (s, e) = (s.max(claims[c].start), e.min(claims[c].end));
        (e > s).then(|| claims[c].text.span_of_same_source(s, e))
    };
    let drifted: FastMap<(usize, usize), DisputeText> = drifted
        .into_iter()
        .map(|((a, b), (basis, run, differs))| {
            let shared = inside(a, run).into_iter().collect();
            let differs = differs.iter().filter_map(|s| inside(a, *s)).collect();
            ((a, b), (basis, shared, differs))
        })
        .collect();

    let surface = |c: usize, t: u32| -> Verbatim {
        let (s, e) = all[c].get(t).map(|x| x.span).unwrap_or((0, 0));
        if e > s {
            claims[c].text.span_of_same_source(s, e)
        } else {
            Verbatim::from(intern.labels[t as usize].as_str())
        }
    };
    let mut shared_text: Vec<Vec<Vec<Verbatim>>> = Vec::with_capacity(n);
    for (a, l) in keep.iter().enumerate() {
        shared_text.push(
            l.iter()
                // Only phrases verbatim in this claim are shown for it.
                .map(|(_, _, _, ids)| {
                    ids.iter()
                        .filter(|t| shown(&all[a], **t))
                        .map(|t| surface(a, *t))
                        .collect()
                })
                .collect(),
        );
    }

    // Clusters (the map's matters): grown by average linkage over the kept links, so that a
    // chain of claims each like the next ("tax cuts" … "public services" … "waste") does not
    // become one matter. A link that says agrees or disputes counts as at least
    // [`ROW_LINK_FLOOR`]; a related one by its score.
    let similar: Vec<(usize, usize, f32)> = keep
        .iter()
        .enumerate()
        .flat_map(|(a, l)| {
            l.iter()
                .filter(move |(b, ..)| *b > a)
                .map(move |(b, rel, score, _)| {
                    let s = if *rel == Relation::Related {
                        *score
                    } else {
                        score.max(ROW_LINK_FLOOR)
                    };
                    (a, *b, s)
                })
        })
        .collect();
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for (c, g) in crate::stories::average_linkage(n, &similar, ROW_MIN)
        .into_iter()
        .enumerate()
    {
        groups.entry(g).or_default().push(c);
    }
    groups.retain(|_, members| members.len() >= 2);
    let groups: HashMap<usize, Vec<usize>> = groups
        .into_values()
        .map(|members| (members[0], members))
        .collect();
    let mut clusters: Vec<(usize, Vec<usize>)> = groups.into_iter().collect();
    clusters.sort_by_key(|(root, members)| (std::cmp::Reverse(members.len()), *root));

    let members_dispute = |members: &[usize]| {
        members.iter().any(|a| {
            keep[*a]
                .iter()
                .any(|(b, rel, ..)| *rel == Relation::Disputes && members.contains(b))
        })
    };
    let mut out = Vec::new();
    for (members, ..) in clusters.iter().map(|(_, m)| (m, ())) {
        let mut docs: Vec<usize> = members.iter().map(|c| document_of[*c]).collect();
        docs.sort_unstable();
        docs.dedup();
        if docs.len() < 2 {
            continue;
        }
        // Label: the shared term with the most weight across the links inside the cluster.
        let inside: FastSet<usize> = members.iter().copied().collect();
        let mut votes: HashMap<u32, (f32, usize)> = HashMap::new();
        for &a in members {
            for (_, _, score, ids) in keep[a].iter().filter(|(b, ..)| inside.contains(b)) {
                for (rank, t) in ids.iter().enumerate() {
                    let e = votes.entry(*t).or_insert((0.0, a));
                    let bigram =
                        matches!(kinds[*t as usize], TermKind::Pair | TermKind::GenericPair) as u8
                            as f32;
                    e.0 += score * (1.0 + 0.5 * bigram) / (rank as f32 + 1.0);
                }
            }
        }
        // A phrase names a matter better than a word ("buffer zone", not "round").
        let label = votes
            .iter()
            .filter(|(t, _)| kinds[**t as usize] != TermKind::Entity)
            .max_by(|x, y| {
                let phrase = |t: u32| kinds[t as usize] == TermKind::Pair;
                phrase(*x.0)
                    .cmp(&phrase(*y.0))
                    .then(x.1 .0.total_cmp(&y.1 .0))
                    .then(y.0.cmp(x.0))
            })
            .map(|(t, (_, c))| (kinds[*t as usize] == TermKind::Pair, surface(*c, *t)));
        // Better still, the longest run of words the best-linked pair of its claims share
        // ("repairs to the flood barrier", "joint fusion mechanism"), when it holds two
        // content words.
        let best = members
            .iter()
            .flat_map(|&a| {
                keep[a]
                    .iter()
                    .filter(|(b, ..)| inside.contains(b))
                    .map(move |(b, _, score, _)| (a, *b, *score))
            })
            .max_by(|x, y| x.2.total_cmp(&y.2).then(y.0.cmp(&x.0)).then(y.1.cmp(&x.1)));
        let run = best.and_then(|(a, b, _)| shared_run(&claims[a], &claims[b]));
        let label = match (label, run) {
            (Some((true, _)), Some(run)) => run,
            (Some((true, phrase)), None) => phrase,
            // A matter named by no shared phrase is only words in common, not a row of the map
            // ("ensure", "round"), unless its claims dispute each other.
            (Some((false, word)), _) if members_dispute(members) => word,
            _ => continue,
        };
        out.push(Cluster {
            id: format!("m{}", out.len() + 1),
            label: label.to_string(),
            claims: members.iter().map(|c| claims[*c].id.clone()).collect(),
            documents: docs.iter().map(|d| document_ids[*d].clone()).collect(),
        });
    }

    for (a, l) in keep.into_iter().enumerate() {
        let related = l
            .into_iter()
            .enumerate()
            .map(|(k, (b, relation, score, _))| match drifted.get(&(a, b)) {
                Some((basis, shared, differs)) => Link {
                    claim: claims[b].id.clone(),
                    relation,
                    score: (score * 1000.0).round() / 1000.0,
                    shared: if shared.is_empty() {
                        shared_text[a][k].clone()
                    } else {
                        shared.clone()
                    },
                    differs: differs.clone(),
                    basis: *basis,
                },
                None => Link {
                    claim: claims[b].id.clone(),
                    relation,
                    score: (score * 1000.0).round() / 1000.0,
                    shared: shared_text[a][k].clone(),
                    differs: Vec::new(),
                    basis: Basis::Phrase,
                },
            })
            .collect();
        claims[a].related = related;
    }
    (out, story_of)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A claim holding one figure, the figure given by where its text starts.
    fn with_figure(text: &str, figure: &str, value: f64) -> (Claim, crate::model::Figure) {
        let source: std::sync::Arc<str> = std::sync::Arc::from(text);
        let start = text.find(figure).expect("figure in text");
        let id = Ref::new(0, &std::sync::Arc::from("d"));
        let claim = Claim {
            id: id.clone(),
            document: id.clone(),
            text: Verbatim::span(&source, 0, text.len()),
            start: 0,
            end: text.len(),
            line: 1,
            kind: crate::model::ClaimKind::Statistic,
            speaker: None,
            speaker_kind: None,
            attribution: None,
            speaker_carried: false,
            speaker_role: None,
            stance: Default::default(),
            stance_cue: None,
            entities: Vec::new(),
            related: Vec::new(),
        };
        let figure = crate::model::Figure {
            id: "f".into(),
            document: id.clone(),
            claim: id,
            value,
            unit: Some("USD".into()),
            text: Verbatim::span(&source, start, start + figure.len()),
            start,
            end: start + figure.len(),
            label: String::new(),
            population: None,
            sample_size: None,
            source: None,
            commissioned_by: None,
            date: None,
            kind: crate::model::FigureKind::Other,
            trend: None,
        };
        (claim, figure)
    }

    #[test]
    fn values_the_words_allow_to_be_equal_are_compatible() {
        let pair = |a: (&str, &str, f64), b: (&str, &str, f64)| {
            let (ca, fa) = with_figure(a.0, a.1, a.2);
            let (cb, fb) = with_figure(b.0, b.1, b.2);
            compatible(&ca, &fa, &cb, &fb)
        };
        let paid = ("paid $43,885,310 in taxes", "$43,885,310", 43_885_310.0);
        // Written to the million, "$43 million" allows $43.9 million; "$716 billion" is not 700.
        assert!(pair(
            ("paid $43 million in taxes", "$43 million", 43e6),
            paid
        ));
        assert!(!pair(
            ("cut $716 billion", "$716 billion", 716e9),
            ("cut $700 billion", "$700 billion", 700e9)
        ));
        // Bounds: "more than" allows more, "under" allows less, "about" a little either way.
        assert!(pair(
            ("cost more than $2 million", "$2 million", 2e6),
            ("cost $2.4 million", "$2.4 million", 2.4e6)
        ));
        assert!(!pair(
            ("cost under $2 million", "$2 million", 2e6),
            ("cost $2.4 million", "$2.4 million", 2.4e6)
        ));
        assert!(pair(
            ("about $100 in fees", "$100", 100.0),
            ("$103 in fees", "$103", 103.0)
        ));
        assert_eq!(
            precision(&with_figure("1.5 million", "1.5 million", 1.5e6).1),
            100_000.0
        );
    }

    #[test]
    fn stems_meet_across_spellings() {
        assert_eq!(stem("normalization"), stem("normalisation"));
        assert_eq!(stem("normalizing"), stem("normalization"));
        assert_eq!(stem("measures"), stem("measure"));
        assert_eq!(stem("agreed"), stem("agree"));
    }
}
