"""Scoring predicted attributions against BRAT gold."""

from __future__ import annotations

import math
from types import SimpleNamespace

import pandas as pd
import pytest

from kosovo_kit.brat import parse_brat, read_brat, write_brat
from kosovo_kit.evaluation import align, evaluate, evaluate_many, is_quoted, score_table

FILLER = "x" * 200


def gold(*rows: dict) -> pd.DataFrame:
    """A minimal read_brat-like table: content pieces plus optional source."""
    return pd.DataFrame(
        [
            {
                "content_spans": list(r["content"]),
                "source_spans": list(r.get("source", [])),
                "source_text": r.get("source_text", pd.NA),
            }
            for r in rows
        ],
        columns=["content_spans", "source_spans", "source_text"],
    )


def pred(*rows: dict) -> pd.DataFrame:
    """A minimal who-said-what table."""
    out = []
    for r in rows:
        start, end = r["span"]
        s_start, s_end = r.get("speaker_span", (pd.NA, pd.NA))
        out.append(
            {
                "start": start,
                "end": end,
                "speaker": r.get("speaker", pd.NA),
                "speaker_start": s_start,
                "speaker_end": s_end,
            }
        )
    return pd.DataFrame(out, columns=["start", "end", "speaker", "speaker_start", "speaker_end"])


def counts(result: dict, subset: str = "all", what: str = "quote") -> tuple[int, int, int]:
    scores = result[subset]
    return scores[f"{what}_tp"], scores[f"{what}_fp"], scores[f"{what}_fn"]


@pytest.mark.parametrize(
    ("span", "matched"),
    [
        ((5, 15), True),  # overlap 5 = half of both lengths
        ((6, 16), False),  # overlap 4 < half
        ((0, 20), True),  # overlap 10 = half of the prediction
        ((0, 21), False),  # overlap 10 < half of 21
        ((2, 7), True),  # overlap 5 = half of the gold
        ((2, 6), False),
    ],
)
def test_half_overlap_rule(span, matched):
    result = evaluate(pred({"span": span}), gold({"content": [(0, 10)]}))
    assert counts(result) == ((1, 0, 0) if matched else (0, 1, 1))


def test_discontinuous_gold_length_is_sum_of_pieces():
    g = gold({"content": [(0, 10), (20, 30)]})
    assert counts(evaluate(pred({"span": (0, 30)}), g)) == (1, 0, 0)  # 20 of 30 and 20 of 20
    assert counts(evaluate(pred({"span": (0, 10)}), g)) == (1, 0, 0)  # 10 of 20 and 10 of 10
    assert counts(evaluate(pred({"span": (0, 9)}), g)) == (0, 1, 1)  # 9 of 20
    assert counts(evaluate(pred({"span": (0, 41)}), g)) == (0, 1, 1)  # 20 of 41


def test_greedy_one_to_one_largest_overlap_first():
    g = gold({"content": [(0, 10)]}, {"content": [(10, 20)]})
    p = pred({"span": (0, 8)}, {"span": (0, 10)}, {"span": (12, 20)})
    table = align(p, g)
    tps = table[table["status"] == "tp"]
    assert sorted(zip(tps["gold_index"], tps["pred_index"], strict=True)) == [(0, 1), (1, 2)]
    assert list(table.loc[table["status"] == "fp", "pred_index"]) == [0]
    # One prediction can match only one gold attribution.
    assert counts(
        evaluate(pred({"span": (0, 20)}), gold({"content": [(0, 10)]}, {"content": [(0, 10)]}))
    ) == (1, 0, 1)


def test_speaker_right_by_overlapping_span():
    g = gold({"content": [(50, 80)], "source": [(10, 22)], "source_text": "The minister"})
    p = pred({"span": (50, 80), "speaker": "Ms Smith", "speaker_span": (14, 22)})
    result = evaluate(p, g)
    assert result["all"]["speaker_correct"] == 1 and result["all"]["speaker_accuracy"] == 1.0
    assert counts(result, what="wsw") == (1, 0, 0)


@pytest.mark.parametrize(
    ("speaker", "right"),
    [
        ("Donald Trump", True),
        ("TRUMP", True),
        ("Donald Trump's", True),
        ("Trump campaign", False),  # last word is "campaign"
        ("Hillary Clinton", False),
        ("Trum", False),  # whole words only
    ],
)
def test_speaker_right_by_last_word(speaker, right):
    g = gold({"content": [(50, 80)], "source": [(10, 25)], "source_text": "Mr. Trump’s aide Trump"})
    p = pred({"span": (50, 80), "speaker": speaker, "speaker_span": (0, 5)})
    result = evaluate(p, g)
    assert result["all"]["speaker_correct"] == int(right)
    assert counts(result, what="wsw") == ((1, 0, 0) if right else (0, 1, 1))


def test_missing_predicted_speaker_is_wrong():
    g = gold({"content": [(50, 80)], "source": [(10, 22)], "source_text": "The minister"})
    result = evaluate(pred({"span": (50, 80)}), g)
    assert result["all"]["speaker_total"] == 1 and result["all"]["speaker_correct"] == 0
    assert counts(result, what="wsw") == (0, 1, 1)


def test_gold_without_source():
    g = gold({"content": [(50, 80)]})
    silent = evaluate(pred({"span": (50, 80)}), g)
    assert silent["all"]["speaker_total"] == 0 and math.isnan(silent["all"]["speaker_accuracy"])
    assert counts(silent, what="wsw") == (1, 0, 0)
    invented = evaluate(pred({"span": (50, 80), "speaker": "someone"}), g)
    assert counts(invented) == (1, 0, 0)
    assert counts(invented, what="wsw") == (0, 1, 1)


QTEXT = (
    '"We will win," the minister said. '
    "Critics said it’s too late for the voters’ plan. "
    "He called it ‘a disgrace’ on Monday."
)


def span_of(piece: str) -> tuple[int, int]:
    start = QTEXT.index(piece)
    return start, start + len(piece)


def test_quote_mark_rule():
    assert is_quoted([span_of('"We will win,"')], QTEXT)
    assert is_quoted([span_of("We will win,")], QTEXT)  # marks right next to the span
    assert not is_quoted([span_of("it’s too late for the voters’ plan")], QTEXT)
    assert is_quoted([span_of("it ‘a disgrace’")], QTEXT)
    assert is_quoted([span_of("a disgrace")], QTEXT)
    assert not is_quoted([(0, 0)], "’90s were good")
    assert not is_quoted([(0, 14)], "’90s were good")


def test_typewriter_double_marks_quote():
    text = "He called it ''a disgrace,'' and ``left'' at once; the voters' plan failed."
    at = text.index("a disgrace")
    assert is_quoted([(at, at + len("a disgrace"))], text)  # the comma before '' is left out
    at = text.index("left")
    assert is_quoted([(at, at + 4)], text)
    at = text.index("the voters")
    assert not is_quoted([(at, at + len("the voters' plan"))], text)


def test_quoted_and_all_subsets():
    g = gold(
        {"content": [span_of("We will win,")], "source": [span_of("the minister")]},
        {"content": [span_of("it’s too late for the voters’ plan")], "source": [(34, 41)]},
        {"content": [span_of("it ‘a disgrace’")]},
    )
    p = pred(
        {"span": span_of('"We will win,"'), "speaker_span": span_of("the minister")},
        {"span": span_of("it’s too late for the voters’ plan"), "speaker_span": (34, 41)},
        {"span": span_of("on Monday.")},
    )
    result = evaluate(p, g, QTEXT)
    assert counts(result, "all") == (2, 1, 1)
    assert counts(result, "quoted") == (1, 0, 1)
    assert result["quoted"]["n_gold"] == 2 and result["quoted"]["n_predicted"] == 1
    assert counts(result, "quoted", "wsw") == (1, 0, 1)
    table = score_table(result)
    assert list(table.index) == ["quoted", "all"]
    assert table.loc["all", "quote_precision"] == pytest.approx(2 / 3)


def test_pair_is_quoted_when_either_side_is():
    # Without the document only the span texts are looked at: here just the prediction's.
    g = gold({"content": [span_of("We will win")]})
    p = pred({"span": span_of('"We will win,"')}).assign(text=['"We will win,"'])
    assert counts(evaluate(p, g), "quoted") == (1, 0, 0)
    assert counts(evaluate(g, p), "quoted") == (1, 0, 0)
    assert counts(evaluate(g, g), "quoted") == (0, 0, 0)


def test_quoted_without_document_text_uses_span_text():
    g = parse_brat(
        'T1\tContent 0 14\t"We will win,"\nT2\tCue 28 32\tsaid\nE1\tAttribution:T2 Content:T1'
    )
    assert evaluate(g, g)["quoted"]["n_gold"] == 1


def two_annotators():
    text = 'Ann said "yes, we can" and Bob said "no way at all" later on.'
    ann_a = "\n".join(
        [
            "T1\tSource 0 3\tAnn",
            "T2\tContent 9 22\t" + text[9:22],
            "T3\tCue 4 8\tsaid",
            "E1\tAttribution:T3 Source:T1 Content:T2 Cue:T3",
            "T4\tSource 27 30\tBob",
            "T5\tContent 36 51\t" + text[36:51],
            "T6\tCue 31 35\tsaid",
            "E2\tAttribution:T6 Source:T4 Content:T5 Cue:T6",
        ]
    )
    ann_b = "\n".join(
        [*ann_a.split("\n")[:4], "T7\tContent 37 43\tno way", "E3\tAttribution:T7 Content:T7"]
    )
    return text, parse_brat(ann_a, text), parse_brat(ann_b, text)


def test_students_score_each_other_symmetrically():
    text, a, b = two_annotators()
    ab, ba = evaluate(a, b, text), evaluate(b, a, text)
    assert counts(ab) == (1, 1, 1)
    assert ab["all"]["quote_precision"] == ba["all"]["quote_recall"]
    assert ab["all"]["wsw_precision"] == ba["all"]["wsw_recall"]
    assert evaluate(a, a, text)["all"]["wsw_f1"] == 1.0


def test_gold_as_path_and_article_as_text(tmp_path):
    text, a, _ = two_annotators()
    (tmp_path / "b.ann").write_text(
        "T1\tSource 0 3\tAnn\nT2\tContent 9 22\t"
        + text[9:22]
        + "\nE1\tAttribution:T2 Source:T1 Content:T2\n",
        encoding="utf-8",
    )
    result = evaluate(a, tmp_path / "b.ann", SimpleNamespace(text=text))
    assert counts(result) == (1, 1, 0)
    write_brat(a, tmp_path / "a.ann", text)
    assert evaluate(read_brat(tmp_path / "a.ann"), str(tmp_path / "b.ann"))["all"]["wsw_tp"] == 1


def test_several_annotators_are_each_scored():
    text, a, b = two_annotators()
    p = pred({"span": (9, 22), "speaker": "Ann"})
    each = evaluate(p, {"zz": a, "aa": b}, text)
    assert counts(each) == (2, 0, 2)
    first = evaluate(p, {"zz": a, "aa": b}, text, annotators="first")  # "aa" sorts first
    assert counts(first) == (1, 0, 1)
    table = align(p, {"zz": a, "aa": b}, text)
    assert set(table["annotator"]) == {"aa", "zz"}
    with pytest.raises(ValueError, match="annotators must be"):
        evaluate(p, {"a": a}, annotators="all")  # type: ignore[arg-type]


def test_evaluate_many_sums_counts():
    text, a, b = two_annotators()
    one = gold({"content": [(0, 10)]})
    result = evaluate_many(
        [(a, b, text), (pred({"span": (0, 10)}), one), (pred({"span": (50, 60)}), one)]
    )
    assert counts(result) == (1 + 1 + 0, 1 + 0 + 1, 1 + 0 + 1)
    assert result["all"]["quote_precision"] == pytest.approx(0.5)
    empty = evaluate_many([])
    assert empty["all"]["quote_tp"] == 0 and math.isnan(empty["all"]["quote_precision"])


def test_no_predictions_gives_nan_precision():
    result = evaluate(pred(), gold({"content": [(0, 10)]}))
    assert counts(result) == (0, 0, 1)
    assert math.isnan(result["all"]["quote_precision"]) and result["all"]["quote_recall"] == 0.0


def test_missing_columns_are_named():
    bad = pd.DataFrame({"start": [0], "end": [5], "speaker": ["x"]})
    with pytest.raises(
        ValueError, match=r"predicted table lacks column\(s\) \['speaker_start', 'speaker_end'\]"
    ):
        evaluate(bad, gold({"content": [(0, 5)]}))
    with pytest.raises(ValueError, match="gold table lacks column"):
        evaluate(pred({"span": (0, 5)}), pd.DataFrame({"start": [0]}))
    with pytest.raises(TypeError, match="expected a DataFrame or a path"):
        evaluate(pred({"span": (0, 5)}), 42)  # type: ignore[arg-type]


def test_mismatched_text_is_reported():
    text, a, _ = two_annotators()
    with pytest.raises(ValueError, match=r"gold attribution E1: its text .* does not match"):
        evaluate(pred({"span": (9, 22)}), a, text.replace("yes", "YES"))
    with pytest.raises(ValueError, match=r"predicted row 0: span .* lies outside the text"):
        evaluate(pred({"span": (9, 500)}), a, text)
    p = pred({"span": (9, 22)}).assign(text=["something else"])
    with pytest.raises(ValueError, match="predicted attribution 0: its text"):
        evaluate(p, a, text)
    tidy = pred({"span": (9, 22)}).assign(text=['"yes,  we can"'])  # whitespace may differ
    assert counts(evaluate(tidy, a, text)) == (1, 0, 1)


def test_events_without_content_are_left_out():
    g = gold({"content": []}, {"content": [(0, 10)]})
    result = evaluate(pred({"span": (0, 10)}), g)
    assert counts(result) == (1, 0, 0)
    assert list(align(pred({"span": (0, 10)}), g)["gold_index"]) == [1]
    assert FILLER  # a long filler keeps offsets in range where no text is given


def test_polnear_benchmark_script_runs(tmp_path, monkeypatch, capsys):
    import importlib.util
    import sys
    import types

    from conftest import ROOT

    script = ROOT / "benchmarks" / "polnear.py"
    if not script.exists():
        pytest.skip(f"the benchmark script {script} is not in this copy of the project")
    text, a, _ = two_annotators()
    (tmp_path / "dev" / "text").mkdir(parents=True)
    (tmp_path / "dev" / "attributions").mkdir()
    (tmp_path / "dev" / "text" / "site_2016_story.txt").write_text(text, encoding="utf-8")
    write_brat(a, tmp_path / "dev" / "attributions" / "site_2016_story_ab12.ann", text)

    def attribute_quotes(doc: str) -> pd.DataFrame:
        return pred({"span": (9, 22), "speaker": "Ann", "speaker_span": (0, 3)}).assign(
            kind="direct", rule="after-cue"
        )

    monkeypatch.setitem(
        sys.modules,
        "kosovo_kit.attribution",
        types.SimpleNamespace(attribute_quotes=attribute_quotes),
    )
    spec = importlib.util.spec_from_file_location("polnear_benchmark", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--root", str(tmp_path), "--errors", "1", "--by-kind"]) == 0
    out = capsys.readouterr().out
    assert "who-said-what F1" in out and "articles/s" in out
    assert "after-cue" in out and "1 of 1 false negatives" in out
