//! The first page of a large report, read from the start of its file while the rest is still
//! being parsed and checked: so a report of 10,000 highlights shows its first cards in the time a
//! small one takes. Only a file whose highlights come last can be read this way (the rest of the
//! report is then before them); and the first page is offered only when everything it holds is
//! sound without the rest: every record read so far passes its checks, and every key figure and
//! chart resolves. Otherwise the page waits for the whole file, as for any report.

use crate::core::load::{self, Loaded};

/// Bytes of the file read for the first page: the report's other fields (some 70 KB in the real
/// report) and some 130 highlights of its size, enough for the first chapter, which is what the
/// first page draws (the first screen). Fewer bytes, a shorter task before the first card.
pub const PREFIX_BYTES: usize = 128 * 1024;

/// A file this large or larger is worth a first page however fast it comes (reading the rest
/// takes a while); a smaller one only if it comes slowly ([`SLOW_MS`]). 512 KB, some 600
/// highlights: at 2 MB a report of 1,000 highlights (800 KB) was read whole before its first
/// card, 539 against 405 ms with a first page (15 loads each, alternated).
pub const LARGE_FILE_BYTES: usize = 512 * 1024;

/// A file still arriving this long (milliseconds) after its first bytes, with its first page
/// in, is worth a first page whatever its size: on a slow connection the reader sees cards
/// while the rest comes.
pub const SLOW_MS: f64 = 150.0;

/// Whether to show a first page now, with `received` bytes of a file in, `elapsed` milliseconds
/// after its first bytes, and more to come: once its first page is in and the file is large
/// (its rest is long to read) or slow to arrive. A file that ends before is read whole at once.
pub fn worth_showing(received: usize, elapsed: f64) -> bool {
    received >= PREFIX_BYTES && (received >= LARGE_FILE_BYTES || elapsed >= SLOW_MS)
}

/// The fields of a report besides its highlights: all must come before them.
const OTHER_FIELDS: [&str; 8] = [
    "schema_version",
    "id",
    "meta",
    "chapters",
    "themes",
    "key_figures",
    "charts",
    "source",
];

/// The report as far as `prefix` (the start of its file) holds whole highlights, if that is a
/// first page to show: `None` when the highlights are not the file's last field, when the
/// prefix holds none of them whole, when it holds the whole file (nothing to wait for), or when
/// any record, key figure or chart read so far fails its checks.
pub fn first_page(prefix: &[u8]) -> Option<Loaded> {
    // A prefix may end inside a character: keep what is whole.
    let text = match std::str::from_utf8(prefix) {
        Ok(t) => t,
        Err(e) => std::str::from_utf8(&prefix[..e.valid_up_to()]).ok()?,
    };
    let end = last_whole_highlight(text)?;
    let doc = format!("{}]}}", &text[..end]);
    let loaded = load::load_report(&doc).ok()?;
    (loaded.skipped.is_empty() && !loaded.report.highlights.is_empty()).then_some(loaded)
}

/// Where the last whole highlight in `text` ends, when the highlights are the file's last field
/// and the text stops before their end.
fn last_whole_highlight(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    // The top-level keys met so far, and where the last string ended (a key, if a colon follows).
    let mut keys: Vec<&str> = Vec::new();
    let mut string_start = 0;
    let mut last_string: Option<(usize, usize)> = None;
    let mut in_highlights = false;
    let mut last_end = None;
    for (i, &b) in bytes.iter().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => {
                    in_string = false;
                    last_string = Some((string_start, i));
                }
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => {
                in_string = true;
                string_start = i + 1;
            }
            b':' if depth == 1 => {
                let (s, e) = last_string?;
                keys.push(&text[s..e]);
            }
            b'{' | b'[' => {
                if depth == 1 && b == b'[' && keys.last() == Some(&"highlights") {
                    // Every other field must be behind us, or the highlights are not last.
                    if !OTHER_FIELDS.iter().all(|f| keys.contains(f)) {
                        return None;
                    }
                    in_highlights = true;
                }
                depth += 1;
            }
            b'}' | b']' => {
                depth = depth.checked_sub(1)?;
                if in_highlights && depth == 2 && b == b'}' {
                    last_end = Some(i + 1);
                }
                if in_highlights && depth == 1 {
                    // The highlights ended within the prefix: it is the whole file, not a part.
                    return None;
                }
            }
            _ => {}
        }
    }
    if in_highlights {
        last_end
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::synth::synthetic;

    fn large() -> String {
        let real = load::shipped().report;
        serde_json::to_string(&synthetic(&real, 3000)).unwrap()
    }

    #[test]
    fn a_large_file_shows_the_whole_highlights_at_its_start_first() {
        let file = large();
        let page = first_page(&file.as_bytes()[..PREFIX_BYTES]).expect("a first page");
        let whole = load::load_report(&file).unwrap();
        let n = page.report.highlights.len();
        assert!(n > 100 && n < 3000, "{n} highlights on the first page");
        // The same records as the start of the whole, and the report around them unchanged.
        assert_eq!(page.report.highlights[..], whole.report.highlights[..n]);
        assert_eq!(page.report.key_figures, whole.report.key_figures);
        assert_eq!(page.report.charts, whole.report.charts);
        assert_eq!(page.report.source, whole.report.source);
    }

    #[test]
    fn a_first_page_is_shown_once_it_is_in_and_the_file_is_large_or_slow() {
        // Fast: a file whose first 512 KB come at once is large; one with its first page's
        // bytes in but not 512 KB may end soon.
        assert!(worth_showing(LARGE_FILE_BYTES, 5.0));
        assert!(!worth_showing(PREFIX_BYTES, 5.0));
        // Slow: the first page once it is in, whatever the size.
        assert!(worth_showing(PREFIX_BYTES, SLOW_MS));
        assert!(!worth_showing(PREFIX_BYTES - 1, 10.0 * SLOW_MS));
    }

    #[test]
    fn a_prefix_cut_inside_a_record_or_a_character_keeps_what_is_whole() {
        let file = large();
        for cut in [
            PREFIX_BYTES - 1,
            PREFIX_BYTES - 7,
            PREFIX_BYTES + 333,
            100_001,
        ] {
            let page = first_page(&file.as_bytes()[..cut]).expect("a first page");
            let n = page.report.highlights.len();
            let before = serde_json::to_string(&page.report.highlights[n - 1]).unwrap();
            assert!(
                file[..cut].contains(&before),
                "cut at {cut}: the last record is whole"
            );
        }
    }

    #[test]
    fn no_first_page_when_it_would_not_be_the_report_as_it_is() {
        let file = large();
        // The whole file: nothing to wait for.
        assert!(first_page(file.as_bytes()).is_none());
        // Highlights not last (the shipped file sorts its keys: `source` and others follow).
        let shipped = include_str!("../../public/data/xixi-2023.json");
        assert!(first_page(shipped.as_bytes()).is_none());
        let mut v: serde_json::Value = serde_json::from_str(&file).unwrap();
        let source = v.as_object_mut().unwrap().remove("source").unwrap();
        v.as_object_mut().unwrap().insert("source".into(), source);
        let sorted = serde_json::to_string(&v).unwrap();
        assert!(first_page(&sorted.as_bytes()[..PREFIX_BYTES]).is_none());
        // A record read so far that fails its checks: the page waits for the whole, which
        // reports it.
        let bad = file.replacen("\"kind\":\"figure\"", "\"kind\":\"figures\"", 1);
        assert!(first_page(&bad.as_bytes()[..PREFIX_BYTES]).is_none());
        // Not JSON at all, or only the report's head.
        assert!(first_page(b"<html>").is_none());
        let head = &file[..file.find("\"highlights\":[").unwrap() + 20];
        assert!(first_page(head.as_bytes()).is_none());
    }
}
