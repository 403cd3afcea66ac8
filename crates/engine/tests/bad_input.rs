//! Bad input never panics: each problem is a diagnostic that names the file, and the rest loads.

mod common;

use parallax_engine::{build, build_from_folder, Input, Severity};

fn input(file: &str, bytes: &[u8]) -> Input {
    Input {
        file: file.to_string(),
        bytes: bytes.to_vec(),
    }
}

const GOOD: &str =
    "A good article\n\nThe ministry said on Monday that the road had reopened to traffic.\n";

#[test]
fn each_bad_file_is_named_and_the_rest_loads() {
    let corpus = build(
        vec![
            input("empty.txt", b""),
            input("blank.txt", b" \n\n\t\n"),
            input("latin1.txt", b"Caf\xe9 talks resume.\n"),
            input("binary.txt", b"PK\x03\x04\x00\x00binary"),
            input("utf16.txt", b"\xff\xfeH\x00i\x00"),
            input(
                "huge.txt",
                &vec![b'a'; parallax_engine::load::MAX_FILE_BYTES + 1],
            ),
            input("rules.txt", b"----\n****\n====\n"),
            input("good.txt", GOOD.as_bytes()),
        ],
        Vec::new(),
    );
    assert_eq!(corpus.documents.len(), 2, "good.txt and rules.txt load");
    assert_eq!(corpus.claims.len(), 1);
    assert_eq!(corpus.claims[0].speaker.as_deref(), Some("ministry"));
    let message = |file: &str| {
        let d = corpus
            .diagnostics
            .iter()
            .find(|d| d.file == file)
            .unwrap_or_else(|| panic!("no diagnostic for {file}"));
        (d.severity, d.message.clone())
    };
    assert_eq!(
        message("empty.txt"),
        (Severity::Error, "empty file".to_string())
    );
    assert_eq!(
        message("blank.txt"),
        (Severity::Error, "empty file (only white space)".to_string())
    );
    assert_eq!(
        message("latin1.txt"),
        (
            Severity::Error,
            "not UTF-8 text: invalid byte 0xE9 at offset 3 (line 1); save the file as UTF-8"
                .to_string()
        )
    );
    assert_eq!(
        message("binary.txt"),
        (
            Severity::Error,
            "binary file (it contains NUL bytes), not text".to_string()
        )
    );
    assert_eq!(
        message("utf16.txt").1,
        "UTF-16 text is not supported: save the file as UTF-8"
    );
    assert!(message("huge.txt").1.starts_with("too large: 8.0 MB"));
    assert_eq!(
        message("rules.txt"),
        (
            Severity::Warning,
            "no sentences found: the file has no body paragraphs to read claims from".to_string()
        )
    );
    assert!(corpus.diagnostics.iter().all(|d| d.file != "good.txt"));
}

#[test]
fn a_folder_with_a_50_mb_file_and_other_files() {
    let dir = common::temp_dir("big");
    let big = std::fs::File::create(dir.join("big.txt")).unwrap();
    big.set_len(50 * 1024 * 1024).unwrap(); // sparse: the reader must refuse it by size, unread
    std::fs::write(dir.join("photo.png"), b"\x89PNG\r\n\x1a\n").unwrap();
    std::fs::write(dir.join(".hidden.txt"), "Hidden files are skipped.\n").unwrap();
    std::fs::create_dir_all(dir.join("more")).unwrap();
    std::fs::write(dir.join("more/good.md"), GOOD).unwrap();
    let corpus = build_from_folder(&dir);
    assert_eq!(
        corpus
            .documents
            .iter()
            .map(|d| d.file.as_str())
            .collect::<Vec<_>>(),
        ["more/good.md"]
    );
    let big = corpus
        .diagnostics
        .iter()
        .find(|d| d.file == "big.txt")
        .unwrap();
    assert_eq!(
        big.message,
        "too large: 50.0 MB (the limit is 8.0 MB); split it into articles"
    );
    let png = corpus
        .diagnostics
        .iter()
        .find(|d| d.file == "photo.png")
        .unwrap();
    assert_eq!(png.severity, Severity::Warning);
    assert!(png.message.starts_with("skipped: not an article file"));
    assert!(!corpus.diagnostics.iter().any(|d| d.file.contains("hidden")));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_folder_with_no_text_files() {
    let dir = common::temp_dir("empty");
    std::fs::write(dir.join("notes.pdf"), b"%PDF-1.4").unwrap();
    let corpus = build_from_folder(&dir);
    assert!(corpus.documents.is_empty());
    let last = corpus.diagnostics.last().unwrap();
    assert_eq!(last.severity, Severity::Error);
    assert_eq!(
        last.message,
        "no article files (.txt, .md, .markdown, .text or .html, .htm, .xhtml) in this folder"
    );
    let _ = std::fs::remove_dir_all(&dir);
    let missing = build_from_folder(&dir);
    assert!(missing.diagnostics[0]
        .message
        .starts_with("cannot read the folder"));
}

/// A deterministic mutation loop over the seeds: cut, splice and garble them, and check that the
/// engine neither panics nor reports a span that is not its text.
#[test]
fn mutated_articles_never_panic_and_spans_stay_exact() {
    let seeds: Vec<String> = std::fs::read_dir(common::repo_root().join("seeds"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    let mut rng = parallax_engine::synthetic::Rng::new(7);
    let noise = [
        "“",
        "”",
        ".",
        " ",
        "\n",
        "\u{a0}",
        "%",
        "$",
        "(",
        ")",
        "—",
        "said",
        "according to ",
        "1,2",
        "Forty-",
        "U.S.",
        ";",
        "\r\n",
        "#",
        "By ",
        "’s",
    ];
    for round in 0..300 {
        let base = &seeds[round % seeds.len()];
        let chars: Vec<char> = base.chars().collect();
        let mut text = String::new();
        let mut i = 0;
        while i < chars.len() {
            match rng.below(40) {
                0 => i += rng.below(50),
                1 => text.push_str(noise[rng.below(noise.len())]),
                _ => {
                    text.push(chars[i]);
                    i += 1;
                }
            }
        }
        let corpus = build(
            vec![Input {
                file: format!("m{round}.txt"),
                bytes: text.clone().into_bytes(),
            }],
            Vec::new(),
        );
        for c in &corpus.claims {
            assert_eq!(&text[c.start..c.end], c.text, "round {round}");
        }
        for f in &corpus.figures {
            assert_eq!(&text[f.start..f.end], f.text, "round {round}");
        }
    }
}

#[test]
fn generated_articles_keep_exact_spans() {
    let docs = parallax_engine::synthetic::corpus(40, 3000, 3);
    let texts: std::collections::HashMap<String, String> = docs.iter().cloned().collect();
    let corpus = build(
        docs.into_iter()
            .map(|(file, text)| Input {
                file,
                bytes: text.into_bytes(),
            })
            .collect(),
        Vec::new(),
    );
    assert_eq!(corpus.documents.len(), 40);
    assert!(corpus.claims.len() > 400);
    for c in &corpus.claims {
        let d = corpus
            .documents
            .iter()
            .find(|d| d.id == c.document)
            .unwrap();
        assert_eq!(&texts[&d.file][c.start..c.end], c.text);
    }
    // The generator's bylines and polls are read like real ones.
    assert!(corpus
        .documents
        .iter()
        .all(|d| d.title.is_some() && d.date.is_some()));
    assert!(corpus
        .figures
        .iter()
        .any(|f| f.kind == parallax_engine::FigureKind::Poll
            && f.source.is_some()
            && f.sample_size.is_some()));
}
