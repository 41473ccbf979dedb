"""One per-article pipeline: an article alone and in a corpus gives the same tables."""

from __future__ import annotations

import pandas as pd
import pytest
from support import shared_path

from kosovo_kit.aggregate import tone_by_actor
from kosovo_kit.attribution import attribute_quotes
from kosovo_kit.brat import polnear_frame
from kosovo_kit.corpus import analyze_corpus, analyze_text, load_corpus
from kosovo_kit.pipeline import STATEMENT_DTYPES, analyse_records
from kosovo_kit.render import analyse
from kosovo_kit.stance import actor_summary, add_sentiment, stance_table
from kosovo_kit.text import Article, load_article

NEWS = pd.DataFrame(
    {
        "article_id": ["peskov", "kurti"],
        "text": [
            "Kremlin backs Serbia\n\nKremlin spokesman Dmitry Peskov said on Wednesday that Moscow "
            "supports Belgrade. “We support Belgrade,” Peskov said. “It is a bad sign,” an aide "
            "said.\n",
            "Pristina protests\n\nKosovo Prime Minister Albin Kurti said: "
            "“Serbia is the aggressor.” “Good talks,” a diplomat said.\n",
        ],
    }
)


def one_article(frame: pd.DataFrame, article_id: str, columns: list[str]) -> pd.DataFrame:
    return frame.loc[frame["article_id"] == article_id, columns].reset_index(drop=True)


@pytest.fixture(scope="module")
def dev() -> pd.DataFrame:
    return polnear_frame("dev", root=shared_path("polnear"))


@pytest.mark.shared
@pytest.mark.parametrize("n_jobs", [1, 2])
def test_polnear_dev_alone_and_in_a_corpus_gives_identical_tables(dev, n_jobs):
    run = analyze_corpus(dev, n_jobs=n_jobs, progress=False)
    assert len(run.errors) == 0
    statement_columns = list(STATEMENT_DTYPES)
    actor_columns = [c for c in run.actors.columns if c != "article_id"]
    alone = []
    for article_id, text in zip(dev["article_id"], dev["text"]):
        tables = analyse_records(Article.from_text(text)).tables()
        alone.append(tables.statements.assign(article_id=article_id))
        got = one_article(run.statements, article_id, statement_columns)
        pd.testing.assert_frame_equal(got, tables.statements)
        pd.testing.assert_frame_equal(
            one_article(run.actors, article_id, actor_columns), tables.actors
        )
        pd.testing.assert_frame_equal(actor_summary(got), tables.tone)
    # tone per actor over the corpus: the same table from the stacked single articles
    pd.testing.assert_frame_equal(
        run.by_actor(), tone_by_actor(pd.concat(alone, ignore_index=True))
    )


def test_analyse_stance_and_analyze_text_run_the_pipeline():
    article = load_article()
    tables = analyse_records(article).tables()
    analysis = analyse(article)
    pd.testing.assert_frame_equal(analysis.quotes, tables.statements)
    pd.testing.assert_frame_equal(analysis.actors, tables.actors)
    pd.testing.assert_frame_equal(analysis.quotes, add_sentiment(attribute_quotes(article)))
    pd.testing.assert_frame_equal(stance_table(article), stance_table(load_article()))
    one = analyze_text("a", article.text, {"title": article.title})
    pd.testing.assert_frame_equal(
        one["statements"].drop(columns=["article_id", "title"]), tables.statements
    )


def test_tone_per_actor_is_the_same_table_alone_and_in_a_corpus():
    # speakers without an actor count under their name in both modes
    run = analyze_corpus(NEWS, progress=False)
    assert run.statements["actor"].isna().any()
    summary = actor_summary(run.statements)
    by_actor = run.by_actor()
    assert set(by_actor["actor"]) == set(summary["actor"])
    merged = by_actor.merge(summary, on="actor", suffixes=("", "_alone"))
    assert (merged["n_statements"] == merged["n_statements_alone"]).all()
    assert merged["mean_compound"].tolist() == pytest.approx(merged["mean_compound_alone"])
    pd.testing.assert_frame_equal(run.actor_summary(), summary)
    # one article alone: the tone table of the pipeline is the corpus's for that article
    text = NEWS["text"][0]
    alone = analyse_records(Article.from_text(text)).tables().tone
    got = run.statements[run.statements["article_id"] == "peskov"]
    pd.testing.assert_frame_equal(actor_summary(got.reset_index(drop=True)), alone)


@pytest.mark.parametrize("n_jobs", [None, 2])
def test_corpus_mode_takes_the_lexicon_option(n_jobs):
    lexicon = {"aggressor": 3.0, "bad": 3.0}
    run = analyze_corpus(NEWS, progress=False, n_jobs=n_jobs, chunksize=1, lexicon=lexicon)
    plain = analyze_corpus(NEWS, progress=False, n_jobs=n_jobs, chunksize=1)
    assert run.statements["compound"].tolist() != plain.statements["compound"].tolist()
    for article_id, text in zip(NEWS["article_id"], NEWS["text"]):
        want = analyse_records(Article.from_text(text), lexicon=lexicon).tables().statements
        got = one_article(run.statements, article_id, list(STATEMENT_DTYPES))
        pd.testing.assert_frame_equal(got, want)
    one = analyze_text("kurti", NEWS["text"][1], lexicon=lexicon)
    kurti = run.statements[run.statements["article_id"] == "kurti"].reset_index(drop=True)
    pd.testing.assert_frame_equal(one["statements"], kurti)
    pd.testing.assert_frame_equal(
        analyse(NEWS["text"][1], lexicon=lexicon).quotes,
        one["statements"].drop(columns="article_id"),
    )


def test_a_bad_lexicon_fails_before_any_article_runs():
    with pytest.raises(ValueError, match="lexicon"):
        analyze_corpus(NEWS, progress=False, lexicon="no-such-lexicon")


def test_a_sidecar_with_a_byte_order_mark_loads_alone_and_in_a_corpus(tmp_path):
    (tmp_path / "story.txt").write_text(NEWS["text"][0], encoding="utf-8")
    (tmp_path / "story.json").write_text(
        '{"outlet": "RT", "date": "2023-01-02"}', encoding="utf-8-sig"
    )
    article = load_article(tmp_path / "story.txt")
    corpus = load_corpus(tmp_path)
    assert article.metadata["outlet"] == "RT" and article.metadata["date"] == "2023-01-02"
    assert corpus.documents[["outlet", "date"]].values.tolist() == [["RT", "2023-01-02"]]
    (tmp_path / "story.json").write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(ValueError, match=r"story\.json is not a JSON object"):
        load_article(tmp_path / "story.txt")
    assert "story.json is not a JSON object" in load_corpus(tmp_path).errors["reason"][0]
