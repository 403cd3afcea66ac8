//! An HTML page reduced to the article text the engine reads.
//!
//! The browser's own parser does the parsing (a parser in the wasm would cost more than the rest
//! of the page). A document made by `DOMParser` is inert: its scripts never run, its images never
//! load and its event attributes are never wired up; only text nodes are read from it, so nothing
//! of the markup reaches the page. The text keeps one paragraph per block element, headings as
//! Markdown headings, so the engine's line reader sees the same shapes it sees in `.md` files.
//! Byte offsets of claims from an HTML file index this extracted text, which is what the reader
//! view shows.

use wasm_bindgen::JsCast;
use web_sys::{DomParser, Element, Node, SupportedType};

/// Elements whose content is never article text.
const SKIPPED: [&str; 16] = [
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "select", "button", "input", "textarea", "head", "dialog",
];

/// Elements that end a paragraph.
const BLOCKS: [&str; 30] = [
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "nav",
    "blockquote",
    "figure",
    "figcaption",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "tr",
    "pre",
    "address",
    "hr",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
];

/// Collects paragraphs of text from a DOM tree.
#[derive(Default)]
struct Paragraphs {
    done: Vec<String>,
    open: String,
    prefix: &'static str,
    /// White space seen since the last word.
    space: bool,
}

impl Paragraphs {
    fn text(&mut self, s: &str) {
        // Inline elements split words only where the source has white space: "<b>Dam</b>ascus".
        if s.starts_with(char::is_whitespace) {
            self.space = true;
        }
        for (i, word) in s.split_whitespace().enumerate() {
            if self.open.is_empty() {
                self.open.push_str(self.prefix);
            } else if (self.space || i > 0) && !self.open.ends_with(' ') {
                self.open.push(' ');
            }
            self.open.push_str(word);
            self.space = false;
        }
        if s.ends_with(char::is_whitespace) {
            self.space = true;
        }
    }

    fn end(&mut self) {
        let p = self.open.trim().to_string();
        if !p.is_empty() && p != self.prefix.trim() {
            self.done.push(p);
        }
        self.open.clear();
        self.space = false;
    }

    fn walk(&mut self, node: &Node) {
        if node.node_type() == Node::TEXT_NODE {
            if let Some(t) = node.text_content() {
                self.text(&t);
            }
            return;
        }
        let Some(el) = node.dyn_ref::<Element>() else {
            return;
        };
        let tag = el.tag_name().to_ascii_lowercase();
        if SKIPPED.contains(&tag.as_str()) || el.has_attribute("hidden") {
            return;
        }
        let block = BLOCKS.contains(&tag.as_str());
        if block {
            self.end();
        }
        let outer = self.prefix;
        self.prefix = match tag.as_str() {
            "h1" => "# ",
            "h2" | "h3" | "h4" | "h5" | "h6" => "## ",
            "li" => "- ",
            _ => self.prefix,
        };
        let children = node.child_nodes();
        for i in 0..children.length() {
            if let Some(child) = children.item(i) {
                self.walk(&child);
            }
        }
        if block {
            self.end();
        }
        self.prefix = outer;
    }
}

/// The article text of an HTML page: the `<article>` (else `<main>`, else the body), with the
/// page's `<title>` as a heading when the article has no `<h1>` of its own.
pub fn article_text(html: &str) -> Result<String, String> {
    let parser = DomParser::new().map_err(|_| "the browser has no HTML parser".to_string())?;
    let doc = parser
        .parse_from_string(html, SupportedType::TextHtml)
        .map_err(|_| "the HTML could not be parsed".to_string())?;
    let root: Option<Element> = ["article", "main", "body"]
        .iter()
        .find_map(|sel| doc.query_selector(sel).ok().flatten());
    let mut out = Paragraphs::default();
    if let Some(root) = &root {
        let has_h1 = root.query_selector("h1").ok().flatten().is_some();
        if !has_h1 {
            let title = doc.title();
            if !title.trim().is_empty() {
                out.prefix = "# ";
                out.text(&title);
                out.end();
                out.prefix = "";
            }
        }
        out.walk(root);
        out.end();
    }
    if out.done.iter().all(|p| p.starts_with('#')) {
        return Err("no article found: the page has no paragraphs of text".to_string());
    }
    let mut text = out.done.join("\n\n");
    text.push('\n');
    Ok(text)
}
