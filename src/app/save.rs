//! Taking the corpus away: the export as JSON, the claims as CSV, and a new single-file page that
//! carries the articles on screen.
//!
//! Everything is made in the page and handed to the browser as a download; nothing is uploaded.
//! A new single file needs the page's own code: a single file rebuilds it from its own `<head>`
//! and scripts (it cannot fetch anything from disk), a hosted page fetches the `parallax.html`
//! built beside it.

use leptos::prelude::*;
use parallax_engine::share::{claims_csv, corpus_json, page_with_articles};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::Shared;

/// Offers `content` as a file named `name`.
fn download(name: &str, mime: &str, content: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let a: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // The download has started by the time this runs; the object URL is not needed after it.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000)?;
    Ok(())
}

/// True in a single-file page (marked by `parallax bundle`).
pub(super) fn is_single_file() -> bool {
    document()
        .query_selector("meta[name='parallax-form'][content='single-file']")
        .ok()
        .flatten()
        .is_some()
}

/// The single-file page this one was made from (or can be made into).
async fn single_file_template() -> Result<String, String> {
    if is_single_file() {
        let doc = document();
        let head = doc.head().ok_or("this page has no head")?.outer_html();
        let body = doc.body().ok_or("this page has no body")?;
        // The page's own scripts and fallback text; the rendered explorer is left out.
        let mut kept = String::new();
        let children = body.children();
        for i in 0..children.length() {
            if let Some(el) = children.item(i) {
                if matches!(el.tag_name().as_str(), "SCRIPT" | "NOSCRIPT") {
                    kept.push_str(&el.outer_html());
                    kept.push('\n');
                }
            }
        }
        let lang = doc
            .document_element()
            .and_then(|e| e.get_attribute("lang"))
            .unwrap_or_else(|| "en".to_string());
        return Ok(format!(
            "<!DOCTYPE html>\n<html lang=\"{}\">\n{head}\n<body>\n{kept}</body>\n</html>\n",
            lang.replace(['"', '<', '>', '&'], "")
        ));
    }
    let response = JsFuture::from(window().fetch_with_str("parallax.html"))
        .await
        .map_err(|_| "the single-file page could not be fetched from the server".to_string())?;
    let response: web_sys::Response = response.unchecked_into();
    if !response.ok() {
        return Err(format!(
            "the server has no single-file page (parallax.html: HTTP {})",
            response.status()
        ));
    }
    let text = response
        .text()
        .map_err(|_| "the single-file page could not be read".to_string())?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| "the single-file page could not be read".to_string())
}

/// Buttons to save the corpus on screen.
#[component]
pub fn SaveCorpus() -> impl IntoView {
    let data = expect_context::<Shared>();
    let status = expect_context::<WriteSignal<String>>();
    let stem = format!(
        "parallax-{}",
        &parallax_engine::corpus_fingerprint(&data.corpus)[..8]
    );
    let said = move |what: &str, result: Result<(), String>| match result {
        Ok(()) => super::say_briefly(status, format!("{what} saved.")),
        Err(e) => status.set(format!("{what} could not be saved: {e}")),
    };
    let (json_data, json_stem) = (data.clone(), stem.clone());
    let save_json = move |_| {
        let json = corpus_json(&json_data.corpus, true);
        let name = format!("{json_stem}.json");
        said(
            "The corpus as JSON",
            download(&name, "application/json", &json).map_err(|_| "the browser refused".into()),
        );
    };
    let (csv_data, csv_stem) = (data.clone(), stem.clone());
    let save_csv = move |_| {
        let csv = claims_csv(&csv_data.corpus);
        let name = format!("{csv_stem}-claims.csv");
        said(
            "The claims as CSV",
            download(&name, "text/csv", &csv).map_err(|_| "the browser refused".into()),
        );
    };
    let save_page = move |_| {
        let (data, stem) = (data.clone(), stem.clone());
        status.set("Making the single file…".to_string());
        leptos::task::spawn_local(async move {
            let result = async {
                let template = single_file_template().await?;
                // Articles still being read travel alone, to be read by whoever opens them.
                let corpus = (!data.pending).then_some(&data.corpus);
                let page = page_with_articles(
                    &template,
                    &data.sources,
                    corpus,
                    env!("PARALLAX_BUILD_DATE"),
                )?;
                download(&format!("{stem}.html"), "text/html", &page)
                    .map_err(|_| "the browser refused".to_string())
            }
            .await;
            said("The single-file page", result);
        });
    };
    view! {
        <section aria-labelledby="save-h" class="save">
            <h2 id="save-h">"Take it with you"</h2>
            <p class="hint">
                "Saved here, on this computer: the whole corpus as JSON (the same as "
                <code>"parallax export"</code> "), every claim as a CSV row, or this page as one file carrying these articles, to open anywhere without a network."
            </p>
            <p class="save-buttons">
                <button class="save-json" on:click=save_json>"Corpus (JSON)"</button>
                <button class="save-csv" on:click=save_csv>"Claims (CSV)"</button>
                <button class="save-page" on:click=save_page>"Single-file page (HTML)"</button>
            </p>
        </section>
    }
}
