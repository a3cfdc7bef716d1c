//! Percent-encoding of link parameters: decoding never fails (a broken escape is reported by the
//! caller), encoding keeps only unreserved characters and the `,` that joins themes.

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
/// hex digits, and the bytes are UTF-8).
pub fn decode_checked(s: &str) -> (String, bool) {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut ok = true;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() && hex(b[i + 1]).is_some() && hex(b[i + 2]).is_some() => {
                out.push(hex(b[i + 1]).unwrap_or(0) * 16 + hex(b[i + 2]).unwrap_or(0));
                i += 2;
            }
            b'%' => {
                ok = false;
                out.push(b'%');
            }
            c => out.push(c),
        }
        i += 1;
    }
    match String::from_utf8(out) {
        Ok(s) => (s, ok),
        Err(e) => (String::from_utf8_lossy(e.as_bytes()).into_owned(), false),
    }
}

fn hex(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

/// Percent-encoding of everything but unreserved characters and the `,` that joins themes.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b',') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
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
    }
}
