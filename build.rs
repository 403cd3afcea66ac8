//! Embeds the corpus folder into the build: `seeds/` by default, or the folder named by the
//! `PARALLAX_CORPUS` environment variable (`make serve CORPUS=path`). The engine reads it here,
//! as `parallax export` does, and the corpus is embedded packed (`parallax_engine::packed`),
//! articles' texts included: the page decodes it instead of parsing, and shows nothing the engine
//! did not read.

use std::path::PathBuf;

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
    // A folder here is scanned whole for changes.
    println!("cargo:rerun-if-changed={}", corpus.display());
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    // The corpus read from them here, once, as `parallax export` reads the folder (saved web
    // pages to their article): the page decodes it instead of parsing, and takes the articles'
    // texts from it (`parallax_engine::packed::articles`), so they are embedded once.
    let (inputs, refused) = parallax_engine::load::read_folder(&corpus);
    let corpus = parallax_engine::build(inputs, refused);
    if corpus.documents.is_empty() {
        println!(
            "cargo:warning=no article could be read from the corpus folder: the page will say so"
        );
    }
    let packed = parallax_engine::packed::pack(&corpus, &built).expect("pack the corpus");
    // What the page will decode, decoded here first: a fault shows in the build, not the page.
    if let Err(e) = parallax_engine::packed::unpack(&packed) {
        panic!("the packed corpus does not decode: {e}");
    }
    std::fs::write(out_dir.join("corpus.packed"), packed).expect("write corpus.packed");
    let code = "/// The corpus read from the embedded articles at build time, packed (`parallax_engine::packed`).\npub static PACKED: &[u8] = include_bytes!(concat!(env!(\"OUT_DIR\"), \"/corpus.packed\"));\n";
    std::fs::write(out_dir.join("corpus_packed.rs"), code).expect("write corpus_packed.rs");
}
