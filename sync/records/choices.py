"""Suggested values that are data, not code: lists DOMAIN.md leaves open or marks as inferred.

Fields using these lists are free text, so a school can extend a list by configuration without a new
release; the UI offers these as suggestions.
"""

from __future__ import annotations

# 与学生关系 (family members, interviewees)
RELATIONSHIPS: tuple[str, ...] = (
    "父亲",
    "母亲",
    "继父",
    "继母",
    "祖父",
    "祖母",
    "外祖父",
    "外祖母",
    "哥哥",
    "姐姐",
    "弟弟",
    "妹妹",
    "配偶",
    "子女",
    "监护人",
    "其他亲属",
)

# 心愿单服务项目的提供部门
PROVIDER_DEPARTMENTS: tuple[str, ...] = (
    "心理健康教育中心",
    "教务处",
    "学院",
    "就业指导中心",
    "学生工作处",
    "校团委",
    "图书馆",
    "体育部",
)

# 资金来源 (guarantee aid)
FUNDING_SOURCES: tuple[str, ...] = (
    "中央财政",
    "省级财政",
    "学校事业收入",
    "社会捐赠",
    "银行贷款",
    "其他",
)

# 民族: free text with the 56 official names as suggestions
ETHNIC_GROUPS: tuple[str, ...] = (
    "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族",
    "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族",
    "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族",
    "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族",
    "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族",
    "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族",
)  # fmt: skip

# Words that mark a precise address; a visit's place is stored to 县/镇 level only.
PRECISE_ADDRESS_MARKERS: tuple[str, ...] = ("号", "室", "栋", "幢", "单元", "门牌", "楼")
