//! The page's state and the questions the page asks of the corpus, as plain data and functions.
//!
//! Everything a view needs to decide (which claims pass the filters, how many claims each facet
//! value would leave, where a search matches, what the agreement map shows, what the URL hash
//! says) is answered here, natively testable, so the Leptos components only read signals and
//! render. The hash is the whole view: a copied link reopens exactly the same view.

use crate::model::{Claim, ClaimKind, Corpus, Document, Link, Ref, Relation};
use crate::text::{fold_char, FastMap, FastSet};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Tab {
    #[default]
    Overview,
    Claims,
    Figures,
    Reader,
    Timeline,
}

impl Tab {
    pub const ALL: [Tab; 5] = [
        Tab::Overview,
        Tab::Claims,
        Tab::Figures,
        Tab::Reader,
        Tab::Timeline,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Tab::Overview => "overview",
            Tab::Claims => "claims",
            Tab::Figures => "figures",
            Tab::Reader => "reader",
            Tab::Timeline => "timeline",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Tab::Overview => "Overview",
            Tab::Claims => "Claims",
            Tab::Figures => "Figures",
            Tab::Reader => "Reader",
            Tab::Timeline => "Timeline",
        }
    }
    fn parse(s: &str) -> Option<Tab> {
        Tab::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// A speaker facet value: a named source, or the article's own voice.
pub const OWN_VOICE: &str = "(the article itself)";

/// Everything that defines what the reader sees.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    pub tab: Tab,
    /// Document ids; empty means all.
    pub documents: Vec<String>,
    pub kinds: Vec<ClaimKind>,
    /// Speaker names, or [`OWN_VOICE`].
    pub speakers: Vec<String>,
    /// Entity ids.
    pub entities: Vec<String>,
    /// A cluster id from the agreement map.
    pub matter: Option<String>,
    pub query: String,
    /// The selected claim.
    pub claim: Option<String>,
    /// The document shown in the reader.
    pub read: Option<String>,
    /// Show captions, credits and other page chrome in the reader.
    pub chrome: bool,
}

/// Hashes longer than this are refused: no real view needs it, and it bounds the work.
pub const MAX_HASH_LEN: usize = 4096;

impl ViewState {
    pub fn has_filters(&self) -> bool {
        !(self.documents.is_empty()
            && self.kinds.is_empty()
            && self.speakers.is_empty()
            && self.entities.is_empty()
            && self.matter.is_none()
            && self.query.trim().is_empty())
    }

    /// True when a facet (outlet, kind, speaker, entity) narrows the claims; search and matter
    /// are not facets.
    pub fn has_facet_filters(&self) -> bool {
        !(self.documents.is_empty()
            && self.kinds.is_empty()
            && self.speakers.is_empty()
            && self.entities.is_empty())
    }

    pub fn clear_filters(&mut self) {
        self.documents.clear();
        self.kinds.clear();
        self.speakers.clear();
        self.entities.clear();
        self.matter = None;
        self.query.clear();
    }

    /// Shows one claim's card: all filters cleared so it is certainly in the list.
    pub fn open_claim(&mut self, id: String) {
        self.clear_filters();
        self.tab = Tab::Claims;
        self.claim = Some(id);
    }

    /// The URL hash for this state (without the leading `#`); the default view is empty.
    pub fn to_hash(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if self.tab != Tab::Overview {
            parts.push(format!("tab={}", self.tab.as_str()));
        }
        let list = |key: &str, values: &[String], parts: &mut Vec<String>| {
            if !values.is_empty() {
                parts.push(format!(
                    "{key}={}",
                    values
                        .iter()
                        .map(|v| encode(v))
                        .collect::<Vec<_>>()
                        .join(",")
                ));
            }
        };
        list("doc", &self.documents, &mut parts);
        let kinds: Vec<String> = self.kinds.iter().map(|k| k.as_str().to_string()).collect();
        list("kind", &kinds, &mut parts);
        list("speaker", &self.speakers, &mut parts);
        list("entity", &self.entities, &mut parts);
        if let Some(m) = &self.matter {
            parts.push(format!("matter={}", encode(m)));
        }
        if !self.query.is_empty() {
            parts.push(format!("q={}", encode(&self.query)));
        }
        if let Some(c) = &self.claim {
            parts.push(format!("claim={}", encode(c)));
        }
        if let Some(r) = &self.read {
            parts.push(format!("read={}", encode(r)));
        }
        if self.chrome {
            parts.push("chrome=1".to_string());
        }
        parts.join("&")
    }

    /// Reads a URL hash (with or without `#`). A hash that cannot be read gives the default view
    /// and a notice saying why, never a half-applied state.
    pub fn from_hash(hash: &str) -> Result<ViewState, String> {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        if hash.len() > MAX_HASH_LEN {
            return Err(format!(
                "The link is too long ({} characters) to be a Parallax view; showing the overview.",
                hash.len()
            ));
        }
        let mut state = ViewState::default();
        for part in hash.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = part.split_once('=').unwrap_or((part, ""));
            let bad =
                |what: &str| format!("The link's {what} could not be read; showing the overview.");
            let values = || -> Result<Vec<String>, String> {
                value
                    .split(',')
                    .filter(|v| !v.is_empty())
                    .map(|v| decode(v).ok_or_else(|| bad(key)))
                    .collect()
            };
            match key {
                "tab" => state.tab = Tab::parse(value).ok_or_else(|| bad("tab"))?,
                "doc" => state.documents = values()?,
                "kind" => {
                    state.kinds = values()?
                        .iter()
                        .map(|k| {
                            ClaimKind::ALL
                                .into_iter()
                                .find(|c| c.as_str() == k)
                                .ok_or_else(|| bad("kind filter"))
                        })
                        .collect::<Result<_, _>>()?
                }
                "speaker" => state.speakers = values()?,
                "entity" => state.entities = values()?,
                "matter" => state.matter = Some(decode(value).ok_or_else(|| bad("matter"))?),
                "q" => state.query = decode(value).ok_or_else(|| bad("search"))?,
                "claim" => state.claim = Some(decode(value).ok_or_else(|| bad("claim"))?),
                "read" => state.read = Some(decode(value).ok_or_else(|| bad("reader document"))?),
                "chrome" => state.chrome = value == "1",
                _ => {
                    return Err(format!(
                        "The link has an unknown part “{}”; showing the overview.",
                        truncate(key, 40)
                    ))
                }
            }
        }
        Ok(state)
    }
}

/// Each id's position in its list.
fn positions<'a>(ids: impl Iterator<Item = &'a str>) -> FastMap<&'a str, u32> {
    ids.enumerate().map(|(i, id)| (id, i as u32)).collect()
}

fn truncate(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// Percent-encodes everything but unreserved ASCII, so any text survives a round trip.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes percent-encoding; `None` for a malformed escape or invalid UTF-8.
pub fn decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = s.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// Folded text for search: lowercase, no diacritics, one entry per char of the original so that
/// match positions map back to the original text.
fn fold_for_search(s: &str) -> (String, Vec<usize>) {
    let mut folded = String::with_capacity(s.len());
    let mut origin = Vec::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        let f = fold_char(c).unwrap_or(c);
        let f = if crate::text::is_apostrophe(c) {
            '\''
        } else {
            f
        };
        for _ in 0..f.len_utf8() {
            origin.push(i);
        }
        folded.push(f);
    }
    origin.push(s.len());
    (folded, origin)
}

/// The words of a search query, folded.
pub fn query_terms(query: &str) -> Vec<String> {
    query
        .split_whitespace()
        .map(|w| fold_for_search(w.trim_matches(|c: char| !c.is_alphanumeric())).0)
        .filter(|w| !w.is_empty())
        .collect()
}

/// What a search looks at, indexed once when the corpus loads so a keystroke never rescans the
/// text. Each claim's haystack (its text, speaker, outlet and author, folded) is split at white
/// space into tokens; a query word has no white space, so it occurs in a haystack exactly when
/// it occurs in one of its tokens. A keystroke therefore scans the distinct tokens (tens of
/// thousands of short strings at 2,000 articles) instead of megabytes of text.
///
/// It also numbers each claim's document, speaker and entities, so facet counts are array
/// increments rather than string look-ups.
pub struct SearchIndex {
    tokens: Vec<String>,
    /// For each token, the claims whose haystack has it (ascending).
    postings: Vec<Vec<u32>>,
    claims: usize,
    doc_of: Vec<u32>,
    speaker_of: Vec<u32>,
    entities_of: Vec<Vec<u32>>,
    /// Distinct speaker keys, sorted.
    speakers: Vec<String>,
    doc_labels: Vec<String>,
    claim_at: FastMap<String, u32>,
    entity_at: FastMap<String, u32>,
    /// For each claim, which ASCII letters and digits its haystack has (see `single_char_bit`).
    chars: Vec<u64>,
    /// Each claim's kind as its position in `ClaimKind::ALL` (kept apart from the claims so
    /// counting does not pull every claim's text through the cache).
    kind_of: Vec<u8>,
    /// [`name_form`] of each token → the claims with it, so "Sharaa" finds "al-Shara’a".
    name_forms: FastMap<String, Vec<u32>>,
}

/// How a name is spelt once its house style is set aside: folded, without a leading Arabic
/// article ("al-", "el-"), a possessive, apostrophes, hyphens and doubled letters. "Sharaa",
/// "al-Shara’a" and "Al-Sharaa's" are all "shara"; `None` for words too short to tell names
/// apart (under four letters).
fn name_form(folded: &str) -> Option<String> {
    let w = folded.trim_matches(|c: char| !c.is_alphanumeric());
    let w = w.strip_suffix("'s").unwrap_or(w);
    let w = ["al-", "el-"]
        .iter()
        .find_map(|p| w.strip_prefix(p))
        .unwrap_or(w);
    let mut out = String::with_capacity(w.len());
    for c in w.chars().filter(|c| !matches!(c, '\'' | '-')) {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    (out.chars().count() >= 4).then_some(out)
}

impl SearchIndex {
    pub fn new(corpus: &Corpus) -> SearchIndex {
        let mut token_ids: FastMap<String, usize> = FastMap::default();
        let mut tokens: Vec<String> = Vec::new();
        let mut postings: Vec<Vec<u32>> = Vec::new();
        let mut chars = vec![0u64; corpus.claims.len()];
        let mut name_forms: FastMap<String, Vec<u32>> = FastMap::default();
        for (i, c) in corpus.claims.iter().enumerate() {
            let doc = corpus.document(&c.document);
            let mut h = c.text.to_string();
            for extra in [
                c.speaker.as_deref(),
                doc.and_then(|d| d.outlet.as_deref()),
                doc.and_then(|d| d.author.as_deref()),
            ]
            .into_iter()
            .flatten()
            {
                h.push('\n');
                h.push_str(extra);
            }
            // Names only (capitalised as written): "later" must not find "latter".
            for word in h.split_whitespace() {
                let bare = word.trim_start_matches(|c: char| !c.is_alphanumeric());
                let capitalised = bare.starts_with(char::is_uppercase)
                    || bare
                        .split_once('-')
                        .is_some_and(|(_, rest)| rest.starts_with(char::is_uppercase));
                if let Some(form) = capitalised
                    .then(|| name_form(&fold_for_search(word).0))
                    .flatten()
                {
                    let list = name_forms.entry(form).or_default();
                    if list.last() != Some(&(i as u32)) {
                        list.push(i as u32);
                    }
                }
            }
            let folded = fold_for_search(&h).0;
            for ch in folded.chars() {
                chars[i] |= single_char_bit(ch.encode_utf8(&mut [0; 4])).unwrap_or(0);
            }
            for token in folded.split_whitespace() {
                let t = match token_ids.get(token) {
                    Some(&t) => t,
                    None => {
                        token_ids.insert(token.to_string(), tokens.len());
                        tokens.push(token.to_string());
                        postings.push(Vec::new());
                        tokens.len() - 1
                    }
                };
                if postings[t].last() != Some(&(i as u32)) {
                    postings[t].push(i as u32);
                }
            }
        }

        let entity_at = positions(corpus.entities.iter().map(|e| e.id.id()));
        let mut speakers: Vec<String> = corpus
            .claims
            .iter()
            .map(|c| speaker_key(c).to_string())
            .collect();
        speakers.sort_unstable();
        speakers.dedup();
        let speaker_at: FastMap<&str, u32> = speakers
            .iter()
            .enumerate()
            .map(|(i, s)| (s.as_str(), i as u32))
            .collect();
        // A claim whose document or speaker is unknown (impossible from `build`) counts nowhere.
        let doc_of = corpus
            .claims
            .iter()
            .map(|c| match corpus.document(&c.document) {
                Some(_) => c.document.index() as u32,
                None => u32::MAX,
            })
            .collect();
        let speaker_of = corpus
            .claims
            .iter()
            .map(|c| speaker_at.get(speaker_key(c)).copied().unwrap_or(u32::MAX))
            .collect();
        let entities_of = corpus
            .claims
            .iter()
            .map(|c| {
                c.entities
                    .iter()
                    .filter(|e| corpus.entity(e).is_some())
                    .map(|e| e.index() as u32)
                    .collect()
            })
            .collect();
        let doc_labels = corpus.documents.iter().map(document_label).collect();
        let claim_at = corpus
            .claims
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.to_string(), i as u32))
            .collect();
        let entity_at = entity_at
            .into_iter()
            .map(|(id, i)| (id.to_string(), i))
            .collect();
        let kind_of = corpus
            .claims
            .iter()
            .map(|c| {
                ClaimKind::ALL
                    .iter()
                    .position(|k| *k == c.kind)
                    .unwrap_or(0) as u8
            })
            .collect();
        SearchIndex {
            name_forms,
            kind_of,
            chars,
            claim_at,
            entity_at,
            tokens,
            postings,
            claims: corpus.claims.len(),
            doc_of,
            speaker_of,
            entities_of,
            speakers,
            doc_labels,
        }
    }

    /// The position of the claim with this id.
    pub fn claim(&self, id: &str) -> Option<usize> {
        self.claim_at.get(id).map(|&i| i as usize)
    }

    /// The position of the entity with this id.
    pub fn entity(&self, id: &str) -> Option<usize> {
        self.entity_at.get(id).map(|&i| i as usize)
    }

    /// The position of the document of the claim at `claim`.
    pub fn document_of(&self, claim: usize) -> Option<usize> {
        self.doc_of
            .get(claim)
            .filter(|&&d| d != u32::MAX)
            .map(|&d| d as usize)
    }

    /// Claims with a token containing `term`, or spelling the same name otherwise.
    fn hits(&self, term: &str) -> Vec<bool> {
        let mut hits = vec![false; self.claims];
        for (token, claims) in self.tokens.iter().zip(&self.postings) {
            if token.contains(term) {
                for &c in claims {
                    hits[c as usize] = true;
                }
            }
        }
        let same_name = name_form(term).and_then(|f| self.name_forms.get(&f));
        for &c in same_name.into_iter().flatten() {
            hits[c as usize] = true;
        }
        hits
    }

    /// Which claims match every term (`None` when there are no terms: all do).
    fn matching(&self, terms: &[String]) -> Option<Vec<bool>> {
        let mut all: Option<Vec<bool>> = None;
        for term in terms {
            // One ASCII letter or digit, the first key of every query, is in nearly every token:
            // a per-claim bit mask answers it without walking every posting list.
            let hits = if let Some(bit) = single_char_bit(term) {
                self.chars.iter().map(|m| m & bit != 0).collect()
            } else {
                self.hits(term)
            };
            all = Some(match all {
                None => hits,
                Some(mut so_far) => {
                    for (a, b) in so_far.iter_mut().zip(hits) {
                        *a &= b;
                    }
                    so_far
                }
            });
        }
        all
    }
}

/// The bit of a term that is one ASCII letter or digit (after folding), if it is one.
fn single_char_bit(term: &str) -> Option<u64> {
    let mut chars = term.chars();
    let c = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    match c {
        'a'..='z' => Some(1 << (c as u32 - 'a' as u32)),
        '0'..='9' => Some(1 << (26 + c as u32 - '0' as u32)),
        _ => None,
    }
}

/// Which facet a filter belongs to, so counts can leave out their own group.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Facet {
    Document,
    Kind,
    Speaker,
    Entity,
    None,
}

fn speaker_key(c: &Claim) -> &str {
    c.speaker.as_deref().unwrap_or(OWN_VOICE)
}

fn passes(c: &Claim, state: &ViewState, skip: Facet) -> bool {
    (skip == Facet::Document
        || state.documents.is_empty()
        || state.documents.iter().any(|d| *d == c.document))
        && (skip == Facet::Kind || state.kinds.is_empty() || state.kinds.contains(&c.kind))
        && (skip == Facet::Speaker
            || state.speakers.is_empty()
            || state.speakers.iter().any(|s| s == speaker_key(c)))
        && (skip == Facet::Entity
            || state.entities.is_empty()
            || state
                .entities
                .iter()
                .all(|e| c.entities.iter().any(|x| x == e)))
}

/// The claims the search and the matter allow, before the facet filters: computed once per
/// change and shared by the results and every facet's counts.
fn searched(corpus: &Corpus, index: &SearchIndex, state: &ViewState) -> Vec<usize> {
    let terms = query_terms(&state.query);
    let text = index.matching(&terms);
    let matter = matter_claims(corpus, state);
    (0..corpus.claims.len())
        .filter(|&i| text.as_ref().is_none_or(|t| t[i]))
        .filter(|&i| matter.as_ref().is_none_or(|m| m.contains(&i)))
        .collect()
}

fn matter_claims(corpus: &Corpus, state: &ViewState) -> Option<FastSet<usize>> {
    let id = state.matter.as_ref()?;
    Some(
        corpus
            .clusters
            .iter()
            .find(|m| &m.id == id)
            .map(|m| m.claims.iter().map(Ref::index).collect())
            .unwrap_or_default(),
    )
}

/// Indices of the claims that pass every filter, in corpus order.
pub fn filter(corpus: &Corpus, index: &SearchIndex, state: &ViewState) -> Vec<usize> {
    select(corpus, index, state).results
}

/// Counts for every facet value, each following all the filters but its own group's.
pub fn facet_counts(corpus: &Corpus, index: &SearchIndex, state: &ViewState) -> Facets {
    select(corpus, index, state).facets
}

/// What the claims view shows for a state: the matching claims and the facet counts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Indices of the claims that pass every filter, in corpus order.
    pub results: Vec<usize>,
    pub facets: Facets,
}

/// One value of a facet with the number of claims it would show given the other filters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetValue {
    pub key: String,
    pub label: String,
    pub count: usize,
    pub selected: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facets {
    pub documents: Vec<FacetValue>,
    pub kinds: Vec<FacetValue>,
    pub speakers: Vec<FacetValue>,
    pub entities: Vec<FacetValue>,
}

/// The results and every facet's counts (each following all the filters but its own group's), in
/// one pass over the searched claims: counting is by table, never value × claims.
pub fn select(corpus: &Corpus, index: &SearchIndex, state: &ViewState) -> Selection {
    let pool = searched(corpus, index, state);
    let mut results = Vec::new();
    let mut by_doc = vec![0usize; corpus.documents.len()];
    let mut by_kind = [0usize; ClaimKind::ALL.len()];
    let mut by_speaker = vec![0usize; index.speakers.len()];
    let mut by_entity = vec![0usize; corpus.entities.len()];
    let bump = |counts: &mut [usize], at: u32| {
        if let Some(n) = counts.get_mut(at as usize) {
            *n += 1;
        }
    };
    let filtering = state.has_facet_filters();
    for &i in &pool {
        // With no facet filter on, every searched claim passes every facet's test.
        let c = filtering.then(|| &corpus.claims[i]);
        let test = |skip: Facet| c.is_none_or(|c| passes(c, state, skip));
        if test(Facet::None) {
            results.push(i);
        }
        if test(Facet::Document) {
            bump(&mut by_doc, index.doc_of[i]);
        }
        if test(Facet::Kind) {
            by_kind[index.kind_of[i] as usize] += 1;
        }
        if test(Facet::Speaker) {
            bump(&mut by_speaker, index.speaker_of[i]);
        }
        if test(Facet::Entity) {
            for &e in &index.entities_of[i] {
                bump(&mut by_entity, e);
            }
        }
    }

    let documents = corpus
        .documents
        .iter()
        .zip(&index.doc_labels)
        .zip(by_doc)
        .map(|((d, label), count)| FacetValue {
            key: d.id.to_string(),
            label: label.clone(),
            count,
            selected: state.documents.iter().any(|x| *x == d.id),
        })
        .collect();

    let kinds = ClaimKind::ALL
        .into_iter()
        .zip(by_kind)
        .map(|(k, count)| FacetValue {
            key: k.as_str().to_string(),
            label: k.as_str().to_string(),
            count,
            selected: state.kinds.contains(&k),
        })
        .collect();

    let mut speakers: Vec<FacetValue> = index
        .speakers
        .iter()
        .zip(by_speaker)
        .map(|(s, count)| FacetValue {
            key: s.clone(),
            label: s.clone(),
            count,
            selected: state.speakers.iter().any(|x| x == s),
        })
        .collect();
    speakers.sort_by(|a, b| {
        (a.key != OWN_VOICE)
            .cmp(&(b.key != OWN_VOICE))
            .then(b.count.cmp(&a.count))
            .then(a.label.cmp(&b.label))
    });

    let mut entities: Vec<FacetValue> = corpus
        .entities
        .iter()
        .zip(by_entity)
        .filter(|(e, count)| *count > 0 || state.entities.iter().any(|x| *x == e.id))
        .map(|(e, count)| FacetValue {
            key: e.id.to_string(),
            label: e.name.clone(),
            count,
            selected: state.entities.iter().any(|x| *x == e.id),
        })
        .collect();
    entities.sort_by(|a, b| {
        b.selected
            .cmp(&a.selected)
            .then(b.count.cmp(&a.count))
            .then(a.label.cmp(&b.label))
    });

    Selection {
        results,
        facets: Facets {
            documents,
            kinds,
            speakers,
            entities,
        },
    }
}

/// The values of a facet worth a button: all of them when there are at most `limit`, else the
/// `limit` with the most claims plus any selected one, in their original order; and how many
/// were left out (a list of 2,000 outlets helps nobody; search finds the rest).
pub fn shortlist(values: &[FacetValue], limit: usize) -> (Vec<FacetValue>, usize) {
    if values.len() <= limit {
        return (values.to_vec(), 0);
    }
    let mut by_count: Vec<usize> = (0..values.len()).collect();
    by_count.sort_by_key(|&i| std::cmp::Reverse(values[i].count));
    let mut keep = vec![false; values.len()];
    for &i in by_count.iter().take(limit) {
        keep[i] = true;
    }
    for (i, v) in values.iter().enumerate() {
        keep[i] |= v.selected;
    }
    // Only the kept values are copied: a long facet is mostly left out.
    let kept: Vec<FacetValue> = values
        .iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(v, _)| v.clone())
        .collect();
    let hidden = values.len() - kept.len();
    (kept, hidden)
}

/// Splits `text` into runs, marking those that match a query word (case and accents ignored).
pub fn highlight(text: &str, query: &str) -> Vec<(String, bool)> {
    let terms = query_terms(query);
    if terms.is_empty() {
        return vec![(text.to_string(), false)];
    }
    let (folded, origin) = fold_for_search(text);
    let mut marks = vec![false; text.len()];
    for t in &terms {
        let mut from = 0;
        while let Some(p) = folded[from..].find(t.as_str()) {
            let (a, b) = (origin[from + p], origin[from + p + t.len()]);
            marks[a..b].iter_mut().for_each(|m| *m = true);
            from += p + t.len().max(1);
            while from < folded.len() && !folded.is_char_boundary(from) {
                from += 1;
            }
        }
    }
    let mut out: Vec<(String, bool)> = Vec::new();
    for (i, c) in text.char_indices() {
        let m = marks[i];
        match out.last_mut() {
            Some((s, last)) if *last == m => s.push(c),
            _ => out.push((c.to_string(), m)),
        }
    }
    out
}

/// Claim cards shown at once; "Show more" adds as many again.
pub const CARDS_PER_PAGE: usize = 20;

/// The line under the page's title.
pub fn lede(corpus: &Corpus) -> String {
    format!(
        "One story from every side: {} articles, {} claims.",
        corpus.documents.len(),
        corpus.claims.len()
    )
}

/// The heading over the claim cards: how many of all the claims the filters leave.
pub fn results_heading(shown: usize, total: usize) -> String {
    if shown == total {
        format!("All {total} claims")
    } else {
        format!("{shown} of {total} claims")
    }
}

/// The button that closes the filters over the cards on a phone: "Show all 179 claims",
/// "Show 12 of 179 claims".
pub fn show_results_label(shown: usize, total: usize) -> String {
    if shown == total {
        format!("Show all {total} claims")
    } else {
        format!("Show {shown} of {total} claims")
    }
}

/// How a claim's speaker is qualified after their name on a card.
pub fn speaker_note(claim: &Claim) -> String {
    let kind = match claim.speaker_kind {
        Some(crate::model::SpeakerKind::Poll) => " (poll)",
        Some(crate::model::SpeakerKind::Unnamed) => " (unnamed source)",
        _ => "",
    };
    let carried = if claim.speaker_carried {
        " — carried over from an earlier sentence"
    } else {
        ""
    };
    format!("{kind}{carried}")
}

/// How a dispute over words or numbers reads on `claim`'s card for its `link` (a quotation
/// worded otherwise, a quantity given another value): this claim's differing words, then the
/// other claim's, `None` for a link of shared phrases. `here “ten”, there “twenty”`;
/// "(nothing)" for a side that only lacks words.
pub fn differing_words(c: &Corpus, claim: &Claim, link: &Link) -> Option<String> {
    if link.basis == crate::model::Basis::Phrase {
        return None;
    }
    let theirs = c
        .claim(&link.claim)?
        .related
        .iter()
        .find(|back| back.claim == claim.id)?;
    let words = |w: &[crate::model::Verbatim]| {
        if w.is_empty() {
            "(nothing)".to_string()
        } else {
            format!(
                "“{}”",
                w.iter()
                    .map(|v| v.as_ref())
                    .collect::<Vec<&str>>()
                    .join(" … ")
            )
        }
    };
    Some(format!(
        "here {}, there {}",
        words(&link.differs),
        words(&theirs.differs)
    ))
}

/// What the page shows for a field the text does not state.
pub const NOT_STATED: &str = "not stated";

/// A field's value, or [`NOT_STATED`]: never a guess.
pub fn stated(value: Option<&str>) -> String {
    value.unwrap_or(NOT_STATED).to_string()
}

/// A title or heading line as a reader sees it: without its Markdown marker ("# Title" is
/// "Title"), which is layout, not words.
pub fn heading_text(text: &str) -> &str {
    &text[crate::lines::value_offset(text)..]
}

/// Where a document's title, author, outlet and date were read from, when that is not the text
/// itself: a saved web page's come from what the page states about itself, written as the first
/// lines of its article text ([`crate::pages`]).
pub fn metadata_source(doc: &crate::model::Document) -> Option<&'static str> {
    doc.text
        .is_some()
        .then_some("a saved web page: title, author, outlet and date as the page's metadata and byline state them (the first lines below)")
}

/// A figure's source as a chart names it: the pollster and who the poll was made for ("YouGov
/// for Coast Herald"), saying "not stated" for what the text does not say.
pub fn figure_source(f: &crate::model::Figure) -> String {
    match (&f.source, &f.commissioned_by) {
        (Some(source), Some(client)) => format!("{source} for {client}"),
        (None, Some(client)) => format!("made for {client}; who ran it {NOT_STATED}"),
        (source, None) => stated(source.as_deref()),
    }
}

/// What a chart's bars measure in, for its caption: "in percent", "in USD", "counts of areas",
/// "no unit stated".
pub fn unit_name(unit: Option<&str>) -> String {
    // A unit of measure is one `data/units.tsv` knows; any other unit is the noun counted.
    let measure = |u: &str| crate::vocab::unit_names().contains(u);
    match unit.filter(|u| !u.trim().is_empty()) {
        Some("%") => "in percent".to_string(),
        Some(u) if measure(u) => format!("in {u}"),
        Some(u) => format!("counts of {u}"),
        None => format!("unit {NOT_STATED}"),
    }
}

/// A figure's value as a chart writes it: as the text writes it, marked "▼ fall" or "▲ rise"
/// when the text says it is a change, so the direction is never shown by position alone.
pub fn value_text(f: &crate::model::Figure) -> String {
    match f.trend {
        Some(crate::model::Trend::Fall) => format!("▼ {} fall", f.text),
        Some(crate::model::Trend::Rise) => format!("▲ {} rise", f.text),
        None => f.text.to_string(),
    }
}

/// Words of an article's opening a label quotes when it states neither outlet nor title.
const OPENING_WORDS: usize = 6;

/// How a document is named to readers: its outlet, else its title, else the opening words of its
/// first paragraph ("“On January 6, the United States Department…”"), so a reader never has to
/// tell articles apart by file names such as `001_650089dbfd7d6cb8.txt`; the file name only for
/// a document with no paragraph at all.
pub fn document_label(d: &Document) -> String {
    if let Some(named) = d.outlet.clone().or_else(|| d.title.clone()) {
        return named;
    }
    let opening = d
        .lines
        .iter()
        .find(|l| l.kind == crate::model::LineKind::Paragraph)
        .map(|l| {
            let ws: Vec<&str> = l.text.split_whitespace().collect();
            let more = if ws.len() > OPENING_WORDS { "…" } else { "" };
            format!("“{}{more}”", ws[..ws.len().min(OPENING_WORDS)].join(" "))
        });
    opening.unwrap_or_else(|| d.file.clone())
}

/// The page's name for the whole site, after what is on screen.
pub const SITE_TITLE: &str = "Parallax — one story from every side";

/// Words of a claim a tab title quotes before "…".
const TITLE_WORDS: usize = 8;

/// The browser tab's title for `state`, so a tab, a bookmark and the history list say what was
/// on screen: the selected claim's opening words and outlet, the article being read, the search
/// or the matter the list shows, else the view's name; always ending with [`SITE_TITLE`].
pub fn page_title(corpus: &Corpus, state: &ViewState) -> String {
    let claim = state
        .claim
        .as_deref()
        .and_then(|id| corpus.claims.iter().find(|c| c.id == id));
    let document = |id: &str| corpus.documents.iter().find(|d| d.id == id);
    let what = if let Some(c) = claim {
        let ws: Vec<&str> = c.text.split_whitespace().collect();
        let opening = ws[..ws.len().min(TITLE_WORDS)].join(" ");
        let more = if ws.len() > TITLE_WORDS { "…" } else { "" };
        let outlet = document(&c.document).map(document_label);
        match outlet {
            Some(o) => format!("“{opening}{more}” ({o})"),
            None => format!("“{opening}{more}”"),
        }
    } else if let (Tab::Reader, Some(d)) = (state.tab, state.read.as_deref().and_then(document)) {
        let title = d.title.as_deref().map(|t| heading_text(t).to_string());
        let name = title.unwrap_or_else(|| document_label(d));
        format!("{name} · Reader")
    } else if !state.query.trim().is_empty() {
        format!("Search “{}” · {}", state.query.trim(), state.tab.label())
    } else if let Some(m) = state
        .matter
        .as_deref()
        .and_then(|id| corpus.clusters.iter().find(|m| m.id == id))
    {
        format!("“{}” · {}", m.label, state.tab.label())
    } else {
        state.tab.label().to_string()
    };
    format!("{what} · {SITE_TITLE}")
}

/// What one outlet does on one matter of the agreement map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stance {
    Asserts,
    Disputes,
    Silent,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MapCell {
    /// The documents of the cell's outlet (its column).
    pub documents: Vec<String>,
    pub claims: Vec<String>,
    pub stance: Stance,
    /// What the cell says, in words and a glyph so colour is never the only sign: "≠ disputes
    /// (1)", "✓ asserts (2)", "❝ reports 1 · ~ hedges 1", "– silent".
    pub label: String,
}

/// A claim's stance as a map cell or card shows it: a glyph and the word.
pub fn stance_label(stance: crate::model::StanceKind) -> String {
    let glyph = match stance {
        crate::model::StanceKind::Asserts => "✓",
        crate::model::StanceKind::Reports => "❝",
        crate::model::StanceKind::Hedges => "~",
        crate::model::StanceKind::Rejects => "✗",
    };
    format!("{glyph} {}", stance.word())
}

/// How a card shows a claim's stance: the glyph and word, and for a rejecting or hedging claim
/// the words that carry it: `~ hedges: “could”`.
pub fn stance_note(claim: &Claim) -> String {
    match &claim.stance_cue {
        Some(cue) => format!("{}: “{}”", stance_label(claim.stance), cue.as_ref() as &str),
        None => stance_label(claim.stance),
    }
}

/// A map cell's words for its claims.
fn cell_label(stance: Stance, claims: &[&Claim]) -> String {
    match stance {
        Stance::Silent => "– silent".to_string(),
        Stance::Disputes => format!("≠ disputes ({})", claims.len()),
        Stance::Asserts => {
            let mut counts: Vec<(crate::model::StanceKind, usize)> = Vec::new();
            for c in claims {
                match counts.iter_mut().find(|(s, _)| *s == c.stance) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((c.stance, 1)),
                }
            }
            counts.sort_unstable();
            match counts.as_slice() {
                [(s, n)] => format!("{} ({n})", stance_label(*s)),
                _ => counts
                    .iter()
                    .map(|(s, n)| format!("{} {n}", stance_label(*s)))
                    .collect::<Vec<_>>()
                    .join(" · "),
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MapRow {
    pub matter: String,
    pub label: String,
    pub cells: Vec<MapCell>,
    /// How its outlets disagree, in words ("numbers differ", "quoted otherwise", "disputed"),
    /// when two of its claims dispute each other; such rows come first.
    pub disagreement: Option<&'static str>,
}

/// How a dispute is named on the map, by what it is about.
pub fn disagreement_name(basis: crate::model::Basis) -> &'static str {
    match basis {
        crate::model::Basis::Number => "numbers differ",
        crate::model::Basis::Quote => "quoted otherwise",
        crate::model::Basis::Phrase => "disputed",
    }
}

/// Up to this many outlets, every outlet is a column of the map, silent or not; past it, this
/// many columns: the outlets that speak to the most shown matters.
pub const MAP_ALL_COLUMNS: usize = 12;

/// One column of the agreement map: an outlet and its documents. Several articles of one outlet
/// share its column; an article whose outlet is not stated is its own column, under its title
/// ([`document_label`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MapColumn {
    pub label: String,
    /// Its document ids, in corpus order.
    pub documents: Vec<String>,
}

/// Which column a document belongs to: its outlet as stated, else the document alone (two
/// articles that state no outlet are never one source, even with one headline).
fn outlet_key(d: &Document) -> String {
    match &d.outlet {
        Some(outlet) => format!("outlet:{outlet}"),
        None => format!("document:{}", d.id),
    }
}

/// The outlets of `corpus` as map columns (label, document indices), in the order their first
/// documents come.
pub fn outlet_columns(corpus: &Corpus) -> Vec<(String, Vec<usize>)> {
    let mut columns: Vec<(String, Vec<usize>)> = Vec::new();
    let mut at: FastMap<String, usize> = FastMap::default();
    for (i, d) in corpus.documents.iter().enumerate() {
        let key = outlet_key(d);
        match at.get(&key) {
            Some(&k) => columns[k].1.push(i),
            None => {
                at.insert(key, columns.len());
                columns.push((document_label(d), vec![i]));
            }
        }
    }
    columns
}

/// The agreement map as shown: the matters most outlets address, against the outlets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgreementMap {
    /// Its columns, in corpus order.
    pub columns: Vec<MapColumn>,
    pub rows: Vec<MapRow>,
    /// Matters left out by the row limit.
    pub more_rows: usize,
}

/// A matter's disagreement: the first dispute between two of its claims, numbers before quotes
/// before phrases; `None` when its outlets do not dispute each other.
fn matter_disagreement(corpus: &Corpus, m: &crate::model::Cluster) -> Option<crate::model::Basis> {
    let members: FastSet<usize> = m.claims.iter().map(Ref::index).collect();
    m.claims
        .iter()
        .filter_map(|c| corpus.claim(c))
        .flat_map(|c| &c.related)
        .filter(|l| l.relation == Relation::Disputes && members.contains(&l.claim.index()))
        .map(|l| l.basis)
        .min_by_key(|b| match b {
            crate::model::Basis::Number => 0,
            crate::model::Basis::Quote => 1,
            crate::model::Basis::Phrase => 2,
        })
}

/// One matter's claims, one column per outlet that speaks to it, for reading side by side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SideBySide {
    /// The matter's label, in the articles' words.
    pub label: String,
    /// How its outlets disagree ([`disagreement_name`]), if they do.
    pub disagreement: Option<&'static str>,
    pub columns: Vec<SideColumn>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SideColumn {
    /// The outlet's first document on the matter, and how readers know the outlet
    /// ([`document_label`]); its other articles' claims are in the same column.
    pub document: String,
    pub outlet: String,
    /// (claim id, verbatim text, [`stance_note`], what differs from the other outlets' wording
    /// when a quote or number is given otherwise), in document order.
    pub claims: Vec<(String, String, String, Option<String>)>,
}

/// The matter `id` of the map read side by side: each document's claims on it in a column, with
/// their stances and what they word otherwise; `None` for an unknown matter.
pub fn side_by_side(corpus: &Corpus, id: &str) -> Option<SideBySide> {
    let m = corpus.clusters.iter().find(|m| m.id == id)?;
    let members: FastSet<usize> = m.claims.iter().map(Ref::index).collect();
    let mut in_order: Vec<usize> = members.iter().copied().collect();
    in_order.sort_unstable();
    let mut columns: Vec<SideColumn> = Vec::new();
    // Each column's outlet ([`outlet_key`]).
    let mut keys: Vec<String> = Vec::new();
    for c in in_order.into_iter().filter_map(|i| corpus.claims.get(i)) {
        let Some(doc) = corpus.document(&c.document) else {
            continue;
        };
        let differs = c
            .related
            .iter()
            .filter(|l| members.contains(&l.claim.index()))
            .find_map(|l| differing_words(corpus, c, l));
        let entry = (
            c.id.to_string(),
            c.text.to_string(),
            stance_note(c),
            differs,
        );
        let key = outlet_key(doc);
        match keys.iter().position(|k| *k == key) {
            Some(at) => columns[at].claims.push(entry),
            None => {
                keys.push(key);
                columns.push(SideColumn {
                    document: doc.id.to_string(),
                    outlet: document_label(doc),
                    claims: vec![entry],
                });
            }
        }
    }
    Some(SideBySide {
        label: m.label.clone(),
        disagreement: matter_disagreement(corpus, m).map(disagreement_name),
        columns,
    })
}

/// Matters several outlets address (the engine's clusters) against the documents: the
/// `max_rows` matters that the most documents share, and as columns every document of a small
/// corpus, or, past [`MAP_ALL_COLUMNS`] documents, the [`MAP_ALL_COLUMNS`] that speak to the most
/// shown matters (a table of thousands of columns tells a reader nothing, and costs seconds).
pub fn agreement_map(corpus: &Corpus, max_rows: usize) -> AgreementMap {
    let disagreements: Vec<Option<crate::model::Basis>> = corpus
        .clusters
        .iter()
        .map(|m| matter_disagreement(corpus, m))
        .collect();
    let outlets = outlet_columns(corpus);
    let mut outlet_of = vec![0usize; corpus.documents.len()];
    for (k, (_, docs)) in outlets.iter().enumerate() {
        for &d in docs {
            outlet_of[d] = k;
        }
    }
    // How many outlets speak to each matter.
    let speakers_of = |m: &crate::model::Cluster| {
        let mut ks: Vec<usize> = m
            .documents
            .iter()
            .filter_map(|d| outlet_of.get(d.index()).copied())
            .collect();
        ks.sort_unstable();
        ks.dedup();
        ks
    };
    // A matter is a row when two outlets speak to it (two articles of one outlet are one side).
    let mut order: Vec<usize> = (0..corpus.clusters.len())
        .filter(|&m| speakers_of(&corpus.clusters[m]).len() >= 2)
        .collect();
    // Disagreements first, then the matters the most outlets share.
    order.sort_by_key(|&m| {
        (
            disagreements[m].is_none(),
            std::cmp::Reverse(speakers_of(&corpus.clusters[m]).len()),
        )
    });
    let more_rows = order.len().saturating_sub(max_rows);
    order.truncate(max_rows);
    // How many shown matters each outlet speaks to.
    let mut speaks = vec![0usize; outlets.len()];
    for &m in &order {
        for k in speakers_of(&corpus.clusters[m]) {
            speaks[k] += 1;
        }
    }
    let shown: Vec<usize> = if outlets.len() <= MAP_ALL_COLUMNS {
        (0..outlets.len()).collect()
    } else {
        let mut ranked: Vec<(usize, usize)> = speaks
            .iter()
            .enumerate()
            .filter(|&(_, &n)| n > 0)
            .map(|(i, &n)| (i, n))
            .collect();
        ranked.sort_by_key(|&(i, n)| (std::cmp::Reverse(n), i));
        ranked.truncate(MAP_ALL_COLUMNS);
        ranked.sort_unstable();
        ranked.into_iter().map(|(i, _)| i).collect()
    };
    let ids = |k: usize| -> Vec<String> {
        outlets[k]
            .1
            .iter()
            .map(|&d| corpus.documents[d].id.to_string())
            .collect()
    };
    let columns: Vec<MapColumn> = shown
        .iter()
        .map(|&k| MapColumn {
            label: outlets[k].0.clone(),
            documents: ids(k),
        })
        .collect();
    let rows = order
        .into_iter()
        .map(|at| {
            let m = &corpus.clusters[at];
            let members: FastSet<usize> = m.claims.iter().map(Ref::index).collect();
            let mut in_order: Vec<usize> = m
                .claims
                .iter()
                .filter(|c| corpus.claim(c).is_some())
                .map(Ref::index)
                .collect();
            in_order.sort_unstable();
            let mut by_outlet: FastMap<usize, Vec<&Claim>> = FastMap::default();
            for c in in_order.into_iter().map(|i| &corpus.claims[i]) {
                if let Some(&k) = outlet_of.get(c.document.index()) {
                    by_outlet.entry(k).or_default().push(c);
                }
            }
            let cells = shown
                .iter()
                .map(|&k| {
                    let claims = by_outlet.get(&k).cloned().unwrap_or_default();
                    // Disputed by another outlet, not by one of its own articles.
                    let other_outlet = |l: &crate::model::Link| {
                        corpus
                            .claim(&l.claim)
                            .and_then(|o| outlet_of.get(o.document.index()))
                            .is_some_and(|&ok| ok != k)
                    };
                    let disputes = claims.iter().any(|c| {
                        c.related.iter().any(|l| {
                            l.relation == Relation::Disputes
                                && members.contains(&l.claim.index())
                                && other_outlet(l)
                        })
                    });
                    let stance = if claims.is_empty() {
                        Stance::Silent
                    } else if disputes {
                        Stance::Disputes
                    } else {
                        Stance::Asserts
                    };
                    MapCell {
                        documents: ids(k),
                        claims: claims.iter().map(|c| c.id.to_string()).collect(),
                        label: cell_label(stance, &claims),
                        stance,
                    }
                })
                .collect();
            MapRow {
                matter: m.id.clone(),
                label: m.label.clone(),
                cells,
                disagreement: disagreements[at].map(disagreement_name),
            }
        })
        .collect();
    AgreementMap {
        columns,
        rows,
        more_rows,
    }
}

/// The story in a few lines, from the agreement map: the matters the most outlets report and
/// how many of them do, and the matters on which they differ and how. Every label is a matter's
/// own (the articles' words); nothing is summarised beyond what the map shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoryLines {
    /// Outlets in the corpus.
    pub outlets: usize,
    /// (matter id, label, outlets that speak to it), most outlets first.
    pub reported: Vec<(String, String, usize)>,
    /// (matter id, label, how they differ: [`disagreement_name`]).
    pub differ: Vec<(String, String, &'static str)>,
}

/// How many matters each part of [`story_lines`] names at most.
pub const STORY_LINES: usize = 5;

/// The story up front ([`StoryLines`]) from `map` (as [`agreement_map`] made it for `corpus`).
pub fn story_lines(corpus: &Corpus, map: &AgreementMap) -> StoryLines {
    let outlets = outlet_columns(corpus).len();
    let speaking = |r: &MapRow| {
        r.cells
            .iter()
            .filter(|c| c.stance != Stance::Silent)
            .count()
    };
    let mut reported: Vec<(String, String, usize)> = map
        .rows
        .iter()
        .filter(|r| r.disagreement.is_none())
        .map(|r| (r.matter.clone(), r.label.clone(), speaking(r)))
        .collect();
    reported.sort_by_key(|(_, _, n)| std::cmp::Reverse(*n));
    reported.truncate(STORY_LINES);
    let differ = map
        .rows
        .iter()
        .filter_map(|r| {
            r.disagreement
                .map(|d| (r.matter.clone(), r.label.clone(), d))
        })
        .take(STORY_LINES)
        .collect();
    StoryLines {
        outlets,
        reported,
        differ,
    }
}

/// "4 of 5 outlets report", "all 3 outlets report".
pub fn reported_by(n: usize, outlets: usize) -> String {
    if n == outlets {
        format!("all {outlets} outlets report")
    } else {
        format!("{n} of {outlets} outlets report")
    }
}

/// Each document's claims counted by kind (in `ClaimKind::ALL` order), in document order: one
/// pass over the claims, for the overview's table and the preview image.
pub fn claims_by_kind(corpus: &Corpus) -> Vec<[usize; ClaimKind::ALL.len()]> {
    let mut counts = vec![[0; ClaimKind::ALL.len()]; corpus.documents.len()];
    for c in &corpus.claims {
        let kind = ClaimKind::ALL.iter().position(|k| *k == c.kind);
        if let (Some(row), Some(k)) = (counts.get_mut(c.document.index()), kind) {
            row[k] += 1;
        }
    }
    counts
}

/// A citation a journalist can paste: the claim, who published it, and where in the file.
pub fn citation(corpus: &Corpus, claim: &Claim) -> String {
    let doc = corpus.document(&claim.document);
    let outlet = stated(doc.and_then(|d| d.outlet.as_deref()));
    let author = stated(doc.and_then(|d| d.author.as_deref()));
    let date = stated(doc.and_then(|d| d.date.as_deref()));
    let title = doc
        .and_then(|d| d.title.clone())
        .map(|t| format!(" “{t}”."))
        .unwrap_or_default();
    let file = doc.map(|d| d.file.as_str()).unwrap_or("");
    let said = claim
        .speaker
        .as_ref()
        .map(|s| format!(" (according to {s})"))
        .unwrap_or_default();
    format!("“{}”{said} — outlet: {outlet}; author: {author}; date: {date}.{title} Source file {file}, bytes {}–{}.", claim.text, claim.start, claim.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_round_trip_any_text() {
        let state = ViewState {
            tab: Tab::Claims,
            documents: vec!["000_a".into(), "doc with space".into()],
            kinds: vec![ClaimKind::Statement, ClaimKind::Prediction],
            speakers: vec![OWN_VOICE.into(), "Prime Minister's Office".into()],
            entities: vec!["ahmed-al-sharaa".into()],
            matter: Some("m1".into()),
            query: "freedom & “action”, 100%".into(),
            claim: Some("001-c14".into()),
            read: Some("004_x".into()),
            chrome: true,
        };
        let hash = state.to_hash();
        assert!(!hash.contains(' ') && !hash.contains('“'));
        assert_eq!(ViewState::from_hash(&format!("#{hash}")), Ok(state));
        assert_eq!(ViewState::default().to_hash(), "");
        assert_eq!(ViewState::from_hash(""), Ok(ViewState::default()));
        assert_eq!(
            ViewState::from_hash("#tab=figures").map(|s| s.tab),
            Ok(Tab::Figures)
        );
    }

    #[test]
    fn opening_a_claim_clears_what_could_hide_it() {
        let mut s = ViewState {
            tab: Tab::Reader,
            query: "x".into(),
            kinds: vec![ClaimKind::Report],
            ..Default::default()
        };
        s.open_claim("d-c1".into());
        assert_eq!(
            s,
            ViewState {
                tab: Tab::Claims,
                claim: Some("d-c1".into()),
                ..Default::default()
            }
        );
    }

    #[test]
    fn malformed_hashes_fall_back_with_a_notice() {
        let notice = |h: &str| ViewState::from_hash(h).unwrap_err();
        assert!(notice("#tab=nowhere").contains("tab"));
        assert!(notice("#kind=rumour").contains("kind filter"));
        assert!(notice("#q=%E2%28").contains("search"));
        assert!(notice("#q=%zz").contains("search"));
        assert!(notice("#<script>=1").contains("unknown part “<script>”"));
        assert!(notice(&format!("#q={}", "a".repeat(5000))).contains("too long"));
    }

    #[test]
    fn highlights_ignore_case_and_accents() {
        let runs = highlight("Türkiye and TURKIYE, not Turks.", "turkiye");
        let marked: Vec<&str> = runs
            .iter()
            .filter(|(_, m)| *m)
            .map(|(s, _)| s.as_str())
            .collect();
        assert_eq!(marked, ["Türkiye", "TURKIYE"]);
        assert_eq!(
            highlight("Syria’s deal", "syria's")
                .iter()
                .filter(|r| r.1)
                .count(),
            1
        );
        assert_eq!(highlight("plain", ""), [("plain".to_string(), false)]);
        let joined: String = highlight("a Türkiye b", "kiye")
            .into_iter()
            .map(|r| r.0)
            .collect();
        assert_eq!(joined, "a Türkiye b");
    }
}
