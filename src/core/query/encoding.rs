//! Percent-encoding of link parameters: decoding never fails (a broken escape is reported by the
//! caller), encoding keeps only unreserved characters and the `,` that joins themes.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

type Pairs = Vec<(String, String)>;

pub(super) fn split_checked(q: &str) -> (Pairs, Pairs) {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut broken = Vec::new();
    for part in q.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = part.split_once('=').unwrap_or((part, ""));
        let ((k, k_ok), (v, v_ok)) = (decode_checked(k), decode_checked(v));
        if !(k_ok && v_ok) {
            broken.push((k, v));
            continue;
        }
        if let Some(existing) = out.iter_mut().find(|(ek, _)| *ek == k) {
            existing.1 = v;
        } else {
            out.push((k, v));
        }
    }
    (out, broken)
}

#[cfg(test)]
pub(super) fn split_pairs(q: &str) -> Vec<(String, String)> {
    split_checked(q).0
}

/// Percent-decoding that never fails: a broken escape is kept as the text it was, and bytes that
/// are not UTF-8 become U+FFFD.
pub fn decode(s: &str) -> String {
    decode_checked(s).0
}

/// Percent-decoding, and whether the input was well formed (every `%` starts an escape of two
/// hex digits, and the bytes are UTF-8). A `+` is a space, as forms write it.
pub fn decode_checked(s: &str) -> (String, bool) {
    let escapes_ok = s
        .split('%')
        .skip(1)
        .all(|rest| rest.len() >= 2 && rest.as_bytes()[..2].iter().all(u8::is_ascii_hexdigit));
    let spaced = s.replace('+', " ");
    let bytes = percent_decode_str(&spaced);
    match bytes.clone().decode_utf8() {
        Ok(text) => (text.into_owned(), escapes_ok),
        Err(_) => (bytes.decode_utf8_lossy().into_owned(), false),
    }
}

/// Kept as they are: unreserved characters, and the `,` that joins themes.
const KEEP: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~')
    .remove(b',');

/// Percent-encoding of everything but unreserved characters and the `,` that joins themes.
pub fn encode(s: &str) -> String {
    utf8_percent_encode(s, KEEP).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_percent_encoding_is_kept_as_text() {
        assert_eq!(decode("%E5%85"), "\u{FFFD}");
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz%4"), "%zz%4");
        assert_eq!(decode("a+b%20c"), "a b c");
        assert_eq!(decode_checked("%2B1"), ("+1".to_string(), true));
        assert!(!decode_checked("%E5%85").1 && !decode_checked("100%").1);
        assert_eq!(encode("西溪 a,b"), "%E8%A5%BF%E6%BA%AA%20a,b");
    }
}
