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
