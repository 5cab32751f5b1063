"""Synthetic Chinese personal names: common surnames (weighted), given names by gender, a few minority names.

The names are assembled from character banks, so they read like real names without being anyone's on
purpose.
"""

from __future__ import annotations

import random
from itertools import accumulate

from sync.records.enums import Gender

# Common surnames, roughly in order of frequency, with rough relative weights.
_SURNAMES: tuple[tuple[str, int], ...] = (
    ("王", 72), ("李", 72), ("张", 70), ("刘", 55), ("陈", 46), ("杨", 32), ("黄", 25), ("赵", 21),
    ("吴", 20), ("周", 20), ("徐", 17), ("孙", 15), ("马", 15), ("朱", 14), ("胡", 13), ("郭", 12),
    ("何", 12), ("林", 11), ("高", 11), ("罗", 10), ("郑", 9), ("梁", 9), ("谢", 8), ("宋", 7),
    ("唐", 7), ("许", 7), ("韩", 6), ("冯", 6), ("邓", 6), ("曹", 6), ("彭", 6), ("曾", 5),
    ("肖", 5), ("田", 5), ("董", 5), ("袁", 5), ("潘", 5), ("于", 5), ("蒋", 5), ("蔡", 5),
    ("余", 4), ("杜", 4), ("叶", 4), ("程", 4), ("苏", 4), ("魏", 4), ("吕", 4), ("丁", 4),
    ("任", 4), ("沈", 4), ("姚", 3), ("卢", 3), ("姜", 3), ("崔", 3), ("钟", 3), ("谭", 3),
    ("陆", 3), ("汪", 3), ("范", 3), ("金", 3), ("石", 3), ("廖", 3), ("贾", 3), ("夏", 3),
    ("韦", 3), ("付", 3), ("方", 3), ("白", 2), ("邹", 2), ("孟", 2), ("熊", 2), ("秦", 2),
    ("邱", 2), ("江", 2), ("尹", 2), ("薛", 2), ("闫", 2), ("段", 2), ("雷", 2), ("侯", 2),
    ("龙", 2), ("史", 2), ("陶", 2), ("黎", 2), ("贺", 2), ("顾", 2), ("毛", 2), ("郝", 2),
    ("龚", 2), ("邵", 2), ("万", 2), ("钱", 2), ("严", 2), ("覃", 1), ("武", 1), ("戴", 1),
    ("莫", 1), ("孔", 1), ("向", 1), ("汤", 1), ("常", 1), ("葛", 1), ("欧阳", 1), ("司马", 1),
    ("诸葛", 1), ("上官", 1),
)  # fmt: skip
_SURNAME_LIST = tuple(name for name, _ in _SURNAMES)
_SURNAME_CUM = tuple(accumulate(weight for _, weight in _SURNAMES))

_MALE_CHARS = (
    "伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清"
    "飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善"
    "厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家"
    "致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘宇轩睿铭皓然"
)
_FEMALE_CHARS = (
    "秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺"
    "媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹"
    "蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓"
    "欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽涵萱雨彤诗语"
)
_ELDER_MALE_CHARS = "建国军华明德福贵平安林生发强红卫忠海春永庆长富金山宝树"
_ELDER_FEMALE_CHARS = "秀英兰芳桂华玉梅凤珍霞琴红云翠莲娟金菊花荣"

# Transliterated Uyghur names (given name · father's given name), as they appear on ID cards.
_UYGHUR_MALE = (
    "买买提",
    "艾力",
    "阿卜杜拉",
    "吐尔逊",
    "艾合买提",
    "努尔",
    "亚森",
    "依明",
    "热合曼",
    "阿不都",
)
_UYGHUR_FEMALE = ("古丽", "阿依古丽", "热依拉", "米热古丽", "帕提曼", "阿依努尔", "佐热古丽", "努尔古丽")
_UYGHUR_FATHER = ("艾山", "吐尔洪", "买买提", "库尔班", "艾合麦提", "阿布拉", "司马义", "尼亚孜")


def surname(rng: random.Random) -> str:
    return rng.choices(_SURNAME_LIST, cum_weights=_SURNAME_CUM)[0]


def given_name(rng: random.Random, gender: Gender, *, elder: bool = False) -> str:
    """A one- or two-character given name; elders get the plainer names of their generation."""
    if elder:
        chars = _ELDER_MALE_CHARS if gender == Gender.MALE else _ELDER_FEMALE_CHARS
        return "".join(rng.choice(chars) for _ in range(1 if rng.random() < 0.3 else 2))
    chars = _MALE_CHARS if gender == Gender.MALE else _FEMALE_CHARS
    if rng.random() < 0.18:
        return rng.choice(chars)
    first = rng.choice(chars)
    second = rng.choice(chars)
    while second == first and rng.random() < 0.9:
        second = rng.choice(chars)
    return first + second


def full_name(
    rng: random.Random, gender: Gender, *, family_name: str | None = None, elder: bool = False
) -> str:
    return (family_name or surname(rng)) + given_name(rng, gender, elder=elder)


def uyghur_name(rng: random.Random, gender: Gender, father_given: str | None = None) -> str:
    own = rng.choice(_UYGHUR_MALE if gender == Gender.MALE else _UYGHUR_FEMALE)
    return f"{own}·{father_given or rng.choice(_UYGHUR_FATHER)}"


def uyghur_given(rng: random.Random) -> str:
    return rng.choice(_UYGHUR_FATHER)
