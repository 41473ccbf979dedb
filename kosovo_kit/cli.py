"""The ``kosovo-kit`` command line."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from . import __version__


def _load(path: str | None):
    from .text import load_article

    return load_article(path)


def _cmd_info(args: argparse.Namespace) -> int:
    article = _load(args.path)
    s = article.summary()
    print(f"title:      {s['title']}")
    for key in ("date", "language", "path", "name"):
        if key in article.metadata:
            print(f"{key + ':':<12}{article.metadata[key]}")
    print(f"characters: {s['characters']}")
    kinds = ", ".join(
        f"{s[k + '_paragraphs']} {k}" for k in ("title", "heading", "body", "boilerplate")
    )
    print(f"paragraphs: {s['paragraphs']} ({kinds})")
    print(f"sentences:  {s['sentences']}")
    print(f"tokens:     {s['tokens']} ({s['words']} words)")
    if args.verbose:
        for p in article.paragraph_spans:
            text = article.text[p.start : p.end]
            more = "…" if len(text) > 70 else ""
            print(f"  [{p.paragraph_id:>2}] {p.kind:<11} {text[:70]}{more}")
    return 0


def _cmd_quotes(args: argparse.Namespace) -> int:
    from .attribution import attribute_quotes
    from .export import atomic_write, table_to_bytes

    article = _load(args.path)
    table = attribute_quotes(article)
    if args.format == "table":
        cols = ["quote_id", "kind", "speaker", "actor", "cue", "rule", "text"]
        import pandas as pd

        if table.empty:
            out = "no statements found\n"
        else:
            # an unknown speaker or side is shown as a blank, not as pandas' <NA>
            shown = table[cols].astype(object).where(table[cols].notna(), "")
            with pd.option_context("display.max_colwidth", 60, "display.width", 200):
                out = shown.to_string(index=False) + "\n"
        data = out.encode("utf-8")
    else:
        data = table_to_bytes(table, args.format)
    if args.output:
        atomic_write(args.output, data)
        print(f"wrote {len(table)} attributions to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(data.decode("utf-8"))
        if not data.endswith(b"\n"):
            sys.stdout.write("\n")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser (exposed for documentation and tests)."""
    parser = argparse.ArgumentParser(
        prog="kosovo-kit",
        description="Tokenising, quote attribution and sentiment scoring of news text.",
    )
    parser.add_argument("--version", action="version", version=f"kosovo_kit {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    info = sub.add_parser("info", help="print an article's structure")
    info.add_argument("path", nargs="?", help="a UTF-8 .txt file (default: the bundled article)")
    info.add_argument("-v", "--verbose", action="store_true", help="list every paragraph")
    info.set_defaults(func=_cmd_info)

    quotes = sub.add_parser("quotes", help="who said what: the attribution table")
    quotes.add_argument("path", nargs="?", help="a UTF-8 .txt file (default: the bundled article)")
    quotes.add_argument("--format", choices=("table", "csv", "json"), default="table")
    quotes.add_argument("--output", "-o", help="write to this file (atomically) instead of stdout")
    quotes.set_defaults(func=_cmd_quotes)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (FileNotFoundError, ValueError, TypeError, ImportError) as err:
        print(f"kosovo-kit: error: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # the reader went away ("kosovo-kit quotes | head"): stop quietly; stdout is pointed
        # at the null device so the interpreter's final flush cannot fail again
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
