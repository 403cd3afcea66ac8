//! Issue 15: saved web pages reduced to their article, against Readability's expected article and
//! metadata for 20 real pages (`../shared/devset/html/PAGE/{source.html, expected.html,
//! expected-metadata.json}`).

use std::collections::HashMap;
use std::path::Path;

use parallax_engine::pages::page_text;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Expected {
    title: Option<String>,
    byline: Option<String>,
    site_name: Option<String>,
    published_time: Option<String>,
    #[serde(default)]
    readerable: Option<bool>,
}

/// The words of `text`, lowercased, counted.
fn bag(text: &str) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *out.entry(w.to_lowercase()).or_insert(0) += 1;
    }
    out
}

/// Word-level F1 of `got` against `want` (words as multisets).
fn f1(got: &str, want: &str) -> f64 {
    let (g, w) = (bag(got), bag(want));
    let common: usize = g
        .iter()
        .map(|(k, n)| (*n).min(w.get(k).copied().unwrap_or(0)))
        .sum();
    let (gn, wn) = (g.values().sum::<usize>(), w.values().sum::<usize>());
    if common == 0 || gn == 0 || wn == 0 {
        return 0.0;
    }
    let (p, r) = (common as f64 / gn as f64, common as f64 / wn as f64);
    2.0 * p * r / (p + r)
}

/// The text of Readability's `expected.html`, every character reference decoded by a real HTML
/// parser.
fn html_words(html: &str) -> String {
    dom_query::Document::from(html).text().to_string()
}

fn same(got: Option<&str>, want: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .trim_start_matches("By ")
            .trim_start_matches("by ")
            .to_lowercase()
    };
    got.is_some_and(|g| norm(g) == norm(want))
}

pub fn pages(devset: &Path, verbose: bool) {
    let dir = devset.join("html");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!(
            "## Saved web pages (issue 15): skipped, {} is not here",
            dir.display()
        );
        return;
    };
    let mut names: Vec<String> = entries
        .flatten()
        .filter(|e| e.path().is_dir())
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .collect();
    names.sort();
    println!("## Saved web pages read to their article (issue 15)");
    println!();
    println!(
        "Words F1 of the article text against Readability's expected article; metadata as the engine's"
    );
    println!(
        "document states it (title, author, outlet, date) against Readability's expected metadata."
    );
    println!();
    println!("| page | words F1 | title | byline | site | published |");
    println!("|---|---:|---|---|---|---|");
    let (mut f1_sum, mut lowest, mut refused, mut readable) = (0.0, 1.0f64, 0, 0);
    let mut scored = 0usize;
    let (mut meta_right, mut meta_total) = (0, 0);
    for name in &names {
        let page = dir.join(name);
        let (Ok(source), Ok(expected_html), Ok(meta_json)) = (
            std::fs::read_to_string(page.join("source.html")),
            std::fs::read_to_string(page.join("expected.html")),
            std::fs::read_to_string(page.join("expected-metadata.json")),
        ) else {
            println!("| {name} | unreadable files | | | | |");
            continue;
        };
        let Ok(expected) = serde_json::from_str::<Expected>(&meta_json) else {
            println!("| {name} | bad expected-metadata.json | | | | |");
            continue;
        };
        readable += usize::from(expected.readerable != Some(false));
        let got = page_text(&source);
        let score = match &got {
            Ok(p) => Some(f1(&p.body, &html_words(&expected_html))),
            // Refusing a page Readability also finds unreadable is right, not a zero.
            Err(_) if expected.readerable == Some(false) => None,
            Err(_) => {
                refused += 1;
                Some(0.0)
            }
        };
        if let Some(score) = score {
            f1_sum += score;
            scored += 1;
            lowest = lowest.min(score);
        }
        let score = score.unwrap_or(0.0);
        // The metadata a reader sees: the document the engine built from the page.
        let document = got.as_ref().ok().and_then(|p| {
            let input = parallax_engine::Input {
                file: format!("{name}.html"),
                bytes: p.text.clone().into_bytes(),
            };
            parallax_engine::build(vec![input], Vec::new())
                .documents
                .into_iter()
                .next()
        });
        let field = |f: fn(&parallax_engine::Document) -> &Option<String>| {
            document.as_ref().and_then(|d| f(d).clone())
        };
        let (title, author, outlet, date) = (
            field(|d| &d.title),
            field(|d| &d.author),
            field(|d| &d.outlet),
            field(|d| &d.date),
        );
        let mut cell = |got: Option<&str>, want: Option<&str>| -> String {
            let Some(want) = want else {
                return "-".into();
            };
            meta_total += 1;
            if same(got, want) {
                meta_right += 1;
                "right".into()
            } else if verbose {
                format!("wrong: {got:?} for “{want}”")
            } else {
                "wrong".into()
            }
        };
        let day = |t: &Option<String>| t.as_deref().and_then(|t| t.get(..10)).map(str::to_string);
        let row = [
            cell(title.as_deref(), expected.title.as_deref()),
            cell(author.as_deref(), expected.byline.as_deref()),
            cell(outlet.as_deref(), expected.site_name.as_deref()),
            cell(date.as_deref(), day(&expected.published_time).as_deref()),
        ];
        let shown = match &got {
            Ok(_) => format!("{score:.3}"),
            Err(e) => format!("refused ({e})"),
        };
        println!("| {name} | {shown} | {} |", row.join(" | "));
    }
    let mean = f1_sum / scored.max(1) as f64;
    println!();
    println!(
        "Mean words F1 {mean:.3} over {scored} pages (lowest {lowest:.3}); metadata right {meta_right}/{meta_total}; {refused} of the {readable} pages Readability reads refused."
    );
    println!();
    println!("Targets (issue 15):");
    let verdict = |ok: bool| if ok { "met" } else { "NOT met" };
    println!(
        "- mean F1 >= 0.95 and no page below 0.8: {mean:.3}, lowest {lowest:.3}, {}",
        verdict(mean >= 0.95 && lowest >= 0.8)
    );
    let meta_pct = 100.0 * meta_right as f64 / meta_total.max(1) as f64;
    println!(
        "- metadata >= 90% right: {meta_pct:.0}%, {}",
        verdict(meta_pct >= 90.0)
    );
    println!(
        "- no page refused that Readability reads: {refused} refused, {}",
        verdict(refused == 0)
    );
    println!();
}
