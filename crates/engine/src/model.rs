//! The engine's output: one [`Corpus`] value, plain data, serializable.
//!
//! These types are the export contract (`parallax export` prints a `Corpus` as JSON) and the page's
//! state, so field names are chosen for readers of the JSON, and every field that the source text
//! may not state is an `Option` that serializes as `null`.

use serde::{Deserialize, Serialize};

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
    pub line_text: String,
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
    pub text: String,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Document {
    /// Stable id derived from the file name.
    pub id: String,
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
    pub claim: String,
    pub relation: Relation,
    /// Weighted overlap in [0, 1].
    pub score: f32,
    /// The shared terms that made the link, most telling first.
    pub shared: Vec<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Claim {
    pub id: String,
    pub document: String,
    /// Verbatim text; the source file's bytes `[start, end)` are exactly this.
    pub text: String,
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
    /// Entity ids mentioned in the claim.
    pub entities: Vec<String>,
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
    pub document: String,
    pub claim: String,
    pub value: f64,
    /// `%` for percentages; a canonical unit (`MW`, `USD`) or the counted noun; `null` if none.
    pub unit: Option<String>,
    /// The number as written ("Forty-three per cent", "$5bn").
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// What it measures, in the text's words.
    pub label: String,
    pub population: Option<String>,
    pub sample_size: Option<u64>,
    /// Pollster or publisher named by the text.
    pub source: Option<String>,
    /// ISO date the text gives for the figure (publication or fieldwork).
    pub date: Option<String>,
    pub kind: FigureKind,
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
    pub document: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Entity {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    /// Other spellings seen in the corpus (variants, transliterations, acronyms, demonyms).
    pub aliases: Vec<String>,
    /// Ids of the documents that mention it.
    pub documents: Vec<String>,
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
    pub text: String,
    pub document: String,
    pub claim: String,
    /// The date words as written ("last Sunday") and their span.
    pub when: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Cluster {
    pub id: String,
    /// A phrase the claims share, verbatim from one of them.
    pub label: String,
    pub claims: Vec<String>,
    pub documents: Vec<String>,
}
