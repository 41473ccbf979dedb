"""Pause Python's cyclic garbage collector while the kit builds many small objects.

The kit's results are trees of tuples, lists and dicts with no reference cycles, so
reference counting frees them and the cyclic collector has nothing to find. It still
runs after every few hundred allocations, and each older-generation pass walks every
live object: on a large article (hundreds of thousands of tokens alive) that walking
took a sixth of the analysis. The collector is paused only inside the kit's own
calls and resumed on the way out, also on errors.

The switch is global to the process, so only the main thread pauses it: a thread
(a Dask worker's, a web server's) that resumed it would do so in the middle of
another thread's pause, and one that paused it would stop collection for all. Off
the main thread the kit runs with the collector as it finds it.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic collector for the ``with`` block, in the main thread only.

    A nested pause, or one in another thread, leaves the collector as it is.
    """
    if threading.current_thread() is not threading.main_thread() or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def gc_paused(func: Callable[P, R]) -> Callable[P, R]:
    """Run ``func`` with the cyclic collector paused (see :func:`collector_paused`)."""

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with collector_paused():
            return func(*args, **kwargs)

    return wrapper
