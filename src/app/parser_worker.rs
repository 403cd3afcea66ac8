//! The reader's own articles, read by the engine in a worker of its own (`crates/parser-worker`):
//! saved web pages to their article, then all of them to a corpus, which comes back packed
//! ([`parallax_engine::packed`]) for the page to decode. The same code as `parallax export`,
//! started for the first article a reader opens, so readers who never open one never download a
//! parser, and reading never holds the page's main thread.
//!
//! The hosted page starts the worker from the loader script Trunk writes next to it; the single
//! offline file, which may fetch nothing, carries the worker's code inline (a
//! `<script type="text/plain">` data block, [`INLINE_ID`]) and starts it from a Blob.

use std::cell::RefCell;

use js_sys::{Array, Promise, Uint8Array};
use leptos::prelude::document;
use parallax_engine::load::error;
use parallax_engine::{Diagnostic, Input};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, MessageEvent, Url, Worker};

use crate::parser_worker_names::{INLINE_ID, LOADER};

/// How long the worker may take to download and start before the page gives up on it (a
/// worker whose wasm fails to load says nothing at all).
const START_LIMIT_MS: i32 = 30_000;

thread_local! {
    static WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
}

fn start() -> Result<Worker, JsValue> {
    let Some(inline) = document().get_element_by_id(INLINE_ID) else {
        // A single file may fetch nothing: without the code it carries there is no reader.
        if super::save::is_single_file() {
            return Err(JsValue::from_str("this file carries no page reader"));
        }
        return Worker::new(&format!("./{LOADER}"));
    };
    let code = inline.text_content().unwrap_or_default();
    let options = BlobPropertyBag::new();
    options.set_type("text/javascript");
    let blob =
        Blob::new_with_str_sequence_and_options(&Array::of1(&JsValue::from_str(&code)), &options)?;
    Worker::new(&Url::create_object_url_with_blob(&blob)?)
}

/// The next message (or error) from `worker`.
fn next_message(worker: &Worker) -> Promise {
    Promise::new(&mut |resolve, reject| {
        worker.set_onmessage(Some(&resolve));
        worker.set_onerror(Some(&reject));
    })
}

/// The running worker, started (and waited for until it says it listens) on first use.
async fn worker() -> Result<Worker, JsValue> {
    if let Some(w) = WORKER.with(|slot| slot.borrow().clone()) {
        return Ok(w);
    }
    let w = start()?;
    let limit = Promise::new(&mut |_, reject| {
        let _ = leptos::prelude::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&reject, START_LIMIT_MS);
    });
    let ready = JsFuture::from(Promise::race(&Array::of2(&next_message(&w), &limit))).await;
    let said_ready = ready
        .ok()
        .and_then(|e| e.dyn_into::<MessageEvent>().ok())
        .is_some_and(|e| e.data().as_string().as_deref() == Some("ready"));
    if !said_ready {
        w.terminate();
        return Err(JsValue::from_str("the page reader did not start"));
    }
    WORKER.with(|slot| *slot.borrow_mut() = Some(w.clone()));
    Ok(w)
}

/// Forgets a worker that failed, so the next page starts a fresh one.
fn drop_worker() {
    WORKER.with(|slot| {
        if let Some(w) = slot.borrow_mut().take() {
            w.terminate();
        }
    });
}

/// The article text of the saved page `name`, or why it cannot be read. One page at a time: the
/// loader awaits each before the next.
pub async fn read_page(name: &str, bytes: &[u8]) -> Result<Vec<u8>, Diagnostic> {
    let stopped = || {
        error(
            name,
            "could not be read: the page reader stopped on this page",
        )
    };
    let Ok(worker) = worker().await else {
        drop_worker();
        return Err(error(
            name,
            "could not be read: the article reader (parser-worker) did not start",
        ));
    };
    let answer = JsFuture::from(next_message(&worker));
    let request = Array::of3(
        &JsValue::from_str("page"),
        &JsValue::from_str(name),
        &Uint8Array::from(bytes),
    );
    if worker.post_message(&request).is_err() {
        drop_worker();
        return Err(stopped());
    }
    let Ok(event) = answer.await else {
        drop_worker();
        return Err(stopped());
    };
    let reply = Array::from(&event.unchecked_into::<MessageEvent>().data());
    let text = reply.get(2);
    if text.is_null() || text.is_undefined() {
        let reason = reply
            .get(3)
            .as_string()
            .unwrap_or_else(|| "could not be read".into());
        return Err(error(name, reason));
    }
    Ok(Uint8Array::new(&text).to_vec())
}

/// How often the page looks up from waiting for the worker to hear Cancel, in milliseconds.
const CANCEL_POLL_MS: i32 = 100;

/// What a build's progress message says the worker is doing, in the loader's words.
fn stage_name(stage: u32) -> &'static str {
    match stage {
        0 => "Reading claims",
        _ => "Linking claims across articles",
    }
}

/// The corpus read from `inputs` (with `refused`, the files turned away before, among its
/// diagnostics) by the worker, packed ([`parallax_engine::packed`]): `Ok(None)` when
/// `cancelled()` said stop (the worker is stopped with it), `Err` with what went wrong when the
/// worker could not finish. `progress(step, done, total)` hears how far it has come.
pub async fn build(
    inputs: &[Input],
    refused: &[Diagnostic],
    progress: impl Fn(&'static str, usize, usize),
    cancelled: impl Fn() -> bool,
) -> Result<Option<Vec<u8>>, String> {
    let Ok(worker) = worker().await else {
        drop_worker();
        return Err("the article reader (parser-worker) did not start".into());
    };
    let names = Array::new();
    let texts = Array::new();
    let buffers = Array::new();
    for input in inputs {
        let bytes = Uint8Array::from(&input.bytes[..]);
        names.push(&JsValue::from_str(&input.file));
        buffers.push(&bytes.buffer());
        texts.push(&bytes);
    }
    let refused = serde_json::to_string(refused).unwrap_or_else(|_| "[]".into());
    let request = Array::of5(
        &JsValue::from_str("build"),
        &names,
        &texts,
        &JsValue::from_str(&refused),
        &JsValue::from_str(env!("PARALLAX_BUILD_DATE")),
    );
    let mut answer = next_message(&worker);
    if worker
        .post_message_with_transfer(&request, &buffers)
        .is_err()
    {
        drop_worker();
        return Err("the articles could not be handed to the article reader".into());
    }
    loop {
        let tick = Promise::new(&mut |resolve, _| {
            let _ = leptos::prelude::window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, CANCEL_POLL_MS);
        });
        let next = JsFuture::from(Promise::race(&Array::of2(&answer, &tick))).await;
        if cancelled() {
            drop_worker();
            return Ok(None);
        }
        let event = match next {
            Ok(value) => match value.dyn_into::<MessageEvent>() {
                Ok(event) => event,
                // The tick: nothing yet.
                Err(_) => continue,
            },
            Err(_) => {
                drop_worker();
                return Err("the article reader stopped on these articles".into());
            }
        };
        answer = next_message(&worker);
        let reply = Array::from(&event.data());
        match reply.get(0).as_string().as_deref() {
            Some("progress") => {
                let number = |k: u32| reply.get(k).as_f64().unwrap_or(0.0) as usize;
                let stage = reply.get(1).as_f64().unwrap_or(0.0) as u32;
                progress(stage_name(stage), number(2), number(3));
            }
            Some("failed") => {
                drop_worker();
                let why = reply.get(1).as_string().unwrap_or_default();
                return Err(format!("the article reader could not finish: {why}"));
            }
            Some("built") => {
                return Ok(Some(Uint8Array::new(&reply.get(1)).to_vec()));
            }
            _ => {}
        }
    }
}
