//! Numbers the way each language reads them. In Chinese a printed value reads as the report prints
//! it (「12.34亿元」「3000余场」「6.6万余元」); in English "1.234 billion yuan", "3,000+". A
//! 「余/多/超」 value always keeps its qualifier, a rounded derived value its "≈"; a derived value
//! that is exact (20 − 4 = 16) has no "≈" but is still marked as computed.

use crate::core::model::{BaseUnit, Change, Lang, Metric, Qualifier};

/// A metric ready to print: the figure and what (if anything) marks it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figure {
    /// e.g. 「12.34亿元」, 「3000+场」, "1.234 billion yuan", 「全市第一」.
    pub text: String,
    /// True when the report did not print this value: it was computed (shown with ≈ and a note).
    pub derived: bool,
    /// True for a rank, shown as a badge.
    pub rank: bool,
    /// For a change (同比增长): which way, shown as ▲/▼ with the word, never by colour alone.
    pub change: Option<Change>,
}

/// A figure cut for a big display: the number large, what stands before and after it small
/// (「超」「50」「万元」, 「3000」「余场」, 「1.234」「 billion yuan」).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parts {
    pub before: String,
    pub number: String,
    pub after: String,
}

/// Cut a figure's text around its first number (digits with their separators).
pub fn parts(text: &str) -> Parts {
    let start = text.find(|c: char| c.is_ascii_digit());
    let Some(start) = start else {
        return Parts {
            before: String::new(),
            number: text.to_string(),
            after: String::new(),
        };
    };
    let rest = &text[start..];
    let len = rest
        .char_indices()
        .find(|&(i, c)| {
            !(c.is_ascii_digit()
                || ((c == '.' || c == ',')
                    && rest[i + 1..].starts_with(|d: char| d.is_ascii_digit())))
        })
        .map_or(rest.len(), |(i, _)| i);
    Parts {
        before: text[..start].to_string(),
        number: rest[..len].to_string(),
        after: rest[len..].to_string(),
    }
}

pub fn figure(m: &Metric, lang: Lang) -> Figure {
    let derived = m.derived.is_some();
    let rank = m.qualifier == Qualifier::Rank;
    let text = match (&m.printed, lang) {
        // The report's own words: 「6.6万余元」, not 「6.6+万元」.
        (Some(p), Lang::Zh) if !derived => p.clone(),
        _ if rank => rank_text(m, lang),
        _ => {
            let body = match lang {
                Lang::Zh => zh_value(m),
                Lang::En => en_value(m),
            };
            match m.qualifier {
                Qualifier::Approx if derived => format!("≈{body}"),
                Qualifier::Approx if lang == Lang::En => format!("about {body}"),
                _ => body,
            }
        }
    };
    Figure {
        text,
        derived,
        rank,
        change: m.change,
    }
}

fn rank_text(m: &Metric, lang: Lang) -> String {
    let scope = m.scope.as_ref().map(|s| s.get(lang)).unwrap_or_default();
    let place = m.value.round() as u32;
    match lang {
        Lang::Zh => format!("{scope}第{}", zh_ordinal(place)),
        Lang::En if scope.is_empty() => format!("No. {place}"),
        Lang::En => format!("No. {place} {scope}"),
    }
}

fn zh_ordinal(n: u32) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n as usize].to_string(),
        10 => "十".to_string(),
        11..=19 => format!("十{}", D[(n - 10) as usize]),
        _ => n.to_string(),
    }
}

fn zh_value(m: &Metric) -> String {
    let n = plain_number(m.value);
    match m.qualifier {
        Qualifier::MoreThan => format!("{n}余{}", m.unit),
        Qualifier::AtLeast => format!("{n}{}以上", m.unit),
        Qualifier::Approx if m.derived.is_none() => format!("约{n}{}", m.unit),
        _ => format!("{n}{}", m.unit),
    }
}

fn en_value(m: &Metric) -> String {
    let plus = if m.qualifier == Qualifier::MoreThan {
        "+"
    } else {
        ""
    };
    let v = m.base_value;
    let (num, unit) = match m.base_unit {
        BaseUnit::Yuan if v >= 1e9 => (trim(v / 1e9, 3), " billion yuan"),
        BaseUnit::Yuan if v >= 1e6 => (trim(v / 1e6, 3), " million yuan"),
        BaseUnit::Yuan => (grouped(v), " yuan"),
        BaseUnit::Person => (grouped(v), if v == 1.0 { " person" } else { " people" }),
        BaseUnit::SquareMetre => (grouped(v), " m²"),
        BaseUnit::Percent => (trim(v, 2), "%"),
        BaseUnit::Year => (grouped(v), if v == 1.0 { " year" } else { " years" }),
        BaseUnit::Item | BaseUnit::Rank => (grouped(v), ""),
    };
    let at_least = if m.qualifier == Qualifier::AtLeast {
        "≥ "
    } else {
        ""
    };
    format!("{at_least}{num}{plus}{unit}")
}

/// A number with no needless trailing zeros: 12.34, 3.5, 3000.
pub fn plain_number(v: f64) -> String {
    trim(v, 4)
}

fn trim(v: f64, decimals: usize) -> String {
    let s = format!("{v:.decimals$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// Thousands separators for English: 32000 → "32,000"; 1234.5 → "1,234.5".
pub fn grouped(v: f64) -> String {
    let s = trim(v.abs(), 2);
    let (int, frac) = s
        .split_once('.')
        .map_or((s.as_str(), None), |(i, f)| (i, Some(f)));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    if v < 0.0 {
        out.insert(0, '-');
    }
    out
}

/// Text made safe to put in HTML, inside elements or attribute values.
pub fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// 「共 N 项」 / "N highlights".
pub fn count_label(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("共 {n} 项"),
        Lang::En if n == 1 => "1 highlight".to_string(),
        Lang::En => format!("{n} highlights"),
    }
}

/// The button under a list that draws the next cards, with how many are not drawn yet.
pub fn show_more_label(left: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("显示更多（还有 {left} 项）"),
        Lang::En => format!("Show more ({left} left)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Derived, Text};

    fn metric(value: f64, unit: &str, base: f64, bu: BaseUnit, q: Qualifier) -> Metric {
        Metric {
            id: "m".into(),
            label: Text::new("量", "amount"),
            printed: None,
            value,
            unit: unit.into(),
            base_value: base,
            base_unit: bu,
            qualifier: q,
            scope: None,
            derived: None,
            counts: None,
            part_of: None,
            change: None,
        }
    }

    #[test]
    fn output_in_yi_and_billions() {
        let m = metric(
            12.34,
            "亿元",
            1_234_000_000.0,
            BaseUnit::Yuan,
            Qualifier::Exact,
        );
        assert_eq!(figure(&m, Lang::Zh).text, "12.34亿元");
        assert_eq!(figure(&m, Lang::En).text, "1.234 billion yuan");
    }

    #[test]
    fn more_than_is_never_a_plain_number() {
        let mut m = metric(3000.0, "场", 3000.0, BaseUnit::Item, Qualifier::MoreThan);
        m.printed = Some("3000余场".into());
        assert_eq!(figure(&m, Lang::Zh).text, "3000余场");
        assert_eq!(figure(&m, Lang::En).text, "3,000+");
        let mut money = metric(6.6, "万元", 66_000.0, BaseUnit::Yuan, Qualifier::MoreThan);
        money.printed = Some("6.6万余元".into());
        assert_eq!(figure(&money, Lang::Zh).text, "6.6万余元");
        assert_eq!(figure(&money, Lang::En).text, "66,000+ yuan");
        let area = metric(
            3.5,
            "万平方米",
            35_000.0,
            BaseUnit::SquareMetre,
            Qualifier::MoreThan,
        );
        assert_eq!(figure(&area, Lang::En).text, "35,000+ m²");
    }

    #[test]
    fn at_least_and_people_and_percent() {
        let m = metric(100.0, "万元", 1e6, BaseUnit::Yuan, Qualifier::AtLeast);
        assert_eq!(figure(&m, Lang::Zh).text, "100万元以上");
        assert_eq!(figure(&m, Lang::En).text, "≥ 1 million yuan");
        let p = metric(3.2, "万人", 32_000.0, BaseUnit::Person, Qualifier::Exact);
        assert_eq!(figure(&p, Lang::Zh).text, "3.2万人");
        assert_eq!(figure(&p, Lang::En).text, "32,000 people");
        let g = metric(1.92, "%", 1.92, BaseUnit::Percent, Qualifier::Exact);
        assert_eq!(figure(&g, Lang::En).text, "1.92%");
    }

    #[test]
    fn ranks_are_badges() {
        let mut m = metric(1.0, "位", 1.0, BaseUnit::Rank, Qualifier::Rank);
        m.scope = Some(Text::new("全市", "citywide"));
        let f = figure(&m, Lang::Zh);
        assert!(f.rank);
        assert_eq!(f.text, "全市第一");
        assert_eq!(figure(&m, Lang::En).text, "No. 1 citywide");
    }

    #[test]
    fn derived_values_are_marked() {
        let mut m = metric(
            12.11,
            "亿元",
            1_211_000_000.0,
            BaseUnit::Yuan,
            Qualifier::Exact,
        );
        m.printed = None;
        m.derived = Some(Derived {
            formula: "1".into(),
            decimals: 2,
            explanation: Text::new("推算", "computed"),
        });
        m.qualifier = Qualifier::Approx;
        let f = figure(&m, Lang::Zh);
        assert!(f.derived);
        assert_eq!(f.text, "≈12.11亿元");
        // An exact result (20 − 4) is computed, but not approximate.
        let mut diff = metric(16.0, "个", 16.0, BaseUnit::Item, Qualifier::Exact);
        diff.derived = m.derived.clone();
        let f = figure(&diff, Lang::Zh);
        assert!(f.derived);
        assert_eq!(f.text, "16个");
    }

    #[test]
    fn figures_cut_around_their_number() {
        let p = |t: &str| {
            let x = parts(t);
            (x.before, x.number, x.after)
        };
        let s = |a: &str, b: &str, c: &str| (a.to_string(), b.to_string(), c.to_string());
        assert_eq!(p("3000余场"), s("", "3000", "余场"));
        assert_eq!(p("超50万元"), s("超", "50", "万元"));
        assert_eq!(p("12.34亿元"), s("", "12.34", "亿元"));
        assert_eq!(p("1.234 billion yuan"), s("", "1.234", " billion yuan"));
        assert_eq!(p("3,000+"), s("", "3,000", "+"));
        assert_eq!(p("≥ 1 million yuan"), s("≥ ", "1", " million yuan"));
        assert_eq!(p("1.92%"), s("", "1.92", "%"));
        assert_eq!(p("全市第一"), s("", "全市第一", ""));
        assert_eq!(p("10大领域"), s("", "10", "大领域"));
    }

    #[test]
    fn grouping() {
        assert_eq!(grouped(32000.0), "32,000");
        assert_eq!(grouped(1234.5), "1,234.5");
        assert_eq!(grouped(999.0), "999");
        assert_eq!(grouped(1_234_567.0), "1,234,567");
        assert_eq!(count_label(3, Lang::Zh), "共 3 项");
        assert_eq!(count_label(1, Lang::En), "1 highlight");
        assert_eq!(show_more_label(59, Lang::Zh), "显示更多（还有 59 项）");
        assert_eq!(show_more_label(1, Lang::En), "Show more (1 left)");
    }
}
