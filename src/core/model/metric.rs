use serde::{Deserialize, Serialize};

use super::{BaseUnit, Text};

/// How the report qualifies a value. A "more than" value is never shown as a plain number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// The value as printed, e.g. 「49条」.
    Exact,
    /// 「余」「多」「超」: more than the value, e.g. 「3000余场」 is shown as 3000+.
    MoreThan,
    /// 「以上」: the value or more, e.g. 「100万元以上」.
    AtLeast,
    /// A place in a ranking, e.g. 「全市第一」; `value` is the place.
    Rank,
    /// 「约」「近」「左右」, or a derived value that was rounded: shown with 「约」 / "about" or 「≈」.
    Approx,
}

/// Which way a printed change goes: 「同比增长1.92%」 is up. Shown as a signed figure (▲ 增长),
/// never by colour alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// 增长 / 增加 / 提高 / 上升
    Up,
    /// 下降 / 减少 / 降低
    Down,
}

/// A value computed from other metrics rather than printed in the report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Derived {
    /// An arithmetic expression over `{highlight-id/metric-id}` references, e.g.
    /// `{industrial-output/output} / (1 + {industrial-output/growth} / 100)`.
    pub formula: String,
    /// Decimal places the result is rounded to; validation recomputes and compares.
    pub decimals: u8,
    /// How the formula reads to a person.
    pub explanation: Text,
}

/// One figure of a highlight.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metric {
    /// Unique within its highlight; referenced as `highlight-id/metric-id`.
    pub id: String,
    pub label: Text,
    /// The value exactly as the report prints it (found verbatim in a quote); absent when derived.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub printed: Option<String>,
    pub value: f64,
    /// The unit as printed: 亿元, 万元, 万人, 人, 家, 个, 条, 场, 张, 户, 名, 平方米, % …
    pub unit: String,
    /// `value` in the base unit (yuan, persons, m² …), for charts.
    pub base_value: f64,
    pub base_unit: BaseUnit,
    pub qualifier: Qualifier,
    /// For ranks: the field ranked in, e.g. 「全市」.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub derived: Option<Derived>,
    /// What the number counts, as a slug (`care-centres`, `new-designated-firms`): two metrics
    /// share a chart only if they count the same thing in the same base unit. Needed by every
    /// metric a chart draws or a `part_of` names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counts: Option<String>,
    /// `highlight-id/metric-id` of the whole this metric is a part of, as the report states with
    /// 「其中」 (4 of the 20 villages). Only such parts may be combined by a derived formula.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<String>,
    /// For a printed change (同比增长 / 下降): which way it goes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<Change>,
}
