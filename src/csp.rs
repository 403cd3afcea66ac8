//! The page's Content Security Policy, written into its HTML as a `<meta>` tag.
//!
//! Parallax shows text from anywhere to readers who did not choose it, so even if some article
//! slipped markup past the engine, the browser itself must refuse to run it: no script or style
//! runs unless it is one the build wrote (allowed by its SHA-256 hash), nothing loads from another
//! origin, and the single file may fetch nothing at all. The hashes are taken from the finished
//! HTML, so the policy always matches what is in it; the first view's script is a constant, so a
//! page saved with other articles keeps a valid policy.

use sha2::{Digest, Sha256};

/// Where the page may fetch from besides its own inline code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// Served: the glue, the wasm, icons, the manifest, the service worker and `parallax.html`
    /// (fetched to save a new single file) come from the page's own origin.
    Hosted,
    /// One file opened from disk: everything is inline; nothing may be fetched.
    SingleFile,
}

const META_START: &str = "<meta http-equiv=\"Content-Security-Policy\"";

/// The contents of every inline element `tag` that runs: `<script>` without `src` and not a data
/// block (a `type` that is not JavaScript), or `<style>`.
fn inline_bodies<'a>(html: &'a str, tag: &str) -> Vec<&'a str> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find(&open) {
        let tail = &rest[at..];
        let Some(tag_end) = tail.find('>') else { break };
        let attributes = &tail[open.len()..tag_end];
        // `<scripts>` or `<styled>` are other elements.
        if !attributes.is_empty() && !attributes.starts_with(char::is_whitespace) {
            rest = &tail[tag_end..];
            continue;
        }
        let body_start = tag_end + 1;
        let Some(body_len) = tail[body_start..].find(&close) else {
            break;
        };
        let body = &tail[body_start..body_start + body_len];
        let runs = !attributes.contains(" src=") && (tag != "script" || is_javascript(attributes));
        if runs {
            out.push(body);
        }
        rest = &tail[body_start + body_len + close.len()..];
    }
    out
}

/// Whether a `<script>` with these attributes runs: no `type`, or a JavaScript one; any other
/// type (`application/json`, `text/plain`) makes it a data block.
fn is_javascript(attributes: &str) -> bool {
    let Some(at) = attributes.find("type=") else {
        return true;
    };
    let value = attributes[at + 5..].trim_start_matches(['"', '\'']);
    let value = &value[..value.find(['"', '\'', ' ', '>']).unwrap_or(value.len())];
    matches!(
        value,
        "" | "module" | "text/javascript" | "application/javascript"
    )
}

fn hash_source(body: &str) -> String {
    let digest = Sha256::digest(body.as_bytes());
    format!("'sha256-{}'", crate::bundle::base64(&digest))
}

/// The policy for `html` in `form`: its inline scripts and styles allowed by hash.
pub fn policy(html: &str, form: Form) -> String {
    let mut scripts: Vec<String> = inline_bodies(html, "script")
        .into_iter()
        .map(hash_source)
        .collect();
    let mut styles: Vec<String> = inline_bodies(html, "style")
        .into_iter()
        .map(hash_source)
        .collect();
    scripts.dedup();
    styles.dedup();
    let (own, connect) = match form {
        Form::Hosted => ("'self' ", "'self'"),
        Form::SingleFile => ("", "'none'"),
    };
    let images = match form {
        Form::Hosted => "'self'",
        Form::SingleFile => "'none'",
    };
    let mut directives = vec![
        "default-src 'none'".to_string(),
        format!("script-src {own}'wasm-unsafe-eval' {}", scripts.join(" ")),
        format!(
            "style-src {}",
            if styles.is_empty() {
                "'none'".to_string()
            } else {
                styles.join(" ")
            }
        ),
        format!("img-src {images}"),
        format!("connect-src {connect}"),
        "base-uri 'none'".to_string(),
        "form-action 'none'".to_string(),
        "object-src 'none'".to_string(),
    ];
    match form {
        // The service worker and the article reader's worker.
        Form::Hosted => {
            directives.push("manifest-src 'self'".to_string());
            directives.push("worker-src 'self'".to_string());
        }
        // The article reader, started from a Blob of the code the file carries, if it does.
        Form::SingleFile => {
            if html.contains(&format!("id=\"{}\"", crate::parser_worker_names::INLINE_ID)) {
                directives.push("worker-src blob:".to_string());
            }
        }
    }
    directives.join("; ")
}

/// `html` with its policy (any earlier one replaced) first in `<head>` (after the charset), before
/// anything it governs.
pub fn with_policy(html: &str, form: Form) -> Result<String, String> {
    let mut html = html.to_string();
    if let Some(at) = html.find(META_START) {
        let end = html[at..]
            .find('>')
            .map(|e| at + e + 1)
            .ok_or("the page's security policy tag is not closed")?;
        let end = if html[end..].starts_with('\n') {
            end + 1
        } else {
            end
        };
        html.replace_range(at..end, "");
    }
    let policy = policy(&html, form);
    let head = html.find("<head").ok_or("the page has no <head>")?;
    let tag_end = |from: usize| html[from..].find('>').map(|e| from + e + 1);
    let head_end = tag_end(head).ok_or("the page's <head> tag is not closed")?;
    // After the charset declaration, which must stay within the first 1,024 bytes.
    let at = match html[head_end..].find("<meta charset") {
        Some(c) if html[head_end..head_end + c].trim().is_empty() => {
            tag_end(head_end + c).unwrap_or(head_end)
        }
        _ => head_end,
    };
    html.insert_str(at, &format!("\n{META_START} content=\"{policy}\">\n"));
    Ok(html)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>body{}</style>\n<script type=\"module\">import init from './a.js';</script><script src=\"x.js\"></script></head><body><script type=\"application/json\" id=\"i\">[]</script><script type=\"text/plain\" id=\"t\">data</script><script id=\"v\">go()</script></body></html>";

    #[test]
    fn inline_code_is_allowed_by_hash_and_nothing_else_runs() {
        assert_eq!(
            inline_bodies(PAGE, "script"),
            vec!["import init from './a.js';", "go()"]
        );
        let hosted = with_policy(PAGE, Form::Hosted).unwrap();
        // sha256("go()") and sha256("body{}"), base64.
        let go = hash_source("go()");
        assert_eq!(go, "'sha256-5KYv+PUboo5h+0+YAtGRPbwv5d/QxzHslP4YGnUaxRw='");
        assert!(hosted.starts_with("<!DOCTYPE html><html><head><meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'self' 'wasm-unsafe-eval' "));
        assert!(hosted.contains(&go));
        assert!(hosted.contains(&format!("style-src {}", hash_source("body{}"))));
        assert!(hosted.contains("connect-src 'self'"));
        assert!(!hosted.contains("unsafe-inline"));
        let single = with_policy(&hosted, Form::SingleFile).unwrap();
        assert_eq!(
            single.matches("Content-Security-Policy").count(),
            1,
            "replaced, not added"
        );
        assert!(single.contains("script-src 'wasm-unsafe-eval' "));
        assert!(single.contains("connect-src 'none'"));
        assert!(!single.contains("'self'"));
        // A single file starts workers from a Blob only when it carries the article reader.
        assert!(!single.contains("worker-src"));
        let reader = single.replace(
            "</body>",
            "<script type=\"text/plain\" id=\"parser-worker-source\">w</script></body>",
        );
        let reader = with_policy(&reader, Form::SingleFile).unwrap();
        assert!(reader.contains("worker-src blob:"));
        assert!(!reader.contains(&hash_source("w")));
        assert!(with_policy("<p>no head</p>", Form::Hosted).is_err());
    }
}
