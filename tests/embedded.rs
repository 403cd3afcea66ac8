//! The corpus `build.rs` embeds packed is the one the engine reads from the embedded articles:
//! the page decodes it instead of parsing, so it must say exactly what parsing would.

#[test]
fn the_embedded_corpus_decodes_to_what_the_engine_reads_from_the_embedded_articles() {
    let (corpus, built) =
        parallax_engine::packed::unpack(parallax::embedded::PACKED).expect("it decodes");
    let inputs = parallax::embedded::inputs();
    let read = parallax_engine::build(inputs.clone(), Vec::new());
    assert!(!read.claims.is_empty());
    assert_eq!(
        parallax_engine::share::corpus_json(&corpus, false),
        parallax_engine::share::corpus_json(&read, false)
    );
    assert_eq!(built, env!("PARALLAX_BUILD_DATE"));
    assert!(parallax_engine::packed::read_from(&corpus, &inputs));
}
