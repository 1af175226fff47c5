"""Writes assets/NotoSansCJK-Subset.otf: Noto Sans CJK SC Regular cut down to the characters
the charts draw (Latin, Hangul, Chinese characters, Korean hanja), and
assets/NotoSansCJK.LICENSE.

Source: Debian's package `fonts-noto-cjk` (apt-get install fonts-noto-cjk), the face
"Noto Sans CJK SC" (index 2) of /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc.
Licence: SIL Open Font License 1.1 (text from /usr/share/doc/fonts-noto-cjk/copyright,
written to assets/NotoSansCJK.LICENSE with the font's own copyright notice). The SC face is
taken because the charts' Chinese text is in simplified characters; its Hangul and Latin
are the same as the other faces'.

Characters kept (the sets, in the order they are added):
  Basic Latin U+0020-007E, Latin-1 Supplement U+00A0-00FF, Latin Extended-A U+0100-017F
  (McCune-Reischauer ŏ ŭ, pinyin ā ē ī ō ū), pinyin's ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ U+01CD-01DC,
  General Punctuation U+2000-206F, Currency Symbols U+20A0-20BF (₩ €), arrows U+2190-2193,
  minus sign U+2212;
  Hangul Compatibility Jamo U+3130-318F and all 11,172 Hangul Syllables U+AC00-D7A3;
  CJK Symbols and Punctuation U+3000-303F, Halfwidth and Fullwidth Forms U+FF00-FFEF;
  the hanzi of GB 2312 (6,763; decoded from rows 16-87 of the code page with Python's
  gb2312 codec), Big5 level 1 (5,401; 0xA440-0xC67E, big5 codec) and the hanja of
  KS X 1001 (4,888; 0xCAA1-0xFDFE, euc_kr codec, 268 of them compatibility ideographs
  U+F9xx/FAxx), as far as the font has them;
  every character of the name, ko, zh and aliases columns of data/cn_cities.csv and
  data/kr_places.csv (a Chinese city or Korean place name the code pages miss).

Glyph outlines are kept as they are (CFF). Hinting is dropped and so are the layout and
vertical tables (GSUB, GPOS, GDEF, BASE, VORG, vhea, vmtx): plotters' ab_glyph backend
shapes nothing and draws horizontally. The font keeps its names (the OFL's Reserved Font
Name of this font family, "Source", is not in them).

Usage (Python 3.11; apt-get install fonts-noto-cjk; pip install fonttools):
  python3 tools/subset_font.py            # writes the font and the licence, then checks
  python3 tools/subset_font.py --check    # only checks the font in assets/
Prints the size, glyph count, the coverage of each set and the checks; exits non-zero if
a check fails. The checks: size under 8 MiB; a 'CFF ' or 'glyf' table; full coverage of
Basic Latin, the Hangul syllables and the three code pages' ideographs; a (3,1) cmap of
format 4/12 and an FDSelect of format 0/3, which is what ttf-parser (ab_glyph's parser)
reads; non-empty outlines for 서 울 海 南 X. The output is deterministic for one fontTools
version (4.69.1 here).

Note for the chart code: plotters' ab_glyph backend scales by ascent-descent, so at one
size this font's em is about 20% smaller than DejaVu Sans's (1000/1448 against 2048/2384).
Its draw() also places each glyph's ink at the pen position and ignores the left side
bearing. That, not the font, causes gaps like "J ilin" (DejaVu's J has a negative side
bearing, its i and l large ones).
"""
import argparse
import csv
import hashlib
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TTC = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
TTC_SHA256 = "b76b0433203017ca80401b2ee0dd69350349871c4b19d504c34dbdd80541690a"
DEBIAN_PACKAGE, DEBIAN_VERSION = "fonts-noto-cjk", "1:20220127+repack1-1"
COPYRIGHT_FILE = "/usr/share/doc/fonts-noto-cjk/copyright"
FACE_NAME = "Noto Sans CJK SC"
OUT = os.path.join(ROOT, "assets", "NotoSansCJK-Subset.otf")
LICENSE_OUT = os.path.join(ROOT, "assets", "NotoSansCJK.LICENSE")
MAX_BYTES = 8 * 1024 * 1024

RANGES = [
    ("Basic Latin", 0x0020, 0x007E), ("Latin-1 Supplement", 0x00A0, 0x00FF),
    ("Latin Extended-A", 0x0100, 0x017F), ("pinyin caron/diaeresis", 0x01CD, 0x01DC),
    ("General Punctuation", 0x2000, 0x206F), ("Currency Symbols", 0x20A0, 0x20BF),
    ("arrows", 0x2190, 0x2193), ("minus sign", 0x2212, 0x2212),
    ("Hangul Compatibility Jamo", 0x3130, 0x318F), ("Hangul Syllables", 0xAC00, 0xD7A3),
    ("CJK Symbols and Punctuation", 0x3000, 0x303F),
    ("Halfwidth and Fullwidth Forms", 0xFF00, 0xFFEF),
]
# Sets that must be covered in full (what the font lacks there is a failure).
MUST_COVER = {"Basic Latin", "Hangul Syllables", "GB 2312 hanzi", "KS X 1001 hanja",
              "Big5 level 1"}
# Glyphs that must have outlines.
MUST_DRAW = "서울海南X"


def decode_rows(codec, first_hi, last_hi, lows):
    out = []
    for hi in range(first_hi, last_hi + 1):
        for lo in lows:
            try:
                c = bytes([hi, lo]).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(c) == 1 and c not in out:
                out.append(c)
    return out


def code_page_sets():
    gb = [c for c in decode_rows("gb2312", 0xB0, 0xF7, range(0xA1, 0xFF))
          if 0x4E00 <= ord(c) <= 0x9FFF]
    big5 = [c for c in decode_rows("big5", 0xA4, 0xC6, list(range(0x40, 0x7F)) +
                                   list(range(0xA1, 0xFF)))
            if (0xA440 <= int.from_bytes(c.encode("big5"), "big") <= 0xC67E)]
    ks = decode_rows("euc_kr", 0xCA, 0xFD, range(0xA1, 0xFF))
    assert len(gb) == 6763, len(gb)
    assert len(big5) == 5401, len(big5)
    assert len(ks) == 4888, len(ks)
    return [("GB 2312 hanzi", gb), ("Big5 level 1", big5), ("KS X 1001 hanja", ks)]


def data_chars():
    chars = []
    for name in ("cn_cities.csv", "kr_places.csv"):
        path = os.path.join(ROOT, "data", name)
        if not os.path.exists(path):
            print(f"note: {path} is missing; its characters are not added")
            continue
        with open(path, encoding="utf-8") as f:
            for r in csv.DictReader(f):
                for col in ("name", "ko", "zh", "aliases"):
                    chars += [c for c in r.get(col, "") if ord(c) > 0x7F]
    return list(dict.fromkeys(chars))


def wanted_sets():
    sets = [(name, [chr(c) for c in range(a, b + 1)]) for name, a, b in RANGES]
    sets += code_page_sets()
    sets.append(("characters of data/*.csv", data_chars()))
    return sets


def license_text(font):
    src = open(COPYRIGHT_FILE, encoding="utf-8").read()
    # the stand-alone licence paragraph: "License: SIL-1.1" followed by indented lines
    m = re.search(r"^License: SIL-1\.1\n((?: .*\n)+)", src, re.M)
    assert m, "no SIL-1.1 licence text in " + COPYRIGHT_FILE
    body = []
    for line in m.group(1).splitlines():
        line = line[1:] if line.startswith(" ") else line
        body.append("" if line == "." else line)
    notice = font["name"].getDebugName(0)
    head = [
        f"assets/NotoSansCJK-Subset.otf is a subset of {FACE_NAME} Regular, made by",
        "tools/subset_font.py from Debian's fonts-noto-cjk "
        f"{DEBIAN_VERSION} (NotoSansCJK-Regular.ttc).",
        "Upstream: https://github.com/googlefonts/noto-cjk",
        "",
        f"Copyright notice of the font: {notice}",
        "Debian's copyright file: Copyright: 2010-2012, Google Corporation; License: SIL-1.1",
        "",
        "This Font Software is licensed under the SIL Open Font License, Version 1.1.",
        "",
    ]
    return "\n".join(head + body).rstrip() + "\n"


def make():
    from fontTools import subset
    from fontTools.ttLib import TTCollection
    with open(TTC, "rb") as f:
        got = hashlib.sha256(f.read()).hexdigest()
    if got != TTC_SHA256:
        print(f"note: {TTC} sha256 {got} is not the pinned {TTC_SHA256} "
              f"({DEBIAN_PACKAGE} {DEBIAN_VERSION}); going on, check the output")
    coll = TTCollection(TTC, lazy=False)
    index = [i for i, f in enumerate(coll.fonts) if f["name"].getDebugName(4) == FACE_NAME]
    assert len(index) == 1, index
    font = coll.fonts[index[0]]
    cmap = font.getBestCmap()
    sets = wanted_sets()
    unicodes, report = [], []
    for name, chars in sets:
        have = [c for c in chars if ord(c) in cmap]
        report.append((name, len(chars), len(have),
                       [c for c in chars if ord(c) not in cmap]))
        unicodes += [ord(c) for c in have]
    unicodes = sorted(set(unicodes))
    options = subset.Options()
    options.layout_features = []
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "VORG", "vhea", "vmtx"]
    options.hinting = False
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.recalc_timestamp = False
    sub = subset.Subsetter(options)
    sub.populate(unicodes=unicodes)
    sub.subset(font)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    font.recalcTimestamp = False      # keep head.modified: the same input gives the same file
    font.save(OUT)
    with open(LICENSE_OUT, "w", encoding="utf-8") as f:
        f.write(license_text(font))
    print(f"source: {TTC} face {index[0]} ({FACE_NAME}), sha256 {got[:16]}...")
    for name, n, have, missing in report:
        extra = ""
        if missing:
            extra = f"; not in the font: {''.join(missing[:20])}" + \
                ("..." if len(missing) > 20 else "")
        print(f"  {name:32} {have:6} of {n:6}{extra}")
    return report


def check(report=None):
    from fontTools.pens.boundsPen import BoundsPen
    from fontTools.pens.recordingPen import RecordingPen
    from fontTools.ttLib import TTFont
    problems = []
    font = TTFont(OUT)
    size = os.path.getsize(OUT)
    cmap = font.getBestCmap()
    glyphs = font.getGlyphSet()
    outline = "CFF " if "CFF " in font else "glyf" if "glyf" in font else None
    print(f"{OUT}: {size} bytes ({size / 1048576:.2f} MiB), {font['maxp'].numGlyphs} glyphs, "
          f"{len(cmap)} characters, outlines in '{outline}', tables "
          f"{' '.join(sorted(t for t in font.keys() if t != 'GlyphOrder'))}")
    if size > MAX_BYTES:
        problems.append(f"{size} bytes is over {MAX_BYTES}")
    if outline is None:
        problems.append("no 'CFF ' or 'glyf' table")
    # What ttf-parser (under ab_glyph) reads: a (3,1) cmap of format 4 or 12, and in a
    # CID-keyed CFF an FDSelect of format 0 or 3 (ttf-parser 0.25 knows no other).
    if not any((t.platformID, t.platEncID) == (3, 1) and t.format in (4, 12)
               for t in font["cmap"].tables):
        problems.append("no Windows Unicode BMP cmap (3,1) of format 4 or 12")
    if outline == "CFF ":
        top = font["CFF "].cff.topDictIndex[0]
        if hasattr(top, "FDSelect") and top.FDSelect.format not in (0, 3):
            problems.append(f"FDSelect format {top.FDSelect.format}")
        if hasattr(top, "FDSelect"):
            print(f"  CFF: CID-keyed, {len(top.FDArray)} font dicts, FDSelect format "
                  f"{top.FDSelect.format}")
        else:
            print("  CFF: name-keyed")
    for name, chars in wanted_sets():
        missing = [c for c in chars if ord(c) not in cmap]
        if name in MUST_COVER and missing:
            problems.append(f"{name}: {len(missing)} not mapped: {''.join(missing[:30])}")
    for c in MUST_DRAW:
        g = cmap.get(ord(c))
        if g is None:
            problems.append(f"{c} not in cmap")
            continue
        pen = RecordingPen()
        glyphs[g].draw(pen)
        bounds = BoundsPen(glyphs)
        glyphs[g].draw(bounds)
        n = sum(1 for op, _ in pen.value if op in ("lineTo", "curveTo", "qCurveTo"))
        print(f"  {c} U+{ord(c):04X} {g}: {n} segments, bounds {bounds.bounds}, advance "
              f"{font['hmtx'][g][0]}")
        if not n or bounds.bounds is None:
            problems.append(f"{c}: empty outline")
    upm = font["head"].unitsPerEm
    print(f"  unitsPerEm {upm}, ascender {font['hhea'].ascent}, descender "
          f"{font['hhea'].descent}, lineGap {font['hhea'].lineGap}")
    for p in problems:
        print("PROBLEM", p)
    return not problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only check assets/ font")
    args = ap.parse_args()
    if not args.check:
        make()
    sys.exit(0 if check() else 1)


if __name__ == "__main__":
    main()
