//! Every input the fuzzer (`make fuzz`) ever found a crash or broken invariant with, replayed
//! through the same function it runs, so each fix stays fixed. The files are the fuzzer's
//! artifacts as found, one per bug, named after what they broke.

use std::path::Path;

#[test]
fn every_kept_fuzz_input_runs_clean() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/fuzz-regressions")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    files.sort();
    for file in &files {
        let bytes = std::fs::read(file).expect("a kept input");
        let outcome =
            std::panic::catch_unwind(|| parallax_engine::exercise::whole_pipeline(&bytes));
        assert!(outcome.is_ok(), "{} fails again", file.display());
    }
}

#[test]
fn the_fuzz_entry_point_checks_real_articles() {
    // The seeds, cut into articles as the fuzzer's bytes are, give the claims `build` gives.
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let (inputs, _) = parallax_engine::load::read_folder(&seeds);
    let joined: Vec<u8> = inputs
        .iter()
        .map(|i| i.bytes.clone())
        .collect::<Vec<_>>()
        .join(&0xFF);
    let claims = parallax_engine::exercise::whole_pipeline(&joined);
    assert_eq!(
        claims,
        parallax_engine::build_from_folder(&seeds).claims.len()
    );
    assert!(claims > 100, "{claims}");
}
