//! Saved web pages (`tests/articles/pages/`, written here to hold what real pages do): the article
//! is read, the page's furniture is not, the metadata the page states is kept with its evidence,
//! and a page with no article is refused by name.

mod common;

use parallax_engine::load::{article, FileForm};
use parallax_engine::Severity;

fn pages() -> parallax_engine::Corpus {
    common::articles("pages")
}

/// Every claim's text of the document whose file starts with `prefix`, joined.
fn claim_text(corpus: &parallax_engine::Corpus, prefix: &str) -> String {
    let doc = common::doc(corpus, prefix);
    corpus
        .claims
        .iter()
        .filter(|c| c.document == doc.id)
        .map(|c| c.text.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_story_is_read_past_teasers_banners_comments_and_scripts() {
    let corpus = pages();
    let doc = common::doc(&corpus, "teaser-first");
    assert_eq!(
        doc.title.as_deref(),
        Some("Harbour bridge reopens after repairs")
    );
    assert_eq!(doc.author.as_deref(), Some("Mira Santos"));
    assert_eq!(doc.outlet.as_deref(), Some("The Coastal Courier"));
    assert_eq!(doc.date.as_deref(), Some("2025-03-14"));
    let text = claim_text(&corpus, "teaser-first");
    assert!(text.starts_with("The harbour bridge reopened to traffic on Friday morning"));
    assert!(text.contains("Local shop owners said the closure"));
    for furniture in [
        "cookies",
        "Council votes on parking fees",
        "Finally!",
        "Wait 1 second",
        "All rights reserved",
        "Home",
    ] {
        assert!(!text.contains(furniture), "{furniture} read as the article");
    }
}

#[test]
fn a_page_with_no_article_element_and_only_json_ld_metadata() {
    let corpus = pages();
    let doc = common::doc(&corpus, "no-article-json-ld");
    assert_eq!(
        doc.title.as_deref(),
        Some("Farmers back plan to restore valley wetland")
    );
    assert_eq!(doc.author.as_deref(), Some("Tomas Reyes"));
    assert_eq!(doc.outlet.as_deref(), Some("Valley Ledger"));
    assert_eq!(doc.date.as_deref(), Some("2024-11-02"));
    // The evidence is a span of the article text the reader view shows.
    let author = doc.provenance.author.as_ref().expect("author evidence");
    assert_eq!(
        author.line_text.as_str(),
        "By Tomas Reyes | Valley Ledger | 2024-11-02"
    );
    let text = claim_text(&corpus, "no-article-json-ld");
    assert!(text.starts_with("Farmers in the lower valley have backed a plan"));
    for furniture in [
        "Most read",
        "Storm closes schools",
        "newsletter",
        "Politics",
    ] {
        assert!(!text.contains(furniture), "{furniture} read as the article");
    }
}

#[test]
fn a_byline_outside_the_article_is_the_author_and_what_the_page_omits_is_not_stated() {
    let corpus = pages();
    let doc = common::doc(&corpus, "byline-outside");
    assert_eq!(doc.author.as_deref(), Some("Ana Lindqvist"));
    assert_eq!(doc.outlet, None);
    assert_eq!(doc.date, None);
    let text = claim_text(&corpus, "byline-outside");
    assert!(!text.contains("contributed to this report"));
    assert!(!text.contains("Photo: City archive"));
}

#[test]
fn a_page_with_no_article_is_refused_by_name_and_the_rest_load() {
    let corpus = pages();
    let refused: Vec<_> = corpus
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert_eq!(refused.len(), 1);
    assert_eq!(refused[0].file, "empty.html");
    assert_eq!(refused[0].message, "no article found in this page");
    assert_eq!(corpus.documents.len(), 3);
}

/// What `teaser-first.html` reads as: its metadata lines, then the story's paragraphs only.
const TEASER_FIRST_TEXT: &str = "# Harbour bridge reopens after repairs
By Mira Santos | The Coastal Courier | 2025-03-14

The harbour bridge reopened to traffic on Friday morning after eight months of repairs that cost the city 14 million dollars, officials said.

The mayor, Lena Okafor, said the work had been finished two weeks ahead of schedule and that the bridge would carry about 30,000 vehicles a day once traffic returned to normal levels.

Engineers found corrosion in the steel supports during an inspection last spring, and the council voted to close the bridge rather than limit it to light vehicles while the supports were replaced.

Local shop owners said the closure had cut the number of customers crossing from the north shore, and several asked the council for help with lost income during the repairs.";

#[test]
fn claims_index_the_article_text_the_export_carries() {
    let corpus = pages();
    let doc = common::doc(&corpus, "teaser-first");
    assert_eq!(
        doc.text.as_ref().map(|t| t.as_str()),
        Some(TEASER_FIRST_TEXT)
    );
    let claims: Vec<_> = corpus
        .claims
        .iter()
        .filter(|c| c.document == doc.id)
        .collect();
    assert_eq!(claims.len(), 4);
    for c in claims {
        assert_eq!(&TEASER_FIRST_TEXT[c.start..c.end], c.text.as_str());
    }
    // Text files carry no copy: their spans index the file itself.
    assert!(common::seeds().documents.iter().all(|d| d.text.is_none()));
}

#[test]
fn markup_and_references_in_a_page_come_out_as_text() {
    let page = "<html><head><title>T</title></head><body><article><h1>Test page</h1>\
        <p>The council said &lt;b&gt;no&lt;/b&gt; to the plan &amp; the budget on Monday, after a \
        long debate in which members argued about costs, schools, roads and the state of the \
        harbour for most of the afternoon.</p><p>It will vote again next month, when the \
        finance committee has published its report on what the plan would cost over ten \
        years and how the city would pay for it.</p><img src=x onerror=alert(1)></article></body></html>";
    let text = String::from_utf8(article("x.html", FileForm::Html, page.into()).unwrap()).unwrap();
    // Character references are decoded into text; the image and its handler leave nothing.
    assert_eq!(
        text,
        "# T\n\nThe council said <b>no</b> to the plan & the budget on Monday, after a long debate \
         in which members argued about costs, schools, roads and the state of the harbour for most \
         of the afternoon.\n\nIt will vote again next month, when the finance committee has \
         published its report on what the plan would cost over ten years and how the city would \
         pay for it."
    );
}
