//! Parallax: the explorer page (compiled to wasm) and the command line (native), both on the
//! corpus engine in `crates/engine`.

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(not(target_arch = "wasm32"))]
pub mod bundle;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(not(target_arch = "wasm32"))]
pub mod csp;
#[cfg(not(target_arch = "wasm32"))]
pub mod site;

/// Names shared by the build (`bundle`, `site`, `csp`) and the page (`app::parser_worker`) for
/// the article reader's worker (`crates/parser-worker`).
pub mod parser_worker_names {
    /// The loader script Trunk writes beside the page (`data-loader-shim`, un-hashed).
    pub const LOADER: &str = "parser-worker_loader.js";
    /// What every file of the worker's build starts with.
    pub const PREFIX: &str = "parser-worker";
    /// The id of the data block that carries the worker inside the single file.
    pub const INLINE_ID: &str = "parser-worker-source";
}

/// The corpus this build embeds (`seeds/` unless `PARALLAX_CORPUS` names another folder), read
/// by the engine at build time (`build.rs`) and packed: the page decodes it, and takes the
/// articles' texts from it ([`parallax_engine::packed::articles`]).
pub mod embedded {
    include!(concat!(env!("OUT_DIR"), "/corpus_packed.rs"));
}
