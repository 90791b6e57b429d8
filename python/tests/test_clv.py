"""CLV in Python: against the golden figures of the native and wasm builds
(tests/golden/clv.json) to 1e-12, and against lifetimes on CDNOW to 1e-5 (lifetimes run here)."""
import warnings

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute  # noqa: F401
import pytest

import kam_score


def values(items):
    return np.array([v["value"] for v in items])


def head(array, items):
    """The first figures of a column: the golden file keeps the first customers only."""
    return array.to_numpy()[: len(items)]


@pytest.fixture(scope="module")
def raw(cdnow_path):
    return pd.read_csv(cdnow_path, sep=r"\s+", header=None, names=["master", "id", "date", "cds", "amount"],
                       dtype={"id": str, "date": str})


@pytest.fixture(scope="module")
def summary(raw):
    out = kam_score.rfm_summary(raw, end="1997-09-30", unit="week")
    assert out["errors"] == []
    return out


@pytest.fixture(scope="module")
def fits(summary):
    t = summary["table"]
    return kam_score.fit_bg_nbd(t), kam_score.fit_gamma_gamma(t), kam_score.fit_pareto_nbd(t)


def test_summary_matches_the_golden_summary(summary, golden):
    g = golden["clv"]["summary"]
    t = summary["table"]
    assert t.num_rows == g["customers"] and summary["after_end"] == g["afterEnd"]
    assert t.column("id").to_pylist()[: len(g["ids"])] == g["ids"]
    for col in ("recency", "T", "monetary"):
        np.testing.assert_allclose(head(t.column(col), g[col]), values(g[col]), rtol=0, atol=1e-12)
    for col, key in (("frequency", "frequencySum"), ("recency", "recencySum"), ("T", "TSum"), ("monetary", "monetarySum")):
        assert pa.compute.sum(t.column(col)).as_py() == pytest.approx(g[key]["value"], rel=1e-12)


def test_fits_predictions_and_clv_match_the_golden_figures(summary, fits, golden):
    g = golden["clv"]
    bg, gg, pn = fits
    for k in ("r", "alpha", "a", "b"):
        assert bg[k] == pytest.approx(g["bgNbd"][k]["value"], rel=1e-12, abs=1e-12)
    assert bg["groups"] == g["bgNbd"]["groups"]
    for k in ("p", "q", "gamma"):
        assert gg[k] == pytest.approx(g["gammaGamma"][k]["value"], rel=1e-12)
    for k in ("r", "alpha", "s", "beta"):
        assert pn[k] == pytest.approx(g["paretoNbd"][k]["value"], rel=1e-12)
    t = summary["table"]
    pred = kam_score.bg_nbd_predict(bg, t, 39)
    np.testing.assert_allclose(head(pred.column("expected"), g["predict39"]["expected"]),
                               values(g["predict39"]["expected"]), atol=1e-12)
    assert pa.compute.sum(pred.column("expected")).as_py() == pytest.approx(g["predict39"]["expectedSum"]["value"], rel=1e-12)
    np.testing.assert_allclose(head(pred.column("p_alive"), g["predict39"]["pAlive"]),
                               values(g["predict39"]["pAlive"]), atol=1e-12)
    ppn = kam_score.pareto_nbd_predict(pn, t, 39)
    np.testing.assert_allclose(head(ppn.column("expected"), g["paretoNbd"]["predict39"]["expected"]),
                               values(g["paretoNbd"]["predict39"]["expected"]), atol=1e-12)
    clv = kam_score.customer_lifetime_value(bg, gg, t, horizon=12, unit="week", discount_rate=0.01)
    cg = g["clv12MonthsAt1Percent"]
    np.testing.assert_allclose(head(clv, cg["values"]), values(cg["values"]), atol=1e-12)
    assert pa.compute.sum(clv).as_py() == pytest.approx(cg["sum"]["value"], rel=1e-12)


def test_against_lifetimes_on_cdnow(raw, summary, fits):
    warnings.simplefilter("ignore")
    from lifetimes import BetaGeoFitter, GammaGammaFitter
    from lifetimes.utils import summary_data_from_transaction_data

    tx = raw.assign(date=pd.to_datetime(raw["date"], format="%Y%m%d"))
    s = summary_data_from_transaction_data(tx, "id", "date", monetary_value_col="amount",
                                           observation_period_end="1997-09-30", freq="D", freq_multiplier=7)
    ours = summary["table"].to_pandas().set_index("id").loc[s.index]
    np.testing.assert_allclose(ours["frequency"], s["frequency"], atol=1e-9)
    np.testing.assert_allclose(ours["recency"], s["recency"], atol=1e-9)
    np.testing.assert_allclose(ours["T"], s["T"], atol=1e-9)
    np.testing.assert_allclose(ours["monetary"], s["monetary_value"], atol=1e-9)

    lbg = BetaGeoFitter(penalizer_coef=0.0).fit(s["frequency"], s["recency"], s["T"])
    rep = s[s["frequency"] > 0]
    lgg = GammaGammaFitter(penalizer_coef=0.0).fit(rep["frequency"], rep["monetary_value"])
    bg, gg, _ = fits
    for k in ("r", "alpha", "a", "b"):
        assert bg[k] == pytest.approx(lbg.params_[k], rel=1e-5)
    assert gg["p"] == pytest.approx(lgg.params_["p"], rel=1e-5)
    assert gg["q"] == pytest.approx(lgg.params_["q"], rel=1e-5)
    assert gg["gamma"] == pytest.approx(lgg.params_["v"], rel=1e-5)

    pred = kam_score.bg_nbd_predict(bg, pa.Table.from_pandas(ours.reset_index()), 39).to_pandas()
    theirs = lbg.conditional_expected_number_of_purchases_up_to_time(39, s["frequency"], s["recency"], s["T"])
    np.testing.assert_allclose(pred["expected"], theirs, rtol=1e-5, atol=1e-5)
    alive = lbg.conditional_probability_alive(s["frequency"], s["recency"], s["T"])
    np.testing.assert_allclose(pred["p_alive"], alive, rtol=1e-5, atol=1e-5)


def test_clv_errors_are_kam_score_errors():
    with pytest.raises(kam_score.KamScoreError) as e:
        kam_score.fit_bg_nbd(pa.table({"frequency": [1.0], "recency": [5.0], "T": [2.0]}))
    assert e.value.code and e.value.en and e.value.zh


def test_a_grouped_summary_fits_as_the_customers_it_counts(summary, fits):
    # The summary grouped by (frequency, recency, T) with counts, as SQL or Spark makes it:
    # the weighted fits equal the fits on every customer (the sums only run in another order).
    df = summary["table"].to_pandas()
    bg_groups = df.groupby(["frequency", "recency", "T"]).size().reset_index(name="n")
    bg = kam_score.fit_bg_nbd(bg_groups, weights="n")
    assert len(bg_groups) < len(df) and bg["customers"] == len(df)
    for k in ("r", "alpha", "a", "b"):
        assert bg[k] == pytest.approx(fits[0][k], rel=1e-7)
    gg_groups = df.groupby(["frequency", "monetary"]).size().reset_index(name="n")
    gg = kam_score.fit_gamma_gamma(gg_groups, weights="n")
    for k in ("p", "q", "gamma"):
        assert gg[k] == pytest.approx(fits[1][k], rel=1e-7)
    with pytest.raises(kam_score.KamScoreError) as e:
        kam_score.fit_bg_nbd(bg_groups.assign(n=-1.0), weights="n")
    assert e.value.code == "fit_failed"
