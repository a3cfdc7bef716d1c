//! The one place the app talks to the network: the index of reports and one report file, both by
//! URLs relative to the page, so the app works from any sub-path.

use std::fmt;
use std::sync::Arc;

use gloo_net::http::Request;

use crate::dataset::{self, Dataset};
use crate::load::{self, LoadError};
use crate::model::Lang;

pub const INDEX_URL: &str = "reports.json";

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

async fn fetch_text(url: &str) -> Result<String, FetchError> {
    let net = |e: gloo_net::Error| FetchError::Network {
        url: url.to_string(),
        message: e.to_string(),
    };
    let resp = Request::get(url).send().await.map_err(net)?;
    if !resp.ok() {
        return Err(FetchError::Status {
            url: url.to_string(),
            status: resp.status(),
        });
    }
    resp.text().await.map_err(net)
}

/// Fetch the index, then the report the link asks for (the first listed by default).
pub async fn load(report: Option<String>) -> Result<Arc<Dataset>, FetchError> {
    let text = fetch_text(INDEX_URL).await?;
    let index = load::load_index(&text).map_err(|error| FetchError::Invalid {
        url: INDEX_URL.to_string(),
        error,
    })?;
    let entry = dataset::choose_entry(&index, report.as_deref())
        .map_err(|id| FetchError::UnknownReport { id })?
        .clone();
    let url = dataset::resolve(INDEX_URL, &entry.href);
    let text = fetch_text(&url).await?;
    let loaded = load::load_report(&text).map_err(|error| FetchError::Invalid { url, error })?;
    Ok(Arc::new(Dataset::new(index, entry, loaded)))
}
