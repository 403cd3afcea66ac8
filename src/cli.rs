//! The command-line side of Parallax.
//!
//! `parallax export [DIR]` prints the corpus built from a folder of articles as JSON (the
//! contract other parts of the project rely on); diagnostics go to standard error.

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
usage: parallax export [DIR] [--pretty]   print the corpus built from DIR (default: seeds/) as JSON
       parallax pack [DIR]                  write the corpus built from DIR packed for a page to decode (binary)
       parallax generate COUNT DIR [BYTES]  write COUNT synthetic articles of about BYTES (default 2500) into DIR
       parallax site [DIR] [CORPUS]         add link previews, manifest and service worker to a built page (Trunk hook)
       parallax bundle [DIST] [OUT]        make Trunk's output (default dist/) one offline file (default DIST/parallax.html)
       parallax help                       show this help";

pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("export") => export(&args[1..]),
        Some("pack") => pack(&args[1..]),
        Some("generate") => generate(&args[1..]),
        Some("bundle") => bundle(&args[1..]),
        Some("site") => site(&args[1..]),
        Some("help" | "--help" | "-h") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some(other) => {
            eprintln!("parallax: unknown command '{other}'\n{USAGE}");
            ExitCode::from(2)
        }
        None => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn export(args: &[String]) -> ExitCode {
    let pretty = args.iter().any(|a| a == "--pretty");
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("seeds"));
    if !dir.is_dir() {
        eprintln!("parallax: {}: not a folder", dir.display());
        return ExitCode::from(1);
    }
    let corpus = parallax_engine::build_from_folder(&dir);
    for d in &corpus.diagnostics {
        let level = match d.severity {
            parallax_engine::Severity::Error => "error",
            parallax_engine::Severity::Warning => "warning",
        };
        eprintln!("{level}: {}: {}", d.file, d.message);
    }
    println!("{}", parallax_engine::share::corpus_json(&corpus, pretty));
    eprintln!(
        "parallax: {} documents, {} claims, {} figures, {} entities, {} events from {}",
        corpus.documents.len(),
        corpus.claims.len(),
        corpus.figures.len(),
        corpus.entities.len(),
        corpus.events.len(),
        dir.display()
    );
    if corpus.documents.is_empty() {
        eprintln!("parallax: nothing could be read from {}", dir.display());
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

/// Prints the packed corpus, and on standard error how long building, packing and unpacking
/// took and the sizes: what a page saves by decoding instead of parsing.
fn pack(args: &[String]) -> ExitCode {
    let dir = PathBuf::from(args.first().map(String::as_str).unwrap_or("seeds"));
    if !dir.is_dir() {
        eprintln!("parallax: {}: not a folder", dir.display());
        return ExitCode::from(1);
    }
    let clock = std::time::Instant::now();
    let corpus = parallax_engine::build_from_folder(&dir);
    let built = clock.elapsed();
    let clock = std::time::Instant::now();
    let packed = match parallax_engine::packed::pack(&corpus, env!("PARALLAX_BUILD_DATE")) {
        Ok(packed) => packed,
        Err(e) => {
            eprintln!("parallax: cannot pack the corpus: {e}");
            return ExitCode::from(1);
        }
    };
    let packing = clock.elapsed();
    let clock = std::time::Instant::now();
    let back = parallax_engine::packed::unpack(&packed);
    let unpacking = clock.elapsed();
    if let Err(e) = back {
        eprintln!("parallax: the packed corpus does not read back: {e}");
        return ExitCode::from(1);
    }
    use std::io::Write;
    if let Err(e) = std::io::stdout().write_all(&packed) {
        eprintln!("parallax: cannot write the packed corpus: {e}");
        return ExitCode::from(1);
    }
    let articles = parallax_engine::packed::articles(&corpus);
    let beside =
        parallax_engine::packed::pack_beside(&corpus, "", &articles).map_or(0, |p| p.len());
    eprintln!(
        "parallax: {} documents; built in {built:.2?}, packed in {packing:.2?} to {} bytes ({beside} beside its {} bytes of articles, as a saved page carries it; the export: {} bytes), unpacked in {unpacking:.2?}",
        corpus.documents.len(),
        packed.len(),
        articles.iter().map(|a| a.bytes.len()).sum::<usize>(),
        parallax_engine::share::corpus_json(&corpus, false).len()
    );
    ExitCode::SUCCESS
}

fn generate(args: &[String]) -> ExitCode {
    let (Some(count), Some(dir)) = (
        args.first().and_then(|c| c.parse::<usize>().ok()),
        args.get(1),
    ) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let bytes = args.get(2).and_then(|b| b.parse().ok()).unwrap_or(2500);
    let dir = PathBuf::from(dir);
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("parallax: cannot create {}: {e}", dir.display());
        return ExitCode::from(1);
    }
    for (name, text) in parallax_engine::synthetic::corpus(count, bytes, 42) {
        if let Err(e) = std::fs::write(dir.join(&name), text) {
            eprintln!("parallax: cannot write {name}: {e}");
            return ExitCode::from(1);
        }
    }
    eprintln!("parallax: wrote {count} articles to {}", dir.display());
    ExitCode::SUCCESS
}

fn bundle(args: &[String]) -> ExitCode {
    let dist = PathBuf::from(args.first().map(String::as_str).unwrap_or("dist"));
    let out = args
        .get(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| dist.join("parallax.html"));
    match crate::bundle::bundle_dir(&dist, &out) {
        Ok((raw, gzip)) => {
            eprintln!(
                "parallax: wrote {} ({raw} bytes, {gzip} gzipped)",
                out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("parallax: cannot bundle {}: {e}", dist.display());
            ExitCode::from(1)
        }
    }
}

/// Run by Trunk after each build (`TRUNK_STAGING_DIR`), or by hand on a built folder.
fn site(args: &[String]) -> ExitCode {
    let dir = args
        .first()
        .map(PathBuf::from)
        .or_else(|| std::env::var("TRUNK_STAGING_DIR").ok().map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("dist"));
    let corpus_dir = args
        .get(1)
        .map(PathBuf::from)
        .or_else(|| std::env::var("PARALLAX_CORPUS").ok().map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("seeds"));
    let corpus = parallax_engine::build_from_folder(&corpus_dir);
    let canonical = std::env::var("PARALLAX_CANONICAL_URL")
        .ok()
        .filter(|u| !u.is_empty());
    let built = env!("PARALLAX_BUILD_DATE");
    // The single file is built beside the page, so a hosted page can save a copy of itself.
    let written = crate::site::write_site(&dir, &corpus, canonical.as_deref(), built)
        .and_then(|()| crate::bundle::bundle_dir(&dir, &dir.join("parallax.html")));
    match written {
        Ok((raw, gzip)) => {
            eprintln!(
                "parallax: link previews, manifest, service worker and parallax.html ({raw} bytes, {gzip} gzipped) written to {}",
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("parallax: cannot finish the site in {}: {e}", dir.display());
            ExitCode::from(1)
        }
    }
}
