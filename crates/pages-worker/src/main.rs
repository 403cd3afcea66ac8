//! The saved-page reader as a web worker: it says `"ready"` once it listens, then for each
//! `[file name, bytes]` the page posts it answers `[file name, article text bytes]` or
//! `[file name, null, reason]` ([`parallax_engine::load::article`], the code `parallax export`
//! runs).
//!
//! It is a wasm of its own so that the explorer's start-up download carries no HTML parser: most
//! readers never open a web page, and html5ever with Readability's scoring weigh more than the
//! rest of the page's code. The page starts it on the first page a reader opens.
//!
//! Messages are two small arrays, so they are read with `js-sys` directly; `gloo-worker` would add
//! a codec and a spawner that expects a script path, where the single offline file starts this
//! worker from a Blob of its inlined code.

#[cfg(target_arch = "wasm32")]
fn main() {
    use js_sys::{Array, Uint8Array};
    use parallax_engine::load::{article, FileForm};
    use wasm_bindgen::prelude::*;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let request = Array::from(&event.data());
        let name = request.get(0).as_string().unwrap_or_default();
        let bytes = Uint8Array::new(&request.get(1)).to_vec();
        let reply = match article(&name, FileForm::Html, bytes) {
            Ok(text) => Array::of2(&JsValue::from_str(&name), &Uint8Array::from(&text[..])),
            Err(d) => Array::of3(
                &JsValue::from_str(&name),
                &JsValue::NULL,
                &JsValue::from_str(&d.message),
            ),
        };
        let _ = reply_to.post_message(&reply);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page keeps it; so does its handler.
    on_message.forget();
    // Messages that arrive before the handler is set are lost, so the page waits for this.
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

/// Natively there is nothing to run: `parallax export` reads pages itself.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
