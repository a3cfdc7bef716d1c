//! Reading numbers as a report prints them: ASCII or full-width digits (text copied from a PDF
//! mixes 「１２３」 and 「123」) and Chinese numerals (「两家」, 「二十个」, 「第十二」).
//! Used by `validate::printed_number` and by `draft`, so that what the draft writes is read back
//! the same way.

/// The ASCII twin of a full-width digit or point; any other character unchanged.
pub fn half_width(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '．' => '.',
        _ => c,
    }
}

/// An ASCII or full-width digit.
pub fn is_digit(c: char) -> bool {
    half_width(c).is_ascii_digit()
}

fn chinese_digit(c: char) -> Option<u64> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn chinese_multiplier(c: char) -> Option<u64> {
    Some(match c {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        _ => return None,
    })
}

/// A character of a Chinese numeral below ten thousand. 万 and 亿 are left out on purpose: after a
/// number they belong to the unit (「3万元」 is 3 in 万元), and so they do after a Chinese one.
pub fn is_chinese_numeral(c: char) -> bool {
    chinese_digit(c).is_some() || chinese_multiplier(c).is_some()
}

/// The value of a run of Chinese numerals: 「二十」 20, 「两」 2, 「十二」 12, 「一百零五」 105;
/// digits alone are read one by one (「二〇二三」 2023). `None` if the run is not a well-formed
/// numeral (「十十」, 「三二十」).
pub fn chinese_value(run: &str) -> Option<u64> {
    if run.is_empty() {
        return None;
    }
    if run.chars().all(|c| chinese_digit(c).is_some()) {
        return run.chars().try_fold(0u64, |acc, c| {
            acc.checked_mul(10)?.checked_add(chinese_digit(c)?)
        });
    }
    let (mut total, mut digit, mut last_mult) = (0u64, None, u64::MAX);
    for c in run.chars() {
        if let Some(d) = chinese_digit(c) {
            // 零 holds a place (一百零五); two digits in a row are not a numeral here.
            if d != 0 && digit.is_some() {
                return None;
            }
            digit = (d != 0).then_some(d);
        } else {
            let m = chinese_multiplier(c)?;
            // 十 alone counts one ten (十二); each multiplier is smaller than the one before.
            if m >= last_mult {
                return None;
            }
            total += digit.unwrap_or(1) * m;
            digit = None;
            last_mult = m;
        }
    }
    Some(total + digit.unwrap_or(0))
}

/// The Chinese numeral at the start of `s` and its value, e.g. 「二十个」 → 20.
pub fn leading_chinese(s: &str) -> Option<f64> {
    let run: String = s.chars().take_while(|&c| is_chinese_numeral(c)).collect();
    chinese_value(&run).map(|v| v as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_digits_read_as_ascii() {
        assert_eq!(
            "１２．５".chars().map(half_width).collect::<String>(),
            "12.5"
        );
        assert!(is_digit('７') && is_digit('7') && !is_digit('七'));
    }

    #[test]
    fn chinese_numerals() {
        for (run, v) in [
            ("两", 2),
            ("二十", 20),
            ("十二", 12),
            ("三", 3),
            ("一百零五", 105),
            ("二〇二三", 2023),
            ("九千九百九十九", 9999),
        ] {
            assert_eq!(chinese_value(run), Some(v), "{run}");
        }
        for bad in ["", "十十", "三二十", "百千"] {
            assert_eq!(chinese_value(bad), None, "{bad}");
        }
        assert_eq!(leading_chinese("二十个"), Some(20.0));
        assert_eq!(leading_chinese("家"), None);
    }
}
