"""The bundled article ships byte for byte, and the kit reads its structure as a reader does."""

from __future__ import annotations

import hashlib

from support import ROOT

ARTICLE = ROOT / "data" / "articles" / "kosovo-russia-serbia-2022-12-28.txt"
SHA256 = "5cfda00a4b43cc89204457d31f8c898240907100340d95a0b7476f48da02d209"


def test_bundled_article_is_the_published_text():
    data = ARTICLE.read_bytes()
    assert hashlib.sha256(data).hexdigest() == SHA256
    assert len(data) == 2550


def test_load_article_reads_the_bundled_file(seed_article):
    assert seed_article.text == ARTICLE.read_text(encoding="utf-8")
    assert seed_article.title == "Tensions in Kosovo: Russia supports Serbia"


# What a reader sees, paragraph by paragraph: a plain copy of the headline, the headline
# (as the metadata gives it), the lead, three paragraphs of Russian statements, one of
# Serbian context, a "SEE ALSO" link, the German section's heading and five more paragraphs.
PARAGRAPH_KINDS = [
    "boilerplate",
    "title",
    "body",
    "body",
    "body",
    "body",
    "boilerplate",
    "heading",
    "body",
    "body",
    "body",
    "body",
    "body",
]

# Every sentence, in order, as a reader splits the article.
SENTENCES = [
    "Tensions in Kosovo Russia supports Serbia",
    "Tensions in Kosovo: Russia supports Serbia",
    "Russia is “supporting” Serbia in its actions aimed at ending tensions in Kosovo, where "
    "shootings and explosions have taken place and where roadblocks have been set up, the "
    "Kremlin said on Wednesday (December 28).",
    "“We have very close allied, historical and spiritual ties with Serbia,” Kremlin "
    "spokesman Dmitry Peskov told reporters, adding that Russia “follows very closely what is "
    "happening (in Kosovo, ed.) and how the rights of Serbs ( y) be guaranteed”.",
    "“And of course we support Belgrade in its actions,” he stressed.",
    "According to Dmitry Peskov, “It goes without saying that Serbia defends the rights of "
    "Serbs living nearby in such difficult conditions and that it reacts harshly when their "
    "rights are violated”.",
    "The statement comes as General Milan Mojsilovic, head of Serbia’s armies, was dispatched "
    "to the border with Kosovo by President Aleksandar Vucic on Sunday night and Serbian "
    "Defense Minister Milos Vucevic announced that the country’s army was on heightened alert "
    "Monday night following recent tensions be Kosovo.",
    "SEE ALSO – Tensions between Serbia and Kosovo: Serbian army on high alert",
    "Germany condemns Serbia’s policies",
    "The increase in the Serbian military presence on the border with Kosovo, which is plagued "
    "by tension, is a “very bad signal”, the federal government estimated on Wednesday and "
    "denounced the “nationalist rhetoric” of Belgrade.",
    "“We are very concerned about these tensions in northern Kosovo, the illegal barricades "
    "erected by the Kosovo Serbs must be dismantled as soon as possible,” said Foreign Office "
    "spokesman Christofer Burger at a regular press conference.",
    "Serbia does not recognize the 2008 proclaimed independence of its former southern "
    "province, which is predominantly populated by Albanians.",
    "It encourages the 120,000 Serbs in Kosovo to challenge local authorities, while Pristina "
    "seeks to establish its sovereignty over the entire territory.",
    "Several hundred Kosovo Serbs have set up roadblocks in northern Kosovo since December 10 "
    "to protest the arrest of a former Serbian police officer, which has paralyzed traffic at "
    "two border crossings with Serbia.",
    "In early November, hundreds of Serb police officers integrated into Kosovo’s police "
    "force, as well as judges, prosecutors and other officials, left their posts en masse in "
    "protest at a decision the Pristina government has now suspended to ban the life of Serbs "
    "in Kosovo to use number plates issued by Serbia.",
]


def test_paragraph_kinds(seed_article):
    paragraphs = seed_article.paragraphs
    assert paragraphs["kind"].tolist() == PARAGRAPH_KINDS
    text = seed_article.text
    for row in paragraphs.itertuples():
        assert text[row.start : row.end] == row.text
    # paragraphs are the blank-line separated blocks, nothing lost between them
    assert paragraphs["text"].tolist() == text.split("\n\n")


def test_the_headline_with_the_colon_is_the_title(seed_article):
    titles = seed_article.paragraphs.query("kind == 'title'")["text"].tolist()
    assert titles == [seed_article.title] == ["Tensions in Kosovo: Russia supports Serbia"]


def test_sentence_segmentation(seed_article):
    sentences = seed_article.sentences
    assert sentences["text"].tolist() == SENTENCES
    text = seed_article.text
    position = 0
    for row in sentences.itertuples():
        assert text[row.start : row.end] == row.text
        assert text.index(row.text, position) == row.start  # in order, at the right place
        position = row.end
    assert sentences["paragraph_id"].tolist() == [0, 1, 2, 3, 3, 4, 5, 6, 7, 8, 9, 10, 10, 11, 12]


def test_every_token_points_into_the_text(seed_article):
    tokens = seed_article.tokens
    text = seed_article.text
    assert all(text[s:e] == t for s, e, t in zip(tokens["start"], tokens["end"], tokens["text"]))
    words = tokens.loc[tokens["kind"] == "word", "text"].tolist()
    # "(in Kosovo, ed.)": the editor's abbreviation is one word and ends no sentence
    assert "ed." in words


def test_hand_gold_holds_the_nine_statements(seed_article):
    import kosovo_kit as kk

    gold = kk.load_gold()
    assert len(gold) == 9
    assert gold["kind"].value_counts().to_dict() == {"direct": 4, "mixed": 4, "indirect": 1}
    assert set(gold["actor"]) == {"Russia", "Serbia", "Germany"}
    text = seed_article.text
    for row in gold.itertuples():
        assert text[row.start : row.end] == row.content_text


def test_attribution_matches_the_hand_gold_exactly(seed_article):
    import kosovo_kit as kk

    quotes = kk.attribute_quotes(seed_article)
    gold = kk.load_gold()
    got = sorted(
        zip(
            quotes["start"],
            quotes["end"],
            quotes["kind"],
            quotes["speaker"],
            quotes["actor"],
            quotes["cue_start"],
            quotes["cue_end"],
        )
    )
    want = sorted(
        zip(
            gold["start"],
            gold["end"],
            gold["kind"],
            gold["speaker"],
            gold["actor"],
            gold["cue_start"],
            gold["cue_end"],
        )
    )
    assert got == want
    # the speaker mention the kit points at is the one the annotator marked
    by_span = {(r.start, r.end, r.cue_start): r for r in gold.itertuples()}
    for row in quotes.itertuples():
        marked = by_span[(row.start, row.end, row.cue_start)]
        assert (row.speaker_start, row.speaker_end) == (marked.source_start, marked.source_end)
    scores = kk.evaluate(quotes, gold, text=seed_article.text)
    assert scores["all"]["wsw_f1"] == 1.0 and scores["quoted"]["n_gold"] == 8
