"""The cyclic collector is paused inside the kit's calls and always resumed."""

from __future__ import annotations

import gc
import threading

import pytest

from kosovo_kit.attribution import attribute_quotes
from kosovo_kit.gc_pause import collector_paused, gc_paused
from kosovo_kit.text import Article


@gc_paused
def _state() -> bool:
    return gc.isenabled()


@gc_paused
def _fails() -> None:
    raise ValueError("inside")


def test_paused_inside_and_resumed_after():
    assert gc.isenabled()
    assert _state() is False
    assert gc.isenabled()


def test_resumed_after_an_error():
    with pytest.raises(ValueError, match="inside"):
        _fails()
    assert gc.isenabled()


def test_a_collector_the_caller_disabled_stays_disabled():
    gc.disable()
    try:
        assert _state() is False
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_kit_calls_leave_the_collector_on():
    article = Article.from_text("Talks\n\n“We agree,” the minister said. He left.")
    assert len(article.tokens) > 0 and gc.isenabled()
    assert len(attribute_quotes(article)) == 1 and gc.isenabled()


def test_off_the_main_thread_the_collector_is_never_touched(monkeypatch):
    calls = []
    monkeypatch.setattr(gc, "disable", lambda: calls.append("disable"))
    monkeypatch.setattr(gc, "enable", lambda: calls.append("enable"))
    seen = []
    worker = threading.Thread(target=lambda: seen.append(_state()))
    worker.start()
    worker.join()
    assert seen == [True] and calls == []


def test_a_batch_is_paused_as_one_and_resumed_after():
    states = []
    with collector_paused():
        states.append(gc.isenabled())
        states.append(_state())  # nested: left as it is
        states.append(gc.isenabled())
    assert states == [False, False, False]
    assert gc.isenabled()
