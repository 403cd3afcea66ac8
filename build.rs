//! Embeds the corpus folder into the build: `seeds/` by default, or the folder named by the
//! `PARALLAX_CORPUS` environment variable (`make serve CORPUS=path`). Files are embedded as bytes,
//! and the corpus the engine reads from them is built here and embedded packed
//! (`parallax_engine::packed`): the page decodes it instead of parsing, and shows nothing the
//! engine did not read.

use std::path::{Path, PathBuf};

fn collect(dir: &Path, root: &Path, out: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            collect(&path, root, out);
        } else {
            let ext = path
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or("")
                .to_ascii_lowercase();
            if parallax_engine::load::TEXT_EXTENSIONS.contains(&ext.as_str()) {
                let rel = path
                    .strip_prefix(root)
                    .unwrap_or(&path)
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((rel, path));
            }
        }
    }
}

/// The build date shown in the page's footer: SOURCE_DATE_EPOCH when set (reproducible
/// builds), else today, in UTC.
fn build_date() -> String {
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs() as i64)
                .unwrap_or(0)
        });
    parallax_engine::dates::date_from_unix_days(seconds.div_euclid(86_400)).iso()
}

fn main() {
    let built = build_date();
    println!("cargo:rustc-env=PARALLAX_BUILD_DATE={built}");
    println!("cargo:rerun-if-env-changed=PARALLAX_CORPUS");
    let manifest =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let corpus = std::env::var("PARALLAX_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from("seeds"));
    let corpus = if corpus.is_absolute() {
        corpus
    } else {
        manifest.join(corpus)
    };
    println!("cargo:rerun-if-changed={}", corpus.display());
    let mut files = Vec::new();
    collect(&corpus, &corpus, &mut files);
    files.sort();
    if files.is_empty() {
        println!(
            "cargo:warning=no article files in {}: the page will say so",
            corpus.display()
        );
    }
    let mut code = String::from("/// (file name, bytes) of every embedded article.\npub static FILES: &[(&str, &[u8])] = &[\n");
    for (name, path) in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        code.push_str(&format!(
            "    ({name:?}, include_bytes!({:?})),\n",
            path.display().to_string()
        ));
    }
    code.push_str("];\n");
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    // The corpus read from them, here, once: the page decodes it instead of parsing
    // (`parallax_engine::packed`).
    let inputs = files
        .iter()
        .filter_map(|(name, path)| {
            Some(parallax_engine::Input {
                file: name.clone(),
                bytes: std::fs::read(path).ok()?,
            })
        })
        .collect();
    let corpus = parallax_engine::build(inputs, Vec::new());
    let packed = parallax_engine::packed::pack(&corpus, &built).expect("pack the corpus");
    // What the page will decode, decoded here first: a fault shows in the build, not the page.
    if let Err(e) = parallax_engine::packed::unpack(&packed) {
        panic!("the packed corpus does not decode: {e}");
    }
    std::fs::write(out_dir.join("corpus.packed"), packed).expect("write corpus.packed");
    code.push_str(
        "/// The corpus read from them at build time, packed (`parallax_engine::packed`).\npub static PACKED: &[u8] = include_bytes!(concat!(env!(\"OUT_DIR\"), \"/corpus.packed\"));\n",
    );
    std::fs::write(out_dir.join("corpus_files.rs"), code).expect("write corpus_files.rs");
}
