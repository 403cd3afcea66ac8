//! The whole pipeline on arbitrary bytes, with its invariants checked: the fuzzer's one target.
//!
//! Articles come from anywhere, so no byte sequence may crash the engine or break its promises.
//! The fuzz target (`fuzz/fuzz_targets/pipeline.rs`) and the replay of every input the fuzzer
//! ever found (`tests/fuzz_regressions.rs`) both call [`whole_pipeline`], so a kept input replays
//! exactly what the fuzzer ran. A broken invariant panics, which is what a fuzzer reports.

use crate::load::Input;
use crate::view::{self, SearchIndex, ViewState};

/// Splits `data` into articles at every `0xFF` byte (never part of UTF-8 text, so valid text
/// stays whole; a piece that starts with `<` is a saved web page), builds the corpus, asks it what the page asks (search, facets, map, hash, first
/// view) and writes every export. Returns the number of claims, so callers can keep the result.
pub fn whole_pipeline(data: &[u8]) -> usize {
    // Without the `pages` feature every piece is text, and the filter never drops one.
    #[cfg_attr(not(feature = "pages"), allow(clippy::unnecessary_filter_map))]
    let inputs: Vec<Input> = data
        .split(|b| *b == 0xFF)
        .enumerate()
        .filter_map(|(i, bytes)| {
            // A piece that opens like markup is a saved web page, read to its article first.
            #[cfg(feature = "pages")]
            if bytes.first() == Some(&b'<') {
                let file = format!("article-{i}.html");
                let form = crate::load::FileForm::Html;
                return crate::load::article(&file, form, bytes.to_vec())
                    .ok()
                    .map(|bytes| Input { file, bytes });
            }
            Some(Input {
                file: format!("article-{i}.{}", if i % 2 == 0 { "txt" } else { "md" }),
                bytes: bytes.to_vec(),
            })
        })
        .collect();
    let corpus = crate::build(inputs.clone(), Vec::new());

    // Fidelity: every claim, figure and mention is the verbatim span its offsets name.
    let source = |document: &str| {
        corpus
            .documents
            .iter()
            .find(|d| d.id == document)
            .and_then(|d| inputs.iter().find(|i| i.file == d.file))
            .map(|i| i.bytes.as_slice())
            .unwrap_or_default()
    };
    let verbatim = |document: &str, start: usize, end: usize, text: &str, what: &str| {
        let span = source(document)
            .get(start..end)
            .map(|b| String::from_utf8_lossy(b).into_owned());
        assert_eq!(span.as_deref(), Some(text), "{what}");
    };
    for c in &corpus.claims {
        verbatim(&c.document, c.start, c.end, &c.text, &c.id);
    }
    for f in &corpus.figures {
        verbatim(&f.document, f.start, f.end, &f.text, &f.id);
    }
    for e in &corpus.entities {
        for m in &e.mentions {
            verbatim(&m.document, m.start, m.end, &m.text, &e.id);
        }
    }

    // Every reference is the record at its position, with that record's id.
    let documents: Vec<&str> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
    let claims: Vec<&str> = corpus.claims.iter().map(|c| c.id.as_str()).collect();
    let entities: Vec<&str> = corpus.entities.iter().map(|e| e.id.as_str()).collect();
    let refers = |list: &[&str], r: &crate::Ref| {
        assert_eq!(list.get(r.index()).copied(), Some(r.as_str()), "{r:?}");
    };
    for d in &corpus.documents {
        refers(&documents, &d.id);
    }
    for c in &corpus.claims {
        refers(&claims, &c.id);
        refers(&documents, &c.document);
        c.entities.iter().for_each(|e| refers(&entities, e));
        c.related.iter().for_each(|l| refers(&claims, &l.claim));
    }
    for f in &corpus.figures {
        refers(&documents, &f.document);
        refers(&claims, &f.claim);
    }
    for e in &corpus.entities {
        refers(&entities, &e.id);
        e.documents.iter().for_each(|d| refers(&documents, d));
        e.mentions
            .iter()
            .for_each(|m| refers(&documents, &m.document));
    }
    for ev in &corpus.events {
        refers(&documents, &ev.document);
        refers(&claims, &ev.claim);
    }
    for m in &corpus.clusters {
        m.claims.iter().for_each(|c| refers(&claims, c));
        m.documents.iter().for_each(|d| refers(&documents, d));
    }

    // What the page asks, with a query and a hash taken from the input itself.
    let index = SearchIndex::new(&corpus);
    let text = String::from_utf8_lossy(data);
    let query: String = text.chars().take(24).collect();
    let mut state = ViewState::from_hash(&text).unwrap_or_default();
    state.query = query.clone();
    let selection = view::select(&corpus, &index, &state);
    assert!(selection.results.iter().all(|&i| i < corpus.claims.len()));
    let hash = state.to_hash();
    if hash.len() <= view::MAX_HASH_LEN {
        assert_eq!(
            ViewState::from_hash(&hash).ok(),
            Some(state.clone()),
            "the hash round-trips"
        );
    }
    for c in corpus.claims.iter().take(5) {
        let runs = view::highlight(&c.text, &query);
        assert_eq!(
            runs.iter().map(|(run, _)| run.as_str()).collect::<String>(),
            c.text.as_str()
        );
        let _ = view::citation(&corpus, c);
    }
    let map = view::agreement_map(&corpus, 30);
    assert!(map.rows.len() <= 30);
    let _ = view::claims_by_kind(&corpus);

    // What leaves the page.
    let json = crate::share::corpus_json(&corpus, false);
    // Packed, it reads back as the same corpus; the bytes themselves, as a hostile packed
    // corpus, are refused or read without a panic.
    let unpacked = crate::packed::pack(&corpus, "exercise")
        .and_then(|bytes| crate::packed::unpack(&bytes).map_err(|e| e.to_string()))
        .map(|(c, _)| crate::share::corpus_json(&c, false));
    assert_eq!(unpacked.as_deref(), Ok(json.as_str()));
    let _ = crate::packed::unpack(data);
    assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
    let _ = crate::share::claims_csv(&corpus);
    let island = crate::share::articles_island(&inputs);
    let inner = &island[island.find('>').map_or(0, |i| i + 1)..island.rfind('<').unwrap_or(0)];
    assert!(!inner.contains('<'));
    assert!(crate::share::read_island(inner).is_ok());
    let first_view = crate::share::first_view_html(&corpus);
    assert_eq!(
        first_view.matches("<script").count(),
        1,
        "no script but the first view's own"
    );
    corpus.claims.len()
}
