"""kam_score against lifetimes on a CDNOW file and on ten copies of it (each copy's customers
renamed): RFM summary, BG/NBD and Gamma-Gamma fits, 39-week predictions, 12-month CLV.
Best of three runs each (one at 10×); prints one line per size and library and, with a third
argument, writes the figures there as JSON (bench/report.mjs renders them).

    python bench/python_clv.py CDNOW_master.txt [copies] [out.json]
"""
import json
import platform
import sys
import time
import warnings

import pandas as pd
import pyarrow.compute as pc

import kam_score

warnings.simplefilter("ignore")
from lifetimes import BetaGeoFitter, GammaGammaFitter  # noqa: E402
from lifetimes.utils import summary_data_from_transaction_data  # noqa: E402

raw = pd.read_csv(sys.argv[1], sep=r"\s+", header=None, dtype=str)
# CDNOW_master.txt has id, date, CDs, amount; the sample file puts the master id first.
raw.columns = (["id", "date", "cds", "amount"] if raw.shape[1] == 4 else ["master", "id", "date", "cds", "amount"])
raw = raw[raw["date"].str.fullmatch(r"\d{8}")].reset_index(drop=True)  # a header line, if any
raw["amount"] = raw["amount"].astype(float)


def ours(tx):
    s = kam_score.rfm_summary(tx, end="1997-09-30", unit="week")["table"]
    bg = kam_score.fit_bg_nbd(s)
    # Gamma-Gamma takes repeat buyers with a positive mean spend (the master file has a few
    # repeat buyers of zero spend); both libraries fit the same customers.
    keep = pc.invert(pc.and_(pc.greater(s.column("frequency"), 0), pc.less_equal(s.column("monetary"), 0)))
    s = s.filter(keep)
    gg = kam_score.fit_gamma_gamma(s)
    kam_score.bg_nbd_predict(bg, s, 39)
    kam_score.customer_lifetime_value(bg, gg, s, horizon=12, discount_rate=0.01)
    return s.num_rows


def theirs(tx):
    tx = tx.assign(date=pd.to_datetime(tx["date"], format="%Y%m%d"))
    s = summary_data_from_transaction_data(tx, "id", "date", monetary_value_col="amount",
                                           observation_period_end="1997-09-30", freq="D", freq_multiplier=7)
    bg = BetaGeoFitter().fit(s["frequency"], s["recency"], s["T"])
    s = s[~((s["frequency"] > 0) & (s["monetary_value"] <= 0))]
    rep = s[s["frequency"] > 0]
    gg = GammaGammaFitter().fit(rep["frequency"], rep["monetary_value"])
    bg.conditional_expected_number_of_purchases_up_to_time(39, s["frequency"], s["recency"], s["T"])
    gg.customer_lifetime_value(bg, s["frequency"], s["recency"], s["T"], s["monetary_value"],
                               time=12, discount_rate=0.01, freq="W")
    return len(s)


many = int(sys.argv[2]) if len(sys.argv) > 2 else 10
runs = []
for copies in (1, many):
    tx = pd.concat([raw.assign(id=raw["id"] + f"-{c}") for c in range(copies)], ignore_index=True)
    for name, run in (("kam_score", ours), ("lifetimes", theirs)):
        best, customers = float("inf"), 0
        for _ in range(3 if copies == 1 else 1):
            t = time.perf_counter()
            customers = run(tx)
            best = min(best, time.perf_counter() - t)
        print(f"{copies:>2}x  {len(tx):>9,} transactions  {customers:>7,} customers  {name:<10} {best:7.3f} s", flush=True)
        runs.append({"copies": copies, "transactions": len(tx), "customers": customers,
                     "library": name, "seconds": best, "repeats": 3 if copies == 1 else 1})

if len(sys.argv) > 3:
    from importlib.metadata import version
    versions = {"python": platform.python_version(),
                **{p: version(p) for p in ("pyarrow", "pandas", "numpy", "scipy", "lifetimes", "kam-score")}}
    with open(sys.argv[3], "w", encoding="utf-8") as out:
        json.dump({"file": sys.argv[1].rsplit("/", 1)[-1], "versions": versions, "runs": runs}, out, indent=1)
