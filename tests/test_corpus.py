"""Corpora: loading with bad files, parallel analysis, aggregations, streaming and Dask."""

from __future__ import annotations

import json
import multiprocessing
import os
from pathlib import Path

import pandas as pd
import pytest
from support import shared_path

import kosovo_kit.corpus as kc
from kosovo_kit import pipeline
from kosovo_kit.attribution import QUOTE_COLUMNS, attribute_quotes
from kosovo_kit.corpus import (
    STATEMENT_DTYPES,
    CorpusResult,
    analyze_corpus,
    analyze_dask,
    load_corpus,
    read_output,
    run,
    stream,
    stream_corpus,
)
from kosovo_kit.stance import SCORE_COLUMNS, add_sentiment
from kosovo_kit.text import Article

NEWS = {
    "peskov": (
        "Kremlin backs Serbia\n\n"
        "MOSCOW – Kremlin spokesman Dmitry Peskov said on Wednesday that Moscow supports "
        "Belgrade. “We support Belgrade,” Peskov said.\n"
    ),
    "kurti": (
        "Pristina protests\n\n"
        "Kosovo Prime Minister Albin Kurti said: “Serbia is the aggressor and a threat to "
        "peace.” The EU warned that tensions were dangerous.\n"
    ),
    "vucic": (
        "Talks resume\n\n"
        "Serbian President Aleksandar Vucic said that Serbia wants good relations with Kosovo. "
        "“We are ready to talk,” he said.\n"
    ),
    "quiet": "Weather report\n\nIt rained in Pristina on Monday and the roads were wet.\n",
}
OUTLETS = {"peskov": "RT", "kurti": "N1", "vucic": "RT", "quiet": "N1"}
DATES = {
    "peskov": "2023-01-02",
    "kurti": "2023-01-03",
    "vucic": "2023-01-10",
    "quiet": "2023-01-11",
}


def news_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "article_id": list(NEWS),
            "text": list(NEWS.values()),
            "outlet": [OUTLETS[k] for k in NEWS],
            "date": [DATES[k] for k in NEWS],
        }
    )


def expected_statements(article_id: str, title: str | None = None) -> pd.DataFrame:
    return add_sentiment(attribute_quotes(Article.from_text(NEWS[article_id], title=title)))


def same_values(got: pd.DataFrame, want: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(
        got.reset_index(drop=True), want.reset_index(drop=True), check_dtype=False
    )


@pytest.fixture(scope="module")
def result() -> CorpusResult:
    return analyze_corpus(news_frame(), progress=False)


# ---- loading --------------------------------------------------------------------------------


def make_folder(folder: Path) -> dict[str, bytes]:
    """A folder of good and bad files; returns every file's bytes to check nothing changed."""
    folder.mkdir()
    (folder / "peskov.txt").write_text(NEWS["peskov"], encoding="utf-8")
    (folder / "kurti.txt").write_text(NEWS["kurti"], encoding="utf-8")
    (folder / "kurti.json").write_text(
        json.dumps({"outlet": "N1", "date": "2023-01-03"}), encoding="utf-8"
    )
    (folder / "metadata.csv").write_text(
        "filename,outlet,date\npeskov.txt,RT,2023-01-02\n", encoding="utf-8"
    )
    (folder / "empty.txt").write_bytes(b"  \n")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")
    (folder / "latin1.txt").write_bytes("Le ministre a déclaré: « Non. »".encode("latin-1"))
    (folder / "utf16.txt").write_bytes("“We agree,” he said.".encode("utf-16"))
    (folder / "big.txt").write_text("Word " * 1000, encoding="utf-8")
    os.symlink("loop.txt", folder / "loop.txt")
    os.symlink("missing-target.txt", folder / "dangling.txt")
    return {p.name: p.read_bytes() for p in folder.iterdir() if not p.is_symlink()}


def test_folder_loads_good_files_and_reports_bad_ones(tmp_path):
    folder = tmp_path / "news"
    before = make_folder(folder)
    corpus = load_corpus(folder, max_bytes=2000)

    docs = corpus.documents
    assert docs["article_id"].tolist() == ["kurti", "peskov"]  # sorted paths
    assert docs["text"].tolist() == [NEWS["kurti"], NEWS["peskov"]]
    assert docs["outlet"].tolist() == ["N1", "RT"]  # sidecar JSON, metadata.csv
    assert docs["date"].tolist() == ["2023-01-03", "2023-01-02"]
    assert docs["path"].tolist() == [str(folder / "kurti.txt"), str(folder / "peskov.txt")]

    reasons = dict(zip(corpus.errors["path"].map(lambda p: Path(p).name), corpus.errors["reason"]))
    assert sorted(reasons) == [
        "big.txt",
        "binary.txt",
        "dangling.txt",
        "empty.txt",
        "latin1.txt",
        "loop.txt",
        "utf16.txt",
    ]
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "not valid UTF-8" in reasons["latin1.txt"] and "line 1" in reasons["latin1.txt"]
    assert "UTF-16" in reasons["utf16.txt"]
    assert "over the limit of 2,000 bytes" in reasons["big.txt"]
    assert "symlink loop" in reasons["loop.txt"]
    assert "broken symlink" in reasons["dangling.txt"]
    assert set(corpus.errors["stage"]) == {"load"}
    # Bad input is reported, never touched.
    assert {p.name: p.read_bytes() for p in folder.iterdir() if not p.is_symlink()} == before


def test_glob_and_single_file_sources(tmp_path):
    folder = tmp_path / "news"
    make_folder(folder)
    corpus = load_corpus(str(folder / "p*.txt"))
    assert corpus.documents["article_id"].tolist() == ["peskov"]
    assert corpus.documents["outlet"].tolist() == ["RT"]
    single = load_corpus(folder / "kurti.txt")
    assert single.documents["outlet"].tolist() == ["N1"]


def test_missing_source_and_unknown_type_raise_naming_them(tmp_path):
    with pytest.raises(FileNotFoundError, match="nowhere"):
        load_corpus(tmp_path / "nowhere")
    with pytest.raises(FileNotFoundError, match="no file matches"):
        load_corpus(str(tmp_path / "*.txt"))
    odd = tmp_path / "notes.docx"
    odd.write_bytes(b"PK")
    with pytest.raises(ValueError, match=r"notes\.docx.*unknown file type"):
        load_corpus(odd)
    table = tmp_path / "table.csv"
    table.write_text("id,body\n1,Hello\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"table\.csv.*no text column 'text'"):
        load_corpus(table)


def test_csv_jsonl_and_dataframe_sources_agree(tmp_path):
    frame = news_frame()
    bad = pd.DataFrame(
        {
            "article_id": ["blank", "gone"],
            "text": ["   ", None],
            "outlet": ["X", "Y"],
            "date": ["2023-01-01", "2023-01-01"],
        }
    )
    frame_with_bad = pd.concat([frame, bad], ignore_index=True)

    csv_path = tmp_path / "news.csv"
    frame_with_bad.to_csv(csv_path, index=False)
    jsonl_path = tmp_path / "news.jsonl"
    lines = [json.dumps(r) for r in frame_with_bad.to_dict(orient="records")]
    lines.insert(2, "{not json")
    lines.append(json.dumps({"article_id": "num", "text": 42}))
    jsonl_path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    loaded = {
        "frame": load_corpus(frame_with_bad),
        "csv": load_corpus(csv_path),
        "jsonl": load_corpus(jsonl_path),
    }
    for corpus in loaded.values():
        same_values(corpus.documents, frame)
    assert loaded["csv"].errors["reason"].tolist() == [
        "row 5: the text is empty or holds only white space",
        "row 6: the text is missing",
    ]
    jsonl_errors = dict(
        zip(
            loaded["jsonl"].errors["reason"].str.split(":").str[0],
            loaded["jsonl"].errors["article_id"],
        )
    )
    assert set(jsonl_errors) == {"line 3", "line 6", "line 7", "line 8"}
    assert "not valid JSON" in loaded["jsonl"].errors["reason"].iloc[0]
    assert jsonl_errors["line 8"] == "num"
    assert set(loaded["jsonl"].errors["path"]) == {str(jsonl_path)}


def test_parquet_source(tmp_path):
    pytest.importorskip("pyarrow", reason="Parquet sources need pyarrow")
    path = tmp_path / "news.parquet"
    news_frame().to_parquet(path)
    same_values(load_corpus(path).documents, news_frame())


def test_duplicate_ids_and_clashing_metadata_names():
    frame = pd.DataFrame(
        {"id": ["a", "a"], "text": [NEWS["peskov"], NEWS["kurti"]], "speaker": ["x", "y"]}
    )
    corpus = load_corpus(frame, id_col="id")
    assert corpus.documents["article_id"].tolist() == ["a"]
    assert "duplicate article_id" in corpus.errors["reason"].iloc[0]
    assert "meta_speaker" in corpus.documents.columns  # never shadows a result column


# ---- analysis -------------------------------------------------------------------------------


def test_statements_are_the_per_article_pipeline(result):
    statements = result.statements
    assert list(statements.columns) == [
        "article_id",
        "outlet",
        "date",
        *QUOTE_COLUMNS,
        *SCORE_COLUMNS,
    ]
    assert statements.dtypes[list(STATEMENT_DTYPES)].to_dict() == STATEMENT_DTYPES
    for article_id in NEWS:
        got = statements[statements["article_id"] == article_id]
        same_values(got[[*QUOTE_COLUMNS, *SCORE_COLUMNS]], expected_statements(article_id))
        assert set(got["outlet"]) <= {OUTLETS[article_id]}
    peskov = statements[statements["article_id"] == "peskov"]
    assert "We support Belgrade," in peskov["text"].tolist()
    assert set(peskov["speaker"]) == {"Dmitry Peskov"}


def test_articles_summary_and_actor_mentions(result):
    articles = result.articles.set_index("article_id")
    assert list(articles.index) == list(NEWS)
    counts = result.statements.groupby("article_id").size()
    for article_id in NEWS:
        article = Article.from_text(NEWS[article_id])
        row = articles.loc[article_id]
        assert row["n_statements"] == counts.get(article_id, 0)
        assert row["n_sentences"] == len(article.sentence_spans)
        assert row["n_words"] == article.summary()["words"]
        assert row[["n_direct", "n_mixed", "n_indirect", "n_belief"]].sum() == row["n_statements"]
        assert row["seconds"] > 0
    assert articles.loc["quiet", "n_statements"] == 0
    assert pd.isna(articles.loc["quiet", "mean_compound"])
    mentions = result.actors
    assert {"Dmitry Peskov", "Albin Kurti"} <= set(mentions["canonical"])
    for row in mentions.itertuples():
        assert NEWS[row.article_id][row.start : row.end] == row.text


def test_one_or_two_processes_give_identical_frames(result):
    two = analyze_corpus(news_frame(), n_jobs=2, progress=False, chunksize=1)
    pd.testing.assert_frame_equal(two.statements, result.statements)
    pd.testing.assert_frame_equal(two.actors, result.actors)
    pd.testing.assert_frame_equal(
        two.articles.drop(columns="seconds"), result.articles.drop(columns="seconds")
    )
    pd.testing.assert_frame_equal(two.errors, result.errors)


def test_the_guided_schedule_covers_every_article_and_ends_small() -> None:
    for total, workers, size in [(924, 2, 58), (100, 4, 10), (5, 2, 64), (1, 2, 1)]:
        sizes, left = [], total
        schedule = run._chunk_sizes(size, total, workers)
        while left > 0:
            sizes.append(next(schedule))
            left -= sizes[-1]
        assert all(1 <= n <= size for n in sizes)
        # every worker starts on a small chunk; the tail never grows back
        assert sizes[:workers] == [min(size, run._SMALLEST_CHUNK)] * min(workers, len(sizes))
        peak = sizes.index(max(sizes))
        assert sizes[peak:] == sorted(sizes[peak:], reverse=True)
        if total > 10 * size:
            assert sizes[-1] <= run._SMALLEST_CHUNK < size
    # one worker, or an unknown total: plain chunks of the given size
    assert [next(run._chunk_sizes(7, None, 2)) for _ in range(3)] == [7, 7, 7]
    one = run._chunk_sizes(7, 100, 1)
    assert [next(one) for _ in range(3)] == [7, 7, 7]


def test_two_processes_on_the_guided_schedule_give_the_same_frames() -> None:
    # 30 articles in chunks of 4, 4, 6, 4, 4, 4, 4: the order and rows must not change
    frame = pd.concat(
        [
            news_frame().assign(article_id=lambda f, i=i: f["article_id"] + f"-{i}")
            for i in range(30 // len(NEWS) + 1)
        ],
        ignore_index=True,
    ).head(30)
    one = analyze_corpus(frame, progress=False)
    two = analyze_corpus(frame, n_jobs=2, progress=False, chunksize=8)
    pd.testing.assert_frame_equal(two.statements, one.statements)
    pd.testing.assert_frame_equal(two.actors, one.actors)
    assert two.articles["article_id"].tolist() == frame["article_id"].tolist()


def test_a_failing_article_is_reported_not_raised(monkeypatch, result):
    real = pipeline.quote_records

    def flaky(article, *args, **kwargs):
        if "Kurti" in article.text:
            raise RuntimeError("parser exploded")
        return real(article, *args, **kwargs)

    monkeypatch.setattr(pipeline, "quote_records", flaky)
    run = analyze_corpus(news_frame(), progress=False)
    assert run.errors[["article_id", "stage", "reason"]].values.tolist() == [
        ["kurti", "analyse", "RuntimeError: parser exploded"]
    ]
    assert "kurti" not in set(run.statements["article_id"])
    assert run.articles["article_id"].tolist() == ["peskov", "vucic", "quiet"]
    same_values(run.statements, result.statements[result.statements["article_id"] != "kurti"])


@pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork",
    reason="a monkeypatch reaches worker processes only when they are forked",
)
def test_a_failing_article_in_a_worker_is_reported(monkeypatch):
    monkeypatch.setattr(pipeline, "quote_records", lambda *a, **k: 1 / 0)
    run = analyze_corpus(news_frame(), n_jobs=2, progress=False, chunksize=1)
    assert len(run.statements) == 0
    assert run.errors["reason"].str.startswith("ZeroDivisionError").all()
    assert run.errors["article_id"].tolist() == list(NEWS)


@pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork",
    reason="a monkeypatch reaches worker processes only when they are forked",
)
def test_a_dying_worker_is_reported_and_the_run_goes_on(monkeypatch):
    real = pipeline.quote_records

    def crash(article, *args, **kwargs):
        if "Kurti" in article.text:
            os._exit(1)  # as a segfault or the out-of-memory killer would
        return real(article, *args, **kwargs)

    monkeypatch.setattr(pipeline, "quote_records", crash)
    run = analyze_corpus(news_frame(), n_jobs=2, progress=False, chunksize=1)
    reasons = dict(zip(run.errors["article_id"], run.errors["reason"]))
    assert "worker process" in reasons["kurti"] and "died" in reasons["kurti"]
    assert len(run.articles) + len(run.errors) == len(NEWS)
    assert set(run.articles["article_id"]).isdisjoint(reasons)


def test_load_errors_flow_into_the_result(tmp_path):
    folder = tmp_path / "news"
    make_folder(folder)
    run = analyze_corpus(folder, progress=False, max_bytes=2000)
    assert run.articles["article_id"].tolist() == ["kurti", "peskov"]
    assert len(run.errors) == 7 and set(run.errors["stage"]) == {"load"}
    with pytest.raises(ValueError, match="n_jobs"):
        analyze_corpus(news_frame(), n_jobs=0, progress=False)


# ---- aggregations ---------------------------------------------------------------------------


def handmade() -> CorpusResult:
    """Statements with known values, independent of the quote rules."""
    rows = [
        # article, outlet, date, speaker, actor, compound, pieces
        ("a1", "RT", "2023-01-02", "Peskov", "Russia", 0.5, [(0, 30)]),
        ("a1", "RT", "2023-01-02", "Vucic", "Serbia", 0.1, [(40, 60)]),
        ("a2", "N1", "2023-01-04", "Kurti", "Kosovo", -0.6, [(0, 50)]),
        ("a2", "N1", "2023-01-04", None, None, 0.0, [(60, 70)]),
        ("a3", "RT", "2023-01-11", "Peskov", "Russia", -0.1, [(5, 25)]),
        ("a3", "RT", "not a date", "Vucic", "Serbia", 0.2, [(30, 40)]),
    ]
    statements = pd.DataFrame(
        rows, columns=["article_id", "outlet", "date", "speaker", "actor", "compound", "pieces"]
    )
    statements["quote_id"] = statements.groupby("article_id").cumcount()
    mentions = pd.DataFrame(
        [
            ("a1", 10, 16, "Kosovo"),
            ("a1", 45, 50, "Kosovo"),
            ("a1", 50, 55, "Serbia"),
            ("a2", 10, 16, "Serbia"),
            ("a2", 20, 26, "Serbia"),
            ("a3", 10, 16, "Peskov"),
            ("a3", 100, 106, "Kosovo"),
        ],
        columns=["article_id", "start", "end", "canonical"],
    )
    return CorpusResult(statements, mentions, pd.DataFrame())


def test_tone_per_actor_outlet_and_speaker():
    res = handmade()
    by_actor = res.by_actor().set_index("actor")
    assert by_actor.loc["Russia", ["n_statements", "n_articles"]].tolist() == [2, 2]
    assert by_actor.loc["Russia", "mean_compound"] == pytest.approx(0.2)
    assert by_actor.loc["Kosovo", "n_negative"] == 1
    assert list(by_actor.index) == ["Russia", "Serbia", "Kosovo"]  # most statements first
    by_outlet = res.by_outlet().set_index("outlet")
    assert by_outlet.loc["RT", "n_statements"] == 4
    assert by_outlet.loc["N1", "mean_compound"] == pytest.approx(-0.3)
    top = res.top_speakers(2)
    assert top["speaker"].tolist() == ["Peskov", "Vucic"]
    assert top["actor"].tolist() == ["Russia", "Serbia"]


def test_tone_per_week_and_day():
    weekly = handmade().by_time("W")
    assert weekly["start"].dt.strftime("%Y-%m-%d").tolist() == ["2023-01-02", "2023-01-09"]
    assert weekly["n_statements"].tolist() == [4, 1]
    assert weekly.attrs["undated"] == 1
    daily = handmade().by_time("D")
    assert daily["n_statements"].tolist() == [2, 2, 1]
    with pytest.raises(ValueError, match="no date column"):
        CorpusResult(pd.DataFrame({"x": [1]}), pd.DataFrame(), pd.DataFrame()).by_time()


def test_who_quotes_whom_network():
    edges = handmade().network()
    quotes = edges[edges["relation"] == "quotes"].set_index(["source", "target"])
    assert quotes.loc[("RT", "Peskov"), "n_statements"] == 2
    assert quotes.loc[("RT", "Peskov"), "n_articles"] == 2
    assert quotes.loc[("N1", "Kurti"), "mean_compound"] == pytest.approx(-0.6)
    assert len(quotes) == 3  # the statement without a speaker makes no edge
    mentions = edges[edges["relation"] == "mentions"].set_index(["source", "target"])
    # Mentions inside the pieces count once per statement; self-mentions are dropped.
    assert mentions["n_statements"].to_dict() == {
        ("Peskov", "Kosovo"): 1,
        ("Vucic", "Kosovo"): 1,
        ("Vucic", "Serbia"): 1,
        ("Kurti", "Serbia"): 1,
    }
    by_article = handmade().network(outlet="article_id")
    assert ("a1", "Peskov") in set(zip(by_article["source"], by_article["target"]))


def test_aggregations_on_a_real_run(result):
    by_outlet = result.by_outlet().set_index("outlet")
    statements = result.statements
    assert by_outlet.loc["RT", "n_statements"] == (statements["outlet"] == "RT").sum()
    edges = result.network()
    assert {"RT", "N1"} <= set(edges.loc[edges["relation"] == "quotes", "source"])
    assert result.by_time("W")["n_statements"].sum() == len(statements)


# ---- streaming ------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_stream_writes_parts_atomically_and_reads_back(tmp_path, monkeypatch, result, fmt):
    if fmt == "parquet":
        pytest.importorskip("pyarrow", reason="Parquet output needs pyarrow")
    written: list[Path] = []
    real = stream.atomic_write

    def spy(path, data):
        written.append(Path(path))
        return real(path, data)

    monkeypatch.setattr(stream, "atomic_write", spy)
    out = tmp_path / "out"
    summary = analyze_corpus(
        news_frame(), output=out, fmt=fmt, progress=False, n_jobs=2, chunksize=1, part_size=2
    )
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert files == sorted(
        [f"statements/part-0000{i}.{fmt}" for i in range(2)]
        + [f"actors/part-0000{i}.{fmt}" for i in range(2)]
        + [f"articles.{fmt}", "errors.csv"]
    )
    assert sorted(p.relative_to(out).as_posix() for p in written) == files
    pd.testing.assert_frame_equal(
        summary.articles.drop(columns="seconds"), result.articles.drop(columns="seconds")
    )
    back = read_output(out)
    cols = ["article_id", *QUOTE_COLUMNS, *SCORE_COLUMNS]
    same_values(back.statements[cols], result.statements[cols])
    same_values(
        back.actors[["article_id", "canonical", "start", "end"]],
        result.actors[["article_id", "canonical", "start", "end"]],
    )
    with pytest.raises(FileExistsError, match="overwrite=True"):
        stream_corpus(news_frame(), out, fmt=fmt, progress=False)
    stream_corpus(news_frame(), out, fmt=fmt, progress=False, overwrite=True)


def test_stream_crash_keeps_complete_parts_only(tmp_path, monkeypatch):
    real = stream.atomic_write
    calls = {"n": 0}

    def failing(path, data):
        calls["n"] += 1
        if calls["n"] == 3:  # the second part's statements
            raise OSError("disk full")
        return real(path, data)

    monkeypatch.setattr(stream, "atomic_write", failing)
    out = tmp_path / "out"
    with pytest.raises(OSError, match="disk full"):
        stream_corpus(news_frame(), out, fmt="csv", progress=False, part_size=2)
    leftovers = sorted(p.name for p in out.rglob("*") if p.is_file())
    assert leftovers == ["part-00000.csv", "part-00000.csv"]  # statements and actors
    first = pd.read_csv(out / "statements" / "part-00000.csv")
    assert set(first["article_id"]) == {"peskov", "kurti"}


def test_stream_reads_a_folder_lazily(tmp_path):
    folder = tmp_path / "news"
    make_folder(folder)
    summary = stream_corpus(folder, tmp_path / "out", fmt="csv", progress=False, max_bytes=2000)
    assert summary.articles["article_id"].tolist() == ["kurti", "peskov"]
    assert len(summary.errors) == 7
    assert len(pd.read_csv(tmp_path / "out" / "errors.csv")) == 7


# ---- Dask -----------------------------------------------------------------------------------


def test_dask_on_a_local_cluster_equals_analyze_corpus(result):
    dd = pytest.importorskip("dask.dataframe", reason="needs the scale extra: dask[dataframe]")
    distributed = pytest.importorskip("dask.distributed", reason="needs the scale extra")
    frame = news_frame()
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        lazy = analyze_dask(dd.from_pandas(frame, npartitions=2))
        assert list(lazy.columns) == list(result.statements.columns)
        got = lazy.compute()
    assert lazy.dtypes.to_dict() == result.statements.dtypes.to_dict()
    keys = ["article_id", "quote_id"]
    pd.testing.assert_frame_equal(
        got.sort_values(keys).reset_index(drop=True),
        result.statements.sort_values(keys).reset_index(drop=True),
    )


def test_dask_refuses_what_is_not_a_dask_frame():
    pytest.importorskip("dask.dataframe", reason="needs the scale extra: dask[dataframe]")
    with pytest.raises(TypeError, match="dask DataFrame"):
        analyze_dask(news_frame())


# ---- real data ------------------------------------------------------------------------------


@pytest.mark.shared
def test_polnear_sample_runs_clean():
    root = shared_path("polnear")
    from kosovo_kit.brat import load_polnear

    docs = load_polnear("dev", root=root, check=False, limit=12)
    frame = pd.DataFrame(
        {
            "article_id": [d.article_id for d in docs],
            "text": [d.text for d in docs],
            "outlet": [d.metadata.get("publisher") for d in docs],
            "date": [d.metadata.get("publication_date") for d in docs],
        }
    )
    run = analyze_corpus(frame, n_jobs=2, progress=False)
    assert len(run.errors) == 0
    assert run.articles["article_id"].tolist() == frame["article_id"].tolist()
    assert run.articles["n_statements"].sum() == len(run.statements) > 0
    assert run.by_time("W")["n_statements"].sum() == len(run.statements)


# ---- the caller's gazetteer ------------------------------------------------------------------

LOCAL = pd.DataFrame(
    {
        "article_id": ["berg", "kolar"],
        "text": [
            "Council vote\n\nMayor Tomas Berg said the vote was a serious setback.\n",
            "Libraries\n\n“Every library would close,” opposition leader Mira Kolar said.\n",
        ],
    }
)
LOCAL_GAZETTEER = pd.DataFrame(
    {
        "alias": ["Tomas Berg", "Berg", "Mira Kolar"],
        "canonical": ["Tomas Berg", "Tomas Berg", "Mira Kolar"],
        "actor": ["City council", "City council", "Opposition"],
        "type": ["person", "person", "person"],
    }
)


@pytest.mark.parametrize("n_jobs", [None, 2])
def test_a_gazetteer_of_your_own_reaches_every_worker(n_jobs):
    plain = analyze_corpus(LOCAL, progress=False, n_jobs=n_jobs, chunksize=1)
    assert plain.statements["actor"].isna().all()
    assert len(plain.actors) == 0
    run = analyze_corpus(
        LOCAL, progress=False, n_jobs=n_jobs, chunksize=1, gazetteer=LOCAL_GAZETTEER
    )
    assert run.statements[["speaker", "actor"]].values.tolist() == [
        ["Tomas Berg", "City council"],
        ["Mira Kolar", "Opposition"],
    ]
    assert set(run.actors["canonical"]) == {"Tomas Berg", "Mira Kolar"}
    for article_id, text in zip(LOCAL["article_id"], LOCAL["text"]):
        got = run.statements[run.statements["article_id"] == article_id]
        want = add_sentiment(attribute_quotes(text, gazetteer=LOCAL_GAZETTEER))
        same_values(got[[*QUOTE_COLUMNS, *SCORE_COLUMNS]], want)
    one = kc.analyze_text("berg", LOCAL["text"][0], gazetteer=LOCAL_GAZETTEER)
    same_values(one["statements"], run.statements.iloc[:1])


def test_a_gazetteer_of_your_own_in_streams_and_dask(tmp_path):
    summary = stream_corpus(
        LOCAL, tmp_path / "out", fmt="csv", progress=False, gazetteer=LOCAL_GAZETTEER
    )
    assert summary.load().statements["actor"].tolist() == ["City council", "Opposition"]
    dd = pytest.importorskip("dask.dataframe", reason="needs the scale extra: dask[dataframe]")
    lazy = analyze_dask(dd.from_pandas(LOCAL, npartitions=2), gazetteer=LOCAL_GAZETTEER)
    got = lazy.compute(scheduler="synchronous")
    assert got["actor"].tolist() == ["City council", "Opposition"]


def test_a_bad_gazetteer_fails_before_any_article_runs(tmp_path):
    bad = tmp_path / "names.csv"
    bad.write_text("alias,canonical\nTomas Berg\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"names\.csv, line 2"):
        analyze_corpus(LOCAL, progress=False, gazetteer=bad)
