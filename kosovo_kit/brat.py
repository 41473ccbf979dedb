"""Read and write quote attributions in BRAT standoff format.

The layout follows the PolNeAR corpus: ``T`` lines hold text-bound annotations (``Source``,
``Cue``, ``Content`` and the ``Attribution`` trigger) and each ``E`` line ties them together
into one attribution, e.g. ``E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from .export import atomic_write
from .resources import data_path

__all__ = [
    "BRAT_COLUMNS",
    "PolnearArticle",
    "default_polnear_root",
    "iter_polnear",
    "load_gold",
    "load_polnear",
    "parse_brat",
    "polnear_frame",
    "read_brat",
    "write_brat",
]

Span = tuple[int, int]

BRAT_COLUMNS = [
    "attribution_id",
    "label",
    "start",
    "end",
    "source_start",
    "source_end",
    "cue_start",
    "cue_end",
    "source_spans",
    "cue_spans",
    "content_spans",
    "source_text",
    "cue_text",
    "content_text",
    "kind",
    "actor",
    "speaker",
]
#: Event attributes read into columns (``A1<TAB>Kind E1 direct``); values have no spaces.
ATTRIBUTES = {"Kind": "kind", "Actor": "actor"}

# Event arguments we keep; BRAT numbers repeated roles (Content2), so digits are stripped.
_ROLES = ("Source", "Cue", "Content")
_ID_LINE = re.compile(r"^[A-Z#*]\d*\t")
_OFFSET_PIECE = re.compile(r"^(\d+) (\d+)$")
_ENV_ROOT = "KOSOVO_KIT_POLNEAR"


@dataclass
class _TextBound:
    label: str
    spans: list[Span]
    text: str
    line: int


def _fail(name: str, line: int, reason: str) -> ValueError:
    return ValueError(f"{name}, line {line}: {reason}")


def _parse_offsets(field: str, name: str, line: int) -> list[Span]:
    spans: list[Span] = []
    for piece in field.split(";"):
        match = _OFFSET_PIECE.match(piece.strip())
        if match is None:
            raise _fail(name, line, f"bad offsets {field!r} (expected 'start end[;start end...]')")
        start, end = int(match.group(1)), int(match.group(2))
        if start > end:
            raise _fail(name, line, f"bad offsets {field!r}: start {start} is after end {end}")
        spans.append((start, end))
    return spans


def _check_span_text(tb: _TextBound, tid: str, text: str, name: str) -> None:
    last = max(end for _, end in tb.spans)
    if last > len(text):
        raise _fail(
            name, tb.line, f"{tid} offset {last} is beyond the end of the text ({len(text)})"
        )
    expected = " ".join(text[s:e] for s, e in tb.spans)
    if expected != tb.text:
        raise _fail(
            name,
            tb.line,
            f"{tid} text {tb.text[:60]!r} does not match the document text "
            f"{expected[:60]!r} at {tb.spans}",
        )


def _join(tbs: list[_TextBound]) -> Any:
    return " ".join(tb.text for tb in tbs) if tbs else pd.NA


def parse_brat(content: str, text: str | None = None, name: str = "<string>") -> pd.DataFrame:
    """Parse BRAT standoff annotations given as a string.

    Parameters
    ----------
    content : str
        Contents of an ``.ann`` file.
    text : str, optional
        The annotated document; when given every span text is checked against it.
    name : str
        File name used in error messages.

    Returns
    -------
    pandas.DataFrame
        One row per ``E`` event, see :func:`read_brat`.
    """
    lines = content.split("\n")
    bounds: dict[str, _TextBound] = {}
    events: list[tuple[str, str, list[tuple[str, str]], int]] = []
    attributes: dict[str, dict[str, str]] = {}
    notes: dict[str, str] = {}
    i = 0
    while i < len(lines):
        lineno, line = i + 1, lines[i].rstrip("\r")
        i += 1
        if not line.strip():
            continue
        if line[0] == "T":
            parts = line.split("\t", 2)
            if len(parts) != 3 or " " not in parts[1]:
                raise _fail(
                    name, lineno, "malformed T line (expected 'Tn<TAB>Label offsets<TAB>text')"
                )
            tid, (label, offsets), span_text = parts[0], parts[1].split(" ", 1), parts[2]
            spans = _parse_offsets(offsets, name, lineno)
            # A span that crosses a line break keeps the break in its text field, so the text
            # continues on the following physical lines until it is as long as the offsets say.
            expected_len = sum(e - s for s, e in spans) + len(spans) - 1
            while len(span_text) < expected_len and i < len(lines) and not _ID_LINE.match(lines[i]):
                span_text += "\n" + lines[i].rstrip("\r")
                i += 1
            if tid in bounds:
                raise _fail(name, lineno, f"duplicate annotation id {tid}")
            bounds[tid] = _TextBound(label, spans, span_text, lineno)
            if text is not None:
                _check_span_text(bounds[tid], tid, text, name)
        elif line[0] == "E":
            parts = line.split("\t")
            if len(parts) < 2 or not parts[1].strip():
                raise _fail(
                    name, lineno, "malformed E line (expected 'En<TAB>Type:Tn Role:Tm ...')"
                )
            args: list[tuple[str, str]] = []
            for arg in parts[1].split():
                role, sep, ref = arg.partition(":")
                if not sep or not role or not ref:
                    raise _fail(
                        name, lineno, f"malformed event argument {arg!r} (expected Role:Tn)"
                    )
                args.append((role, ref))
            if any(parts[0] == known[0] for known in events):
                raise _fail(name, lineno, f"duplicate annotation id {parts[0]}")
            events.append((parts[0], args[0][0], args, lineno))
        elif line[0] in "AM":
            # an attribute: "A1<TAB>Kind E1 direct" (the kind and the side of a statement)
            fields = line.split("\t")[1].split() if "\t" in line else []
            if len(fields) == 3 and fields[0] in ATTRIBUTES:
                attributes.setdefault(fields[1], {})[ATTRIBUTES[fields[0]]] = fields[2]
        elif line[0] == "#":
            # a note on a Source span names the speaker as the gazetteer does:
            # "#1<TAB>AnnotatorNotes T1<TAB>Dmitry Peskov"
            parts = line.split("\t", 2)
            head = parts[1].split() if len(parts) == 3 else []
            if len(head) == 2 and head[0] == "AnnotatorNotes":
                notes[head[1]] = parts[2].strip()
        elif line[0] in "RN*":
            # Relations and normalisations carry nothing we score.
            continue
        else:
            raise _fail(name, lineno, f"unrecognised line {line[:40]!r}")

    rows = []
    for eid, label, args, lineno in events:
        found: dict[str, list[_TextBound]] = {role: [] for role in _ROLES}
        for role, ref in args:
            if ref not in bounds:
                raise _fail(name, lineno, f"{eid} refers to unknown annotation {ref}")
            base = role.rstrip("0123456789")
            if base in found:
                found[base].append(bounds[ref])
        by_role = {role: [s for tb in found[role] for s in tb.spans] for role in _ROLES}
        sources = [ref for role, ref in args if role.rstrip("0123456789") == "Source"]
        speaker = next((notes[ref] for ref in sources if ref in notes), pd.NA)
        event_attributes = attributes.get(eid, {})
        rows.append(
            {
                "attribution_id": eid,
                "label": label,
                "start": min((s for s, _ in by_role["Content"]), default=pd.NA),
                "end": max((e for _, e in by_role["Content"]), default=pd.NA),
                "source_start": min((s for s, _ in by_role["Source"]), default=pd.NA),
                "source_end": max((e for _, e in by_role["Source"]), default=pd.NA),
                "cue_start": min((s for s, _ in by_role["Cue"]), default=pd.NA),
                "cue_end": max((e for _, e in by_role["Cue"]), default=pd.NA),
                "source_spans": by_role["Source"],
                "cue_spans": by_role["Cue"],
                "content_spans": by_role["Content"],
                "source_text": _join(found["Source"]),
                "cue_text": _join(found["Cue"]),
                "content_text": _join(found["Content"]),
                "kind": event_attributes.get("kind", pd.NA),
                "actor": event_attributes.get("actor", pd.NA),
                "speaker": speaker,
            }
        )
    frame = pd.DataFrame(rows, columns=BRAT_COLUMNS)
    for col in ("start", "end", "source_start", "source_end", "cue_start", "cue_end"):
        frame[col] = frame[col].astype("Int64")
    for col in ("source_text", "cue_text", "content_text", "kind", "actor", "speaker"):
        frame[col] = frame[col].astype("string")
    return frame


def load_gold(name: str | None = None) -> pd.DataFrame:
    """The hand annotation of a bundled article, as :func:`read_brat` reads it.

    Parameters
    ----------
    name : str, optional
        A bundled article's name (see :func:`kosovo_kit.bundled_articles`); by default the
        article :func:`kosovo_kit.load_article` returns without an argument.

    Returns
    -------
    pandas.DataFrame
        One row per statement of ``data/annotations/NAME.ann``, every span checked against
        the article text, with ``kind``, ``actor`` and ``speaker``.

    Raises
    ------
    FileNotFoundError
        If the article has no annotation file.
    """
    from .text import load_article

    article = load_article(name)
    stem = article.metadata.get("name", name)
    path = data_path("annotations", f"{stem}.ann")
    if not path.is_file():
        raise FileNotFoundError(f"{path}: the bundled article {stem!r} has no hand annotation")
    return read_brat(path, text=article.text)


def read_brat(ann_path: str | os.PathLike[str], text: str | None = None) -> pd.DataFrame:
    """Read the attributions of a BRAT ``.ann`` file.

    Parameters
    ----------
    ann_path : str or path-like
        The ``.ann`` file.
    text : str, optional
        The annotated document; when given every span text is checked against it.

    Returns
    -------
    pandas.DataFrame
        One row per ``E`` event with ``attribution_id``, ``label``, the span lists
        ``source_spans``/``cue_spans``/``content_spans`` (lists of ``(start, end)``), their
        texts, ``start``/``end`` (extent of the content) and ``source_start``/``source_end``/
        ``cue_start``/``cue_end`` (NA when absent); ``kind`` and ``actor`` from the event's
        ``Kind`` and ``Actor`` attributes (``A1<TAB>Kind E1 direct``) and ``speaker`` from an
        ``AnnotatorNotes`` note on its Source span (the canonical name), NA when absent.

    Raises
    ------
    ValueError
        On a malformed line or a span whose text does not match ``text``; the message names
        the file and line.
    """
    path = Path(ann_path)
    content = _read_exact(path)
    return parse_brat(content, text=text, name=str(path))


def _read_exact(path: Path) -> str:
    # newline="" keeps \r\n intact so character offsets stay valid.
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def _text_cell(row: Any, column: str) -> str:
    value = row[column] if column in row.index else None
    return "" if value is None or pd.isna(value) else " ".join(str(value).split())


def _cell(value: Any) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def _row_spans(row: Any, spans_col: str, start_col: str, end_col: str) -> list[Span]:
    if spans_col in row.index:
        return [(int(s), int(e)) for s, e in row[spans_col]]
    if start_col not in row.index:
        return []
    start, end = _cell(row[start_col]), _cell(row[end_col])
    return [] if start is None or end is None else [(start, end)]


def _split_lines(spans: list[Span], text: str) -> list[Span]:
    # BRAT itself never lets a fragment cross a line break; splitting keeps each
    # annotation on one line of the .ann file.
    out: list[Span] = []
    for start, end in spans:
        pos = start
        for piece in text[start:end].split("\n"):
            lead = len(piece) - len(piece.lstrip())
            stripped = piece.strip()
            if stripped:
                out.append((pos + lead, pos + lead + len(stripped)))
            pos += len(piece) + 1
    return out


def write_brat(attributions_df: pd.DataFrame, path: str | os.PathLike[str], text: str) -> None:
    """Write attributions as a BRAT ``.ann`` file, atomically.

    Parameters
    ----------
    attributions_df : pandas.DataFrame
        A who-said-what table with ``start``, ``end`` and optionally ``speaker_start``,
        ``speaker_end``, ``cue_start``, ``cue_end`` (NA when absent), or a table from
        :func:`read_brat` (its span lists are used, keeping discontinuous spans). Its
        ``kind``, ``actor`` and ``speaker`` columns, when present, are written as the
        ``Kind`` and ``Actor`` attributes and a note on the Source span.
    path : str or path-like
        Destination ``.ann`` file; it is replaced in one step so readers never see half a file.
    text : str
        The document the offsets refer to.

    Raises
    ------
    ValueError
        When a column is missing or an offset lies outside ``text``.
    """
    brat_table = "content_spans" in attributions_df.columns
    if not brat_table:
        missing = [c for c in ("start", "end") if c not in attributions_df.columns]
        if missing:
            raise ValueError(f"write_brat: attribution table lacks column(s) {missing}")
    lines: list[str] = []
    tid = n_attr = n_note = 0

    def add_t(label: str, spans: list[Span]) -> str:
        nonlocal tid
        tid += 1
        offsets = ";".join(f"{s} {e}" for s, e in spans)
        piece_text = " ".join(text[s:e] for s, e in spans)
        lines.append(f"T{tid}\t{label} {offsets}\t{piece_text}")
        return f"T{tid}"

    for n, (_, row) in enumerate(attributions_df.iterrows(), start=1):
        content = _row_spans(row, "content_spans", "start", "end")
        source = _row_spans(row, "source_spans", "speaker_start", "speaker_end")
        cue = _row_spans(row, "cue_spans", "cue_start", "cue_end")
        for start, end in content + source + cue:
            if not 0 <= start <= end <= len(text):
                raise ValueError(
                    f"write_brat: row {n} has span ({start}, {end}) outside the text "
                    f"(length {len(text)})"
                )
        content, source, cue = (_split_lines(s, text) for s in (content, source, cue))
        if not content:
            raise ValueError(f"write_brat: row {n} has no content span")
        args = []
        if source:
            args.append(f"Source:{add_t('Source', source)}")
        if cue:
            args.append(f"Cue:{add_t('Cue', cue)}")
        args.append(f"Content:{add_t('Content', content)}")
        label = "Attribution" if source else "Attribution-no-source"
        # BRAT events need a trigger; PolNeAR uses the cue, so fall back to the content.
        trigger = add_t(label, cue or content)
        lines.append(f"E{n}\t{label}:{trigger} {' '.join(args)}")
        for name, column in ATTRIBUTES.items():
            value = _text_cell(row, column)
            if value:
                n_attr += 1
                lines.append(f"A{n_attr}\t{name} E{n} {'_'.join(value.split())}")
        speaker = _text_cell(row, "speaker")
        if speaker and source:
            n_note += 1
            lines.append(f"#{n_note}\tAnnotatorNotes {args[0].split(':')[1]}\t{speaker}")

    atomic_write(path, "".join(line + "\n" for line in lines))


class PolnearArticle(tuple):
    """One PolNeAR article; unpacks as ``(article_id, text, annotations)``.

    ``annotations`` maps annotator id to a :func:`read_brat` table and ``metadata`` holds the
    article's row of ``metadata.tsv`` (empty when the article is not listed).
    """

    metadata: dict[str, Any]

    def __new__(
        cls,
        article_id: str,
        text: str,
        annotations: dict[str, pd.DataFrame],
        metadata: dict[str, Any] | None = None,
    ) -> PolnearArticle:
        self = super().__new__(cls, (article_id, text, annotations))
        self.metadata = metadata or {}
        return self

    @property
    def article_id(self) -> str:
        return self[0]

    @property
    def text(self) -> str:
        return self[1]

    @property
    def annotations(self) -> dict[str, pd.DataFrame]:
        return self[2]


def default_polnear_root() -> Path:
    """Return where PolNeAR is looked for.

    Returns
    -------
    pathlib.Path
        ``$KOSOVO_KIT_POLNEAR`` when set, else ``shared/data/polnear`` next to the repository.
    """
    if os.environ.get(_ENV_ROOT):
        return Path(os.environ[_ENV_ROOT])
    return Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear"


def _read_metadata(root: Path) -> dict[str, dict[str, Any]]:
    meta_path = root / "metadata.tsv"
    if not meta_path.exists():
        return {}
    meta = pd.read_csv(meta_path, sep="\t", dtype=str, keep_default_na=False)
    return {row["filename"]: row for row in meta.to_dict(orient="records")}


def iter_polnear(
    split: str = "dev",
    root: str | os.PathLike[str] | None = None,
    check: bool = True,
    limit: int | None = None,
    annotations: bool = True,
) -> Iterator[PolnearArticle]:
    """Iterate over the articles of a PolNeAR split.

    Parameters
    ----------
    split : str
        Folder name of the split, e.g. ``"dev"`` or ``"train"``.
    root : str or path-like, optional
        Corpus folder; defaults to :func:`default_polnear_root`.
    check : bool
        Check every span text against the article text.
    limit : int, optional
        Stop after this many articles.
    annotations : bool
        Read the annotation files; without them every article's annotations are empty
        (much faster when only the texts are wanted).

    Yields
    ------
    PolnearArticle
        ``(article_id, text, {annotator: attributions})`` with ``.metadata``, in name order.
    """
    base = Path(root) if root is not None else default_polnear_root()
    text_dir, ann_dir = base / split / "text", base / split / "attributions"
    if not text_dir.is_dir():
        raise FileNotFoundError(
            f"PolNeAR split {split!r} not found: {text_dir} is missing "
            f"(pass root= or set ${_ENV_ROOT})"
        )
    ann_files: dict[str, list[Path]] = {}
    if annotations and ann_dir.is_dir():
        for ann in sorted(ann_dir.glob("*.ann")):
            # Article ids contain underscores; the annotator id is after the last one.
            article_id, _, _ = ann.stem.rpartition("_")
            ann_files.setdefault(article_id, []).append(ann)
    metadata = _read_metadata(base)
    for n, text_path in enumerate(sorted(text_dir.glob("*.txt"))):
        if limit is not None and n >= limit:
            return
        article_id = text_path.stem
        text = _read_exact(text_path)
        by_annotator = {
            ann.stem.rpartition("_")[2]: read_brat(ann, text if check else None)
            for ann in ann_files.get(article_id, [])
        }
        yield PolnearArticle(article_id, text, by_annotator, metadata.get(article_id))


def load_polnear(
    split: str = "dev",
    root: str | os.PathLike[str] | None = None,
    check: bool = True,
    limit: int | None = None,
    annotations: bool = True,
) -> list[PolnearArticle]:
    """Load a PolNeAR split into memory.

    Parameters
    ----------
    split, root, check, limit, annotations
        As for :func:`iter_polnear`.

    Returns
    -------
    list of PolnearArticle
        Each unpacks as ``(article_id, text, {annotator: attributions})``.
    """
    return list(iter_polnear(split, root=root, check=check, limit=limit, annotations=annotations))


def polnear_frame(
    splits: str | Sequence[str] = "dev",
    root: str | os.PathLike[str] | None = None,
    limit: int | None = None,
) -> pd.DataFrame:
    """PolNeAR articles as a corpus table for :func:`kosovo_kit.corpus.analyze_corpus`.

    Parameters
    ----------
    splits : str or sequence of str
        Which splits, in this order ("train", "dev").
    root : path, optional
        As for :func:`iter_polnear`.
    limit : int, optional
        At most this many articles per split.

    Returns
    -------
    pandas.DataFrame
        ``article_id``, ``text``, ``outlet`` (the publisher) and ``date`` (publication
        date), one row per article, without the annotations.
    """
    splits = [splits] if isinstance(splits, str) else list(splits)
    docs = [
        d
        for split in splits
        for d in iter_polnear(split, root=root, check=False, limit=limit, annotations=False)
    ]
    return pd.DataFrame(
        {
            "article_id": [d.article_id for d in docs],
            "text": [d.text for d in docs],
            "outlet": [d.metadata.get("publisher") for d in docs],
            "date": [d.metadata.get("publication_date") for d in docs],
        }
    )
