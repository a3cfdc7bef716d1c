//! Re-joining the newspaper's column breaks. The raw text breaks lines where the printed columns
//! broke, often inside a word or number; a block of the reflowed report is a range of raw lines
//! with each line's layout whitespace trimmed and the breaks removed. Nothing else changes, so every
//! character of the report survives (the dataset tests prove it against the raw file).
//! A quote is placed in the reflowed report by block and character offset, and traced back to
//! the raw lines it spans ([`locate`], [`span_lines`]): `datatool fill` and `datatool draft` both
//! place quotes this way.

use crate::core::model::Block;

/// The raw lines `first..=last` (1-based, inclusive) re-joined into one block of text.
pub fn join_lines(raw: &str, lines: [u32; 2]) -> String {
    line_range(raw, lines).map(|(_, l)| l).collect()
}

/// For each character of `join_lines(raw, lines)`, the raw line it came from.
pub fn char_lines(raw: &str, lines: [u32; 2]) -> Vec<u32> {
    line_range(raw, lines)
        .flat_map(|(n, l)| std::iter::repeat_n(n, l.chars().count()))
        .collect()
}

/// Number of lines in the raw text (a trailing newline does not start a line).
pub fn line_count(raw: &str) -> u32 {
    raw.lines().count() as u32
}

/// The trimmed, non-empty raw lines in the range, numbered from 1.
fn line_range(raw: &str, [first, last]: [u32; 2]) -> impl Iterator<Item = (u32, &str)> {
    raw.lines()
        .enumerate()
        .map(|(i, l)| (i as u32 + 1, l.trim()))
        // Stop after the range: a draft joins every paragraph of a long file.
        .take_while(move |&(n, _)| n <= last)
        .filter(move |&(n, l)| n >= first && !l.is_empty())
}

/// The first and last raw line of the `len` characters at `offset` of a block, given the raw
/// line of each of its characters (`char_lines`). `None` if they are not all in the block.
pub fn span_lines(owners: &[u32], offset: usize, len: usize) -> Option<[u32; 2]> {
    if len == 0 {
        return None;
    }
    let last = offset.checked_add(len - 1)?;
    Some([*owners.get(offset)?, *owners.get(last)?])
}

/// Where a quote is: `(block, char offset)`. A quote found once in the whole report is placed
/// there; one found several times must be found once in the block it names (or at the offset it
/// names within that block).
pub fn locate(
    blocks: &[Block],
    text: &str,
    block: usize,
    offset: usize,
) -> Result<(usize, usize), String> {
    if text.is_empty() {
        return Err("empty quote".into());
    }
    let hits: Vec<(usize, usize)> = blocks
        .iter()
        .enumerate()
        .flat_map(|(bi, b)| {
            char_offsets(&b.text, text)
                .into_iter()
                .map(move |o| (bi, o))
        })
        .collect();
    match hits.as_slice() {
        [] => Err(format!("`{text}` is not in the report")),
        [one] => Ok(*one),
        _ => {
            let in_block: Vec<_> = hits.iter().filter(|(b, _)| *b == block).collect();
            match in_block.as_slice() {
                [one] => Ok(**one),
                [] => Err(format!(
                    "`{text}` is ambiguous: found at {hits:?} (block, offset); name the block"
                )),
                _ => in_block
                    .iter()
                    .find(|(_, o)| *o == offset)
                    .map(|h| **h)
                    .ok_or_else(|| {
                        format!("`{text}` is found several times in block {block}; name the offset")
                    }),
            }
        }
    }
}

/// Character offsets of every occurrence of `needle` in `hay` (overlaps included).
fn char_offsets(hay: &str, needle: &str) -> Vec<usize> {
    hay.char_indices()
        .filter(|(i, _)| hay[*i..].starts_with(needle))
        .map(|(i, _)| hay[..i].chars().count())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_a_number_broken_across_columns() {
        let raw = "全年临\n\n时救助22人，发放救助金6.6万余\n元。\n";
        assert_eq!(
            join_lines(raw, [1, 4]),
            "全年临时救助22人，发放救助金6.6万余元。"
        );
        assert_eq!(char_lines(raw, [1, 4])[3], 3);
        // 「6.6万余元」 starts on line 3 and ends on line 4.
        let owners = char_lines(raw, [1, 4]);
        assert_eq!(span_lines(&owners, 15, 6), Some([3, 4]));
        assert_eq!(span_lines(&owners, 15, 0), None);
        assert_eq!(span_lines(&owners, 20, 6), None);
    }

    #[test]
    fn keeps_spaces_inside_a_line() {
        assert_eq!(
            join_lines(" 影视文化基\n地 休闲养生福地\n", [1, 2]),
            "影视文化基地 休闲养生福地"
        );
    }
}
