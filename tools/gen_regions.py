"""Generates migrations/0002_regions.sql from the lists below.

Run once when the reference lists change (then add a new migration rather than editing a
shipped one). The normalized keys must match `domain::name::normalize` in Rust: lowercase,
keep letters and digits only.
"""
CN = [
    # English, kind, aliases (pinyin variants, Chinese characters, Korean)
    ("Beijing", "municipality", ["Peking", "北京", "北京市", "베이징"]),
    ("Tianjin", "municipality", ["天津", "天津市", "톈진"]),
    ("Shanghai", "municipality", ["上海", "上海市", "상하이"]),
    ("Chongqing", "municipality", ["Chungking", "重庆", "重慶", "重庆市", "충칭"]),
    ("Hebei", "province", ["河北", "河北省", "허베이"]),
    ("Shanxi", "province", ["山西", "山西省"]),
    ("Liaoning", "province", ["辽宁", "遼寧", "辽宁省", "랴오닝"]),
    ("Jilin", "province", ["吉林", "吉林省", "지린"]),
    ("Heilongjiang", "province", ["黑龙江", "黑龍江", "黑龙江省", "헤이룽장"]),
    ("Jiangsu", "province", ["Kiangsu", "江苏", "江蘇", "江苏省", "장쑤"]),
    ("Zhejiang", "province", ["Chekiang", "浙江", "浙江省", "저장"]),
    ("Anhui", "province", ["安徽", "安徽省", "안후이"]),
    ("Fujian", "province", ["Fukien", "福建", "福建省", "푸젠"]),
    ("Jiangxi", "province", ["江西", "江西省", "장시"]),
    ("Shandong", "province", ["Shantung", "山东", "山東", "山东省", "산둥"]),
    ("Henan", "province", ["河南", "河南省", "허난"]),
    ("Hubei", "province", ["湖北", "湖北省", "후베이"]),
    ("Hunan", "province", ["湖南", "湖南省", "후난"]),
    ("Guangdong", "province", ["Kwangtung", "Canton", "广东", "廣東", "广东省", "광둥"]),
    ("Hainan", "province", ["海南", "海南省", "하이난"]),
    ("Sichuan", "province", ["Szechuan", "Szechwan", "四川", "四川省", "쓰촨"]),
    ("Guizhou", "province", ["贵州", "貴州", "贵州省", "구이저우"]),
    ("Yunnan", "province", ["云南", "雲南", "云南省", "윈난"]),
    ("Shaanxi", "province", ["陕西", "陝西", "陕西省"]),
    ("Gansu", "province", ["甘肃", "甘肅", "甘肃省", "간쑤"]),
    ("Qinghai", "province", ["青海", "青海省", "칭하이"]),
    ("Inner Mongolia", "autonomous region", ["Nei Mongol", "Neimenggu", "内蒙古", "內蒙古", "内蒙古自治区", "네이멍구"]),
    ("Guangxi", "autonomous region", ["Guangxi Zhuang", "广西", "廣西", "广西壮族自治区", "광시"]),
    ("Tibet", "autonomous region", ["Xizang", "西藏", "西藏自治区", "시짱", "티베트"]),
    ("Ningxia", "autonomous region", ["Ningxia Hui", "宁夏", "寧夏", "宁夏回族自治区", "닝샤"]),
    ("Xinjiang", "autonomous region", ["Xinjiang Uyghur", "Xinjiang Uygur", "新疆", "新疆维吾尔自治区", "신장"]),
    ("Hong Kong", "special administrative region", ["Hongkong", "HKSAR", "香港", "香港特别行政区", "홍콩"]),
    ("Macau", "special administrative region", ["Macao", "澳门", "澳門", "澳门特别行政区", "마카오"]),
]
SUFFIX = {
    "province": ["Province"],
    "municipality": ["Municipality", "City"],
    "autonomous region": ["Autonomous Region"],
    "special administrative region": ["SAR"],
}
KR = [
    ("Seoul", "special city", ["서울", "서울특별시", "서울시", "Seoul City"]),
    ("Busan", "metropolitan city", ["Pusan", "부산", "부산광역시", "부산시"]),
    ("Daegu", "metropolitan city", ["Taegu", "대구", "대구광역시"]),
    ("Incheon", "metropolitan city", ["Inchon", "인천", "인천광역시"]),
    ("Gwangju", "metropolitan city", ["Kwangju", "광주", "광주광역시"]),
    ("Daejeon", "metropolitan city", ["Taejon", "대전", "대전광역시"]),
    ("Ulsan", "metropolitan city", ["울산", "울산광역시"]),
    ("Sejong", "special self-governing city", ["세종", "세종특별자치시"]),
    ("Gyeonggi", "province", ["Gyeonggi-do", "Kyonggi", "경기", "경기도"]),
    ("Gangwon", "province", ["Gangwon-do", "Kangwon", "강원", "강원도", "강원특별자치도"]),
    ("North Chungcheong", "province", ["Chungbuk", "Chungcheongbuk-do", "충북", "충청북도"]),
    ("South Chungcheong", "province", ["Chungnam", "Chungcheongnam-do", "충남", "충청남도"]),
    ("North Jeolla", "province", ["Jeonbuk", "Jeollabuk-do", "전북", "전라북도", "전북특별자치도"]),
    ("South Jeolla", "province", ["Jeonnam", "Jeollanam-do", "전남", "전라남도"]),
    ("North Gyeongsang", "province", ["Gyeongbuk", "Gyeongsangbuk-do", "경북", "경상북도"]),
    ("South Gyeongsang", "province", ["Gyeongnam", "Gyeongsangnam-do", "경남", "경상남도"]),
    ("Jeju", "special self-governing province", ["Jeju Island", "Jeju-do", "Cheju", "제주", "제주도", "제주특별자치도"]),
    ("Suwon", "city", ["수원"]),
    ("Seongnam", "city", ["성남", "Pangyo", "판교"]),
    ("Goyang", "city", ["고양", "Ilsan", "일산"]),
    ("Yongin", "city", ["용인"]),
    ("Hwaseong", "city", ["화성"]),
    ("Paju", "city", ["파주"]),
    ("Pyeongtaek", "city", ["평택"]),
    ("Changwon", "city", ["창원"]),
    ("Gimhae", "city", ["김해"]),
    ("Geoje", "city", ["거제"]),
    ("Cheongju", "city", ["청주"]),
    ("Cheonan", "city", ["천안"]),
    ("Jeonju", "city", ["전주"]),
    ("Gunsan", "city", ["군산"]),
    ("Mokpo", "city", ["목포"]),
    ("Yeosu", "city", ["여수"]),
    ("Pohang", "city", ["포항"]),
    ("Gyeongju", "city", ["Kyongju", "경주"]),
    ("Andong", "city", ["안동"]),
    ("Gangneung", "city", ["강릉"]),
    ("Chuncheon", "city", ["춘천"]),
    ("Pyeongchang", "county", ["평창"]),
    ("Seogwipo", "city", ["서귀포"]),
    ("Songdo", "district", ["송도", "Songdo International City"]),
]


def norm(s):
    return "".join(c for c in s.lower() if c.isalnum())


def q(s):
    return "'" + s.replace("'", "''") + "'"


out = ["-- Reference places: China's provincial-level divisions (origin of delegations) and",
       "-- Korea's provinces and major cities (places visited). Generated by tools/gen_regions.py.",
       ""]
rid = 0
for country, rows in (("CN", CN), ("KR", KR)):
    for name, kind, aliases in rows:
        rid += 1
        local = next((a for a in aliases if not a.isascii()), None)
        out.append(f"INSERT INTO regions (id, country, name, local_name, kind) VALUES ({rid}, {q(country)}, {q(name)}, {q(local) if local else 'NULL'}, {q(kind)});")
        names = [name] + aliases
        if country == "CN":
            names += [f"{name} {s}" for s in SUFFIX[kind]]
        seen = set()
        for a in names:
            k = norm(a)
            if k in seen:
                continue
            seen.add(k)
            out.append(f"INSERT INTO region_aliases (country, norm, alias, region_id) VALUES ({q(country)}, {q(k)}, {q(a)}, {rid});")
open("migrations/0002_regions.sql", "w").write("\n".join(out) + "\n")
print(rid, "regions")
