//! The explorer page: a thin Leptos shell over the engine.
//!
//! The corpus is built from the embedded articles (or from those a saved page carries), and again
//! whenever the reader opens their own; the current one is shared through context (never copied
//! per view), and the views are rebuilt when it is replaced. The whole view is one `ViewState`
//! signal mirrored in the URL hash; components read memos of it and change it only through
//! [`Nav`], so a copied link or the back button restores exactly what was on screen.

use std::sync::Arc;

use leptos::context::Provider;
use leptos::prelude::*;
use parallax_engine::view::{SearchIndex, Tab, ViewState};
use parallax_engine::{Corpus, Diagnostic, Input};
use wasm_bindgen::JsCast;

mod card;
mod claims;
mod crash;
mod figures;
mod kept;
mod loader;
mod overview;
mod parser_worker;
mod reader;
mod save;
mod timeline;

/// The corpus and what is precomputed from it, shared by every view.
pub struct Data {
    pub corpus: Corpus,
    pub index: SearchIndex,
    /// The files the corpus was built from, kept to add more articles or to save them.
    pub sources: Vec<Input>,
    /// Files refused before the engine saw them (wrong kind, too large, unreadable).
    pub refused: Vec<Diagnostic>,
    /// The articles are the reader's own (opened here), not the page's: replacing them asks
    /// first.
    pub own: bool,
    /// They are kept in this browser for the next visit ([`kept`]).
    pub kept: bool,
    /// The articles are being read by the worker ([`Pending`]): the corpus is empty until then,
    /// so nothing is saved from it.
    pub pending: bool,
}

impl Data {
    pub fn new(corpus: Corpus, sources: Vec<Input>, refused: Vec<Diagnostic>) -> Data {
        let index = SearchIndex::new(&corpus);
        Data {
            corpus,
            index,
            sources,
            refused,
            own: false,
            kept: false,
            pending: false,
        }
    }

    /// Articles whose corpus the worker is still reading ([`Pending`]).
    pub fn unread(inputs: Vec<Input>, own_and_kept: bool) -> Data {
        Data {
            own: own_and_kept,
            kept: own_and_kept,
            pending: true,
            ..Data::new(Corpus::default(), inputs, Vec::new())
        }
    }

    /// The reader's own articles ([`Data::own`]), `kept` in this browser or not.
    pub fn opened(
        corpus: Corpus,
        sources: Vec<Input>,
        refused: Vec<Diagnostic>,
        kept: bool,
    ) -> Data {
        Data {
            own: true,
            kept,
            ..Data::new(corpus, sources, refused)
        }
    }
}

pub type Shared = Arc<Data>;

/// The current corpus; replaced when the reader opens their own articles.
pub type CurrentData = RwSignal<Shared>;

/// Where the reader was in the list of claims: which list (its filters, as a hash), how many
/// pages of it were shown and how far it was scrolled. It outlives the list, so coming back from
/// "Read in context" (Back, or the tab) returns to the same page of cards and the same place.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ListPlace {
    pub filters: String,
    pub limit: usize,
    pub scroll_y: f64,
}

/// The one way components change the view.
#[derive(Clone, Copy)]
pub struct Nav {
    pub state: ReadSignal<ViewState>,
    set: WriteSignal<ViewState>,
}

impl Nav {
    /// A discrete step (a click): a new history entry, so back and forward work.
    pub fn go(&self, change: impl FnOnce(&mut ViewState)) {
        let mut next = self.state.get_untracked();
        change(&mut next);
        write_hash(&next, false);
        self.set.set(next);
    }

    /// A continuous change (typing): replaces the current history entry.
    pub fn replace(&self, change: impl FnOnce(&mut ViewState)) {
        let mut next = self.state.get_untracked();
        change(&mut next);
        write_hash(&next, true);
        self.set.set(next);
    }

    /// Shows one claim's card (a history entry, like any click).
    pub fn open_claim(&self, id: String) {
        self.go(move |s| s.open_claim(id));
    }

    /// A link to `state` from this page, for copying.
    pub fn link_to(&self, state: &ViewState) -> String {
        // The page's own address without its hash: works for http(s) and for a file on disk.
        let href = window().location().href().unwrap_or_default();
        let base = href.split('#').next().unwrap_or_default();
        format!("{base}#{}", state.to_hash())
    }
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

fn write_hash(state: &ViewState, replace: bool) {
    let hash = state.to_hash();
    if current_hash().trim_start_matches('#') == hash {
        return;
    }
    let url = if hash.is_empty() {
        let l = window().location();
        format!(
            "{}{}",
            l.pathname().unwrap_or_default(),
            l.search().unwrap_or_default()
        )
    } else {
        format!("#{hash}")
    };
    let written = window().history().and_then(|history| {
        if replace {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        }
    });
    // Some contexts (a file opened from disk) refuse the history API; the hash still works.
    if written.is_err() {
        let location = window().location();
        let _ = if replace {
            location.replace(&format!("#{hash}"))
        } else {
            location.set_hash(&hash)
        };
    }
}

/// Wider than a phone (the style sheet's 760 px breakpoint): folding parts start open.
pub fn wide_screen() -> bool {
    window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .is_none_or(|w| w > 760.0)
}

/// The page's own articles and the corpus read from them at build time (decoded, not parsed):
/// what a page without a saved set starts with, and what "Forget them" brings back.
pub fn built_in() -> Data {
    // The build packed it with this engine and decoded it once (`build.rs`); should it ever not
    // decode here, the page says so rather than show nothing silently.
    match parallax_engine::packed::unpack(crate::embedded::PACKED) {
        Ok((corpus, _)) => {
            let sources = parallax_engine::packed::articles(&corpus);
            Data::new(corpus, sources, Vec::new())
        }
        Err(e) => Data::new(
            Corpus::default(),
            Vec::new(),
            vec![parallax_engine::load::error(
                "(the page's own articles)",
                format!("the corpus built into this page cannot be used: {e}"),
            )],
        ),
    }
}

/// Moves the keyboard focus to the element with this id, if it is on the page.
pub fn focus_element(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

/// A link that moves the keyboard focus to the element `to` without changing the address (the
/// view is the address: following "#main" would replace the reader's deep link).
#[component]
pub fn SkipLink(to: &'static str, text: &'static str) -> impl IntoView {
    view! {
        <a
            class="skip"
            href=format!("#{to}")
            on:click=move |ev| {
                ev.prevent_default();
                focus_element(to);
            }
        >
            {text}
        </a>
    }
}

/// Moves the focus to the element with this id once the view that holds it is rendered (after
/// a click that changes the view).
pub fn focus_when_shown(id: &'static str) {
    request_animation_frame(move || focus_element(id));
}

/// How long a confirmation ("Link copied.") stays before it clears itself.
const BRIEF: std::time::Duration = std::time::Duration::from_secs(4);

thread_local! {
    /// How many brief confirmations have been said, so a timer clears only its own.
    static SAID: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Says `message` in the live region, and clears it after [`BRIEF`] unless another
/// confirmation was said since, or something else now stands there: a confirmation needs no
/// dismissing and must not stay over the content.
pub fn say_briefly(status: WriteSignal<String>, message: String) {
    let said = SAID.with(|n| {
        n.set(n.get() + 1);
        n.get()
    });
    status.set(message.clone());
    set_timeout(
        move || {
            if SAID.with(|n| n.get()) == said {
                status.update(|s| {
                    if *s == message {
                        s.clear();
                    }
                })
            }
        },
        BRIEF,
    );
}

/// Copies text to the clipboard and says in the live region whether it worked. Where the page
/// has no clipboard (an insecure context), the text is shown for copying by hand instead.
pub fn copy(text: String, what: &'static str, status: WriteSignal<String>) {
    if !window().is_secure_context() {
        status.set(format!("{what} (copy it by hand): {text}"));
        return;
    }
    let promise = window().navigator().clipboard().write_text(&text);
    leptos::task::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => say_briefly(status, format!("{what} copied.")),
            Err(_) => status.set(format!("{what} could not be copied; here it is: {text}")),
        }
    });
}

/// One file the engine could not use, or used with a caveat, and why.
pub fn problem_line(d: &Diagnostic) -> impl IntoView {
    let level = if d.severity == parallax_engine::Severity::Error {
        "not used"
    } else {
        "used, with a warning"
    };
    view! {
        <li>
            <strong class="file">{d.file.clone()}</strong> " (" {level} "): " {d.message.clone()}
        </li>
    }
}

/// For the page benchmark (`make bench`): bytes of wasm linear memory the page holds.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .unchecked_into::<js_sys::WebAssembly::Memory>()
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}

pub fn start() {
    crash::install();
    let first_view = document().get_element_by_id(parallax_engine::share::FIRST_VIEW_ID);
    let shown = first_view
        .as_ref()
        .and_then(|v| v.dyn_ref::<web_sys::HtmlElement>())
        .is_some_and(|v| !v.hidden());
    if shown {
        // Let the prerendered first view paint before building the corpus takes the thread.
        request_animation_frame(|| set_timeout(mount, std::time::Duration::ZERO));
    } else {
        mount();
    }
}

/// The prerendered first view (and its script) gives way to the app; nothing is painted in
/// between, as the app renders in the same task.
fn mount() {
    let first_view = parallax_engine::share::FIRST_VIEW_ID;
    for id in [first_view.to_string(), format!("{first_view}-script")] {
        if let Some(el) = document().get_element_by_id(&id) {
            el.remove();
        }
    }
    leptos::mount::mount_to_body(App);
}

/// Articles the page starts with but has no corpus for that this version can use (a file saved
/// by an earlier version or while its articles were still being read, a corpus damaged or not
/// read from them, kept articles whose corpus the browser had no room for): the page starts
/// without claims and the article reader's worker reads them once it is up.
pub struct Pending {
    pub inputs: Vec<Input>,
    /// They are the reader's own, kept in this browser.
    pub kept: bool,
}

/// What this page starts with: the articles a saved page carries (with the corpus read from
/// them, packed), else those the reader opened before and this browser kept, else the page's
/// own; what to tell the reader when some could not be read, or must be read again; and those
/// to read again.
fn starting_data() -> (Data, Option<String>, Option<Pending>) {
    let island = |id: &str| {
        document()
            .get_element_by_id(id)
            .and_then(|island| island.text_content())
    };
    let carried = island(parallax_engine::share::ISLAND_ID);
    match carried.map(|json| parallax_engine::share::read_island(&json)) {
        Some(Ok(inputs)) => {
            let packed = island(parallax_engine::share::PACKED_ID)
                .map(|text| parallax_engine::share::read_packed_island(&text, &inputs));
            match packed {
                Some(Ok((corpus, _))) if parallax_engine::packed::read_from(&corpus, &inputs) => {
                    (Data::new(corpus, inputs, Vec::new()), None, None)
                }
                why => {
                    let why = match why {
                        Some(Err(e)) => format!("The corpus this file carries cannot be used: {e}"),
                        Some(Ok(_)) => "The corpus this file carries was not read from the articles it carries".to_string(),
                        None => "This file carries its articles but not the corpus read from them".to_string(),
                    };
                    (
                        Data::unread(inputs.clone(), false),
                        Some(format!("{why}; this version reads the articles again.")),
                        Some(Pending {
                            inputs,
                            kept: false,
                        }),
                    )
                }
            }
        }
        Some(Err(e)) => (
            built_in(),
            Some(format!(
                "{e}; showing the articles built into the page instead."
            )),
            None,
        ),
        None => match kept::kept() {
            Some(Ok((inputs, Some(corpus))))
                if !inputs.is_empty() && parallax_engine::packed::read_from(&corpus, &inputs) =>
            {
                (Data::opened(corpus, inputs, Vec::new(), true), None, None)
            }
            Some(Ok((inputs, _))) if !inputs.is_empty() => (
                Data::unread(inputs.clone(), true),
                None,
                Some(Pending { inputs, kept: true }),
            ),
            Some(Err(e)) => (
                built_in(),
                Some(format!(
                    "The articles this browser kept for you cannot be read ({e}); showing the page's own articles instead. Opening articles again replaces them."
                )),
                None,
            ),
            _ => (built_in(), None, None),
        },
    }
}

#[component]
fn App() -> impl IntoView {
    let (start, island_notice, pending) = starting_data();
    let data: CurrentData = RwSignal::new(Arc::new(start));

    let (initial, hash_notice) = match ViewState::from_hash(&current_hash()) {
        Ok(s) => (s, None),
        Err(n) => (ViewState::default(), Some(n)),
    };
    let first_notice = island_notice.or(hash_notice);
    let (state, set_state) = signal(initial);
    let (notice, set_notice) = signal(first_notice);
    let (status, set_status) = signal(String::new());
    let nav = Nav {
        state,
        set: set_state,
    };
    provide_context(data);
    provide_context(nav);
    provide_context(set_status);
    provide_context(RwSignal::new(ListPlace::default()));

    // Back, forward and pasted links arrive as hash changes.
    let on_hash = move || match ViewState::from_hash(&current_hash()) {
        Ok(s) => {
            if s != state.get_untracked() {
                set_state.set(s);
            }
        }
        Err(n) => {
            set_notice.set(Some(n));
            set_state.set(ViewState::default());
        }
    };
    let _ = window_event_listener(leptos::ev::hashchange, move |_| on_hash());
    let _ = window_event_listener(leptos::ev::popstate, move |_| on_hash());

    // The tab's title follows the view, for the tab strip, bookmarks and the history list.
    Effect::new(move |_| {
        let title = parallax_engine::view::page_title(&data.get().corpus, &state.get());
        document().set_title(&title);
    });

    let tab = Memo::new(move |_| state.get().tab);
    let wide = wide_screen();
    let fingerprint = Memo::new(move |_| parallax_engine::corpus_fingerprint(&data.get().corpus));
    let built = env!("PARALLAX_BUILD_DATE");
    let lede = move || parallax_engine::view::lede(&data.get().corpus);
    loader::install(data, nav);
    if let Some(pending) = pending {
        loader::read_at_start(pending, data);
    }

    view! {
        <SkipLink to="main" text="Skip to content" />
        <header class="top">
            <h1>"Parallax"</h1>
            <p class="lede">{lede}</p>
            // On a phone the file controls fold away, so the story comes first.
            <details class="open-fold" open=wide>
                <summary>"Open your own articles"</summary>
                <loader::OpenArticles />
            </details>
            <kept::KeptNote />
            <nav aria-label="Views">
                <ul class="tabs">
                    {Tab::ALL
                        .into_iter()
                        .map(|t| {
                            view! {
                                <li>
                                    <button
                                        class="tab"
                                        aria-current=move || (tab.get() == t).then_some("page")
                                        on:click=move |_| nav.go(|s| s.tab = t)
                                    >
                                        {t.label()}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
        </header>
        {move || {
            notice
                .get()
                .map(|n| {
                    view! {
                        <div class="notice" role="alert">
                            <span>{n}</span>
                            <button on:click=move |_| set_notice.set(None)>"Dismiss"</button>
                        </div>
                    }
                })
        }}
        <loader::Confirm />
        <loader::LoadReport />
        <main id="main" tabindex="-1">
            // Every view is rebuilt when the corpus is replaced, under the new one.
            {move || {
                let current = data.get();
                view! {
                    <Provider value=current>
                        {move || match tab.get() {
                            Tab::Overview => view! { <overview::Overview /> }.into_any(),
                            Tab::Claims => view! { <claims::ClaimsView /> }.into_any(),
                            Tab::Figures => view! { <figures::FiguresView /> }.into_any(),
                            Tab::Reader => view! { <reader::ReaderView /> }.into_any(),
                            Tab::Timeline => view! { <timeline::TimelineView /> }.into_any(),
                        }}
                    </Provider>
                }
            }}
        </main>
        <p class="status" role="status" aria-live="polite">{move || status.get()}</p>
        <footer class="foot">
            <p>
                "Every claim is a verbatim span of its article; fields an article does not state are shown as “not stated”."
            </p>
            <p class="provenance">
                "Corpus fingerprint " <code class="fingerprint">{move || fingerprint.get()}</code> " · built "
                <time class="built" datetime=built>{built}</time>
            </p>
        </footer>
    }
}
