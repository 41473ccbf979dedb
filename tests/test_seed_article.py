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
