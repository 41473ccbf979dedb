"""Reading and writing BRAT standoff attributions."""

from __future__ import annotations

import os

import pandas as pd
import pytest
from support import shared_path

from kosovo_kit.brat import (
    PolnearArticle,
    load_polnear,
    parse_brat,
    polnear_frame,
    read_brat,
    write_brat,
)

TEXT = (
    'Headline.\n\nThe minister said: "We will win." Critics warned that it\'s too late.\n'
    "It was reported that talks failed, officials said, and that nobody came."
)


def at(piece: str, text: str = TEXT, nth: int = 0) -> tuple[int, int]:
    """Offsets of the nth occurrence of ``piece`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    return start, start + len(piece)


def t_line(tid: str, label: str, *pieces: str, text: str = TEXT) -> str:
    spans = [at(p, text) for p in pieces]
    offsets = ";".join(f"{s} {e}" for s, e in spans)
    return f"{tid}\t{label} {offsets}\t{' '.join(text[s:e] for s, e in spans)}"


ANN = "\n".join(
    [
        t_line("T1", "Source", "The minister"),
        t_line("T2", "Cue", "said"),
        t_line("T3", "Content", '"We will win."'),
        t_line("T4", "Attribution", "said"),
        "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3",
        t_line("T5", "Cue", "It was reported"),
        t_line("T6", "Content", "that talks failed"),
        t_line("T7", "Attribution-no-source", "It was reported"),
        "E2\tAttribution-no-source:T7 Cue:T5 Content:T6 ",
        t_line("T8", "Discuss", "Critics warned"),
        t_line("T9", "Discard", "Headline."),
        "#1\tAnnotatorNotes T8\tnot sure about this one",
        "",
    ]
)


def write(tmp_path, content: str, name: str = "doc_ab12.ann"):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def test_read_brat_rows_and_columns(tmp_path):
    df = read_brat(write(tmp_path, ANN), TEXT)
    assert list(df["attribution_id"]) == ["E1", "E2"]
    assert list(df["label"]) == ["Attribution", "Attribution-no-source"]
    first, second = df.iloc[0], df.iloc[1]
    assert first["source_spans"] == [at("The minister")]
    assert first["cue_spans"] == [at("said")]
    assert first["content_spans"] == [at('"We will win."')]
    assert (first["start"], first["end"]) == at('"We will win."')
    assert (first["source_start"], first["source_end"]) == at("The minister")
    assert (first["cue_start"], first["cue_end"]) == at("said")
    assert first["source_text"] == "The minister"
    assert first["content_text"] == '"We will win."'
    assert second["source_spans"] == []
    assert pd.isna(second["source_start"]) and pd.isna(second["source_text"])
    assert second["cue_text"] == "It was reported"


def test_discontinuous_and_numbered_roles():
    ann = "\n".join(
        [
            t_line("T1", "Source", "officials"),
            t_line("T2", "Cue", "said", "said"),
            t_line("T3", "Content", "It was reported", "talks failed"),
            t_line("T4", "Content", "nobody came"),
            "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3 Content2:T4",
        ]
    )
    row = parse_brat(ann, TEXT).iloc[0]
    assert row["content_spans"] == [at("It was reported"), at("talks failed"), at("nobody came")]
    assert row["content_text"] == "It was reported talks failed nobody came"
    assert row["start"] == at("It was reported")[0]
    assert row["end"] == at("nobody came")[1]


def test_span_across_line_break_keeps_text_lines_together():
    text = "He said:\n\nWe go.\nNow."
    ann = (
        f"T1\tContent 9 16\t{text[9:16]}\nT2\tCue 3 7\tsaid\nE1\tAttribution:T2 Cue:T2 Content:T1\n"
    )
    assert "\n" in text[9:16]
    row = parse_brat(ann, text).iloc[0]
    assert row["content_text"] == text[9:16]
    assert row["cue_spans"] == [(3, 7)]


def test_mismatch_names_file_line_and_reason(tmp_path):
    bad = ANN.replace('"We will win."', '"We will lose"', 1)
    path = write(tmp_path, bad)
    with pytest.raises(ValueError, match=r"doc_ab12\.ann, line 3: T3 text .* does not match"):
        read_brat(path, TEXT)
    # Without the text nothing can be compared.
    assert len(read_brat(path)) == 2


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("T9\tSource 12 5\tx", "start 12 is after end 5"),
        ("T9\tSource 1 x\tx", "bad offsets"),
        ("T9\tSource 1 2", "malformed T line"),
        ("E9\tAttribution:T1 Source:T77", "unknown annotation T77"),
        ("E9\tAttribution:T1 Source", "malformed event argument"),
        ("E9\t", "malformed E line"),
        ("Q9\twhatever", "unrecognised line"),
        ("T1\tSource 0 1\tH", "duplicate annotation id T1"),
    ],
)
def test_malformed_lines(line, reason):
    lines = ANN.split("\n")
    lines.insert(2, line)
    with pytest.raises(ValueError, match=f"line 3: .*{reason}"):
        parse_brat("\n".join(lines), name="x.ann")


def test_offset_beyond_text():
    with pytest.raises(ValueError, match="line 1: T1 offset 999 is beyond the end"):
        parse_brat("T1\tSource 990 999\tx", "short text")


def test_empty_file_gives_empty_table():
    df = parse_brat("")
    assert df.empty and "content_spans" in df.columns


def who_said_what() -> pd.DataFrame:
    minister, said, quote = at("The minister"), at("said"), at('"We will win."')
    officials, said2, content = at("officials"), at("said", nth=1), at("that talks failed")
    return pd.DataFrame(
        {
            "start": [quote[0], content[0], at("nobody came")[0]],
            "end": [quote[1], content[1], at("nobody came")[1]],
            "speaker_start": [minister[0], officials[0], pd.NA],
            "speaker_end": [minister[1], officials[1], pd.NA],
            "cue_start": [said[0], said2[0], pd.NA],
            "cue_end": [said[1], said2[1], pd.NA],
        }
    ).astype("Int64")


def test_write_then_read_round_trip(tmp_path):
    table = who_said_what()
    path = tmp_path / "out.ann"
    write_brat(table, path, TEXT)
    back = read_brat(path, TEXT)
    cols = ["start", "end", "cue_start", "cue_end"]
    pd.testing.assert_frame_equal(back[cols], table[cols], check_dtype=False)
    assert list(back["source_start"].astype("object").fillna(-1)) == [
        at("The minister")[0],
        at("officials")[0],
        -1,
    ]
    assert list(back["label"]) == ["Attribution", "Attribution", "Attribution-no-source"]
    assert back.iloc[2]["cue_spans"] == []


def test_brat_table_round_trip_keeps_discontinuous_spans(tmp_path):
    first = read_brat(write(tmp_path, ANN), TEXT)
    ann = "\n".join(
        [
            t_line("T1", "Content", "It was reported", "talks failed"),
            "E1\tAttribution-no-source:T1 Content:T1",
        ]
    )
    table = pd.concat([first, parse_brat(ann, TEXT)], ignore_index=True)
    path = tmp_path / "again.ann"
    write_brat(table, path, TEXT)
    back = read_brat(path, TEXT)
    for col in ("content_spans", "source_spans", "cue_spans", "label"):
        assert list(back[col]) == list(table[col])


def test_write_splits_spans_at_line_breaks(tmp_path):
    text = "He said:\n\nWe go.\nNow."
    path = tmp_path / "nl.ann"
    write_brat(pd.DataFrame({"start": [9], "end": [21]}), path, text)
    row = read_brat(path, text).iloc[0]
    assert row["content_spans"] == [(10, 16), (17, 21)]
    assert "\n" not in path.read_text(encoding="utf-8").rstrip("\n").split("\n")[0]


def test_write_is_atomic(tmp_path, monkeypatch):
    path = tmp_path / "keep.ann"
    path.write_text("old\n", encoding="utf-8")

    def broken(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError, match="disk full"):
        write_brat(who_said_what(), path, TEXT)
    assert path.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.ann"]
    monkeypatch.undo()
    write_brat(who_said_what(), path, TEXT)
    assert len(read_brat(path, TEXT)) == 3
    assert [p.name for p in tmp_path.iterdir()] == ["keep.ann"]


def test_write_errors(tmp_path):
    with pytest.raises(ValueError, match=r"lacks column\(s\) \['end'\]"):
        write_brat(pd.DataFrame({"start": [0]}), tmp_path / "x.ann", TEXT)
    with pytest.raises(ValueError, match="outside the text"):
        write_brat(pd.DataFrame({"start": [0], "end": [9999]}), tmp_path / "x.ann", TEXT)


def make_corpus(root):
    text_dir, ann_dir = root / "dev" / "text", root / "dev" / "attributions"
    text_dir.mkdir(parents=True)
    ann_dir.mkdir(parents=True)
    (text_dir / "site_2016-01-01_some-story.txt").write_text(TEXT, encoding="utf-8")
    (text_dir / "site_2016-01-02_no-annotation.txt").write_text("Nothing here.", encoding="utf-8")
    (ann_dir / "site_2016-01-01_some-story_aa11.ann").write_text(ANN, encoding="utf-8")
    (ann_dir / "site_2016-01-01_some-story_bb22.ann").write_text(ANN.split("\nT5")[0] + "\n")
    (root / "metadata.tsv").write_text(
        "compartment\tfilename\tpublisher\ndev\tsite_2016-01-01_some-story\tsite\n",
        encoding="utf-8",
    )


def test_load_polnear_layout(tmp_path):
    make_corpus(tmp_path)
    articles = load_polnear("dev", root=tmp_path)
    assert [a.article_id for a in articles] == [
        "site_2016-01-01_some-story",
        "site_2016-01-02_no-annotation",
    ]
    _, text, by_annotator = articles[0]
    assert isinstance(articles[0], PolnearArticle)
    assert text == TEXT
    assert sorted(by_annotator) == ["aa11", "bb22"]
    assert len(by_annotator["aa11"]) == 2 and len(by_annotator["bb22"]) == 1
    assert articles[0].metadata["publisher"] == "site"
    assert articles[1].annotations == {} and articles[1].metadata == {}
    assert len(load_polnear("dev", root=tmp_path, limit=1)) == 1
    with pytest.raises(FileNotFoundError, match="split 'test' not found"):
        load_polnear("test", root=tmp_path)


@pytest.mark.shared
def test_every_polnear_dev_span_matches_its_text():
    root = shared_path("polnear")
    shared_path("polnear", "dev", "attributions")
    articles = load_polnear("dev", root=root, check=True)
    assert len(articles) > 50
    n = 0
    for article_id, text, by_annotator in articles:
        assert by_annotator, f"{article_id} has no annotation file"
        for table in by_annotator.values():
            for spans, joined in zip(table["content_spans"], table["content_text"], strict=True):
                if spans:
                    assert " ".join(text[s:e] for s, e in spans) == joined
                    n += 1
    assert n > 1000


@pytest.mark.shared
def test_polnear_frame_is_a_corpus_table():
    root = shared_path("polnear")
    frame = polnear_frame(["dev", "train"], root=root, limit=3)
    assert list(frame.columns) == ["article_id", "text", "outlet", "date"]
    dev = load_polnear("dev", root=root, check=False, limit=3)
    assert frame["article_id"].tolist()[:3] == [d.article_id for d in dev]
    assert frame["text"].tolist()[:3] == [d.text for d in dev]
    assert len(frame) == 6 and frame["article_id"].is_unique
    assert frame["outlet"].notna().all()
    assert pd.to_datetime(frame["date"], errors="coerce", format="mixed").notna().all()
    assert all(d.annotations for d in dev)
    bare = load_polnear("dev", root=root, limit=3, annotations=False)
    assert [d.text for d in bare] == [d.text for d in dev]
    assert not any(d.annotations for d in bare)


def test_kind_actor_and_speaker_round_trip(tmp_path):
    import kosovo_kit as kk

    article = kk.load_article()
    quotes = kk.attribute_quotes(article)
    path = tmp_path / "kit.ann"
    kk.write_brat(quotes, path, article.text)
    back = kk.read_brat(path, text=article.text)
    assert back["kind"].tolist() == quotes["kind"].tolist()
    assert back["actor"].tolist() == quotes["actor"].tolist()
    assert back["speaker"].tolist() == quotes["speaker"].tolist()
    lines = path.read_text(encoding="utf-8").splitlines()
    assert "A1\tKind E1 mixed" in lines and "A2\tActor E1 Russia" in lines


def test_attributes_and_notes_are_optional_and_unknown_ones_ignored():
    from kosovo_kit.brat import parse_brat

    text = "Ana said it rains."
    ann = (
        "T1\tSource 0 3\tAna\nT2\tCue 4 8\tsaid\nT3\tContent 9 17\tit rains\n"
        "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\nA1\tConfidence E1 high\n"
        "M2\tNegated E1\n#1\tAnnotatorNotes E1\tcheck this\n"
    )
    table = parse_brat(ann, text=text)
    assert table["kind"].isna().all() and table["actor"].isna().all()
    assert table["speaker"].isna().all()  # a note on the event, not on its Source
