//! What a reader sees if the page itself breaks: a box that says so, with a report to send.
//!
//! A panic in wasm stops the app for good; without this the reader is left with a page that
//! silently ignores them. The box is built with plain DOM calls from the panic hook (the app
//! cannot render any more) and every piece of text in it is set as text, never as markup.

use wasm_bindgen::JsCast;

/// The panic hook: the message in the console (for developers) and the box (for readers).
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
}

/// The text a reader is asked to send: what broke, where, and which build.
fn report(message: &str) -> String {
    let location = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let agent = web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .unwrap_or_default();
    format!(
        "Parallax stopped with an error.\n\nError: {message}\nPage: {location}\nBuilt: {}\nBrowser: {agent}\n",
        env!("PARALLAX_BUILD_DATE")
    )
}

fn show(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    // Once is enough: a second panic while the first is shown changes nothing.
    if document.get_element_by_id("crash").is_some() {
        return;
    }
    let report = report(message);
    let element = |tag: &str, text: &str| {
        document.create_element(tag).ok().inspect(|e| {
            if !text.is_empty() {
                e.set_text_content(Some(text));
            }
        })
    };
    let Some(panel) = element("section", "") else {
        return;
    };
    panel.set_id("crash");
    let _ = panel.set_attribute("role", "alert");
    let _ = panel.set_attribute("class", "crash");
    let _ = panel.set_attribute("aria-labelledby", "crash-title");
    let _ = panel.set_attribute("tabindex", "-1");
    let mut parts = Vec::new();
    if let Some(h) = element("h2", "Parallax stopped working") {
        h.set_id("crash-title");
        parts.push(h);
    }
    parts.extend(element(
        "p",
        "Something went wrong inside the page and it cannot go on. Nothing you opened has been \
         changed or sent anywhere. Reload the page to start again.",
    ));
    parts.extend(element(
        "p",
        "To help fix it, send this report to whoever shared the page with you:",
    ));
    if let Some(text) = element("textarea", "") {
        let _ = text.set_attribute("readonly", "");
        let _ = text.set_attribute("rows", "7");
        let _ = text.set_attribute("aria-label", "Error report");
        if let Some(area) = text.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            area.set_value(&report);
        }
        parts.push(text);
    }
    if let Some(actions) = element("p", "") {
        if let Some(mail) = element("a", "Email this report") {
            let href = format!(
                "mailto:?subject={}&body={}",
                String::from(js_sys::encode_uri_component(
                    "Parallax stopped with an error"
                )),
                String::from(js_sys::encode_uri_component(&report))
            );
            let _ = mail.set_attribute("href", &href);
            let _ = mail.set_attribute("class", "crash-mail");
            let _ = actions.append_child(&mail);
        }
        parts.push(actions);
    }
    for part in &parts {
        let _ = panel.append_child(part);
    }
    let _ = body.prepend_with_node_1(&panel);
    if let Some(panel) = panel.dyn_ref::<web_sys::HtmlElement>() {
        let _ = panel.focus();
    }
}

/// Panics on purpose, so the browser tests can show the box is there when the page breaks.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn crash_for_test() {
    panic!("a deliberate crash to test the error box");
}
