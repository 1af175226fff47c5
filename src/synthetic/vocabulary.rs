//! The names, titles and topics synthetic records are made of.

pub(super) const CN_SURNAMES: [&str; 20] = [
    "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma",
    "Zhu", "Hu", "Guo", "He", "Lin", "Gao", "Luo",
];
pub(super) const CN_GIVEN: [&str; 24] = [
    "Jianguo",
    "Xiaoming",
    "Changxing",
    "Wei",
    "Hong",
    "Jun",
    "Lei",
    "Yong",
    "Haiyan",
    "Zhiqiang",
    "Guoqing",
    "Xiuying",
    "Jianhua",
    "Dongsheng",
    "Lihua",
    "Mingyuan",
    "Qiang",
    "Ping",
    "Yunfei",
    "Zhenhua",
    "Xiaodong",
    "Hailong",
    "Ruixue",
    "Tianyu",
];
pub(super) const KR_SURNAMES: [&str; 12] = [
    "Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Oh",
];
pub(super) const KR_GIVEN: [&str; 20] = [
    "Min-su",
    "Ji-hoon",
    "Young-hun",
    "Se-hoon",
    "Duck-soo",
    "Seo-yeon",
    "Hyun-woo",
    "Eun-ji",
    "Jae-won",
    "Sung-min",
    "Ha-eun",
    "Dong-hyun",
    "Soo-jin",
    "Jin-ho",
    "Mi-kyung",
    "Tae-yang",
    "Yoon-seo",
    "Kyung-soo",
    "Hye-jin",
    "Sang-woo",
];
pub(super) const CN_TITLES: [&str; 5] = [
    "Party Secretary of",
    "Governor of",
    "Vice Governor of",
    "Mayor of the capital of",
    "Commerce Department head of",
];
pub(super) const KR_TITLES: [&str; 6] = [
    "Mayor",
    "Governor",
    "Vice Mayor",
    "Minister",
    "Vice Minister",
    "Assembly Speaker",
];
pub(super) const TOPICS: [&str; 12] = [
    "semiconductor supply chains",
    "electric vehicle batteries",
    "tourism and direct flights",
    "free trade port investment",
    "biotechnology cooperation",
    "cultural exchange",
    "port logistics",
    "green hydrogen",
    "agricultural trade",
    "education and students",
    "sister-city relations",
    "cosmetics and consumer goods",
];

pub(super) const FORUM_NAMES: [(&str, &str); 5] = [
    ("Jeju Forum", "conference"),
    ("Korea-China Investment Forum", "investment forum"),
    ("Provincial Business Forum", "business forum"),
    (
        "Free Trade Port Promotion Conference",
        "promotion conference",
    ),
    ("Korea-China Economic Cooperation Conference", "conference"),
];
