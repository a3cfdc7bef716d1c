use serde::{Deserialize, Serialize};

use super::{Metric, Text};

/// What sort of highlight a record is; the reader filters by it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A figure the report gives (output, jobs, beds …).
    Figure,
    /// A named recognition or ranking (全市第一, a provincial model village, national press).
    Recognition,
    /// A named initiative, brand, workshop or working method.
    Initiative,
    /// A construction project, with its status.
    Project,
    /// A service introduced for residents.
    Service,
    /// A person's story or words (兰永珍, 张奶奶), told as the report tells it.
    Story,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Figure,
        Kind::Recognition,
        Kind::Initiative,
        Kind::Project,
        Kind::Service,
        Kind::Story,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Kind::Figure => "figure",
            Kind::Recognition => "recognition",
            Kind::Initiative => "initiative",
            Kind::Project => "project",
            Kind::Service => "service",
            Kind::Story => "story",
        }
    }

    pub fn from_code(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn label(self) -> Text {
        match self {
            Kind::Figure => Text::new("数据", "Figures"),
            Kind::Recognition => Text::new("荣誉与排名", "Recognitions"),
            Kind::Initiative => Text::new("举措与品牌", "Initiatives"),
            Kind::Project => Text::new("项目", "Projects"),
            Kind::Service => Text::new("服务", "Services"),
            Kind::Story => Text::new("人物故事", "People"),
        }
    }
}

/// Where a project stands, in the report's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// 已完工 / 投入使用
    Completed,
    /// 已开工建设
    UnderConstruction,
    /// 已完成图纸设计
    DesignFinished,
}

impl Status {
    pub const ALL: [Status; 3] = [
        Status::Completed,
        Status::UnderConstruction,
        Status::DesignFinished,
    ];

    pub fn label(self) -> Text {
        match self {
            Status::Completed => Text::new("已完工", "Completed"),
            Status::UnderConstruction => Text::new("已开工", "Construction started"),
            Status::DesignFinished => Text::new("已完成设计", "Design finished"),
        }
    }
}

/// A place the highlight names: a village, a road, a site.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    pub zh: String,
    /// Pinyin, with the Chinese kept beside it by the view.
    pub en: String,
}

/// A verbatim sentence (or part of one) of the report that a highlight comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    pub text: String,
    /// Index into `source.blocks` of the reflowed paragraph that holds it.
    pub block: usize,
    /// Offset in characters (Unicode scalar values) of the quote within that block's text.
    pub offset: usize,
    /// First and last line of the raw source text that the quote spans (1-based, inclusive).
    pub lines: [u32; 2],
}

/// One highlight of the report: what a card shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Highlight {
    /// Stable, URL-safe id (`[a-z0-9-]+`); shared links name highlights by it.
    pub id: String,
    /// Ids this highlight had before, so links shared then still open it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    pub chapter: String,
    pub theme: String,
    pub kind: Kind,
    pub title: Text,
    pub summary: Text,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<Place>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    pub quotes: Vec<Quote>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub metrics: Vec<Metric>,
}
