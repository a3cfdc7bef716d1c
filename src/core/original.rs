//! The 「原文」 view's core: each block of the reflowed report cut into runs of text, each run
//! knowing which highlights quote it, and how much of the report the highlights cover.

use crate::core::model::{BlockKind, Report};

/// A stretch of a block's text and the highlights (indices) whose quotes include it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub highlights: Vec<usize>,
}

/// Cut block `block` into runs at every quote boundary.
pub fn runs(report: &Report, block: usize) -> Vec<Run> {
    let Some(b) = report.source.blocks.get(block) else {
        return vec![];
    };
    let chars: Vec<char> = b.text.chars().collect();
    let n = chars.len();
    // Quotes of this block as (start, end, highlight) in characters.
    let spans: Vec<(usize, usize, usize)> = report
        .highlights
        .iter()
        .enumerate()
        .flat_map(|(hi, h)| {
            h.quotes
                .iter()
                .filter(move |q| q.block == block)
                .map(move |q| {
                    (
                        q.offset.min(n),
                        (q.offset + q.text.chars().count()).min(n),
                        hi,
                    )
                })
        })
        .collect();
    let mut cuts: Vec<usize> = vec![0, n];
    for &(s, e, _) in &spans {
        cuts.push(s);
        cuts.push(e);
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| {
            let (s, e) = (w[0], w[1]);
            let mut hs: Vec<usize> = spans
                .iter()
                .filter(|&&(qs, qe, _)| qs <= s && e <= qe)
                .map(|&(_, _, h)| h)
                .collect();
            hs.dedup();
            Run {
                text: chars[s..e].iter().collect(),
                highlights: hs,
            }
        })
        .collect()
}

/// How much of the report's paragraphs the highlights quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Coverage {
    pub quoted_chars: usize,
    pub total_chars: usize,
    pub paragraphs_quoted: usize,
    pub paragraphs: usize,
}

impl Coverage {
    pub fn percent(&self) -> u32 {
        if self.total_chars == 0 {
            0
        } else {
            ((self.quoted_chars as f64 / self.total_chars as f64) * 100.0).round() as u32
        }
    }
}

pub fn coverage(report: &Report) -> Coverage {
    let mut c = Coverage {
        quoted_chars: 0,
        total_chars: 0,
        paragraphs_quoted: 0,
        paragraphs: 0,
    };
    for (i, b) in report.source.blocks.iter().enumerate() {
        if b.kind != BlockKind::Paragraph {
            continue;
        }
        let rs = runs(report, i);
        let quoted: usize = rs
            .iter()
            .filter(|r| !r.highlights.is_empty())
            .map(|r| r.text.chars().count())
            .sum();
        c.paragraphs += 1;
        c.total_chars += b.text.chars().count();
        c.quoted_chars += quoted;
        if quoted > 0 {
            c.paragraphs_quoted += 1;
        }
    }
    c
}
