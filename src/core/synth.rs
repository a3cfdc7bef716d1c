//! Synthetic reports for measuring the app at scale (1,000 to 100,000 highlights). Built from a
//! real report so every record passes the same validation as the real data: copies keep their
//! quotes (found verbatim in the source) and only change ids and titles. The headline says the
//! data is synthetic, so a synthetic page can never be taken for the real report.

use crate::core::model::{Report, Text};

/// A report with `n` highlights: the real ones first (ids unchanged, so charts, key figures and
/// derived formulas still resolve), then numbered copies of them in turn.
pub fn synthetic(real: &Report, n: usize) -> Report {
    let mut out = real.clone();
    out.id = format!("synthetic-{n}");
    out.meta.headline = Text {
        zh: format!("【合成测试数据 · {n} 项】{}", real.meta.headline.zh),
        en: format!(
            "[Synthetic test data · {n} items] {}",
            real.meta.headline.en
        ),
    };
    let originals = &real.highlights;
    out.highlights = (0..n)
        .filter_map(|i| {
            let base = originals.get(i % originals.len().max(1))?;
            let copy = i / originals.len();
            let mut h = base.clone();
            if copy > 0 {
                h.id = format!("{}-s{copy}", base.id);
                h.aliases.clear();
                h.title.zh = format!("{}（合成 {copy}）", base.title.zh);
                h.title.en = format!("{} (synthetic {copy})", base.title.en);
            }
            Some(h)
        })
        .collect();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_are_numbered_and_keep_the_real_records_first() {
        let real = crate::core::load::shipped().report;
        let s = synthetic(&real, 200);
        assert_eq!(s.highlights.len(), 200);
        assert_eq!(s.highlights[0], real.highlights[0]);
        let n = real.highlights.len();
        assert_eq!(s.highlights[n].id, format!("{}-s1", real.highlights[0].id));
        assert!(s.highlights[n].title.zh.ends_with("（合成 1）"));
        assert!(s.meta.headline.zh.starts_with("【合成测试数据 · 200 项】"));
    }
}
