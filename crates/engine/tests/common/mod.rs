//! Helpers shared by the engine's integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use parallax_engine::{Claim, Corpus, Document};

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn seeds() -> &'static Corpus {
    static SEEDS: OnceLock<Corpus> = OnceLock::new();
    SEEDS.get_or_init(|| parallax_engine::build_from_folder(&repo_root().join("seeds")))
}

pub fn articles(folder: &str) -> Corpus {
    parallax_engine::build_from_folder(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/articles")
            .join(folder),
    )
}

/// The document whose file name starts with `prefix`.
pub fn doc<'a>(corpus: &'a Corpus, prefix: &str) -> &'a Document {
    corpus
        .documents
        .iter()
        .find(|d| d.file.starts_with(prefix))
        .unwrap_or_else(|| panic!("no document {prefix}"))
}

/// The one claim of `doc` whose text starts with `prefix`.
pub fn claim<'a>(corpus: &'a Corpus, doc_prefix: &str, prefix: &str) -> &'a Claim {
    let d = doc(corpus, doc_prefix);
    let found: Vec<&Claim> = corpus
        .claims
        .iter()
        .filter(|c| c.document == d.id && c.text.starts_with(prefix))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "claims of {doc_prefix} starting with {prefix:?}: {}",
        found.len()
    );
    found[0]
}

/// Bytes of the source file of `doc`.
pub fn source(root: &Path, doc: &Document) -> Vec<u8> {
    std::fs::read(root.join(&doc.file)).unwrap_or_else(|e| panic!("{}: {e}", doc.file))
}

/// Checks that every span the corpus reports is exactly its text in the source files.
pub fn assert_spans_exact(corpus: &Corpus, root: &Path) {
    let files: std::collections::HashMap<&str, Vec<u8>> = corpus
        .documents
        .iter()
        .map(|d| (d.id.as_str(), source(root, d)))
        .collect();
    let at = |doc: &str, s: usize, e: usize| {
        String::from_utf8(files[doc][s..e].to_vec()).expect("span on char boundary")
    };
    for d in &corpus.documents {
        for l in &d.lines {
            assert_eq!(
                at(&d.id, l.start, l.end),
                l.text,
                "line {} of {}",
                l.number,
                d.file
            );
        }
        let p = &d.provenance;
        for (field, value, ev) in [
            ("title", &d.title, &p.title),
            ("dek", &d.dek, &p.dek),
            ("outlet", &d.outlet, &p.outlet),
            ("author", &d.author, &p.author),
        ] {
            assert_eq!(
                value.is_some(),
                ev.is_some(),
                "{field} of {} has evidence iff it has a value",
                d.file
            );
            if let (Some(v), Some(e)) = (value, ev) {
                assert_eq!(
                    &at(&d.id, e.start, e.end),
                    v,
                    "{field} evidence of {}",
                    d.file
                );
            }
        }
    }
    for c in &corpus.claims {
        assert_eq!(at(&c.document, c.start, c.end), c.text, "claim {}", c.id);
    }
    for f in &corpus.figures {
        assert_eq!(at(&f.document, f.start, f.end), f.text, "figure {}", f.id);
    }
    for e in &corpus.entities {
        for m in &e.mentions {
            assert_eq!(
                at(&m.document, m.start, m.end),
                m.text,
                "mention of {}",
                e.name
            );
        }
    }
    for ev in &corpus.events {
        assert_eq!(
            at(&ev.document, ev.start, ev.end),
            ev.when,
            "event {}",
            ev.when
        );
    }
}

/// A fresh empty folder under the system temp dir.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create temp dir");
    dir
}
