//! Dated events in order, each with the claim it comes from; inferred dates say so.

use leptos::prelude::*;
use parallax_engine::view::document_label;

use super::{Nav, Shared};

#[component]
pub fn TimelineView() -> impl IntoView {
    let data = expect_context::<Shared>();
    let nav = expect_context::<Nav>();
    let c = &data.corpus;
    let items = c
        .events
        .iter()
        .map(|e| {
            let outlet = c
                .document(&e.document)
                .map(document_label)
                .unwrap_or_default();
            let claim = e.claim.to_string();
            let note = if e.inferred {
                format!("“{}”, resolved against the article's date", e.when)
            } else {
                format!("“{}”", e.when)
            };
            view! {
                <li class="event">
                    <time datetime=e.date.clone()>{e.date.clone()}</time>
                    <div>
                        <p class="event-text">{e.text.to_string()}</p>
                        <p class="meta">
                            {outlet} " · " {note} " · "
                            <button class="link" on:click=move |_| {
                                let claim = claim.clone();
                                nav.open_claim(claim)
                            }>"open the claim"</button>
                        </p>
                    </div>
                </li>
            }
        })
        .collect_view();
    let empty = c.events.is_empty();
    view! {
        <section aria-labelledby="tl-h">
            <h2 id="tl-h">"Timeline"</h2>
            <p class="hint">"Dates the articles give, oldest first. A relative date (“last Sunday”) is resolved only against the article's own stated date."</p>
            {empty.then(|| view! { <p class="empty">"No dated event could be placed."</p> })}
            <ol class="timeline">{items}</ol>
        </section>
    }
}
