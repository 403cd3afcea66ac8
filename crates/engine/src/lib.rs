//! Parallax's corpus engine: plain-text articles in, one [`Corpus`] out.
//!
//! The engine is pure Rust with no UI or web dependency, so the same code runs in the `parallax
//! export` command and, compiled to wasm, inside the page. Parsing never fails: every problem is a
//! [`Diagnostic`] naming the file, and whatever could be read is kept. See `ARCHITECTURE.md` for
//! the pipeline.

pub mod claims;
pub mod corpus;
pub mod dates;
pub mod entities;
pub mod exercise;
pub mod figures;
pub mod lines;
pub mod links;
pub mod load;
pub mod meta;
pub mod model;
pub mod packed;
#[cfg(feature = "pages")]
pub mod pages;
pub mod parallel;
pub mod quotes;
pub mod sentences;
pub mod share;
pub mod stance;
pub mod stories;
pub mod synthetic;
pub mod text;
pub mod tokens;
pub mod view;
pub mod vocab;

pub use corpus::{build, corpus_fingerprint, Builder};
pub use load::Input;
pub use model::*;

/// Reads a folder of articles and builds the corpus from it.
#[cfg(all(not(target_arch = "wasm32"), feature = "pages"))]
pub fn build_from_folder(dir: &std::path::Path) -> Corpus {
    let (inputs, diagnostics) = load::read_folder(dir);
    build(inputs, diagnostics)
}
