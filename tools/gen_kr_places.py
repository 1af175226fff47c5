"""Generates data/kr_places.csv: South Korea's local governments, with Hangul, Chinese names.

Rows:
  17  province  the first-level divisions (special city, metropolitan cities, Sejong,
                provinces, special self-governing provinces)
  75  city      시 (autonomous cities of the provinces)
  82  county    군
  69  district  자치구 (autonomous districts of Seoul and the metropolitan cities)
  and `area` rows for places that are not local governments but that reports name as
  destinations: Jeju's two administrative cities (제주시, 서귀포시), a few non-autonomous
  districts and neighbourhoods (Pangyo, Bundang, Songdo, Gwanghwamun, Yeouido, Myeongdong,
  ...): AREAS below.
The 17 + 226 rows are South Korea's local governments as of 2024 (see CHANGES).

Columns: level,parent,name,ko,zh,aliases,part_of,ambiguous,code
  level     province | city | county | district | area
  parent    English name of the first-level division (empty on province rows); the
            province names are the project's (tools/gen_regions.py)
  name      official Revised Romanization without the unit for provinces, cities and
            counties (Suwon, Pyeongchang), with "-gu" for districts (Gangnam-gu); a name
            that two rows would share gets " (Parent)" on every second-level row that
            carries it (Jung-gu (Seoul), Goseong (Gangwon), Gwangju (Gyeonggi)); a
            province-level name is never qualified (Gwangju is the metropolitan city)
  ko        Hangul short name: cities and counties without 시/군 (수원, 평창); districts with
            구 (강남구, 중구: the bare stem is no name, or names a wider area); provinces by
            their usual short form (서울, 부산, 경기, 충북); Jeju's 제주시 with 시
  zh        the name in simplified Chinese characters as Chinese media write it, by the
            same rule (水原, 平昌, 江南区, 中区, 首尔, 京畿道, 忠清北道, 济州, 济州市)
  aliases   ';'-separated (see README-kr-places.md): Hangul with the unit and full
            official names, Hanja (traditional, and Korea's 淸/尙/靑 forms), simplified with
            the unit, English "X City"/"X-si"/"X County"/"X-gun"/"X District", older
            romanizations (Pusan, Taegu, Kwangju, Chonan, ...), qualified forms for
            ambiguous rows (서울 중구, 경기 광주, 京畿道广州市, Seoul Jung-gu)
  part_of   for area rows: the `name` of the row the place lies in
  ambiguous yes when a bare form of the row (English name without qualifier, ko, zh, or
            one of those with the unit) is shared with another row, or names a Chinese
            place of the project (tools/gen_regions.py, data/cn_cities.csv)
  code      the 5-digit code (2 digits for provinces) of the Ministry of the Interior's
            legal-district codes (법정동코드), after CHANGES; empty for neighbourhoods

Sources:
  PyPI PublicDataReader 1.1.1.post2 (MIT), its bundled PublicDataReader/raw/code_bdong.json:
       the Ministry of the Interior and Safety's 법정동코드 list (last change in the file:
       2022-09-01). The wheel's sha256 is checked. It is read, not installed.
  CHANGES below: the three changes to local governments between that list and 2024
       (Gangwon and Jeonbuk special self-governing provinces with new codes 51 and 52;
       Gunwi-gun moved from North Gyeongsang to Daegu). Each is asserted against the list.
  data/hanja_hangul.tsv (tools/gen_hanja.py, Unihan): checks every syllable of the curated
       Hanja below against the character's Sino-Korean readings (with the initial-sound law
       on a name's first syllable).
  PyPI opencc-python-reimplemented 0.1.7 (Apache-2.0): traditional -> simplified (t2s).
  Curated in this script: the Hanja of the names (HANJA, HANJA_AT), the Revised
  Romanization's sound changes (romanize, checked by RR_EXPECTED), the province rows,
  older romanizations (OLD_ROMANIZATION), AREAS, the primary place of a shared name
  (PRIMARY) and the district stems kept out of aliases (NO_STEM_ALIAS).

Usage (Python 3.11, needs pip access unless --wheel is given):
  python3 tools/gen_hanja.py                     # first: data/hanja_hangul.tsv
  python3 tools/gen_kr_places.py                 # fetch, check, write data/kr_places.csv
  python3 tools/gen_kr_places.py --wheel FILE    # a PublicDataReader-1.1.1.post2 wheel at hand
Prints the counts, the ambiguous groups, the dropped aliases and the clashes with the
Chinese places; exits non-zero if a check fails.
"""
import argparse
import ast
import csv
import glob
import hashlib
import importlib
import io
import json
import math
import os
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter, defaultdict

PYPI_DATA = ("PublicDataReader", "1.1.1.post2",
             "7802f750bcd538b078e7be54146556968017dd43fb1b4e781fa440a4e770b2b6")
DATA_MEMBER = "PublicDataReader/raw/code_bdong.json"
PYPI = [("opencc-python-reimplemented", "opencc", "0.1.7")]

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Changes to local governments after the package's list (2022-09-01), up to 2024.
# (kind, ...): "sido" renames a first-level division and moves its codes; "move" moves one
# local government to another first-level division with a new code.
CHANGES = [
    ("sido", "2023-06-11", "42", "강원도", "51", "강원특별자치도"),
    ("move", "2023-07-01", "47720", "군위군", "27720", "27"),
    ("sido", "2024-01-18", "45", "전라북도", "52", "전북특별자치도"),
]
# Not applied (after 2024; the CSV is as of 2024): on 2026-07-01 Incheon's Jung-gu and
# Dong-gu became Jemulpo-gu and Yeongjong-gu and Seo-gu was split (Seo-gu, Geomdan-gu).
# See README-kr-places.md.

# First-level divisions: code -> (English as in tools/gen_regions.py, ko short, full Hangul
# name (current), Hanja of the full name or None, zh, English full forms, more aliases).
PROVINCES = {
    "11": ("Seoul", "서울", "서울특별시", None, "首尔",
           ["Seoul Special City", "Seoul City"],
           ["서울시", "首爾", "首尔市", "首尔特别市", "首爾特別市", "汉城", "漢城"]),
    "26": ("Busan", "부산", "부산광역시", "釜山廣域市", "釜山",
           ["Busan Metropolitan City", "Busan City"], ["부산시", "釜山市", "Pusan"]),
    "27": ("Daegu", "대구", "대구광역시", "大邱廣域市", "大邱",
           ["Daegu Metropolitan City", "Daegu City"], ["대구시", "大邱市", "Taegu"]),
    "28": ("Incheon", "인천", "인천광역시", "仁川廣域市", "仁川",
           ["Incheon Metropolitan City", "Incheon City"], ["인천시", "仁川市", "Inchon"]),
    "29": ("Gwangju", "광주", "광주광역시", "光州廣域市", "光州",
           ["Gwangju Metropolitan City", "Gwangju City"], ["광주시", "光州市", "Kwangju"]),
    "30": ("Daejeon", "대전", "대전광역시", "大田廣域市", "大田",
           ["Daejeon Metropolitan City", "Daejeon City"], ["대전시", "大田市", "Taejon"]),
    "31": ("Ulsan", "울산", "울산광역시", "蔚山廣域市", "蔚山",
           ["Ulsan Metropolitan City", "Ulsan City"], ["울산시", "蔚山市"]),
    "36": ("Sejong", "세종", "세종특별자치시", "世宗特別自治市", "世宗",
           ["Sejong Special Self-Governing City", "Sejong City"], ["세종시", "世宗市"]),
    "41": ("Gyeonggi", "경기", "경기도", "京畿道", "京畿道",
           ["Gyeonggi Province", "Gyeonggi-do"], ["京畿", "Kyonggi", "Kyonggi-do"]),
    "51": ("Gangwon", "강원", "강원특별자치도", "江原特別自治道", "江原道",
           ["Gangwon State", "Gangwon Special Self-Governing Province", "Gangwon Province",
            "Gangwon-do"],
           ["강원도", "江原道", "江原", "Kangwon", "Kangwon-do"]),
    "43": ("North Chungcheong", "충북", "충청북도", "忠清北道", "忠清北道",
           ["North Chungcheong Province", "Chungcheongbuk-do", "Chungbuk"],
           ["忠北", "North Chungchong", "Chungchongbuk-do"]),
    "44": ("South Chungcheong", "충남", "충청남도", "忠清南道", "忠清南道",
           ["South Chungcheong Province", "Chungcheongnam-do", "Chungnam"],
           ["忠南", "South Chungchong", "Chungchongnam-do"]),
    "52": ("North Jeolla", "전북", "전북특별자치도", "全北特別自治道", "全罗北道",
           ["Jeonbuk State", "Jeonbuk Special Self-Governing Province",
            "North Jeolla Province", "Jeollabuk-do", "Jeonbuk"],
           ["전라북도", "全羅北道", "全北", "North Cholla", "Chollabuk-do"]),
    "46": ("South Jeolla", "전남", "전라남도", "全羅南道", "全罗南道",
           ["South Jeolla Province", "Jeollanam-do", "Jeonnam"],
           ["全南", "South Cholla", "Chollanam-do"]),
    "47": ("North Gyeongsang", "경북", "경상북도", "慶尚北道", "庆尚北道",
           ["North Gyeongsang Province", "Gyeongsangbuk-do", "Gyeongbuk"],
           ["庆北", "慶北", "North Kyongsang", "Kyongsangbuk-do"]),
    "48": ("South Gyeongsang", "경남", "경상남도", "慶尚南道", "庆尚南道",
           ["South Gyeongsang Province", "Gyeongsangnam-do", "Gyeongnam"],
           ["庆南", "慶南", "South Kyongsang", "Kyongsangnam-do"]),
    "50": ("Jeju", "제주", "제주특별자치도", "濟州特別自治道", "济州",
           ["Jeju Special Self-Governing Province", "Jeju Province", "Jeju-do",
            "Jeju Island"],
           ["제주도", "济州岛", "濟州島", "济州道", "Cheju", "Cheju-do"]),
}
SIDO_ORDER = ["11", "26", "27", "28", "29", "30", "31", "36", "41", "51", "43", "44", "52",
              "46", "47", "48", "50"]
# Short forms of the provinces' Hanja whose syllables are not those of the Hangul ko.
PROVINCE_HANJA_SHORT = {"43": "忠北", "44": "忠南", "52": "全北", "46": "全南", "47": "慶北",
                        "48": "慶南", "41": "京畿", "51": "江原", "50": "濟州"}

# Local governments per first-level division as of 2024 (city, county, district).
EXPECTED_COUNTS = {
    "Seoul": (0, 0, 25), "Busan": (0, 1, 15), "Daegu": (0, 2, 7), "Incheon": (0, 2, 8),
    "Gwangju": (0, 0, 5), "Daejeon": (0, 0, 5), "Ulsan": (0, 1, 4), "Sejong": (0, 0, 0),
    "Gyeonggi": (28, 3, 0), "Gangwon": (7, 11, 0), "North Chungcheong": (3, 8, 0),
    "South Chungcheong": (8, 7, 0), "North Jeolla": (6, 8, 0), "South Jeolla": (5, 17, 0),
    "North Gyeongsang": (10, 12, 0), "South Gyeongsang": (8, 10, 0), "Jeju": (0, 0, 0),
}
LEVEL_COUNTS = {"province": 17, "city": 75, "county": 82, "district": 69}

# Hanja (traditional forms) of the names without the unit, keyed by the Hangul stem.
# Curated (public facts: the names' official Hanja); every syllable is checked against
# Unihan's readings. HANJA_AT overrides by (first-level code, stem) where one Hangul name
# has two spellings.
HANJA = {
    # Seoul
    "종로": "鍾路", "중": "中", "용산": "龍山", "성동": "城東", "광진": "廣津",
    "동대문": "東大門", "중랑": "中浪", "성북": "城北", "강북": "江北", "도봉": "道峰",
    "노원": "蘆原", "은평": "恩平", "서대문": "西大門", "마포": "麻浦", "양천": "陽川",
    "강서": "江西", "구로": "九老", "금천": "衿川", "영등포": "永登浦", "동작": "銅雀",
    "관악": "冠岳", "서초": "瑞草", "강남": "江南", "송파": "松坡", "강동": "江東",
    # metropolitan cities
    "동": "東", "서": "西", "남": "南", "북": "北", "영도": "影島", "부산진": "釜山鎭",
    "동래": "東萊", "해운대": "海雲臺", "사하": "沙下", "금정": "金井", "연제": "蓮堤",
    "수영": "水營", "사상": "沙上", "기장": "機張", "수성": "壽城", "달서": "達西",
    "달성": "達城", "군위": "軍威", "미추홀": "彌鄒忽", "연수": "延壽", "남동": "南洞",
    "부평": "富平", "계양": "桂陽", "강화": "江華", "옹진": "甕津", "광산": "光山",
    "유성": "儒城", "대덕": "大德", "울주": "蔚州",
    # Gyeonggi
    "수원": "水原", "성남": "城南", "의정부": "議政府", "안양": "安養", "부천": "富川",
    "광명": "光明", "평택": "平澤", "동두천": "東豆川", "안산": "安山", "고양": "高陽",
    "과천": "果川", "구리": "九里", "남양주": "南楊州", "오산": "烏山", "시흥": "始興",
    "군포": "軍浦", "의왕": "義王", "하남": "河南", "용인": "龍仁", "파주": "坡州",
    "이천": "利川", "안성": "安城", "김포": "金浦", "화성": "華城", "광주": "廣州",
    "양주": "楊州", "포천": "抱川", "여주": "驪州", "연천": "漣川", "가평": "加平",
    "양평": "楊平",
    # Gangwon
    "춘천": "春川", "원주": "原州", "강릉": "江陵", "동해": "東海", "태백": "太白",
    "속초": "束草", "삼척": "三陟", "홍천": "洪川", "횡성": "橫城", "영월": "寧越",
    "평창": "平昌", "정선": "旌善", "철원": "鐵原", "화천": "華川", "양구": "楊口",
    "인제": "麟蹄", "고성": "高城", "양양": "襄陽",
    # North Chungcheong
    "청주": "清州", "충주": "忠州", "제천": "堤川", "보은": "報恩", "옥천": "沃川",
    "영동": "永同", "증평": "曾坪", "진천": "鎭川", "괴산": "槐山", "음성": "陰城",
    "단양": "丹陽",
    # South Chungcheong
    "천안": "天安", "공주": "公州", "보령": "保寧", "아산": "牙山", "서산": "瑞山",
    "논산": "論山", "계룡": "鷄龍", "당진": "唐津", "금산": "錦山", "부여": "扶餘",
    "서천": "舒川", "청양": "青陽", "홍성": "洪城", "예산": "禮山", "태안": "泰安",
    # North Jeolla
    "전주": "全州", "군산": "群山", "익산": "益山", "정읍": "井邑", "남원": "南原",
    "김제": "金堤", "완주": "完州", "진안": "鎭安", "무주": "茂朱", "장수": "長水",
    "임실": "任實", "순창": "淳昌", "고창": "高敞", "부안": "扶安",
    # South Jeolla
    "목포": "木浦", "여수": "麗水", "순천": "順天", "나주": "羅州", "광양": "光陽",
    "담양": "潭陽", "곡성": "谷城", "구례": "求禮", "고흥": "高興", "보성": "寶城",
    "화순": "和順", "장흥": "長興", "강진": "康津", "해남": "海南", "영암": "靈巖",
    "무안": "務安", "함평": "咸平", "영광": "靈光", "장성": "長城", "완도": "莞島",
    "진도": "珍島", "신안": "新安",
    # North Gyeongsang
    "포항": "浦項", "경주": "慶州", "김천": "金泉", "안동": "安東", "구미": "龜尾",
    "영주": "榮州", "영천": "永川", "상주": "尚州", "문경": "聞慶", "경산": "慶山",
    "의성": "義城", "청송": "青松", "영양": "英陽", "영덕": "盈德", "청도": "清道",
    "고령": "高靈", "성주": "星州", "칠곡": "漆谷", "예천": "醴泉", "봉화": "奉化",
    "울진": "蔚珍", "울릉": "鬱陵",
    # South Gyeongsang
    "창원": "昌原", "진주": "晉州", "통영": "統營", "사천": "泗川", "김해": "金海",
    "밀양": "密陽", "거제": "巨濟", "양산": "梁山", "의령": "宜寧", "함안": "咸安",
    "창녕": "昌寧", "남해": "南海", "하동": "河東", "산청": "山清", "함양": "咸陽",
    "거창": "居昌", "합천": "陜川",
}
HANJA_AT = {("48", "고성"): "固城"}
# Korea writes these characters in their older forms: extra aliases (淸州, 尙州, 靑松).
KOREAN_FORMS = {"清": "淸", "尚": "尙", "青": "靑"}
UNIT_HANJA = {"시": "市", "군": "郡", "구": "區"}
UNIT_ZH = {"시": "市", "군": "郡", "구": "区"}
UNIT_EN = {"시": ("City", "si"), "군": ("County", "gun"), "구": ("District", "gu")}
LEVEL = {"시": "city", "군": "county", "구": "district"}

# Places that are not local governments: (name, ko, hanja, first-level code, part_of as
# (unit stem Hangul with unit) or None for the province, code, extra aliases).
AREAS = [
    ("Jeju City", "제주시", "濟州市", "50", None, "50110",
     ["Jeju-si", "Cheju City"]),
    ("Seogwipo", "서귀포", "西歸浦", "50", None, "50130",
     ["서귀포시", "西歸浦市", "西归浦市", "Seogwipo-si", "Seogwipo City", "Sogwipo"]),
    ("Pangyo", "판교", "板橋", "41", "성남시", None,
     ["판교테크노밸리", "Pangyo Techno Valley", "판교신도시"]),
    ("Bundang", "분당", "盆唐", "41", "성남시", "41135",
     ["분당구", "Bundang-gu", "盆唐区", "盆唐區", "분당신도시"]),
    ("Ilsan", "일산", "一山", "41", "고양시", None, ["일산신도시", "Ilsan New Town"]),
    ("Gwanggyo", "광교", "光敎", "41", "수원시", None, ["광교신도시"]),
    ("Dongtan", "동탄", "東灘", "41", "화성시", None, ["동탄신도시"]),
    ("Panmunjeom", "판문점", "板門店", "41", "파주시", None,
     ["Panmunjom", "Joint Security Area", "공동경비구역"]),
    ("Songdo", "송도", "松島", "28", "연수구", None,
     ["송도국제도시", "Songdo International City", "Songdo International Business District"]),
    ("Cheongna", "청라", "青羅", "28", "서구", None, ["청라국제도시"]),
    ("Yeongjongdo", "영종도", "永宗島", "28", "중구", None,
     ["영종", "Yeongjong", "Yeongjong Island"]),
    ("Gwanghwamun", "광화문", "光化門", "11", "종로구", None,
     ["광화문광장", "Gwanghwamun Square", "Kwanghwamun"]),
    ("Insadong", "인사동", "仁寺洞", "11", "종로구", None, ["Insa-dong"]),
    ("Myeongdong", "명동", "明洞", "11", "중구", None, ["Myeong-dong", "Myongdong"]),
    ("Itaewon", "이태원", "梨泰院", "11", "용산구", None, []),
    ("Yeouido", "여의도", "汝矣島", "11", "영등포구", None, ["Yoido", "Yeouido Island"]),
    ("Sangam", "상암", "上岩", "11", "마포구", None,
     ["상암동", "Sangam-dong", "Digital Media City"]),
    ("Magok", "마곡", "麻谷", "11", "강서구", None, ["마곡지구", "Magok-dong"]),
    ("Jamsil", "잠실", "蠶室", "11", "송파구", None, ["Jamsil-dong"]),
    ("Osong", "오송", "五松", "43", "청주시", None, ["오송생명과학단지"]),
    ("Ochang", "오창", "梧倉", "43", "청주시", None, ["오창과학산업단지"]),
]

# McCune-Reischauer spellings (without diacritics) that older English reports use, keyed by
# the Hangul stem; only where they differ from the RR name. Provinces have theirs above.
OLD_ROMANIZATION = {
    "성남": ["Songnam"], "의정부": ["Uijongbu"], "부천": ["Puchon"], "광명": ["Kwangmyong"],
    "평택": ["Pyongtaek"], "동두천": ["Tongduchon"], "고양": ["Koyang"], "과천": ["Kwachon"],
    "구리": ["Kuri"], "시흥": ["Sihung"], "군포": ["Kunpo"], "이천": ["Ichon"],
    "안성": ["Ansong"], "김포": ["Kimpo"], "화성": ["Hwasong"], "포천": ["Pochon"],
    "여주": ["Yoju"], "춘천": ["Chunchon"], "강릉": ["Kangnung"], "동해": ["Tonghae"],
    "삼척": ["Samchok"], "청주": ["Chongju"], "제천": ["Chechon"], "천안": ["Chonan"],
    "공주": ["Kongju"], "보령": ["Poryong"], "서산": ["Sosan"], "계룡": ["Kyeryong"],
    "당진": ["Tangjin"], "전주": ["Chonju"], "군산": ["Kunsan"], "정읍": ["Chongup"],
    "김제": ["Kimje"], "여수": ["Yosu"], "순천": ["Sunchon"], "광양": ["Kwangyang"],
    "경주": ["Kyongju"], "김천": ["Kimchon"], "구미": ["Kumi"], "영주": ["Yongju"],
    "영천": ["Yongchon"], "문경": ["Mungyong"], "경산": ["Kyongsan"], "진주": ["Chinju"],
    "통영": ["Tongyong"], "사천": ["Sachon"], "김해": ["Kimhae"], "거제": ["Koje"],
    "평창": ["Pyongchang"], "강화": ["Kanghwa"], "울릉": ["Ullung"], "종로": ["Chongno"],
    "영등포": ["Yongdungpo"],
}

# Shared names: the row that keeps the bare shared forms as aliases, by (level, ko) ->
# first-level code. A province-level row always wins over second-level ones (광주 is the
# metropolitan city). Groups without an entry (동구, 서구, 남구, 북구, 고성) keep their
# bare forms for no row.
PRIMARY = {("district", "중구"): "11", ("district", "강서구"): "11"}
# District stems that are common words or name something else: not made aliases.
NO_STEM_ALIAS = {"수영", "사상", "유성", "동작", "관악", "광산", "연수", "남동", "동대문",
                 "사하", "금정"}

# Revised Romanization (2000) with the sound changes it writes. Checked by RR_EXPECTED.
_CHO = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch",
        "k", "t", "p", "h"]
_JUNG = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u",
         "wo", "we", "wi", "yu", "eu", "ui", "i"]
# final consonant index -> (sound class, spelling before a consonant, spelling before a
# vowel)
_JONG = {0: ("", "", ""), 1: ("k", "k", "g"), 2: ("k", "k", "kk"), 3: ("k", "k", "ks"),
         4: ("n", "n", "n"), 5: ("n", "n", "nj"), 6: ("n", "n", "n"), 7: ("t", "t", "d"),
         8: ("l", "l", "r"), 9: ("k", "k", "lg"), 10: ("m", "m", "lm"), 11: ("l", "l", "lb"),
         12: ("l", "l", "ls"), 13: ("l", "l", "lt"), 14: ("p", "p", "lp"),
         15: ("l", "l", "r"), 16: ("m", "m", "m"), 17: ("p", "p", "b"), 18: ("p", "p", "ps"),
         19: ("t", "t", "s"), 20: ("t", "t", "ss"), 21: ("ng", "ng", "ng"),
         22: ("t", "t", "j"), 23: ("t", "t", "ch"), 24: ("k", "k", "k"), 25: ("t", "t", "t"),
         26: ("p", "p", "p"), 27: ("t", "t", "")}


def _parts(s):
    out = []
    for ch in s:
        i = ord(ch) - 0xAC00
        assert 0 <= i < 11172, s
        out.append([i // 588, (i % 588) // 28, i % 28])
    return out


def romanize(hangul):
    """'강릉' -> 'Gangneung', '종로' -> 'Jongno', '철원' -> 'Cheorwon' (RR with its sound
    changes across syllables; no hyphen)."""
    syl = _parts(hangul)
    out = ""
    for k, (cho, jung, jong) in enumerate(syl):
        init = _CHO[cho]
        if k > 0:
            prev = _JONG[syl[k - 1][2]][0]
            if cho == 11:                                # ㅇ: the previous final linked
                init = ""
            elif cho == 5:                               # ㄹ
                init = "l" if prev in ("l", "n") else "n" if prev else "r"
            elif cho == 2 and prev == "l":               # ㄹ + ㄴ -> ll
                init = "l"
        out += init + _JUNG[jung]
        if not jong:
            continue
        cls, before_c, before_v = _JONG[jong]
        nxt = syl[k + 1][0] if k + 1 < len(syl) else None
        if nxt is None:
            out += before_c
        elif nxt == 11:                                  # before a vowel
            out += before_v
        elif nxt == 5:                                   # before ㄹ
            out += {"n": "l", "k": "ng", "p": "m", "t": "n"}.get(cls, before_c)
        elif nxt in (2, 6):                              # before ㄴ, ㅁ
            out += {"k": "ng", "t": "n", "p": "m"}.get(cls, before_c)
        else:
            out += before_c
    return out[:1].upper() + out[1:]


RR_EXPECTED = {
    "종로": "Jongno", "강릉": "Gangneung", "울릉": "Ulleung", "철원": "Cheorwon",
    "밀양": "Miryang", "중랑": "Jungnang", "동래": "Dongnae", "창녕": "Changnyeong",
    "의령": "Uiryeong", "고령": "Goryeong", "의정부": "Uijeongbu", "관악": "Gwanak",
    "함안": "Haman", "신안": "Sinan", "남양주": "Namyangju", "광양": "Gwangyang",
    "칠곡": "Chilgok", "합천": "Hapcheon", "울주": "Ulju", "익산": "Iksan",
    "정읍": "Jeongeup", "옥천": "Okcheon", "곡성": "Gokseong", "영등포": "Yeongdeungpo",
    "미추홀": "Michuhol", "괴산": "Goesan", "횡성": "Hoengseong", "청라": "Cheongna",
    "판문점": "Panmunjeom", "여의도": "Yeouido", "광화문": "Gwanghwamun",
    "해운대": "Haeundae", "부산진": "Busanjin", "계룡": "Gyeryong", "영월": "Yeongwol",
    "서귀포": "Seogwipo", "증평": "Jeungpyeong", "음성": "Eumseong", "보은": "Boeun",
    "금천": "Geumcheon", "은평": "Eunpyeong", "양양": "Yangyang", "백령": "Baengnyeong",
    "신라": "Silla", "독립": "Dongnip", "별내": "Byeollae", "설악": "Seorak",
}

# Initial-sound law (두음법칙) on a name's first syllable: the forms a reading may take.
_Y_VOWELS = {2, 6, 7, 12, 17, 20}                     # ㅑ ㅕ ㅖ ㅛ ㅠ ㅣ


def initial_forms(syllable):
    cho, jung, jong = _parts(syllable)[0]
    forms = {syllable}
    if cho == 5:                                       # ㄹ
        forms.add(chr(0xAC00 + ((11 if jung in _Y_VOWELS else 2) * 21 + jung) * 28 + jong))
    elif cho == 2 and jung in _Y_VOWELS:               # ㄴ
        forms.add(chr(0xAC00 + (11 * 21 + jung) * 28 + jong))
    return forms


def norm(s):  # as domain::name::normalize: keep letters and digits, lowercase
    return "".join(c for c in s if c.isalnum()).lower()


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


def fetch_wheel(path):
    dist, version, sha = PYPI_DATA
    if path is None:
        with tempfile.TemporaryDirectory(prefix="gen_kr_places-") as dest:
            subprocess.check_call(
                [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                 "--only-binary=:all:", "-d", dest, f"{dist}=={version}"])
            found = glob.glob(os.path.join(dest, "*.whl"))
            assert len(found) == 1, found
            with open(found[0], "rb") as f:
                data = f.read()
    else:
        with open(path, "rb") as f:
            data = f.read()
    got = hashlib.sha256(data).hexdigest()
    if got != sha:
        sys.exit(f"{path or dist}: sha256 {got} is not the pinned {sha}")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        meta = z.read(f"{dist}-{version}.dist-info/METADATA").decode()
        assert f"Version: {version}" in meta and "License: MIT" in meta
        return json.loads(z.read(DATA_MEMBER))


def local_governments(raw):
    """The list's current sido and si/gun/gu entries, CHANGES applied:
    {code: (sido code, Hangul name)}, {sido code: Hangul name}, last date in the list."""
    n = len(raw["법정동코드"])

    def get(col, i):
        v = raw[col][str(i)]
        return None if v is None or (isinstance(v, float) and math.isnan(v)) else v
    sido, sgg, last = {}, {}, ""
    for i in range(n):
        last = max(last, get("생성일자", i) or "", get("말소일자", i) or "")
        code = get("법정동코드", i)
        if get("말소일자", i) or not code.endswith("00000"):
            continue
        if code[2:] == "00000000":
            sido[code[:2]] = get("시도명", i)
            continue
        name = get("시군구명", i)
        if code[:2] == "50" or name is None or " " in name or name[-1] not in "시군구":
            continue   # Jeju's administrative cities, non-autonomous 구, branch offices
        assert get("시도명", i) == sido.get(code[:2], get("시도명", i)), code
        sgg[code[:5]] = (code[:2], name)
    for change in CHANGES:
        if change[0] == "sido":
            _k, _date, old, old_name, new, new_name = change
            assert sido.pop(old) == old_name, change
            assert new not in sido, change
            sido[new] = new_name
            for code in [c for c in sgg if c.startswith(old)]:
                s, name = sgg.pop(code)
                sgg[new + code[2:]] = (new, name)
        else:
            _k, _date, old, name, new, new_sido = change
            assert sgg.pop(old)[1] == name, change
            assert new not in sgg, change
            sgg[new] = (new_sido, name)
    return sgg, sido, last


def load_readings():
    path = os.path.join(ROOT, "data", "hanja_hangul.tsv")
    if not os.path.exists(path):
        sys.exit(f"{path} is missing: run tools/gen_hanja.py first")
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            c, rs = line.rstrip("\n").split("\t")
            out[c] = set(rs.split(";"))
    return out


def check_hanja(hangul, hanja, readings):
    """None if every syllable of `hangul` is a reading of the char of `hanja` at that place
    (the first with the initial-sound law), else a message."""
    if len(hangul) != len(hanja):
        return f"{hangul} / {hanja}: lengths differ"
    for k, (h, c) in enumerate(zip(hangul, hanja)):
        rs = readings.get(c)
        if rs is None:
            return f"{hangul} / {hanja}: no reading for {c}"
        ok = any(h in (initial_forms(r) if k == 0 else {r}) for r in rs)
        if not ok:
            return f"{hangul} / {hanja}: {c} reads {'/'.join(sorted(rs))}, not {h}"
    return None


def reference_keys():
    """Keys of the project's Chinese places (gen_regions.py CN and data/cn_cities.csv) ->
    description, and the Korean reference list of gen_regions.py."""
    src = os.path.join(ROOT, "tools", "gen_regions.py")
    tree = ast.parse(open(src, encoding="utf-8").read())
    lists = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            if node.targets[0].id in ("CN", "KR"):
                lists[node.targets[0].id] = ast.literal_eval(node.value)
    cn = {}
    for name, _kind, aliases in lists["CN"]:
        for a in [name] + aliases:
            cn.setdefault(norm(a), f"Chinese province {name}")
    path = os.path.join(ROOT, "data", "cn_cities.csv")
    with open(path, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            for a in [r["name"], r["zh"], r["ko"]] + [x for x in r["aliases"].split(";") if x]:
                cn.setdefault(norm(a), f"Chinese city {r['name']} {r['zh']} ({r['province']})")
    return cn, lists["KR"]


def t2s_factory():
    from opencc import OpenCC
    cc = OpenCC("t2s")
    return lambda s: cc.convert(s.translate(str.maketrans({v: k for k, v in
                                                             KOREAN_FORMS.items()})))


def korean_forms(s):
    return s.translate(str.maketrans(KOREAN_FORMS))


def add(lst, *items):
    for x in items:
        if x and x not in lst:
            lst.append(x)


def build(sgg, sido, readings):
    t2s = t2s_factory()
    problems = []
    rows = []
    en_of_sido = {c: PROVINCES[c][0] for c in PROVINCES}
    if set(sido) != set(PROVINCES):
        problems.append(f"first-level codes {sorted(sido)} != {sorted(PROVINCES)}")
    for code in SIDO_ORDER:
        en, ko, full, hanja_full, zh, en_full, extra = PROVINCES[code]
        if sido.get(code) != full:
            problems.append(f"{code}: the list says {sido.get(code)}, the table {full}")
        aliases = [full] + en_full + extra
        if hanja_full:
            err = check_hanja(full, hanja_full, readings)
            if err:
                problems.append(err)
            short = PROVINCE_HANJA_SHORT.get(code, hanja_full[:len(ko)])
            if code not in PROVINCE_HANJA_SHORT:
                err = check_hanja(ko, short, readings)
                if err:
                    problems.append(err)
            add(aliases, short, hanja_full, korean_forms(hanja_full), t2s(hanja_full),
                t2s(short), korean_forms(short))
        rows.append({"level": "province", "parent": "", "name": en, "base": en, "ko": ko,
                     "zh": zh, "aliases": aliases, "part_of": "", "code": code,
                     "sido": code, "stem": ko, "unit": ""})
    by_code = sorted(sgg.items(), key=lambda kv: (SIDO_ORDER.index(kv[1][0]), kv[0]))
    for code, (s, full) in by_code:
        stem, unit = full[:-1], full[-1]
        hanja = HANJA_AT.get((s, stem), HANJA.get(stem))
        if hanja is None:
            problems.append(f"no Hanja for {full} ({code})")
            hanja = ""
        else:
            err = check_hanja(stem, hanja, readings)
            if err:
                problems.append(err)
        en_stem = romanize(stem)
        level = LEVEL[unit]
        label, suffix = UNIT_EN[unit]
        zh_stem = t2s(hanja)
        if level == "district":
            base, ko, zh = f"{en_stem}-gu", full, zh_stem + UNIT_ZH[unit]
        else:
            base, ko, zh = en_stem, stem, zh_stem
        aliases = []
        add(aliases, full, f"{en_stem} {label}", f"{en_stem}-{suffix}")
        if level == "district" and stem not in NO_STEM_ALIAS and len(stem) > 1:
            add(aliases, stem, en_stem)
        add(aliases, hanja + UNIT_HANJA[unit], korean_forms(hanja + UNIT_HANJA[unit]),
            zh_stem + UNIT_ZH[unit])
        if level != "district":
            add(aliases, hanja, korean_forms(hanja))
        add(aliases, *OLD_ROMANIZATION.get(stem, []))
        p_en, p_ko, p_full, _h, p_zh = PROVINCES[s][:5]
        # Forms qualified by the first-level division, as Korean reports write a place
        # (서울 종로구, 경기도 수원시); and, for rows whose name is shared, the forms that
        # tell them apart (경기 광주, 京畿道广州市, Seoul Jung-gu, Jung District (Seoul)).
        qualified = [f"{p_ko} {full}", f"{p_full} {full}"]
        qualified_if_shared = [f"{p_en} {en_stem}-{suffix}", f"{en_stem} {label} ({p_en})",
                               p_zh + zh_stem + UNIT_ZH[unit]]
        if level != "district":
            qualified_if_shared.insert(0, f"{p_ko} {stem}")
        rows.append({"level": level, "parent": en_of_sido[s], "name": base, "base": base,
                     "ko": ko, "zh": zh, "aliases": aliases, "qualified": qualified,
                     "qualified_if_shared": qualified_if_shared,
                     "part_of": "", "code": code, "sido": s, "stem": stem, "unit": unit})
    return rows, problems


def add_areas(rows, readings):
    t2s = t2s_factory()
    problems = []
    for name, ko, hanja, s, within, code, extra in AREAS:
        err = check_hanja(ko, hanja, readings)
        if err:
            problems.append(err)
        if within is None:
            part_of = PROVINCES[s][0]
        else:
            hits = [r for r in rows if r["sido"] == s and r["level"] != "province"
                    and r["stem"] + r["unit"] == within]
            if len(hits) != 1:
                problems.append(f"{name}: part_of {within} in {s} found {len(hits)} times")
                continue
            part_of = hits[0]  # the row; its final name is filled in later
        zh = t2s(hanja)
        aliases = []
        add(aliases, *extra)
        add(aliases, hanja, korean_forms(hanja))
        add(aliases, *OLD_ROMANIZATION.get(ko, []))
        rows.append({"level": "area", "parent": PROVINCES[s][0], "name": name, "base": name,
                     "ko": ko, "zh": zh, "aliases": aliases, "part_of": part_of,
                     "code": code or "", "sido": s, "stem": ko, "unit": ""})
    return problems


def disambiguate(rows, cn_keys):
    """Qualifies shared names, sets `ambiguous`, drops aliases that are not the row's to
    keep. Returns (groups, dropped, cn_clashes)."""
    def bare(r):
        return [r["base"], r["ko"], r["zh"]] + r["aliases"]
    owners = defaultdict(set)
    for i, r in enumerate(rows):
        for v in bare(r):
            owners[norm(v)].add(i)
    # Qualify second-level names shared by rows.
    by_base = defaultdict(list)
    for i, r in enumerate(rows):
        by_base[norm(r["base"])].append(i)
    for k, idx in by_base.items():
        if len(idx) > 1:
            for i in idx:
                if rows[i]["level"] != "province":
                    rows[i]["name"] = f"{rows[i]['base']} ({rows[i]['parent']})"

    def primary(idx):
        prov = [i for i in idx if rows[i]["level"] == "province"]
        if len(prov) == 1:
            return prov[0]
        kos = {(rows[i]["level"], rows[i]["ko"]) for i in idx}
        if len(kos) == 1:
            want = PRIMARY.get(next(iter(kos)))
            hit = [i for i in idx if rows[i]["sido"] == want]
            if len(hit) == 1:
                return hit[0]
        return None

    groups, dropped, clashes = {}, [], []
    for i, r in enumerate(rows):
        shared = set()
        for v in bare(r):
            if len(owners[norm(v)]) > 1:
                shared |= owners[norm(v)]
        r["ambiguous"] = bool(shared)
        if shared:
            groups.setdefault(tuple(sorted(shared)), set()).update(
                norm(v) for v in bare(r) if len(owners[norm(v)]) > 1)
        for col in ("base", "ko", "zh"):
            k = norm(r[col])
            if k in cn_keys:
                r["ambiguous"] = True
                clashes.append((r, col, r[col], cn_keys[k]))
    for i, r in enumerate(rows):
        own = {norm(r["name"]), norm(r["ko"]), norm(r["zh"])}
        kept, seen = [], set(own)
        candidates = r["aliases"] + ([r["base"]] if r["base"] != r["name"] else []) \
            + r.get("qualified", []) \
            + (r.get("qualified_if_shared", []) if r["ambiguous"] else [])
        for a in candidates:
            k = norm(a)
            if k in seen:
                continue
            seen.add(k)
            why = None
            if k in cn_keys:
                why = f"names the {cn_keys[k]}"
            elif len(owners[k]) > 1 and primary(sorted(owners[k])) != i:
                p = primary(sorted(owners[k]))
                why = "shared by " + ", ".join(rows[j]["name"] for j in sorted(owners[k])) \
                    + (f"; kept by {rows[p]['name']}" if p is not None else "; kept by none")
            else:
                for j, other in enumerate(rows):
                    if j != i and k in (norm(other["name"]), norm(other["ko"]),
                                        norm(other["zh"])):
                        why = f"is a column of {other['name']}"
                        break
            if why:
                if a not in r.get("qualified", []) + r.get("qualified_if_shared", []) \
                        and a != r["base"]:
                    dropped.append((r, a, why))
            else:
                kept.append(a)
        r["aliases"] = kept
    for r in rows:
        if isinstance(r["part_of"], dict):
            r["part_of"] = r["part_of"]["name"]
    return groups, dropped, clashes


def check_reference(rows, kr_ref):
    """The Korean places of tools/gen_regions.py must be rows of the CSV."""
    problems = []
    names = {r["name"]: r for r in rows}
    keys = defaultdict(set)
    for r in rows:
        for v in [r["name"], r["ko"], r["zh"]] + r["aliases"]:
            keys[norm(v)].add(r["name"])
    for name, kind, aliases in kr_ref:
        r = names.get(name)
        if r is None:
            problems.append(f"gen_regions.py place {name} ({kind}) is no row")
            continue
        want = {"special city": "province", "metropolitan city": "province",
                "special self-governing city": "province", "province": "province",
                "special self-governing province": "province", "city": "city",
                "county": "county", "district": "area"}[kind]
        if r["level"] != want and not (name == "Seogwipo" and r["level"] == "area"):
            problems.append(f"gen_regions.py place {name} is {kind}, the row {r['level']}")
        for a in aliases:
            owners = keys.get(norm(a), set())
            if owners and owners != {name}:
                print(f"  note: gen_regions.py alias {a} of {name} is here a key of "
                      f"{', '.join(sorted(owners))}")
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wheel", help=f"a {PYPI_DATA[0]}-{PYPI_DATA[1]} wheel already downloaded")
    ap.add_argument("--out", default=os.path.join(ROOT, "data", "kr_places.csv"))
    ap.add_argument("--no-install", action="store_true", help="do not pip install")
    args = ap.parse_args()

    ensure_pypi(not args.no_install)
    problems = []
    for hangul, want in RR_EXPECTED.items():
        if romanize(hangul) != want:
            problems.append(f"romanize({hangul}) = {romanize(hangul)}, not {want}")
    readings = load_readings()
    raw = fetch_wheel(args.wheel)
    sgg, sido, last = local_governments(raw)
    rows, p = build(sgg, sido, readings)
    problems += p
    problems += add_areas(rows, readings)
    cn_keys, kr_ref = reference_keys()
    groups, dropped, clashes = disambiguate(rows, cn_keys)
    print("gen_regions.py reference places:")
    problems += check_reference(rows, kr_ref)

    levels = Counter(r["level"] for r in rows)
    for lv, n in LEVEL_COUNTS.items():
        if levels[lv] != n:
            problems.append(f"{levels[lv]} {lv} rows, {n} expected")
    per = defaultdict(Counter)
    for r in rows:
        if r["level"] in ("city", "county", "district"):
            per[r["parent"]][r["level"]] += 1
    for p_en, (c, g, d) in EXPECTED_COUNTS.items():
        got = (per[p_en]["city"], per[p_en]["county"], per[p_en]["district"])
        if got != (c, g, d):
            problems.append(f"{p_en}: city/county/district {got}, expected {(c, g, d)}")
    names = Counter(norm(r["name"]) for r in rows)
    problems += [f"name {k} on {n} rows" for k, n in names.items() if n > 1]
    alias_owner = defaultdict(set)
    for i, r in enumerate(rows):
        if not r["ko"] or not r["zh"]:
            problems.append(f"{r['name']}: ko or zh missing")
        for a in {norm(x) for x in [r["name"], r["ko"], r["zh"]] + r["aliases"]}:
            alias_owner[a].add(i)
        for a in r["aliases"]:
            if ";" in a or "," in a and a.count(",") > 1:
                problems.append(f"{r['name']}: alias {a!r}")
    for k, idx in alias_owner.items():
        if len(idx) > 1 and not all(rows[i]["ambiguous"] for i in idx):
            problems.append(f"key {k} on rows {[rows[i]['name'] for i in idx]} not all "
                            f"marked ambiguous")
        for i in idx:
            r = rows[i]
            if len(idx) > 1 and k in {norm(a) for a in r["aliases"]}:
                problems.append(f"alias key {k} of {r['name']} is shared")

    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["level", "parent", "name", "ko", "zh", "aliases", "part_of", "ambiguous",
                    "code"])
        for r in rows:
            w.writerow([r["level"], r["parent"], r["name"], r["ko"], r["zh"],
                        ";".join(r["aliases"]), r["part_of"],
                        "yes" if r["ambiguous"] else "no", r["code"]])

    print(f"source: PyPI {PYPI_DATA[0]} {PYPI_DATA[1]} {DATA_MEMBER} (last change {last}); "
          f"{len(CHANGES)} changes applied")
    print(f"wrote {args.out}: {len(rows)} rows = " + ", ".join(
        f"{levels[lv]} {lv}" for lv in ("province", "city", "county", "district", "area")))
    for p_en in EXPECTED_COUNTS:
        c = per[p_en]
        print(f"  {p_en:18} {c['city']:3} city {c['county']:3} county {c['district']:3} "
              f"district")
    print(f"ambiguous rows: {sum(r['ambiguous'] for r in rows)}; groups sharing a bare form:")
    for idx, keys in groups.items():
        print("  " + " / ".join(rows[i]["name"] for i in idx) + ": " +
              ", ".join(sorted(keys)))
    print(f"clashes with Chinese places ({len(clashes)}):")
    for r, col, value, what in clashes:
        print(f"  {r['name']} {col} {value}: {what}")
    print(f"dropped aliases ({len(dropped)}):")
    for r, a, why in dropped:
        print(f"  {r['name']}: {a} -- {why}")
    for p in problems:
        print("PROBLEM", p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
