//! `parallax bundle`: Trunk's output folder made into one self-contained HTML file.
//!
//! A reader must be able to mail the explorer or carry it on a USB stick and open it from disk with
//! no network. Browsers refuse to fetch a module or a wasm file from `file://`, so the file carries
//! everything inline: the stylesheet as `<style>`, the wasm-bindgen glue as an inline module, and
//! the wasm as base64 handed to the glue's own `__wbg_init`. Tags that only make sense on a server
//! (preloads, the manifest, the service worker, tagged `data-hosted`) are dropped.

use std::path::Path;

/// Standard base64 with padding.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, b)| acc | (*b as u32) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The file name at the end of a path or URL.
fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// The text between `start` and the next `end` after it.
fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let a = s.find(start)? + start.len();
    let b = s[a..].find(end)? + a;
    Some(&s[a..b])
}

/// Removes every tag that starts with `open` (up to its closing `>`), and, for a paired tag,
/// up to `close`.
fn strip_tags(html: &str, open: &str, close: Option<&str>) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(open) {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let end = match close {
            Some(c) => tail.find(c).map(|e| e + c.len()),
            None => tail.find('>').map(|e| e + 1),
        };
        match end {
            Some(e) => rest = &tail[e..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Builds the single file from the text of Trunk's `index.html` and a way to read its assets
/// (given the asset's file name).
pub fn bundle_html(
    index: &str,
    read: &dyn Fn(&str) -> Result<Vec<u8>, String>,
) -> Result<String, String> {
    let js_path = between(index, "import init, * as bindings from '", "'")
        .ok_or("index.html has no wasm-bindgen import (is this Trunk's output?)")?;
    let wasm_path =
        between(index, "module_or_path: '", "'").ok_or("index.html names no wasm file")?;
    let css_path = between(index, "<link rel=\"stylesheet\" href=\"", "\"");
    let js = String::from_utf8(read(file_name(js_path))?)
        .map_err(|_| "the JS glue is not UTF-8".to_string())?;
    let wasm = read(file_name(wasm_path))?;
    let css = match css_path {
        Some(p) => String::from_utf8(read(file_name(p))?)
            .map_err(|_| "the stylesheet is not UTF-8".to_string())?,
        None => String::new(),
    };
    if !js.contains("__wbg_init") {
        return Err("the JS glue has no __wbg_init (unexpected wasm-bindgen output)".into());
    }
    let mut html = strip_tags(index, "<script type=\"module\">", Some("</script>"));
    for open in [
        "<link rel=\"stylesheet\"",
        "<link rel=\"modulepreload\"",
        "<link rel=\"preload\"",
        "<link data-hosted",
        "<meta data-hosted",
    ] {
        html = strip_tags(&html, open, None);
    }
    html = strip_tags(&html, "<script data-hosted", Some("</script>"));
    // The marker tells the page it is a single file, which it rebuilds itself from when saving.
    // A stylesheet Trunk already inlined stays where it is.
    let style = if css.is_empty() {
        "<meta name=\"parallax-form\" content=\"single-file\">\n".to_string()
    } else {
        format!(
            "<meta name=\"parallax-form\" content=\"single-file\">\n<style>{}</style>\n",
            css.replace("</style", "<\\/style")
        )
    };
    let glue = js.replace("</script", "<\\/script");
    let script = format!(
        "<script type=\"module\">\n{glue}\nconst parallaxWasm = Uint8Array.from(atob(\"{}\"), (c) => c.charCodeAt(0));\nawait __wbg_init({{ module_or_path: parallaxWasm }});\n</script>\n",
        base64(&wasm)
    );
    // The article reader (`crates/parser-worker`), when the build has one: a data block the
    // page starts a worker from, since a file opened from disk may fetch nothing.
    let worker = match read(crate::parser_worker_names::LOADER) {
        Ok(loader) => worker_block(&String::from_utf8_lossy(&loader), read)?,
        Err(_) => String::new(),
    };
    let head_end = html.find("</head>").ok_or("index.html has no </head>")?;
    html.insert_str(head_end, &style);
    let body_end = html.rfind("</body>").ok_or("index.html has no </body>")?;
    html.insert_str(body_end, &format!("{worker}{script}"));
    crate::csp::with_policy(&html, crate::csp::Form::SingleFile)
}

/// The article reader's worker as one classic script in a data block: its wasm-bindgen glue (named by
/// Trunk's `loader`, which imports it and starts its wasm), then the start with the wasm inline.
fn worker_block(
    loader: &str,
    read: &dyn Fn(&str) -> Result<Vec<u8>, String>,
) -> Result<String, String> {
    let glue_path = between(loader, "importScripts(\"", "\"")
        .ok_or("the worker loader imports no script (unexpected Trunk output)")?;
    let wasm_path = between(loader, "wasm_bindgen(\"", "\"")
        .ok_or("the worker loader starts no wasm (unexpected Trunk output)")?;
    let glue = String::from_utf8(read(file_name(glue_path))?)
        .map_err(|_| "the worker's JS glue is not UTF-8".to_string())?;
    let wasm = read(file_name(wasm_path))?;
    // Gzipped, the wasm is 43% of its size: what a file that is mailed or carried weighs.
    let packed = gzip(&wasm)?;
    let code = format!(
        "{glue}\nconst packed = Uint8Array.from(atob(\"{}\"), (c) => c.charCodeAt(0));\nnew Response(new Blob([packed]).stream().pipeThrough(new DecompressionStream(\"gzip\"))).arrayBuffer().then((bytes) => wasm_bindgen({{ module_or_path: bytes }})).catch((e) => postMessage([\"\", null, String(e)]));\n",
        base64(&packed)
    );
    Ok(format!(
        "<script type=\"text/plain\" id=\"{}\">{}</script>\n",
        crate::parser_worker_names::INLINE_ID,
        code.replace("</script", "<\\/script")
    ))
}

/// Bundles `dist/index.html` and its assets into `out`.
pub fn bundle_dir(dist: &Path, out: &Path) -> Result<(usize, usize), String> {
    let index = std::fs::read_to_string(dist.join("index.html"))
        .map_err(|e| format!("{}: {e}", dist.join("index.html").display()))?;
    let read = |name: &str| {
        std::fs::read(dist.join(name)).map_err(|e| format!("{}: {e}", dist.join(name).display()))
    };
    let html = bundle_html(&index, &read)?;
    std::fs::write(out, &html).map_err(|e| format!("{}: {e}", out.display()))?;
    let gzipped = gzip(html.as_bytes())?.len();
    Ok((html.len(), gzipped))
}

/// `bytes` gzipped at the best compression.
fn gzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    use std::io::Write;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes)
        .and_then(|()| gz.finish())
        .map_err(|e| format!("gzip: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Standard base64 back to bytes (test only: the page decodes with `atob`).
    fn base64_decode(s: &str) -> Vec<u8> {
        const ALPHABET: &[u8; 64] =
            b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let digits: Vec<u32> = s
            .bytes()
            .filter(|b| *b != b'=')
            .filter_map(|b| ALPHABET.iter().position(|a| *a == b).map(|p| p as u32))
            .collect();
        let mut out = Vec::new();
        for chunk in digits.chunks(4) {
            let n = chunk
                .iter()
                .enumerate()
                .fold(0u32, |acc, (i, d)| acc | d << (18 - 6 * i));
            for i in 0..chunk.len().saturating_sub(1) {
                out.push((n >> (16 - 8 * i)) as u8);
            }
        }
        out
    }

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64(&[0xff, 0xfe, 0x00]), "//4A");
        for bytes in [&b"f"[..], b"fo", b"foo", b"foobar", &[0xff, 0xfe, 0x00]] {
            assert_eq!(base64_decode(&base64(bytes)), bytes);
        }
    }

    #[test]
    fn the_bundle_inlines_everything_and_drops_server_tags() {
        let index = r#"<!DOCTYPE html><html><head><title>P</title>
<script type="module">
import init, * as bindings from '/sub/app-1.js';
const wasm = await init({ module_or_path: '/sub/app-1_bg.wasm' });
</script>
<link rel="stylesheet" href="/sub/style-2.css" integrity="x"/>
<link rel="modulepreload" href="/sub/app-1.js"><link rel="preload" href="/sub/app-1_bg.wasm" as="fetch">
<link data-hosted rel="manifest" href="manifest.webmanifest"><meta data-hosted property="og:image" content="p.png">
<script data-hosted>navigator.serviceWorker.register('sw.js')</script>
</head><body><noscript>x</noscript></body></html>"#;
        let read = |name: &str| -> Result<Vec<u8>, String> {
            match name {
                "app-1.js" => Ok(
                    b"async function __wbg_init(m) {}\nexport default __wbg_init; // </script>"
                        .to_vec(),
                ),
                "app-1_bg.wasm" => Ok(vec![0, 97, 115, 109]),
                "style-2.css" => Ok(b"body{color:red}".to_vec()),
                other => Err(format!("unexpected {other}")),
            }
        };
        let html = bundle_html(index, &read).unwrap();
        assert!(html.contains("<style>body{color:red}</style>"));
        assert!(html.contains("<meta name=\"parallax-form\" content=\"single-file\">"));
        assert!(html.contains("atob(\"AGFzbQ==\")"));
        assert!(html.contains("await __wbg_init({ module_or_path: parallaxWasm });"));
        assert!(
            html.contains("// <\\/script>"),
            "a closing tag in the glue is escaped"
        );
        for gone in [
            "import init",
            "modulepreload",
            "rel=\"preload\"",
            "stylesheet",
            "manifest",
            "og:image",
            "serviceWorker",
        ] {
            assert!(!html.contains(gone), "{gone} should be gone");
        }
        assert!(html.find("<style>").unwrap() < html.find("</head>").unwrap());
        assert!(html.find("<script type=\"module\">").unwrap() > html.find("<noscript>").unwrap());
    }

    #[test]
    fn the_saved_page_worker_is_inlined_as_a_data_block() {
        let index = r#"<html><head>
<script type="module">
import init, * as bindings from '/app-1.js';
const wasm = await init({ module_or_path: '/app-1_bg.wasm' });
</script></head><body></body></html>"#;
        let read = |name: &str| -> Result<Vec<u8>, String> {
            match name {
                "app-1.js" => Ok(b"async function __wbg_init(m) {}".to_vec()),
                "app-1_bg.wasm" => Ok(vec![0, 97, 115, 109]),
                "parser-worker_loader.js" => Ok(
                    br#"importScripts("./parser-worker.js");wasm_bindgen("./parser-worker_bg.wasm");"#
                        .to_vec(),
                ),
                "parser-worker.js" => Ok(b"let wasm_bindgen = (function(){})(); // </script>".to_vec()),
                "parser-worker_bg.wasm" => Ok(vec![0, 97, 115, 109, 1]),
                other => Err(format!("unexpected {other}")),
            }
        };
        let html = bundle_html(index, &read).unwrap();
        let block = html
            .split("<script type=\"text/plain\" id=\"parser-worker-source\">")
            .nth(1)
            .and_then(|rest| rest.split("</script>").next())
            .expect("the worker's data block");
        assert!(block.starts_with("let wasm_bindgen = (function(){})(); // <\\/script>"));
        // The wasm travels gzipped, unpacked by the browser before it starts.
        let packed = block
            .split("atob(\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .expect("the packed wasm");
        let mut unpacked = Vec::new();
        std::io::Read::read_to_end(
            &mut flate2::read::GzDecoder::new(&base64_decode(packed)[..]),
            &mut unpacked,
        )
        .unwrap();
        assert_eq!(unpacked, [0, 97, 115, 109, 1]);
        assert!(block.contains("new DecompressionStream(\"gzip\")"));
        assert!(block.contains("wasm_bindgen({ module_or_path: bytes })"));
        // The single file may start a worker from a Blob, and from nothing else.
        assert!(html.contains("worker-src blob:"));
    }

    #[test]
    fn other_html_is_refused_with_a_reason() {
        let err = bundle_html("<html><head></head><body></body></html>", &|_: &str| {
            Ok(Vec::new())
        })
        .unwrap_err();
        assert!(err.contains("no wasm-bindgen import"));
    }
}
