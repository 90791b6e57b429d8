#!/usr/bin/env python3
"""Computes, ONCE, the calibration/holdout figures of tests/golden/holdout_lifetimes.json with
Python's `lifetimes` (the reference the crate's calibration_holdout is tested against by
tests/clv_holdout.rs, which needs no Python: only the stored JSON).

    python3 -m venv target/lifetimes-venv
    target/lifetimes-venv/bin/pip install lifetimes numpy==1.26.4 pandas==1.5.3 scipy==1.11.4
    ./scripts/fetch_cdnow.sh
    target/lifetimes-venv/bin/python scripts/lifetimes_holdout.py > tests/golden/holdout_lifetimes.json

The CDNOW sample (target/cdnow/CDNOW_sample.txt: master id, sample id, YYYYMMDD, CDs,
dollars), customers by sample id, calibration to 1997-09-30, holdout to 1998-06-30, in weeks
(freq="D", freq_multiplier=7: days / 7, purchases on one day are one). Both models are fitted
on the calibration summary; the Pareto/NBD fit is Nelder-Mead, run to tol=1e-12 (lifetimes'
default 1e-4 stops ~1e-5 short of the maximum); BG/NBD is BFGS at lifetimes' default tol.

lifetimes 0.11.3 does not run on pandas 3 (calibration_and_holdout_data fails in a groupby
with "No objects to concatenate"), hence the pins above (the last pandas 1, numpy 1 and a
scipy of that time, on Python 3.11).
"""
import json
import sys

import lifetimes
import numpy
import pandas
import scipy
from lifetimes import BetaGeoFitter, ParetoNBDFitter
from lifetimes.utils import calibration_and_holdout_data

raw = pandas.read_csv(
    "target/cdnow/CDNOW_sample.txt", sep=r"\s+", header=None,
    names=["master", "id", "date", "cds", "dollars"], dtype={"id": str, "date": str},
)
raw["date"] = pandas.to_datetime(raw["date"], format="%Y%m%d")
data = calibration_and_holdout_data(
    raw, "id", "date", calibration_period_end="1997-09-30",
    observation_period_end="1998-06-30", freq="D", freq_multiplier=7,
)
f, r, t = data["frequency_cal"], data["recency_cal"], data["T_cal"]
duration = float(data["duration_holdout"].iloc[0])
actual = data["frequency_holdout"].to_numpy(dtype=float)

models = {
    "bgnbd": (BetaGeoFitter().fit(f, r, t), ["r", "alpha", "a", "b"]),
    "paretonbd": (ParetoNBDFitter().fit(f, r, t, tol=1e-12, maxiter=100000), ["r", "alpha", "s", "beta"]),
}
out = {
    "provenance": {
        "script": "scripts/lifetimes_holdout.py",
        "lifetimes": lifetimes.__version__,
        "numpy": numpy.__version__,
        "scipy": scipy.__version__,
        "pandas": pandas.__version__,
        "python": sys.version.split()[0],
        "call": "calibration_and_holdout_data(raw, 'id', 'date', calibration_period_end='1997-09-30', "
                "observation_period_end='1998-06-30', freq='D', freq_multiplier=7); "
                "model.conditional_expected_number_of_purchases_up_to_time(duration_holdout, "
                "frequency_cal, recency_cal, T_cal)",
    },
    "calibrationEnd": "1997-09-30",
    "observationEnd": "1998-06-30",
    "unit": "week",
    "durationHoldout": duration,
    "ids": list(data.index),
    "frequencyCal": f.tolist(),
    "recencyCal": r.tolist(),
    "TCal": t.tolist(),
    "actual": actual.tolist(),
}
for name, (model, keys) in models.items():
    predicted = numpy.asarray(model.conditional_expected_number_of_purchases_up_to_time(duration, f, r, t), dtype=float)
    group = numpy.minimum(f.to_numpy(), 7)
    by_frequency = []
    for k in range(8):
        mask = group == k
        by_frequency.append({
            "frequency": k,
            "customers": int(mask.sum()),
            "predicted": float(predicted[mask].mean()),
            "actual": float(actual[mask].mean()),
        })
    out[name] = {
        "params": {k: float(model.params_[k]) for k in keys},
        "predicted": predicted.tolist(),
        "predictedTotal": float(predicted.sum()),
        "actualTotal": float(actual.sum()),
        "meanAbsoluteError": float(numpy.abs(predicted - actual).mean()),
        "byFrequency": by_frequency,
    }
json.dump(out, sys.stdout, indent=1)
sys.stdout.write("\n")
