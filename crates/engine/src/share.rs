//! What leaves the page: the corpus as JSON and CSV, and the articles carried inside a saved
//! single-file page.
//!
//! A reader who loaded their own articles must be able to take the result away without a server:
//! the JSON is the same contract `parallax export` prints, the CSV opens in a spreadsheet, and a
//! saved page carries the articles themselves and the corpus read from them, packed
//! ([`crate::packed`]): the page decodes the corpus instead of parsing, and a page of another
//! version, which cannot decode it, reads the articles again. Kept here, as plain functions of
//! strings, so they are tested natively and shared by the page and the command line.

use serde::{Deserialize, Serialize};

use crate::load::Input;
use crate::model::Corpus;
use crate::view::{stated, OWN_VOICE};

/// The `id` of the element that carries articles inside a saved page.
pub const ISLAND_ID: &str = "parallax-articles";
/// The `id` of the element that carries the packed corpus read from them (base64).
pub const PACKED_ID: &str = "parallax-packed";

/// The corpus as the export contract's JSON.
pub fn corpus_json(corpus: &Corpus, pretty: bool) -> String {
    let written = if pretty {
        serde_json::to_string_pretty(corpus)
    } else {
        serde_json::to_string(corpus)
    };
    // Serializing plain data with string keys cannot fail; say so rather than panic if it ever does.
    written.unwrap_or_else(|e| format!("{{\"error\":\"could not write JSON: {e}\"}}"))
}

/// One CSV field, quoted when needed. Text a spreadsheet would run as a formula (`=`, `+`, `-`,
/// `@` first) is prefixed with `'`, as OWASP advises; the JSON keeps it verbatim.
fn csv_field(out: &mut String, value: &str) {
    let formula = value.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quote = formula || value.contains([',', '"', '\n', '\r']);
    if quote {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    for c in value.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quote {
        out.push('"');
    }
}

/// Columns of [`claims_csv`].
pub const CSV_COLUMNS: [&str; 14] = [
    "id",
    "file",
    "outlet",
    "author",
    "date",
    "kind",
    "speaker",
    "speaker_kind",
    "attribution",
    "line",
    "start",
    "end",
    "text",
    "related",
];

/// Every claim as one CSV row (RFC 4180, CRLF line ends). Metadata an article does not state is
/// written "not stated", as on screen; `related` lists `relation:claim-id` pairs.
pub fn claims_csv(corpus: &Corpus) -> String {
    let mut out = CSV_COLUMNS.join(",");
    out.push_str("\r\n");
    for c in &corpus.claims {
        let doc = corpus.document(&c.document);
        let speaker_kind = c
            .speaker_kind
            .map(|k| crate::text::lower(&format!("{k:?}")))
            .unwrap_or_default();
        let related: Vec<String> = c
            .related
            .iter()
            .map(|l| {
                format!(
                    "{}:{}",
                    crate::text::lower(&format!("{:?}", l.relation)),
                    l.claim
                )
            })
            .collect();
        let fields = [
            c.id.to_string(),
            doc.map(|d| d.file.clone()).unwrap_or_default(),
            stated(doc.and_then(|d| d.outlet.as_deref())),
            stated(doc.and_then(|d| d.author.as_deref())),
            stated(doc.and_then(|d| d.date.as_deref())),
            c.kind.as_str().to_string(),
            c.speaker.clone().unwrap_or_else(|| OWN_VOICE.to_string()),
            speaker_kind,
            c.attribution.clone().unwrap_or_default(),
            c.line.to_string(),
            c.start.to_string(),
            c.end.to_string(),
            c.text.to_string(),
            related.join(" "),
        ];
        for (i, f) in fields.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            csv_field(&mut out, f);
        }
        out.push_str("\r\n");
    }
    out
}

#[derive(Serialize, Deserialize)]
struct CarriedArticle {
    file: String,
    text: String,
}

/// The element carrying `inputs` inside a saved page: JSON in a non-executed script element.
/// Every `<` is written as `\u003c`, so no article can close the element or open a comment.
/// Inputs that are not UTF-8 text are left out (the page could not read them either).
pub fn articles_island(inputs: &[Input]) -> String {
    format!(
        "<script type=\"application/json\" id=\"{ISLAND_ID}\">{}</script>",
        articles_json(inputs).replace('<', "\\u003c")
    )
}

/// Articles as JSON (file name and text), the form a saved page and the browser's storage keep
/// them in; an article that is not UTF-8 text is left out.
pub fn articles_json(inputs: &[Input]) -> String {
    let carried: Vec<CarriedArticle> = inputs
        .iter()
        .filter_map(|i| {
            Some(CarriedArticle {
                file: i.file.clone(),
                text: String::from_utf8(i.bytes.clone()).ok()?,
            })
        })
        .collect();
    serde_json::to_string(&carried).unwrap_or_else(|_| "[]".to_string())
}

/// Reads articles written by [`articles_json`]; the error says what JSON could not be read.
pub fn read_articles_json(json: &str) -> Result<Vec<Input>, String> {
    let carried: Vec<CarriedArticle> = serde_json::from_str(json).map_err(|e| e.to_string())?;
    Ok(carried
        .into_iter()
        .map(|a| Input {
            file: a.file,
            bytes: a.text.into_bytes(),
        })
        .collect())
}

/// The element carrying `corpus` packed inside a saved page beside `inputs` (the articles it
/// was read from, which the page carries too: their texts are not written again), with the
/// words of the build that read it: base64 in a non-executed script element, so it holds no `<`.
pub fn packed_island(corpus: &Corpus, built: &str, inputs: &[Input]) -> Result<String, String> {
    Ok(format!(
        "<script type=\"application/octet-stream\" id=\"{PACKED_ID}\">{}</script>",
        packed_text(&crate::packed::pack_beside(corpus, built, inputs)?)
    ))
}

/// A packed corpus ([`crate::packed::pack`]) as text (base64), as a saved page and the
/// browser's storage keep it.
pub fn packed_text(packed: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(packed)
}

/// The corpus a saved page carries packed (the island's text content, [`packed_text`]) beside
/// `inputs` (the articles it carries), and the words of the build that read it; why not, when it
/// cannot be decoded.
pub fn read_packed_island(
    text: &str,
    inputs: &[Input],
) -> Result<(Corpus, String), crate::packed::Unpacked> {
    use base64::Engine as _;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(text.trim())
        .map_err(|e| crate::packed::Unpacked::Damaged(e.to_string()))?;
    crate::packed::unpack_beside(&bytes, inputs)
}

/// Reads the articles carried by a saved page (the island's text content).
pub fn read_island(json: &str) -> Result<Vec<Input>, String> {
    read_articles_json(json)
        .map_err(|e| format!("the articles saved in this page cannot be read: {e}"))
}

/// A single-file page (`template`, as `parallax bundle` writes it) carrying `inputs`, the first
/// view of `corpus` (built from them) and `corpus` packed ([`packed_island`], with the words of
/// the build `built`): any island or first view already in it is replaced, else the first view
/// goes at the start of `<body>` and the islands at its end. With no `corpus` (its articles not
/// read yet) the page carries the articles alone, and whoever opens it reads them.
pub fn page_with_articles(
    template: &str,
    inputs: &[Input],
    corpus: Option<&Corpus>,
    built: &str,
) -> Result<String, String> {
    let empty = Corpus::default();
    let mut page = with_first_view(template, corpus.unwrap_or(&empty))?;
    page = with_island(&page, ISLAND_ID, &articles_island(inputs))?;
    match corpus {
        Some(corpus) => with_island(&page, PACKED_ID, &packed_island(corpus, built, inputs)?),
        None => without_island(&page, PACKED_ID),
    }
}

/// Where the script element `id` of `page` is (from `<script` to past `</script>`), if it has
/// one; an error when it is not closed.
fn island_at(page: &str, id: &str) -> Result<Option<(usize, usize)>, String> {
    let open = format!("id=\"{id}\">");
    let Some(at) = page.find(&open).and_then(|k| page[..k].rfind("<script")) else {
        return Ok(None);
    };
    let end = page[at..]
        .find("</script>")
        .map(|e| at + e + "</script>".len())
        .ok_or("what the page carries is not closed")?;
    Ok(Some((at, end)))
}

/// `page` with the script element `id` replaced by `island`, or `island` added at the end of
/// the body: a large island must not hold up the first view's paint.
fn with_island(page: &str, id: &str, island: &str) -> Result<String, String> {
    if let Some((at, end)) = island_at(page, id)? {
        return Ok(format!("{}{island}{}", &page[..at], &page[end..]));
    }
    let body_end = page
        .rfind("</body>")
        .ok_or("the page to save into has no </body>")?;
    Ok(format!(
        "{}{island}\n{}",
        &page[..body_end],
        &page[body_end..]
    ))
}

/// `page` without the script element `id`, if it has one.
fn without_island(page: &str, id: &str) -> Result<String, String> {
    Ok(match island_at(page, id)? {
        Some((at, end)) => format!("{}{}", &page[..at], &page[end..]),
        None => page.to_string(),
    })
}

/// Text made safe for HTML element content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The first `count` claim cards as static HTML, in the page's own markup (classes, text and
/// "not stated"), with `elementtiming="first-card"` on the first card's text so the page and the
/// baseline are timed the same way.
fn cards_html(corpus: &Corpus, count: usize) -> String {
    let mut cards = String::new();
    for c in corpus.claims.iter().take(count) {
        let doc = corpus.document(&c.document);
        let kind = c.kind.as_str();
        let speaker = c
            .speaker
            .as_deref()
            .map(|s| {
                format!(
                    "<p class=\"speaker\">According to <strong>{}</strong>{}</p>",
                    escape_html(s),
                    escape_html(&crate::view::speaker_note(c))
                )
            })
            .unwrap_or_default();
        cards.push_str(&format!(
            "<article class=\"card k-{kind}\"><blockquote class=\"claim-text\" elementtiming=\"first-card\">{}</blockquote><p class=\"meta\"><span class=\"kind k-{kind}\">{kind}</span> <span class=\"stance\">{}</span> · <span class=\"outlet\">{}</span> · <span>{}</span> · <span>{}</span></p>{speaker}</article>\n",
            escape_html(&c.text),
            escape_html(&crate::view::stance_note(c)),
            escape_html(&doc.map(crate::view::document_label).unwrap_or_default()),
            escape_html(&stated(doc.and_then(|d| d.author.as_deref()))),
            escape_html(&stated(doc.and_then(|d| d.date.as_deref()))),
        ));
    }
    cards
}

/// The benchmark's baseline: the first page of claim cards as a plain HTML page with no script,
/// styled by `css` (the page's own stylesheet), so "Parallax / baseline" measures what the app
/// costs over the same cards served as a static page.
pub fn static_cards_html(corpus: &Corpus, count: usize, css: &str) -> String {
    let total = corpus.claims.len();
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Parallax baseline: {total} claims</title>\n<style>{}</style>\n</head>\n<body>\n<main id=\"main\"><h2 id=\"results-count\">{}</h2>\n<div class=\"cards\">\n{}</div></main>\n</body>\n</html>\n",
        css.replace("</style", "<\\/style"),
        crate::view::results_heading(total, total),
        cards_html(corpus, count)
    )
}

/// The id of the prerendered first view in the page's HTML (its script's is this and `-script`);
/// the app removes both when it mounts.
pub const FIRST_VIEW_ID: &str = "parallax-first-view";
const FIRST_VIEW_START: &str = "<!--parallax-first-view-->";
const FIRST_VIEW_END: &str = "<!--/parallax-first-view-->";

/// The one inline script of the first view: shows it only when the address asks for exactly the
/// view it is (the claims tab, no filters), so a deep link never flashes other cards; and if the
/// explorer fails to start (no WebAssembly, the wasm blocked or broken), shows it with a note
/// saying so instead of "Preparing…" forever. Constant, so its hash can be allowed by the content
/// security policy.
pub const FIRST_VIEW_SCRIPT: &str = concat!(
    "(function(){var v=document.getElementById(\"parallax-first-view\");",
    "if(location.hash===\"#tab=claims\")v.hidden=false;",
    "function failed(e){if(!document.body.contains(v))return;v.hidden=false;",
    "v.querySelector(\".first-view-note\").textContent=",
    "\"The explorer could not start in this browser (\"+String(e.reason||e.message||e)+",
    "\"). The first claims are shown below; reload the page to try again.\";}",
    "addEventListener(\"error\",failed);addEventListener(\"unhandledrejection\",failed);})();"
);

/// The claims tab's first screen as static HTML (title, counts, the first page of cards), hidden
/// unless [`FIRST_VIEW_SCRIPT`] finds the address asking for it. It paints with the HTML, before
/// the wasm has arrived or parsed a single article; the app replaces it when it mounts.
pub fn first_view_html(corpus: &Corpus) -> String {
    let total = corpus.claims.len();
    format!(
        "{FIRST_VIEW_START}<div id=\"{FIRST_VIEW_ID}\" hidden><header class=\"top\"><h1>Parallax</h1><p class=\"lede\">{}</p><p class=\"first-view-note\" role=\"status\">Preparing the explorer…</p></header><main><div class=\"claims-layout\"><div class=\"filter-panel\"></div><section class=\"results\"><h2>{}</h2><div class=\"cards\">\n{}</div></section></div></main></div><script id=\"{FIRST_VIEW_ID}-script\">{FIRST_VIEW_SCRIPT}</script>{FIRST_VIEW_END}",
        escape_html(&crate::view::lede(corpus)),
        escape_html(&crate::view::results_heading(total, total)),
        cards_html(corpus, crate::view::CARDS_PER_PAGE)
    )
}

/// `page` with its first view replaced by `corpus`'s (or, the first time, put at the start of
/// `<body>`).
pub fn with_first_view(page: &str, corpus: &Corpus) -> Result<String, String> {
    let view = first_view_html(corpus);
    if let Some(at) = page.find(FIRST_VIEW_START) {
        let end = page[at..]
            .find(FIRST_VIEW_END)
            .map(|e| at + e + FIRST_VIEW_END.len())
            .ok_or("the page's first view is not closed")?;
        return Ok(format!("{}{view}{}", &page[..at], &page[end..]));
    }
    let body = page.find("<body").ok_or("the page has no <body>")?;
    let open_end = page[body..]
        .find('>')
        .map(|e| body + e + 1)
        .ok_or("the page's <body> tag is not closed")?;
    Ok(format!(
        "{}\n{view}{}",
        &page[..open_end],
        &page[open_end..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(file: &str, text: &str) -> Input {
        Input {
            file: file.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn csv_fields_are_quoted_and_formulas_defused() {
        let mut out = String::new();
        csv_field(&mut out, "plain");
        out.push('|');
        csv_field(&mut out, "a, \"b\"\nc");
        out.push('|');
        csv_field(&mut out, "=HYPERLINK(\"x\")");
        out.push('|');
        csv_field(&mut out, "-3% in a year");
        assert_eq!(
            out,
            "plain|\"a, \"\"b\"\"\nc\"|\"'=HYPERLINK(\"\"x\"\")\"|\"'-3% in a year\""
        );
    }

    #[test]
    fn the_island_cannot_be_escaped_and_round_trips() {
        let hostile = "</script><script>alert(1)</script> <!-- “quoted” \u{202e}";
        let inputs = vec![input("a.txt", hostile), input("dir/b.md", "# B\n\nText.")];
        let island = articles_island(&inputs);
        let inner = &island[island.find('>').unwrap() + 1..island.rfind("</script>").unwrap()];
        assert!(!inner.contains('<'), "{inner}");
        let back = read_island(inner).unwrap();
        assert_eq!(back.len(), 2);
        assert_eq!(back[0].file, "a.txt");
        assert_eq!(back[0].bytes, hostile.as_bytes());
        assert_eq!(back[1].file, "dir/b.md");
    }

    #[test]
    fn undecodable_inputs_are_not_carried() {
        let inputs = vec![
            Input {
                file: "latin1.txt".into(),
                bytes: b"caf\xe9".to_vec(),
            },
            input("ok.txt", "Fine."),
        ];
        let island = articles_island(&inputs);
        assert!(!island.contains("latin1.txt"));
        assert!(island.contains("ok.txt"));
    }

    #[test]
    fn a_page_gets_one_island_and_one_first_view_however_often_it_is_saved() {
        let template = "<html><head><title>P</title></head><body class=\"x\"><noscript>JS</noscript></body></html>";
        let one = vec![input(
            "a.txt",
            "One\n\nThe council said the bridge opened on Monday.\n",
        )];
        let built_once = crate::build(one.clone(), Vec::new());
        let once = page_with_articles(template, &one, Some(&built_once), "today").unwrap();
        assert!(once.contains(&format!(
            "id=\"{ISLAND_ID}\">[{{\"file\":\"a.txt\",\"text\":\"One\\n\\nThe council said the bridge opened on Monday.\\n\"}}]</script>\n<script type=\"application/octet-stream\" id=\"{PACKED_ID}\">"
        )));
        // The packed corpus reads back as the corpus the page was saved with.
        let packed = island_text(&once, PACKED_ID);
        assert_eq!(
            read_packed_island(packed, &one).map(|(c, words)| (corpus_json(&c, false), words)),
            Ok((corpus_json(&built_once, false), "today".to_string()))
        );
        assert!(once.contains(
            "<body class=\"x\">\n<!--parallax-first-view--><div id=\"parallax-first-view\" hidden>"
        ));
        assert!(
            once.contains("<p class=\"lede\">One story from every side: 1 articles, 1 claims.</p>")
        );
        let two = vec![
            input(
                "b.txt",
                "Two\n\nThe mayor said the tunnel closed on Friday.\n",
            ),
            input(
                "c.txt",
                "Three\n\nThe court said the appeal failed on Tuesday.\n",
            ),
        ];
        let built_twice = crate::build(two.clone(), Vec::new());
        let twice = page_with_articles(&once, &two, Some(&built_twice), "later").unwrap();
        assert_eq!(twice.matches(ISLAND_ID).count(), 1);
        assert_eq!(twice.matches(PACKED_ID).count(), 1);
        assert_eq!(
            read_packed_island(island_text(&twice, PACKED_ID), &two)
                .map(|(c, _)| c.documents.len()),
            Ok(2)
        );
        assert_eq!(twice.matches(&format!("id=\"{FIRST_VIEW_ID}\"")).count(), 1);
        assert_eq!(twice.matches("<!--parallax-first-view-->").count(), 1);
        assert!(twice.contains("b.txt") && !twice.contains("a.txt"));
        assert!(twice.contains("the tunnel closed") && !twice.contains("the bridge opened"));
        assert!(twice.contains("<noscript>JS</noscript><script type=\"application/json\""));
        let empty = crate::build(Vec::new(), Vec::new());
        assert!(page_with_articles("<body><p>not closed", &[], Some(&empty), "").is_err());
        // Articles not read yet travel alone: the packed corpus of the page it came from goes.
        let unread = page_with_articles(&twice, &one, None, "later").unwrap();
        assert_eq!(unread.matches(ISLAND_ID).count(), 1);
        assert_eq!(unread.matches(PACKED_ID).count(), 0);
        assert!(unread.contains("a.txt"));
    }

    /// The text content of the script element `id` of `page`.
    fn island_text<'p>(page: &'p str, id: &str) -> &'p str {
        let open = format!("id=\"{id}\">");
        let from = page.find(&open).map(|k| k + open.len()).unwrap_or(0);
        let to = page[from..].find("</script>").map_or(from, |e| from + e);
        &page[from..to]
    }

    #[test]
    fn a_packed_island_that_cannot_be_read_says_why() {
        use crate::packed::Unpacked;
        assert!(matches!(
            read_packed_island("not base64 !", &[]),
            Err(Unpacked::Damaged(_))
        ));
        // Format 1 and nothing after it.
        assert!(matches!(
            read_packed_island("AQ==", &[]),
            Err(Unpacked::Damaged(_))
        ));
        assert!(matches!(
            read_packed_island("AAAA", &[]),
            Err(Unpacked::OtherFormat { format: 0, .. })
        ));
    }

    #[test]
    fn the_first_view_is_the_claims_tabs_first_page_escaped_and_hidden_by_default() {
        let text: String = (0..30)
            .map(|i| format!("The council said <b>plan {i}</b> & its budget passed on Monday.\n\n"))
            .collect();
        let corpus = crate::build(
            vec![input("a.txt", &format!("Title\n\n{text}"))],
            Vec::new(),
        );
        assert!(corpus.claims.len() > crate::view::CARDS_PER_PAGE);
        let html = first_view_html(&corpus);
        assert_eq!(
            html.matches("<article").count(),
            crate::view::CARDS_PER_PAGE
        );
        assert!(html.contains(&format!("<h2>All {} claims</h2>", corpus.claims.len())));
        assert!(html.contains("&lt;b&gt;plan 0&lt;/b&gt; &amp; its budget"));
        assert!(!html.contains("<b>"));
        assert!(html.contains(" hidden>"));
        // The only script is the constant one the content security policy allows by hash.
        assert_eq!(html.matches("<script").count(), 1);
        assert!(html.contains(&format!(">{FIRST_VIEW_SCRIPT}</script>")));
        assert!(with_first_view("<p>no body</p>", &corpus).is_err());
    }

    #[test]
    fn the_baseline_is_static_escaped_html() {
        let corpus = crate::build(
            vec![input(
                "a.txt",
                "Title <b>\n\nThe council said the <script>alert(1)</script> plan & budget passed on Monday.\n",
            )],
            Vec::new(),
        );
        let html = static_cards_html(&corpus, 20, "body{}");
        assert!(!html.contains("<script"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; plan &amp; budget"));
        assert_eq!(
            html.matches("<article").count(),
            corpus.claims.len().min(20)
        );
        assert!(html.contains("elementtiming=\"first-card\""));
        assert_eq!(escape_html("a\"'<>&"), "a&quot;&#39;&lt;&gt;&amp;");
    }

    #[test]
    fn bad_island_text_is_an_error_not_a_panic() {
        let e = read_island("[{\"file\":1}]").err().unwrap_or_default();
        assert!(
            e.starts_with("the articles saved in this page cannot be read"),
            "{e}"
        );
    }
}
