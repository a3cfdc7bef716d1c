//! Plain decimal numbers (`12.34`, `3000`) read and rounded by arithmetic. The standard library's
//! general float parser is about 15 KB of tables and code in the wasm (12 KB with brotli); a
//! report's numbers are never more than digits and one point.

/// `12.34` → 12.34: ASCII digits with at most one point and at least one digit; `None` for
/// anything else (a sign, an exponent, a second point, too many digits to read exactly).
pub fn parse(s: &str) -> Option<f64> {
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let digits = int.len() + frac.len();
    if digits == 0 || digits > 15 || !(int.bytes().chain(frac.bytes())).all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let n = int
        .bytes()
        .chain(frac.bytes())
        .fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
    // Both are exact in an f64 (n < 2^53, 10^k for k ≤ 15), so the one division rounds once,
    // to the f64 nearest the decimal, as the standard parser does.
    Some(n as f64 / pow10(frac.len() as i32))
}

/// `x` rounded to `digits` significant digits (1 to 15), as the f64 nearest that decimal:
/// 0.30000000000000004 → 0.3 with 10 digits.
pub fn round_significant(x: f64, digits: i32) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    // The decimal exponent of x's leading digit: 12.34 → 1, 0.05 → -2.
    let mut e = 0;
    let a = x.abs();
    while pow10(e + 1) <= a {
        e += 1;
    }
    while pow10(e) > a {
        e -= 1;
    }
    let k = digits - 1 - e;
    // Scale by an exact power of ten, round, and scale back: one rounding each way.
    if k >= 0 {
        (x * pow10(k)).round() / pow10(k)
    } else {
        (x / pow10(-k)).round() * pow10(-k)
    }
}

/// 10^k; exact for 0 ≤ k ≤ 22.
fn pow10(k: i32) -> f64 {
    10f64.powi(k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_a_report_prints() {
        assert_eq!(parse("12.34"), Some(12.34));
        assert_eq!(parse("3000"), Some(3000.0));
        assert_eq!(parse("0.5"), Some(0.5));
        assert_eq!(parse(".5"), Some(0.5));
        assert_eq!(parse("5."), Some(5.0));
        assert_eq!(parse("1.92"), Some(1.92));
        for bad in ["", ".", "1.2.3", "-1", "1e5", "1,000", "１２", "12a"] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn reads_as_the_standard_parser_does() {
        for s in [
            "12.34",
            "0.1",
            "0.3",
            "6.6",
            "99.99",
            "123456789.123",
            "0.000001",
            "7.5",
        ] {
            assert_eq!(parse(s), s.parse::<f64>().ok(), "{s}");
        }
    }

    #[test]
    fn rounds_away_binary_noise() {
        assert_eq!(round_significant(0.1 + 0.2, 10), 0.3);
        assert_eq!(round_significant(12.34 * 1e4, 10), 123_400.0);
        assert_eq!(round_significant(1.92 * 0.01, 10), 0.0192);
        assert_eq!(round_significant(-6.6 * 1e4, 10), -66_000.0);
        assert_eq!(round_significant(1234.5678e9, 4), 1235e9);
        assert_eq!(round_significant(0.0, 10), 0.0);
        // As formatting to ten digits and reading back does.
        for x in [
            0.1 * 3.0,
            1.1 * 1.1,
            12.34 * 1e-4,
            5.0 / 3.0,
            2.675,
            1e15 / 7.0,
        ] {
            let via_text: f64 = format!("{x:.9e}").parse().unwrap();
            assert_eq!(round_significant(x, 10), via_text, "{x}");
        }
    }
}
