//! A news page reduced to its article's text: scripts, styles, navigation, headers,
//! footers, asides, forms and figure captions dropped; the `<article>` (else `<main>`, else
//! `<body>`) kept with one line per paragraph; entities decoded. The publication date is
//! read from the page's metadata. Regular expressions over the markup are enough for
//! this (the engine tolerates what slips through: it drops boilerplate lines itself), so
//! no HTML parser is added to the build.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::pattern as re;

pub struct Page {
    pub title: Option<String>,
    pub text: String,
    pub published: Option<NaiveDate>,
}

fn decode(s: &str) -> String {
    static ENTITY: LazyLock<Regex> = LazyLock::new(|| re(r"&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);"));
    ENTITY
        .replace_all(s, |c: &regex::Captures| {
            let e = &c[1];
            let ch = if let Some(hex) = e.strip_prefix("#x") {
                u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
            } else if let Some(dec) = e.strip_prefix('#') {
                dec.parse().ok().and_then(char::from_u32)
            } else {
                match e {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    "nbsp" => Some(' '),
                    "middot" => Some('·'),
                    "hellip" => Some('…'),
                    "ldquo" => Some('“'),
                    "rdquo" => Some('”'),
                    "lsquo" => Some('‘'),
                    "rsquo" => Some('’'),
                    "mdash" => Some('—'),
                    "ndash" => Some('–'),
                    _ => None,
                }
            };
            ch.map_or_else(|| c[0].to_string(), |c| c.to_string())
        })
        .into_owned()
}

fn published(html: &str) -> Option<NaiveDate> {
    static META: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r#"(?is)<meta[^>]+(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|og:published_time|pubdate|publishdate|datePublished|date)["'][^>]*content\s*=\s*["'](\d{4})-(\d{2})-(\d{2})|<meta[^>]+content\s*=\s*["'](\d{4})-(\d{2})-(\d{2})[^"']*["'][^>]*(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|pubdate|datePublished)["']|<time[^>]+datetime\s*=\s*["'](\d{4})-(\d{2})-(\d{2})|"datePublished"\s*:\s*"(\d{4})-(\d{2})-(\d{2})"#,
        )
    });
    let c = META.captures(html)?;
    let g = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let (y, m, d) = [(1, 2, 3), (4, 5, 6), (7, 8, 9), (10, 11, 12)]
        .into_iter()
        .find_map(|(a, b, e)| Some((g(a)?, g(b)?, g(e)?)))?;
    NaiveDate::from_ymd_opt(y as i32, m, d)
}

/// Whether a pasted or read text is a page's markup rather than its words: it opens with a
/// tag and holds the elements an article page is made of.
pub fn is_markup(text: &str) -> bool {
    static PAGE: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)<(!doctype\s+html|html|head|body|article|p|div|meta)\b"));
    text.trim_start().starts_with('<') && PAGE.is_match(text)
}

pub fn reduce(html: &str) -> Page {
    static DROP: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?is)<!--.*?-->|<(script|style|noscript|nav|header|footer|aside|form|figcaption|iframe|svg|button|select)\b[^>]*>.*?</\s*(script|style|noscript|nav|header|footer|aside|form|figcaption|iframe|svg|button|select)\s*>",
        )
    });
    static TITLE: LazyLock<Regex> = LazyLock::new(|| re(r"(?is)<title[^>]*>(.*?)</title>"));
    static H1: LazyLock<Regex> = LazyLock::new(|| re(r"(?is)<h1[^>]*>(.*?)</h1>"));
    static BLOCK: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)<\s*(br|/?p|/?div|/?h[1-6]|/?li|/?tr|/?section|/?blockquote|/?article|/?ul|/?ol|/?table)\b[^>]*>",
        )
    });
    static TAG: LazyLock<Regex> = LazyLock::new(|| re(r"(?s)<[^>]*>"));
    let published = published(html);
    let cleaned = DROP.replace_all(html, "\n");
    // The article's own element when the page marks it, else the main part, else the body.
    static CONTAINERS: LazyLock<Vec<(Regex, Regex)>> = LazyLock::new(|| {
        ["article", "main", "body"]
            .iter()
            .map(|tag| {
                (
                    re(&format!(r"(?is)<{tag}\b[^>]*>")),
                    re(&format!(r"(?is)</{tag}\s*>")),
                )
            })
            .collect()
    });
    let body = CONTAINERS
        .iter()
        .find_map(|(open, close)| {
            let start = open.find(&cleaned)?.end();
            let end = close
                .find_iter(&cleaned)
                .last()
                .map_or(cleaned.len(), |m| m.start());
            (end > start).then(|| cleaned[start..end].to_string())
        })
        .unwrap_or_else(|| cleaned.to_string());
    let title = H1
        .captures(&body)
        .or_else(|| TITLE.captures(&cleaned))
        .map(|c| decode(TAG.replace_all(&c[1], "").trim()))
        .filter(|t| !t.is_empty());
    let text = BLOCK.replace_all(&body, "\n");
    let text = decode(&TAG.replace_all(&text, ""));
    let mut lines: Vec<String> = text
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    if let Some(t) = &title
        && lines.first() != Some(t)
    {
        lines.insert(0, t.clone());
    }
    Page {
        title,
        text: lines.join("\n\n"),
        published,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_article_is_kept_and_the_furniture_dropped() {
        let html = r#"<html><head><title>Site | News</title>
            <meta property="article:published_time" content="2024-06-01T09:12:00+09:00">
            <script>var ads = "online casino";</script><style>p{}</style></head>
            <body><nav><a href="/">Home</a> Politics</nav><header>Menu</header>
            <article><h1>Hainan governor visits Jeju</h1><p>Liu Xiaoming met Oh Young-hun &amp; signed an MOU.</p>
            <figure><img src="x"><figcaption>(Photo: the two governors)</figcaption></figure>
            <p>It was the 19th Jeju&nbsp;Forum.</p></article><footer>Copyright</footer></body></html>"#;
        let page = reduce(html);
        assert_eq!(
            page.text,
            "Hainan governor visits Jeju\n\nLiu Xiaoming met Oh Young-hun & signed an MOU.\n\nIt was the 19th Jeju Forum."
        );
        assert_eq!(page.published, NaiveDate::from_ymd_opt(2024, 6, 1));
    }
}
