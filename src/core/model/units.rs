//! Units as the report prints them, and how each converts to a base unit that charts can compare.

use serde::{Deserialize, Serialize};

/// What a base value counts. Charts only put metrics of one base unit on one axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BaseUnit {
    Yuan,
    Person,
    SquareMetre,
    Percent,
    /// A count of things (enterprises, events, villages, beds …); the metric's label names them.
    Item,
    /// A place in a ranking: 1 is first.
    Rank,
    /// A span of time in years.
    Year,
}

/// (printed unit, multiplier to the base unit, base unit)
const UNITS: &[(&str, f64, BaseUnit)] = &[
    ("亿元", 1e8, BaseUnit::Yuan),
    ("万元", 1e4, BaseUnit::Yuan),
    ("元", 1.0, BaseUnit::Yuan),
    ("万人", 1e4, BaseUnit::Person),
    ("人", 1.0, BaseUnit::Person),
    ("名", 1.0, BaseUnit::Person),
    ("万平方米", 1e4, BaseUnit::SquareMetre),
    ("平方米", 1.0, BaseUnit::SquareMetre),
    ("%", 1.0, BaseUnit::Percent),
    ("年", 1.0, BaseUnit::Year),
    ("家", 1.0, BaseUnit::Item),
    ("个", 1.0, BaseUnit::Item),
    ("条", 1.0, BaseUnit::Item),
    ("场", 1.0, BaseUnit::Item),
    ("张", 1.0, BaseUnit::Item),
    ("户", 1.0, BaseUnit::Item),
    ("项", 1.0, BaseUnit::Item),
    ("大", 1.0, BaseUnit::Item),
    ("位", 1.0, BaseUnit::Rank),
];

/// The multiplier and base unit of a printed unit, or `None` for a unit the app does not know.
pub fn lookup(unit: &str) -> Option<(f64, BaseUnit)> {
    UNITS
        .iter()
        .find(|(u, _, _)| *u == unit)
        .map(|&(_, m, b)| (m, b))
}

pub fn known_units() -> impl Iterator<Item = &'static str> {
    UNITS.iter().map(|(u, _, _)| *u)
}

/// `value` in the base unit of `unit`, and that base unit; `None` for a unit the app does not
/// know.
pub fn to_base(value: f64, unit: &str) -> Option<(f64, BaseUnit)> {
    lookup(unit).map(|(mult, base)| (tidy(value * mult), base))
}

/// Undo binary floating-point noise: 12.34 × 1e8 is 1234000000, not 1234000000.0000002.
pub fn tidy(x: f64) -> f64 {
    let r = x.round();
    if (x - r).abs() <= 1e-6 * x.abs().max(1.0) {
        return r;
    }
    crate::core::decimal::round_significant(x, 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_values_are_tidy() {
        assert_eq!(
            to_base(12.34, "亿元"),
            Some((1_234_000_000.0, BaseUnit::Yuan))
        );
        assert_eq!(to_base(6.6, "万元"), Some((66_000.0, BaseUnit::Yuan)));
        assert_eq!(to_base(1.92, "%"), Some((1.92, BaseUnit::Percent)));
        assert_eq!(to_base(3.0, "辆"), None);
    }
}
