//! Stage 1: bytes to text, or a diagnostic that names the file and the problem.
//!
//! Loading never fails the corpus: a bad file becomes a [`Diagnostic`] and the rest go on. Text is
//! kept byte for byte (no lossy decoding, no newline rewriting) because every span the engine
//! reports must index the original file.

use crate::model::{Diagnostic, Severity};

/// Files larger than this are refused: no article is this long, and the page must stay responsive.
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;

/// Extensions read as articles when a folder is loaded.
pub const TEXT_EXTENSIONS: [&str; 4] = ["txt", "md", "markdown", "text"];

/// A file offered to the engine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Input {
    pub file: String,
    pub bytes: Vec<u8>,
}

pub fn error(file: &str, message: impl Into<String>) -> Diagnostic {
    Diagnostic {
        file: file.to_string(),
        severity: Severity::Error,
        message: message.into(),
    }
}

pub fn warning(file: &str, message: impl Into<String>) -> Diagnostic {
    Diagnostic {
        file: file.to_string(),
        severity: Severity::Warning,
        message: message.into(),
    }
}

fn human_size(bytes: usize) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else if bytes >= 1024 {
        format!("{:.1} KB", bytes as f64 / 1024.0)
    } else {
        format!("{bytes} bytes")
    }
}

/// The refusal for a file of `len` bytes, if it is too large.
pub fn too_large(file: &str, len: usize) -> Option<Diagnostic> {
    (len > MAX_FILE_BYTES).then(|| {
        error(
            file,
            format!(
                "too large: {} (the limit is {}); split it into articles",
                human_size(len),
                human_size(MAX_FILE_BYTES)
            ),
        )
    })
}

/// Checks that `bytes` are usable article text.
pub fn decode<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, Diagnostic> {
    if let Some(d) = too_large(file, bytes.len()) {
        return Err(d);
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(error(
            file,
            if bytes.is_empty() {
                "empty file"
            } else {
                "empty file (only white space)"
            },
        ));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(error(
            file,
            "UTF-16 text is not supported: save the file as UTF-8",
        ));
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return Err(error(file, "binary file (it contains NUL bytes), not text"));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            let controls = text
                .chars()
                .take(8192)
                .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
                .count();
            if controls * 10 > text.chars().take(8192).count() {
                return Err(error(
                    file,
                    "binary file (mostly control characters), not text",
                ));
            }
            Ok(text)
        }
        Err(e) => {
            let at = e.valid_up_to();
            let line = bytes[..at].iter().filter(|b| **b == b'\n').count() + 1;
            Err(error(
                file,
                format!(
                    "not UTF-8 text: invalid byte 0x{:02X} at offset {at} (line {line}); save the file as UTF-8",
                    bytes[at]
                ),
            ))
        }
    }
}

/// Extensions of saved web pages, reduced to their article ([`crate::pages`]) before the engine
/// reads them.
pub const HTML_EXTENSIONS: [&str; 3] = ["html", "htm", "xhtml"];

/// How a file is to be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileForm {
    /// Plain text or Markdown, read as it is.
    Text,
    /// A saved web page: its article is taken out first ([`crate::pages::page_text`]).
    Html,
}

/// The bytes the engine reads for a file of `form`: a text file as it is, a saved web page as
/// the text of its article (what the reader view then shows and claims index), or why not.
#[cfg(feature = "pages")]
pub fn article(file: &str, form: FileForm, bytes: Vec<u8>) -> Result<Vec<u8>, Diagnostic> {
    match form {
        FileForm::Text => Ok(bytes),
        FileForm::Html => {
            let html = decode(file, &bytes)?;
            crate::pages::page_text(html)
                .map(|page| page.text.into_bytes())
                .map_err(|reason| error(file, reason))
        }
    }
}

fn extension(name: &str) -> String {
    let base = name.rsplit('/').next().unwrap_or(name);
    base.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

/// Whether `name` is a saved web page, by its extension.
pub fn is_page(name: &str) -> bool {
    matches!(form_of(name), Ok(FileForm::Html))
}

/// How a file is read, by its extension, or why it is no article file.
fn form_of(name: &str) -> Result<FileForm, String> {
    let ext = extension(name);
    if TEXT_EXTENSIONS.contains(&ext.as_str()) {
        Ok(FileForm::Text)
    } else if HTML_EXTENSIONS.contains(&ext.as_str()) {
        Ok(FileForm::Html)
    } else {
        let found = if ext.is_empty() {
            "no extension".to_string()
        } else {
            format!(".{ext}")
        };
        Err(format!(
            "not an article file: expected text (.{}) or HTML (.{}), found {found}",
            TEXT_EXTENSIONS.join(", ."),
            HTML_EXTENSIONS.join(", .")
        ))
    }
}

/// Decides, from its name and size alone, whether a file chosen in the page is read, and how;
/// refusals name the reason (so nothing is read that would be refused anyway).
pub fn accept(name: &str, len: usize) -> Result<FileForm, Diagnostic> {
    let form = form_of(name).map_err(|reason| error(name, reason))?;
    match too_large(name, len) {
        Some(d) => Err(d),
        None => Ok(form),
    }
}

/// The articles after `added` join `existing`: a file loaded again under the same name replaces
/// the earlier copy in place (a reader re-opening an edited article), new names go at the end.
pub fn join(existing: Vec<Input>, added: Vec<Input>) -> Vec<Input> {
    let mut out = existing;
    for input in added {
        match out.iter_mut().find(|e| e.file == input.file) {
            Some(slot) => *slot = input,
            None => out.push(input),
        }
    }
    out
}

/// Reads every article file of a folder (recursively, sorted by path). Files that are not
/// articles by extension are skipped with a warning; unreadable ones get an error.
#[cfg(all(not(target_arch = "wasm32"), feature = "pages"))]
pub fn read_folder(dir: &std::path::Path) -> (Vec<Input>, Vec<Diagnostic>) {
    let mut inputs = Vec::new();
    let mut diagnostics = Vec::new();
    let shown = dir.display().to_string();
    let mut paths = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    let mut first = true;
    while let Some(d) = stack.pop() {
        match std::fs::read_dir(&d) {
            Ok(rd) => {
                for entry in rd.flatten() {
                    let p = entry.path();
                    let hidden = p
                        .file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with('.'));
                    if hidden {
                        continue;
                    }
                    if p.is_dir() {
                        stack.push(p);
                    } else {
                        paths.push(p);
                    }
                }
            }
            Err(e) => {
                let what = if first {
                    "cannot read the folder"
                } else {
                    "cannot read a sub-folder"
                };
                diagnostics.push(error(&d.display().to_string(), format!("{what}: {e}")));
            }
        }
        first = false;
    }
    paths.sort();
    for p in paths {
        let name = p
            .strip_prefix(dir)
            .unwrap_or(&p)
            .to_string_lossy()
            .replace('\\', "/");
        // A stray file in a folder of articles is passed over, not an error.
        let form = match form_of(&name) {
            Ok(form) => form,
            Err(reason) => {
                diagnostics.push(warning(&name, format!("skipped: {reason}")));
                continue;
            }
        };
        let len = std::fs::metadata(&p).map(|m| m.len() as usize).unwrap_or(0);
        if let Some(d) = too_large(&name, len) {
            diagnostics.push(d);
            continue;
        }
        match std::fs::read(&p) {
            Ok(bytes) => match article(&name, form, bytes) {
                Ok(bytes) => inputs.push(Input { file: name, bytes }),
                Err(d) => diagnostics.push(d),
            },
            Err(e) => diagnostics.push(error(&name, format!("cannot read: {e}"))),
        }
    }
    // Every file refused, or the folder unreadable, already has its error.
    if inputs.is_empty() && !diagnostics.iter().any(|d| d.severity == Severity::Error) {
        diagnostics.push(error(
            &shown,
            format!(
                "no article files (.{} or .{}) in this folder",
                TEXT_EXTENSIONS.join(", ."),
                HTML_EXTENSIONS.join(", .")
            ),
        ));
    }
    (inputs, diagnostics)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_bytes_get_named_reasons() {
        assert_eq!(decode("a.txt", b"").unwrap_err().message, "empty file");
        assert!(decode("a.txt", b"  \n\t")
            .unwrap_err()
            .message
            .contains("only white space"));
        assert!(decode("b.txt", b"ab\0cd")
            .unwrap_err()
            .message
            .contains("binary"));
        let e = decode("c.txt", b"caf\xe9 au lait").unwrap_err();
        assert_eq!(e.file, "c.txt");
        assert!(e.message.contains("not UTF-8"), "{}", e.message);
        assert!(e.message.contains("offset 3"), "{}", e.message);
        assert!(decode("d.txt", b"\xff\xfeh\0i\0")
            .unwrap_err()
            .message
            .contains("UTF-16"));
        assert_eq!(decode("e.txt", "Héllo.".as_bytes()).unwrap(), "Héllo.");
        let big = vec![b'a'; MAX_FILE_BYTES + 1];
        assert!(decode("f.txt", &big)
            .unwrap_err()
            .message
            .starts_with("too large: 8.0 MB"));
    }

    #[test]
    fn page_files_are_accepted_by_name_and_size() {
        assert_eq!(accept("a/Story.TXT", 10), Ok(FileForm::Text));
        assert_eq!(accept("notes.md", 10), Ok(FileForm::Text));
        assert_eq!(accept("page.html", 10), Ok(FileForm::Html));
        let e = accept("photo.jpg", 10).unwrap_err();
        assert_eq!(e.file, "photo.jpg");
        assert_eq!(
            e.message,
            "not an article file: expected text (.txt, .md, .markdown, .text) or HTML (.html, .htm, .xhtml), found .jpg"
        );
        assert!(accept("README", 1)
            .unwrap_err()
            .message
            .ends_with("found no extension"));
        assert!(accept("big.txt", MAX_FILE_BYTES + 1)
            .unwrap_err()
            .message
            .starts_with("too large"));
    }

    #[test]
    fn joining_replaces_same_names_and_keeps_order() {
        let i = |f: &str, t: &str| Input {
            file: f.into(),
            bytes: t.into(),
        };
        let joined = join(
            vec![i("a.txt", "A"), i("b.txt", "B")],
            vec![i("c.txt", "C"), i("a.txt", "A2")],
        );
        let got: Vec<(&str, &[u8])> = joined
            .iter()
            .map(|x| (x.file.as_str(), x.bytes.as_slice()))
            .collect();
        assert_eq!(
            got,
            vec![("a.txt", &b"A2"[..]), ("b.txt", b"B"), ("c.txt", b"C")]
        );
    }
}
