//! The reader's own articles, opened in the page: chosen files, a chosen folder, or either dropped
//! anywhere on the page. Nothing leaves the machine.
//!
//! Files are read a batch at a time with a yield to the browser between batches; the engine reads
//! them in a worker ([`super::parser_worker`]) that says how far it has come, so the progress bar
//! moves and the page answers input throughout, and Cancel stops the worker. Files are checked by
//! name and size before they are read, so a stray video in a folder costs nothing; every file not
//! used is listed with its reason, and the rest load.

use std::sync::Arc;

use js_sys::{Function, Promise, Uint8Array};
use leptos::prelude::*;
use parallax_engine::load::{accept, join, FileForm};
use parallax_engine::view::ViewState;
use parallax_engine::{Diagnostic, Input, Severity};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, FileSystemDirectoryEntry, FileSystemEntry, FileSystemFileEntry};

use super::{CurrentData, Data, Nav};

/// Replace the articles on screen, or add to them.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Replace,
    Join,
}

/// What the last load did, for the report under the header.
#[derive(Clone, PartialEq)]
pub struct Report {
    pub files: usize,
    pub documents: usize,
    pub claims: usize,
    pub millis: f64,
    /// Where the time went: (step, milliseconds).
    pub phases: Vec<(&'static str, f64)>,
    /// Files not used (errors) and files used with a caveat (warnings).
    pub problems: Vec<Diagnostic>,
    /// Nothing could be used, so the articles on screen were kept.
    pub kept: bool,
    pub cancelled: bool,
    /// Why the opened articles could not be kept in this browser for the next visit, if so.
    pub not_stored: Option<String>,
}

#[derive(Clone, PartialEq)]
pub enum Progress {
    Idle,
    Working {
        step: &'static str,
        done: usize,
        total: usize,
    },
    Finished(Report),
}

/// The loader's state, shared by the header controls, the drop target and the report.
#[derive(Clone, Copy)]
pub struct Loader {
    pub progress: RwSignal<Progress>,
    pub mode: RwSignal<Mode>,
    cancel: RwSignal<bool>,
    dragging: RwSignal<bool>,
    /// Files chosen to replace the reader's own articles, waiting for the reader to say so.
    pending: RwSignal<Option<Vec<Picked>>, LocalStorage>,
}

/// A file chosen by the reader, with its path inside a chosen folder when there is one.
#[derive(Clone)]
struct Picked {
    name: String,
    file: File,
}

fn now() -> f64 {
    window().performance().map(|p| p.now()).unwrap_or(0.0)
}

/// Lets the browser paint and handle input before the next step.
async fn yield_to_browser() {
    let promise = Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = JsFuture::from(promise).await;
}

/// Files whose reads are started together.
const READ_BATCH: usize = 64;

fn is_hidden(path: &str) -> bool {
    path.split('/').any(|part| part.starts_with('.'))
}

/// Reads the chosen files into engine inputs; HTML pages become their article text.
async fn read_files(
    picked: Vec<Picked>,
    loader: Loader,
    refused: &mut Vec<Diagnostic>,
) -> Vec<Input> {
    let total = picked.len();
    let mut inputs = Vec::new();
    let mut last_yield = now();
    // Files are refused by name and size first; the rest are read a batch at a time, every read
    // of a batch started at once (one promise each) and then taken in order.
    let mut accepted = Vec::new();
    for p in picked {
        match accept(&p.name, p.file.size() as usize) {
            Ok(form) => accepted.push((p, form)),
            Err(d) => refused.push(d),
        }
    }
    let mut done = total - accepted.len();
    let mut accepted = accepted.into_iter().peekable();
    while accepted.peek().is_some() {
        if loader.cancel.get_untracked() {
            break;
        }
        if now() - last_yield > 30.0 {
            loader.progress.set(Progress::Working {
                step: "Reading files",
                done,
                total,
            });
            yield_to_browser().await;
            last_yield = now();
        }
        let batch: Vec<(Picked, FileForm, Promise)> = accepted
            .by_ref()
            .take(READ_BATCH)
            .map(|(p, form)| {
                let read = p.file.array_buffer();
                (p, form, read)
            })
            .collect();
        for (p, form, read) in batch {
            done += 1;
            let bytes = match JsFuture::from(read).await {
                Ok(buffer) => Uint8Array::new(&buffer).to_vec(),
                Err(_) => {
                    refused.push(parallax_engine::load::error(
                        &p.name,
                        "cannot read: the browser refused to read this file",
                    ));
                    continue;
                }
            };
            // A saved web page becomes its article text by the engine's own extractor, as
            // `parallax export` reads it, in a worker started for the first page.
            let bytes = match form {
                FileForm::Text => bytes,
                FileForm::Html => {
                    // Each page takes the worker a moment: the bar moves and Cancel is heard
                    // between pages, not only between batches.
                    if loader.cancel.get_untracked() {
                        break;
                    }
                    loader.progress.set(Progress::Working {
                        step: "Reading web pages",
                        done,
                        total,
                    });
                    match super::parser_worker::read_page(&p.name, &bytes).await {
                        Ok(text) => text,
                        Err(d) => {
                            refused.push(d);
                            continue;
                        }
                    }
                }
            };
            inputs.push(Input {
                file: p.name,
                bytes,
            });
        }
    }
    inputs
}

/// Builds a corpus from `inputs` in the article reader's worker, reporting its progress; `None`
/// when the reader cancelled, or (with the reason among `problems`) when the worker failed.
async fn build_in_worker(
    inputs: Vec<Input>,
    refused: Vec<Diagnostic>,
    loader: Loader,
    phases: &mut Vec<(&'static str, f64)>,
    problems: &mut Vec<Diagnostic>,
) -> Option<(parallax_engine::Corpus, Vec<u8>)> {
    let started = now();
    let total = inputs.len();
    loader.progress.set(Progress::Working {
        step: "Reading claims",
        done: 0,
        total,
    });
    let built = super::parser_worker::build(
        &inputs,
        &refused,
        |step, done, total| loader.progress.set(Progress::Working { step, done, total }),
        || loader.cancel.get_untracked(),
    )
    .await;
    phases.push((
        "reading claims and linking them (in a worker)",
        now() - started,
    ));
    let decoding = now();
    let corpus = built.and_then(|packed| match packed {
        Some(bytes) => parallax_engine::packed::unpack_beside(&bytes, &inputs)
            .map(|(corpus, _)| Some((corpus, bytes)))
            .map_err(|e| format!("the corpus the article reader made cannot be used: {e}")),
        None => Ok(None),
    });
    phases.push(("decoding", now() - decoding));
    match corpus {
        Ok(corpus) => corpus,
        Err(why) => {
            problems.push(parallax_engine::load::error(
                "(all articles)",
                format!("could not be read: {why}"),
            ));
            None
        }
    }
}

/// Opens `picked`: reads, builds, and replaces or joins the corpus on screen.
async fn open(picked: Vec<Picked>, loader: Loader, data: CurrentData, nav: Nav) {
    let started = now();
    let files = picked.len();
    let mode = loader.mode.get_untracked();
    loader.cancel.set(false);
    let mut refused = Vec::new();
    let mut phases = Vec::new();
    let added = read_files(picked, loader, &mut refused).await;
    phases.push(("reading", now() - started));
    let added_names: std::collections::HashSet<String> =
        added.iter().map(|i| i.file.clone()).collect();
    let refused_now = refused.clone();
    let current = data.get_untracked();
    let (sources, all_refused) = match mode {
        // A name opened twice is one article, the later copy (as when adding).
        Mode::Replace => (join(Vec::new(), added), refused),
        Mode::Join => {
            let mut all = current.refused.clone();
            all.extend(refused);
            (join(current.sources.clone(), added), all)
        }
    };
    let mut problems = refused_now;
    let built = if added_names.is_empty() {
        None
    } else {
        build_in_worker(
            sources.clone(),
            all_refused.clone(),
            loader,
            &mut phases,
            &mut problems,
        )
        .await
    };
    let cancelled = loader.cancel.get_untracked();
    let (mut documents, mut claims, mut kept) = (0, 0, true);
    let mut not_stored = None;
    if let Some((corpus, packed)) = built {
        let from_this_load: Vec<&parallax_engine::Document> = corpus
            .documents
            .iter()
            .filter(|d| added_names.contains(&d.file))
            .collect();
        problems.extend(
            corpus
                .diagnostics
                .iter()
                .filter(|d| added_names.contains(&d.file))
                .cloned(),
        );
        documents = from_this_load.len();
        let ids: std::collections::HashSet<&str> =
            from_this_load.iter().map(|d| d.id.as_str()).collect();
        claims = corpus
            .claims
            .iter()
            .filter(|c| ids.contains(c.document.as_str()))
            .count();
        if documents > 0 {
            kept = false;
            // Decoding and indexing are two tasks, not one: the page answers between them.
            yield_to_browser().await;
            let index_started = now();
            // Kept in this browser for the next visit, so a reload does not lose them; a saved
            // page always opens with the articles it carries, so there they are not kept.
            let saved_page = document()
                .get_element_by_id(parallax_engine::share::ISLAND_ID)
                .is_some();
            if !saved_page {
                not_stored = super::kept::keep(&sources, &packed).err();
                if not_stored.is_some() {
                    // Never the articles opened before, in place of these, after a reload.
                    super::kept::forget();
                }
            }
            let kept = !saved_page && not_stored.is_none();
            let next = Arc::new(Data::opened(corpus, sources, all_refused, kept));
            phases.push(("indexing", now() - index_started));
            let show_started = now();
            data.set(next);
            nav.go(|s| *s = ViewState::default());
            // The views rebuild under the new corpus before the browser gets control back.
            yield_to_browser().await;
            phases.push(("showing", now() - show_started));
        }
    }
    problems.sort_by_key(|d| (d.severity != Severity::Error, d.file.clone()));
    loader.progress.set(Progress::Finished(Report {
        files,
        documents,
        claims,
        millis: now() - started,
        phases,
        problems,
        kept,
        cancelled,
        not_stored,
    }));
}

/// Reads articles the page started with but could not decode a corpus for ([`super::Pending`]),
/// in the worker, with the progress bar and Cancel of any load; the claims appear when it is done.
pub fn read_at_start(pending: super::Pending, data: CurrentData) {
    let Some(loader) = use_context::<Loader>() else {
        return;
    };
    let files = pending.inputs.len();
    // What is on screen while they are read: replaced by their corpus only if it still is (the
    // reader may have forgotten them, or opened others, meanwhile).
    let waiting = data.get_untracked();
    loader.cancel.set(false);
    loader.progress.set(Progress::Working {
        step: "Reading claims",
        done: 0,
        total: files,
    });
    leptos::task::spawn_local(async move {
        let started = now();
        let (mut phases, mut problems) = (Vec::new(), Vec::new());
        let inputs = pending.inputs;
        let built = build_in_worker(
            inputs.clone(),
            Vec::new(),
            loader,
            &mut phases,
            &mut problems,
        )
        .await;
        // Decoding and indexing are two tasks, not one: the page answers between them.
        yield_to_browser().await;
        let still_waiting = Arc::ptr_eq(&data.get_untracked(), &waiting);
        let (mut documents, mut claims) = (0, 0);
        if let Some((corpus, packed)) = built.filter(|_| still_waiting) {
            (documents, claims) = (corpus.documents.len(), corpus.claims.len());
            problems.extend(corpus.diagnostics.iter().cloned());
            let next = if pending.kept {
                // Kept with their corpus this time, so the next visit decodes it.
                let _ = super::kept::keep(&inputs, &packed);
                Data::opened(corpus, inputs, Vec::new(), true)
            } else {
                Data::new(corpus, inputs, Vec::new())
            };
            data.set(Arc::new(next));
        }
        loader.progress.set(Progress::Finished(Report {
            files,
            documents,
            claims,
            millis: now() - started,
            phases,
            problems,
            kept: documents == 0,
            cancelled: loader.cancel.get_untracked(),
            not_stored: None,
        }));
    });
}

/// Starts opening `picked` unless a load is already running. Replacing the reader's own
/// articles waits for the reader to confirm it ([`Confirm`]).
fn start(picked: Vec<Picked>, loader: Loader, data: CurrentData, nav: Nav) {
    if matches!(loader.progress.get_untracked(), Progress::Working { .. }) || picked.is_empty() {
        return;
    }
    if loader.mode.get_untracked() == Mode::Replace && data.with_untracked(|d| d.own) {
        loader.pending.set(Some(picked));
        return;
    }
    go(picked, loader, data, nav);
}

/// Opens `picked` now.
fn go(picked: Vec<Picked>, loader: Loader, data: CurrentData, nav: Nav) {
    loader.progress.set(Progress::Working {
        step: "Reading files",
        done: 0,
        total: picked.len(),
    });
    leptos::task::spawn_local(open(picked, loader, data, nav));
}

/// The files of a file input (with their folder paths when a folder was chosen).
fn picked_from_input(input: &web_sys::HtmlInputElement) -> Vec<Picked> {
    let Some(list) = input.files() else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.get(i))
        .map(|file| {
            let relative = js_sys::Reflect::get(&file, &JsValue::from_str("webkitRelativePath"))
                .ok()
                .and_then(|v| v.as_string())
                .filter(|p| !p.is_empty());
            Picked {
                name: relative.unwrap_or_else(|| file.name()),
                file,
            }
        })
        .filter(|p| !is_hidden(&p.name))
        .collect()
}

/// Calls `f(success, failure)` and waits for either callback.
async fn callback_result(f: impl FnOnce(&Function, &Function)) -> Result<JsValue, JsValue> {
    let mut f = Some(f);
    let promise = Promise::new(&mut |resolve, reject| {
        if let Some(f) = f.take() {
            f(&resolve, &reject);
        }
    });
    JsFuture::from(promise).await
}

/// Every file under a dropped entry (a file, or a folder walked recursively).
async fn files_under(entry: FileSystemEntry) -> Vec<Picked> {
    let mut out = Vec::new();
    let mut stack = vec![entry];
    while let Some(entry) = stack.pop() {
        let path = entry.full_path().trim_start_matches('/').to_string();
        if is_hidden(&path) {
            continue;
        }
        if entry.is_file() {
            let file_entry: FileSystemFileEntry = entry.unchecked_into();
            let got =
                callback_result(|ok, err| file_entry.file_with_callback_and_callback(ok, err))
                    .await;
            if let Ok(file) = got.and_then(|f| f.dyn_into::<File>()) {
                out.push(Picked { name: path, file });
            }
        } else if entry.is_directory() {
            let reader = entry
                .unchecked_into::<FileSystemDirectoryEntry>()
                .create_reader();
            // A directory reader hands out entries in batches until it returns an empty one.
            loop {
                let batch = callback_result(|ok, err| {
                    let _ = reader.read_entries_with_callback_and_callback(ok, err);
                })
                .await;
                let Ok(batch) = batch else { break };
                let batch = js_sys::Array::from(&batch);
                if batch.length() == 0 {
                    break;
                }
                stack.extend(batch.iter().map(|e| e.unchecked_into::<FileSystemEntry>()));
            }
        }
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

/// Creates the loader and makes the whole page a drop target for files and folders.
pub fn install(data: CurrentData, nav: Nav) {
    let loader = Loader {
        progress: RwSignal::new(Progress::Idle),
        mode: RwSignal::new(Mode::Replace),
        cancel: RwSignal::new(false),
        dragging: RwSignal::new(false),
        pending: RwSignal::new_local(None),
    };
    provide_context(loader);
    let carries_files = |e: &web_sys::DragEvent| {
        e.data_transfer().is_some_and(|dt| {
            dt.types()
                .iter()
                .any(|t| t.as_string().as_deref() == Some("Files"))
        })
    };
    let _ = window_event_listener(leptos::ev::dragover, move |e| {
        if carries_files(&e) {
            e.prevent_default();
            loader.dragging.set(true);
        }
    });
    let _ = window_event_listener(leptos::ev::dragleave, move |e| {
        // Leaving the window (not moving between elements) has no related target.
        if e.related_target().is_none() {
            loader.dragging.set(false);
        }
    });
    let _ = window_event_listener(leptos::ev::drop, move |e| {
        loader.dragging.set(false);
        let Some(dt) = e.data_transfer() else { return };
        e.prevent_default();
        // Entries must be taken during the event; the list is emptied when it returns.
        let items = dt.items();
        // A dropped folder only comes as an entry; a file without one (a browser without entries)
        // is taken as it is.
        let mut entries: Vec<FileSystemEntry> = Vec::new();
        let mut picked: Vec<Picked> = Vec::new();
        for item in (0..items.length()).filter_map(|i| items.get(i)) {
            if item.kind() != "file" {
                continue;
            }
            if let Some(entry) = item.webkit_get_as_entry().ok().flatten() {
                entries.push(entry);
            } else if let Some(file) = item.get_as_file().ok().flatten() {
                picked.push(Picked {
                    name: file.name(),
                    file,
                });
            }
        }
        leptos::task::spawn_local(async move {
            for entry in entries {
                picked.extend(files_under(entry).await);
            }
            picked.retain(|p| !is_hidden(&p.name));
            start(picked, loader, data, nav);
        });
    });
}

/// "Open articles" and "Open a folder", with the choice to replace or add.
#[component]
pub fn OpenArticles() -> impl IntoView {
    let loader = expect_context::<Loader>();
    let data = expect_context::<CurrentData>();
    let nav = expect_context::<Nav>();
    let files_input = NodeRef::<leptos::html::Input>::new();
    let folder_input = NodeRef::<leptos::html::Input>::new();
    let on_change = move |input: NodeRef<leptos::html::Input>| {
        if let Some(el) = input.get_untracked() {
            let picked = picked_from_input(&el);
            // Clearing lets the same files be chosen again after they were edited.
            el.set_value("");
            start(picked, loader, data, nav);
        }
    };
    // `webkitdirectory` (choose a folder) is not among the macro's known attributes.
    Effect::new(move |_| {
        if let Some(el) = folder_input.get() {
            let _ = el.set_attribute("webkitdirectory", "");
        }
    });
    let busy = move || matches!(loader.progress.get(), Progress::Working { .. });
    // The file dialog offers what the engine accepts.
    let accept_list = parallax_engine::load::TEXT_EXTENSIONS
        .iter()
        .chain(parallax_engine::load::HTML_EXTENSIONS.iter())
        .map(|e| format!(".{e}"))
        .collect::<Vec<_>>()
        .join(",");
    // A button that opens a (hidden) file input's dialog.
    let chooser =
        move |class: &'static str, label: &'static str, input: NodeRef<leptos::html::Input>| {
            view! {
                <button
                    class=class
                    disabled=busy
                    on:click=move |_| {
                        if let Some(el) = input.get_untracked() {
                            el.click();
                        }
                    }
                >
                    {label}
                </button>
            }
        };
    let mode_choice = move |value: &'static str, mode: Mode, label: &'static str| {
        view! {
            <label>
                <input
                    type="radio"
                    name="load-mode"
                    value=value
                    prop:checked=move || loader.mode.get() == mode
                    on:change=move |_| loader.mode.set(mode)
                />
                {label}
            </label>
        }
    };
    view! {
        <div class="open" class:dragging=move || loader.dragging.get()>
            {chooser("open-files", "Open articles…", files_input)}
            {chooser("open-folder", "Open a folder…", folder_input)}
            <input
                type="file"
                id="open-files"
                class="visually-hidden"
                tabindex="-1"
                aria-hidden="true"
                multiple
                accept=accept_list
                node_ref=files_input
                on:change=move |_| on_change(files_input)
            />
            <input
                type="file"
                id="open-folder"
                class="visually-hidden"
                tabindex="-1"
                aria-hidden="true"
                multiple
                node_ref=folder_input
                on:change=move |_| on_change(folder_input)
            />
            <fieldset class="mode">
                <legend class="visually-hidden">"Opened articles"</legend>
                {mode_choice("replace", Mode::Replace, " replace these")}
                {mode_choice("join", Mode::Join, " add to them")}
            </fieldset>
            <span class="hint">"or drop files or a folder on the page · .txt, .md, .html · nothing leaves this computer"</span>
        </div>
    }
}

/// Asks before the reader's own articles on screen are dropped for others: replace them, add
/// the new ones to them, or keep them as they are.
#[component]
pub fn Confirm() -> impl IntoView {
    let loader = expect_context::<Loader>();
    let data = expect_context::<CurrentData>();
    let nav = expect_context::<Nav>();
    let answer = move |mode: Option<Mode>| {
        let picked = loader.pending.write().take();
        if let (Some(picked), Some(mode)) = (picked, mode) {
            loader.mode.set(mode);
            go(picked, loader, data, nav);
        }
    };
    move || {
        let chosen = loader.pending.with(|p| p.as_ref().map(Vec::len))?;
        let on_screen = data.with_untracked(|d| d.corpus.documents.len());
        Some(view! {
            <div class="confirm" role="alertdialog" aria-labelledby="confirm-question">
                <p id="confirm-question">
                    {format!(
                        "Replace your {} on screen with the {} you chose? Yours are kept in this browser only until they are replaced.",
                        plural(on_screen, "article"),
                        plural(chosen, "file"),
                    )}
                </p>
                <div class="confirm-actions">
                    <button on:click=move |_| answer(Some(Mode::Replace))>"Replace them"</button>
                    <button on:click=move |_| answer(Some(Mode::Join))>"Add to them"</button>
                    <button on:click=move |_| answer(None)>"Cancel"</button>
                </div>
            </div>
        })
    }
}

fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The progress bar while loading, then what was loaded and every file that was not.
#[component]
pub fn LoadReport() -> impl IntoView {
    let loader = expect_context::<Loader>();
    move || match loader.progress.get() {
        Progress::Idle => ().into_any(),
        Progress::Working { step, done, total } => view! {
            <div class="load-progress" role="status" aria-live="polite">
                <label for="load-bar">{format!("{step}: {done} of {total}")}</label>
                <progress id="load-bar" max=total.max(1) value=done></progress>
                <button on:click=move |_| loader.cancel.set(true)>"Cancel"</button>
            </div>
        }
        .into_any(),
        Progress::Finished(r) => {
            let seconds = r.millis / 1000.0;
            let opened = !r.cancelled && !r.kept;
            let summary = if r.cancelled {
                "Loading was cancelled; the articles on screen are unchanged.".to_string()
            } else if r.kept {
                format!(
                    "None of the {} files could be used; the articles on screen are unchanged.",
                    r.files
                )
            } else {
                format!(
                    "Opened {} ({}) from {} in {seconds:.1} s.",
                    plural(r.documents, "article"),
                    plural(r.claims, "claim"),
                    plural(r.files, "file"),
                )
            };
            // Where the time went is there for whoever asks, not in the reader's sentence.
            let timings = opened.then(|| {
                r.phases
                    .iter()
                    .map(|(step, ms)| format!("{step} {:.1} s", ms / 1000.0))
                    .collect::<Vec<_>>()
                    .join(", ")
            });
            let not_used = r
                .problems
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count();
            let problems = r.problems.iter().map(super::problem_line).collect_view();
            let has_problems = !r.problems.is_empty();
            view! {
                <div class="load-report" role="status" aria-live="polite">
                    <p>
                        <span class="load-summary">{summary}</span>
                        {(not_used > 0).then(|| format!(" {not_used} could not be used:"))}
                    </p>
                    {has_problems.then(|| view! { <ul class="load-problems">{problems}</ul> })}
                    {r.not_stored.map(|why| view! {
                        <p class="not-stored">{format!("They are not kept for your next visit: {why}.")}</p>
                    })}
                    <div class="load-actions">
                        {timings
                            .map(|t| {
                                view! {
                                    <details class="load-timings">
                                        <summary>"Where the time went"</summary>
                                        <span class="timings">{t}</span>
                                    </details>
                                }
                            })}
                        <button on:click=move |_| loader.progress.set(Progress::Idle)>
                            "Dismiss"
                        </button>
                    </div>
                </div>
            }
            .into_any()
        }
    }
}
