"""kam-score: key-account value scoring, grades and customer lifetime value for B2B account
lists, on Arrow data (pyarrow, pandas, Polars, anything with ``__arrow_c_array__`` or
``__arrow_c_stream__``). Every function returns pyarrow arrays or tables."""
from __future__ import annotations

import datetime as _dt
import json
from typing import Any, Mapping, Optional, Union

import pyarrow as pa
import pyarrow.compute as pc

from . import _kam_score as _core
from ._kam_score import KamScoreError

__all__ = [
    "KamScoreError", "field_keys", "score_columns", "score_table", "grades", "preset_names", "preset_model",
    "validate_model", "rfm_summary", "fit_bg_nbd", "fit_pareto_nbd", "fit_gamma_gamma",
    "bg_nbd_predict", "pareto_nbd_predict", "customer_lifetime_value", "suggest", "list_facts",
    "merge_list_facts",
]

ModelInput = Union[None, str, Mapping[str, Any]]


def _model_text(model: ModelInput) -> Optional[str]:
    if model is None or isinstance(model, str):
        return model
    if isinstance(model, Mapping):
        return json.dumps(model)
    raise TypeError("model must be a preset name, a model document (dict) or its JSON text")


def _table(data: Any) -> pa.Table:
    """Any tabular Arrow producer (pyarrow, pandas, Polars, a dict of columns) as a table."""
    if isinstance(data, pa.Table):
        return data
    if isinstance(data, pa.RecordBatch):
        return pa.Table.from_batches([data])
    if hasattr(data, "__arrow_c_stream__") and not hasattr(data, "__dataframe__"):
        return pa.table(data)
    try:
        import pandas as pd
        if isinstance(data, pd.DataFrame):
            return pa.Table.from_pandas(data, preserve_index=False)
    except ImportError:  # pragma: no cover - pandas is optional
        pass
    if hasattr(data, "to_arrow"):  # Polars, DuckDB relations
        out = data.to_arrow()
        return out if isinstance(out, pa.Table) else pa.table(out)
    return pa.table(data)


def _array(values: Any) -> pa.Array:
    if isinstance(values, pa.ChunkedArray):
        return values.combine_chunks()
    if isinstance(values, pa.Array):
        return values
    if hasattr(values, "to_arrow"):
        return _array(values.to_arrow())
    return pa.array(values)


def _column(values: Any) -> pa.Array:
    """A column as the core reads it: float64, utf8, or dictionary<uint32, utf8>."""
    a = _array(values)
    t = a.type
    if pa.types.is_dictionary(t):
        return pa.DictionaryArray.from_arrays(a.indices.cast(pa.uint32()), a.dictionary.cast(pa.string()))
    if pa.types.is_integer(t) or pa.types.is_floating(t) or pa.types.is_decimal(t) or pa.types.is_null(t):
        return a.cast(pa.float64())
    if pa.types.is_string(t):
        return a
    # large_string, string_view (Polars), booleans, dates: as text, which the core reads.
    return a.cast(pa.string())


def _floats(values: Any) -> pa.Array:
    return _array(values).cast(pa.float64())


def score_columns(columns: Any, model: ModelInput = None) -> pa.Table:
    """Scores a table of account fields (columns named by field key, e.g. ``annual_purchase``,
    ``credit_rating``) with a model (a preset name, a model document or its JSON text; the
    default preset when left out). Returns a table ``score`` (float64, null where there is no
    score) and ``tier`` (uint8: 0 none, 1 small, 2 ordinary, 3 important, 4 VIP)."""
    table = _table(columns)
    names = list(table.column_names)
    arrays = [_column(table.column(n)) for n in names]
    scores, tiers = _core.score_arrays(names, arrays, _model_text(model))
    return pa.table({"score": pa.array(scores), "tier": pa.array(tiers)})


def _cells(values: Any) -> pa.Array:
    """A column as spreadsheet cells: float64 numbers, booleans, or text."""
    a = _array(values)
    t = a.type
    if pa.types.is_dictionary(t):
        a = a.dictionary_decode()
        t = a.type
    if pa.types.is_integer(t) or pa.types.is_floating(t) or pa.types.is_decimal(t):
        return a.cast(pa.float64())
    if pa.types.is_boolean(t) or pa.types.is_string(t):
        return a
    if pa.types.is_null(t):
        return a.cast(pa.float64())
    return a.cast(pa.string())


def score_table(table: Any, model: ModelInput = None) -> pa.Table:
    """Scores a table as a spreadsheet holds it: columns named by their headers
    (``年采购额(万元)``, ``Credit rating``…), cells as numbers or texts in any unit the
    headers name (``1,200``, ``23%``, ``¥3,000万``). Returns ``score`` (float64, null where
    none), ``tier`` (its code) and ``coverage`` (the weight share of the factors read)."""
    t = _table(table)
    headers = list(t.column_names)
    arrays = [_cells(t.column(h)) for h in headers]
    scores, tiers, coverage = _core.score_header_arrays(headers, arrays, _model_text(model))
    return pa.table({"score": pa.array(scores), "tier": pa.array(tiers),
                     "coverage": pa.array(coverage)})


DateInput = Union[None, str, _dt.date, _dt.datetime]


def _day(as_of: DateInput) -> int:
    """A date as days since 1970-01-01; today when left out."""
    if as_of is None:
        d = _dt.date.today()
    elif isinstance(as_of, _dt.datetime):
        d = as_of.date()
    elif isinstance(as_of, _dt.date):
        d = as_of
    elif isinstance(as_of, str):
        d = _dt.date.fromisoformat(as_of.strip()[:10])
    else:
        raise TypeError("as_of must be a date, a datetime or an ISO date text (YYYY-MM-DD)")
    return (d - _dt.date(1970, 1, 1)).days


def _header_cells(table: Any):
    t = _table(table)
    headers = list(t.column_names)
    return headers, [_cells(t.column(h)) for h in headers]


def suggest(table: Any, model: ModelInput = None, *, as_of: DateInput = None,
            list_facts: Optional[str] = None) -> pa.Table:
    """The relationship strategy of every account of a list, as the spreadsheet function
    ``SCORE_TABLE`` and the JavaScript ``suggestStrategy`` give it. ``table`` is read as
    ``score_table`` reads it (columns named by headers or field keys); the list's
    distributions, ABC classes and columns inform each row (MODEL §4.8), and recency is
    counted from ``as_of`` (a date or ``YYYY-MM-DD``; today when left out).

    Returns one row per input row (null where the row is blank): ``score``, ``tier`` (code),
    ``abc`` (A/B/C by annual purchase within the list), ``letter`` (attractiveness A/B/C,
    given or estimated), ``matrix_cell`` (``A1`` … ``C6``), ``cell_estimated``, ``targets``
    (cells to move the account to), ``lifecycle`` (stage code), ``top_action`` (code) with
    ``top_action_zh`` and ``top_action_en``, and ``suggestion``: the whole suggestion as
    JSON text (every action, warning and gap with its code, ``zh`` and ``en``).

    ``list_facts`` (from ``list_facts`` / ``merge_list_facts``) makes ``table`` a part of a
    larger list: its rows are suggested as in the whole list (``kam_score.spark.suggest``)."""
    headers, arrays = _header_cells(table)
    out = _core.suggest_header_arrays(headers, arrays, _day(as_of), _model_text(model), list_facts)
    return pa.table({k: pa.array(v) for k, v in out.items()})


def list_facts(table: Any, *, as_of: DateInput = None) -> str:
    """What a list (or a part of one) tells each row's suggestion — the distributions of its
    figures and which fields it holds — as JSON text, for ``merge_list_facts`` and
    ``suggest(..., list_facts=...)``."""
    headers, arrays = _header_cells(table)
    return _core.list_facts_json(headers, arrays, _day(as_of))


def merge_list_facts(parts: Any) -> str:
    """The facts of the parts of one list (each from ``list_facts``) as the whole list's."""
    return _core.merge_list_facts(list(parts))


def grades(scores: Any, vip: Optional[float] = None, important: Optional[float] = None,
           ordinary: Optional[float] = None) -> pa.Array:
    """The value tier code of each score (``vip`` > 80, ``important`` > 60, ``ordinary`` > 40,
    ``small``), null where there is no score."""
    return pa.array(_core.tier_codes(_floats(scores), vip, important, ordinary))


def field_keys() -> list:
    """The keys of every field a model can read (the column names ``score_columns`` takes)."""
    return list(_core.field_keys())


def preset_names() -> list:
    """The shipped presets' names, the default first."""
    return list(_core.preset_names())


def preset_model(name: str) -> dict:
    """A preset's model document, to read, edit and pass back as ``model``."""
    return json.loads(_core.preset_model_json(name))


def validate_model(model: ModelInput) -> list:
    """Every problem of a model at once, each ``{code, path, zh, en}``; empty when valid."""
    text = _model_text(model)
    return [] if text is None else list(_core.validate_model_json(text))


def _texts(values: Any) -> pa.Array:
    a = _array(values)
    if pa.types.is_timestamp(a.type):
        a = a.cast(pa.date32())
    return a.cast(pa.string())


def rfm_summary(transactions: Any, end: str, *, id_col: str = "id", date_col: str = "date",
                amount_col: str = "amount", unit: str = "week",
                calibration_end: Optional[str] = None) -> dict:
    """Per customer from a transaction table: ``frequency`` (repeat purchase days),
    ``recency`` and ``T`` (in ``unit``), ``monetary`` (mean repeat spend), up to ``end``
    (inclusive). Returns ``{"table": pa.Table, "after_end", "holdout_only", "errors"}``;
    ``errors`` lists the rows that could not be read as (row, column, text, message)."""
    t = _table(transactions)
    out = _core.rfm_summary_arrays(_texts(t.column(id_col)), _texts(t.column(date_col)),
                                   _texts(t.column(amount_col)), str(end), unit,
                                   None if calibration_end is None else str(calibration_end))
    cols = {"id": pa.array(out.pop("ids"))}
    for k in ("frequency", "recency", "T", "monetary", "frequency_holdout", "duration_holdout"):
        if k in out:
            cols[k] = pa.array(out.pop(k))
    out["table"] = pa.table(cols)
    return out


def _rft(summary: Any):
    t = _table(summary)
    return _floats(t.column("frequency")), _floats(t.column("recency")), _floats(t.column("T"))


def _weights(summary: Any, weights: Optional[str]) -> Any:
    return None if weights is None else _floats(_table(summary).column(weights))


def fit_bg_nbd(summary: Any, weights: Optional[str] = None) -> dict:
    """BG/NBD fitted by maximum likelihood to a table with ``frequency``, ``recency``, ``T``:
    ``r``, ``alpha``, ``a``, ``b``, ``log_likelihood``, ``std_errors``, ``covariance``.
    ``weights`` names a column of how many customers each row stands for, so that a summary
    grouped by (frequency, recency, T) in SQL or Spark is fitted as the customers it counts."""
    return _core.fit_bg_nbd_arrays(*_rft(summary), _weights(summary, weights))


def fit_pareto_nbd(summary: Any) -> dict:
    """Pareto/NBD fitted to ``frequency``, ``recency``, ``T``: ``r``, ``alpha``, ``s``,
    ``beta`` and the fit's statistics."""
    return _core.fit_pareto_nbd_arrays(*_rft(summary))


def fit_gamma_gamma(summary: Any, correlation_warning: Optional[float] = None,
                    weights: Optional[str] = None) -> dict:
    """Gamma-Gamma fitted to the repeat buyers of ``frequency``, ``monetary``: ``p``, ``q``,
    ``gamma``, the frequency–spend ``correlation`` and a ``warning`` when it is high.
    ``weights`` names a column of how many customers each row stands for."""
    t = _table(summary)
    return _core.fit_gamma_gamma_arrays(_floats(t.column("frequency")),
                                        _floats(t.column("monetary")), correlation_warning,
                                        _weights(t, weights))


def bg_nbd_predict(params: Mapping[str, float], summary: Any, t: float) -> pa.Table:
    """``p_alive`` and ``expected`` purchases over the next ``t`` units under BG/NBD."""
    alive, expected = _core.bg_nbd_predict_arrays(params["r"], params["alpha"], params["a"],
                                                  params["b"], *_rft(summary), float(t))
    return pa.table({"p_alive": pa.array(alive), "expected": pa.array(expected)})


def pareto_nbd_predict(params: Mapping[str, float], summary: Any, t: float) -> pa.Table:
    """``p_alive`` and ``expected`` purchases over the next ``t`` units under Pareto/NBD."""
    alive, expected = _core.pareto_nbd_predict_arrays(params["r"], params["alpha"], params["s"],
                                                      params["beta"], *_rft(summary), float(t))
    return pa.table({"p_alive": pa.array(alive), "expected": pa.array(expected)})


def customer_lifetime_value(bg: Mapping[str, float], gg: Mapping[str, float], summary: Any, *,
                            horizon: int = 12, unit: str = "week",
                            discount_rate: float = 0.01) -> pa.Array:
    """Discounted CLV over ``horizon`` months (monthly ``discount_rate``) per customer."""
    t = _table(summary)
    x, tx, tt = _rft(t)
    return pa.array(_core.clv_arrays((bg["r"], bg["alpha"], bg["a"], bg["b"]),
                                     (gg["p"], gg["q"], gg["gamma"]), x, tx, tt,
                                     _floats(t.column("monetary")), int(horizon), unit,
                                     float(discount_rate)))
