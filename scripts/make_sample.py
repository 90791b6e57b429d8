"""Writes the demo account list (www/sample/): 300 Chinese B2B accounts typed the way a zh-CN
sales team types them into Excel (MODEL §1.1): units in the cells (`3年`, `18个月`, `12次`,
`¥120万`, `45天`, `200人`), qualifiers and ranges on a minority of rows (`约100万`, `5年多`,
`10-20万`, `3到5年`), Chinese numerals on a few (`三年`, `十二次`, `五成`), margins as `23%`,
`0.23` or `23`, blanks written six ways, dates in four styles, columns the crate does not know
(联系电话, 负面事件, 备注), and a handful of cells no parser should guess at; and a transaction
log for them (transactions.csv: 客户编号, 客户名称, 交易日期, 金额(元)) drawn from BG/NBD and
Gamma-Gamma, keyed by the accounts' 客户编号.

Files: accounts.json (the cells as texts), accounts.csv (UTF-8 with a BOM), accounts-gbk.csv
(GB18030, a title row above the header, as Excel on Chinese Windows saves it), accounts.xlsx
(the same list as a workbook: the title merged across the header width, numbers, percentages
and dates as typed cells, a few formula cells with their cached values; no 合计 row) and
transactions.csv. The CSV and JSON hold what Excel shows for a formula cell: its cached value.

Each account manager (负责人) has a habit: some write units in nearly every cell, some plain
numbers. The accounts themselves (names, sizes, dates) are drawn in the same order as before,
so the transaction log does not move when only the way cells are written changes.
Deterministic: the same bytes every run. Standard library only.
Usage: python3 scripts/make_sample.py"""
import csv
import datetime
import io
import json
import math
import random
import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

rng = random.Random(20261122)  # the accounts (kept from the first sample: same draws, same order)
fmt = random.Random(20261201)  # how each cell is written, and the columns added since
OUT = Path(__file__).resolve().parent.parent / "www" / "sample"
TITLE = "2026年重点客户清单(销售部)"

PLACES = ["华东", "华南", "华北", "西南", "华中", "东北", "西北"]
CITIES = ["上海", "苏州", "杭州", "宁波", "广州", "深圳", "东莞", "北京", "天津", "成都", "重庆", "武汉", "长沙", "沈阳", "西安", "青岛", "厦门", "合肥"]
WORDS = ["精密", "恒信", "星河", "长江", "瑞丰", "华泰", "宏达", "金鼎", "博远", "中科", "新元", "汇通", "远航", "东方", "天成", "嘉禾", "盛世", "优品", "联创", "凯旋"]
KINDS = ["机械", "电子", "包装材料", "化工", "物流", "食品", "医疗器械", "汽车零部件", "新能源", "建材", "纺织", "软件"]
SUFFIX = ["有限公司", "股份有限公司", "集团", "科技有限公司", "实业有限公司", "厂"]
INDUSTRIES = ["制造业", "电子", "化工", "物流", "食品饮料", "医疗", "汽车", "新能源", "建筑", "纺织", "软件服务"]
CREDIT = ["A", "A", "B", "B", "B", "C", "D", "AA", "优", "良", "中"]
SATISFACTION = ["高度满意", "一般满意", "无意见", "有些不满意", "极不满意", "5", "4", "3", ""]
PEOPLE = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周杰", "吴婷", "徐鹏", "孙丽"]
OWNERS = ["王经理", "李经理", "陈经理", "赵经理"]
# How likely each manager writes a unit into a number cell (王 nearly always, 李 rarely).
HABIT = {"王经理": 0.9, "李经理": 0.3, "陈经理": 0.7, "赵经理": 0.55}
BLANKS = ["", "-", "—", "N/A", "无", "暂无"]
NOTES = ["老客户，需重点维护", "年底有新项目", "竞争对手报价低10%左右", "已寄样品", "付款偏慢，注意账期", "采购负责人刚换", "集团统一采购", "只做华东区业务", "春节前备货", "要求月结60天", "去年丢过一个标", "可推新品"]
EVENTS = ["-5万 罚款", "-12万 退货扣款", "延迟付款2次", "2025年质量投诉", "-3.5万 违约金", "换了采购负责人", "被竞争对手抢走一条产品线"]

# The header, in column order. The first 21 are the first sample's columns (three renamed to
# the names a list more often uses: 年采购额 in 元, 采购次数, 回款天数); the last four were added
# to the list later, at its right edge, as such columns are.
HEADERS = ["客户编号", "客户名称", "行业", "区域", "年采购额", "毛利率", "信用等级", "增长率", "潜在采购额", "采购次数",
           "最近下单日期", "合作年限", "回款天数", "投诉次数", "满意度", "吸引力", "关系状态", "决策者", "教练", "负责人", "备注",
           "员工人数", "我方份额", "联系电话", "负面事件"]
# Columns whose plain-number cells a workbook holds as numbers (the rest stay text).
NUMERIC = {"年采购额", "毛利率", "增长率", "潜在采购额", "采购次数", "最近下单日期", "合作年限", "回款天数", "投诉次数",
           "满意度", "关系状态", "员工人数", "我方份额"}

COUNTS = {}  # kind of cell -> how many, printed at the end


def tally(kind, n=1):
    COUNTS[kind] = COUNTS.get(kind, 0) + n


def num(x, digits=1):
    """`12.0` → `12`, `12.34` → `12.3`: a number as a person types it."""
    text = f"{x:.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


DIGITS = "零一二三四五六七八九"


def zh(n):
    """0 ≤ n < 10⁸ in Chinese numerals: 12 → 十二, 1050 → 一千零五十, 1234 万 → 一千二百三十四万."""
    def section(k):  # 0 < k < 10⁴
        out, zero = "", False
        for value, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = k // value % 10
            if d == 0:
                zero = bool(out)
                continue
            if zero:
                out += "零"
                zero = False
            out += DIGITS[d] + name
        return out

    if n == 0:
        return "零"
    high, low = divmod(n, 10000)
    text = (section(high) + "万" if high else "") + ("零" if high and 0 < low < 1000 else "") + (section(low) if low else "")
    return text[1:] if text.startswith("一十") else text


def date(days_ago):
    d = datetime.date(2026, 11, 1) - datetime.timedelta(days=days_ago)
    style = rng.random()
    if style < 0.4:
        return d.isoformat()
    if style < 0.7:
        return f"{d.year}/{d.month}/{d.day}"
    if style < 0.9:
        return f"{d.year}年{d.month}月{d.day}日"
    return str((d - datetime.date(1899, 12, 30)).days)  # an Excel serial


SIZES = []  # each account's annual purchase in yuan, for the transaction log


def draw(i):
    """One account's facts, drawn exactly as the first sample drew them."""
    a = {"name": rng.choice(CITIES) + rng.choice(WORDS) + rng.choice(KINDS) + rng.choice(SUFFIX)}
    a["size"] = rng.lognormvariate(14.2, 1.6)  # annual purchase in yuan, median ~150万
    a["industry"] = rng.choice(INDUSTRIES)
    a["region"] = rng.choice(PLACES)
    a["credit"] = rng.choice(CREDIT)
    a["growth"] = round(rng.gauss(6, 12))  # percent
    a["potential"] = a["size"] * rng.uniform(1.2, 4)
    a["orders"] = max(1, int(rng.lognormvariate(2.3, 0.9)))
    a["last_order"] = date(int(rng.expovariate(1 / 70)))
    a["years"] = rng.uniform(0.3, 12)
    a["pay_days"] = int(rng.uniform(20, 160))
    a["complaints"] = int(rng.expovariate(0.8))
    a["satisfaction"] = rng.choice(SATISFACTION)
    a["attractiveness"] = rng.choice("AABBBCC")
    a["status"] = str(rng.randint(1, 6))
    a["decision_maker"] = rng.choice(PEOPLE + [""])
    a["coach"] = rng.choice(PEOPLE + ["", "", ""])
    a["owner"] = rng.choice(OWNERS)
    rng.random()  # the first sample's purchase style
    a["margin"] = rng.uniform(0.05, 0.38)
    rng.random()  # the first sample's margin style
    a["no_margin"] = rng.random() < 0.06
    if a["no_margin"]:
        rng.choice(["-", "N/A", "无"])
    a["no_credit"] = rng.random() < 0.05
    SIZES.append(a["size"])
    return a


# --- How each kind of cell is written -------------------------------------------------------
# Each writer takes the value and the manager's habit and returns (text, kind); kind is one of
# plain, unit, approximate, range, numerals, blank (for the counts).

def w_purchase(y, habit, style):
    wan = y / 1e4
    if style == "approximate":
        r = max(1, round(wan, -1 if wan > 30 else 0))
        return fmt.choice([f"约{r:.0f}万", f"{r:.0f}万以上", f"近{r:.0f}万", f"{r:.0f}万左右", f"{r:.0f}多万"]), style
    if style == "range":
        lo = max(1, int(wan // 10 * 10) if wan > 20 else int(wan))
        return f"{lo}-{lo + (10 if wan > 20 else 2)}万", style
    if style == "numerals" and 10 <= wan < 10000:
        return zh(round(wan)) + fmt.choice(["万", "万元"]), style
    if fmt.random() > habit:
        return (f"{round(y):,}" if fmt.random() < 0.7 else str(round(y))), "plain"
    if wan >= 10000:
        return f"{num(wan / 1e4, 2)}亿", "unit"
    form = fmt.random()
    if form < 0.4:
        return f"¥{num(wan)}万", "unit"
    if form < 0.75:
        return f"{num(wan)}万元" if fmt.random() < 0.5 else f"{num(wan, 0)}万", "unit"
    return f"{round(y):,}元", "unit"


def w_potential(p, habit, style):
    wan = p / 1e4
    if style == "approximate":
        r = max(10, round(wan, -1))
        return fmt.choice([f"约{r:.0f}万", f"{r:.0f}万以上"]), style
    if style == "range":
        lo = max(10, int(wan // 50 * 50))
        return f"{lo}-{lo + 50}万", style
    if style == "numerals" and 10 <= wan < 10000:
        return zh(int(round(wan, -1))) + "万元", style
    form = fmt.random()
    if form < 0.5:
        return f"¥{wan:.0f}万", "unit"
    if form < 0.5 + habit * 0.4:
        return f"{wan:.0f}万元", "unit"
    return f"{round(p, -3):,.0f}", "plain"


def w_margin(m, habit, style):
    pct = m * 100
    if style == "approximate":
        return fmt.choice([f"约{pct:.0f}%", f"{pct:.0f}%左右"]), style
    if style == "range":
        lo = int(pct // 5 * 5)
        return fmt.choice([f"{lo}%~{lo + 5}%", f"{lo}-{lo + 5}%"]), style
    if style == "numerals":
        tens, ones = divmod(round(pct / 5) * 5, 10)
        if tens:
            return ("两" if tens == 2 else DIGITS[tens]) + "成" + (DIGITS[ones] if ones else ""), style
    form = fmt.random()
    if form < 0.5:
        return f"{num(pct)}%", "plain"
    if form < 0.75:
        return num(m, 3), "plain"
    return num(pct), "plain"  # percent points: 23 for 23 %


def w_growth(g, habit, style):
    if style == "approximate" and g > 0:
        return fmt.choice([f"约{g}%", f"{g}%左右", f"{g}%+"]), style
    if style in ("approximate", "range"):
        return f"{g - 3}%~{g + 2}%", style
    return (f"{g}%" if fmt.random() < 0.9 else num(g / 100, 2)), "plain"


def w_years(t, habit, style):
    whole, months = int(t), round((t - int(t)) * 12)
    if months == 12:
        whole, months = whole + 1, 0
    if style == "approximate" and whole >= 1:
        if whole >= 10:
            return "10余年", style
        return fmt.choice([f"{whole}年多", f"约{whole}年", f"{whole}年以上"]), style
    if style == "range" and whole >= 1:
        return fmt.choice([f"{whole}到{whole + 2}年", f"{whole}-{whole + 1}年"]), style
    if style == "numerals" and whole <= 10:
        if whole == 0:
            return "半年", style
        name = "两" if whole == 2 else zh(whole)
        return name + ("年半" if 3 <= months <= 8 else "年"), style
    if fmt.random() > habit:
        return num(t), "plain"
    if whole == 0:
        return ("半年" if 5 <= months <= 7 else f"{max(months, 1)}个月"), "unit"
    if whole < 3 and months and fmt.random() < 0.5:
        return f"{whole * 12 + months}个月", "unit"
    if months and fmt.random() < 0.4:
        return f"{whole}年{months}个月", "unit"
    if whole == 2 and fmt.random() < 0.3:
        return "两年", "numerals"
    return (f"{whole}年" if months < 3 or fmt.random() < 0.5 else f"{num(t)}年"), "unit"


def w_orders(n, habit, style):
    if style == "approximate":
        return fmt.choice([f"约{n}次", f"{n}次左右"]) if n < 50 else f"{n // 10 * 10}+", style
    if style == "range":
        lo = max(1, n - 2)
        return f"{lo}-{lo + 5}次", style
    if style == "numerals" and n < 100:
        return zh(n) + fmt.choice(["次", "单"]), style
    if fmt.random() > habit:
        return str(n), "plain"
    return f"{n}" + fmt.choice(["次", "次", "单", "笔"]), "unit"


def w_days(d, habit, style):
    if style == "approximate":
        r = round(d, -1)
        return fmt.choice([f"约{r}天", f"{r}天左右", f"超过{r}天"]), style
    if style == "range":
        lo = d // 30 * 30
        months = max(1, d // 30)
        return fmt.choice([f"{lo}-{lo + 30}天", f"{months}-{months + 1}个月"]), style
    if style == "numerals" and d <= 99:
        return zh(d) + "天", style
    if fmt.random() > habit:
        return str(d), "plain"
    if d % 30 <= 1 and d >= 30:
        return f"{d // 30}个月", "unit"
    if d % 7 == 0 and d <= 56:
        return f"{d // 7}周", "unit"
    return f"{d}" + ("天" if fmt.random() < 0.85 else "日"), "unit"


def w_complaints(c, habit, style):
    if style == "numerals" and 1 <= c <= 9:
        return ("两" if c == 2 else DIGITS[c]) + "次", style
    if fmt.random() > habit:
        return str(c), "plain"
    return f"{c}次", "unit"


def w_employees(e, habit, style):
    if style == "approximate":
        r = round(e, -2) if e >= 200 else round(e, -1)
        return fmt.choice([f"约{r}人", f"{r}余人", f"{r}多人", f"{r}人以上"]), style
    if style == "range":
        lo = round(e, -2) if e >= 200 else round(e, -1)
        return fmt.choice([f"{lo}~{lo * 2}人", f"{lo}-{lo * 2}"]), style
    if style == "numerals" and e < 10000:
        return zh(round(e, -1) if e >= 100 else e) + "人", style
    if fmt.random() > habit:
        return str(e), "plain"
    if e >= 10000:
        return f"{num(e / 1e4)}万人", "unit"
    return f"{e}" + ("人" if fmt.random() < 0.8 else "名"), "unit"


def w_share(s, habit, style):
    tenths = round(s * 20) / 2  # in 成, to half a 成
    if style == "approximate":
        return fmt.choice([f"约{DIGITS[max(1, round(tenths))]}成", f"近{max(10, round(s * 100, -1)):.0f}%", f"{DIGITS[max(1, round(tenths))]}成左右"]), style
    if style == "range":
        lo = min(7, max(1, int(tenths)))
        return fmt.choice([f"{DIGITS[lo]}到{DIGITS[lo + 2]}成", f"{lo * 10}%~{lo * 10 + 10}%"]), style
    if style == "numerals" and tenths >= 1:
        whole, half = int(tenths), tenths != int(tenths)
        return ("两" if whole == 2 else DIGITS[whole]) + "成" + ("五" if half else ""), style
    if fmt.random() < 0.25:
        return num(s, 2), "plain"
    return f"{round(s * 100)}%", "plain"


WRITERS = {"年采购额": w_purchase, "潜在采购额": w_potential, "毛利率": w_margin, "增长率": w_growth,
           "合作年限": w_years, "采购次数": w_orders, "回款天数": w_days, "投诉次数": w_complaints,
           "员工人数": w_employees, "我方份额": w_share}
# Where a row's one doubtful cell (a qualifier or a range) goes, and a few rows' numerals.
DOUBT_COLUMNS = ["年采购额", "年采购额", "潜在采购额", "合作年限", "合作年限", "员工人数", "员工人数", "毛利率", "采购次数", "回款天数", "我方份额", "增长率"]
NUMERAL_COLUMNS = ["合作年限", "采购次数", "我方份额", "我方份额", "年采购额", "投诉次数", "员工人数", "毛利率", "回款天数"]


def phone():
    form = fmt.random()
    mobile = f"1{fmt.choice('3589')}{fmt.randint(0, 9)}"
    tail = f"{fmt.randint(0, 9999):04d}"
    if form < 0.35:
        return f"+86 {mobile} 0000 {tail}"
    if form < 0.65:
        return f"{mobile}-0000-{tail}"
    if form < 0.8:
        return f"0{fmt.choice(['21', '755', '10', '571', '28'])}-8{fmt.randint(0, 9999999):07d}"
    return ""


def row(i):
    a = draw(i)
    habit = HABIT[a["owner"]]
    employees = max(8, int(fmt.lognormvariate(5.6, 1.3)))
    share = min(0.9, max(0.05, fmt.betavariate(2, 4)))
    values = {"年采购额": a["size"], "潜在采购额": a["potential"], "毛利率": a["margin"], "增长率": a["growth"],
              "合作年限": a["years"], "采购次数": a["orders"], "回款天数": a["pay_days"], "投诉次数": a["complaints"],
              "员工人数": employees, "我方份额": share}
    styles = {k: "normal" for k in values}
    if fmt.random() < 0.11:
        styles[fmt.choice(DOUBT_COLUMNS)] = "approximate" if fmt.random() < 0.6 else "range"
    if fmt.random() < 0.07:
        column = fmt.choice(NUMERAL_COLUMNS)
        if styles[column] == "normal":
            styles[column] = "numerals"
    cells = {}
    for column, write in WRITERS.items():
        if styles[column] == "normal" and fmt.random() < (0.04 if column != "我方份额" else 0.25):
            cells[column] = (fmt.choice(BLANKS), "blank")
        else:
            cells[column] = write(values[column], habit, styles[column])
    if a["no_margin"]:
        cells["毛利率"] = (fmt.choice(BLANKS[1:]), "blank")
    r = {
        "客户编号": f"KH{i + 1:04d}",
        "客户名称": a["name"],
        "行业": a["industry"],
        "区域": a["region"],
        "信用等级": "" if a["no_credit"] else a["credit"],
        "最近下单日期": a["last_order"],
        "满意度": a["satisfaction"],
        "吸引力": a["attractiveness"],
        "关系状态": a["status"],
        "决策者": a["decision_maker"],
        "教练": a["coach"],
        "负责人": a["owner"],
        "备注": fmt.choice(NOTES) if fmt.random() < 0.15 else "",
        "联系电话": phone(),
        "负面事件": fmt.choice(EVENTS) if fmt.random() < 0.07 else "",
    }
    kinds = {}
    for column, (text, kind) in cells.items():
        r[column] = text
        kinds[column] = kind
    return {h: r[h] for h in HEADERS}, kinds, values


# The spellings MODEL §1.1 names, each written once into the account whose value it fits best
# (so that every one of them is in the list, whatever the draws gave).
SHOWCASE = [
    ("年采购额", 1.2e6, "一百二十万", "numerals"), ("年采购额", 1.2e6, "¥120万", "unit"),
    ("年采购额", 1.2e6, "1,200,000元", "unit"), ("年采购额", 1.2e6, "120万元", "unit"),
    ("年采购额", 1.2e8, "1.2亿", "unit"), ("年采购额", 1.0e6, "约100万", "approximate"),
    ("年采购额", 1.05e6, "100万以上", "approximate"), ("年采购额", 4.8e5, "近50万", "approximate"),
    ("年采购额", 1.5e5, "10-20万", "range"),
    ("合作年限", 3, "三年", "numerals"), ("合作年限", 3.5, "3年6个月", "unit"), ("合作年限", 1.5, "18个月", "unit"),
    ("合作年限", 2, "两年", "numerals"), ("合作年限", 0.5, "半年", "numerals"),
    ("合作年限", 4, "3到5年", "range"), ("合作年限", 5.3, "5年多", "approximate"),
    ("采购次数", 12, "十二次", "numerals"), ("采购次数", 12, "12次", "unit"), ("采购次数", 8, "8单", "unit"),
    ("员工人数", 310, "300余人", "approximate"), ("员工人数", 200, "200人", "unit"),
    ("我方份额", 0.5, "五成", "numerals"), ("我方份额", 0.35, "三成五", "numerals"),
    ("毛利率", 0.225, "20%~25%", "range"), ("毛利率", 0.23, "23%", "plain"), ("毛利率", 0.23, "0.23", "plain"),
    ("毛利率", 0.23, "23", "plain"),
    ("回款天数", 45, "45天", "unit"), ("回款天数", 60, "2个月", "unit"), ("回款天数", 42, "6周", "unit"),
    ("投诉次数", 3, "3次", "unit"),
]
LOG_SCALE = {"年采购额", "员工人数"}


def showcase(rows, kinds, values, taken):
    for column, target, text, kind in SHOWCASE:
        def distance(i):
            v = values[i][column]
            return abs(math.log(v / target)) if column in LOG_SCALE else abs(v - target)
        free = [i for i in range(len(rows)) if i not in taken and kinds[i][column] in ("plain", "unit")]
        i = min(free, key=lambda i: (distance(i), i))
        rows[i][column] = text
        kinds[i][column] = kind
        taken.add(i)
    return taken


def round_half_away(x, digits):
    scale = 10.0 ** digits
    return (int(abs(x) * scale + 0.5) / scale) * (1 if x >= 0 else -1)


def main():
    made = [row(i) for i in range(300)]
    rows = [r for r, _, _ in made]
    kinds = [k for _, k, _ in made]
    values = [v for _, _, v in made]
    # A few cells a person typed that no parser should guess at (each listed as a problem).
    unreadable = [(17, "年采购额", "很多"), (88, "最近下单日期", "上周"), (123, "采购次数", "--5"),
                  (64, "年采购额", "1千2百万"), (201, "潜在采购额", "待定"), (233, "合作年限", "3次")]
    for i, column, text in unreadable:
        rows[i][column] = text
        kinds[i][column] = "unreadable"
    rows[42]["毛利率"] = "20-25%"  # the first sample's bad cell, now a range read as its midpoint
    kinds[42]["毛利率"] = "range"
    taken = showcase(rows, kinds, values, {i for i, _, _ in unreadable} | {42})
    rows[5]["备注"] = "=HYPERLINK(\"http://example.invalid\",\"点我\")"
    rows[6]["备注"] = "<img src=x onerror=alert(1)>"
    formulas = formula_cells(rows, kinds, taken)
    for k in kinds:
        for kind in k.values():
            tally(kind)
    tally("formula", len(formulas))

    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "accounts.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([TITLE] + [""] * (len(HEADERS) - 1))
    w.writerow(HEADERS)
    for r in rows:
        w.writerow([r[h] for h in HEADERS])
    (OUT / "accounts-gbk.csv").write_bytes(buf.getvalue().encode("gb18030"))
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(HEADERS)
    for r in rows:
        w.writerow([r[h] for h in HEADERS])
    (OUT / "accounts.csv").write_bytes(b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))
    (OUT / "accounts.xlsx").write_bytes(workbook(rows, formulas))
    transactions(rows)
    print("cells by kind (the 10 number columns; formulas in accounts.xlsx):",
          ", ".join(f"{k} {v}" for k, v in sorted(COUNTS.items())))


# --- Formula cells ----------------------------------------------------------------------------

def col(name):
    i = HEADERS.index(name)
    out = ""
    i += 1
    while i:
        i, rem = divmod(i - 1, 26)
        out = chr(65 + rem) + out
    return out


def formula_cells(rows, kinds, taken):
    """Picks the workbook's formula cells, sets the CSV text to what Excel shows for each (its
    cached value), and returns {(row index, column): (formula, cached value, style)}. Excel row
    = index + 3 (title and header above)."""
    out = {}
    plain = [i for i in range(len(rows)) if kinds[i]["年采购额"] == "plain"
             and kinds[i]["潜在采购额"] in ("plain", "unit", "blank") and kinds[i]["毛利率"] in ("plain", "blank") and i not in taken]
    picks = fmt.sample(plain, 14)
    # 潜在采购额 estimated from this year's purchase: =ROUND(E5*2.5,-4).
    for i in picks[:6]:
        y = float(rows[i]["年采购额"].replace(",", ""))
        k = fmt.choice([1.5, 2, 2.5, 3])
        value = round_half_away(y * k, -4)
        rows[i]["潜在采购额"] = str(int(value))
        kinds[i]["潜在采购额"] = "plain"
        out[(i, "潜在采购额")] = (f"ROUND({col('年采购额')}{i + 3}*{num(k)},-4)", int(value), 0)
    # 年采购额 typed as the sum of two contracts: =850000+420000, shown #,##0.
    for i in picks[6:10]:
        y = round(float(rows[i]["年采购额"].replace(",", "")))
        a = round(y * fmt.uniform(0.3, 0.7), -3)
        b = y - a
        rows[i]["年采购额"] = f"{int(a + b):,}"
        out[(i, "年采购额")] = (f"{int(a)}+{int(b)}", int(a + b), 2)
    # 毛利率 worked out from the gross profit: =ROUND(312000/1280000,3).
    for i in picks[10:14]:
        y = round(float(rows[i]["年采购额"].replace(",", "")))
        profit = round(y * fmt.uniform(0.08, 0.35), -2)
        text = f"{round_half_away(profit / y, 3):.3f}"
        rows[i]["毛利率"] = text
        kinds[i]["毛利率"] = "plain"
        out[(i, "毛利率")] = (f"ROUND({int(profit)}/{col('年采购额')}{i + 3},3)", float(text), 0)
    # 合作年限 as this year minus the first year: =2026-2019.
    for i in fmt.sample([i for i in range(300) if kinds[i]["合作年限"] == "plain" and i not in taken], 4):
        years = max(1, round(float(rows[i]["合作年限"])))
        rows[i]["合作年限"] = str(years)
        kinds[i]["合作年限"] = "plain"
        out[(i, "合作年限")] = (f"2026-{2026 - years}", years, 0)
    return out


# --- The workbook -----------------------------------------------------------------------------

def workbook(rows, formulas):
    """accounts.xlsx, written by hand: shared strings, numbers and dates as typed cells, the
    title merged across the header, fixed zip timestamps so the bytes never change."""
    strings, index = [], {}

    def sst(text):
        if text not in index:
            index[text] = len(strings)
            strings.append(text)
        return index[text]

    # Styles: 0 General, 1 yyyy-mm-dd, 2 #,##0, 3 #,##0.00, 4 0%, 5 0.0%, 6 the title, 7 the
    # header, 8 yyyy/m/d, 9 yyyy"年"m"月"d"日": each cell shows what the CSV holds.
    def cell(ref, text, column):
        if text == "":
            return ""
        if column in NUMERIC:
            typed = typed_number(text, column)
            if typed is not None:
                value, style = typed
                return f'<c r="{ref}"{style_attr(style)}><v>{value}</v></c>'
        return f'<c r="{ref}" t="s"><v>{sst(text)}</v></c>'

    last = col(HEADERS[-1])
    xml = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
           'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
           f'<dimension ref="A1:{last}{len(rows) + 2}"/>'
           '<sheetViews><sheetView workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
           '<sheetFormatPr defaultRowHeight="15"/>'
           '<cols><col min="1" max="1" width="9" customWidth="1"/><col min="2" max="2" width="30" customWidth="1"/>'
           f'<col min="3" max="{len(HEADERS)}" width="12" customWidth="1"/></cols><sheetData>',
           f'<row r="1"><c r="A1" s="6" t="s"><v>{sst(TITLE)}</v></c></row>',
           '<row r="2">' + "".join(f'<c r="{col(h)}2" s="7" t="s"><v>{sst(h)}</v></c>' for h in HEADERS) + "</row>"]
    for i, r in enumerate(rows):
        n = i + 3
        parts = []
        for h in HEADERS:
            ref = f"{col(h)}{n}"
            if (i, h) in formulas:
                formula, value, style = formulas[(i, h)]
                parts.append(f'<c r="{ref}"{style_attr(style)}><f>{escape(formula)}</f><v>{value!r}</v></c>')
            else:
                parts.append(cell(ref, r[h], h))
        xml.append(f'<row r="{n}">' + "".join(parts) + "</row>")
    xml.append(f'</sheetData><mergeCells count="1"><mergeCell ref="A1:{last}1"/></mergeCells>'
               '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>')
    sheet = "".join(xml)

    def t(text):
        space = ' xml:space="preserve"' if text != text.strip() else ""
        return f"<si><t{space}>{escape(text)}</t></si>"

    shared = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">'
              + "".join(t(s) for s in strings) + "</sst>")
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        "</Types>",
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>",
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<bookViews><workbookView/></bookViews>'
        '<sheets><sheet name="客户清单" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>",
        "xl/worksheets/sheet1.xml": sheet,
        "xl/styles.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<numFmts count="4"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd"/>'
        '<numFmt numFmtId="166" formatCode="yyyy/m/d"/><numFmt numFmtId="167" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>'
        '<fonts count="2"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>'
        '<font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        '<cellXfs count="10"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
        '<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
        '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
        '<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
        '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center"/></xf>'
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
        '<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
        '<xf numFmtId="167" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
        '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
        "xl/sharedStrings.xml": shared,
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 12, 1, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0o600 << 16
            z.writestr(info, text.encode("utf-8"), compresslevel=6)
    return buf.getvalue()


def style_attr(style):
    return f' s="{style}"' if style else ""


def typed_number(text, column):
    """What Excel stores for a typed cell of a number column: (value, style), or None for a
    text cell. The value is the one the crate reads from the CSV text, to the last bit."""
    if column == "最近下单日期":
        m = re.fullmatch(r"(\d{4})(?:-(\d\d)-(\d\d)|/(\d{1,2})/(\d{1,2})|年(\d{1,2})月(\d{1,2})日)", text)
        if m:
            y = int(m.group(1))
            mo, d = [int(g) for g in m.groups()[1:] if g is not None]
            style = 1 if m.group(2) else 8 if m.group(4) else 9
            return (datetime.date(y, mo, d) - datetime.date(1899, 12, 30)).days, style
        if re.fullmatch(r"\d{5}", text):
            return int(text), 0  # a serial pasted as a number
        return None
    if re.fullmatch(r"-?\d+(\.\d+)?", text):
        return (int(text) if "." not in text else float(text)), 0
    if re.fullmatch(r"\d{1,3}(,\d{3})+", text):
        return int(text.replace(",", "")), 2
    if re.fullmatch(r"\d{1,3}(,\d{3})+\.\d+", text):
        return float(text.replace(",", "")), 3
    m = re.fullmatch(r"(-?)(\d+(?:\.\d+)?)%", text)
    if m:
        value = float(m.group(2)) / 100
        return repr(-value if m.group(1) else value), (5 if "." in m.group(2) else 4)
    return None


def transactions(rows):
    """Two years of orders up to 2026-11-01, BG/NBD style: each account starts in the first
    year, orders at its own weekly rate while alive and may drop out after each order; its
    spend per order varies around its own mean (Gamma-Gamma). Every 15th account has no log;
    eight customers in the log are not in the list."""
    t_rng = random.Random(20261123)
    start = datetime.date(2024, 11, 2)
    end = datetime.date(2026, 11, 1)
    weeks = (end - start).days / 7
    out = []
    people = [(r["客户编号"], r["客户名称"], SIZES[i]) for i, r in enumerate(rows) if i % 15 != 7]
    for k in range(8):
        people.append((f"KH{901 + k:04d}", f"新客户{k + 1}号贸易有限公司", t_rng.lognormvariate(13, 1)))
    for cid, name, size in people:
        rate = t_rng.gammavariate(1.6, 0.12)  # orders a week while alive (mean ≈ 10 a year)
        drop = t_rng.betavariate(0.9, 5.0)  # chance of leaving after an order
        mean_spend = 30000 * (size / 1.5e6) ** 0.35 * t_rng.uniform(0.7, 1.3)
        shape = 5.0
        t = t_rng.uniform(0, weeks / 2)
        first = True
        while t <= weeks:
            day = start + datetime.timedelta(days=int(t * 7))
            amount = t_rng.gammavariate(shape, mean_spend / shape)
            out.append((day, cid, name, amount))
            if not first and t_rng.random() < drop:
                break
            first = False
            t += t_rng.expovariate(rate)
    out.sort(key=lambda x: (x[0], x[1]))
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["客户编号", "客户名称", "交易日期", "金额(元)"])
    for day, cid, name, amount in out:
        style = t_rng.random()
        date_text = day.isoformat() if style < 0.8 else f"{day.year}/{day.month}/{day.day}"
        amount_text = f"{amount:.2f}" if style < 0.6 or style >= 0.8 else f"{amount:,.2f}"
        w.writerow([cid, name, date_text, amount_text])
    (OUT / "transactions.csv").write_bytes(b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))


if __name__ == "__main__":
    main()
