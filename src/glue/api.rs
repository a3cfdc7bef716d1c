//! The one place the app talks to the network: the index of reports and one report file, both by
//! URLs relative to the page, so the app works from any sub-path.

use std::fmt;
use std::sync::Arc;

use gloo_net::http::Request;
use wasm_bindgen::{JsCast, JsValue};

use crate::core::dataset::{self, Dataset};
use crate::core::filter::SearchIndex;
use crate::core::first_page;
use crate::core::load::{self, LoadError};
use crate::core::model::Lang;
use crate::glue::browser;

pub use crate::core::dataset::INDEX_URL;

#[derive(Clone, Debug, PartialEq)]
pub enum FetchError {
    /// The request did not complete (offline, connection dropped, blocked).
    Network { url: String, message: String },
    /// The server answered with an error status.
    Status { url: String, status: u16 },
    /// The file arrived but is not a usable index or report.
    Invalid { url: String, error: LoadError },
    /// The link names a report the index does not list.
    UnknownReport { id: String },
}

impl FetchError {
    pub fn describe(&self, lang: Lang) -> String {
        match (self, lang) {
            (FetchError::Network { url, message }, Lang::Zh) => {
                format!("无法连接服务器（{url}）：{message}。请检查网络后重试。")
            }
            (FetchError::Network { url, message }, Lang::En) => {
                format!("Could not reach the server ({url}): {message}. Check the connection and try again.")
            }
            (FetchError::Status { url, status }, Lang::Zh) => {
                format!("服务器返回错误 {status}（{url}）。")
            }
            (FetchError::Status { url, status }, Lang::En) => {
                format!("The server answered {status} for {url}.")
            }
            (FetchError::Invalid { url, error }, Lang::Zh) => {
                format!("数据文件 {url} 无法读取：{error}")
            }
            (FetchError::Invalid { url, error }, Lang::En) => {
                format!("The data file {url} cannot be read: {error}")
            }
            (FetchError::UnknownReport { id }, Lang::Zh) => format!("没有编号为“{id}”的报道。"),
            (FetchError::UnknownReport { id }, Lang::En) => format!("There is no report “{id}”."),
        }
    }
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

/// A file's body as it arrives, chunk by chunk: a large file's first page can be drawn from its
/// start while the rest is still coming. The chunks stay in the browser's memory until the whole
/// is in, then are copied into the app at once (no copy grown step by step before the first page).
struct Body {
    url: String,
    reader: Option<web_sys::ReadableStreamDefaultReader>,
    chunks: Vec<js_sys::Uint8Array>,
    received: usize,
    /// When the answer came (ms, the page's clock).
    since: f64,
}

impl Body {
    async fn open(url: &str) -> Result<Body, FetchError> {
        let resp = match browser::early_response(url).await {
            Some(resp) => resp,
            None => Request::get(url)
                .send()
                .await
                .map_err(|e| network(url, e.to_string()))?
                .into(),
        };
        if !resp.ok() {
            return Err(FetchError::Status {
                url: url.to_string(),
                status: resp.status(),
            });
        }
        let reader = resp
            .body()
            .map(|stream| stream.get_reader().unchecked_into());
        Ok(Body {
            url: url.to_string(),
            reader,
            chunks: Vec::new(),
            received: 0,
            since: js_sys::Date::now(),
        })
    }

    /// Read the next chunk; `false` once the body has ended.
    async fn more(&mut self) -> Result<bool, FetchError> {
        let Some(reader) = &self.reader else {
            return Ok(false);
        };
        let js = |e: JsValue| network(&self.url, browser::error_text(&e));
        let next = wasm_bindgen_futures::JsFuture::from(reader.read())
            .await
            .map_err(js)?;
        let done = js_sys::Reflect::get(&next, &"done".into()).map_err(js)?;
        if done.is_truthy() {
            self.reader = None;
            return Ok(false);
        }
        let chunk: js_sys::Uint8Array = js_sys::Reflect::get(&next, &"value".into())
            .map_err(js)?
            .unchecked_into();
        self.received += chunk.length() as usize;
        self.chunks.push(chunk);
        Ok(true)
    }

    /// The first `n` bytes read so far (fewer if fewer are in).
    fn start(&self, n: usize) -> Vec<u8> {
        let mut out = vec![0; n.min(self.received)];
        copy_chunks(&self.chunks, &mut out);
        out
    }

    /// Milliseconds since the answer came.
    fn elapsed(&self) -> f64 {
        js_sys::Date::now() - self.since
    }

    /// The whole body as text. Bytes decoded here: for a large file much faster than the
    /// browser's UTF-16 string copied into wasm again as UTF-8.
    async fn text(mut self) -> Result<String, FetchError> {
        while self.more().await? {}
        let mut bytes = vec![0; self.received];
        copy_chunks(&self.chunks, &mut bytes);
        drop(self.chunks);
        load::utf8(bytes).map_err(|error| FetchError::Invalid {
            url: self.url,
            error,
        })
    }
}

/// Fill `out` from the start of `chunks`, in order.
fn copy_chunks(chunks: &[js_sys::Uint8Array], out: &mut [u8]) {
    let mut at = 0;
    for chunk in chunks {
        if at == out.len() {
            break;
        }
        let n = (chunk.length() as usize).min(out.len() - at);
        chunk.subarray(0, n as u32).copy_to(&mut out[at..at + n]);
        at += n;
    }
}

fn network(url: &str, message: String) -> FetchError {
    FetchError::Network {
        url: url.to_string(),
        message,
    }
}

/// Records parsed, checked or indexed between two looks at the clock.
const STEP: usize = 250;
/// Milliseconds of work between two yields to the browser: well under a frame's worth of a
/// long task, and few enough yields that their own delay (a timer, ≥4 ms once nested) is small.
const SLICE_MS: f64 = 40.0;
/// Fetch the index, then the report the link asks for (the first listed by default). A large
/// report is read in steps, telling `progress` how far it is (0 to 1), so the page stays
/// responsive and shows how far loading has got. `stamp`: take the files' [`dataset::stamp`], to
/// compare with the page the build rendered (a pass over every byte: only when it is needed).
/// `first_page`: given, for a large or slow file ([`first_page::worth_showing`]) whose start holds
/// a first page to show ([`first_page::first_page`]), that page, drawn and painted while the rest
/// arrives and before it is read.
pub async fn load(
    report: Option<String>,
    progress: impl Fn(f64),
    stamp: bool,
    first_page: Option<impl FnOnce(Arc<Dataset>)>,
) -> Result<Arc<Dataset>, FetchError> {
    let index_text = Body::open(INDEX_URL).await?.text().await?;
    let index = load::load_index(&index_text).map_err(|error| FetchError::Invalid {
        url: INDEX_URL.to_string(),
        error,
    })?;
    let entry = dataset::choose_entry(&index, report.as_deref())
        .map_err(|id| FetchError::UnknownReport { id })?
        .clone();
    let url = dataset::resolve(INDEX_URL, &entry.href);
    let mut body = Body::open(&url).await?;
    let mut first_page = first_page;
    while body.more().await? {
        if first_page.is_none() || !first_page::worth_showing(body.received, body.elapsed()) {
            continue;
        }
        let show = first_page.take().expect("checked above");
        if let Some(page) = first_page::first_page(&body.start(first_page::PREFIX_BYTES)) {
            show(Arc::new(Dataset::first_page(
                index.clone(),
                entry.clone(),
                page,
            )));
            // Let it be painted before the long work on the whole file begins (the rest of
            // the file comes in meanwhile).
            browser::after_paint().await;
            // And whatever that paint set going, before the long work.
            browser::yield_to_browser().await;
        }
    }
    let text = body.text().await?;
    let mut loader =
        load::Loader::new(&text).map_err(|error| FetchError::Invalid { url, error })?;
    let mut slice = Slice::start();
    while !loader.step(STEP) {
        slice.maybe_yield(|| progress(loader.progress())).await;
    }
    let loaded = loader.finish();
    let stamp = stamp.then(|| dataset::stamp(&index_text, &text));
    let ds = Arc::new(Dataset::new(index, entry, loaded, stamp));
    // The page is drawn in a task of its own, not in the one that read the file.
    browser::yield_to_browser().await;
    Ok(ds)
}

/// Build the search index in slices after the first cards are drawn, and hand it to the
/// dataset (a search typed before it is ready builds it at once instead).
pub async fn index_in_background(ds: Arc<Dataset>) {
    // Called from an animation frame: this lets that frame be painted first.
    browser::yield_to_browser().await;
    let mut search = SearchIndex::default();
    let mut slice = Slice::start();
    for chunk in ds.report.highlights.chunks(STEP) {
        if ds.has_search() {
            return;
        }
        search.extend(chunk);
        slice.maybe_yield(|| ()).await;
    }
    ds.offer_search(search);
}

/// Work done since the last yield to the browser.
struct Slice(f64);

impl Slice {
    fn start() -> Slice {
        Slice(js_sys::Date::now())
    }

    /// Yield if this slice has run its time, saying how far the work is first.
    async fn maybe_yield(&mut self, report: impl FnOnce()) {
        if js_sys::Date::now() - self.0 >= SLICE_MS {
            report();
            browser::yield_to_browser().await;
            self.0 = js_sys::Date::now();
        }
    }
}
