//! The engine's output: one [`Corpus`] value, plain data, serializable.
//!
//! These types are the export contract (`parallax export` prints a `Corpus` as JSON) and the page's
//! state, so field names are chosen for readers of the JSON, and every field that the source text
//! may not state is an `Option` that serializes as `null`.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// A span of one document's source text, read through the single shared copy of that source.
///
/// Claims, figures, mentions, lines and events used to carry copies of their words (13 MB of
/// copies for 5.6 MB of text at 2,000 articles). A `Verbatim` is a pointer to the document's source
/// and a byte range, so the words exist once however many records quote them. It reads as `str`
/// (`Deref`) and serializes as the string, so the JSON export is unchanged.
///
/// The range is checked when the span is made: a range that is not on character boundaries of the
/// source becomes an empty span, so reading a `Verbatim` can never panic.
#[derive(Clone)]
pub struct Verbatim {
    source: Arc<str>,
    start: usize,
    end: usize,
}

impl Verbatim {
    /// The bytes `[start, end)` of `source`; empty when that range is not a `str` slice of it.
    pub fn span(source: &Arc<str>, start: usize, end: usize) -> Verbatim {
        let (start, end) = if source.get(start..end).is_some() {
            (start, end)
        } else {
            (0, 0)
        };
        Verbatim {
            source: Arc::clone(source),
            start,
            end,
        }
    }

    pub fn as_str(&self) -> &str {
        self.source.get(self.start..self.end).unwrap_or_default()
    }

    /// Another span of the same source (offsets in the source, like `span`'s).
    pub fn span_of_same_source(&self, start: usize, end: usize) -> Verbatim {
        Verbatim::span(&self.source, start, end)
    }

    /// Its byte range in its source.
    pub(crate) fn bounds(&self) -> (usize, usize) {
        (self.start, self.end)
    }

    /// The whole source it is a span of.
    pub(crate) fn source(&self) -> &str {
        &self.source
    }

    /// Whether `other` is a span of the same copy of a source.
    pub(crate) fn same_source(&self, other: &Verbatim) -> bool {
        Arc::ptr_eq(&self.source, &other.source)
    }
}

impl std::ops::Deref for Verbatim {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Verbatim {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for Verbatim {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for Verbatim {
    fn from(s: &str) -> Verbatim {
        Verbatim::from(s.to_string())
    }
}

impl From<String> for Verbatim {
    fn from(s: String) -> Verbatim {
        let end = s.len();
        Verbatim {
            source: Arc::from(s),
            start: 0,
            end,
        }
    }
}

impl Default for Verbatim {
    fn default() -> Verbatim {
        Verbatim::from(String::new())
    }
}

impl std::fmt::Debug for Verbatim {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for Verbatim {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq for Verbatim {
    fn eq(&self, other: &Verbatim) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Verbatim {}

impl std::hash::Hash for Verbatim {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state)
    }
}

impl PartialEq<str> for Verbatim {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Verbatim {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Verbatim {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<Verbatim> for String {
    fn eq(&self, other: &Verbatim) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<Verbatim> for &str {
    fn eq(&self, other: &Verbatim) -> bool {
        *self == other.as_str()
    }
}

impl Serialize for Verbatim {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if crate::packed::active() {
            let source = crate::packed::source_number(&self.source);
            return (source, self.start, self.end).serialize(serializer);
        }
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Verbatim {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Verbatim, D::Error> {
        if crate::packed::active() {
            return crate::packed::read_verbatim(deserializer);
        }
        String::deserialize(deserializer).map(Verbatim::from)
    }
}

/// A reference to a record of the corpus by its position, carrying the record's id.
///
/// Inside the engine and the page a claim's document, a link's claim or a mention's document is a
/// number: `corpus.documents[r.index()]` with no id → position map to build. The id travels beside
/// it (one shared copy per record, not a string per reference) because it is the export contract:
/// a `Ref` serializes as the id, so the JSON and CSV still say `"document": "bbc-3"`. It also reads
/// as that id (`Deref<Target = str>`) for code that shows or compares ids.
#[derive(Clone)]
pub struct Ref {
    index: u32,
    id: Arc<str>,
}

impl Ref {
    pub fn new(index: usize, id: &Arc<str>) -> Ref {
        Ref {
            index: u32::try_from(index).unwrap_or(u32::MAX),
            id: Arc::clone(id),
        }
    }

    /// The record's position in its list of the corpus (`documents`, `claims`, `entities`).
    pub fn index(&self) -> usize {
        self.index as usize
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn as_str(&self) -> &str {
        &self.id
    }

    /// The same record seen from a list that starts `by` records later (documents parsed one by
    /// one number their claims from 0; the corpus numbers them all).
    pub(crate) fn shifted(&self, by: usize) -> Ref {
        Ref::new(self.index() + by, &self.id)
    }

    pub(crate) fn at(&self, index: usize) -> Ref {
        Ref::new(index, &self.id)
    }
}

impl std::ops::Deref for Ref {
    type Target = str;
    fn deref(&self) -> &str {
        &self.id
    }
}

impl AsRef<str> for Ref {
    fn as_ref(&self) -> &str {
        &self.id
    }
}

impl std::borrow::Borrow<str> for Ref {
    fn borrow(&self) -> &str {
        &self.id
    }
}

impl std::fmt::Debug for Ref {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}#{}", &*self.id, self.index)
    }
}

impl std::fmt::Display for Ref {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.id)
    }
}

/// Ids are unique within their list, so two references are equal when their ids are.
impl PartialEq for Ref {
    fn eq(&self, other: &Ref) -> bool {
        self.id == other.id
    }
}

impl Eq for Ref {}

impl std::hash::Hash for Ref {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.id.hash(state)
    }
}

impl PartialOrd for Ref {
    fn partial_cmp(&self, other: &Ref) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Ordered by id, as the string ids were.
impl Ord for Ref {
    fn cmp(&self, other: &Ref) -> std::cmp::Ordering {
        self.id.cmp(&other.id)
    }
}

impl PartialEq<str> for Ref {
    fn eq(&self, other: &str) -> bool {
        &*self.id == other
    }
}

impl PartialEq<&str> for Ref {
    fn eq(&self, other: &&str) -> bool {
        &*self.id == *other
    }
}

impl PartialEq<String> for Ref {
    fn eq(&self, other: &String) -> bool {
        *self.id == **other
    }
}

impl PartialEq<Ref> for String {
    fn eq(&self, other: &Ref) -> bool {
        **self == *other.id
    }
}

impl PartialEq<Ref> for &str {
    fn eq(&self, other: &Ref) -> bool {
        *self == &*other.id
    }
}

impl Serialize for Ref {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if crate::packed::active() {
            return (self.index, crate::packed::id_number(&self.id)).serialize(serializer);
        }
        serializer.serialize_str(&self.id)
    }
}

/// Read back from the export (tests only) as a reference whose position is unknown; from a
/// packed corpus ([`crate::packed`]) with its position.
impl<'de> Deserialize<'de> for Ref {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Ref, D::Error> {
        if crate::packed::active() {
            return crate::packed::read_ref(deserializer);
        }
        String::deserialize(deserializer).map(|id| Ref::new(usize::MAX, &Arc::from(id)))
    }
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Corpus {
    pub documents: Vec<Document>,
    pub claims: Vec<Claim>,
    pub figures: Vec<Figure>,
    pub entities: Vec<Entity>,
    pub events: Vec<Event>,
    /// Claims from several documents about the same matter, joined by their links.
    pub clusters: Vec<Cluster>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Corpus {
    /// The document a claim (or a figure, event or mention: anything with a document `Ref`) is in.
    pub fn document(&self, at: &Ref) -> Option<&Document> {
        self.documents.get(at.index())
    }

    /// The claim a `Ref` (a link's, a figure's, an event's) points at.
    pub fn claim(&self, at: &Ref) -> Option<&Claim> {
        self.claims.get(at.index())
    }

    /// The entity a claim's `Ref` points at.
    pub fn entity(&self, at: &Ref) -> Option<&Entity> {
        self.entities.get(at.index())
    }
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The file was not used.
    Error,
    /// The file was used, but something in it could not be read as expected.
    Warning,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    pub severity: Severity,
    pub message: String,
}

/// The line of the source a metadata field was read from.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Evidence {
    /// 1-based line number in the source file.
    pub line: usize,
    /// Byte span of the value itself in the source file.
    pub start: usize,
    pub end: usize,
    /// The whole line the value was found on.
    pub line_text: Verbatim,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Provenance {
    pub title: Option<Evidence>,
    pub dek: Option<Evidence>,
    pub outlet: Option<Evidence>,
    pub author: Option<Evidence>,
    pub date: Option<Evidence>,
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    Title,
    Dek,
    Byline,
    Heading,
    Paragraph,
    ListItem,
    Caption,
    Credit,
    PullQuote,
    Bio,
    Boilerplate,
}

impl LineKind {
    /// Lines a reader sees as the article itself (the rest is chrome, shown on demand).
    pub fn is_content(self) -> bool {
        matches!(
            self,
            LineKind::Title
                | LineKind::Dek
                | LineKind::Heading
                | LineKind::Paragraph
                | LineKind::ListItem
        )
    }
}

/// One non-blank line of a source file and what it is.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Line {
    pub kind: LineKind,
    /// 1-based line number.
    pub number: usize,
    pub start: usize,
    pub end: usize,
    pub text: Verbatim,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Document {
    /// Stable id derived from the file name, and its position in `Corpus::documents`.
    pub id: Ref,
    /// The story it tells, numbered from 0 in corpus order: documents that share what the rest of
    /// the corpus does not ([`crate::stories`]). Claims of different stories are never linked.
    #[serde(default)]
    pub story: usize,
    /// File name as given (relative to the corpus folder).
    pub file: String,
    pub title: Option<String>,
    pub dek: Option<String>,
    pub outlet: Option<String>,
    pub author: Option<String>,
    /// ISO 8601 publication date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) as stated by the text.
    pub date: Option<String>,
    /// Where each metadata field came from.
    pub provenance: Provenance,
    pub lines: Vec<Line>,
    /// Size of the source in bytes.
    pub bytes: usize,
    /// Hex FNV-1a hash of the source bytes, to tell two copies of a corpus apart.
    pub fingerprint: String,
    /// For a saved web page, the article text read from it ([`crate::pages`]), which every span
    /// of the document indexes (a text file's spans index the file itself).
    #[serde(default, skip_serializing_if = "crate::packed::omit_none")]
    pub text: Option<Verbatim>,
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    /// The article's own account of what happened.
    Report,
    /// A quoted or attributed assertion.
    Statement,
    /// A claim carrying a figure.
    Statistic,
    /// An evaluation or interpretation.
    Assessment,
    /// A claim about the future.
    Prediction,
    /// A claim about what someone should do.
    Recommendation,
}

impl ClaimKind {
    pub const ALL: [ClaimKind; 6] = [
        ClaimKind::Report,
        ClaimKind::Statement,
        ClaimKind::Statistic,
        ClaimKind::Assessment,
        ClaimKind::Prediction,
        ClaimKind::Recommendation,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Report => "report",
            ClaimKind::Statement => "statement",
            ClaimKind::Statistic => "statistic",
            ClaimKind::Assessment => "assessment",
            ClaimKind::Prediction => "prediction",
            ClaimKind::Recommendation => "recommendation",
        }
    }
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    Person,
    Organisation,
    Poll,
    /// A statement, report or other document not tied to a named author.
    Document,
    /// A vague source: "reports", "sources", "observers".
    Unnamed,
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    Agrees,
    Disputes,
    Related,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Link {
    pub claim: Ref,
    pub relation: Relation,
    /// Weighted overlap in [0, 1].
    pub score: f32,
    /// The shared terms that made the link, most telling first, as this claim words them.
    pub shared: Vec<Verbatim>,
    /// For a dispute: the words of this claim that differ from the other's (a quotation's words
    /// that the other outlet quotes otherwise), empty when this side only lacks words.
    #[serde(default, skip_serializing_if = "crate::packed::omit_empty")]
    pub differs: Vec<Verbatim>,
    /// What the dispute is about: the same quotation worded differently (`quote`), or a shared
    /// phrase one side negates (`phrase`, the default, not written out).
    #[serde(default, skip_serializing_if = "Basis::omitted")]
    pub basis: Basis,
}

/// How a claim stands toward what it says.
#[derive(
    Clone, Copy, Debug, Default, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord,
)]
#[serde(rename_all = "lowercase")]
pub enum StanceKind {
    /// Stated in the outlet's own voice.
    #[default]
    Asserts,
    /// Attributed to someone else ("X said", "according to").
    Reports,
    /// Cast as possible or unproven ("could", "allegedly", "if").
    Hedges,
    /// Negated or denied ("not", "denied", "far from").
    Rejects,
}

impl StanceKind {
    /// The word a reader sees.
    pub fn word(self) -> &'static str {
        match self {
            StanceKind::Asserts => "asserts",
            StanceKind::Reports => "reports",
            StanceKind::Hedges => "hedges",
            StanceKind::Rejects => "rejects",
        }
    }
}

/// What makes a link ([`Link::basis`]).
#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    /// Shared words and phrases.
    #[default]
    Phrase,
    /// The same quotation, worded differently by the two outlets.
    Quote,
    /// The same quantity, given different values.
    Number,
}

impl Basis {
    /// Left out of the export when it is the usual one (never when packing, whose form has no
    /// field names to tell what was left out).
    fn omitted(&self) -> bool {
        *self == Basis::Phrase && !crate::packed::active()
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Claim {
    /// Its own id and its position in `Corpus::claims`.
    pub id: Ref,
    pub document: Ref,
    /// Verbatim text; the source file's bytes `[start, end)` are exactly this.
    pub text: Verbatim,
    pub start: usize,
    pub end: usize,
    /// 1-based line number of the paragraph.
    pub line: usize,
    pub kind: ClaimKind,
    /// Who asserts it when the article attributes it; `null` for the article's own voice.
    pub speaker: Option<String>,
    pub speaker_kind: Option<SpeakerKind>,
    /// The words of the text that attribute the claim ("according to …", "… said").
    pub attribution: Option<String>,
    /// True when the speaker was carried over from an earlier sentence.
    pub speaker_carried: bool,
    /// The speaker's role and affiliation as the text gives them, apart from the name
    /// ("shadow attorney general", "Rep., R-Calif."); absent when the text gives none here.
    #[serde(default, skip_serializing_if = "crate::packed::omit_none")]
    pub speaker_role: Option<String>,
    /// How the claim stands toward what it says ([`crate::stance`]).
    #[serde(default)]
    pub stance: StanceKind,
    /// The words that carry a `rejects` or `hedges` stance ("not", "allegedly").
    #[serde(default, skip_serializing_if = "crate::packed::omit_none")]
    pub stance_cue: Option<Verbatim>,
    /// The entities mentioned in the claim.
    pub entities: Vec<Ref>,
    pub related: Vec<Link>,
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum FigureKind {
    Poll,
    Economic,
    Other,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Figure {
    pub id: String,
    pub document: Ref,
    pub claim: Ref,
    pub value: f64,
    /// `%` for percentages; a canonical unit (`MW`, `USD`) or the counted noun; `null` if none.
    pub unit: Option<String>,
    /// The number as written ("Forty-three per cent", "$5bn").
    pub text: Verbatim,
    pub start: usize,
    pub end: usize,
    /// What it measures, in the text's words.
    pub label: String,
    pub population: Option<String>,
    pub sample_size: Option<u64>,
    /// Pollster or publisher named by the text.
    pub source: Option<String>,
    /// Who a poll was made for, when the text says ("a YouGov poll for The Times": The Times);
    /// the pollster is `source`.
    #[serde(default, skip_serializing_if = "crate::packed::omit_none")]
    pub commissioned_by: Option<String>,
    /// ISO date the text gives for the figure (publication or fieldwork).
    pub date: Option<String>,
    pub kind: FigureKind,
    /// A change the text says is a fall or a rise ("GDP collapse", "down 20 points"), read from
    /// its words ([`crate::figures::trend`]); `None` when it says neither, or both.
    #[serde(default, skip_serializing_if = "crate::packed::omit_none")]
    pub trend: Option<Trend>,
}

/// Which way a figure that is a change goes.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Trend {
    Rise,
    Fall,
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organisation,
    Place,
    Group,
    Other,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Mention {
    pub document: Ref,
    pub start: usize,
    pub end: usize,
    pub text: Verbatim,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Entity {
    /// Its id and its position in `Corpus::entities`.
    pub id: Ref,
    pub name: String,
    pub kind: EntityKind,
    /// Other spellings seen in the corpus (variants, transliterations, acronyms, demonyms).
    pub aliases: Vec<String>,
    /// The documents that mention it.
    pub documents: Vec<Ref>,
    pub mentions: Vec<Mention>,
    /// True when the gazetteer knows it; false when found from capitalisation and context.
    pub known: bool,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Event {
    /// ISO 8601: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: String,
    /// True when resolved against the document's date (relative or year-less dates).
    pub inferred: bool,
    /// The claim's text.
    pub text: Verbatim,
    pub document: Ref,
    pub claim: Ref,
    /// The date words as written ("last Sunday") and their span.
    pub when: Verbatim,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Cluster {
    pub id: String,
    /// A phrase the claims share, verbatim from one of them.
    pub label: String,
    pub claims: Vec<Ref>,
    pub documents: Vec<Ref>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_verbatim_span_reads_its_bytes_and_serializes_as_the_string() {
        let source: Arc<str> = Arc::from("Prices rose “sharply” on Monday.");
        let t = Verbatim::span(&source, 12, 25);
        assert_eq!(t, "“sharply”");
        assert_eq!(serde_json::to_string(&t).unwrap(), "\"“sharply”\"");
    }

    #[test]
    fn a_range_off_the_characters_of_the_source_is_empty_not_a_panic() {
        let source: Arc<str> = Arc::from("“sharply”");
        // 1 is inside the three bytes of “; 99 is past the end; 5 > 2 is backwards.
        for (a, b) in [(1, 4), (0, 99), (5, 2)] {
            assert_eq!(Verbatim::span(&source, a, b).as_str(), "");
        }
    }
}
