//! The engine's reading stages as a web worker: everything that turns files into a corpus
//! (the HTML extractor, the parse and link stages and their vocabularies), so the explorer's
//! start-up download carries none of it and reading never holds the page's main thread.
//!
//! It says `"ready"` once it listens, then answers each request the page posts:
//! - `["page", file name, bytes]`: the saved web page read to its article
//!   ([`parallax_engine::load::article`], the code `parallax export` runs):
//!   `["page", file name, article text bytes]` or `["page", file name, null, reason]`.
//! - `["build", file names, texts (bytes), refused (JSON diagnostics), build words]`: the corpus
//!   read from them, as `["progress", stage, done, total]` now and then (stage 0 reads claims,
//!   1 links them across articles), then `["built", packed corpus]`
//!   ([`parallax_engine::packed::pack_beside`] the articles sent, which the page keeps), its buffer transferred rather than copied, or `["failed",
//!   reason]`. The page stops a build by terminating the worker.
//!
//! Most readers never open their own articles; the page starts this worker when one does (or
//! when a saved file carries articles but no corpus this version can decode).
//!
//! Messages are small arrays, so they are read with `js-sys` directly; `gloo-worker` would add
//! a codec and a spawner that expects a script path, where the single offline file starts this
//! worker from a Blob of its inlined code.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::prelude::*;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let request = js_sys::Array::from(&event.data());
        match request.get(0).as_string().as_deref() {
            Some("page") => read_page(&reply_to, &request),
            Some("build") => build(&reply_to, &request),
            _ => {}
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page keeps it; so does its handler.
    on_message.forget();
    // Messages that arrive before the handler is set are lost, so the page waits for this.
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

#[cfg(target_arch = "wasm32")]
fn read_page(scope: &web_sys::DedicatedWorkerGlobalScope, request: &js_sys::Array) {
    use js_sys::{Array, Uint8Array};
    use parallax_engine::load::{article, FileForm};
    use wasm_bindgen::JsValue;

    let name = request.get(1).as_string().unwrap_or_default();
    let bytes = Uint8Array::new(&request.get(2)).to_vec();
    let tag = JsValue::from_str("page");
    let reply = match article(&name, FileForm::Html, bytes) {
        Ok(text) => Array::of3(
            &tag,
            &JsValue::from_str(&name),
            &Uint8Array::from(&text[..]),
        ),
        Err(d) => Array::of4(
            &tag,
            &JsValue::from_str(&name),
            &JsValue::NULL,
            &JsValue::from_str(&d.message),
        ),
    };
    let _ = scope.post_message(&reply);
}

/// How often, in milliseconds of work, the worker says how far it has come.
#[cfg(target_arch = "wasm32")]
const PROGRESS_EVERY_MS: f64 = 50.0;

#[cfg(target_arch = "wasm32")]
fn build(scope: &web_sys::DedicatedWorkerGlobalScope, request: &js_sys::Array) {
    use js_sys::{Array, Uint8Array};
    use parallax_engine::{Builder, Diagnostic, Input};
    use wasm_bindgen::JsValue;

    let names = Array::from(&request.get(1));
    let texts = Array::from(&request.get(2));
    let inputs: Vec<Input> = (0..names.length())
        .map(|i| Input {
            file: names.get(i).as_string().unwrap_or_default(),
            bytes: Uint8Array::new(&texts.get(i)).to_vec(),
        })
        .collect();
    let refused: Vec<Diagnostic> = request
        .get(3)
        .as_string()
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default();
    let built = request.get(4).as_string().unwrap_or_default();
    let progress = |stage: u32, done: usize, total: usize| {
        let _ = scope.post_message(&Array::of4(
            &JsValue::from_str("progress"),
            &JsValue::from(stage),
            &JsValue::from(done as u32),
            &JsValue::from(total as u32),
        ));
    };
    let now = js_sys::Date::now;
    // The packed corpus travels beside these articles (the page has them): their texts are
    // written as their file names, not again.
    let beside = inputs.clone();
    let mut builder = Builder::new(inputs, refused);
    let total = builder.total();
    let mut said = now();
    progress(0, 0, total);
    while builder.done() < total {
        builder.parse_next(1);
        if now() - said > PROGRESS_EVERY_MS {
            progress(0, builder.done(), total);
            said = now();
        }
    }
    progress(1, total, total);
    let corpus = builder.finish();
    match parallax_engine::packed::pack_beside(&corpus, &built, &beside) {
        Ok(bytes) => {
            let packed = Uint8Array::from(&bytes[..]);
            let reply = Array::of2(&JsValue::from_str("built"), &packed);
            let _ = scope.post_message_with_transfer(&reply, &Array::of1(&packed.buffer()));
        }
        Err(why) => {
            let reply = Array::of2(&JsValue::from_str("failed"), &JsValue::from_str(&why));
            let _ = scope.post_message(&reply);
        }
    }
}

/// Natively there is nothing to run: `parallax export` reads pages itself.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
