//! Thin glue to the browser's location and history. The URL is the single source of truth: the
//! app reads its state from here and writes every change back as a history entry.

use crate::core::model::Lang;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The current query string, with its `?`.
pub fn current_query() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Make `query` (canonical, without `?`) the page's URL; `push` adds a history entry so Back
/// returns to the previous view, otherwise the current entry is replaced.
pub fn set_query(query: &str, push: bool) {
    let Some(w) = window() else { return };
    let path = w.location().pathname().unwrap_or_default();
    let url = if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    };
    if let Ok(history) = w.history() {
        let _ = if push {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        };
    }
}

/// Keep `<html lang>` (and so screen readers and fonts) in step with the page's language.
pub fn set_document_lang(lang: Lang) {
    set_document_flag("lang", Some(lang.html_lang()));
}

/// Set or remove an attribute of `<html>`; the stylesheet keys 关怀模式 and the colour scheme on
/// these, so the whole page (and its first paint) follows.
pub fn set_document_flag(name: &str, value: Option<&str>) {
    if let Some(el) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        // Chromium restyles and lays out the whole page on some writes even of the value an
        // attribute has (`lang`: 15 ms here, ~60 ms on a slow phone, inside the hydrating task).
        if el.get_attribute(name).as_deref() == value {
            return;
        }
        let _ = match value {
            Some(v) => el.set_attribute(name, v),
            None => el.remove_attribute(name),
        };
    }
}

/// The host's accent colour (already checked for contrast), or the page's own.
pub fn set_accent(hex: Option<&str>) {
    use wasm_bindgen::JsCast;
    let Some(el) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    // CSSOM, not a style attribute: allowed under style-src 'self'.
    let style = el.style();
    let _ = match hex {
        Some(h) => style.set_property("--host-accent", &format!("#{h}")),
        None => style.remove_property("--host-accent").map(|_| ()),
    };
    // The stylesheet uses it in light colours only; dark keeps its own light accent.
    set_document_flag("data-host-accent", hex.map(|_| "1"));
}

/// Whether the reader's system asks for dark colours.
pub fn system_dark() -> bool {
    window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Whether the page is showing dark colours now: its own setting, else the system's.
pub fn is_dark() -> bool {
    let Some(w) = window() else { return false };
    let doc_scheme = w
        .document()
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("data-scheme"));
    match doc_scheme.as_deref() {
        Some("dark") => true,
        Some(_) => false,
        None => system_dark(),
    }
}

pub fn set_title(title: &str) {
    if let Some(d) = window().and_then(|w| w.document()) {
        d.set_title(title);
    }
}

/// The search box under `root`, if it is drawn.
fn search_box(root: &web_sys::Element) -> Option<web_sys::HtmlInputElement> {
    use wasm_bindgen::JsCast;
    root.query_selector("input[type=search]")
        .ok()
        .flatten()?
        .dyn_into()
        .ok()
}

/// What the reader typed into the search box of the page in the HTML before the app was live,
/// and whether the box still has the focus. That page is replaced when the app draws a link's
/// view (and its box is not yet the app's when it hydrates), so the typing is carried over.
pub fn typed_search(root: &web_sys::Element) -> Option<(String, bool)> {
    let input = search_box(root)?;
    let value = input.value();
    if value.trim().is_empty() {
        return None;
    }
    let focused = window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .is_some_and(|a| a == **input);
    Some((value, focused))
}

/// Give the page's search box the focus, the caret after its text, once it is drawn (a view
/// drawn fresh comes in a few tasks; after 60 of them, give up).
pub async fn focus_search(root: web_sys::Element) {
    for _ in 0..60 {
        if let Some(input) = search_box(&root) {
            let _ = input.focus();
            let end = input.value().encode_utf16().count() as u32;
            let _ = input.set_selection_range(end, end);
            return;
        }
        yield_to_browser().await;
    }
}

/// Shown when Rust panics: the reactive view may be gone, so this writes plain DOM, the message
/// escaped (never read as HTML).
pub fn show_fatal(message: &str) {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = doc.body() else { return };
    // A second fault adds its message to the panel already shown.
    let line = format!("<p>{}</p>", crate::core::format::html_escape(message));
    if let Ok(Some(panel)) = doc.query_selector(".fatal") {
        let _ = panel.insert_adjacent_html("beforeend", &line);
        return;
    }
    // Parsed HTML, not createElement: the fault may be that the page's DOM calls now throw.
    let _ = body.insert_adjacent_html(
        "afterbegin",
        &format!(
            "<div class=\"fatal\" role=\"alert\"><strong>页面出现内部错误。The page hit an \
             internal error.</strong>{line}<a href=\"\">重新载入页面 · Reload the page</a></div>"
        ),
    );
}

/// The messages an embedded page sends its parent (documented in the README): its content height
/// on load and on every change, and its current view, so a portal can size the iframe and keep a
/// deep link of its own.
#[derive(serde::Serialize)]
struct EmbedMessage<'a> {
    source: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    height: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    query: Option<&'a str>,
}

fn post_to_parent(msg: &EmbedMessage) {
    let Some(w) = window() else { return };
    let Ok(Some(parent)) = w.parent() else { return };
    let Ok(json) = serde_json::to_string(msg) else {
        return;
    };
    if let Ok(value) = js_sys::JSON::parse(&json) {
        // The message holds nothing private (a height, a public link), so any parent may read it.
        let _ = parent.post_message(&value, "*");
    }
}

/// Tell the parent the view changed (its canonical query string, without `?`).
pub fn post_view(query: &str) {
    post_to_parent(&EmbedMessage {
        source: "xixi-highlights",
        kind: "view",
        height: None,
        query: Some(query),
    });
}

/// Watch the app's height and tell the parent whenever it changes.
pub fn report_height_to_parent() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(doc) = window().and_then(|w| w.document()) else {
        return;
    };
    let Some(app) = doc.get_element_by_id("app") else {
        return;
    };
    let last = std::cell::Cell::new(0u32);
    let measure = {
        let app = app.clone();
        move || {
            // The bottom edge, not the height: a child's top margin can push #app down.
            let scroll = window().and_then(|w| w.scroll_y().ok()).unwrap_or(0.0);
            let h = (app.get_bounding_client_rect().bottom() + scroll).ceil() as u32;
            if h != last.replace(h) {
                post_to_parent(&EmbedMessage {
                    source: "xixi-highlights",
                    kind: "height",
                    height: Some(h),
                    query: None,
                });
            }
        }
    };
    measure();
    let callback = Closure::<dyn FnMut()>::new(measure);
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&app);
    }
    // The observer lives as long as the page.
    callback.forget();
}

/// Watches an element and calls back whenever it comes within a screen of the viewport. Dropping
/// it stops the watching and frees the callback (lists are rebuilt on every filter change, so
/// nothing here may outlive its list).
pub struct NearViewport {
    observer: web_sys::IntersectionObserver,
    _callback:
        wasm_bindgen::closure::Closure<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>,
}

impl Drop for NearViewport {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Call `near` whenever `el` comes within a screen of the viewport, and again after each call
/// while it stays there (it is observed afresh, which reports its state once more). `None` where
/// the browser has no IntersectionObserver: the button it watches still works by hand.
pub fn when_near_viewport(
    el: &web_sys::Element,
    mut near: impl FnMut() + 'static,
) -> Option<NearViewport> {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let target = el.clone();
    let callback = Closure::<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>::new(
        move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
            let hit = entries.iter().any(|e| {
                e.unchecked_into::<web_sys::IntersectionObserverEntry>()
                    .is_intersecting()
            });
            if hit {
                near();
                observer.unobserve(&target);
                observer.observe(&target);
            }
        },
    );
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin("100% 0px");
    let observer = web_sys::IntersectionObserver::new_with_options(
        callback.as_ref().unchecked_ref(),
        &options,
    )
    .ok()?;
    observer.observe(el);
    Some(NearViewport {
        observer,
        _callback: callback,
    })
}

/// Whether `el` lies in a chapter the browser skips drawing for now (`content-visibility: auto` in
/// the stylesheet: off the screen); if so, `drawn` is called once that chapter is drawn. Asking
/// such an element for its size would make the browser lay the whole chapter out at once. `false`
/// where the browser cannot tell (no `checkVisibility`) or would not say when the chapter is
/// drawn (no `contentvisibilityautostatechange`): the element is treated as drawn.
pub fn wait_until_drawn(el: &web_sys::Element, drawn: impl FnOnce() + 'static) -> bool {
    use wasm_bindgen::JsCast;
    let Ok(Some(chapter)) = el.closest(".chapter") else {
        return false;
    };
    if !js_sys::Reflect::has(&chapter, &"oncontentvisibilityautostatechange".into())
        .unwrap_or(false)
    {
        return false;
    }
    let Some(check) = js_sys::Reflect::get(el, &"checkVisibility".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return false;
    };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"contentVisibilityAuto".into(), &true.into());
    let visible = check
        .call1(el, &options)
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(true);
    if visible {
        return false;
    }
    // The chapter's next change of state is to drawn: it is skipped now.
    let listen = web_sys::AddEventListenerOptions::new();
    listen.set_once(true);
    let callback = wasm_bindgen::closure::Closure::once_into_js(drawn);
    chapter
        .add_event_listener_with_callback_and_add_event_listener_options(
            "contentvisibilityautostatechange",
            callback.unchecked_ref(),
            &listen,
        )
        .is_ok()
}

/// What a failed browser call said: an `Error`'s message, or the thrown value as text.
pub fn error_text(e: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "the browser gave no reason".into())
}

/// The answer to `url` (relative to the page) that the page's loader asked for before the app
/// started (`xixiEarly`, see `.ci/csp-loader.py`), taken once: a later request asks anew. `None`
/// when it asked for none or its request failed.
pub async fn early_response(url: &str) -> Option<web_sys::Response> {
    use wasm_bindgen::JsCast;
    let page = window()?.location().href().ok()?;
    let href: wasm_bindgen::JsValue = web_sys::Url::new_with_base(url, &page).ok()?.href().into();
    let early: js_sys::Map = js_sys::Reflect::get(&js_sys::global(), &"xixiEarly".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let asked: js_sys::Promise = early.get(&href).dyn_into().ok()?;
    early.delete(&href);
    let answer = wasm_bindgen_futures::JsFuture::from(asked).await.ok()?;
    answer.dyn_into().ok()
}

/// Let the browser paint and handle input before going on (a zero-delay timer, so also in a
/// background tab, where animation frames stop).
pub async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let queued = window().is_some_and(|w| w.set_timeout_with_callback(&resolve).is_ok());
        if !queued {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Wait until what is on the page now has been painted: the next animation frame, then a task
/// after it; at most a quarter second (a background tab has no frames).
pub async fn after_paint() {
    use wasm_bindgen::JsCast;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Some(w) = window() else {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            return;
        };
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 250);
        let after_frame = wasm_bindgen::closure::Closure::once_into_js(move || {
            if let Some(w) = window() {
                let _ = w.set_timeout_with_callback(&resolve);
            }
        });
        let _ = w.request_animation_frame(after_frame.unchecked_ref());
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Offer `content` as a file download (a Blob URL, so nothing leaves the page).
pub fn download_text(filename: &str, mime: &str, content: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    download_url(filename, &url);
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Follow `url` as a download named `filename`.
pub fn download_url(filename: &str, url: &str) {
    use wasm_bindgen::JsCast;
    let Some(doc) = window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(a) = doc.create_element("a") else {
        return;
    };
    let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() else {
        return;
    };
    a.set_href(url);
    a.set_download(filename);
    a.click();
}

/// The page's address (origin and path) as the reader sees it.
pub fn page_url() -> String {
    window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// Call `navigator.<object>.<method>(arg)` or `navigator.<method>(arg)` if the browser has it;
/// `false` when it does not (older browsers, WeChat's, insecure pages).
fn call_navigator(object: Option<&str>, method: &str, arg: &wasm_bindgen::JsValue) -> bool {
    use wasm_bindgen::JsCast;
    let Some(w) = window() else { return false };
    let mut target: wasm_bindgen::JsValue = w.navigator().into();
    if let Some(o) = object {
        target =
            js_sys::Reflect::get(&target, &o.into()).unwrap_or(wasm_bindgen::JsValue::UNDEFINED);
    }
    let Ok(f) = js_sys::Reflect::get(&target, &method.into()) else {
        return false;
    };
    let Some(f) = f.dyn_ref::<js_sys::Function>() else {
        return false;
    };
    f.call1(&target, arg).is_ok()
}

/// Put `text` on the clipboard: the Clipboard API where there is one, else the old
/// select-and-copy on a hidden field.
pub fn copy_text(text: &str) -> bool {
    if call_navigator(Some("clipboard"), "writeText", &text.into()) {
        return true;
    }
    use wasm_bindgen::JsCast;
    let Some(doc) = window().and_then(|w| w.document()) else {
        return false;
    };
    let Some(body) = doc.body() else { return false };
    let Ok(el) = doc.create_element("textarea") else {
        return false;
    };
    let Ok(area) = el.dyn_into::<web_sys::HtmlTextAreaElement>() else {
        return false;
    };
    area.set_value(text);
    let _ = area.set_attribute("readonly", "");
    let _ = body.append_child(&area);
    area.select();
    let ok = doc
        .dyn_ref::<web_sys::HtmlDocument>()
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false);
    area.remove();
    ok
}

/// Open the system's share sheet (Web Share API) where the browser has one.
pub fn can_share() -> bool {
    window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"share".into()).ok())
        .is_some_and(|f| f.is_function())
}

pub fn share(title: &str, url: &str) -> bool {
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    let _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
    call_navigator(None, "share", &data.into())
}
