//! Saved web pages a reader opens, read to their article by the engine's extractor in a worker
//! of its own (`crates/pages-worker`): the same code as `parallax export`, started on the first
//! page, so readers who never open one never download an HTML parser.
//!
//! The hosted page starts the worker from the loader script Trunk writes next to it; the single
//! offline file, which may fetch nothing, carries the worker's code inline (a
//! `<script type="text/plain">` data block, [`INLINE_ID`]) and starts it from a Blob.

use std::cell::RefCell;

use js_sys::{Array, Promise, Uint8Array};
use leptos::prelude::document;
use parallax_engine::load::error;
use parallax_engine::Diagnostic;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, MessageEvent, Url, Worker};

use crate::pages_worker_names::{INLINE_ID, LOADER};

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
            "could not be read: the page reader (pages-worker) did not start",
        ));
    };
    let answer = JsFuture::from(next_message(&worker));
    let request = Array::of2(&JsValue::from_str(name), &Uint8Array::from(bytes));
    if worker.post_message(&request).is_err() {
        drop_worker();
        return Err(stopped());
    }
    let Ok(event) = answer.await else {
        drop_worker();
        return Err(stopped());
    };
    let reply = Array::from(&event.unchecked_into::<MessageEvent>().data());
    let text = reply.get(1);
    if text.is_null() || text.is_undefined() {
        let reason = reply
            .get(2)
            .as_string()
            .unwrap_or_else(|| "could not be read".into());
        return Err(error(name, reason));
    }
    Ok(Uint8Array::new(&text).to_vec())
}
