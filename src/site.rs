//! `parallax site`: what a hosted link needs beyond the page, made from the corpus at build time.
//!
//! A shared link should preview as this corpus, not as a generic app: the title, description and
//! preview image (an outlets × claim-kinds picture and the agreement map, drawn from the engine's
//! output) are written into the built `index.html`, with an optional canonical URL, a web app
//! manifest with icons, and a service worker so a reader who opened the link once can open it again
//! offline. Every added tag carries `data-hosted`, so the single offline file drops them.

use std::path::Path;

use parallax_engine::view::{agreement_map, claims_by_kind, document_label, Stance};
use parallax_engine::Corpus;

/// Colours of the claim kinds and stances in the preview (same hues as the page).
const KIND_COLOURS: [[u8; 3]; 6] = [
    [68, 96, 154],
    [47, 122, 68],
    [162, 81, 26],
    [123, 74, 154],
    [31, 111, 135],
    [163, 52, 63],
];
const BACKGROUND: [u8; 3] = [251, 250, 247];
const SILENT: [u8; 3] = [217, 214, 206];
const DISPUTES: [u8; 3] = [163, 52, 63];
const ASSERTS: [u8; 3] = [47, 122, 68];

pub struct Canvas {
    width: usize,
    height: usize,
    pixels: Vec<u8>,
}

impl Canvas {
    fn new(width: usize, height: usize) -> Canvas {
        let mut pixels = Vec::with_capacity(width * height * 3);
        for _ in 0..width * height {
            pixels.extend_from_slice(&BACKGROUND);
        }
        Canvas {
            width,
            height,
            pixels,
        }
    }

    fn rect(&mut self, x: usize, y: usize, w: usize, h: usize, colour: [u8; 3]) {
        for row in y.min(self.height)..(y + h).min(self.height) {
            for col in x.min(self.width)..(x + w).min(self.width) {
                let i = (row * self.width + col) * 3;
                self.pixels[i..i + 3].copy_from_slice(&colour);
            }
        }
    }

    fn png(&self) -> Result<Vec<u8>, String> {
        let mut out = Vec::new();
        let mut encoder = png::Encoder::new(&mut out, self.width as u32, self.height as u32);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::Best);
        let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
        writer
            .write_image_data(&self.pixels)
            .map_err(|e| e.to_string())?;
        writer.finish().map_err(|e| e.to_string())?;
        Ok(out)
    }
}

/// The preview: on the left one bar per article, its claims stacked by kind; on the right the
/// agreement map, one square per matter and outlet, coloured by stance.
pub fn preview(corpus: &Corpus, width: usize, height: usize) -> Canvas {
    let mut c = Canvas::new(width, height);
    let margin = width / 20;
    let docs = corpus.documents.len().max(1);
    let left_w = width * 11 / 20 - margin;
    let counts = claims_by_kind(corpus);
    let most = counts
        .iter()
        .map(|k| k.iter().sum::<usize>())
        .max()
        .unwrap_or(1)
        .max(1);
    let row_h = (height - 2 * margin) / docs;
    for (i, kinds) in counts.iter().enumerate() {
        let y = margin + i * row_h + row_h / 6;
        let mut x = margin;
        for (k, n) in kinds.iter().enumerate() {
            let w = n * left_w / most;
            c.rect(x, y, w, row_h * 2 / 3, KIND_COLOURS[k]);
            x += w;
        }
    }
    let map = agreement_map(corpus, 40);
    let right_x = width * 12 / 20;
    let cols = map.columns.len().max(1);
    let rows = map.rows.len().max(1);
    let cell = ((width - right_x - margin) / cols)
        .min((height - 2 * margin) / rows)
        .max(2);
    for (r, row) in map.rows.iter().enumerate() {
        for (k, cell_stance) in row.cells.iter().enumerate() {
            let colour = match cell_stance.stance {
                Stance::Asserts => ASSERTS,
                Stance::Disputes => DISPUTES,
                Stance::Silent => SILENT,
            };
            c.rect(
                right_x + k * cell,
                margin + r * cell,
                cell - cell / 8,
                cell - cell / 8,
                colour,
            );
        }
    }
    c
}

/// An icon: the six kind colours as bands.
fn icon(size: usize) -> Canvas {
    let mut c = Canvas::new(size, size);
    let band = size / 8;
    for (k, colour) in KIND_COLOURS.iter().enumerate() {
        c.rect(
            band,
            band + k * band,
            size - 2 * band,
            band - band / 6,
            *colour,
        );
    }
    c
}

fn escape_attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The page title and description for link previews, from the corpus.
pub fn describe(corpus: &Corpus) -> (String, String) {
    let mut outlets: Vec<String> = corpus
        .documents
        .iter()
        .filter_map(|d| d.outlet.clone())
        .collect();
    outlets.dedup();
    let unnamed = corpus
        .documents
        .iter()
        .filter(|d| d.outlet.is_none())
        .count();
    let mut who = outlets.join(", ");
    if unnamed > 0 {
        who = if who.is_empty() {
            format!("{unnamed} unnamed outlets")
        } else {
            format!("{who} and {unnamed} more")
        };
    }
    let title = format!("Parallax: one story from {} sides", corpus.documents.len());
    let description = format!(
        "{} articles ({who}): {} claims with who says them, {} figures with their sources, {} matters shared across outlets.",
        corpus.documents.len(),
        corpus.claims.len(),
        corpus.figures.len(),
        corpus.clusters.len()
    );
    (title, description)
}

/// Writes the preview, icons, manifest and service worker into `dir`, and the tags and the
/// prerendered first view into its `index.html`. `canonical` is the site's public address, if known.
pub fn write_site(
    dir: &Path,
    corpus: &Corpus,
    canonical: Option<&str>,
    built: &str,
) -> Result<(), String> {
    let io = |p: &Path, e: std::io::Error| format!("{}: {e}", p.display());
    let write = |name: &str, bytes: &[u8]| {
        std::fs::write(dir.join(name), bytes).map_err(|e| io(&dir.join(name), e))
    };
    write("preview.png", &preview(corpus, 1200, 630).png()?)?;
    write("icon-192.png", &icon(192).png()?)?;
    write("icon-512.png", &icon(512).png()?)?;
    let (title, description) = describe(corpus);
    let manifest = format!(
        r##"{{"name": {}, "short_name": "Parallax", "description": {}, "start_url": ".", "scope": ".", "display": "standalone", "background_color": "#fbfaf7", "theme_color": "#0b5cad", "icons": [{{"src": "icon-192.png", "sizes": "192x192", "type": "image/png"}}, {{"src": "icon-512.png", "sizes": "512x512", "type": "image/png"}}]}}"##,
        json_string(&title),
        json_string(&description)
    );
    write("manifest.webmanifest", manifest.as_bytes())?;

    // The service worker caches every file of this build, under a name that changes with it,
    // except the article reader's worker: most readers never open a web page, so it is cached
    // when first used, not downloaded ahead.
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| io(dir, e))?
        .flatten()
        .filter(|e| e.path().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| {
            n != "sw.js"
                && n != "parallax.html"
                && !n.starts_with(crate::parser_worker_names::PREFIX)
        })
        .collect();
    files.sort();
    let list = std::iter::once("./".to_string())
        .chain(files.iter().map(|f| format!("./{f}")))
        .map(|f| json_string(&f))
        .collect::<Vec<_>>()
        .join(", ");
    let cache = format!(
        "parallax-{}-{built}",
        parallax_engine::corpus_fingerprint(corpus)
    );
    let sw = format!(
        "// Parallax service worker: serves this build from the cache, so a link opened once opens offline.\nconst CACHE = {};\nconst FILES = [{list}];\nself.addEventListener('install', (e) => e.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting())));\nself.addEventListener('activate', (e) => e.waitUntil(caches.keys().then((keys) => Promise.all(keys.filter((k) => k.startsWith('parallax-') && k !== CACHE).map((k) => caches.delete(k)))).then(() => self.clients.claim())));\nself.addEventListener('fetch', (e) => {{\n  if (e.request.method !== 'GET') return;\n  e.respondWith(caches.open(CACHE).then((c) => c.match(e.request, {{ ignoreSearch: true }}).then((hit) => hit || fetch(e.request).then((r) => {{\n    if (r.ok && new URL(e.request.url).pathname.includes('/{prefix}')) e.waitUntil(c.put(e.request, r.clone()).catch(() => {{}}));\n    return r;\n  }}))));\n}});\n",
        json_string(&cache),
        prefix = crate::parser_worker_names::PREFIX
    );
    write("sw.js", sw.as_bytes())?;

    let image = match canonical {
        Some(base) => format!("{}/preview.png", base.trim_end_matches('/')),
        None => "preview.png".to_string(),
    };
    let mut tags = vec![
        format!(r#"<meta data-hosted name="description" content="{}">"#, escape_attr(&description)),
        format!(r#"<meta data-hosted property="og:type" content="website">"#),
        format!(r#"<meta data-hosted property="og:title" content="{}">"#, escape_attr(&title)),
        format!(r#"<meta data-hosted property="og:description" content="{}">"#, escape_attr(&description)),
        format!(r#"<meta data-hosted property="og:image" content="{}">"#, escape_attr(&image)),
        r#"<meta data-hosted property="og:image:width" content="1200"><meta data-hosted property="og:image:height" content="630">"#.to_string(),
        r#"<meta data-hosted name="twitter:card" content="summary_large_image">"#.to_string(),
        format!(r#"<meta data-hosted name="twitter:title" content="{}">"#, escape_attr(&title)),
        format!(r#"<meta data-hosted name="twitter:description" content="{}">"#, escape_attr(&description)),
        format!(r#"<meta data-hosted name="twitter:image" content="{}">"#, escape_attr(&image)),
        r#"<link data-hosted rel="manifest" href="manifest.webmanifest">"#.to_string(),
        r#"<link data-hosted rel="icon" href="icon-192.png">"#.to_string(),
        r#"<script data-hosted>if ("serviceWorker" in navigator && location.protocol.startsWith("http")) navigator.serviceWorker.register("sw.js");</script>"#.to_string(),
    ];
    if let Some(base) = canonical {
        tags.push(format!(
            r#"<link data-hosted rel="canonical" href="{}">"#,
            escape_attr(base)
        ));
        tags.push(format!(
            r#"<meta data-hosted property="og:url" content="{}">"#,
            escape_attr(base)
        ));
    }
    let index_path = dir.join("index.html");
    let index = std::fs::read_to_string(&index_path).map_err(|e| io(&index_path, e))?;
    let index = strip_hosted(&index);
    let at = index.find("</head>").ok_or("index.html has no </head>")?;
    let mut html = index.clone();
    html.insert_str(at, &format!("{}\n", tags.join("\n")));
    // The claims tab's first screen, painted before the wasm arrives.
    let html = parallax_engine::share::with_first_view(&html, corpus)?;
    let html = crate::csp::with_policy(&html, crate::csp::Form::Hosted)?;
    std::fs::write(&index_path, html).map_err(|e| io(&index_path, e))
}

/// Removes tags an earlier run added, so the command can run again on the same folder.
fn strip_hosted(html: &str) -> String {
    html.lines()
        .filter(|l| {
            !l.trim_start().starts_with("<meta data-hosted")
                && !l.trim_start().starts_with("<link data-hosted")
                && !l.trim_start().starts_with("<script data-hosted")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Names shown for documents in link previews (used by tests).
pub fn outlet_names(corpus: &Corpus) -> Vec<String> {
    corpus.documents.iter().map(document_label).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn previews_describe_the_corpus_they_come_from() {
        let corpus = parallax_engine::build_from_folder(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"),
        );
        let (title, description) = describe(&corpus);
        assert_eq!(title, "Parallax: one story from 5 sides");
        assert!(description.starts_with("5 articles (The Palestine Chronicle, Clash Report, Ynet News and 2 more): 179 claims"), "{description}");
        let png = preview(&corpus, 1200, 630).png().unwrap();
        assert_eq!(&png[1..4], b"PNG");
        assert_eq!(outlet_names(&corpus).len(), 5);
    }

    #[test]
    fn site_files_and_tags_are_written_once() {
        let corpus = parallax_engine::build_from_folder(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"),
        );
        let dir = std::env::temp_dir().join(format!("parallax-site-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("index.html"),
            "<html><head><title>P</title>\n</head><body></body></html>",
        )
        .unwrap();
        std::fs::write(dir.join("app-1.js"), "x").unwrap();
        for _ in 0..2 {
            write_site(
                &dir,
                &corpus,
                Some("https://example.org/parallax/"),
                "2026-11-22",
            )
            .unwrap();
        }
        let index = std::fs::read_to_string(dir.join("index.html")).unwrap();
        assert_eq!(
            index.matches("og:title").count(),
            1,
            "running twice adds the tags once"
        );
        assert!(index.contains(r#"content="https://example.org/parallax/preview.png""#));
        assert_eq!(
            index.matches("<!--parallax-first-view-->").count(),
            1,
            "one prerendered first view however often the hook runs"
        );
        assert!(index
            .contains("<p class=\"lede\">One story from every side: 5 articles, 179 claims.</p>"));
        assert_eq!(index.matches("<article class=\"card").count(), 20);
        assert_eq!(index.matches("Content-Security-Policy").count(), 1);
        assert!(index.contains(
            r#"<link data-hosted rel="canonical" href="https://example.org/parallax/">"#
        ));
        let sw = std::fs::read_to_string(dir.join("sw.js")).unwrap();
        assert!(
            sw.contains("\"./app-1.js\"")
                && sw.contains("\"./index.html\"")
                && sw.contains("\"./preview.png\"")
        );
        let manifest: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(dir.join("manifest.webmanifest")).unwrap(),
        )
        .unwrap();
        assert_eq!(manifest["start_url"], ".");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
