//! The export contract, pinned: `parallax export --pretty` of each test corpus, and the page's CSV
//! of the seeds, byte for byte, in `tests/expected/` (data-driven: a folder of articles in, the
//! JSON or CSV out).
//!
//! Any change to what the engine reads shows here as a diff of the JSON, to be read and accepted
//! on purpose: run `UPDATE_EXPECT=1 cargo test -p parallax-engine --test export_snapshot` and
//! commit the new files with the change that explains them. A refactor must leave them alone.

use std::path::Path;

fn check(name: &str, folder: &Path) {
    let corpus = parallax_engine::build_from_folder(folder);
    let json = parallax_engine::share::corpus_json(&corpus, true) + "\n";
    compare(&format!("{name}.json"), json);
}

fn compare(name: &str, json: String) {
    let expected = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/expected")
        .join(name);
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::create_dir_all(expected.parent().expect("a folder")).expect("writable");
        std::fs::write(&expected, &json).expect("writable");
        return;
    }
    let want = std::fs::read_to_string(&expected).unwrap_or_default();
    if json != want {
        let line = json
            .lines()
            .zip(want.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| json.lines().count().min(want.lines().count()));
        let show = |s: &str| {
            s.lines()
                .skip(line.saturating_sub(3))
                .take(7)
                .collect::<Vec<_>>()
                .join("\n")
        };
        panic!(
            "the export of {name} changed at line {} of {}:\n--- expected\n{}\n--- now\n{}\n\
             (if the change is intended: UPDATE_EXPECT=1 cargo test -p parallax-engine --test export_snapshot)",
            line + 1,
            expected.display(),
            show(&want),
            show(&json)
        );
    }
}

#[test]
fn the_seeds_export_as_pinned() {
    check(
        "seeds",
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds"),
    );
}

#[test]
fn the_other_layouts_export_as_pinned() {
    let articles = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles");
    check("layouts", &articles.join("layouts"));
    check("disputes", &articles.join("disputes"));
}

#[test]
fn the_seeds_claims_csv_as_pinned() {
    let seeds = parallax_engine::build_from_folder(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds"),
    );
    compare(
        "seeds-claims.csv",
        parallax_engine::share::claims_csv(&seeds),
    );
}
