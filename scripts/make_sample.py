"""Writes the demo account list (www/sample/): 300 Chinese B2B accounts typed the way people
type them into Excel, a few unreadable cells included; and a transaction log for them
(transactions.csv: 客户编号, 客户名称, 交易日期, 金额(元)) drawn from BG/NBD and Gamma-Gamma,
keyed by the accounts' 客户编号. Deterministic: the same files every run.
Usage: python3 scripts/make_sample.py"""
import csv
import io
import json
import random
from pathlib import Path

rng = random.Random(20261122)
OUT = Path(__file__).resolve().parent.parent / "www" / "sample"

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


def date(days_ago):
    import datetime
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


def row(i):
    name = rng.choice(CITIES) + rng.choice(WORDS) + rng.choice(KINDS) + rng.choice(SUFFIX)
    size = rng.lognormvariate(14.2, 1.6)  # annual purchase in yuan, median ~150万
    r = {
        "客户编号": f"KH{i + 1:04d}",
        "客户名称": name,
        "行业": rng.choice(INDUSTRIES),
        "区域": rng.choice(PLACES),
        "年采购额(万元)": "",
        "毛利率": "",
        "信用等级": rng.choice(CREDIT),
        "增长率": f"{rng.gauss(6, 12):.0f}%",
        "潜在采购额": f"¥{size * rng.uniform(1.2, 4) / 1e4:.0f}万",
        "订单数": str(max(1, int(rng.lognormvariate(2.3, 0.9)))),
        "最近下单日期": date(int(rng.expovariate(1 / 70))),
        "合作年限": f"{rng.uniform(0.3, 12):.1f}",
        "平均收款周期": str(int(rng.uniform(20, 160))),
        "投诉次数": str(int(rng.expovariate(0.8))),
        "满意度": rng.choice(SATISFACTION),
        "吸引力": rng.choice("AABBBCC"),
        "关系状态": str(rng.randint(1, 6)),
        "决策者": rng.choice(PEOPLE + [""]),
        "教练": rng.choice(PEOPLE + ["", "", ""]),
        "负责人": rng.choice(OWNERS),
        "备注": "",
    }
    SIZES.append(size)
    wan = size / 1e4
    style = rng.random()
    r["年采购额(万元)"] = f"{wan:,.1f}" if style < 0.7 else (f"¥{wan:.1f}万" if style < 0.85 else f"{wan / 1e4:.2f}亿" if wan > 5000 else f"{wan:.0f}")
    margin = rng.uniform(0.05, 0.38)
    r["毛利率"] = f"{margin * 100:.1f}%" if rng.random() < 0.7 else f"{margin:.3f}"
    if rng.random() < 0.06:
        r["毛利率"] = rng.choice(["-", "N/A", "无"])
    if rng.random() < 0.05:
        r["信用等级"] = ""
    return r


def main():
    rows = [row(i) for i in range(300)]
    # A few cells a person typed that no parser should guess at.
    rows[17]["年采购额(万元)"] = "很多"
    rows[42]["毛利率"] = "20-25%"
    rows[88]["最近下单日期"] = "上周"
    rows[123]["订单数"] = "--5"
    rows[5]["备注"] = "=HYPERLINK(\"http://example.invalid\",\"点我\")"
    rows[6]["备注"] = "<img src=x onerror=alert(1)>"
    OUT.mkdir(parents=True, exist_ok=True)
    headers = list(rows[0].keys())
    (OUT / "accounts.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(["2026年重点客户清单(销售部)"] + [""] * (len(headers) - 1))
    w.writerow(headers)
    for r in rows:
        w.writerow([r[h] for h in headers])
    (OUT / "accounts-gbk.csv").write_bytes(buf.getvalue().encode("gb18030"))
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(headers)
    for r in rows:
        w.writerow([r[h] for h in headers])
    (OUT / "accounts.csv").write_bytes(b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))
    transactions(rows)


def transactions(rows):
    """Two years of orders up to 2026-11-01, BG/NBD style: each account starts in the first
    year, orders at its own weekly rate while alive and may drop out after each order; its
    spend per order varies around its own mean (Gamma-Gamma). Every 15th account has no log;
    eight customers in the log are not in the list."""
    import datetime
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
