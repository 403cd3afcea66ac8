//! Claim cards with filters: outlet, kind, speaker, entity and full-text search, each facet value
//! with the count it would leave given the other filters. Only a page of cards is rendered.

use std::sync::Arc;

use leptos::prelude::*;
use parallax_engine::view::{
    results_heading, select, shortlist, show_results_label, side_by_side, FacetValue, Tab,
    ViewState, CARDS_PER_PAGE,
};
use parallax_engine::ClaimKind;
use wasm_bindgen::JsCast;

use super::card::ClaimCard;
use super::{focus_element, ListPlace, Nav, Shared, SkipLink};

/// Buttons per facet; past this, the values with the most claims (search finds the others).
const FACET_VALUES: usize = 24;

fn toggle(list: &mut Vec<String>, key: String) {
    match list.iter().position(|k| *k == key) {
        Some(i) => {
            list.remove(i);
        }
        None => list.push(key),
    }
}

/// One facet group as a list of toggle buttons with counts.
fn facet_group(
    title: &'static str,
    values: Memo<Vec<FacetValue>>,
    apply: fn(&mut ViewState, String),
    nav: Nav,
) -> impl IntoView {
    view! {
        <fieldset class="facet">
            <legend>{title}</legend>
            <ul>
                // Keyed by the value alone: a button stays the same element while its count and
                // state change, so the focus stays on the filter just toggled and a keystroke
                // updates text in place rather than rebuilding the list.
                <For
                    each=move || values.get()
                    key=|v| v.key.clone()
                    children=move |v: FacetValue| {
                        let key = v.key.clone();
                        let now = {
                            let key = key.clone();
                            Memo::new(move |_| {
                                values.with(|vs| {
                                    vs.iter()
                                        .find(|x| x.key == key)
                                        .map(|x| (x.count, x.selected))
                                        .unwrap_or((0, false))
                                })
                            })
                        };
                        view! {
                            <li>
                                <button
                                    class="facet-value"
                                    aria-pressed=move || now.get().1.to_string()
                                    disabled=move || { let (count, selected) = now.get(); count == 0 && !selected }
                                    on:click=move |_| {
                                        let key = key.clone();
                                        nav.go(move |s| {
                                            apply(s, key);
                                            s.claim = None;
                                        })
                                    }
                                >
                                    <span class="facet-label">{v.label.clone()}</span>
                                    <span class="count">{move || now.get().0}</span>
                                </button>
                            </li>
                        }
                    }
                />
            </ul>
        </fieldset>
    }
}

/// A matter's claims in one column per outlet, with each claim's stance and what it words
/// otherwise, so a reader sees where the outlets part ways.
fn side_by_side_view(m: parallax_engine::view::SideBySide) -> impl IntoView {
    let columns = m
        .columns
        .into_iter()
        .map(|col| {
            let claims = col
                .claims
                .into_iter()
                .map(|(_, text, stance, differs)| {
                    view! {
                        <li>
                            <blockquote>{text}</blockquote>
                            <p class="stance">{stance}</p>
                            {differs.map(|d| view! { <p class="drift">{d}</p> })}
                        </li>
                    }
                })
                .collect_view();
            let outlet = col.outlet.clone();
            view! {
                <section class="side-column" aria-label=outlet>
                    <h3>{col.outlet}</h3>
                    <ul>{claims}</ul>
                </section>
            }
        })
        .collect_view();
    view! {
        <section class="side-by-side" aria-labelledby="side-h">
            <h2 id="side-h" tabindex="-1">{format!("“{}”, side by side", m.label)}</h2>
            {m.disagreement.map(|d| view! { <p class="disagreement">{format!("≠ {d}")}</p> })}
            <div class="side-columns">{columns}</div>
        </section>
    }
}

#[component]
pub fn ClaimsView() -> impl IntoView {
    let data = expect_context::<Shared>();
    let nav = expect_context::<Nav>();
    let state = nav.state;
    // Filtering depends on the filters only, not on the selected card or the tab.
    let filters = Memo::new(move |_| {
        let mut s = state.get();
        s.claim = None;
        s.read = None;
        s.chrome = false;
        s
    });
    // One pass over the claims per change gives both the cards and every facet's counts.
    let selection = {
        let data = data.clone();
        Memo::new(move |_| select(&data.corpus, &data.index, &filters.get()))
    };
    // Views read the selection in place: only the page of cards and the shortlisted facet
    // values are copied out of it per keystroke, never the whole result list.
    let matched = Memo::new(move |_| selection.with(|s| s.results.len()));
    // The matter opened from the agreement map, read side by side: one column per outlet.
    // Read on a change of matter only, not on every keystroke of the search.
    let matter = Memo::new(move |_| filters.with(|s| s.matter.clone()));
    let side = {
        let data = data.clone();
        Memo::new(move |_| matter.get().and_then(|m| side_by_side(&data.corpus, &m)))
    };
    let docs =
        Memo::new(move |_| selection.with(|s| shortlist(&s.facets.documents, FACET_VALUES).0));
    let kinds = Memo::new(move |_| selection.with(|s| s.facets.kinds.clone()));
    let speakers =
        Memo::new(move |_| selection.with(|s| shortlist(&s.facets.speakers, FACET_VALUES).0));
    let entities =
        Memo::new(move |_| selection.with(|s| shortlist(&s.facets.entities, FACET_VALUES).0));

    // A page of cards; the page grows on demand, and always reaches the selected card. Coming
    // back to the list the reader left (from the reader, or another tab), the same pages are
    // shown and the page scrolls back to where it was.
    let place = expect_context::<RwSignal<ListPlace>>();
    // Which list this is: its filters, whatever tab the state names as the reader leaves, of
    // this corpus (the same filters over other articles are another list).
    let corpus_at = Arc::as_ptr(&data) as usize;
    let list_key = move |s: &ViewState| {
        let mut s = s.clone();
        s.tab = Tab::Claims;
        format!("{corpus_at}:{}", s.to_hash())
    };
    let list = Memo::new(move |_| filters.with(list_key));
    let kept = {
        let here = list.get_untracked();
        place
            .with_untracked(|p| (p.filters == here && p.limit > 0).then_some((p.limit, p.scroll_y)))
    };
    let (limit, set_limit) = signal(kept.map_or(CARDS_PER_PAGE, |(l, _)| l));
    Effect::new(move |first: Option<()>| {
        list.track();
        if first.is_some() {
            set_limit.set(CARDS_PER_PAGE);
        }
    });
    Effect::new(move |_| {
        let (filters, limit) = (list.get(), limit.get());
        place.update(|p| {
            p.filters = filters;
            p.limit = limit;
        });
    });
    if let Some((_, y)) = kept {
        request_animation_frame(move || window().scroll_to_with_x_and_y(0.0, y));
    }
    // Read as the reader scrolls, not as the list goes: by then the next view may have
    // replaced it and moved the page.
    let scrolled = window_event_listener(leptos::ev::scroll, move |_| {
        let y = window().scroll_y().unwrap_or_default();
        place.update_untracked(|p| p.scroll_y = y);
    });
    on_cleanup(move || scrolled.remove());
    let visible = {
        let data = data.clone();
        Memo::new(move |_| {
            let selected = state.get().claim.and_then(|id| data.index.claim(&id));
            let limit = limit.get();
            selection.with(|s| {
                let all = &s.results;
                let mut n = limit.min(all.len());
                if let Some(pos) = selected.and_then(|c| all.iter().position(|&i| i == c)) {
                    n = n.max(pos + 1);
                }
                all[..n].to_vec()
            })
        })
    };
    // Bring the selected card into view once it is rendered.
    Effect::new(move |_| {
        if let Some(id) = state.get().claim {
            let _ = visible.get();
            request_animation_frame(move || {
                if let Some(el) = document().get_element_by_id(&format!("card-{id}")) {
                    el.scroll_into_view();
                }
            });
        }
    });

    let total = data.corpus.claims.len();
    let panel = NodeRef::<leptos::html::Details>::new();
    // On a phone the filters start folded, so the cards come first.
    let wide = super::wide_screen();
    let kind_apply: fn(&mut ViewState, String) = |s, k| {
        if let Some(kind) = ClaimKind::ALL.into_iter().find(|c| c.as_str() == k) {
            match s.kinds.iter().position(|x| *x == kind) {
                Some(i) => {
                    s.kinds.remove(i);
                }
                None => s.kinds.push(kind),
            }
        }
    };

    view! {
        // The filters hold dozens of buttons: a keyboard reader skips them to the results,
        // without changing the address (the view is the address).
        <SkipLink to="results-count" text="Skip to results" />
        // The search stays in sight on a phone, outside the folded filters.
        <label class="search" for="search">
            <span>"Search the claims"</span>
            <input
                id="search"
                type="search"
                placeholder="words in any order"
                autocomplete="off"
                prop:value=move || state.get().query
                on:input:target=move |ev| {
                    let q = ev.target().value();
                    nav.replace(move |s| {
                        s.query = q;
                        s.claim = None;
                    })
                }
            />
        </label>
        <div class="claims-layout">
            <details class="filter-panel" open=wide node_ref=panel>
            <summary>
                {move || {
                    let s = filters.get();
                    let n = s.documents.len() + s.kinds.len() + s.speakers.len() + s.entities.len()
                        + usize::from(s.matter.is_some()) + usize::from(!s.query.trim().is_empty());
                    if n == 0 { "Filters".to_string() } else { format!("Filters ({n} active)") }
                }}
            </summary>
            <aside class="filters" aria-label="Filters">
                <button
                    class="clear"
                    disabled=move || !filters.get().has_filters()
                    on:click=move |_| nav.go(|s| {
                        s.clear_filters();
                        s.claim = None;
                    })
                >
                    "Clear all filters"
                </button>
                {move || {
                    side.get()
                        .map(|m| {
                            view! {
                                <p class="matter">
                                    {format!("Showing one matter of the agreement map: “{}”. ", m.label)}
                                    <button on:click=move |_| nav.go(|s| s.matter = None)>"Show all matters"</button>
                                </p>
                            }
                        })
                }}
                {facet_group("Outlet", docs, |s, k| toggle(&mut s.documents, k), nav)}
                {facet_group("Kind", kinds, kind_apply, nav)}
                {facet_group("Speaker", speakers, |s, k| toggle(&mut s.speakers, k), nav)}
                {facet_group("Entity", entities, |s, k| toggle(&mut s.entities, k), nav)}
                // On a phone the filters are a sheet over the cards: this closes it on them.
                <button
                    class="show-results"
                    on:click=move |_| {
                        if let Some(panel) = panel.get_untracked() {
                            panel.set_open(false);
                        }
                        focus_element("results-count");
                    }
                >
                    {move || show_results_label(matched.get(), total)}
                </button>
            </aside>
            </details>
            <section class="results" aria-labelledby="results-count">
                {move || side.get().map(side_by_side_view)}
                <h2 id="results-count" aria-live="polite" tabindex="-1">
                    {move || {
                        results_heading(matched.get(), total)
                    }}
                </h2>
                {move || {
                    (matched.get() == 0)
                        .then(|| {
                            view! {
                                <div class="empty">
                                    <p>"No claim matches these filters."</p>
                                    <p>
                                        "Try fewer words, another outlet, or "
                                        <button on:click=move |_| nav.go(|s| s.clear_filters())>"clear all filters"</button>
                                        "."
                                    </p>
                                </div>
                            }
                        })
                }}
                <div class="cards">
                    <For each=move || visible.get() key=|i| *i children=move |i| view! { <ClaimCard index=i /> } />
                </div>
                {move || {
                    let (shown, all) = (visible.get().len(), matched.get());
                    (shown < all)
                        .then(|| {
                            view! {
                                <button
                                    class="more"
                                    on:click=move |_| {
                                        set_limit.update(|l| *l += CARDS_PER_PAGE);
                                        // The reader goes on from the first new card.
                                        request_animation_frame(move || {
                                            let first_new = format!("#main .cards > article:nth-of-type({})", shown + 1);
                                            if let Ok(Some(card)) = document().query_selector(&first_new) {
                                                let _ = card.unchecked_into::<web_sys::HtmlElement>().focus();
                                            }
                                        });
                                    }
                                >
                                    {format!("Show more ({shown} of {all} shown)")}
                                </button>
                            }
                        })
                }}
            </section>
        </div>
    }
}
