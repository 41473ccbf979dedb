"""Typed tables from plain rows: the records functions and the tables they become."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kosovo_kit import Article, actors, attribute_quotes
from kosovo_kit.attribution import QUOTE_COLUMNS, QUOTE_DTYPES, quote_records
from kosovo_kit.frames import INFER, STR, record_columns, records_frame, typed_frame
from kosovo_kit.gazetteer import MENTION_COLUMNS, MENTION_DTYPES, mention_records

NEWS = (
    "Kremlin spokesman Dmitry Peskov said on Wednesday that Moscow supports Belgrade.\n\n"
    "“We are watching closely,” he told reporters. Kosovo's prime minister Albin Kurti "
    "accused Serbia of destabilising the north, according to a statement.\n\n"
    "The weather in Pristina was cold."
)


def test_quote_records_are_the_rows_of_attribute_quotes():
    article = Article.from_text(NEWS)
    records = quote_records(article)
    table = attribute_quotes(article)
    assert len(records) == len(table) >= 3
    for record, row in zip(records, table.to_dict("records")):
        assert list(record) == QUOTE_COLUMNS
        for col in QUOTE_COLUMNS:
            want = row[col]
            assert record[col] == want or (record[col] is None and pd.isna(want)), col
    assert table.dtypes.to_dict() == QUOTE_DTYPES


def test_mention_records_are_the_rows_of_actors():
    article = Article.from_text(NEWS)
    records = mention_records(article)
    table = actors(article)
    assert [tuple(r) for r in table.itertuples(index=False)] == [
        tuple(pd.NA if v is None else v for v in r) for r in records
    ]
    assert list(table.columns) == list(MENTION_COLUMNS)
    assert table.dtypes.to_dict() == MENTION_DTYPES
    assert {"Dmitry Peskov", "Albin Kurti"} <= set(table["canonical"])


def test_empty_tables_keep_their_dtypes():
    article = Article.from_text("The weather in the capital was cold and grey.")
    assert attribute_quotes(article).dtypes.to_dict() == QUOTE_DTYPES
    assert quote_records(article) == []


def test_typed_frame_marks_none_missing_in_every_dtype():
    dtypes = {"i": "int64", "n": "Int64", "f": "float64", "s": STR, "o": object, "x": INFER}
    frame = typed_frame(
        {
            "i": [1, 2],
            "n": [None, 3],
            "f": [None, 0.5],
            "s": ["a", None],
            "o": [[(1, 2)], None],
            "x": ["p", "q"],
        },
        dtypes,
    )
    assert frame.dtypes.drop("x").to_dict() == {k: v for k, v in dtypes.items() if k != "x"}
    assert frame["x"].dtype == pd.Series(["p", "q"]).dtype
    assert frame["n"].isna().tolist() == [True, False]
    assert np.isnan(frame["f"].iloc[0]) and pd.isna(frame["s"].iloc[1])
    assert frame["o"].iloc[0] == [(1, 2)]  # a list stays one value, never unpacked


def test_records_frame_takes_dicts_or_tuples_and_casts_other_dtypes():
    dtypes = {"a": "int64", "when": "datetime64[ns]"}
    from_dicts = records_frame([{"a": 1, "when": pd.Timestamp("2022-12-28")}], dtypes)
    from_tuples = records_frame([(1, pd.Timestamp("2022-12-28"))], dtypes)
    pd.testing.assert_frame_equal(from_dicts, from_tuples)
    assert from_dicts["when"].dtype == "datetime64[ns]"
    assert records_frame([], dtypes).dtypes.to_dict() == {"a": "int64", "when": "datetime64[ns]"}


def test_dict_rows_missing_a_key_give_a_missing_value():
    rows = [{"a": 1, "b": "x"}, {"a": 2}]
    assert record_columns(rows, ["a", "b"]) == {"a": [1, 2], "b": ["x", None]}
    frame = records_frame(rows, {"a": "int64", "b": STR})
    assert frame["b"].isna().tolist() == [False, True]


def test_int_column_with_a_missing_value_is_refused():
    with pytest.raises(TypeError):
        typed_frame({"i": [1, None]}, {"i": "int64"})
