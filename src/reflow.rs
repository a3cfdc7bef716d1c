//! Re-joining the newspaper's column breaks. The raw text breaks lines where the printed columns
//! broke, often inside a word or number; a block of the reflowed report is a range of raw lines
//! with each line's layout whitespace trimmed and the breaks removed. Nothing else changes, so every
//! character of the report survives (the dataset tests prove it against the raw file).

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
        .filter(move |&(n, l)| n >= first && n <= last && !l.is_empty())
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
    }

    #[test]
    fn keeps_spaces_inside_a_line() {
        assert_eq!(
            join_lines(" 影视文化基\n地 休闲养生福地\n", [1, 2]),
            "影视文化基地 休闲养生福地"
        );
    }
}
