//! A built corpus written so that a page only decodes it: parsed once at build time (or by the
//! command line), read back without the parser.
//!
//! The form is the export's own serde model in `postcard` (fields by position, numbers as
//! varints), with two changes that keep it compact and keep the decoded corpus sharing memory as a
//! built one does: every text is written once, in a table of sources, and each [`Verbatim`]
//! becomes `(source, start, end)` into it; every id is written once, in a table of ids, and each
//! [`Ref`] becomes `(index, id)`. Beside the articles it travels with, a source that is one of
//! them is written as its file name ([`pack_beside`]). The export leaves empty optional fields out
//! (`skip_serializing_if`), which a format without field names cannot read back, so while packing
//! every field is written ([`omit_none`]). JSON with the same tables was measured first: field
//! names made it 50 MB for 2,000 generated articles (5.4 MB of text).
//!
//! `(FORMAT, built, sources, ids, corpus)`: [`FORMAT`] changes whenever the model does, so a
//! page meeting another format says so and reads the articles again instead. Decoding never
//! panics: a source or id out of its table, a span off the text, or a reference to a record that
//! is not there is an error that names it ([`unpack`]).

use std::cell::RefCell;
use std::sync::Arc;

use serde::de::Error as _;
use serde::Deserializer;

use crate::model::{Corpus, Ref, Verbatim};
use crate::text::FastMap;

/// The packed form's version; a corpus packed in another cannot be decoded by this engine.
pub const FORMAT: u32 = 2;

/// Texts and ids met while packing (keyed by their shared copy's address), or read back for
/// unpacking.
#[derive(Default)]
struct Tables {
    sources: Vec<Arc<str>>,
    source_at: FastMap<usize, u32>,
    ids: Vec<Arc<str>>,
    id_at: FastMap<usize, u32>,
}

thread_local! {
    /// Set while [`pack`] or [`unpack`] runs on this thread; `Verbatim` and `Ref` read it to
    /// write or read their compact form instead of their text.
    static TABLES: RefCell<Option<Tables>> = const { RefCell::new(None) };
}

/// Whether a pack or unpack is running on this thread.
pub(crate) fn active() -> bool {
    TABLES.with(|t| t.borrow().is_some())
}

/// `skip_serializing_if` for the export's optional fields: left out of the JSON when empty,
/// always written when packing.
pub(crate) fn omit_none<T>(value: &Option<T>) -> bool {
    value.is_none() && !active()
}

pub(crate) fn omit_empty<T>(value: &[T]) -> bool {
    value.is_empty() && !active()
}

fn table_index(
    arc: &Arc<str>,
    pick: impl Fn(&mut Tables) -> (&mut Vec<Arc<str>>, &mut FastMap<usize, u32>),
) -> u32 {
    TABLES.with(|t| {
        let mut t = t.borrow_mut();
        let Some(tables) = t.as_mut() else { return 0 };
        let (list, at) = pick(tables);
        let key = Arc::as_ptr(arc) as *const u8 as usize;
        *at.entry(key).or_insert_with(|| {
            list.push(Arc::clone(arc));
            (list.len() - 1) as u32
        })
    })
}

/// The number of `source` in the table of the corpus being packed (a span is written as
/// `(source number, start, end)`).
pub(crate) fn source_number(source: &Arc<str>) -> u32 {
    table_index(source, |t| (&mut t.sources, &mut t.source_at))
}

pub(crate) fn id_number(id: &Arc<str>) -> u32 {
    table_index(id, |t| (&mut t.ids, &mut t.id_at))
}

/// The source numbered `n` by the corpus being unpacked.
pub(crate) fn source(n: u32) -> Option<Arc<str>> {
    TABLES.with(|t| t.borrow().as_ref()?.sources.get(n as usize).cloned())
}

pub(crate) fn id(n: u32) -> Option<Arc<str>> {
    TABLES.with(|t| t.borrow().as_ref()?.ids.get(n as usize).cloned())
}

/// Runs `f` with `tables` installed, and takes them back out, also when `f` fails or panics
/// (so an export on this thread afterwards writes text again); a pack or unpack inside another
/// puts the outer tables back when it ends.
fn with_tables<T>(tables: Tables, f: impl FnOnce() -> T) -> (T, Tables) {
    struct Installed(Option<Tables>);
    impl Drop for Installed {
        fn drop(&mut self) {
            let outer = self.0.take();
            TABLES.with(|t| *t.borrow_mut() = outer);
        }
    }
    let outer = TABLES.with(|t| t.borrow_mut().replace(tables));
    let installed = Installed(outer);
    let out = f();
    let tables = TABLES.with(|t| t.borrow_mut().take()).unwrap_or_default();
    drop(installed);
    (out, tables)
}

/// `corpus` packed, with the date (or any words) of the build that made it; an error only if
/// the serializer fails (it writes to memory, so in practice when memory runs out).
pub fn pack(corpus: &Corpus, built: &str) -> Result<Vec<u8>, String> {
    pack_beside(corpus, built, &[])
}

/// A source text as packed: written out, or the text of one of the articles the packed corpus
/// travels beside (a saved page's, the browser's storage), by its file name, so it is not
/// carried twice. By name, not position: whoever carries the articles may leave some out (text
/// that is not UTF-8 is never carried).
#[derive(serde::Serialize)]
enum SourceOut<'a> {
    Text(&'a str),
    Article(&'a str),
}

/// [`SourceOut`] read back (postcard writes an enum as its variant's number, so the two agree).
#[derive(serde::Deserialize)]
enum SourceIn {
    Text(String),
    Article(String),
}

/// `corpus` packed to travel beside `articles` (those it was read from): a source text that is
/// one of theirs is written as its file name ([`unpack_beside`] takes it back from them).
pub fn pack_beside(
    corpus: &Corpus,
    built: &str,
    articles: &[crate::Input],
) -> Result<Vec<u8>, String> {
    let (body, tables) = with_tables(Tables::default(), || postcard::to_allocvec(corpus));
    let body = body.map_err(|e| e.to_string())?;
    // A text is written as an article's name only when that name gives back this very text
    // (two articles may share a name; the last one is the one a name finds).
    let by_name = texts_by_name(articles);
    let article_of: FastMap<&[u8], &str> = articles
        .iter()
        .filter(|a| by_name.get(a.file.as_str()) == Some(&a.bytes.as_slice()))
        .map(|a| (a.bytes.as_slice(), a.file.as_str()))
        .collect();
    let sources: Vec<SourceOut> = tables
        .sources
        .iter()
        .map(|s| match article_of.get(s.as_bytes()) {
            Some(file) => SourceOut::Article(file),
            None => SourceOut::Text(s),
        })
        .collect();
    let ids: Vec<&str> = tables.ids.iter().map(|s| &**s).collect();
    let head = (FORMAT, built, sources, ids);
    // A postcard tuple is its parts one after the other: the head, then the corpus.
    let mut out = postcard::to_allocvec(&head).map_err(|e| e.to_string())?;
    out.extend(body);
    Ok(out)
}

/// What [`unpack`] could not do.
#[derive(Debug, PartialEq, Eq)]
pub enum Unpacked {
    /// Packed by an engine of another format (and its build's words): read the articles again.
    OtherFormat { format: u32, built: String },
    /// Not a packed corpus, or a damaged one: what is wrong.
    Damaged(String),
}

impl std::fmt::Display for Unpacked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unpacked::OtherFormat { format, built } => write!(
                f,
                "it was read by another version of Parallax (format {format}, built {built}; this one reads format {FORMAT})"
            ),
            Unpacked::Damaged(why) => write!(f, "it is damaged ({why})"),
        }
    }
}

/// The corpus packed by [`pack`] and the words of the build that packed it.
pub fn unpack(packed: &[u8]) -> Result<(Corpus, String), Unpacked> {
    unpack_beside(packed, &[])
}

/// The corpus packed by [`pack_beside`] to travel beside `articles`, and the words of the build
/// that packed it.
pub fn unpack_beside(
    packed: &[u8],
    articles: &[crate::Input],
) -> Result<(Corpus, String), Unpacked> {
    let damaged = |e: postcard::Error| Unpacked::Damaged(e.to_string());
    // The format and the build's words come first in every format, so any version can say them.
    let ((format, built), rest): ((u32, String), &[u8]) =
        postcard::take_from_bytes(packed).map_err(damaged)?;
    if format != FORMAT {
        return Err(Unpacked::OtherFormat { format, built });
    }
    let ((sources, ids), rest): ((Vec<SourceIn>, Vec<String>), &[u8]) =
        postcard::take_from_bytes(rest).map_err(damaged)?;
    // Each named article is read once, however many sources name it.
    let by_name = texts_by_name(articles);
    let mut resolved: FastMap<String, Arc<str>> = FastMap::default();
    let sources = sources
        .into_iter()
        .map(|s| match s {
            SourceIn::Text(text) => Ok(Arc::from(text)),
            SourceIn::Article(file) => {
                if let Some(text) = resolved.get(&file) {
                    return Ok(Arc::clone(text));
                }
                let text: Arc<str> = by_name
                    .get(file.as_str())
                    .and_then(|bytes| std::str::from_utf8(bytes).ok())
                    .map(Arc::from)
                    .ok_or_else(|| {
                        Unpacked::Damaged(format!(
                            "it refers to an article {file} it does not travel with"
                        ))
                    })?;
                resolved.insert(file, Arc::clone(&text));
                Ok(text)
            }
        })
        .collect::<Result<Vec<Arc<str>>, Unpacked>>()?;
    let tables = Tables {
        sources,
        ids: ids.into_iter().map(Arc::from).collect(),
        ..Tables::default()
    };
    let (read, _) = with_tables(tables, || postcard::take_from_bytes::<Corpus>(rest));
    let (corpus, rest) = read.map_err(damaged)?;
    if !rest.is_empty() {
        return Err(Unpacked::Damaged(format!(
            "{} bytes after the corpus",
            rest.len()
        )));
    }
    check(&corpus).map_err(Unpacked::Damaged)?;
    Ok((corpus, built))
}

/// Every reference points at a record that is there and has its id, ids are unique, and every
/// record's text is its own document's source at the record's own offsets, so the page can
/// follow references and slice by offsets as it does for a built corpus.
fn check(c: &Corpus) -> Result<(), String> {
    fn at<'a, T>(
        what: &str,
        list: &'a [T],
        id: impl Fn(&T) -> &Ref,
        r: &Ref,
    ) -> Result<&'a T, String> {
        list.get(r.index())
            .filter(|t| id(t).as_str() == r.as_str())
            .ok_or_else(|| format!("{what} {} is not there", r.as_str()))
    }
    fn unique<'a>(what: &str, ids: impl Iterator<Item = &'a Ref>) -> Result<(), String> {
        let mut seen = crate::text::FastSet::default();
        for (i, id) in ids.enumerate() {
            if id.index() != i {
                return Err(format!("{what} {} is out of place", id.as_str()));
            }
            if !seen.insert(id.as_str()) {
                return Err(format!("{what} {} is there twice", id.as_str()));
            }
        }
        Ok(())
    }
    unique("document", c.documents.iter().map(|d| &d.id))?;
    unique("claim", c.claims.iter().map(|x| &x.id))?;
    unique("entity", c.entities.iter().map(|e| &e.id))?;
    let document = |r: &Ref| at("document", &c.documents, |d| &d.id, r).map(|_| ());
    let claim = |r: &Ref| at("claim", &c.claims, |x| &x.id, r).map(|_| ());
    let entity = |r: &Ref| at("entity", &c.entities, |e| &e.id, r).map(|_| ());
    // Each document's source: the one every span of its records must come from.
    let mut source_of: Vec<Option<&Verbatim>> = vec![None; c.documents.len()];
    fn from<'c>(
        source_of: &mut [Option<&'c Verbatim>],
        what: &str,
        doc: &Ref,
        text: &'c Verbatim,
    ) -> Result<(), String> {
        let slot = source_of
            .get_mut(doc.index())
            .ok_or_else(|| format!("{what} is in no document"))?;
        match slot {
            None => *slot = Some(text),
            Some(first) if first.same_source(text) => {}
            Some(_) => return Err(format!("{what} is not from {}", doc.as_str())),
        }
        Ok(())
    }
    let spans = |what: &str, text: &Verbatim, start: usize, end: usize| {
        if text.bounds() == (start, end) {
            Ok(())
        } else {
            Err(format!("{what} {start}..{end} is not where its text is"))
        }
    };
    for d in &c.documents {
        for l in &d.lines {
            from(&mut source_of, "a line", &d.id, &l.text)?;
            spans("a line", &l.text, l.start, l.end)?;
        }
        if let Some(text) = &d.text {
            from(&mut source_of, "an article text", &d.id, text)?;
        }
        for e in [&d.provenance.title, &d.provenance.dek, &d.provenance.outlet]
            .into_iter()
            .chain([&d.provenance.author, &d.provenance.date])
            .flatten()
        {
            from(&mut source_of, "metadata evidence", &d.id, &e.line_text)?;
            let (s, t) = e.line_text.bounds();
            if !(s <= e.start && e.start <= e.end && e.end <= t) {
                return Err(format!(
                    "metadata evidence of {} is off its line",
                    d.id.as_str()
                ));
            }
        }
    }
    // A document's source is the text it was read from: its size and fingerprint say which.
    for (d, source) in c.documents.iter().zip(&source_of) {
        if let Some(source) = source {
            let text = source.source();
            if text.len() != d.bytes || crate::corpus::fingerprint(text.as_bytes()) != d.fingerprint
            {
                return Err(format!(
                    "{} is not the text it was read from",
                    d.id.as_str()
                ));
            }
        }
    }
    for x in &c.claims {
        document(&x.document)?;
        from(&mut source_of, "a claim", &x.document, &x.text)?;
        spans("a claim", &x.text, x.start, x.end)?;
        if let Some(cue) = &x.stance_cue {
            from(&mut source_of, "a stance cue", &x.document, cue)?;
        }
        x.entities.iter().try_for_each(entity)?;
        x.related.iter().try_for_each(|l| claim(&l.claim))?;
    }
    for f in &c.figures {
        document(&f.document)?;
        claim(&f.claim)?;
        from(&mut source_of, "a figure", &f.document, &f.text)?;
        spans("a figure", &f.text, f.start, f.end)?;
    }
    for e in &c.entities {
        e.documents.iter().try_for_each(document)?;
        for m in &e.mentions {
            document(&m.document)?;
            from(&mut source_of, "a mention", &m.document, &m.text)?;
            spans("a mention", &m.text, m.start, m.end)?;
        }
    }
    for e in &c.events {
        document(&e.document)?;
        claim(&e.claim)?;
        from(&mut source_of, "an event", &e.document, &e.when)?;
        spans("an event's date", &e.when, e.start, e.end)?;
    }
    for m in &c.clusters {
        m.claims.iter().try_for_each(claim)?;
        m.documents.iter().try_for_each(document)?;
    }
    Ok(())
}

/// The articles `corpus` was read from, as the engine read them (a file's text; a saved web
/// page's article text): what a page that decoded the corpus saves, keeps or adds to, so the
/// texts need not travel twice. A document with no line has nothing to give and is left out.
pub fn articles(corpus: &Corpus) -> Vec<crate::Input> {
    corpus
        .documents
        .iter()
        .filter_map(|d| {
            Some(crate::Input {
                file: d.file.clone(),
                bytes: document_text(d)?.as_bytes().to_vec(),
            })
        })
        .collect()
}

/// The text a document was read from: the source its spans index (a file's text; a saved web
/// page's article text); `None` for a document with no line.
fn document_text(d: &crate::model::Document) -> Option<&str> {
    d.text
        .as_ref()
        .or_else(|| d.lines.first().map(|l| &l.text))
        .map(|t| t.source())
}

/// Each article's text by its file name; of two with one name, the last (as a page keeps them).
fn texts_by_name(articles: &[crate::Input]) -> FastMap<&str, &[u8]> {
    articles
        .iter()
        .map(|a| (a.file.as_str(), a.bytes.as_slice()))
        .collect()
}

/// Whether `corpus` is the one read from `inputs`: each of its documents is one of them, by
/// file name and fingerprint. A packed corpus carried beside articles (a saved page, the
/// browser's storage) is used only when it is theirs.
pub fn read_from(corpus: &Corpus, inputs: &[crate::Input]) -> bool {
    let by_name = texts_by_name(inputs);
    corpus.documents.iter().all(|d| {
        by_name
            .get(d.file.as_str())
            .is_some_and(|bytes| match document_text(d) {
                // A decoded document's text was checked against its fingerprint ([`check`]), so
                // the same bytes say the same without hashing them again.
                Some(text) => text.as_bytes() == *bytes,
                None => crate::corpus::fingerprint(bytes) == d.fingerprint,
            })
    })
}

/// Reads a packed `Verbatim`: `[source, start, end]`.
pub(crate) fn read_verbatim<'de, D: Deserializer<'de>>(d: D) -> Result<Verbatim, D::Error> {
    let (n, start, end): (u32, usize, usize) = serde::Deserialize::deserialize(d)?;
    let source = source(n).ok_or_else(|| D::Error::custom(format!("no source {n}")))?;
    if source.get(start..end).is_none() {
        return Err(D::Error::custom(format!(
            "span {start}..{end} is not in source {n}"
        )));
    }
    Ok(Verbatim::span(&source, start, end))
}

/// Reads a packed `Ref`: `[index, id]`.
pub(crate) fn read_ref<'de, D: Deserializer<'de>>(d: D) -> Result<Ref, D::Error> {
    let (index, n): (usize, u32) = serde::Deserialize::deserialize(d)?;
    let id = id(n).ok_or_else(|| D::Error::custom(format!("no id {n}")))?;
    Ok(Ref::new(index, &id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Input;

    fn built() -> Corpus {
        let inputs = vec![
            Input {
                file: "a.txt".into(),
                bytes: "Crossing reopens\nBy Lina Aziz, Crescent News\nJune 2, 2025\n\nThe Nasib border crossing is open to freight trucks again, officials said.\n".into(),
            },
            Input {
                file: "b.txt".into(),
                bytes: "Confusion at the frontier\nBy Marco Rossi, Atlas Review\n\nThe Nasib border crossing is not open to freight trucks yet.\n".into(),
            },
        ];
        crate::build(inputs, Vec::new())
    }

    #[test]
    fn a_packed_corpus_reads_back_as_built_and_shares_its_texts() {
        let corpus = built();
        let packed = pack(&corpus, "2026-12-07").expect("packs");
        let (back, words) = unpack(&packed).expect("unpacks");
        assert_eq!(words, "2026-12-07");
        assert_eq!(back, corpus);
        assert_eq!(
            crate::share::corpus_json(&back, false),
            crate::share::corpus_json(&corpus, false)
        );
        assert_eq!(back.claims[1].document.index(), 1);
        // Each article's text is written once, however many spans quote it.
        let needle = b"Nasib border crossing is not open";
        assert_eq!(
            packed.windows(needle.len()).filter(|w| w == needle).count(),
            1
        );
    }

    #[test]
    fn the_articles_of_a_corpus_read_again_give_the_same_corpus() {
        let corpus = built();
        let articles = articles(&corpus);
        assert_eq!(
            articles.iter().map(|a| a.file.as_str()).collect::<Vec<_>>(),
            ["a.txt", "b.txt"]
        );
        assert!(read_from(&corpus, &articles));
        assert_eq!(
            crate::share::corpus_json(&crate::build(articles, Vec::new()), false),
            crate::share::corpus_json(&corpus, false)
        );
    }

    #[test]
    fn beside_its_articles_a_corpus_carries_no_text_of_theirs() {
        let corpus = built();
        let beside = articles(&corpus);
        let packed = pack_beside(&corpus, "today", &beside).expect("packs");
        let alone = pack(&corpus, "today").expect("packs");
        let needle = b"Nasib border crossing is not open";
        assert_eq!(
            packed.windows(needle.len()).filter(|w| w == needle).count(),
            0
        );
        assert!(
            packed.len() + 150 < alone.len(),
            "{} vs {}",
            packed.len(),
            alone.len()
        );
        let (back, _) = unpack_beside(&packed, &beside).expect("unpacks beside them");
        assert_eq!(back, corpus);
        // Without them it cannot be read, and says why.
        assert!(matches!(
            unpack(&packed),
            Err(Unpacked::Damaged(why)) if why.contains("does not travel with")
        ));
    }

    #[test]
    fn articles_sharing_a_name_never_give_a_document_the_wrong_text() {
        let text = |body: &str| {
            format!("Crossing reopens\nBy Lina Aziz, Crescent News\n\n{body}\n").into_bytes()
        };
        let inputs = vec![
            Input {
                file: "a.txt".into(),
                bytes: text("The Nasib border crossing is open to freight trucks again, officials said on Monday in a long statement."),
            },
            Input {
                file: "a.txt".into(),
                bytes: text("The crossing is shut."),
            },
        ];
        let corpus = crate::build(inputs.clone(), Vec::new());
        let packed = pack_beside(&corpus, "today", &inputs).expect("packs");
        match unpack_beside(&packed, &inputs) {
            Ok((back, _)) => assert_eq!(back, corpus),
            Err(Unpacked::Damaged(_)) => {}
            Err(other) => panic!("{other}"),
        }
        // Beside another article under the same name, longer so every offset still falls on
        // it, a packed corpus is refused by the document's fingerprint, not read as that text.
        let first = vec![inputs[0].clone()];
        let alone = crate::build(first.clone(), Vec::new());
        let packed = pack_beside(&alone, "today", &first).expect("packs");
        let mut longer = first[0].bytes.clone();
        longer.make_ascii_uppercase();
        let impostor = vec![Input {
            file: "a.txt".into(),
            bytes: longer,
        }];
        assert!(matches!(
            unpack_beside(&packed, &impostor),
            Err(Unpacked::Damaged(why)) if why.contains("is not the text it was read from")
        ));
        assert_eq!(unpack_beside(&packed, &first).map(|(c, _)| c), Ok(alone));
    }

    #[test]
    fn a_corpus_is_read_from_its_own_articles_only() {
        let corpus = built();
        let inputs = |second: &str| {
            vec![
                Input {
                    file: "a.txt".into(),
                    bytes: "Crossing reopens\nBy Lina Aziz, Crescent News\nJune 2, 2025\n\nThe Nasib border crossing is open to freight trucks again, officials said.\n".into(),
                },
                Input {
                    file: "b.txt".into(),
                    bytes: second.into(),
                },
            ]
        };
        assert!(read_from(
            &corpus,
            &inputs("Confusion at the frontier\nBy Marco Rossi, Atlas Review\n\nThe Nasib border crossing is not open to freight trucks yet.\n")
        ));
        assert!(!read_from(&corpus, &inputs("Another text.\n")));
        assert!(!read_from(&corpus, &inputs("")[..1]));
    }

    #[test]
    fn another_format_or_damage_is_said_not_panicked() {
        let corpus = built();
        let packed = pack(&corpus, "today").expect("packs");
        let mut older = packed.clone();
        older[0] = 0;
        assert_eq!(
            unpack(&older).map(|_| ()),
            Err(Unpacked::OtherFormat {
                format: 0,
                built: "today".into()
            })
        );
        for bad in [
            &b""[..],
            b"\x02",
            b"\x02\x05ab",
            b"nonsense",
            &[2, 0, 0, 0, 9],
        ] {
            assert!(matches!(unpack(bad), Err(Unpacked::Damaged(_))), "{bad:?}");
        }
        // Every cut of a real packed corpus fails cleanly, and every flipped byte either fails
        // or reads a corpus that packs again to the same bytes (nothing half-read).
        for cut in (0..packed.len()).step_by(7) {
            assert!(unpack(&packed[..cut]).is_err());
        }
        for at in 0..packed.len() {
            let mut flipped = packed.clone();
            flipped[at] ^= 0x5a;
            if let Ok((c, words)) = unpack(&flipped) {
                assert_eq!(pack(&c, &words).expect("packs"), flipped, "byte {at}");
            }
        }
        // A link to a claim that is not there.
        let mut broken = corpus.clone();
        let first = broken
            .claims
            .iter_mut()
            .find(|c| !c.related.is_empty())
            .expect("the two articles are linked");
        first.related[0].claim = Ref::new(99, &Arc::from(first.related[0].claim.as_str()));
        assert!(matches!(
            unpack(&pack(&broken, "today").expect("packs")),
            Err(Unpacked::Damaged(why)) if why.contains("is not there")
        ));
        // Offsets that are not where the claim's text is (the page slices articles by them).
        let mut moved = corpus.clone();
        moved.claims[0].start += 1;
        assert!(matches!(
            unpack(&pack(&moved, "today").expect("packs")),
            Err(Unpacked::Damaged(why)) if why.contains("is not where its text is")
        ));
        // A claim whose text is another document's, at its own offsets.
        let mut swapped = corpus.clone();
        let (start, end) = (swapped.claims[0].start, swapped.claims[0].end);
        let other = swapped.claims.last().expect("claims").text.clone();
        swapped.claims[0].text = other.span_of_same_source(start, end);
        assert!(matches!(
            unpack(&pack(&swapped, "today").expect("packs")),
            Err(Unpacked::Damaged(why)) if why.contains("is not from")
        ));
        // One id twice.
        let mut twice = corpus.clone();
        twice.documents[1].id = Ref::new(1, &Arc::from(twice.documents[0].id.as_str()));
        assert!(matches!(
            unpack(&pack(&twice, "today").expect("packs")),
            Err(Unpacked::Damaged(why)) if why.contains("there twice")
        ));
        // Nothing is left installed for the next export, even after a panic while packing.
        assert!(!active());
        let _ = std::panic::catch_unwind(|| with_tables(Tables::default(), || panic!("inside")));
        assert!(!active());
        assert!(crate::share::corpus_json(&corpus, false).contains("\"Nasib"));
    }
}
