//! Money as reports write it — `1,500,000,000`, `1.5 billion`, `15억`, `1조 5천억`, `15亿元`,
//! `$300 million` — read into an exact amount: hundredths in an integer, never a float. An
//! amount always has one of the currencies outcomes are reported in, and amounts in
//! different currencies are never added together.

use std::fmt;

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use super::name::normalize;
use crate::error::UserError;
use crate::msg;

/// The currencies outcomes are reported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Currency {
    Krw,
    Usd,
    Cny,
    Eur,
    Jpy,
}

impl Currency {
    pub const ALL: [Currency; 5] = [
        Currency::Krw,
        Currency::Usd,
        Currency::Cny,
        Currency::Eur,
        Currency::Jpy,
    ];

    /// The ISO code: how it is stored, shown and offered as a choice.
    pub fn label(self) -> &'static str {
        match self {
            Currency::Krw => "KRW",
            Currency::Usd => "USD",
            Currency::Cny => "CNY",
            Currency::Eur => "EUR",
            Currency::Jpy => "JPY",
        }
    }

    pub fn labels() -> Vec<&'static str> {
        Currency::ALL.iter().map(|c| c.label()).collect()
    }

    /// The words written for it besides its code, in English, Korean and Chinese (compared
    /// by `normalize`). Signs are read apart (`sign`): they are not letters.
    fn words(self) -> &'static [&'static str] {
        match self {
            Currency::Krw => &["won", "korean won", "원", "원화", "韩元", "韓元", "韩币"],
            Currency::Usd => &[
                "dollar",
                "dollars",
                "us dollar",
                "us dollars",
                "달러",
                "미국 달러",
                "미화",
                "불",
                "美元",
                "美金",
            ],
            Currency::Cny => &[
                "RMB",
                "yuan",
                "renminbi",
                "chinese yuan",
                "위안",
                "위안화",
                "元",
                "人民币",
                "人民幣",
            ],
            Currency::Eur => &["euro", "euros", "유로", "유로화", "欧元", "歐元"],
            Currency::Jpy => &["yen", "japanese yen", "엔", "엔화", "円", "日元", "日圓"],
        }
    }

    /// The currency a word names (its code or one of its words), if any.
    fn of_word(key: &str) -> Option<Currency> {
        Currency::ALL
            .into_iter()
            .find(|c| key == normalize(c.label()) || c.words().iter().any(|w| key == normalize(w)))
    }

    /// A currency by its code, a word for it, or its sign (`₩`, `$`, `€`). `¥` is both the
    /// yuan and the yen, so it is refused.
    pub fn parse(input: &str) -> Result<Currency, UserError> {
        let text: String = input.trim().nfkc().collect();
        let mut chars = text.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            match sign(c) {
                Some(Sign::Known(currency)) => return Ok(currency),
                Some(Sign::Yen) => return Err(refusal(&Why::Yen, input)),
                _ => {}
            }
        }
        Currency::of_word(&normalize(&text)).ok_or_else(|| {
            refusal(
                &Why::UnknownCurrency(if text.is_empty() {
                    "(empty)".into()
                } else {
                    text.clone()
                }),
                input,
            )
        })
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

enum Sign {
    Known(Currency),
    /// `¥`: the yuan's sign and the yen's.
    Yen,
    /// The sign of a currency outcomes are not kept in (`£`, `₹`, ...).
    Foreign,
}

/// Full-width signs (￦ ＄ ￥) arrive here already folded by NFKC.
fn sign(c: char) -> Option<Sign> {
    Some(match c {
        '₩' => Sign::Known(Currency::Krw),
        '$' => Sign::Known(Currency::Usd),
        '€' => Sign::Known(Currency::Eur),
        '¥' => Sign::Yen,
        '£' | '₹' | '₽' | '₫' | '฿' | '₪' | '₺' | '₴' | '₱' | '₦' | '¢' | '₣' | '₿' => {
            Sign::Foreign
        }
        _ => return None,
    })
}

/// Codes and words of currencies outcomes are not kept in: named as such when refused.
const FOREIGN: [&str; 22] = [
    "gbp", "hkd", "twd", "sgd", "aud", "cad", "chf", "rub", "inr", "vnd", "thb", "myr", "idr",
    "php", "nzd", "mop", "pound", "pounds", "rupee", "rupees", "ruble", "rubles",
];

/// An amount of money in hundredths of its unit (cents, jeon, fen): exact, never negative.
/// One outcome's amount is at most `MAX_UNITS`; a sum of them is kept in 128 bits, which
/// no number of outcomes can overflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Amount(i128);

/// The largest amount one outcome may state: 1,000 trillion (10^15) units. Anything larger
/// is a typo.
pub const MAX_UNITS: i64 = 1_000_000_000_000_000;
const MAX_MINOR: i64 = MAX_UNITS * 100;

impl Amount {
    /// An amount from hundredths (as stored, or a sum of them): none below zero.
    pub fn from_minor(minor: impl Into<i128>) -> Option<Amount> {
        let minor = minor.into();
        (minor >= 0).then_some(Amount(minor))
    }

    /// One outcome's amount in hundredths, as stored in `amount_minor`; `None` for a sum too
    /// large to be one outcome's.
    pub fn minor(self) -> Option<i64> {
        i64::try_from(self.0).ok().filter(|m| *m <= MAX_MINOR)
    }

    pub fn checked_add(self, other: Amount) -> Option<Amount> {
        self.0.checked_add(other.0).map(Amount)
    }

    /// The whole units (hundredths dropped).
    pub fn units(self) -> i128 {
        self.0 / 100
    }

    /// As data carries it: a decimal string without grouping or trailing zeros
    /// (`1500000000`, `1500000.5`).
    pub fn decimal(self) -> String {
        let (units, cents) = (self.0 / 100, self.0 % 100);
        match cents {
            0 => units.to_string(),
            c if c % 10 == 0 => format!("{units}.{}", c / 10),
            c => format!("{units}.{c:02}"),
        }
    }

    /// As people read it: thousands grouped with commas, hundredths only when there are
    /// any (`1,500,000,000`, `1,500,000.50`).
    pub fn grouped(self) -> String {
        let out = thousands(self.0 / 100);
        match self.0 % 100 {
            0 => out,
            c => format!("{out}.{c:02}"),
        }
    }
}

/// A whole number with its thousands grouped by commas: `1,500,000`.
pub fn thousands(n: i128) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

impl Serialize for Amount {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.decimal())
    }
}

/// An amount with its currency; `about` when it was stated as approximate (`약 10억 원`,
/// `about $300 million`, `15亿元左右`), which it is shown as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Money {
    pub amount: Amount,
    pub currency: Currency,
    pub about: bool,
}

impl Money {
    /// Reads an amount as people write it: digits with thousands commas and a decimal
    /// point; English scales (`thousand`, `k`, `million`, `m`, `bn`, `billion`,
    /// `trillion`); Korean and Chinese units (`천 만 억 조`, `千 万 亿`), which combine as
    /// they do in speech (`1조 5천억`, `1억 2,000만`); and a currency written in it (`USD
    /// 1.5 billion`, `$300 million`, `15억 원`, `15亿元`), which must agree with
    /// `currency` when that is given too. One of the two must name the currency. Words that
    /// make it approximate (`약`, `about`, `approximately`, `约`, `규모`, `左右`, ...) are read
    /// and kept (`about`). Refused: a range (`1-2 billion`), a unit with no number (`억`), a
    /// fraction of a won or a yen, which have no smaller unit.
    pub fn parse(input: &str, currency: Option<Currency>) -> Result<Money, UserError> {
        read(input, currency).map_err(|why| refusal(&why, input))
    }

    /// An amount as stored: hundredths, a currency code, and whether it is approximate.
    pub fn from_stored(minor: i64, currency: &str, about: bool) -> Option<Money> {
        Some(Money {
            amount: Amount::from_minor(minor)?,
            currency: Currency::ALL.into_iter().find(|c| c.label() == currency)?,
            about,
        })
    }

    /// The same figure in the same currency (an approximate and an exact statement of one
    /// pledge are the same pledge).
    pub fn same_figure(&self, other: &Money) -> bool {
        self.amount == other.amount && self.currency == other.currency
    }

    /// Amounts summed per currency, exactly, in the currencies' order (KRW, USD, CNY, EUR,
    /// JPY); never across currencies. None if a sum outgrows 128 bits.
    /// A sum with an approximate amount in it is approximate.
    pub fn totals(items: impl IntoIterator<Item = Money>) -> Option<Vec<Money>> {
        let mut sums: std::collections::BTreeMap<Currency, (Amount, bool)> = Default::default();
        for m in items {
            let (sum, about) = sums.entry(m.currency).or_default();
            *sum = sum.checked_add(m.amount)?;
            *about |= m.about;
        }
        Some(
            sums.into_iter()
                .map(|(currency, (amount, about))| Money {
                    amount,
                    currency,
                    about,
                })
                .collect(),
        )
    }
}

/// `USD 1,500,000,000`, `about KRW 1,000,000,000`
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.about {
            f.write_str("about ")?;
        }
        write!(f, "{} {}", self.currency, self.amount.grouped())
    }
}

/// `{"currency": "USD", "amount": "1500000000"}`: the amount as a decimal string, with
/// `"about": true` when approximate.
impl Serialize for Money {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Money", 2 + usize::from(self.about))?;
        st.serialize_field("currency", self.currency.label())?;
        st.serialize_field("amount", &self.amount)?;
        if self.about {
            st.serialize_field("about", &true)?;
        }
        st.end()
    }
}

/// Why an amount was refused.
#[derive(Debug, PartialEq)]
enum Why {
    Empty,
    NoNumber,
    Negative,
    UnknownCurrency(String),
    Yen,
    TwoCurrencies(Currency, Currency),
    Disagrees {
        written: Currency,
        given: Currency,
    },
    NoCurrency,
    /// A part it cannot read (None: the parts are known but make no number together).
    Unreadable(Option<String>),
    Commas(String),
    TooManyDecimals,
    TooBig,
    Zero,
    /// Two figures joined by a dash or tilde (`1-2 billion`, `10~20억`).
    Range,
    /// Hundredths of a currency that has none (won, yen).
    Fraction(Currency),
}

fn refusal(why: &Why, input: &str) -> UserError {
    let shown: String = input
        .trim()
        .chars()
        .filter(|c| !c.is_control())
        .take(40)
        .collect();
    let input = shown.as_str();
    UserError::from(match why {
        Why::Empty => msg!("amount-empty"),
        Why::NoNumber => msg!("amount-no-number", input = input),
        Why::Negative => msg!("amount-negative", input = input),
        Why::UnknownCurrency(c) => msg!("amount-unknown-currency", currency = c),
        Why::Yen => msg!("amount-yen-or-yuan"),
        Why::TwoCurrencies(a, b) => msg!(
            "amount-two-currencies",
            input = input,
            first = a.label(),
            second = b.label()
        ),
        Why::Disagrees { written, given } => msg!(
            "amount-disagrees",
            written = written.label(),
            given = given.label()
        ),
        Why::NoCurrency => msg!("amount-no-currency", input = input),
        Why::Unreadable(Some(part)) => msg!("amount-unreadable-part", input = input, part = part),
        Why::Unreadable(None) => msg!("amount-unreadable", input = input),
        Why::Commas(n) => msg!("amount-commas", number = n),
        Why::TooManyDecimals => msg!("amount-decimals", input = input),
        Why::TooBig => msg!("amount-too-big", input = input),
        Why::Zero => msg!("amount-zero", input = input),
        Why::Range => msg!("amount-range", input = input),
        Why::Fraction(Currency::Jpy) => msg!("amount-fraction-yen", input = input),
        Why::Fraction(_) => msg!("amount-fraction-won", input = input),
    })
}

/// A power of ten an amount is counted in. Small units (십 백 천, 十 百 千, hundred) add up
/// within a section; big ones (만 억 조, 万 亿, thousand, million, ...) multiply it.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Unit {
    power: u32,
    big: bool,
}

const SCALE_WORDS: [(&str, u32, bool); 19] = [
    ("hundred", 2, false),
    ("k", 3, true),
    ("thousand", 3, true),
    ("thousands", 3, true),
    ("m", 6, true),
    ("mn", 6, true),
    ("mln", 6, true),
    ("mio", 6, true),
    ("million", 6, true),
    ("millions", 6, true),
    ("b", 9, true),
    ("bn", 9, true),
    ("bln", 9, true),
    ("billion", 9, true),
    ("billions", 9, true),
    ("tn", 12, true),
    ("trn", 12, true),
    ("trillion", 12, true),
    ("trillions", 12, true),
];

fn scale_char(c: char) -> Option<Unit> {
    let (power, big) = match c {
        '십' | '十' => (1, false),
        '백' | '百' => (2, false),
        '천' | '千' => (3, false),
        '만' | '万' | '萬' => (4, true),
        '억' | '亿' | '億' => (8, true),
        '조' => (12, true),
        _ => return None,
    };
    Some(Unit { power, big })
}

#[derive(Debug, PartialEq)]
enum Token {
    /// Digits as written, with their commas and point.
    Number(String),
    Unit(Unit),
    Currency(Currency),
    Yen,
    Minus,
    /// ASCII letters, resolved once neighbouring words are seen (`us dollars`).
    Word(String),
}

/// Splits the text into numbers, units, currencies and words.
fn tokens(text: &str) -> Result<Vec<Token>, Why> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let digit_at = |j: usize| chars.get(j).is_some_and(char::is_ascii_digit);
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() || (c == '.' && digit_at(i + 1)) {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_digit() || (matches!(chars[i], '.' | ',') && digit_at(i + 1)))
            {
                i += 1;
            }
            out.push(Token::Number(chars[start..i].iter().collect()));
            continue;
        }
        i += 1;
        if c.is_whitespace() {
            continue;
        }
        if matches!(c, '-' | '−' | '–' | '—' | '~' | '〜' | '～') {
            out.push(Token::Minus);
            continue;
        }
        match sign(c) {
            Some(Sign::Known(currency)) => {
                out.push(Token::Currency(currency));
                continue;
            }
            Some(Sign::Yen) => {
                out.push(Token::Yen);
                continue;
            }
            Some(Sign::Foreign) => return Err(Why::UnknownCurrency(c.to_string())),
            None => {}
        }
        if c.is_ascii_alphabetic() {
            let start = i - 1;
            while i < chars.len() && chars[i].is_ascii_alphabetic() {
                i += 1;
            }
            out.push(Token::Word(chars[start..i].iter().collect()));
        } else if c.is_alphabetic() {
            // Hangul or Han: units and currency words run together (`억원`, `亿元人民币`).
            let start = i - 1;
            while i < chars.len() && chars[i].is_alphabetic() && !chars[i].is_ascii() {
                i += 1;
            }
            out.extend(split_run(&chars[start..i])?);
        } else {
            return Err(Why::Unreadable(Some(c.to_string())));
        }
    }
    resolve_words(out)
}

/// A run of Hangul or Han letters: each unit character on its own, the rest the longest
/// currency words that fit.
fn split_run(run: &[char]) -> Result<Vec<Token>, Why> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < run.len() {
        if let Some(unit) = scale_char(run[i]) {
            out.push(Token::Unit(unit));
            i += 1;
            continue;
        }
        let found = (i + 1..=run.len()).rev().find_map(|j| {
            let word: String = run[i..j].iter().collect();
            Currency::of_word(&normalize(&word)).map(|c| (j, c))
        });
        let Some((j, currency)) = found else {
            return Err(Why::Unreadable(Some(run[i..].iter().collect())));
        };
        out.push(Token::Currency(currency));
        i = j;
    }
    Ok(out)
}

/// Words become scales or currencies; neighbouring words may name one currency together
/// (`us dollars`, `korean won`).
fn resolve_words(tokens: Vec<Token>) -> Result<Vec<Token>, Why> {
    let mut out = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let flush = |words: &mut Vec<String>, out: &mut Vec<Token>| -> Result<(), Why> {
        let mut i = 0;
        while i < words.len() {
            let key = normalize(&words[i]);
            if let Some((_, power, big)) = SCALE_WORDS.iter().find(|(w, _, _)| *w == key) {
                out.push(Token::Unit(Unit {
                    power: *power,
                    big: *big,
                }));
                i += 1;
                continue;
            }
            let found = (i + 1..=words.len())
                .rev()
                .find_map(|j| Currency::of_word(&normalize(&words[i..j].concat())).map(|c| (j, c)));
            match found {
                Some((j, currency)) => {
                    out.push(Token::Currency(currency));
                    i = j;
                }
                None if FOREIGN.contains(&key.as_str()) => {
                    let code = if key.len() == 3 {
                        key.to_uppercase()
                    } else {
                        key
                    };
                    return Err(Why::UnknownCurrency(code));
                }
                None => return Err(Why::Unreadable(Some(words[i].clone()))),
            }
        }
        words.clear();
        Ok(())
    };
    for t in tokens {
        match t {
            Token::Word(w) => words.push(w),
            other => {
                flush(&mut words, &mut out)?;
                out.push(other);
            }
        }
    }
    flush(&mut words, &mut out)?;
    Ok(out)
}

/// Numbers are read as integers scaled by 10^FRAC, so every step is exact.
const FRAC: u32 = 20;

fn pow10(n: u32) -> i128 {
    10i128.pow(n)
}

/// Digits with thousands commas and at most one decimal point, scaled by 10^FRAC.
fn number(text: &str) -> Result<i128, Why> {
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    if frac.contains(['.', ',']) {
        return Err(if frac.contains(',') {
            Why::Commas(text.into())
        } else {
            Why::Unreadable(Some(text.into()))
        });
    }
    if int.contains(',') {
        let groups: Vec<&str> = int.split(',').collect();
        let grouped =
            (1..=3).contains(&groups[0].len()) && groups[1..].iter().all(|g| g.len() == 3);
        if !grouped {
            return Err(Why::Commas(text.into()));
        }
    }
    let int: String = int.chars().filter(char::is_ascii_digit).collect();
    let int = int.trim_start_matches('0');
    let frac = frac.trim_end_matches('0');
    if int.len() > 18 {
        return Err(Why::TooBig);
    }
    if frac.len() > FRAC as usize {
        return Err(Why::TooManyDecimals);
    }
    let whole: i128 = if int.is_empty() {
        0
    } else {
        int.parse().map_err(|_| Why::TooBig)?
    };
    let part: i128 = if frac.is_empty() {
        0
    } else {
        frac.parse().map_err(|_| Why::TooBig)?
    };
    Ok(whole * pow10(FRAC) + part * pow10(FRAC - frac.len() as u32))
}

/// Words around an amount that make it approximate, in English, Korean and Chinese: before
/// it (`about`, `약`, `约`) or after it (`규모`, `가량`, `左右`, `规模`).
const ABOUT_BEFORE: [&str; 11] = [
    "approximately",
    "approx.",
    "approx",
    "about",
    "around",
    "roughly",
    "some",
    "약",
    "대략",
    "大约",
    "约",
];
const ABOUT_AFTER: [&str; 6] = ["규모", "가량", "정도", "左右", "规模", "規模"];

/// `text` without the words that make it approximate, and whether it had any.
fn strip_about(text: &str) -> (String, bool) {
    let mut t = text.trim().to_string();
    let mut about = false;
    loop {
        let before = ABOUT_BEFORE.iter().find_map(|w| {
            let rest = t.strip_prefix(w)?;
            // A Latin word ends at a space or a digit (`about1` is not read as one).
            let ends = !w.is_ascii() || rest.starts_with(|c: char| !c.is_ascii_alphabetic());
            ends.then(|| rest.trim_start().to_string())
        });
        let after = ABOUT_AFTER
            .iter()
            .find_map(|w| t.strip_suffix(w).map(|rest| rest.trim_end().to_string()));
        match before.or(after) {
            Some(rest) => {
                t = rest;
                about = true;
            }
            None => return (t, about),
        }
    }
}

fn read(input: &str, given: Option<Currency>) -> Result<Money, Why> {
    let text: String = input
        .trim()
        .nfkc()
        .filter(|c| !super::text::is_invisible(*c))
        .collect::<String>()
        .to_lowercase();
    if text.is_empty() {
        return Err(Why::Empty);
    }
    let (text, about) = strip_about(&text);
    // Signs written with a country's letters before them.
    let text = text
        .replace("us$", " usd ")
        .replace("hk$", " hkd ")
        .replace("rmb¥", " cny ")
        .replace("cn¥", " cny ")
        .replace("jp¥", " jpy ");
    let tokens = tokens(&text)?;
    let mut written: Option<Currency> = None;
    let mut yen = false;
    for t in &tokens {
        match t {
            Token::Currency(c) => match written {
                Some(w) if w != *c => return Err(Why::TwoCurrencies(w, *c)),
                _ => written = Some(*c),
            },
            Token::Yen => yen = true,
            _ => {}
        }
    }
    if yen {
        match (written.or(given), given) {
            // `¥` with CNY or JPY named elsewhere is no longer ambiguous.
            (Some(c @ (Currency::Cny | Currency::Jpy)), _) => written = Some(c),
            _ => return Err(Why::Yen),
        }
    }
    let figures: Vec<&Token> = tokens
        .iter()
        .filter(|t| !matches!(t, Token::Currency(_) | Token::Yen))
        .collect();
    if let Some(at) = figures.iter().position(|t| **t == Token::Minus) {
        let after_figure = at > 0 && matches!(figures[at - 1], Token::Number(_) | Token::Unit(_));
        return Err(match figures.get(at + 1) {
            Some(Token::Number(_)) if after_figure => Why::Range,
            Some(Token::Number(_)) => Why::Negative,
            _ => Why::Unreadable(Some("-".into())),
        });
    }
    // A unit alone (`억`) is no amount: it says how much of what, not how much.
    if !figures.iter().any(|t| matches!(t, Token::Number(_))) {
        return Err(Why::NoNumber);
    }
    let minor = evaluate(&figures)?;
    let currency = match (written, given) {
        (Some(w), Some(g)) if w != g => {
            return Err(Why::Disagrees {
                written: w,
                given: g,
            });
        }
        (Some(c), _) | (None, Some(c)) => c,
        (None, None) => return Err(Why::NoCurrency),
    };
    if matches!(currency, Currency::Krw | Currency::Jpy) && minor % 100 != 0 {
        return Err(Why::Fraction(currency));
    }
    Ok(Money {
        amount: Amount(minor.into()),
        currency,
        about,
    })
}

/// The value of numbers and units in hundredths, combined as spoken: small units add up a
/// section (`5천3백` = 5,300), a big unit multiplies the section before it (`5천3백만` =
/// 53,000,000), and big units go from the largest down (`1조 5천억`).
fn evaluate(figures: &[&Token]) -> Result<i64, Why> {
    let too_big = || Why::TooBig;
    let mut total: i128 = 0;
    let mut section: i128 = 0;
    let mut pending: Option<i128> = None;
    let (mut last_big, mut last_small) = (u32::MAX, u32::MAX);
    for t in figures {
        match t {
            Token::Number(n) => {
                if pending.is_some() {
                    return Err(Why::Unreadable(None));
                }
                pending = Some(number(n)?);
            }
            Token::Unit(Unit { power, big: false }) => {
                if *power >= last_small {
                    return Err(Why::Unreadable(None));
                }
                last_small = *power;
                let coefficient = pending.take().unwrap_or(pow10(FRAC));
                section = coefficient
                    .checked_mul(pow10(*power))
                    .and_then(|v| v.checked_add(section))
                    .ok_or_else(too_big)?;
            }
            Token::Unit(Unit { power, big: true }) => {
                if *power >= last_big {
                    return Err(Why::Unreadable(None));
                }
                (last_big, last_small) = (*power, u32::MAX);
                let coefficient = match pending.take() {
                    Some(n) => n.checked_add(section).ok_or_else(too_big)?,
                    None if section == 0 => pow10(FRAC),
                    None => section,
                };
                total = coefficient
                    .checked_mul(pow10(*power))
                    .and_then(|v| v.checked_add(total))
                    .ok_or_else(too_big)?;
                section = 0;
            }
            _ => return Err(Why::Unreadable(None)),
        }
    }
    total = total
        .checked_add(section + pending.unwrap_or(0))
        .ok_or_else(too_big)?;
    let hundredth = pow10(FRAC - 2);
    if total % hundredth != 0 {
        return Err(Why::TooManyDecimals);
    }
    let minor = total / hundredth;
    if minor > MAX_MINOR as i128 {
        return Err(Why::TooBig);
    }
    if minor == 0 {
        return Err(Why::Zero);
    }
    Ok(minor as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn money(input: &str, given: Option<Currency>) -> (String, &'static str) {
        let m = Money::parse(input, given).unwrap_or_else(|e| panic!("{input}: {e}"));
        (m.amount.decimal(), m.currency.label())
    }

    #[test]
    fn every_written_form_reads_exactly() {
        use Currency::*;
        for (input, given, amount, currency) in [
            ("1500000000", Some(Krw), "1500000000", "KRW"),
            ("1,500,000,000", Some(Usd), "1500000000", "USD"),
            ("1.5 billion", Some(Usd), "1500000000", "USD"),
            ("300 million", Some(Eur), "300000000", "EUR"),
            ("2 trillion", Some(Krw), "2000000000000", "KRW"),
            ("1.5bn", Some(Usd), "1500000000", "USD"),
            ("15억", Some(Krw), "1500000000", "KRW"),
            ("1조 5천억", Some(Krw), "1500000000000", "KRW"),
            ("3천만", Some(Krw), "30000000", "KRW"),
            ("1억 2,000만", Some(Krw), "120000000", "KRW"),
            ("15亿", Some(Cny), "1500000000", "CNY"),
            ("1.2万", Some(Cny), "12000", "CNY"),
            ("USD 1.5 billion", None, "1500000000", "USD"),
            ("15억 원", None, "1500000000", "KRW"),
            ("15억원", None, "1500000000", "KRW"),
            ("$300 million", None, "300000000", "USD"),
            ("15亿元", None, "1500000000", "CNY"),
            ("15亿元人民币", None, "1500000000", "CNY"),
            ("1.5 billion US dollars", None, "1500000000", "USD"),
            ("US$1.5bn", None, "1500000000", "USD"),
            ("€2 million", None, "2000000", "EUR"),
            ("5천3백만 원", None, "53000000", "KRW"),
            ("50억 엔", None, "5000000000", "JPY"),
            ("1억円", None, "100000000", "JPY"),
            ("300万美元", None, "3000000", "USD"),
            ("1500000.50", Some(Usd), "1500000.5", "USD"),
            ("1,234.56", Some(Usd), "1234.56", "USD"),
            ("1.234 billion", Some(Usd), "1234000000", "USD"),
            ("USD 1.5 billion", Some(Usd), "1500000000", "USD"),
            ("¥300 million", Some(Jpy), "300000000", "JPY"),
            ("ＵＳＤ　１．５ billion", None, "1500000000", "USD"),
            ("3억 불", None, "300000000", "USD"),
            ("1조 5천억 원", None, "1500000000000", "KRW"),
        ] {
            assert_eq!(
                money(input, given),
                (amount.to_string(), currency),
                "{input}"
            );
        }
    }

    fn refused(input: &str, given: Option<Currency>) -> String {
        match Money::parse(input, given) {
            Ok(m) => panic!("{input} should be refused, read as {m}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn item15_words_around_an_amount_make_it_approximate() {
        for (input, shown) in [
            ("약 10억 원", "about KRW 1,000,000,000"),
            ("10억 원 규모", "about KRW 1,000,000,000"),
            ("약 1조 5천억 원 규모", "about KRW 1,500,000,000,000"),
            ("about $300 million", "about USD 300,000,000"),
            ("approximately 1.5 billion USD", "about USD 1,500,000,000"),
            ("约15亿元", "about CNY 1,500,000,000"),
            ("15亿元左右", "about CNY 1,500,000,000"),
            ("3억 불 가량", "about USD 300,000,000"),
        ] {
            let m = Money::parse(input, None).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert!(m.about, "{input}");
            assert_eq!(m.to_string(), shown);
            assert_eq!(serde_json::to_value(m).unwrap()["about"], true);
        }
        let exact = Money::parse("10억 원", None).unwrap();
        assert!(!exact.about && exact.same_figure(&Money::parse("약 10억 원", None).unwrap()));
    }

    #[test]
    fn refusals_say_what_to_type() {
        use Currency::*;
        for (input, given, says) in [
            ("-300 million", Some(Usd), "negative"),
            ("USD -5", None, "negative"),
            ("300 million GBP", None, "`GBP` is not a currency I know"),
            ("£300", None, "`£` is not a currency I know"),
            ("USD 15억 원", None, "two currencies (USD and KRW)"),
            ("$5 euros", None, "two currencies"),
            ("", Some(Krw), "empty"),
            ("   ", Some(Krw), "empty"),
            ("1.5 zillion", Some(Usd), "cannot read (`zillion`)"),
            ("$1-2 billion", None, "is a range, not an amount"),
            ("10~20억 원", None, "is a range"),
            ("억", Some(Krw), "has no number"),
            ("만 원", None, "has no number"),
            ("천", Some(Krw), "has no number"),
            ("0.01 KRW", None, "fraction of a won"),
            ("1.5 JPY", None, "fraction of a yen"),
            ("15억쯤", Some(Krw), "cannot read (`쯤`)"),
            ("5억 1조", Some(Krw), "cannot read `5억 1조`"),
            ("1 500", Some(Krw), "cannot read"),
            ("¥300 million", None, "write CNY or JPY"),
            ("¥300 million", Some(Usd), "write CNY or JPY"),
            ("15억", None, "names no currency"),
            ("15억 원", Some(Usd), "in KRW but `currency` says USD"),
            ("1.005", Some(Usd), "more than two decimals"),
            ("1,5", Some(Usd), "commas group thousands"),
            ("1,50,000", Some(Usd), "commas group thousands"),
            ("2000 trillion", Some(Krw), "more than 1,000 trillion"),
            (
                "99999999999999999999999",
                Some(Krw),
                "more than 1,000 trillion",
            ),
            ("0", Some(Krw), "zero"),
            ("USD", None, "has no number"),
        ] {
            let message = refused(input, given);
            assert!(message.contains(says), "{input}: {message}");
            assert!(
                message.ends_with('.') && !message.replace("e.g. ", "").contains(". "),
                "one sentence: {message}"
            );
        }
    }

    #[test]
    fn currencies_parse_alone_and_yen_sign_is_refused() {
        assert_eq!(Currency::parse("usd").unwrap(), Currency::Usd);
        assert_eq!(Currency::parse("₩").unwrap(), Currency::Krw);
        assert_eq!(Currency::parse("￦").unwrap(), Currency::Krw);
        assert_eq!(Currency::parse("위안").unwrap(), Currency::Cny);
        assert_eq!(Currency::parse("人民币").unwrap(), Currency::Cny);
        assert_eq!(Currency::parse("円").unwrap(), Currency::Jpy);
        assert_eq!(Currency::parse("유로").unwrap(), Currency::Eur);
        assert!(
            Currency::parse("¥")
                .unwrap_err()
                .to_string()
                .contains("CNY or JPY")
        );
        assert!(
            Currency::parse("GBP")
                .unwrap_err()
                .to_string()
                .contains("KRW, USD")
        );
        assert!(Currency::parse("").is_err());
    }

    #[test]
    fn amounts_show_grouped_and_carry_decimal_strings() {
        let m = Money::parse("1.5 billion", Some(Currency::Usd)).unwrap();
        assert_eq!(m.to_string(), "USD 1,500,000,000");
        let m = Money::parse("1500000.5", Some(Currency::Usd)).unwrap();
        assert_eq!(m.to_string(), "USD 1,500,000.50");
        assert_eq!(
            serde_json::to_value(m).unwrap(),
            serde_json::json!({"currency": "USD", "amount": "1500000.5"})
        );
        assert_eq!(Amount(5).decimal(), "0.05");
        assert_eq!(Amount(100).grouped(), "1");
        assert_eq!(Amount(100_000).grouped(), "1,000");
        assert_eq!(
            Money::from_stored(150, "USD", false).unwrap().to_string(),
            "USD 1.50"
        );
        assert_eq!(
            Money::from_stored(100_000, "KRW", true)
                .unwrap()
                .to_string(),
            "about KRW 1,000"
        );
        assert_eq!(Money::from_stored(150, "GBP", false), None);
    }

    #[test]
    fn sums_are_exact_and_per_currency() {
        let m = |s: &str, c| Money::parse(s, Some(c)).unwrap();
        let totals = Money::totals([
            m("0.1", Currency::Usd),
            m("0.2", Currency::Usd),
            m("15억", Currency::Krw),
            m("1.5 billion", Currency::Usd),
        ])
        .unwrap();
        assert_eq!(
            totals.iter().map(ToString::to_string).collect::<Vec<_>>(),
            ["KRW 1,500,000,000", "USD 1,500,000,000.30"]
        );
        // Sums go past what one outcome (and SQLite's integers) can hold, exactly.
        let most = m("999999999999999.99", Currency::Usd);
        let sum = Money::totals(std::iter::repeat_n(most, 200)).unwrap();
        assert_eq!(sum[0].amount.decimal(), "199999999999999998");
        assert_eq!(sum[0].amount.minor(), None, "no one outcome's amount");
    }
}
