//! Articles the reader opened, kept in this browser's own storage so a reload does not lose
//! them: on this computer only (nothing leaves it), until the reader forgets them or opens others.
//!
//! `localStorage` through `web-sys`, not `gloo-storage`: a few calls on two string keys, and the
//! articles and their corpus are already text in the form a saved page carries them
//! ([`parallax_engine::share::articles_json`], [`parallax_engine::share::packed_text`]), so a
//! wrapper would add a dependency and no safety.

use leptos::prelude::*;
use parallax_engine::{Corpus, Input};

use super::{CurrentData, Nav};

/// The storage key; its suffix changes if the stored form ever does.
const KEY: &str = "parallax-opened-articles-v1";
/// The corpus read from them, packed as a saved page carries it
/// ([`parallax_engine::share::packed_text`]), so a reload decodes instead of reading
/// them again; left out when the browser will not keep it too.
const PACKED_KEY: &str = "parallax-opened-corpus";

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// Keeps `inputs` in this browser, and the corpus read from them (`packed` beside them, as the
/// worker made it) when there is room; the error says why the articles could not be kept (storage off, or
/// more than the browser allows).
pub fn keep(inputs: &[Input], packed: &[u8]) -> Result<(), String> {
    let json = parallax_engine::share::articles_json(inputs);
    let store = storage().ok_or("this browser keeps no data for this page")?;
    let _ = store.remove_item(PACKED_KEY);
    store.set_item(KEY, &json).map_err(|_| {
        format!(
            "this browser would not keep {:.1} MB of articles",
            json.len() as f64 / 1e6
        )
    })?;
    // Without room for it the articles are read again on the next visit.
    let _ = store.set_item(PACKED_KEY, &parallax_engine::share::packed_text(packed));
    Ok(())
}

/// Articles kept in this browser, and the corpus read from them when it was kept too and this
/// version decodes it.
pub type Kept = (Vec<Input>, Option<Corpus>);

/// The articles kept in this browser, if any: `Err` when they are there but cannot be read.
pub fn kept() -> Option<Result<Kept, String>> {
    let store = storage()?;
    let json = store.get_item(KEY).ok().flatten()?;
    Some(
        parallax_engine::share::read_articles_json(&json).map(|inputs| {
            let corpus = store
                .get_item(PACKED_KEY)
                .ok()
                .flatten()
                .and_then(|text| parallax_engine::share::read_packed_island(&text, &inputs).ok())
                .map(|(corpus, _)| corpus);
            (inputs, corpus)
        }),
    )
}

/// Forgets the kept articles.
pub fn forget() {
    if let Some(store) = storage() {
        let _ = store.remove_item(KEY);
        let _ = store.remove_item(PACKED_KEY);
    }
}

/// Says that the articles on screen are kept in this browser, with a way to forget them (which
/// brings back the articles the page was built with).
#[component]
pub fn KeptNote() -> impl IntoView {
    let data = expect_context::<CurrentData>();
    let nav = expect_context::<Nav>();
    let status = expect_context::<WriteSignal<String>>();
    let forget_them = move |_| {
        forget();
        data.set(std::sync::Arc::new(super::built_in()));
        nav.go(|s| *s = Default::default());
        super::say_briefly(
            status,
            "Your articles were forgotten by this browser; these are the page's own.".to_string(),
        );
    };
    move || {
        let current = data.get();
        current.kept.then(|| {
            // The articles themselves: while they are read again the corpus is still empty.
            let n = if current.pending {
                current.sources.len()
            } else {
                current.corpus.documents.len()
            };
            let articles = if n == 1 {
                "Your article is".to_string()
            } else {
                format!("Your {n} articles are")
            };
            view! {
                <p class="kept">
                    {format!("{articles} kept in this browser, on this computer only. ")}
                    <button class="forget" on:click=forget_them>"Forget them"</button>
                </p>
            }
        })
    }
}
