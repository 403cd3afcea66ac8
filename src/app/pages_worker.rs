//! Saved web pages a reader opens, read to their article by the engine's extractor in a worker
//! of its own (`crates/pages-worker`): the same code as `parallax export`, started on the first
//! page, so readers who never open one never download an HTML parser.
//!
//! The hosted page starts the worker from the loader script Trunk writes next to it; the single
//! offline file, which may fetch nothing, carries the worker's code inline
//! (`<script type="text/plain" id="pages-worker-source">`) and starts it from a Blob.

use std::cell::RefCell;

use js_sys::{Array, Promise, Uint8Array};
use leptos::prelude::document;
use parallax_engine::load::error;
use parallax_engine::Diagnostic;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, MessageEvent, Url, Worker};

/// The worker's loader in the hosted build (un-hashed: Trunk's `data-loader-shim`).
const LOADER: &str = "./pages-worker_loader.js";

thread_local! {
    static WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
}

fn start() -> Result<Worker, JsValue> {
    let Some(inline) = document().get_element_by_id("pages-worker-source") else {
        return Worker::new(LOADER);
    };
    let code = inline.text_content().unwrap_or_default();
    let options = BlobPropertyBag::new();
    options.set_type("text/javascript");
    let blob =
        Blob::new_with_str_sequence_and_options(&Array::of1(&JsValue::from_str(&code)), &options)?;
    Worker::new(&Url::create_object_url_with_blob(&blob)?)
}

/// The next message (or error) from `worker`.
fn next_message(worker: &Worker) -> JsFuture {
    JsFuture::from(Promise::new(&mut |resolve, reject| {
        worker.set_onmessage(Some(&resolve));
        worker.set_onerror(Some(&reject));
    }))
}

/// The running worker, started (and waited for until it listens) on first use.
async fn worker() -> Result<Worker, JsValue> {
    if let Some(w) = WORKER.with(|slot| slot.borrow().clone()) {
        return Ok(w);
    }
    let w = start()?;
    next_message(&w).await?;
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
    let answer = next_message(&worker);
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
