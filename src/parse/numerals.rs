//! Chinese numerals as people write them in a list (MODEL §1.1): `一百二十万`, `两千五百`,
//! `十二`, `零`, `〇`, `三点五`, the spoken short forms `一万二` (12 000) and `两千五` (2 500),
//! and the financial forms `壹贰叁…拾佰仟`.

use super::ParseError;

fn digit(c: char) -> Option<f64> {
    Some(match c {
        '零' | '〇' => 0.0,
        '一' | '壹' | '幺' => 1.0,
        '二' | '两' | '贰' => 2.0,
        '三' | '叁' => 3.0,
        '四' | '肆' => 4.0,
        '五' | '伍' => 5.0,
        '六' | '陆' => 6.0,
        '七' | '柒' => 7.0,
        '八' | '捌' => 8.0,
        '九' | '玖' => 9.0,
        _ => return None,
    })
}

fn small_unit(c: char) -> Option<f64> {
    Some(match c {
        '十' | '拾' => 10.0,
        '百' | '佰' => 100.0,
        '千' | '仟' => 1000.0,
        _ => return None,
    })
}

fn big_unit(c: char) -> Option<f64> {
    Some(match c {
        '万' => 1e4,
        '亿' => 1e8,
        _ => return None,
    })
}

/// Whether `c` is a Chinese numeral digit or multiplier (not 点 or 成, which need digits).
pub fn is_numeral_char(c: char) -> bool {
    digit(c).is_some() || small_unit(c).is_some() || big_unit(c).is_some()
}

/// Whether the text holds a Chinese numeral digit (`一`, `两`, `〇` …) or 十/拾, which alone
/// make a number; 万/亿/千 after Arabic digits are magnitudes, not numerals.
pub fn has_numeral_digit(s: &str) -> bool {
    s.chars()
        .any(|c| digit(c).is_some() || matches!(c, '十' | '拾'))
}

/// The value of a Chinese numeral; `NotANumber` when the text is not one.
pub fn parse_numerals(s: &str) -> Result<f64, ParseError> {
    if s.is_empty() {
        return Err(ParseError::NotANumber);
    }
    if let Some((int, frac)) = s.split_once('点') {
        return decimal(int, frac);
    }
    integer(s)
}

/// `三点五`, `一点五万`: an integer part, decimal digits, and an optional 万/亿 after them.
fn decimal(int: &str, frac: &str) -> Result<f64, ParseError> {
    let whole = integer(int)?;
    let mut chars: Vec<char> = frac.chars().collect();
    let scale = match chars.last().and_then(|c| big_unit(*c)) {
        Some(u) => {
            chars.pop();
            u
        }
        None => 1.0,
    };
    if chars.is_empty() {
        return Err(ParseError::NotANumber);
    }
    let mut fraction = 0.0;
    let mut place = 0.1;
    for c in chars {
        fraction += digit(c).ok_or(ParseError::NotANumber)? * place;
        place /= 10.0;
    }
    Ok((whole + fraction) * scale)
}

fn integer(s: &str) -> Result<f64, ParseError> {
    let mut total = 0.0; // sections closed by 万 or 亿
    let mut section = 0.0; // the part below the current 万
    let mut pending: Option<f64> = None; // a digit not yet multiplied
    let mut last_unit = 0.0; // the last multiplier seen, for the short form 一万二
    let mut after_zero = false;
    let mut any = false;
    for c in s.chars() {
        any = true;
        if let Some(d) = digit(c) {
            if pending.is_some() && d != 0.0 {
                // 二三 is no number (a list of digits in a numeral is too unlikely to guess).
                return Err(ParseError::NotANumber);
            }
            if d == 0.0 {
                after_zero = true;
            } else {
                pending = Some(d);
            }
        } else if let Some(u) = small_unit(c) {
            // 十二 = 12: a 十 with no digit before it counts one ten.
            let d = pending.take().unwrap_or(if u == 10.0 { 1.0 } else { 0.0 });
            if d == 0.0 && u != 10.0 {
                return Err(ParseError::NotANumber);
            }
            section += d * u;
            last_unit = u;
            after_zero = false;
        } else if let Some(u) = big_unit(c) {
            section += pending.take().unwrap_or(0.0);
            if section == 0.0 && total == 0.0 {
                return Err(ParseError::NotANumber);
            }
            if u == 1e8 {
                total = (total + section) * u;
            } else {
                total += section * u;
            }
            section = 0.0;
            last_unit = u;
            after_zero = false;
        } else {
            return Err(ParseError::NotANumber);
        }
    }
    if !any {
        return Err(ParseError::NotANumber);
    }
    if let Some(d) = pending {
        // 一万二 = 12 000, 两千五 = 2 500, 十二 = 12; after a 零 the digit is units (一千零五).
        let place = if after_zero || last_unit == 0.0 {
            1.0
        } else {
            last_unit / 10.0
        };
        section += d * place;
    }
    Ok(total + section)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals() {
        for (text, want) in [
            ("零", 0.0),
            ("〇", 0.0),
            ("三", 3.0),
            ("十", 10.0),
            ("十二", 12.0),
            ("二十三", 23.0),
            ("一百二十万", 1_200_000.0),
            ("两千五百", 2_500.0),
            ("两千五", 2_500.0),
            ("一万二", 12_000.0),
            ("三百五", 350.0),
            ("一千零五", 1_005.0),
            ("一亿二千万", 120_000_000.0),
            ("三点五", 3.5),
            ("一点五万", 15_000.0),
            ("壹仟贰佰", 1_200.0),
        ] {
            assert_eq!(parse_numerals(text), Ok(want), "{text}");
        }
        for text in ["", "二三", "万", "点五", "百"] {
            assert!(parse_numerals(text).is_err(), "{text}");
        }
    }
}
