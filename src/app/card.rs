//! One claim as a card: the verbatim text, who published it, who says it, what kind of claim it
//! is, the entities it names, and the claims of other outlets that agree, dispute or relate.

use leptos::prelude::*;
use parallax_engine::view::{
    citation, differing_words, document_label, highlight, speaker_note, stance_note, stated, Tab,
};
use parallax_engine::{Basis, Relation};

use super::{copy, Nav, Shared};

/// The verbatim text with search matches marked.
pub fn marked_text(text: String, query: String) -> impl IntoView {
    highlight(&text, &query)
        .into_iter()
        .map(|(run, hit)| {
            if hit {
                view! { <mark>{run}</mark> }.into_any()
            } else {
                run.into_any()
            }
        })
        .collect_view()
}

#[component]
pub fn ClaimCard(index: usize) -> impl IntoView {
    let data = expect_context::<Shared>();
    let nav = expect_context::<Nav>();
    let status = expect_context::<WriteSignal<String>>();
    let c = &data.corpus;
    let claim = c.claims[index].clone();
    let doc = data
        .index
        .document_of(index)
        .and_then(|d| c.documents.get(d))
        .cloned();
    let outlet = doc.as_ref().map(document_label).unwrap_or_default();
    let author = stated(doc.as_ref().and_then(|d| d.author.as_deref()));
    let date = stated(doc.as_ref().and_then(|d| d.date.as_deref()));
    let id = claim.id.to_string();
    let selected = {
        let id = id.clone();
        Memo::new(move |_| nav.state.get().claim.as_deref() == Some(id.as_str()))
    };
    let query = Memo::new(move |_| nav.state.get().query);
    let text = claim.text.to_string();

    let note = speaker_note(&claim);
    // The role stays apart from the name: "According to Mr Grieve, shadow attorney general".
    let role = claim
        .speaker_role
        .clone()
        .map(|r| view! { ", " <span class="role">{r}</span> });
    let speaker = claim.speaker.clone().map(|s| {
        view! { <p class="speaker">"According to " <strong>{s}</strong> {role} {note}</p> }
    });

    let entities = claim
        .entities
        .iter()
        .filter_map(|e| data.index.entity(e).and_then(|i| c.entities.get(i)))
        .map(|e| {
            let key = e.id.to_string();
            let name = e.name.clone();
            view! {
                <li>
                    <button
                        class="chip"
                        title=format!("Show claims that mention {name}")
                        on:click=move |_| {
                            let key = key.clone();
                            nav.go(move |s| {
                                if !s.entities.contains(&key) {
                                    s.entities.push(key);
                                }
                                s.tab = Tab::Claims;
                            })
                        }
                    >
                        {e.name.clone()}
                    </button>
                </li>
            }
        })
        .collect_view();

    let link_group = |relation: Relation, basis: Basis, label: &'static str| {
        let items: Vec<_> = claim
            .related
            .iter()
            .filter(|l| l.relation == relation && l.basis == basis)
            .filter_map(|l| {
                let at = data.index.claim(&l.claim)?;
                let other = c.claims.get(at)?;
                let other_doc = c.documents.get(data.index.document_of(at)?)?;
                // A quote worded otherwise, a number given otherwise: both sides' words.
                let drift = differing_words(c, &claim, l);
                Some((
                    l.claim.to_string(),
                    document_label(other_doc),
                    other.text.to_string(),
                    l.shared.join(", "),
                    drift,
                ))
            })
            .collect();
        (!items.is_empty()).then(|| {
            view! {
                <div class="links">
                    <span class="links-label">{label}</span>
                    <ul>
                        {items
                            .into_iter()
                            .map(|(target, outlet, text, shared, drift)| {
                                view! { <LinkItem target outlet text shared drift /> }
                            })
                            .collect_view()}
                    </ul>
                </div>
            }
        })
    };
    let agrees = link_group(Relation::Agrees, Basis::Phrase, "Also said by");
    let disputes = link_group(Relation::Disputes, Basis::Phrase, "Disputed by");
    let quoted = link_group(Relation::Disputes, Basis::Quote, "Quoted otherwise by");
    let counted = link_group(Relation::Disputes, Basis::Number, "Another number in");
    let related = link_group(Relation::Related, Basis::Phrase, "Related in");

    let cite = citation(c, &claim);
    let shown_cite = cite.clone();
    let read_id = id.clone();
    let read_doc = claim.document.to_string();
    let link_id = id.clone();
    let select_id = id.clone();
    let kind = claim.kind.as_str();

    view! {
        <article
            class=format!("card k-{kind}")
            class:selected=move || selected.get()
            id=format!("card-{id}")
            // Focusable by script (after "Show more"), not a tab stop of its own.
            tabindex="-1"
            aria-label=format!("{kind} from {outlet}")
        >
            <blockquote class="claim-text">{move || marked_text(text.clone(), query.get())}</blockquote>
            <p class="meta">
                <span class=format!("kind k-{kind}")>{kind}</span>
                " " <span class="stance">{stance_note(&claim)}</span>
                " · " <span class="outlet">{outlet.clone()}</span> " · " <span>{author}</span> " · "
                <span>{date}</span>
            </p>
            {speaker}
            <ul class="chips" aria-label="Entities">{entities}</ul>
            {agrees}
            {disputes}
            {quoted}
            {counted}
            {related}
            <div class="actions">
                <button on:click=move |_| {
                    let (doc, id) = (read_doc.clone(), read_id.clone());
                    nav.go(move |s| {
                        s.tab = Tab::Reader;
                        s.read = Some(doc);
                        s.claim = Some(id);
                    })
                }>"Read in context"</button>
                <button on:click=move |_| {
                    let mut target = nav.state.get_untracked();
                    target.tab = Tab::Claims;
                    target.claim = Some(link_id.clone());
                    copy(nav.link_to(&target), "Link", status);
                }>"Copy link"</button>
                <button on:click=move |_| copy(cite.clone(), "Citation", status)>"Copy citation"</button>
                <button
                    class="select"
                    aria-pressed=move || selected.get().to_string()
                    on:click=move |_| {
                        let id = select_id.clone();
                        nav.go(move |s| s.claim = if s.claim.as_ref() == Some(&id) { None } else { Some(id) })
                    }
                >
                    "Select card"
                </button>
            </div>
            // Selected, the card says so and shows its citation (document, byte offsets), for
            // reading or copying by hand; the page's address and the tab's title now name it.
            {move || {
                selected
                    .get()
                    .then(|| {
                        view! {
                            <div class="selected-note" role="note">
                                <p>"Selected: the page's address and the tab's title now point to this claim."</p>
                                <p class="citation">{shown_cite.clone()}</p>
                            </div>
                        }
                    })
            }}
        </article>
    }
}

/// One claim of another outlet linked to a card: its outlet, which shows that outlet's words
/// on the card when pressed (for touch and keyboard, not only a hover tooltip), with the words
/// the two share and a way to go to that claim. The words are rendered only once asked for.
#[component]
fn LinkItem(
    target: String,
    outlet: String,
    text: String,
    shared: String,
    drift: Option<String>,
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let (open, set_open) = signal(false);
    let title = format!("{text}\nShared: {shared}");
    let drift = drift.map(|d| view! { <span class="drift">{d}</span> });
    view! {
        <li>
            <button
                class="link"
                title=title
                aria-expanded=move || open.get().to_string()
                on:click=move |_| set_open.update(|o| *o = !*o)
            >
                {outlet}
            </button>
            {drift}
            {move || {
                open.get()
                    .then(|| {
                        let target = target.clone();
                        view! {
                            <div class="link-words">
                                <blockquote>{text.clone()}</blockquote>
                                <p class="link-shared">{format!("Shared: {shared}")}</p>
                                <button on:click=move |_| nav.open_claim(target.clone())>
                                    "Go to this claim"
                                </button>
                            </div>
                        }
                    })
            }}
        </li>
    }
}
