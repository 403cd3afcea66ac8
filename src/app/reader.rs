//! One article as the engine read it: claims highlighted by kind, headings in place, captions,
//! credits and page chrome set apart and shown only on demand.

use leptos::prelude::*;
use parallax_engine::view::{document_label, stated};
use parallax_engine::{Claim, LineKind};

use super::{Nav, Shared};

/// A paragraph with its claims marked (claims never overlap within a line). Offsets are the
/// engine's, checked when a carried corpus is decoded; a claim whose offsets do not fall on the
/// line's text in order is left unmarked rather than trusted.
fn paragraph(
    text: &str,
    start: usize,
    claims: &[Claim],
    selected: Option<String>,
    nav: Nav,
) -> impl IntoView {
    let mut parts = Vec::new();
    // Offsets in the line's text.
    let mut at = 0;
    for c in claims {
        let (Some(from), Some(to)) = (c.start.checked_sub(start), c.end.checked_sub(start)) else {
            continue;
        };
        let (Some(before), Some(marked)) = (text.get(at..from), text.get(from..to)) else {
            continue;
        };
        if !before.is_empty() {
            parts.push(before.to_string().into_any());
        }
        let id = c.id.to_string();
        let is_selected = selected.as_deref() == Some(c.id.as_str());
        let kind = c.kind.as_str();
        parts.push(
            view! {
                <mark
                    class=format!("claim k-{kind}")
                    class:selected=is_selected
                    id=format!("claim-{}", c.id)
                    title=format!("{kind} — open its card")
                    tabindex="0"
                    role="link"
                    on:click={
                        let id = id.clone();
                        move |_| {
                            let id = id.clone();
                            nav.open_claim(id)
                        }
                    }
                    on:keydown=move |ev| {
                        if ev.key() == "Enter" {
                            let id = id.clone();
                            nav.open_claim(id)
                        }
                    }
                >
                    {marked.to_string()}
                </mark>
            }
            .into_any(),
        );
        at = to;
    }
    if let Some(rest) = text.get(at..).filter(|r| !r.is_empty()) {
        parts.push(rest.to_string().into_any());
    }
    parts.collect_view()
}

#[component]
pub fn ReaderView() -> impl IntoView {
    let data = expect_context::<Shared>();
    let nav = expect_context::<Nav>();
    let state = nav.state;
    let first = data.corpus.documents.first().map(|d| d.id.to_string());
    let doc_id = Memo::new(move |_| state.get().read.or_else(|| first.clone()));
    let chrome = Memo::new(move |_| state.get().chrome);
    let selected = Memo::new(move |_| state.get().claim);

    let picker = data
        .corpus
        .documents
        .iter()
        .map(|d| {
            let id = d.id.to_string();
            let current = id.clone();
            view! {
                <li>
                    <button
                        aria-current=move || (doc_id.get().as_deref() == Some(current.as_str())).then_some("page")
                        on:click=move |_| {
                            let id = id.clone();
                            nav.go(move |s| {
                                s.read = Some(id);
                                s.claim = None;
                            })
                        }
                    >
                        {document_label(d)}
                    </button>
                </li>
            }
        })
        .collect_view();

    let article = move || {
        let Some(id) = doc_id.get() else {
            return view! { <p class="empty">"No article could be read."</p> }.into_any();
        };
        let Some(doc) = data.corpus.documents.iter().find(|d| d.id == id) else {
            return view! { <p class="empty">"This link names an article that is not in this corpus."</p> }.into_any();
        };
        let claims: Vec<Claim> = data
            .corpus
            .claims
            .iter()
            .filter(|c| c.document == doc.id)
            .cloned()
            .collect();
        let show_chrome = chrome.get();
        let sel = selected.get();
        let lines = doc
            .lines
            .iter()
            .filter(|l| l.kind.is_content() || show_chrome)
            .map(|l| match l.kind {
                LineKind::Title => {
                    let title = parallax_engine::view::heading_text(&l.text).to_string();
                    view! { <h3 class="r-title">{title}</h3> }.into_any()
                }
                LineKind::Dek => view! { <p class="r-dek">{l.text.to_string()}</p> }.into_any(),
                LineKind::Heading => {
                    let heading = parallax_engine::view::heading_text(&l.text).to_string();
                    view! { <h4>{heading}</h4> }.into_any()
                }
                LineKind::ListItem => {
                    view! { <p class="r-item">{l.text.to_string()}</p> }.into_any()
                }
                LineKind::Paragraph => {
                    view! { <p>{paragraph(&l.text, l.start, &claims, sel.clone(), nav)}</p> }
                        .into_any()
                }
                other => {
                    let label = format!("{other:?}").replace('_', " ").to_lowercase();
                    view! {
                        <p class="r-chrome">
                            <span class="chrome-kind">{label}</span>
                            {l.text.to_string()}
                        </p>
                    }
                    .into_any()
                }
            })
            .collect_view();
        view! {
            <article class="reader" aria-label=document_label(doc)>
                <p class="meta">
                    "Outlet: " {stated(doc.outlet.as_deref())} " · Author: " {stated(doc.author.as_deref())} " · Date: " {stated(doc.date.as_deref())}
                    " · File: " {doc.file.clone()}
                </p>
                {parallax_engine::view::metadata_source(doc)
                    .map(|from| view! { <p class="meta from-page">"Read from " {from}</p> })}
                {lines}
            </article>
        }
            .into_any()
    };

    // Bring the selected claim into view once the article is on screen.
    Effect::new(move |_| {
        if let Some(id) = selected.get() {
            let _ = doc_id.get();
            request_animation_frame(move || {
                if let Some(el) = document().get_element_by_id(&format!("claim-{id}")) {
                    el.scroll_into_view();
                }
            });
        }
    });

    view! {
        <section aria-labelledby="reader-h">
            <h2 id="reader-h">"Reader"</h2>
            <nav aria-label="Articles">
                <ul class="picker">{picker}</ul>
            </nav>
            <label class="toggle">
                <input
                    type="checkbox"
                    prop:checked=move || chrome.get()
                    on:change:target=move |ev| {
                        let on = ev.target().checked();
                        nav.go(move |s| s.chrome = on)
                    }
                />
                " Show captions, credits and page chrome"
            </label>
            <p class="legend">
                "Claims are marked by kind: "
                <span class="claim k-report">"report"</span> " "
                <span class="claim k-statement">"statement"</span> " "
                <span class="claim k-statistic">"statistic"</span> " "
                <span class="claim k-assessment">"assessment"</span> " "
                <span class="claim k-prediction">"prediction"</span> " "
                <span class="claim k-recommendation">"recommendation"</span>
            </p>
            {article}
        </section>
    }
}
