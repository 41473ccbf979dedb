"""Pause Python's cyclic garbage collector while the kit builds many small objects.

The kit's results are trees of tuples, lists and dicts with no reference cycles, so
reference counting frees them and the cyclic collector has nothing to find. It still
runs after every few hundred allocations, and each older-generation pass walks every
live object: on a large article (hundreds of thousands of tokens alive) that walking
took a sixth of the analysis. The collector is paused only inside the kit's own
calls and resumed on the way out, also on errors.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def gc_paused(func: Callable[P, R]) -> Callable[P, R]:
    """Run ``func`` with the cyclic collector paused; a nested call leaves it as it is."""

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        if not gc.isenabled():
            return func(*args, **kwargs)
        gc.disable()
        try:
            return func(*args, **kwargs)
        finally:
            gc.enable()

    return wrapper
