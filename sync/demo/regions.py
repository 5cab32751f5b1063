"""Home regions (生源地): provinces, cities and counties with their region codes.

The counties are real county-level divisions with their current 6-digit administrative codes, so a
synthetic ID number starts with the code of the student's home county.  Town and village names are
made up from common place-name parts.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from itertools import accumulate


@dataclass(frozen=True)
class County:
    code: str
    province: str
    city: str
    county: str
    weight: int  # relative share of the school's students
    minorities: tuple[tuple[str, float], ...] = ()  # 民族 -> share of students from this county
    urban: bool = False  # a city district: most households have urban hukou

    @property
    def origin_place(self) -> str:
        """生源地 as printed: province, city, county."""
        city = "" if self.city == self.province else self.city
        return f"{self.province}{city}{self.county}"


# The school is in Jiangsu: most students come from the province, the rest from the regions that
# send students to Jiangsu colleges under the national enrolment plans.
COUNTIES: tuple[County, ...] = (
    County("320321", "江苏省", "徐州市", "丰县", 30),
    County("320322", "江苏省", "徐州市", "沛县", 26),
    County("320324", "江苏省", "徐州市", "睢宁县", 32),
    County("320382", "江苏省", "徐州市", "邳州市", 30),
    County("320722", "江苏省", "连云港市", "东海县", 24),
    County("320723", "江苏省", "连云港市", "灌云县", 26),
    County("320724", "江苏省", "连云港市", "灌南县", 20),
    County("320826", "江苏省", "淮安市", "涟水县", 26),
    County("320830", "江苏省", "淮安市", "盱眙县", 18),
    County("320921", "江苏省", "盐城市", "响水县", 18),
    County("320922", "江苏省", "盐城市", "滨海县", 24),
    County("320923", "江苏省", "盐城市", "阜宁县", 22),
    County("320924", "江苏省", "盐城市", "射阳县", 18),
    County("321322", "江苏省", "宿迁市", "沭阳县", 40),
    County("321323", "江苏省", "宿迁市", "泗阳县", 24),
    County("321324", "江苏省", "宿迁市", "泗洪县", 24),
    County("321023", "江苏省", "扬州市", "宝应县", 12),
    County("321281", "江苏省", "泰州市", "兴化市", 14),
    County("320623", "江苏省", "南通市", "如东县", 10),
    County("320581", "江苏省", "苏州市", "常熟市", 8, urban=True),
    County("320311", "江苏省", "徐州市", "泉山区", 6, urban=True),
    County("341221", "安徽省", "阜阳市", "临泉县", 10),
    County("341222", "安徽省", "阜阳市", "太和县", 8),
    County("341226", "安徽省", "阜阳市", "颍上县", 8),
    County("341321", "安徽省", "宿州市", "砀山县", 6),
    County("341322", "安徽省", "宿州市", "萧县", 6),
    County("340826", "安徽省", "安庆市", "宿松县", 5),
    County("411627", "河南省", "周口市", "太康县", 8),
    County("411625", "河南省", "周口市", "郸城县", 7),
    County("411628", "河南省", "周口市", "鹿邑县", 6),
    County("411723", "河南省", "驻马店市", "平舆县", 5),
    County("411521", "河南省", "信阳市", "罗山县", 5),
    County("371721", "山东省", "菏泽市", "曹县", 6),
    County("360733", "江西省", "赣州市", "会昌县", 4),
    County("513030", "四川省", "达州市", "渠县", 5),
    County("511623", "四川省", "广安市", "邻水县", 4),
    County("513433", "四川省", "凉山彝族自治州", "冕宁县", 3, (("彝族", 0.5), ("藏族", 0.05))),
    County("500241", "重庆市", "重庆市", "秀山土家族苗族自治县", 3, (("土家族", 0.45), ("苗族", 0.2))),
    County("522425", "贵州省", "毕节市", "织金县", 4, (("苗族", 0.2), ("彝族", 0.1))),
    County(
        "522427",
        "贵州省",
        "毕节市",
        "威宁彝族回族苗族自治县",
        4,
        (("彝族", 0.3), ("回族", 0.15), ("苗族", 0.1)),
    ),
    County("522631", "贵州省", "黔东南苗族侗族自治州", "黎平县", 3, (("侗族", 0.6), ("苗族", 0.1))),
    County("433130", "湖南省", "湘西土家族苗族自治州", "龙山县", 3, (("土家族", 0.55), ("苗族", 0.1))),
    County("422822", "湖北省", "恩施土家族苗族自治州", "建始县", 3, (("土家族", 0.45), ("苗族", 0.05))),
    County("451024", "广西壮族自治区", "百色市", "德保县", 3, (("壮族", 0.85),)),
    County("532932", "云南省", "大理白族自治州", "鹤庆县", 2, (("白族", 0.55), ("彝族", 0.05))),
    County("621121", "甘肃省", "定西市", "通渭县", 4),
    County("621123", "甘肃省", "定西市", "渭源县", 3, (("回族", 0.05),)),
    County("640422", "宁夏回族自治区", "固原市", "西吉县", 3, (("回族", 0.55),)),
    County("653121", "新疆维吾尔自治区", "喀什地区", "疏附县", 2, (("维吾尔族", 0.9),)),
    County("150525", "内蒙古自治区", "通辽市", "奈曼旗", 2, (("蒙古族", 0.4), ("满族", 0.05))),
    County("222424", "吉林省", "延边朝鲜族自治州", "汪清县", 1, (("朝鲜族", 0.35), ("满族", 0.05))),
    County("130732", "河北省", "张家口市", "赤城县", 2, (("满族", 0.05),)),
)
_COUNTY_CUM = tuple(accumulate(county.weight for county in COUNTIES))

_TOWN_HEADS = "城关新集东王西马南北大小高双龙凤官桥河湖张李刘陈杨黄白石青金长平安兴和丰太永清华"
_TOWN_TAILS = "集庄河桥店口湾沟坝埠圩岗营寺堡湖台铺"
_VILLAGE_TAILS = ("村", "庄村", "湾村", "圩村", "沟村", "岗村", "桥村", "营村")
_ROADS = ("人民路", "解放路", "建设路", "和平路", "新华路", "黄河路", "淮海路", "中山路", "振兴路", "文化路")


def pick_county(rng: random.Random) -> County:
    return rng.choices(COUNTIES, cum_weights=_COUNTY_CUM)[0]


def town_name(rng: random.Random) -> str:
    """A plausible 镇/乡 name (no digits, no 门牌 words: usable as a visit place)."""
    if rng.random() < 0.12:
        return "城关镇"
    head = rng.choice(_TOWN_HEADS)
    tail = rng.choice(_TOWN_TAILS)
    return f"{head}{tail}{'乡' if rng.random() < 0.2 else '镇'}"


def home_address(rng: random.Random, county: County, town: str, rural: bool, family_name: str) -> str:
    """A synthetic full home address (sensitive: stored encrypted, never printed on public material)."""
    if rural:
        village = f"{family_name[0]}{rng.choice(_VILLAGE_TAILS)}"
        return f"{county.origin_place}{town}{village}{rng.randint(1, 12)}组{rng.randint(1, 68)}号"
    return (
        f"{county.origin_place}{rng.choice(_ROADS)}{rng.randint(1, 399)}号"
        f"{rng.randint(1, 30)}栋{rng.randint(1, 6)}单元{rng.randint(1, 18)}{rng.randint(1, 4):02d}室"
    )


def ethnicity(rng: random.Random, county: County) -> str:
    roll = rng.random()
    for name, share in county.minorities:
        if roll < share:
            return name
        roll -= share
    # A small share of minority students from anywhere (e.g. 回族, 满族 living across the country).
    if rng.random() < 0.012:
        return rng.choice(("回族", "满族", "蒙古族", "土家族"))
    return "汉族"
