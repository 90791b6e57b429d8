"""The CLV benchmark's Python side (./scripts/bench.sh): lifetimes' BG/NBD and Gamma-Gamma
fits and predictions for every customer, from the raw transactions, answering one JSON line
per `run` on stdin with its own time, parameters and predictions.

Arguments: the log (CDNOW's layout), the observation end (default 1997-09-30), and `parse`
(default: the yyyymmdd texts are parsed inside the timed run, as the crate reads texts) or
`parsed` (the dates are parsed to datetime64 once, before timing: lifetimes is timed from a
ready DataFrame, the crate from typed columns)."""
import json
import sys
import time
import warnings

warnings.simplefilter("ignore")
import lifetimes  # noqa: E402
import numpy  # noqa: E402
import pandas as pd  # noqa: E402
import scipy  # noqa: E402
from lifetimes import BetaGeoFitter, GammaGammaFitter  # noqa: E402
from lifetimes.utils import summary_data_from_transaction_data  # noqa: E402

path = sys.argv[1]
end = sys.argv[2] if len(sys.argv) > 2 else "1997-09-30"
parse_in_run = (sys.argv[3] if len(sys.argv) > 3 else "parse") == "parse"
raw = pd.read_csv(path, sep=r"\s+", header=None, names=["master", "id", "date", "cds", "amount"], dtype={"id": str, "date": str})
parsed = None if parse_in_run else raw.assign(date=pd.to_datetime(raw["date"], format="%Y%m%d"))


def run():
    t = time.perf_counter()
    tx = raw.assign(date=pd.to_datetime(raw["date"], format="%Y%m%d")) if parse_in_run else parsed
    s = summary_data_from_transaction_data(tx, "id", "date", monetary_value_col="amount",
                                           observation_period_end=end, freq="D", freq_multiplier=7)
    bg = BetaGeoFitter(penalizer_coef=0.0)
    bg.fit(s["frequency"], s["recency"], s["T"])
    rep = s[s["frequency"] > 0]
    gg = GammaGammaFitter(penalizer_coef=0.0)
    gg.fit(rep["frequency"], rep["monetary_value"])
    expected = bg.conditional_expected_number_of_purchases_up_to_time(39, s["frequency"], s["recency"], s["T"])
    alive = bg.conditional_probability_alive(s["frequency"], s["recency"], s["T"])
    clv = gg.customer_lifetime_value(bg, s["frequency"], s["recency"], s["T"], s["monetary_value"],
                                     time=12, discount_rate=0.01, freq="W")
    seconds = time.perf_counter() - t
    return {
        "seconds": seconds,
        "customers": len(s),
        "bg": {k: float(v) for k, v in bg.params_.items()},
        "gg": {"p": float(gg.params_["p"]), "q": float(gg.params_["q"]), "gamma": float(gg.params_["v"])},
        "ids": [str(i) for i in s.index],
        "expected": [float(x) for x in expected],
        "pAlive": [float(x) for x in alive],
        "clv": [float(x) for x in clv],
    }


versions = {"python": sys.version.split()[0], "lifetimes": lifetimes.__version__, "numpy": numpy.__version__,
            "pandas": pd.__version__, "scipy": scipy.__version__}
print(json.dumps({"ready": True, "versions": versions}), flush=True)
for line in sys.stdin:
    cmd = line.strip()
    if cmd == "run":
        print(json.dumps(run()), flush=True)
    elif cmd in ("", "quit"):
        break
    else:
        print(json.dumps({"error": f"unknown command {cmd}"}), flush=True)
