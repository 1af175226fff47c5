"""Generates data/hanja_hangul.tsv: the Sino-Korean (한자음) readings of CJK ideographs.

One line per character of the basic CJK Unified Ideographs block (U+4E00..U+9FFF) that has
a reading, as `char<TAB>readings`, readings `;`-separated. No header line, no comments; the
file is sorted by code point and ends with a newline.

Source: Unicode's Unihan database as Debian ships it in the package `unicode-data`
(/usr/share/unicode/; Debian 12 ships Unihan_Readings.txt.bz2 and Unihan_Variants.txt.bz2,
other releases a Unihan.zip: both are read). Unicode licence (Unicode, Inc. licence
agreement for data files, https://www.unicode.org/license.txt); see tools/README-kr-places.md.

  kHangul            the readings, each with source tags after a colon ("리:0E 이:0");
                     the tags are dropped. E marks the reading of the 1,800 basic
                     educational hanja (교육용 기초한자), N a reading of the hanja for
                     personal names (인명용 한자), 0/1 the KS X 1001 / KS X 1002 sets.
  kTraditionalVariant / kSimplifiedVariant
                     a simplified character with no kHangul of its own (吴, 刘, 发) takes
                     the readings of its traditional form(s) (吳 오, 劉 류/유, 發/髮 발);
                     failing that, a character takes those of its simplified form.
  kZVariant          failing both, those of a z-variant (the same character in another
                     glyph: 録 takes 錄 록).
  kKorean            failing all of these, the character's kKorean (Yale romanization,
                     converted: 尚 SANG 상, 你 NI 니); it agrees with kHangul for about 98%
                     of the characters that have both, so it is the last resort.
  A simplified character with readings of its own gets its traditional form's other
  readings after them (于 우;어), or before them for the few in PREFER_TRADITIONAL below,
  whose own reading is a rare one (广 광;엄, 台 대;태, 宁 녕;령;영;저).

Order of the readings: Unihan lists them in Hangul order (羅 "나:0 라:0E"), which is not an
order of use. This script puts first the readings tagged E, then those tagged N, then the
rest, each group in Unihan's order: so the first reading is the standard (본음) one (羅 라,
李 리, 盧 로, 北 북, 金 금) and the initial-sound-law forms that Unihan lists beside it
(李 이, 羅 나) come after it. The code applies 두음법칙 itself (tools/README-kr-places.md).

Usage (Python 3.11; needs `apt-get install unicode-data`):
  python3 tools/gen_hanja.py                       # writes data/hanja_hangul.tsv
  python3 tools/gen_hanja.py --unihan-dir DIR      # Unihan files elsewhere
  python3 tools/gen_hanja.py --any-version         # accept another Unihan version
Prints the counts and the size of the file; exits non-zero if a check fails.
"""
import argparse
import bz2
import hashlib
import io
import os
import subprocess
import sys
import zipfile
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
UNIHAN_DIR = "/usr/share/unicode"
DEBIAN_PACKAGE = "unicode-data"
DEBIAN_VERSION = "15.0.0-1"   # Debian 12 (bookworm)
UNICODE_VERSION = "15.0.0"
# sha256 of the files of unicode-data 15.0.0-1, as installed.
SHA256 = {
    "Unihan_Readings.txt.bz2":
        "216d9e19e44195522b84a05bf7308e385356615121258869faf919e96824ddd5",
    "Unihan_Variants.txt.bz2":
        "42f42d18fe0368ca8dfb76d91bb2612b4bb34fe7960a4aa770687c0bf48a0cce",
}
FIRST, LAST = 0x4E00, 0x9FFF

# Simplified characters that have a rare reading of their own in Unihan but in modern
# Chinese stand for a traditional character with another reading: the traditional form's
# readings come first (广 광, not 엄: 广州 광주; 宁 녕: 辽宁 요녕; 台 대: 台湾 대만; 叶 엽).
# Other simplified characters with readings of their own keep them first and get the
# traditional form's readings after them (于 우;어, 征 정;징, 只 지;척, 郁 욱;울).
PREFER_TRADITIONAL = set("丰价体儿几台叶听坏宁广担机灯画确胆胜腊芦蚕蜡适霉隶仆扑亏吁洒")

# Readings that must come out as given (first reading, then all of them): a self-check of
# the parsing, the ordering and the variant fallback.
EXPECTED = {
    "李": "리;이", "劉": "류;유", "柳": "류;유", "林": "림;임", "羅": "라;나", "盧": "로;노",
    "呂": "려;여", "梁": "량;양", "金": "금;김", "水": "수", "原": "원", "韓": "한",
    "吳": "오", "吴": "오", "刘": "류;유", "罗": "라;나", "张": "장", "陈": "진",
    "习": "습", "近": "근", "平": "평", "济": "제", "州": "주", "庆": "경",
    "广": "광;엄", "宁": "녕;령;영;저", "台": "대;태", "叶": "엽;섭;협", "于": "우;어",
    "发": "발", "体": "체;분", "尚": "상", "你": "니",
}


def unihan_text(directory, base):
    """The text of Unihan_<base>.txt from DIR/Unihan_<base>.txt.bz2 or DIR/Unihan.zip."""
    path = os.path.join(directory, f"Unihan_{base}.txt.bz2")
    if os.path.exists(path):
        with open(path, "rb") as f:
            data = f.read()
        return os.path.basename(path), hashlib.sha256(data).hexdigest(), \
            bz2.decompress(data).decode("utf-8")
    path = os.path.join(directory, "Unihan.zip")
    if os.path.exists(path):
        with open(path, "rb") as f:
            data = f.read()
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "Unihan.zip", hashlib.sha256(data).hexdigest(), \
                z.read(f"Unihan_{base}.txt").decode("utf-8")
    sys.exit(f"no Unihan_{base}.txt.bz2 nor Unihan.zip in {directory} "
             f"(apt-get install {DEBIAN_PACKAGE})")


def parse(text, fields):
    out = {f: {} for f in fields}
    version = None
    for line in text.splitlines():
        if line.startswith("#"):
            if "Unicode version:" in line:
                version = line.split(":", 1)[1].strip()
            continue
        if not line:
            continue
        cp, field, value = line.split("\t", 2)
        if field in out:
            out[field][chr(int(cp[2:], 16))] = value
    return version, out


def ordered_readings(value):
    """'나:0 라:0E' -> ['라', '나']: E-tagged first, then N-tagged, then the rest."""
    items = []
    for i, part in enumerate(value.split()):
        reading, _, tags = part.partition(":")
        rank = 0 if "E" in tags else 1 if "N" in tags else 2
        items.append((rank, i, reading))
    out = []
    for _rank, _i, reading in sorted(items):
        if reading not in out:
            out.append(reading)
    return out


# kKorean (Yale romanization, capitals) -> Hangul, for characters with no kHangul.
_YALE_INITIAL = [("KK", 1), ("KH", 15), ("TT", 4), ("TH", 16), ("PP", 8), ("PH", 17),
                 ("SS", 10), ("CC", 13), ("CH", 14), ("K", 0), ("N", 2), ("T", 3), ("L", 5),
                 ("M", 6), ("P", 7), ("S", 9), ("C", 12), ("H", 18)]
_YALE_VOWEL = ["A", "AY", "YA", "YAY", "E", "EY", "YE", "YEY", "O", "WA", "WAY", "OY", "YO",
               "WU", "WE", "WEY", "WI", "YU", "U", "UY", "I"]
_YALE_FINAL = {"": 0, "K": 1, "N": 4, "T": 7, "L": 8, "M": 16, "P": 17, "S": 19, "NG": 21}


def yale(s):
    """'SANG' -> '상', 'KWANG' -> '광', 'UY' -> '의'; None if it does not parse."""
    cho, rest = 11, s
    for prefix, i in _YALE_INITIAL:
        if s.startswith(prefix):
            cho, rest = i, s[len(prefix):]
            break
    for v in sorted(_YALE_VOWEL, key=len, reverse=True):
        if rest.startswith(v) and rest[len(v):] in _YALE_FINAL:
            return chr(0xAC00 + (cho * 21 + _YALE_VOWEL.index(v)) * 28
                       + _YALE_FINAL[rest[len(v):]])
    return None


def targets(value):
    return [chr(int(u[2:], 16)) for u in value.split()]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--unihan-dir", default=UNIHAN_DIR)
    ap.add_argument("--out", default=os.path.join(ROOT, "data", "hanja_hangul.tsv"))
    ap.add_argument("--any-version", action="store_true",
                    help="accept a Unihan other than the pinned one")
    args = ap.parse_args()

    problems = []
    try:
        pkg = subprocess.run(["dpkg-query", "-W", "-f=${Version}", DEBIAN_PACKAGE],
                             capture_output=True, text=True).stdout.strip()
    except FileNotFoundError:
        pkg = ""
    name_r, sha_r, readings_txt = unihan_text(args.unihan_dir, "Readings")
    name_v, sha_v, variants_txt = unihan_text(args.unihan_dir, "Variants")
    ver_r, r = parse(readings_txt, ["kHangul", "kKorean"])
    ver_v, v = parse(variants_txt, ["kTraditionalVariant", "kSimplifiedVariant",
                                    "kZVariant"])
    pinned = all(SHA256.get(n) == s for n, s in ((name_r, sha_r), (name_v, sha_v)))
    print(f"source: Unihan {ver_r} ({name_r} sha256 {sha_r[:16]}..., {name_v} sha256 "
          f"{sha_v[:16]}...), Debian {DEBIAN_PACKAGE} {pkg or '(not installed via dpkg)'}")
    if ver_r != ver_v:
        problems.append(f"Readings is Unicode {ver_r}, Variants {ver_v}")
    if not pinned or ver_r != UNICODE_VERSION:
        msg = (f"Unihan is not the pinned {UNICODE_VERSION} of {DEBIAN_PACKAGE} "
               f"{DEBIAN_VERSION} (hash or version differs)")
        if args.any_version:
            print("note:", msg)
        else:
            problems.append(msg + "; check the output and pass --any-version, or update "
                                  "SHA256/UNICODE_VERSION")

    hangul = {c: ordered_readings(val) for c, val in r["kHangul"].items()}
    korean = r["kKorean"]
    # How far kKorean agrees with kHangul where a character has both (a measure of the
    # fallback below): the readings of one are a subset of the other's.
    both = [c for c in korean if c in hangul]
    agree = sum(1 for c in both
                if {yale(y) for y in korean[c].split()} <= set(hangul[c])
                or set(hangul[c]) <= {yale(y) for y in korean[c].split()})
    trad, simp, zvar = v["kTraditionalVariant"], v["kSimplifiedVariant"], v["kZVariant"]
    rows, own, added, preferred = [], 0, 0, 0
    via = Counter()
    for cp in range(FIRST, LAST + 1):
        c = chr(cp)
        got = hangul.get(c)
        if got:
            own += 1
            from_trad = []
            for t in targets(trad.get(c, "")):
                if t != c:
                    from_trad += [x for x in hangul.get(t, []) if x not in from_trad]
            extra = [x for x in from_trad if x not in got]
            if c in PREFER_TRADITIONAL:
                got = from_trad + [x for x in got if x not in from_trad]
                preferred += 1
            elif extra:
                got = got + extra
                added += 1
        else:
            for field, counter in ((trad, "traditional"), (simp, "simplified"), (zvar, "z")):
                got = []
                for t in targets(field.get(c, "")):
                    if t != c:
                        got += [x for x in hangul.get(t, []) if x not in got]
                if got:
                    via[counter] += 1
                    break
            if not got and c in korean:
                got = [x for x in (yale(y) for y in korean[c].split()) if x]
                got = list(dict.fromkeys(got))
                if got:
                    via["kKorean"] += 1
        if got:
            rows.append((c, got))

    table = dict(rows)
    for c, want in EXPECTED.items():
        have = ";".join(table.get(c, []))
        if have != want:
            problems.append(f"{c}: {have or '(none)'} != {want}")
    for c, rs in rows:
        for x in rs:
            if not (len(x) == 1 and 0xAC00 <= ord(x) <= 0xD7A3):
                problems.append(f"{c}: reading {x!r} is not one Hangul syllable")

    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        for c, rs in rows:
            f.write(f"{c}\t{';'.join(rs)}\n")
    size = os.path.getsize(args.out)
    multi = sum(1 for _c, rs in rows if len(rs) > 1)
    print(f"wrote {args.out}: {len(rows)} characters of U+{FIRST:04X}..U+{LAST:04X} "
          f"({own} with kHangul, {via['traditional']} from a traditional variant, "
          f"{via['simplified']} from a simplified variant, {via['z']} from a z-variant, "
          f"{via['kKorean']} from kKorean; "
          f"{multi} with more than one reading), {size} bytes")
    print(f"  kKorean agrees with kHangul for {agree} of the {len(both)} characters that "
          f"have both ({100 * agree / len(both):.1f}%)")
    print(f"  {added} simplified characters with readings of their own got their traditional "
          f"form's readings after them; {preferred} (PREFER_TRADITIONAL) got them first")
    missing = PREFER_TRADITIONAL - {c for c, _ in rows}
    if missing or preferred != len(PREFER_TRADITIONAL):
        problems.append(f"PREFER_TRADITIONAL: {preferred} applied, not found: {missing}")
    print(f"self-check: {len(EXPECTED)} known readings: "
          f"{'PASS' if not any(':' in p and '!=' in p for p in problems) else 'FAIL'}")
    for p in problems:
        print("PROBLEM", p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
