//! The dataset's types. They mirror `public/data/schema.json` field for field; serde does the
//! shape checks, `crate::core::validate` the checks a schema cannot express (references, quotes, sums).

mod highlight;
mod metric;
mod report;
mod text;
pub mod units;

pub use highlight::{Highlight, Kind, Place, Quote, Status};
pub use metric::{Change, Derived, Metric, Qualifier};
pub use report::{
    Block, BlockKind, Chapter, ChartDef, ChartSeries, KeyFigure, Meta, MetricStyle, NonFigure,
    Report, ReportEntry, ReportIndex, Source, Theme, Unhighlighted,
};
pub use text::{Lang, Text};
pub use units::BaseUnit;
