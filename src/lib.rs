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

/// The article files of the corpus this build embeds (`seeds/` unless `PARALLAX_CORPUS` names
/// another folder), as (file name, bytes), read at build time by `build.rs`.
pub mod embedded {
    include!(concat!(env!("OUT_DIR"), "/corpus_files.rs"));

    /// The embedded files as engine inputs.
    pub fn inputs() -> Vec<parallax_engine::Input> {
        FILES
            .iter()
            .map(|(file, bytes)| parallax_engine::Input {
                file: file.to_string(),
                bytes: bytes.to_vec(),
            })
            .collect()
    }
}
