//! Each document with its provenance and claim counts, the files that could not be used, and the
//! agreement map: the matters several outlets address, and who asserts, disputes or is silent.

use leptos::prelude::*;
use parallax_engine::view::{
    agreement_map, claims_by_kind, reported_by, stated, story_lines, Stance, Tab,
};
use parallax_engine::ClaimKind;

use super::{Nav, Shared};

/// Articles listed before "show all".
const DOCS_PAGE: usize = 50;
/// Matters in the agreement map.
const MAP_ROWS: usize = 30;

#[component]
pub fn Overview() -> impl IntoView {
    let data = expect_context::<Shared>();
    let nav = expect_context::<Nav>();
    let c = &data.corpus;

    // Claims by document and kind, counted in one pass (a corpus may have thousands of each).
    let counts = claims_by_kind(c);
    let (shown_docs, set_shown_docs) = signal(DOCS_PAGE);
    let total_docs = c.documents.len();
    let row_of = move |(i, d): (usize, &parallax_engine::Document)| {
        let kinds = counts.get(i).copied().unwrap_or_default();
        let total: usize = kinds.iter().sum();
        let by_kind = ClaimKind::ALL
            .into_iter()
            .zip(kinds)
            .filter(|(_, n)| *n > 0)
            .map(|(k, n)| format!("{n} {}", k.as_str()))
            .collect::<Vec<_>>()
            .join(", ");
        let id = d.id.to_string();
        let read = d.id.to_string();
        view! {
            <tr>
                <th scope="row">
                    <span class="doc-title" class:unstated=d.title.is_none()>{stated(d.title.as_deref())}</span>
                    <span class="file">{d.file.clone()}</span>
                </th>
                // Each cell names its column, for the phone layout where rows become cards.
                <td data-label="Outlet" class:unstated=d.outlet.is_none()>{stated(d.outlet.as_deref())}</td>
                <td data-label="Author" class:unstated=d.author.is_none()>{stated(d.author.as_deref())}</td>
                <td data-label="Date" class:unstated=d.date.is_none()>{stated(d.date.as_deref())}</td>
                <td data-label="Claims">
                    <button on:click=move |_| {
                        let id = id.clone();
                        nav.go(move |s| {
                            s.clear_filters();
                            s.documents = vec![id];
                            s.tab = Tab::Claims;
                        })
                    }>{format!("{total} claims")}</button>
                    <span class="kinds">{by_kind}</span>
                </td>
                <td data-label="Text">
                    <button on:click=move |_| {
                        let read = read.clone();
                        nav.go(move |s| {
                            s.tab = Tab::Reader;
                            s.read = Some(read);
                            s.claim = None;
                        })
                    }>"Read"</button>
                </td>
            </tr>
        }
    };
    let docs_data = data.clone();
    let rows = move || {
        docs_data
            .corpus
            .documents
            .iter()
            .enumerate()
            .take(shown_docs.get())
            .map(&row_of)
            .collect_view()
    };

    let problems = c.diagnostics.iter().map(super::problem_line).collect_view();
    let has_problems = !c.diagnostics.is_empty();

    let map = agreement_map(c, MAP_ROWS);
    let story = story_lines(c, &map);
    // A matter, opened from the story or the map: its claims side by side, focused.
    let open_matter = move |matter: String| {
        move |_| {
            let matter = matter.clone();
            nav.go(move |s| {
                s.clear_filters();
                s.matter = Some(matter);
                s.tab = Tab::Claims;
            });
            super::focus_when_shown("side-h");
        }
    };
    let more_matters = map.more_rows;
    let outlets = parallax_engine::view::outlet_columns(c).len();
    let silent_outlets = outlets - map.columns.len();
    let headers = map
        .columns
        .iter()
        .map(|col| view! { <th scope="col">{col.label.clone()}</th> })
        .collect_view();
    let map_rows = map
        .rows
        .into_iter()
        .map(|row| {
            let cells = row
                .cells
                .into_iter()
                .map(|cell| {
                    let class = match cell.stance {
                        Stance::Asserts => "asserts",
                        Stance::Disputes => "disputes",
                        Stance::Silent => "silent",
                    };
                    let label = cell.label.clone();
                    if cell.claims.is_empty() {
                        view! { <td class=class>{label}</td> }.into_any()
                    } else {
                        let (matter, doc) = (row.matter.clone(), cell.documents.clone());
                        view! {
                            <td class=class>
                                <button on:click=move |_| {
                                    let (matter, doc) = (matter.clone(), doc.clone());
                                    nav.go(move |s| {
                                        s.clear_filters();
                                        s.matter = Some(matter);
                                        s.documents = doc;
                                        s.tab = Tab::Claims;
                                    });
                                    // The reader goes on from the claims side by side.
                                    super::focus_when_shown("side-h");
                                }>{label}</button>
                            </td>
                        }
                        .into_any()
                    }
                })
                .collect_view();
            let matter = row.matter.clone();
            let disagreement = row
                .disagreement
                .map(|d| view! { <span class="disagreement">{format!("≠ {d}")}</span> });
            view! {
                <tr class:disagrees=row.disagreement.is_some()>
                    <th scope="row">
                        <button class="matter-label" on:click=open_matter(matter)>{format!("“{}”", row.label)}</button>
                        {disagreement}
                    </th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    let no_matters = c.clusters.is_empty();

    // The story up front: what most outlets report, then where they differ, from the map.
    let outlets = story.outlets;
    let reported = story
        .reported
        .into_iter()
        .map(|(matter, label, n)| {
            view! {
                <li>
                    <button class="matter-label" on:click=open_matter(matter)>{format!("“{label}”")}</button>
                    {format!(" — {}", reported_by(n, outlets))}
                </li>
            }
        })
        .collect_view();
    let differ_none = story.differ.is_empty();
    let differ = story
        .differ
        .into_iter()
        .map(|(matter, label, how)| {
            view! {
                <li>
                    <button class="matter-label" on:click=open_matter(matter)>{format!("“{label}”")}</button>
                    <span class="disagreement">{format!(" ≠ {how}")}</span>
                </li>
            }
        })
        .collect_view();
    let story_view = (!no_matters).then(|| {
        view! {
            <section class="story" aria-labelledby="story-h">
                <h2 id="story-h">"The story"</h2>
                <h3>"What the outlets report"</h3>
                <ul class="story-reported">{reported}</ul>
                <h3>"Where they differ"</h3>
                {if differ_none {
                    view! { <p class="hint">"The engine found no two outlets' claims that dispute each other, quote one source otherwise or give one number otherwise."</p> }.into_any()
                } else {
                    view! { <ul class="story-differ">{differ}</ul> }.into_any()
                }}
            </section>
        }
    });

    view! {
        {story_view}
        <section aria-labelledby="map-h">
            <h2 id="map-h">"Agreement map"</h2>
            <p class="hint">
                "Matters that claims in several outlets share (linked by the engine), against the outlets, disagreements first. A cell says how that outlet's claims stand: ✓ asserts, ❝ reports someone else's words, ~ hedges, ✗ rejects, ≠ disputes another outlet, – silent (says nothing on it). Open a cell to see the claims behind it."
            </p>
            {if no_matters {
                view! { <p class="empty">"No matter is shared by two outlets in this corpus."</p> }.into_any()
            } else {
                view! {
                    <div class="scroll">
                        <table class="map">
                            <thead>
                                <tr>
                                    <th scope="col">"Matter"</th>
                                    {headers}
                                </tr>
                            </thead>
                            <tbody>{map_rows}</tbody>
                        </table>
                    </div>
                    {(more_matters > 0 || silent_outlets > 0)
                        .then(|| {
                            view! {
                                <p class="hint">
                                    {format!(
                                        "Showing the {} matters the most outlets share ({more_matters} more not shown), against the {} outlets that speak to the most of them ({silent_outlets} more outlets have no column).",
                                        MAP_ROWS.min(c.clusters.len()),
                                        outlets - silent_outlets,
                                    )}
                                </p>
                            }
                        })}
                }
                    .into_any()
            }}
        </section>
        <section aria-labelledby="docs-h">
            <h2 id="docs-h">"Articles"</h2>
            <div class="scroll">
                <table class="docs">
                    <thead>
                        <tr>
                            <th scope="col">"Title"</th>
                            <th scope="col">"Outlet"</th>
                            <th scope="col">"Author"</th>
                            <th scope="col">"Date"</th>
                            <th scope="col">"Claims"</th>
                            <th scope="col">"Text"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {move || {
                (shown_docs.get() < total_docs)
                    .then(|| {
                        view! {
                            <p class="more">
                                <button on:click=move |_| set_shown_docs.set(total_docs)>
                                    {format!("Show all {total_docs} articles")}
                                </button>
                            </p>
                        }
                    })
            }}
            {has_problems
                .then(|| {
                    view! {
                        <div class="problems">
                            <h3>"Files that could not be fully read"</h3>
                            <ul>{problems}</ul>
                        </div>
                    }
                })}
        </section>
        <super::save::SaveCorpus />
    }
}
