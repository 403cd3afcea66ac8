//! The corpus `build.rs` embeds packed is the one `parallax export` reads from the embedded
//! folder: the page decodes it instead of parsing, so it must say exactly what parsing would,
//! and the articles it gives back are the ones read.

#[test]
fn the_embedded_corpus_decodes_to_what_the_engine_reads_from_the_embedded_folder() {
    let (corpus, built) =
        parallax_engine::packed::unpack(parallax::embedded::PACKED).expect("it decodes");
    // The folder the build embedded: `seeds/` unless `make … CORPUS=` named another.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let folder = root.join(std::env::var("PARALLAX_CORPUS").unwrap_or_else(|_| "seeds".into()));
    let read = parallax_engine::build_from_folder(&folder);
    assert!(!read.claims.is_empty());
    assert_eq!(
        parallax_engine::share::corpus_json(&corpus, false),
        parallax_engine::share::corpus_json(&read, false)
    );
    assert_eq!(built, env!("PARALLAX_BUILD_DATE"));
    let (inputs, _) = parallax_engine::load::read_folder(&folder);
    assert_eq!(
        parallax_engine::packed::articles(&corpus)
            .iter()
            .map(|a| (a.file.as_str(), a.bytes.as_slice()))
            .collect::<Vec<_>>(),
        inputs
            .iter()
            .map(|a| (a.file.as_str(), a.bytes.as_slice()))
            .collect::<Vec<_>>()
    );
}
