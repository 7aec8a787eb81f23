"""Load and save workbook files: safe YAML, atomic writes, an OS lock, a history by age.

The only module that reads or writes a workbook file. Everything here keeps one promise:
**saving never loses data**.

- :func:`load` opens only regular files, without blocking (a named pipe or a device is
  refused, never waited on), refuses files over :data:`MAX_FILE_BYTES`, reads the YAML with
  the C *safe* parser only (the usual plain YAML straight from its events, twice as fast;
  anything unusual through the full safe loader; both refuse anchors and aliases of any
  kind, nesting deeper than 50, duplicate keys and numbers over 4,300 digits), upgrades old files
  (:mod:`career_workbook.migrations`) and validates; any problem is a
  :class:`~career_workbook.model.WorkbookError` naming the file, the field and the value.
- :func:`save` validates first and refuses what :func:`load` would refuse (a file over
  :data:`MAX_FILE_BYTES`); then, holding the lock, writes the replaced version to a
  temporary file in the history folder, writes a temporary file beside the workbook,
  flushes and fsyncs it, ``os.replace``-s it over the file and fsyncs the folder; only then
  does the replaced version take its place in the history, which is thinned by age
  (:func:`~career_workbook.versions.versions_to_keep`: everything from the last hour, then
  one version per hour for a day, per day for a month, per month after). A save that fails
  leaves both the file and its history as they were. A read-only file is refused.
- :func:`edit` holds the lock across load, your changes and save, so two kernels, or a kernel
  and the CLI, editing the same workbook never lose an update.
- :func:`history` lists the previous versions, kept in ``<folder>/.history/<file name>/``
  (``alex.yaml`` and ``alex.yml`` never share one; an older release's ``.history/<stem>/``
  moves there when no other file has that stem); :func:`restore` brings one back (itself a
  save, so it can be undone in turn).

Files beside ``workbooks/alex.yaml``: the lock ``workbooks/.alex.yaml.lock`` (never deleted,
it is empty), temporary files ``workbooks/.alex.yaml.<16 hex>.tmp`` (only while saving; a
crashed save's leftovers are removed by the next load) and ``workbooks/.history/alex.yaml/``.
A name too long for those (the file system takes 255 bytes) is shortened in the lock and
temporary names, with a hash of the whole name (:func:`_fitted`); the history's names fit.
Locking uses ``fcntl.flock`` on POSIX and ``msvcrt.locking`` on Windows; like every
advisory lock it only protects against programs that take it too (all of this package does).
A lock file someone else created read-only is locked through a read-only descriptor.

Symbolic links, one rule: **the store reads through links but never writes through them.**
``save`` (and ``edit``, ``restore``) refuses a workbook path that is itself a symlink, and a
``.history`` folder (or its per-file folder) that is a symlink; ``new`` refuses a symlink at
the path, even a dangling one. Folders *above* the workbook may be links.

In the file, a field that is ``None`` is left out (every optional field defaults to ``None``);
dates are YAML dates (``2026-11-22``); text with line breaks is written as a ``|`` block.
The file is written whole, so comments are not kept (its header says so); a save over a
file with comments written by hand warns (:class:`CommentsNotKeptWarning`), naming the copy
in the history that has them.

Examples
--------
>>> import tempfile, pathlib
>>> from datetime import date
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> wb = new(folder / "alex.yaml", "Alex Doe", today=date(2026, 11, 22))
>>> with edit(folder / "alex.yaml") as wb:
...     wb.check_ins.append(CheckIn(date=date(2026, 11, 29), note="Good week"))
>>> load(folder / "alex.yaml").check_ins[0].note
'Good week'
>>> [entry.version for entry in history(folder / "alex.yaml")]
[1]
"""

from __future__ import annotations

import bisect
import contextlib
import difflib
import errno
import gc
import hashlib
import math
import os
import re
import secrets
import stat
import sys
import threading
import time
import warnings
import weakref
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import yaml

from career_workbook import __version__
from career_workbook.migrations import migrate
from career_workbook.model import (
    SCHEMA_VERSION,
    CheckIn,  # noqa: F401  (used by the module doctest)
    Problem,
    Workbook,
    WorkbookError,
    new_workbook,
    validate_workbook,
)
from career_workbook.versions import versions_to_keep
from career_workbook.wording import listing, plural, shorten

__all__ = [
    "DISK_ERRNOS",
    "HISTORY_LIMIT",
    "LOCK_TIMEOUT",
    "MAX_FILE_BYTES",
    "CommentsNotKeptWarning",
    "HistoryEntry",
    "OutputError",
    "WorkbookChangedError",
    "WorkbookCutShortError",
    "atomic_write_bytes",
    "cut_short",
    "write_output",
    "write_outputs",
    "dumps",
    "edit",
    "history",
    "load",
    "load_bytes",
    "loads",
    "locate_problems",
    "new",
    "restore",
    "save",
    "writing_to",
    "STALE_SECONDS",
    "abandoned",
    "ctrl_c_deferred",
    "file_problem",
    "file_problems",
    "owning",
    "read_yaml",
    "value_notes",
]

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Larger files are refused before they are read (a workbook is a few hundred KB at most)."""

HISTORY_LIMIT = 1000
"""At most this many previous versions of a workbook are kept, whatever their age (the
history thins by age, :func:`~career_workbook.versions.versions_to_keep`; this bounds a
script that saves thousands of times an hour)."""

LOCK_TIMEOUT = 30.0
"""Seconds to wait for another program's save before giving up with a WorkbookError."""

_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SafeDumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_YAML_TAG = "tag:yaml.org,2002:"
_STR_TAG = _YAML_TAG + "str"
_MAX_DEPTH = 50
_MAX_DIGITS = getattr(sys, "get_int_max_str_digits", lambda: 4300)() or 4300
"""Lists and mappings nested deeper than this are refused (a workbook needs about six)."""
_HISTORY_DIR = ".history"
_HISTORY_NAME = re.compile(
    r"^(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{6}Z)-(\d{6,})\.yaml$"
)
_STAMP_FORMAT = "%Y-%m-%dT%H-%M-%S.%fZ"


# ----------------------------------------------------------------------------------------
# YAML: parse and render
# ----------------------------------------------------------------------------------------
_OCTAL = re.compile(r"[-+]?0[0-7_]+")
"""A whole number written with a leading zero, which YAML 1.1 reads as octal (010 is 8)."""


class _Loader(_SafeLoader):  # type: ignore[misc, valid-type]
    """The safe loader, plus: duplicate keys are errors; a bad date, and a number written
    with a leading zero, stay strings.

    A bad date such as ``2027-13-01`` is kept as text so that validation reports it with
    its field path (``goals[0].deadline = '2027-13-01': Input should be a valid date``).
    YAML reads ``010`` as the octal number 8 (and ``08`` as text): both stay the text typed,
    which a text field keeps (``coach: 007``) and a number field refuses, saying to write
    ``10`` (:func:`~career_workbook.model.number_text_hint`).

    >>> yaml.load("[010, 007, 08, 0, 10, 0x1F]", Loader=_Loader)
    ['010', '007', '08', 0, 10, 31]
    """

    def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
        seen: dict[tuple[str, str], Any] = {}
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key = (key_node.tag, key_node.value)
                if key in seen:  # the first one's line: the person keeps one of the two
                    raise yaml.constructor.ConstructorError(
                        "while constructing a mapping", node.start_mark,
                        f"found duplicate key {key_node.value!r} (also on line "
                        f"{seen[key].start_mark.line + 1}): keep one of the two",
                        key_node.start_mark,
                    )
                seen[key] = key_node
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_timestamp(self, node: Any) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            return self.construct_scalar(node)

    def construct_yaml_int(self, node: Any) -> Any:
        if _OCTAL.fullmatch(node.value):  # 010: YAML 1.1 reads 8; a person typed ten
            return self.construct_scalar(node)
        try:
            return super().construct_yaml_int(node)
        except ValueError:  # Python refuses to convert more than 4,300 digits
            digits = sum(ch.isdigit() for ch in node.value)
            raise yaml.constructor.ConstructorError(
                None, None, f"a number with {digits:,} digits is too long for a workbook "
                f"(at most {_MAX_DIGITS:,})", node.start_mark,
            ) from None


_Loader.add_constructor(_YAML_TAG + "timestamp", _Loader.construct_yaml_timestamp)
_Loader.add_constructor(_YAML_TAG + "int", _Loader.construct_yaml_int)


# ----------------------------------------------------------------------------------------
# The fast reader: the usual plain workbook YAML, straight from the parser's events
# ----------------------------------------------------------------------------------------
class _Unusual(Exception):
    """The fast reader met something it leaves to the full loader (which has the rules)."""


_NO_KEY = object()
_MISSING = object()
_PLAIN: dict[str, Any] = {}
"""Plain scalar text -> its value, for short texts (the values are immutable: text, numbers,
dates, booleans, None); a caseload repeats the same dates, ratings and words."""
_SCALARS = _Loader("")  # for its resolver and scalar constructors, which keep no state
_CONSTRUCT = {_YAML_TAG + kind: getattr(_SCALARS, f"construct_yaml_{kind}")
              for kind in ("int", "float", "bool", "null", "timestamp")}


def _plain_value(text: str) -> Any:
    """The value of a plain (unquoted) scalar, typed by the loader's resolver and
    constructors (a bad date stays text); remembered when short."""
    tag = _SCALARS.resolve(yaml.ScalarNode, text, (True, False))
    if tag == _STR_TAG:
        value: Any = text
    else:
        construct = _CONSTRUCT.get(tag)
        if construct is None:
            raise _Unusual(tag)
        value = construct(yaml.ScalarNode(tag, text))
    if len(text) <= 40 and len(_PLAIN) < 100_000:
        _PLAIN[text] = value
    return value


def _fast_yaml(text: str) -> dict[str, Any]:
    """Parse a workbook's YAML like :class:`_Loader` does, about three times as fast.

    Reads the events of the same (C, safe) parser and builds the plain mappings, lists
    and scalars they describe directly, without the intermediate node graph; plain
    scalars are typed by the loader's own resolver and constructors (int, float, bool,
    null, dates: a bad date stays text), their values remembered for short texts. Anything
    else (tags, anchors and aliases, duplicate or non-text keys, several documents, an
    empty or non-mapping document, nesting deeper than ``_MAX_DEPTH``, a number over 4,300
    digits, any parse error) raises :class:`_Unusual`, and :func:`loads` falls back to
    :func:`_parse`, which applies every rule and writes the error message. It accepts
    nothing :func:`_parse` refuses (``tests/test_store_fastyaml.py`` and the hostile-file
    suite run through both); it is kept because reading is most of ``career-workbook
    cohort``'s time (per 15 KB workbook: 3.2 ms with the full loader, 1.9 ms with the
    first version of this reader, 1.1 ms with this one).

    >>> _fast_yaml("person: {name: Sam, start_date: 2026-01-05}\\nn: [1, yes, ~, '2']")
    {'person': {'name': 'Sam', 'start_date': datetime.date(2026, 1, 5)}, 'n': [1, True, None, '2']}
    """  # noqa: E501
    if _SCALARS.yaml_path_resolvers:  # pragma: no cover - the safe loader has none
        raise _Unusual("path resolvers")
    scalar_event, map_start, seq_start = (yaml.ScalarEvent, yaml.MappingStartEvent,
                                          yaml.SequenceStartEvent)
    map_end, seq_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    plain, missing, no_key = _PLAIN, _MISSING, _NO_KEY
    parser = _Loader(text)
    get_event = parser.get_event
    try:
        kinds = [get_event().__class__ for _ in range(2)]
        if kinds != [yaml.StreamStartEvent, yaml.DocumentStartEvent]:
            raise _Unusual("no document")
        event = get_event()
        if event.__class__ is not map_start or event.anchor is not None \
                or event.tag is not None:
            raise _Unusual("not a mapping")
        root: dict[str, Any] = {}
        stack: list[Any] = []  # the open containers above the one being filled
        top: Any = root  # the container being filled
        is_list = False
        key: Any = no_key  # the key waiting for its value, in a mapping
        while True:
            event = get_event()
            kind = event.__class__
            if kind is scalar_event:
                if event.anchor is not None or event.tag is not None:
                    raise _Unusual("tag or anchor")
                value = event.value
                if event.implicit[0]:  # plain: typed; quoted or a block: text
                    known = plain.get(value, missing)
                    value = _plain_value(value) if known is missing else known
                if is_list:
                    top.append(value)
                elif key is no_key:
                    if value.__class__ is not str or value in top:
                        raise _Unusual("key")
                    key = value
                else:
                    top[key] = value
                    key = no_key
            elif kind is map_start or kind is seq_start:
                if event.anchor is not None or event.tag is not None:
                    raise _Unusual("tag or anchor")
                container: Any = {} if kind is map_start else []
                if is_list:
                    top.append(container)
                elif key is no_key:
                    raise _Unusual("key")
                else:
                    top[key] = container
                if len(stack) + 1 >= _MAX_DEPTH:  # _checked_data says "nested too deeply"
                    raise _Unusual("deep")
                stack.append(top)
                top, key, is_list = container, no_key, kind is seq_start
            elif kind is map_end or kind is seq_end:
                if not stack:
                    break
                top = stack.pop()
                is_list, key = top.__class__ is list, no_key
            else:  # an alias, or anything unexpected
                raise _Unusual(kind.__name__)
        ends_of_stream = [get_event().__class__ for _ in range(2)]
        if ends_of_stream != [yaml.DocumentEndEvent, yaml.StreamEndEvent]:
            raise _Unusual("more than one document")
        return root
    except (yaml.YAMLError, ValueError, TypeError, AttributeError, OverflowError) as err:
        raise _Unusual(type(err).__name__) from err
    finally:
        parser.dispose()


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while YAML is read or written.

    Both build hundreds of thousands of dicts, lists and nodes, none of them cyclic garbage,
    and each batch of new containers sets off a collection that walks all the older ones:
    on a 2.4 MB workbook ``yaml.load`` took 2.0 s with the collector on, 0.7 s without.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    if "\n" in data:  # the emitter falls back to a quoted style when a block cannot hold it
        return dumper.represent_scalar(_STR_TAG, data, style="|")
    return dumper.represent_str(data)


class _Dumper(_SafeDumper):  # type: ignore[misc, valid-type]
    """The safe dumper; never writes anchors/aliases; multi-line text as ``|`` blocks."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


_Dumper.add_representer(str, _represent_str)

# libyaml writes every character beyond U+FFFF (emoji...) as an escape, "\U0001F642", in a
# double-quoted string; an escape preceded by an even number of backslashes is one of those.
_ASTRAL_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\U([0-9A-Fa-f]{8})")


def _unescape_astral(match: re.Match[str]) -> str:
    return match.group(1) + chr(int(match.group(2), 16))


_HEADER_LINES = (
    "# Dates are YYYY-MM-DD. Keep the indentation when editing by hand.",
    "# Comments (lines starting with #) are not kept: every save rewrites this file.",
    "# Write notes in the note fields instead (check_ins, values, assessments: note;",
    "# contacts, opportunities: notes; feedback: comment).",
)
_HEADER_FIRST = re.compile(
    r"# Career Workbook file \(schema version \d+, career-workbook [^)]*\)\.")
"""The first line of the header; with :data:`_HEADER_LINES` not a comment written by hand."""


def _header() -> str:
    return (
        f"# Career Workbook file (schema version {SCHEMA_VERSION}, "
        f"career-workbook {__version__}).\n" + "".join(f"{line}\n" for line in _HEADER_LINES)
    )


class CommentsNotKeptWarning(UserWarning):
    """A save replaced a file with comments written by hand (kept in its history only)."""


def _texts_in(text: str) -> list[Any] | None:
    """The scalar tokens (keys and values) of ``text`` in the file's order, or None when it
    is not YAML."""
    parser = _Loader(text)
    try:
        return [token for token in iter(parser.get_token, None)
                if isinstance(token, yaml.ScalarToken)]
    except yaml.YAMLError:
        return None
    finally:
        parser.dispose()


def _comments_after(text: str, hashes: list[int], texts: list[Any]) -> Iterator[
        tuple[int, Any]]:
    """Each ``#`` of ``hashes`` (positions in ``text``) outside every text of ``texts``
    (:func:`_texts_in`): a comment; with the text before it (None: none)."""
    # each ``#`` is looked up among the texts' starts (a search, not a scan of every
    # text: "#1" in 100 achievements of a workbook of 20,000 texts took two seconds of
    # every save)
    starts = [token.start_mark.index for token in texts]
    for at in hashes:
        i = bisect.bisect_right(starts, at) - 1
        if i < 0 or not at < texts[i].end_mark.index:
            yield at, texts[i] if i >= 0 else None


def _hand_comments(text: str) -> bool:
    """Whether ``text`` holds YAML comments other than the header :func:`save` writes.

    A ``#`` inside a text (``'C# and F#'``, a ``|`` block) is not a comment.

    >>> _hand_comments(_header() + "person: {name: 'C# #1'}\\n")
    False
    >>> _hand_comments(_header() + "person: {name: Sam}  # call him Sammy\\n")
    True
    """
    lines = text.splitlines(keepends=True)
    start = 0
    for line in lines:
        if not (_HEADER_FIRST.fullmatch(line.rstrip()) or line.rstrip() in _HEADER_LINES):
            break
        start += len(line)
    hashes = [start + m.start()
              for m in re.finditer(r"(?:^|(?<=[ \t]))#", text[start:], re.M)]
    if not hashes:
        return False
    texts = _texts_in(text)
    return texts is not None and any(True for _ in _comments_after(text, hashes, texts))


def _owner(text: str, token: Any) -> re.Match[str] | None:
    """What comes before the text ``token`` on its line when it is a block value: its
    field (group 1; None for a list item), or None (inside ``{…}``, a second value ...)."""
    start = token.start_mark
    return re.fullmatch(r"[ \t]*(?:-[ \t]+)*(?:(\w[\w ]*):[ \t]+)?",
                        text[start.index - start.column:start.index])


_CURLY = {"“": "”", "‘": "’", "„": "“", "«": "»"}
"""Quotes a word processor or a phone types (opening: closing), which YAML keeps as text."""


def _curly_quoted(text: str) -> list[str]:
    """A note for each value typed between curly quotes (``coach: “Sam Okafor”``), which
    YAML keeps as part of the text: only straight quotes are YAML's.

    >>> for note in _curly_quoted("person:\\n  coach: “Sam Okafor”\\nstrengths:\\n- ‘Calm’\\n"
    ...                           "- He said “yes”\\n"):
    ...     print(note)
    line 2: coach is typed between curly quotes (“Sam Okafor” with them), which YAML keeps as part of the text; to leave them out, write coach: 'Sam Okafor'
    line 4: the list item is typed between curly quotes (‘Calm’ with them), which YAML keeps as part of the text; to leave them out, write - 'Calm'
    """  # noqa: E501
    if not re.search(r"[:-][ \t]+[“‘„«]", text):
        return []
    notes = []
    for token in _texts_in(text) or []:
        value = token.value
        if not (token.plain and value[:1] in _CURLY and value[-1:] == _CURLY[value[0]]
                and len(value) > 2):
            continue
        owner = _owner(text, token)
        if owner is None:
            continue
        key = owner.group(1)
        inner = _in_quotes(value[1:-1])
        what, typed = (key, f"{key}: {inner}") if key else ("the list item", f"- {inner}")
        notes.append(f"line {token.start_mark.line + 1}: {what} is typed between curly quotes "
                     f"({shorten(value)} with them), which YAML keeps as part of the text; "
                     f"to leave them out, write {shorten(typed, 80)}")
    return notes


def _value_comments(text: str) -> list[str]:
    """A note for each comment typed after a plain value on its line (``coach: Sam Okafor
    #1 coach``): YAML keeps ``Sam Okafor`` and drops the rest, which may have been meant
    as part of the value. A comment on a line of its own, or after a quoted value, is
    meant as one.

    >>> for note in _value_comments("person:\\n  coach: Sam Okafor #1 coach  # ok?\\n"
    ...                             "  name: Sam  # fine\\nstrengths:\\n- C# #2\\n"
    ...                             "# whole line\\nvalues: []  # none\\n"):
    ...     print(note)
    line 2: YAML reads “#1 coach # ok?” as a comment, so coach is “Sam Okafor” (and the comment is not kept when the workbook is next saved); if it is part of the value, write it in quotes: coach: 'Sam Okafor #1 coach # ok?'
    line 3: YAML reads “# fine” as a comment, so name is “Sam” (and the comment is not kept when the workbook is next saved); if it is part of the value, write it in quotes: name: 'Sam # fine'
    line 5: YAML reads “#2” as a comment, so the list item is “C#” (and the comment is not kept when the workbook is next saved); if it is part of the value, write it in quotes: - 'C# #2'
    """  # noqa: E501
    hashes = [m.end() for m in re.finditer(r"\S[ \t]+(?=#)", text)]
    texts = _texts_in(text) if hashes else None
    notes: list[str] = []
    for at, before in _comments_after(text, hashes, texts or []):
        if before is None or not before.plain or text[before.end_mark.index:at].strip(" \t"):
            continue
        start = before.start_mark
        owner = _owner(text, before)
        if owner is None:  # inside {…} or […]: the comment took the closing bracket
            continue
        key = owner.group(1)
        end = text.find("\n", at)
        comment = text[at:None if end < 0 else end].rstrip("\r \t")
        said = text[start.index:before.end_mark.index]
        whole = _in_quotes(f"{said}{text[before.end_mark.index:at]}{comment}")
        what, typed = (key, f"{key}: {whole}") if key else ("the list item", f"- {whole}")
        notes.append(
            f"line {before.end_mark.line + 1}: YAML reads “{shorten(comment)}” as a comment, "
            f"so {what} is “{shorten(said)}” (and the comment is not kept when the workbook "
            f"is next saved); if it is part of the value, write it in quotes: "
            + shorten(typed, 80))
    return notes


def value_notes(path: str | os.PathLike[str]) -> list[str]:
    """A note for each comment typed after a plain value in the workbook file at ``path``
    (:func:`_value_comments`: ``coach: Sam Okafor #1 coach`` keeps ``Sam Okafor``) and each
    value typed between curly quotes (:func:`_curly_quoted`); ``[]`` when the file cannot
    be read.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "sam.yaml"
    >>> _ = p.write_text("person:\\n  name: Sam\\n  coach: Kim #1 coach\\n")
    >>> [note[:52] for note in value_notes(p)]
    ['line 3: YAML reads “#1 coach” as a comment, so coach']
    """
    try:
        text = _read_bytes(Path(path)).removeprefix(_BOM).decode("utf-8")
    except (WorkbookError, OSError, UnicodeDecodeError):
        return []
    return _value_comments(text) + _curly_quoted(text)


def _same(a: Any, b: Any) -> bool:
    """Deep equality where NaN equals NaN and a date is never equal to a datetime."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return bool(a == b)


def _renderings(data: dict[str, Any]) -> Iterator[str]:
    """Candidate texts, nicest first; :func:`dumps` keeps the first that reads back equal."""
    options: dict[str, Any] = dict(
        sort_keys=False, allow_unicode=True, default_flow_style=False, width=88
    )
    text = yaml.dump(data, Dumper=_Dumper, **options)
    if "\\U" in text:  # show emoji as themselves, not as escapes
        yield _header() + _ASTRAL_ESCAPE.sub(_unescape_astral, text)
    yield _header() + text
    yield _header() + yaml.dump(data, Dumper=_Dumper, default_style='"', **options)


def dumps(wb: Workbook | dict[str, Any], *, path: Any = None) -> str:
    """The YAML text of a workbook, validated, exactly as :func:`save` writes it.

    The text is parsed back (as :func:`loads` reads it) before it is returned: if the
    emitter did not represent some value faithfully, a plainer rendering is used instead,
    down to every string double-quoted.

    >>> from datetime import date
    >>> print(dumps(new_workbook("Sam Lee", today=date(2026, 1, 5))))  # doctest: +ELLIPSIS
    # Career Workbook file (schema version 3, ...
    ...
    schema_version: 3
    person:
      name: Sam Lee
      current_role: ''
    ...
      start_date: 2026-01-05
    ...
    """
    valid = validate_workbook(wb, path=path)
    data = valid.model_dump(mode="python", exclude_none=True)
    with _no_gc():
        for text in _renderings(data):
            if _same(_read_back(text), data):
                return text
    raise WorkbookError(  # pragma: no cover - a PyYAML bug; nothing is written
        "YAML could not represent this workbook faithfully; nothing was saved", path=path
    )


def read_yaml(text: str) -> Any:
    """The data in the YAML ``text``, read as a workbook is: the usual plain YAML by the fast
    reader (:func:`_fast_yaml`), anything else by the safe loader with the workbook's rules
    (a duplicate key is an error, a bad date stays text). Raises ``yaml.YAMLError``. The
    role catalog's files are read this way too.

    >>> read_yaml("skills: [{name: SQL, level: 3}]")
    {'skills': [{'name': 'SQL', 'level': 3}]}
    >>> try:
    ...     read_yaml("a: 1\\na: 2")
    ... except yaml.YAMLError as err:
    ...     print(err.problem)
    found duplicate key 'a' (also on line 1): keep one of the two
    """
    try:
        with _no_gc():
            return _fast_yaml(text)
    except _Unusual:
        return yaml.load(text, Loader=_Loader)


def _read_back(text: str) -> Any:
    """What :func:`loads` would read from ``text`` (before validation), or None if nothing."""
    try:
        return read_yaml(text)
    except yaml.YAMLError:  # pragma: no cover - the emitter wrote invalid YAML
        return None


def _unsupported_tag(err: yaml.YAMLError) -> str | None:
    match = re.search(r"constructor for the tag '([^']*)'", str(err))
    if match is None:
        return None
    return match.group(1).replace("tag:yaml.org,2002:", "!!")


_BEGUN_EARLIER = ("quoted scalar", "simple key", "flow")
"""Parser contexts whose mistake lies where they began, not where they were noticed."""


def _in_quotes(text: str) -> str:
    """``text`` as a single-quoted YAML value, which holds any character (a quote inside
    is doubled): what a message tells a person to type.

    >>> print(_in_quotes("Sam: O'Kafor"))
    'Sam: O''Kafor'
    """
    return "'" + text.replace("'", "''") + "'"


_FIELD_LINE = re.compile(r"[ \t]*(?:-(?:[ \t]|$)|\w[\w ]*:(?:[ \t]|$))")
"""A line that starts a field (``  coach: Kim``) or a list item (``- Listening``)."""


def _runaway_quote(text: str, last: int) -> Any:
    """The quoted text (a scanner token) that a quote left open made run on over the lines
    of other fields, among those begun before line ``last`` (0-based), or None.

    A quote not closed on its line takes in every line up to the next quote of its kind
    (``coach: "Kim`` ... ``text: Read "Dare to Lead"``); the parser notices lines later,
    after it. A text written over several lines on purpose (a long one, quoted) carries on
    indented further than its field: one taking in a line that starts a field or a list
    item at or left of its own field's column is a quote left open.

    >>> text = 'person:\\n  coach: "Kim\\n  name: Sam\\nnote: Read "Dare to Lead"\\n'
    >>> token = _runaway_quote(text, 3)
    >>> token.start_mark.line, token.end_mark.line
    (1, 3)
    >>> _runaway_quote('note: "a long text\\n  carried on: here"\\n', 2) is None
    True
    >>> _runaway_quote("- 'a long text\\n  carried on: here'\\n", 2) is None
    True
    """
    lines = text.splitlines()
    found = None
    try:
        for token in yaml.scan(text, Loader=_Loader):
            start, end = token.start_mark, token.end_mark
            if start.line >= last:
                break
            if (isinstance(token, yaml.ScalarToken) and token.style in ("'", '"')
                    and start.line < end.line < len(lines)):
                before = lines[start.line][:start.column].rstrip()
                # the column of its field (``  coach: "``), or of its dash (``- "``)
                column = (len(before) - len(before.lstrip(" -")) if before.endswith(":")
                          else len(before) - 1)
                if any(_FIELD_LINE.match(line) and len(line) - len(line.lstrip()) <= column
                       for line in lines[start.line + 1:end.line + 1]):
                    found = token
    except yaml.YAMLError:
        pass
    return found


def _unclosed(text: str | None, line: int, column: int, until: int | None,
              noticed: str) -> str:
    """What to say of a quote opened at ``line``, ``column`` (0-based) and not closed on
    its line: YAML read on to line ``until`` (0-based; None: to the end of the file)."""
    lines = (text or "").splitlines()
    opened = lines[line] if 0 <= line < len(lines) else ""
    quote = opened[column:column + 1] or '"'
    ran = ("the rest of the file" if until is None
           else f"the lines after it, up to the next {quote} (line {until + 1}),")
    fixed = shorten(opened.strip() + quote, 80)
    return (f"invalid YAML at line {line + 1}, column {column + 1}"
            f" (“{_line_text(text, line)}”): the {quote} that opens this text is not "
            f"closed on its line, so YAML reads {ran} as part of it (noticed{noticed}). "
            f"Close it on line {line + 1}: {fixed}")


def _colon_hint(text: str | None, mark: Any) -> str:
    """``; a value holding “: ” ... must be in quotes: ...`` when the parser stopped at a
    second ``: `` on a field's line (``coach: Sam: Okafor``), which YAML reads as the start
    of another field, else ``''``.

    >>> from types import SimpleNamespace as Mark
    >>> print(_colon_hint("person:\\n  coach: Sam: Okafor  # new\\n", Mark(line=1, column=12)))
    ; a value holding “: ” (a colon then a space) must be in quotes, or YAML reads it as another field: write line 2 as coach: 'Sam: Okafor' # new
    """  # noqa: E501
    lines = (text or "").splitlines()
    if mark is None or not 0 <= mark.line < len(lines):
        return ""
    line = lines[mark.line]
    found = re.match(r"([ \t]*(?:-[ \t]+)*)(\w[\w ]*):[ \t]+([^'\"\s{\[&*!|>].*)", line)
    if found is None or mark.column <= found.end(2):
        return ""
    value, *comment = re.split(r"(?<=[ \t])(?=#)", found.group(3), maxsplit=1)
    dash = f"{found.group(1).strip()} " if found.group(1).strip() else ""
    value = value.strip()
    if value[:1] in _CURLY and value[-1:] == _CURLY[value[0]]:  # “Sam: Okafor”: not YAML's
        value = value[1:-1]
    fixed = f"{dash}{found.group(2)}: {_in_quotes(value)}"
    return ("; a value holding “: ” (a colon then a space) must be in quotes, or YAML reads "
            f"it as another field: write line {mark.line + 1} as "
            + shorten("  ".join([fixed, *comment]).rstrip(), 80))


def _carried_on_hint(text: str | None, mark: Any) -> str:
    """``; line N (...) is indented further than line M (...), so YAML reads it as more of
    ...`` when the parser stopped at a ``:`` on a line that YAML took as more of a plain
    value begun on a line above (a field moved left of its neighbours, a list item's dash
    left out), else ``''``.

    >>> from types import SimpleNamespace as Mark
    >>> print(_carried_on_hint("person:\\ncoach: Kim\\n  name: Sam\\n", Mark(line=2, column=6)))
    ; line 3 (“name: Sam”) is indented further than line 2 (“coach: Kim”), so YAML reads it as more of coach's value: fields side by side start at the same column
    >>> print(_carried_on_hint("weaknesses:\\n- Time\\n  Polish: mock-ups\\n", Mark(line=2, column=8)))
    ; line 3 (“Polish: mock-ups”) is indented further than line 2 (“- Time”), so YAML reads it as more of that list item: start it with “- ” if it is an item of its own
    """  # noqa: E501
    if not text or mark is None:
        return ""
    last = None
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if (token.start_mark.line, token.start_mark.column) >= (mark.line, mark.column):
                break
            if isinstance(token, yaml.ScalarToken):
                last = token
    except yaml.YAMLError:
        pass
    if last is None or not last.plain or not last.start_mark.line < mark.line:
        return ""
    begun, here = last.start_mark, mark.line
    owner = _owner(text, last)
    if owner is None:
        return ""
    what = (f"{owner.group(1)}'s value: fields side by side start at the same column"
            if owner.group(1) else "that list item: start it with “- ” if it is an item of "
            "its own")
    return (f"; line {here + 1} (“{_line_text(text, here)}”) is indented further than line "
            f"{begun.line + 1} (“{_line_text(text, begun.line)}”), so YAML reads it as more "
            f"of {what}")


def _dash_hint(text: str | None, mark: Any) -> str:
    """``; line N (“- ...”) is a list item, but the list under “key:” (line K) starts on
    line M without “- ”: ...`` when the parser, expecting a field, stopped at a list item
    whose list's first item lost its dash, else ``''``.

    >>> from types import SimpleNamespace as Mark
    >>> text = "person:\\n  name: Sam\\nfeedback:\\n  rater_group: peer\\n- rater_group: self\\n"
    >>> print(_dash_hint(text, Mark(line=4, column=0)))
    ; line 5 (“- rater_group: self”) is a list item, but the list under “feedback:” (line 3) starts on line 4 (“rater_group: peer”) without “- ”: start that line with “- ” as line 5 does
    """  # noqa: E501
    lines = (text or "").splitlines()
    if mark is None or not 0 <= mark.line < len(lines):
        return ""
    here = lines[mark.line]
    dash = len(here) - len(here.lstrip(" "))
    if not re.match(r"-(?:[ \t]|$)", here[dash:]):
        return ""
    for above in range(mark.line - 1, -1, -1):
        line = lines[above]
        column = len(line) - len(line.lstrip(" "))
        if not line.strip() or line.lstrip().startswith("#") or column > dash:
            continue
        if not re.fullmatch(r"[ \t]*\w[\w ]*:[ \t]*(?:#.*)?", line) or column < dash - 2:
            return ""
        first = next((i for i in range(above + 1, mark.line)
                      if lines[i].strip() and not lines[i].lstrip().startswith("#")), None)
        if first is None or lines[first].lstrip().startswith("-"):
            return ""
        return (f"; line {mark.line + 1} (“{_line_text(text, mark.line)}”) is a list item, "
                f"but the list under “{line.strip()}” (line {above + 1}) starts on line "
                f"{first + 1} (“{_line_text(text, first)}”) without “- ”: start that line "
                f"with “- ” as line {mark.line + 1} does")
    return ""


def _escape_hint(text: str | None, began: Any, mark: Any) -> str:
    """``; inside double quotes a backslash starts an escape ...`` with the text in single
    quotes, when the parser stopped at a backslash in a double-quoted text begun on the
    same line (a Windows path: ``"C:\\Users\\sam"``), else ``''``.

    >>> import types
    >>> at = types.SimpleNamespace
    >>> print(_escape_hint('notes: "C:\\\\Users\\\\sam\\\\"\\n', at(line=0, column=7), at(line=0)))
    ; inside double quotes a backslash starts an escape (\\n, \\t, \\u…): write the text in single quotes, where a backslash is itself: notes: 'C:\\Users\\sam\\'
    """  # noqa: E501
    lines = (text or "").splitlines()
    if began is None or mark is None or began.line != mark.line or not 0 <= began.line < len(
            lines):
        return ""
    line = lines[began.line]
    if line[began.column:began.column + 1] != '"':
        return ""
    inside = line[began.column + 1:].rstrip()
    inside = inside[:-1] if inside.endswith('"') else inside
    typed = shorten(f"{line[:began.column].strip()} {_in_quotes(inside)}".strip(), 80)
    return ("; inside double quotes a backslash starts an escape (\\n, \\t, \\u…): write the "
            f"text in single quotes, where a backslash is itself: {typed}")


def _no_space_hint(text: str | None, line: int) -> str:
    """``; a “:” is followed by a space ...`` with the line written so, when ``line``
    (0-based) is a field whose ``:`` has no space after it (``coach:Kim``), else ``''``.

    >>> _no_space_hint("person:\\n  coach:Kim Lee\\n", 1)
    '; a “:” after a field’s name is followed by a space: write line 2 as coach: Kim Lee'
    """
    lines = (text or "").splitlines()
    found = re.fullmatch(r"[ \t]*((?:-[ \t]+)*\w[\w ]*):(\S.*)", lines[line]
                         ) if 0 <= line < len(lines) else None
    if found is None:
        return ""
    return ("; a “:” after a field’s name is followed by a space: write line "
            f"{line + 1} as " + shorten(f"{found.group(1)}: {found.group(2)}", 80))


def _line_text(text: str | None, line: int) -> str:
    """The text of ``line`` (0-based) of ``text``, stripped and shortened
    (:func:`~career_workbook.wording.shorten`).

    >>> _line_text("a: 1\\nnotes: " + "word " * 20, 1)
    'notes: word word word word word word word word word word…'
    """
    lines = (text or "").splitlines()
    return shorten(lines[line].strip()) if 0 <= line < len(lines) else ""


def _yaml_error(err: yaml.YAMLError, path: Any, text: str | None = None) -> WorkbookError:
    """The refusal of a file the YAML parser could not read, naming the line to fix.

    A quote never closed or a missing ``:`` is found by the parser lines later (at the end
    of the file, or on the next key); the message names the line where it began and quotes
    it, so a person editing by hand sees the line to fix.

    >>> try:
    ...     yaml.load("person:\\n  name: 'Sam\\n  coach: Kim\\n", Loader=_Loader)
    ... except yaml.YAMLError as err:
    ...     print(_yaml_error(err, "sam.yaml", "person:\\n  name: 'Sam\\n  coach: Kim\\n"))
    sam.yaml: invalid YAML at line 2, column 9 (“name: 'Sam”): the ' that opens this text is not closed on its line, so YAML reads the rest of the file as part of it (noticed at line 4, column 1). Close it on line 2: name: 'Sam'

    A quote left open up to another one further down (:func:`_runaway_quote`) is named
    where it was opened too; a second ``: `` in a value, with the value in quotes
    (:func:`_colon_hint`).
    """  # noqa: E501
    if isinstance(err, yaml.reader.ReaderError):
        return _reader_error(err, path, text)
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
    began = getattr(err, "context_mark", None)
    context = getattr(err, "context", None)
    problem = getattr(err, "problem", None) or str(err).splitlines()[0]
    if (began is not None and mark is not None and began.line < mark.line
            and "quoted scalar" in (context or "") and "end of stream" in problem and text
            and not _cut_short_hint(text, mark, path)):
        return WorkbookError(_unclosed(text, began.line, began.column, None, where), path=path)
    runaway = _runaway_quote(text, mark.line + 1) if text and mark is not None else None
    if runaway is not None:
        start = runaway.start_mark
        return WorkbookError(_unclosed(text, start.line, start.column, runaway.end_mark.line,
                                       f"{where}: {problem}"), path=path)
    if (began is not None and mark is not None and began.line < mark.line
            and any(word in (context or "") for word in _BEGUN_EARLIER)):
        shown = _line_text(text, began.line)
        return WorkbookError(
            f"invalid YAML at line {began.line + 1}, column {began.column + 1}"
            + (f" (“{shown}”)" if shown else "")
            + f": {problem} {context} (noticed{where})"
            + (_cut_short_hint(text, mark, path) or _no_space_hint(text, began.line)),
            path=path)
    tag = _unsupported_tag(err)
    if tag is not None:
        return WorkbookError(
            f"unsupported YAML tag '{tag}'{where}: a workbook holds only plain text, numbers, "
            "dates, lists and mappings",
            path=path,
        )
    if "another document" in problem:
        return WorkbookError(f"the file holds more than one YAML document (another starts"
                             f"{where}); a workbook is a single document", path=path)
    hint = (_tab_hint(text, mark) or _cut_short_hint(text, mark, path)
            or _indent_hint(text, mark)
            or (_colon_hint(text, mark) or _carried_on_hint(text, mark)
                if "mapping values are not allowed" in problem else "")
            or (_dash_hint(text, mark) if "expected key" in problem else "")
            or (_escape_hint(text, began, mark)
                if re.search(r"escape character|hexdecimal", problem) else ""))
    return WorkbookError(f"invalid YAML{where}: {problem}{hint}", path=path)


def _then(advice: str) -> str:
    """``'. ' + advice``, or ``''`` when there is none."""
    return f". {advice}" if advice else ""


def _versions_kept(path: Any) -> str:
    """How to bring back the last version kept of the workbook at ``path``.

    >>> print(_versions_kept("workbooks/jo (conflicted copy).yaml"))
    `career-workbook undo 'jo (conflicted copy).yaml'` brings back the last version kept (`history` lists them)

    A version kept in the history has none of its own (``''``):

    >>> _versions_kept("workbooks/.history/jo.yaml/2026-12-07T02-52-04Z-000002.yaml")
    ''
    """  # noqa: E501
    import shlex

    if path is not None and Path(str(path)).parent.parent.name == _HISTORY_DIR:
        return ""
    name = shlex.quote(Path(str(path)).name) if path is not None else "FILE"
    return f"`career-workbook undo {name}` brings back the last version kept (`history` lists them)"


def _cut_short_hint(text: str | None, mark: Any, path: Any) -> str:
    """``; the file ends in the middle of line N ...`` when the parser stopped at the end of
    a file whose last line has no line break: what a file cut short while it was written
    (a sync tool, a crash) looks like, since a save always ends the file with one.

    >>> text = "person:\\n  name: Sam\\ngoals:\\n- text: Ship\\n  dead"
    >>> try:
    ...     yaml.load(text, Loader=_Loader)
    ... except yaml.YAMLError as err:
    ...     print(_yaml_error(err, "sam.yaml", text))
    sam.yaml: invalid YAML at line 5, column 3 (“dead”): could not find expected ':' while scanning a simple key (noticed at line 6, column 1); the file ends in the middle of line 5 (“dead”): it may have been cut short while it was written (a sync tool, a crash). `career-workbook undo sam.yaml` brings back the last version kept (`history` lists them)
    """  # noqa: E501
    if not text or text.endswith(("\n", "\r")) or mark is None:
        return ""
    last = text.count("\n") + text.count("\r") - text.count("\r\n")
    if mark.line < last:
        return ""
    return (f"; the file ends in the middle of line {last + 1} (“{_line_text(text, last)}”): "
            "it may have been cut short while it was written (a sync tool, a crash)"
            + _then(_versions_kept(path)))


def _reader_error(err: yaml.reader.ReaderError, path: Any, text: str | None) -> WorkbookError:
    """The refusal of a file holding a character no text file holds, naming its line and
    what to do: zero bytes are what a sync tool, a crash or a full disk leave in a file cut
    short, so the kept versions are offered; another control character is to be deleted.

    >>> text = "person:\\n  name: Sam\\n\\0\\0\\0"
    >>> try:
    ...     yaml.load(text, Loader=_Loader)
    ... except yaml.YAMLError as err:
    ...     print(_yaml_error(err, "sam.yaml", text))
    sam.yaml: line 3 holds zero bytes (NUL): the file was cut short while it was written (a sync tool, a crash, a full disk). `career-workbook undo sam.yaml` brings back the last version kept (`history` lists them)
    >>> text = "person:\\n  name: Sam\\x1b[0m\\n"
    >>> try:
    ...     yaml.load(text, Loader=_Loader)
    ... except yaml.YAMLError as err:
    ...     print(_yaml_error(err, "sam.yaml", text))
    sam.yaml: line 2, column 12 holds the control character U+001B, which a workbook cannot hold; delete it in a text editor
    """  # noqa: E501
    before = (text or "")[: max(err.position, 0)]
    line = before.count("\n") + 1
    column = err.position - (before.rfind("\n") + 1) + 1
    if err.character in (0, "\0"):
        return WorkbookError(
            f"line {line} holds zero bytes (NUL): the file was cut short while it was written "
            "(a sync tool, a crash, a full disk)" + _then(_versions_kept(path)), path=path)
    code = err.character if isinstance(err.character, int) else ord(str(err.character)[:1] or "?")
    return WorkbookError(
        f"line {line}, column {column} holds the control character U+{code:04X}, which a "
        "workbook cannot hold; delete it in a text editor", path=path)


_TOP_KEY = re.compile(r"^([A-Za-z_]\w*):", re.M)
"""A top-level key as a save writes it: at the start of a line (what it holds is indented)."""


class WorkbookCutShortError(WorkbookError):
    """:func:`save` refused: the file looks cut short (:func:`cut_short`: ``note`` says why),
    and a save would put the shorter workbook in the place of the fuller version kept in
    its history.

    >>> err = WorkbookCutShortError("it stops after line 3", path="sam.yaml")
    >>> err.note, str(err).startswith("sam.yaml: it stops after line 3. Nothing was saved")
    ('it stops after line 3', True)
    """

    def __init__(self, note: str, *, path: Any = None):
        self.note = note
        super().__init__(
            f"{note}. Nothing was saved, so that this shorter file does not take that "
            "version's place: bring it back first, then make your change again", path=path)


def cut_short(path: str | os.PathLike[str], text: str | None = None, *,
              now: datetime | None = None) -> str | None:
    """Why the workbook file at ``path`` looks cut short, or ``None``.

    A save writes every section of a workbook, in one order, below its header. A file with
    that header whose sections stop early (the goals, actions, check-ins ... of the newest
    version kept in its history all missing after its last one) was cut after a save wrote
    it: a sync tool, a crash or a half-copied file, cut at a line end, so that it still
    reads as a smaller workbook. ``text``: the file's text, when already read; ``now``:
    the clock the kept version's time is told on.

    >>> import tempfile, pathlib
    >>> from career_workbook.model import Goal
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "sam.yaml"
    >>> wb = new(p, "Sam")
    >>> wb.goals.append(Goal(text="Lead the data team")); save(wb, p)
    >>> wb.strengths.append("Listening"); save(wb, p)
    >>> cut_short(p) is None
    True
    >>> whole = p.read_text()
    >>> _ = p.write_text(whole[: whole.index("\\nskills:") + 1])
    >>> print(cut_short(p))  # doctest: +ELLIPSIS
    the file looks cut short (a sync tool, a crash or a half-copied file leaves a file so): it stops after line 18, without the sections every save writes after the values. The version kept from today ... holds the goals it lacks (compared with this file: 1 goal more): `career-workbook undo sam.yaml` brings back the last version kept (`history` lists them)
    """  # noqa: E501
    from career_workbook.versions import describe_change, saved_when, section_words

    path = Path(path)
    if text is None:
        try:
            text = _read_bytes(path).removeprefix(_BOM).decode("utf-8")
        except (WorkbookError, OSError, UnicodeDecodeError):
            return None
    if not _HEADER_FIRST.match(text):
        return None
    entries = _entries(_key(path), newest=True)  # each save and load asks: one file
    if not entries:
        return None
    try:
        full = entries[0].path.read_bytes().removeprefix(_BOM).decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    have, had = _TOP_KEY.findall(text), _TOP_KEY.findall(full)
    if not _HEADER_FIRST.match(full) or len(have) >= len(had) or had[: len(have)] != have:
        return None
    try:
        then = loads(full, path=path)
    except WorkbookError:
        return None
    try:
        now_wb: Workbook | None = loads(text, path=path)
    except WorkbookError:  # cut inside an entry that then lacks a field it needs
        now_wb = None
    empty = new_workbook(then.person.name)
    lost = section_words([name for name in had[max(len(have) - 1, 0):]  # the last one, cut
                          if getattr(then, name, None) != getattr(now_wb or empty, name, None)])
    if not lost:  # the sections missing were empty: nothing is lost
        return None
    after = f" after the {section_words(have[-1:])[0]}" if have else ""
    when = saved_when(entries[0].saved_at, now or datetime.now())
    change = ("" if now_wb is None
              else f" (compared with this file: {describe_change(then, now_wb)})")
    return (f"the file looks cut short (a sync tool, a crash or a half-copied file leaves a "
            f"file so): it stops after line {len(text.splitlines())}, without the sections "
            f"every save writes{after}. The version kept from {when} holds the "
            f"{listing(lost)} it lacks{change}: " + _versions_kept(path))


def _tab_hint(text: str | None, mark: Any) -> str:
    """``; the file uses a tab to indent line N; indent with spaces`` when a line up to
    the error's indents with a tab (YAML allows only spaces), else ``''``.

    >>> _tab_hint("a:\\n\\tb: 1\\n", None)
    '; the file uses a tab to indent line 2; indent with spaces'
    """
    last = mark.line if mark is not None else None
    for number, line in enumerate((text or "").splitlines()[:None if last is None
                                                               else last + 1]):
        if re.match(r"[ -]*\t", line):
            return f"; the file uses a tab to indent line {number + 1}; indent with spaces"
    return ""


def _key_columns(text: str, last: int) -> set[int]:
    """The columns at which the keys and list items of lines before ``last`` (0-based)
    start, as the YAML scanner found them (so text inside a long answer never counts)."""
    columns: set[int] = set()
    flow = 0  # inside {...} or [...]: a key there is no indentation
    opens = (yaml.FlowMappingStartToken, yaml.FlowSequenceStartToken)
    closes = (yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if token.start_mark.line >= last:
                break
            flow += isinstance(token, opens) - isinstance(token, closes)
            if not flow and isinstance(token, yaml.KeyToken | yaml.BlockEntryToken):
                columns.add(token.start_mark.column)
    except yaml.YAMLError:
        pass
    return columns


def _indent_hint(text: str | None, mark: Any) -> str:
    """``; line N (“field: value”) is indented K spaces, which lines up with no field
    above it (they start at 0 or 2 spaces): ...`` when the line the parser stopped on starts
    at a column no field or list item before it starts at (a field typed one space too far
    in, or out), else ``''``.

    >>> from types import SimpleNamespace as Mark
    >>> _indent_hint("person:\\n  name: Sam\\n   coach: Kim\\n", Mark(line=2))
    '; line 3 (“coach: Kim”) is indented 3 spaces, which lines up with no field above it (they start at 0 or 2 spaces): indent it as the field it belongs beside'
    >>> _indent_hint("person:\\n  name: Sam\\n  coach: Kim\\n", Mark(line=2))
    ''
    >>> _indent_hint("values:\\n- {name: Family, importance: 5}\\n   x: 1\\n", Mark(line=2))[:38]
    '; line 3 (“x: 1”) is indented 3 spaces'
    """  # noqa: E501
    lines = (text or "").splitlines()
    if mark is None or not 0 <= mark.line < len(lines):
        return ""
    line = lines[mark.line]
    column = len(line) - len(line.lstrip(" "))
    if not line.strip() or line.lstrip().startswith("#"):
        return ""
    above = _key_columns(text or "", mark.line)
    if not above or column in above:
        return ""
    said = listing([str(c) for c in sorted(above)], last="or")
    return (f"; line {mark.line + 1} (“{_line_text(text, mark.line)}”) is indented "
            f"{plural(column, 'space')}, which lines up with no field above it (they start "
            f"at {said} spaces): indent it as the field it belongs beside")


def _too_deep(mark: Any, path: Any) -> WorkbookError:
    """The refusal of a file nested deeper than ``_MAX_DEPTH``, at ``mark`` when known."""
    where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
    return WorkbookError(f"the YAML is nested too deeply{where} (more than {_MAX_DEPTH} "
                         "levels of lists and mappings)", path=path)


def _shared(mark: Any, path: Any) -> WorkbookError:
    where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
    return WorkbookError(
        f"YAML anchors and aliases (&name / *name) are not supported in a workbook{where}; "
        "write the values out in full", path=path)


def _check_events(text: str, path: Any) -> None:
    """Refuse anchors, aliases and deep nesting from the parser's events, before building.

    Any anchor (``&name``) or alias (``*name``), on a scalar, list or mapping, is refused:
    an alias can make a small file expand enormously (a 112 KB file used one 19,000-character
    text 3,000 times). Lists and mappings nested deeper than ``_MAX_DEPTH`` break recursive
    code (the C loader crashes on a few hundred thousand levels; ``repr`` in an error
    message on a few thousand). A parse error is left for the loader to report.
    """
    parser = _Loader(text)
    depth = 0
    starts = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
    ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    try:
        while parser.check_event():
            event = parser.get_event()
            kind = event.__class__
            if getattr(event, "anchor", None) is not None:  # &name, or an alias *name
                raise _shared(event.start_mark, path)
            if kind in starts:
                depth += 1
                if depth > _MAX_DEPTH:
                    raise _too_deep(event.start_mark, path)
            elif kind in ends:
                depth -= 1
    except yaml.YAMLError as err:
        # PyYAML >= 6.0.4 stops at 1,000 open brackets while scanning ahead, before this
        # loop sees the 51st level: the same refusal, at the place the scanner reached.
        if "nesting depth" in str(getattr(err, "problem", "")):
            raise _too_deep(getattr(err, "problem_mark", None), path) from None
    finally:
        parser.dispose()


def _parse(text: str, path: Any) -> dict[str, Any]:
    """The mapping in ``text``: the one way a workbook's YAML is read, every rule applied."""
    with _no_gc():
        _check_events(text, path)
        data = _load_yaml(text, path)
    if data is None:
        raise WorkbookError("the file is empty; a workbook needs at least a person", path=path)
    if not isinstance(data, dict):
        kind = {list: "a list"}.get(type(data), f"a single value ({type(data).__name__})")
        raise WorkbookError(
            path=path,
            problems=[Problem("", data, f"the top level must be a mapping of fields, not {kind}")],
        )
    return data


def _load_yaml(text: str, path: Any) -> Any:
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as err:
        raise _yaml_error(err, path, text) from None
    except (ValueError, OverflowError) as err:  # pragma: no cover - the constructors catch
        raise WorkbookError(f"a value cannot be read: {err}", path=path) from None
    except RecursionError:  # pragma: no cover - _check_events keeps the nesting shallow
        raise WorkbookError("the YAML is nested too deeply", path=path) from None


def loads(text: str, *, path: Any = None) -> Workbook:
    """Parse, upgrade and validate the YAML text of a workbook.

    ``path`` is only used to name the file in error messages. The usual plain YAML is read
    by a fast reader (:func:`_fast_yaml`, the safe parser's events); anything unusual, and
    every error, by the (C) safe loader after :func:`_check_events` (no anchors or aliases,
    no deep nesting); duplicate keys and numbers over 4,300 digits are refused.

    >>> loads("person: {name: Sam}\\ncheckins: [{date: 2026-01-05, note: hi}]").check_ins[0].note
    'hi'
    >>> loads("person: {name: Sam, start_date: 2026-02-30}", path="sam.yaml")
    Traceback (most recent call last):
    ...
    career_workbook.model.WorkbookError: sam.yaml: person.start_date = '2026-02-30': Input should be a valid date; 30 February 2026 is not a date (February 2026 has 28 days)
    >>> loads("person: {name: &n Sam, coach: *n}", path="sam.yaml")
    Traceback (most recent call last):
    ...
    career_workbook.model.WorkbookError: sam.yaml: YAML anchors and aliases (&name / *name) are not supported in a workbook (line 1, column 16); write the values out in full
    """  # noqa: E501
    try:
        with _no_gc():
            data = _fast_yaml(text)
    except _Unusual:
        try:
            data = _parse(text, path)
        except WorkbookError as err:
            if "duplicate key" in str(err):  # 1,000,000 in {…}: the key 000 twice
                err = _comma_numbers(err, text, path)
            raise err from None
    try:
        return validate_workbook(migrate(data, path=path), path=path)
    except WorkbookError as err:
        raise _with_text_hints(_comma_numbers(err, text, path), text) from None


def _comma_numbers(err: WorkbookError, text: str, path: Any) -> WorkbookError:
    """``err`` told as it would be if each value written with a comma inside ``{…}``
    (``current: 2,5``) were the text typed: YAML reads it there as the number 2 followed
    by a key 5 with no value, which would otherwise give two or three puzzling problems.
    Validates the file once more with that text in place, for the problems a block
    mapping's ``current: 2,5`` gets (``write 2.5 (a decimal point, not a comma)``); text
    a field takes as it is (a title) is named, to be written in quotes. ``err`` itself
    when there is no such value.

    >>> text = "person: {name: Sam}\\nlearning:\\n- {title: SQL 2,5, hours: 12,5}\\n"
    >>> err = WorkbookError(path="sam.yaml", problems=[Problem("learning[0][5]", 5, "?")])
    >>> for problem in _comma_numbers(err, text, "sam.yaml").problems:
    ...     print(problem)
    learning item 1 (“SQL 2,5”), hours = '12,5': Input should be a valid number; write 12.5 (a decimal point, not a comma)
    learning item 1, title = 'SQL 2,5': inside {…} a comma ends a value (YAML reads SQL 2 and then a key 5): write it in quotes, title: 'SQL 2,5'
    """  # noqa: E501
    if not re.search(r"\d,\d", text):
        return err
    try:
        with _no_gc():
            root = yaml.compose(text, Loader=_SafeLoader)
        joined = _join_comma_numbers(root, text)
        if not joined:
            return err
        loader = _Loader("")
        try:
            data = loader.construct_document(root)
        finally:
            loader.dispose()
        try:
            validate_workbook(migrate(data, path=path), path=path)
            problems: list[Problem] = []
        except WorkbookError as again:
            problems = list(again.problems)
    except Exception:  # noqa: BLE001 - a clearer message is optional
        return err
    named = [p.field for p in problems]
    for field, typed in joined:
        if not any(field == name or field.startswith((f"{name}.", f"{name}["))
                   for name in named):  # the field took the text: it was meant as text
            first, _, keys = typed.partition(",")
            quoted = _in_quotes(typed)
            problems.append(Problem(field, typed, (
                f"inside {{…}} a comma ends a value (YAML reads {first} and then "
                f"{'a key' if ',' not in keys else 'keys'} {keys.replace(',', ', ')}): "
                f"write it in quotes, {field.rsplit('.', 1)[-1]}: {quoted}")))
    return WorkbookError(path=err.path, problems=problems)


def _join_comma_numbers(root: Any, text: str) -> list[tuple[str, str]]:
    """Put back, in the composed ``root``, each value YAML split at a comma inside
    ``{…}``: a plain value that ends in a digit, a comma right after it, then one or more
    plain whole-number keys with no value (``2,5`` is read there as ``2`` and a key ``5``;
    ``1,000,500`` as ``1``, ``000`` and ``500``) becomes the quoted text typed. Returns
    the field and the text of each.

    >>> text = "a: {b: 2,5, c: 3, d: [{e: 1,000,500}], f: 4, 5}"
    >>> root = yaml.compose(text)
    >>> _join_comma_numbers(root, text)
    [('a.b', '2,5'), ('a.d[0].e', '1,000,500')]
    >>> [(k.value, v.value) for k, v in root.value[0][1].value][:2]
    [('b', '2,5'), ('c', '3')]
    """
    found: list[tuple[int, str, str]] = []
    made: set[int] = set()  # the ids of the values joined
    seen: set[int] = set()  # each node once, however many aliases name it
    todo: list[tuple[Any, str]] = [(root, "")]
    while todo:
        node, field = todo.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            todo.extend((item, f"{field}[{i}]") for i, item in enumerate(node.value))
        if not isinstance(node, yaml.MappingNode):
            continue
        pairs: list[tuple[Any, Any]] = []
        joined: Any = None  # the value last joined, which may go on (1,000,500)
        for key, value in node.value:
            last = pairs[-1][1] if pairs else None
            if (isinstance(last, yaml.ScalarNode) and (last is joined or not last.style)
                    and last.value[-1:].isdigit()
                    and isinstance(key, yaml.ScalarNode) and not key.style
                    and key.tag == _YAML_TAG + "int" and re.fullmatch(r"\d+", key.value)
                    and isinstance(value, yaml.ScalarNode) and value.value == ""
                    and value.tag == _YAML_TAG + "null"
                    and key.start_mark.index == last.end_mark.index + 1
                    and text[last.end_mark.index:key.start_mark.index] == ","):
                joined = yaml.ScalarNode(_STR_TAG, f"{last.value},{key.value}",
                                         last.start_mark, key.end_mark, style="'")
                pairs[-1] = (pairs[-1][0], joined)
                made.add(id(joined))
                continue
            pairs.append((key, value))
        node.value = pairs
        for key, value in pairs:
            name = f"{field}.{key.value}" if field else str(key.value)
            if id(value) in made:
                found.append((value.start_mark.index, name, value.value))
            todo.append((value, name))
    return [(name, typed) for _, name, typed in sorted(found)]


def _with_text_hints(err: WorkbookError, text: str) -> WorkbookError:
    """``err`` with a hint on each problem where YAML read text as something else
    (:func:`_text_hint`); ``err`` itself when there is none."""
    if not any(_read_as(p.value) for p in err.problems):
        return err
    try:
        with _no_gc():
            root = yaml.compose(text, Loader=_SafeLoader)
    except Exception:  # noqa: BLE001 - a hint is optional
        return err
    problems, hinted = [], False
    for p in err.problems:
        hint = _text_hint(p, _node_at(root, p.field)[1] if p.field else None)
        hinted |= hint is not None
        problems.append(Problem(p.field, p.value, f"{p.message}; {hint}") if hint else p)
    return WorkbookError(path=err.path, problems=problems) if hinted else err


# ----------------------------------------------------------------------------------------
# Atomic writes
# ----------------------------------------------------------------------------------------
def _name_max(folder: Path) -> int:
    """The longest file name (in bytes) the file system of ``folder`` takes (255 if unknown)."""
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):  # no such folder; Windows has no pathconf
        return 255


def _fitted(path: Path, added: int) -> str:
    """The name of ``path`` to build ``.<name>`` plus ``added`` bytes from, within the file
    system's name limit: the name itself when it fits (the names every version of this
    package uses), else its start, ``~`` and a hash of the whole name (unique per file).

    >>> _fitted(Path("/tmp/alex.yaml"), 22)
    'alex.yaml'
    >>> name = _fitted(Path("/tmp") / ("职" * 80 + ".yaml"), 22)
    >>> len(name.encode()) + 1 + 22 <= 255, name[-17:-16], name == _fitted(Path("/tmp") / (
    ...     "职" * 80 + ".yaml"), 22)
    (True, '~', True)
    """
    name = path.name
    limit = _name_max(path.parent)
    encoded = os.fsencode(name)
    if 1 + len(encoded) + added <= limit:
        return name
    digest = hashlib.sha256(encoded).hexdigest()[:16]
    room = max(limit - 1 - added - 1 - len(digest), 0)
    start = encoded[:room].decode("utf-8", "ignore") if room else ""
    return f"{start}~{digest}"


_TEMP_ADDED = len(".") + 16 + len(".tmp")
"""What a temporary file's name adds to the (fitted) name it is for: ``.<16 hex>.tmp``."""


def _temp_name(path: Path) -> str:
    """``.<name>.<16 random hex>.tmp`` for a file at ``path``, within the name limit."""
    return f".{_fitted(path, _TEMP_ADDED)}.{secrets.token_hex(8)}.tmp"


def _temp_pattern(path: Path) -> re.Pattern[str]:
    """What the names :func:`_temp_name` gives the temporary files of ``path`` look like."""
    name = _fitted(path, _TEMP_ADDED)
    return re.compile(rf"^\.{re.escape(name)}\.[0-9a-f]{{16}}\.tmp$")


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":  # pragma: no cover - Windows cannot open a folder to fsync it
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_temp(path: Path, data: bytes, mode: int | None = None) -> Path:
    """Write ``data`` to a new ``.<name>.<random>.tmp`` beside ``path``, fsynced; return it."""
    tmp = path.with_name(_temp_name(path))
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(tmp, flags, 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            if mode is not None:
                os.chmod(handle.fileno() if os.name == "posix" else tmp, mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves either the old or the new file.

    Writes ``.<name>.<random>.tmp`` in the same folder, flushes and fsyncs it, renames it
    over ``path`` with ``os.replace`` and fsyncs the folder. An existing file keeps its
    permissions; a new one gets the usual ones (``0o666`` minus the umask). The caller
    serialises writers of the same path (:func:`save` holds the workbook's lock).

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "note.txt"
    >>> atomic_write_bytes(target, b"hello")
    >>> target.read_bytes(), sorted(p.name for p in target.parent.iterdir())
    (b'hello', ['note.txt'])
    """
    path = Path(path)
    try:
        mode: int | None = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = None
    tmp = _write_temp(path, data, mode)
    try:
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def write_output(path: str | os.PathLike[str], data: bytes, suggest: str = "") -> None:
    """Write an export (a calendar, a CSV) to ``path`` with :func:`atomic_write_bytes`,
    never to a workbook's name (``.yaml`` or ``.yml``, any case): an export written there replaced the workbook, with no earlier
    version kept (``calendar kim.yaml --out kim.yaml``). :class:`OutputError` says so and
    names ``suggest``, the file name to use instead; nothing is written.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "kim.YAML"
    >>> write_output(target, b"BEGIN:VCALENDAR", "kim.ics")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    career_workbook.store.OutputError: cannot write to .../kim.YAML: that is a workbook's file name (.yaml), and an export never writes over a workbook; name it kim.ics
    >>> target.exists()
    False
    """  # noqa: E501
    write_outputs({path: data}, suggest)


def write_outputs(files: Mapping[str | os.PathLike[str], bytes], suggest: str = "") -> None:
    """Write several exports (``path: data``) as one set, all or none, each as
    :func:`write_output` writes one: every file is written to a temporary file beside its
    place and fsynced first, and only when all were written are they renamed into place
    (a rename needs no space), so a full disk half-way leaves every earlier file as it was
    and no temporary file (``cohort`` left the new CSV and some new charts beside the old
    ones). ``suggest``: the name to use instead of a workbook's (``.yaml``), for any file.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> write_outputs({folder / "a.csv": b"new", folder / "a.png": b"new"})
    >>> sorted((p.name, p.read_bytes()) for p in folder.iterdir())
    [('a.csv', b'new'), ('a.png', b'new')]
    """
    from career_workbook.workspace import WORKBOOK_SUFFIXES

    paths = {Path(path): data for path, data in files.items()}
    for path in paths:
        if path.suffix.lower() in WORKBOOK_SUFFIXES:
            raise OutputError(errno.EINVAL, f"that is a workbook's file name "
                              f"({path.suffix.lower()}), and an export never writes over a "
                              "workbook" + (f"; name it {suggest}" if suggest else ""),
                              str(path))
    temporary: dict[Path, Path] = {}
    try:
        for path, data in paths.items():
            try:
                mode: int | None = stat.S_IMODE(path.stat().st_mode)
            except FileNotFoundError:
                mode = None
            temporary[path] = _write_temp(path, data, mode)
        for path, tmp in list(temporary.items()):
            os.replace(tmp, path)
            del temporary[path]
    finally:
        for tmp in temporary.values():
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    for folder in dict.fromkeys(path.parent for path in paths):
        _fsync_dir(folder)


class OutputError(OSError):
    """An output (a pack, a run's notebooks) could not be written: says which folder and
    what to do, and is never blamed on the workbook it was made from.

    >>> print(OutputError(errno.EPERM, "Operation not permitted", "out/alex"))
    cannot write to out/alex: Operation not permitted — check the folder's permissions
    """

    def __str__(self) -> str:
        advice = _OUTPUT_ADVICE.get(self.errno or 0, "")
        return f"cannot write to {self.filename}: {self.strerror}{advice}"


_OUTPUT_ADVICE = {
    **dict.fromkeys((errno.EACCES, errno.EPERM, errno.EROFS),
                    " — check the folder's permissions"),
    **dict.fromkeys((errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)),
                    " — free some space on that disk"),
}


#: The disk's own errors (full, over quota, read-only): for :func:`writing_to` ``only=``
#: around work that can also fail for reasons of its own (a kernel that cannot start).
DISK_ERRNOS = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EROFS})


@contextlib.contextmanager
def writing_to(folder: str | os.PathLike[str],
               only: Collection[int] | None = None) -> Iterator[None]:
    """Report an ``OSError`` raised inside as an :class:`OutputError` naming ``folder``;
    with ``only``, just those errnos (e.g. :data:`DISK_ERRNOS`), the others pass as they are.

    >>> try:
    ...     with writing_to("out/alex"):
    ...         raise PermissionError(errno.ENOSPC, "No space left on device", "out/alex/x")
    ... except OutputError as err:
    ...     print(err)
    cannot write to out/alex: No space left on device — free some space on that disk
    >>> with writing_to("out/runs/kim", only=DISK_ERRNOS):
    ...     raise OSError(errno.ENOENT, "No such file or directory", "python3")
    Traceback (most recent call last):
    ...
    FileNotFoundError: [Errno 2] No such file or directory: 'python3'
    """
    try:
        yield
    except OutputError:
        raise
    except OSError as err:
        if only is not None and err.errno not in only:
            raise
        raise OutputError(err.errno, err.strerror or str(err), str(folder)) from err


# ----------------------------------------------------------------------------------------
# Locking: one OS lock per workbook, re-entrant within a thread, threads serialised
# ----------------------------------------------------------------------------------------
def _lock_path(path: Path) -> Path:
    """``.<name>.lock`` beside ``path``; a name too long for that is shortened (:func:`_fitted`)."""
    return path.with_name(f".{_fitted(path, len('.lock'))}.lock")


if os.name == "posix":
    import fcntl

    def _try_os_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _os_unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

else:  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_os_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _os_unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)


_CANNOT_WRITE = {errno.EACCES, errno.EPERM, errno.EROFS}
"""Why a folder cannot be written: permission denied, not permitted, a read-only disk."""


def _open_lock_file(lock_file: Path) -> int:
    """Open (or create) the lock file, never through a symlink.

    A lock file another user created (0644) cannot be opened for writing; ``flock`` works
    on a read-only descriptor just as well, so it is opened read-only then. When that fails
    too (there is no lock file, and the folder cannot be written), the first error is
    raised: it says why (permission denied, a read-only file system).
    """
    nofollow = getattr(os, "O_NOFOLLOW", 0)
    try:
        return os.open(lock_file, os.O_RDWR | os.O_CREAT | nofollow, 0o666)
    except OSError as err:
        if os.name != "posix" or err.errno not in _CANNOT_WRITE:
            raise
        try:
            return os.open(lock_file, os.O_RDONLY | nofollow)
        except OSError:
            raise err from None


class _PathLock:
    """The lock of one workbook: a thread lock plus, while held, an OS lock on the lock file."""

    def __init__(self, lock_file: Path):
        self.lock_file = lock_file
        self.thread_lock = threading.RLock()
        self.depth = 0  # only touched by the thread holding ``thread_lock``
        self.fd: int | None = None

    def acquire(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        got = (
            self.thread_lock.acquire(blocking=False)
            if timeout <= 0
            else self.thread_lock.acquire(timeout=timeout)
        )
        if not got:
            return False
        try:
            if self.depth == 0:
                fd = _open_lock_file(self.lock_file)
                delay = 0.0005
                while not _try_os_lock(fd):
                    if time.monotonic() >= deadline:
                        os.close(fd)
                        self.thread_lock.release()
                        return False
                    time.sleep(delay)
                    delay = min(delay * 2, 0.02)
                self.fd = fd
            self.depth += 1
        except BaseException:
            self.thread_lock.release()
            raise
        return True

    def release(self) -> None:
        self.depth -= 1
        if self.depth == 0 and self.fd is not None:
            fd, self.fd = self.fd, None
            try:
                _os_unlock(fd)
            finally:
                os.close(fd)
        self.thread_lock.release()


_registry_lock = threading.Lock()
_locks: dict[str, _PathLock] = {}


def _forget_locks_after_fork() -> None:  # pragma: no cover - runs in forked children
    global _registry_lock
    for lock in _locks.values():
        if lock.fd is not None:  # close our copy; never unlock: the parent still holds it
            with contextlib.suppress(OSError):
                os.close(lock.fd)
    _locks.clear()
    _registry_lock = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_locks_after_fork)


def _key(path: Path) -> Path:
    """The absolute path, its folder resolved: the same workbook always gets the same lock.

    The file name itself is not resolved: the lock, temporary files and history of a
    symlinked workbook would belong beside the link, and saving through it is refused.
    """
    path = Path(path)
    return Path(os.path.realpath(path.parent)) / path.name


@contextlib.contextmanager
def _locked(path: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold the workbook's lock (``path`` as the user gave it, for error messages)."""
    real = _key(path)
    with _registry_lock:
        lock = _locks.setdefault(str(real), _PathLock(_lock_path(real)))
    wait = LOCK_TIMEOUT if timeout is None else timeout
    try:
        got = lock.acquire(wait)
    except OSError as err:
        if err.errno in _CANNOT_WRITE:
            reason = (err.strerror or str(err)).lower()
            raise WorkbookError(
                f"the folder {path.parent} cannot be written ({reason}), so the workbook's "
                "lock file cannot be created; choose a folder you can write to, or fix its "
                "permissions", path=path) from None
        raise WorkbookError(f"cannot create the lock file: {err.strerror}", path=path) from None
    if not got:
        raise WorkbookError(
            f"another program has been saving this workbook for over {wait:g} s; "
            "try again in a moment",
            path=path,
        )
    try:
        yield
    finally:
        lock.release()


def _try_locked_cleanup(path: Path) -> None:
    """Remove a crashed save's temporary files, if we can take the lock right now."""
    real = _key(path)
    folder, hist = real.parent, _history_dir(real)
    pattern = _temp_pattern(real)
    if not _leftovers(folder, pattern) and not _leftovers(hist, None):
        return
    with contextlib.suppress(WorkbookError), _locked(path, timeout=0):
        # Every writer of these names holds the lock, so what is left now is garbage.
        for leftover in (*_leftovers(folder, pattern), *_leftovers(hist, None)):
            with contextlib.suppress(OSError):
                leftover.unlink()


@contextlib.contextmanager
def ctrl_c_deferred() -> Iterator[None]:
    """Hold Ctrl-C (SIGINT) back until the block has run, then raise it: for a step that
    must not stop half-way, such as the clean-up after a first Ctrl-C, which a second one
    (a terminal and ``timeout`` signal every process of the group, and people press
    twice) would cut short, leaving temporary folders behind. A process started within
    inherits the signal blocked. Only the main thread receives signals: elsewhere it
    changes nothing.

    >>> with ctrl_c_deferred():
    ...     print("a Ctrl-C pressed now would wait for this line")
    a Ctrl-C pressed now would wait for this line

    (A Ctrl-C raised inside the block: ``tests/test_ctrl_c_deferred.py``, in a process of
    its own, as a test runner's worker may not be where the signal is handled.)
    """
    import signal

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    came: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: came.append(signum))
    blocks = hasattr(signal, "pthread_sigmask")  # not on Windows
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT}) if blocks else None
    try:
        yield
    finally:
        if held is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
        signal.signal(signal.SIGINT, previous)
    if came and callable(previous):  # Python's own raises KeyboardInterrupt
        previous(signal.SIGINT, None)


STALE_SECONDS = 3600
"""Temporary files or folders with no lock file of :func:`owning` (an earlier version's)
older than this are removed by the next run or build (:func:`abandoned` says ``None``)."""


@contextlib.contextmanager
def owning(lock: str | os.PathLike[str]) -> Iterator[None]:
    """Create the file ``lock`` and hold an OS lock on it while the block runs, then remove
    it: the temporary files or folders it stands for belong to a running process until
    then (:func:`abandoned` tells another process whether they still do). Raises
    ``FileExistsError`` when ``lock`` exists, or was tidied away before it could be locked
    (choose another name).

    >>> import tempfile
    >>> lock = Path(tempfile.mkdtemp()) / ".tmp-alex-1a2b3c4d.lock"
    >>> with owning(lock):
    ...     with abandoned(lock) as free:
    ...         print(free)
    False
    >>> lock.exists()
    False
    """
    lock = Path(lock)
    nofollow = getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_EXCL | nofollow, 0o666)
    try:
        try:  # a tidier may have taken it in the instant before it was locked
            mine = _try_os_lock(fd) and os.path.samestat(os.fstat(fd), os.stat(lock))
        except FileNotFoundError:
            mine = False
        if not mine:
            raise FileExistsError(errno.EEXIST, "taken by another process", str(lock))
        yield
    finally:
        _drop_lock_file(fd, lock)


@contextlib.contextmanager
def abandoned(lock: str | os.PathLike[str]) -> Iterator[bool | None]:
    """Whether what the lock file ``lock`` of :func:`owning` stands for was left by a
    process that has ended: True (no one holds it; it is held, and the block may remove
    what it stands for, then the lock file goes), False (a running process holds it: leave
    it alone), None (there is no such lock file: decide another way, by age).

    >>> import tempfile
    >>> lock = Path(tempfile.mkdtemp()) / ".tmp-alex-1a2b3c4d.lock"
    >>> with abandoned(lock) as free:
    ...     print(free)
    None
    >>> _ = lock.write_bytes(b"")  # as a process that was killed left it
    >>> with abandoned(lock) as free:
    ...     print(free, lock.exists())
    True True
    >>> lock.exists()
    False
    """
    lock = Path(lock)
    try:
        fd = os.open(lock, os.O_RDWR | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        yield None
        return
    except OSError:  # cannot be opened (permissions): not ours to judge
        yield False
        return
    try:
        free = _try_os_lock(fd)
    except OSError:
        free = False
    if not free:
        os.close(fd)
        yield False
        return
    try:
        yield True
    finally:
        _drop_lock_file(fd, lock)


def _drop_lock_file(fd: int, lock: Path) -> None:
    """Remove the locked file ``lock`` and close ``fd`` (its lock goes with it); removed
    first where an open file can be (a tidier never sees it unlocked)."""
    if os.name == "posix":
        with contextlib.suppress(OSError):
            lock.unlink()
        os.close(fd)
    else:  # pragma: no cover - Windows removes no open file
        os.close(fd)
        with contextlib.suppress(OSError):
            lock.unlink()


def _leftovers(folder: Path, pattern: re.Pattern[str] | None) -> list[Path]:
    """Temp files in ``folder`` that match ``pattern`` (in history: any of our temp names)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    if pattern is None:
        found = [n for n in names if n.endswith(".tmp") and _is_history_temp(n)]
    else:
        found = [n for n in names if pattern.match(n)]
    return [folder / n for n in found]


def _is_history_temp(name: str) -> bool:
    match = re.match(r"^\.(.+)\.[0-9a-f]{16}\.tmp$", name)
    return bool(match and _HISTORY_NAME.match(match.group(1)))


# ----------------------------------------------------------------------------------------
# History
# ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class HistoryEntry:
    """A previous version of a workbook.

    ``version`` counts up with every save (higher is newer); ``saved_at`` is when that
    version was written (UTC); ``path`` is the copy in the history folder.
    """

    version: int
    saved_at: datetime
    path: Path
    size: int


def _history_dir(path: Path) -> Path:
    """``<folder>/.history/<file name>/``: ``alex.yaml`` and ``alex.yml`` never share one."""
    return path.parent / _HISTORY_DIR / path.name


def _migrate_history(real: Path) -> None:
    """Move an older release's ``.history/<stem>/`` to ``.history/<file name>/``.

    Only when no other file beside the workbook has the same stem (``alex.yml`` beside
    ``alex.yaml``): then whose versions they are is unknown, so they stay where they are
    and are never offered for either file. The caller holds the workbook's lock.
    """
    legacy, target = real.parent / _HISTORY_DIR / real.stem, _history_dir(real)
    if legacy == target or os.path.lexists(target) or legacy.is_symlink() or not legacy.is_dir():
        return
    with contextlib.suppress(OSError):
        others = [n for n in os.listdir(real.parent) if n != real.name
                  and not n.startswith(".") and Path(n).stem == real.stem]
        if not others:
            os.replace(legacy, target)


def _entries(path: Path, *, newest: bool = False) -> list[HistoryEntry]:
    """The kept versions of the workbook whose history key is ``path``, newest first;
    ``newest``: only the newest (one file looked at, not one per kept version)."""
    folder = _history_dir(path)
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    matches = [m for m in map(_HISTORY_NAME.match, names) if m is not None]
    if newest:
        matches = sorted(matches, key=lambda m: int(m.group(2)))[-1:]
    entries = []
    for match in matches:
        name = match.group(0)
        file = folder / name
        try:
            size = file.stat().st_size
        except OSError:
            continue
        saved_at = datetime.strptime(match.group(1), _STAMP_FORMAT).replace(tzinfo=UTC)
        entries.append(HistoryEntry(int(match.group(2)), saved_at, file, size))
    entries.sort(key=lambda e: e.version, reverse=True)
    return entries


def history(path: str | os.PathLike[str]) -> list[HistoryEntry]:
    """The kept previous versions of the workbook at ``path``, newest first.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "sam.yaml"
    >>> wb = new(p, "Sam")
    >>> history(p)
    []
    >>> wb.strengths.append("Listening")
    >>> save(wb, p)
    >>> entry = history(p)[0]
    >>> entry.version, entry.path.parent == p.parent / ".history" / "sam.yaml"
    (1, True)
    """
    real = _key(Path(path))
    if not os.path.lexists(_history_dir(real)) and (real.parent / _HISTORY_DIR / real.stem
                                                    ).is_dir():
        with contextlib.suppress(WorkbookError, OSError), _locked(real, timeout=0):
            _migrate_history(real)
    return _entries(real)


def _stage_snapshot(real: Path, content: bytes, info: os.stat_result) -> tuple[Path, Path]:
    """Write ``content`` (the version about to be replaced, ``info`` its file's status) to a
    temporary file in the history folder; return it and the name it gets once the new
    version is in place.

    Its time is the file's last change; one before the newest version already kept is not
    when the file was put there (a backup copied back with its time, ``cp -p``, ``rsync
    -a``, a sync tool): the time it was put there (``st_ctime``) is taken instead, so that
    thinning by age does not drop it at once as an older version of a month kept.
    """
    folder = _history_dir(real)
    folder.mkdir(parents=True, exist_ok=True)
    entries = _entries(real)
    number = entries[0].version + 1 if entries else 1
    saved_at = info.st_mtime
    if entries and datetime.fromtimestamp(saved_at, UTC) < entries[0].saved_at:
        saved_at = max(saved_at, info.st_ctime)
    stamp = datetime.fromtimestamp(saved_at, UTC).strftime(_STAMP_FORMAT)
    final = folder / f"{stamp}-{number:06d}.yaml"
    return _write_temp(final, content), final


def _thin(real: Path, now: datetime | None = None) -> None:
    """Drop the history copies :func:`~career_workbook.versions.versions_to_keep` does not
    keep (and any beyond :data:`HISTORY_LIMIT`, oldest first)."""
    entries = _entries(real)
    keep = versions_to_keep([e.saved_at for e in entries], now or datetime.now())
    kept = [e for e, k in zip(entries, keep, strict=True) if k]
    drop = [e for e, k in zip(entries, keep, strict=True) if not k] + kept[HISTORY_LIMIT:]
    for old in drop:
        with contextlib.suppress(OSError):
            old.path.unlink()


# ----------------------------------------------------------------------------------------
# Reading only regular files, without blocking
# ----------------------------------------------------------------------------------------
def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):  # pragma: no cover - a socket cannot be opened
        return "a socket"
    return "not a regular file"  # pragma: no cover


def _open_regular(path: Path) -> tuple[int, os.stat_result]:
    """A read-only descriptor of ``path`` and its status, only if it is a regular file.

    Opened with ``O_NONBLOCK``, so a named pipe (FIFO) or a device never makes the
    program wait; anything but a regular file is a :class:`WorkbookError`.
    """
    flags = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
             | getattr(os, "O_BINARY", 0))
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(path)
        if not stat.S_ISREG(info.st_mode):
            raise WorkbookError(f"this is {_kind(info.st_mode)}, not a workbook file; a "
                                "workbook is a plain .yaml file", path=path)
    except BaseException:
        os.close(fd)
        raise
    return fd, info


def _read_fd(fd: int, limit: int) -> bytes:
    with os.fdopen(fd, "rb") as handle:
        return handle.read(limit)


# ----------------------------------------------------------------------------------------
# Public API
# ----------------------------------------------------------------------------------------
def _read_bytes(path: Path) -> bytes:
    try:
        fd, info = _open_regular(path)
        if info.st_size > MAX_FILE_BYTES:
            os.close(fd)
            size = info.st_size
            raise WorkbookError(
                f"the file is {size / 2**20:.1f} MB ({size:,} bytes); a workbook may be "
                f"at most {MAX_FILE_BYTES / 2**20:g} MB (is this the right file?)",
                path=path,
            )
        data = _read_fd(fd, MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise WorkbookError(
            "no workbook at this path; check the file name, or create one with "
            "`career-workbook new \"Your Name\"` (or the form in notebook 00)",
            path=path,
        ) from None
    except IsADirectoryError:
        raise WorkbookError("this is a folder, not a workbook file", path=path) from None
    except OSError as err:
        raise WorkbookError(f"cannot read the file: {err.strerror}", path=path) from None
    if len(data) > MAX_FILE_BYTES:
        raise WorkbookError(f"the file grew beyond {MAX_FILE_BYTES} bytes", path=path)
    return data


def _decode(data: bytes, path: Any) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise WorkbookError("the file is UTF-16 text; save it as UTF-8", path=path)
    data = data.removeprefix(b"\xef\xbb\xbf")  # a byte-order mark some editors add
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise _not_utf8(data, err.start, path) from None


def _not_utf8(data: bytes, at: int, path: Any) -> WorkbookError:
    """The refusal of a file that is not UTF-8 at byte ``at``: its line, and, when the
    file reads as Windows text (cp1252, which Latin-1 letters are too: what Notepad's
    “ANSI” and Word's plain text write), that line as it reads there, and how to save it.

    >>> print(_not_utf8("name: José\\n".encode("cp1252"), 9, "jo.yaml"))
    jo.yaml: the file is not UTF-8 text (byte 0xe9 on line 1, “name: José” in Windows or Latin-1 text); save it as UTF-8 (Notepad: File → Save as → Encoding: UTF-8)
    >>> print(_not_utf8(b"a\\x81\\x8d", 1, "jo.yaml"))
    jo.yaml: the file is not UTF-8 text (byte 0x81 on line 1); save it as UTF-8
    """  # noqa: E501
    line = data[:at].count(b"\n") + 1
    try:
        shown = data.decode("cp1252").splitlines()[line - 1]
    except (UnicodeDecodeError, IndexError):
        return WorkbookError(f"the file is not UTF-8 text (byte {data[at]:#04x} on line "
                             f"{line}); save it as UTF-8", path=path)
    return WorkbookError(
        f"the file is not UTF-8 text (byte {data[at]:#04x} on line {line}, "
        f"“{_line_text(shown, 0)}” in Windows or Latin-1 text); save it as UTF-8 "
        "(Notepad: File → Save as → Encoding: UTF-8)", path=path)


def _read_as(value: Any) -> str | None:
    """What YAML made of a bare word that is not text (``false``, ``the number 750``, ``a
    date``), or None for text and anything else."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, datetime):
        return "a date and time"
    if isinstance(value, date):
        return "a date"
    if isinstance(value, dict) and len(value) == 1:  # "- Portfolio: none yet"
        return "a field and its value (because of the “: ”)"
    return None


def _text_hint(problem: Problem, node: Any) -> str | None:
    """How to keep the text written at ``node`` where YAML read it as something else
    (``coach: no`` as false, ``note: 12:30`` as the number 750, ``note: 007`` as 7) and a
    text field refused it; None when that is not what happened.

    >>> node = yaml.compose("12:30")
    >>> _text_hint(Problem("check_ins[0].note", 750, "Input should be a valid string"), node)
    "YAML reads a bare 12:30 as the number 750: write it in quotes, note: '12:30'"
    """
    kind = _read_as(problem.value)
    if (isinstance(node, yaml.MappingNode) and len(node.value) == 1 and not node.flow_style
            and kind is not None and "valid string" in problem.message):
        key, value = node.value[0]  # "- Portfolio: none yet", one text meant
        if (isinstance(value, yaml.ScalarNode) and not key.style and not value.style
                and key.start_mark.line == value.end_mark.line and value.value):
            node = yaml.ScalarNode(_STR_TAG, f"{key.value}: {value.value}")
            return (f"YAML reads “{shorten(node.value)}” as {kind}: write it in quotes, "
                    + _typed_as(problem.field, _in_quotes(node.value)))
        return None
    raw = getattr(node, "value", None)
    if (kind is None or "valid string" not in problem.message
            or not isinstance(node, yaml.ScalarNode) or node.style or not raw):
        return None
    try:  # the value really is what this text reads as (not some other node)
        same = _same(_plain_value(raw), problem.value)
    except Exception:  # noqa: BLE001 - a hint is optional
        same = False
    if not same:
        return None
    return f"YAML reads a bare {raw} as {kind}: write it in quotes, " + _typed_as(
        problem.field, _in_quotes(raw))


def _typed_as(field: str, value: str) -> str:
    """The line to type for ``value`` at ``field``: ``key: value``, or ``- value`` for a
    list item.

    >>> _typed_as("person.coach", "'no'"), _typed_as("strengths[2]", "'no'")
    ("coach: 'no'", "- 'no'")
    """
    key = field.rsplit(".", 1)[-1]
    return shorten(f"- {value}" if key.endswith("]") else f"{key}: {value}", 80)


def _node_at(root: Any, field: str) -> tuple[Any, Any]:
    """``(where, node)`` for ``field`` (``goals[2].deadline``): the YAML node of its line
    (the key, for a mapping entry) and its value node; the deepest found on the way, or
    ``(None, None)``."""
    node, found = root, (None, None)
    for name, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", field):
        where = None
        if isinstance(node, yaml.MappingNode) and name:
            where, node = next(((k, v) for k, v in node.value
                                if getattr(k, "value", None) == name), (None, None))
        elif isinstance(node, yaml.SequenceNode) and index:
            node = node.value[int(index)] if int(index) < len(node.value) else None
            where = node
        else:
            node = None
        if node is None:
            break
        found = (where, node)
    return found


def file_problems(err: BaseException, path: str | os.PathLike[str] | None = None, *,
                  data: bytes | None = None) -> list[str]:
    """What stops the workbook file at ``path`` loading, as every command words it
    (``validate`` a line each, the others on one line: :func:`file_problem`): each problem
    with its field, value, what to do and its line in the file (:func:`locate_problems`;
    ``data``, the file's bytes, are read instead of the file when given); else the message
    alone. The file's name is left out: the caller names it once.

    >>> data = b"person: {name: Sam}\\nskills: 5\\n"
    >>> try:
    ...     load_bytes(data, "ws/sam.yaml")
    ... except WorkbookError as err:
    ...     print(file_problems(err, "ws/sam.yaml", data=data))
    ['skills = 5: Input should be a valid list (line 2)']
    >>> file_problems(OSError(13, "Permission denied", "ws/sam.yaml"), "ws/sam.yaml")
    ['Permission denied']
    """
    if isinstance(err, WorkbookError) and err.problems and path is not None:
        return locate_problems(path, err.problems, data=data)
    if isinstance(err, OSError) and err.strerror:
        return [err.strerror]
    text = " ".join(str(err).split())
    for prefix in {getattr(err, "path", None), None if path is None else str(path)} - {None}:
        text = text.removeprefix(f"{prefix}: ")
    return [text]


def file_problem(err: BaseException, path: str | os.PathLike[str] | None = None, *,
                 data: bytes | None = None) -> str:
    """:func:`file_problems` on one line: the first five, and how many more there are.

    >>> err = WorkbookError(path="a.yaml", problems=[Problem(f"goals[{i}].id", "", "blank")
    ...                                              for i in range(7)])
    >>> file_problem(err)
    "goal 1, id = '': blank; goal 2, id = '': blank; goal 3, id = '': blank; goal 4, id = '': blank; goal 5, id = '': blank; and 2 more (career-workbook validate lists them)"
    """  # noqa: E501
    lines = (file_problems(err, path, data=data) if path is not None or
             not isinstance(err, WorkbookError) or not err.problems
             else [str(p) for p in err.problems])
    more = len(lines) - 5
    return "; ".join(lines[:5] + ([f"and {more} more (career-workbook validate lists them)"]
                                  if more > 0 else []))


def locate_problems(path: str | os.PathLike[str], problems: Any, *,
                    data: bytes | None = None) -> list[str]:
    """Each problem of a workbook file as a line that also says where it is in the file
    (``(line 12)``), and, for text YAML reads as something else (``coach: no`` as false,
    ``note: 12:30`` as 750), how to write it, unless the problem says so already (those
    :func:`load` raises do). Only for messages: reads the file once more (or its bytes
    ``data``, when given), never raises.

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "sam.yaml"
    >>> _ = p.write_text("person:\\n  name: Sam\\n  coach: no\\n", encoding="utf-8")
    >>> try:
    ...     load(p)
    ... except WorkbookError as err:
    ...     print(locate_problems(p, err.problems)[0])
    person.coach = False: Input should be a valid string; YAML reads a bare no as false: write it in quotes, coach: 'no' (line 3)
    """  # noqa: E501
    problems = list(problems)
    try:
        text = _decode(_read_bytes(Path(path)) if data is None else data, path)
        with _no_gc():
            root = yaml.compose(text, Loader=_SafeLoader)
    except Exception:  # noqa: BLE001 - a hint is optional
        root = None
    lines = []
    for p in problems:
        where, node = _node_at(root, p.field) if root is not None and p.field else (None, None)
        if node is None:
            lines.append(str(p))
            continue
        hint = f"line {where.start_mark.line + 1}"
        read_as = _text_hint(p, node)
        if read_as and read_as not in p.message:
            hint += f"; {read_as}"
        if "Extra inputs" in p.message:
            meant = _meant_field(p.field, p.value, _keys_beside(root, p.field))
            hint += f"; did you mean {meant}?" if meant else ""
        lines.append(f"{p} ({hint})")
    return lines


def _keys_beside(root: Any, field: str) -> set[str]:
    """The keys written in the file beside ``field`` (in the mapping that holds it)."""
    parent = re.sub(r"(\.[^.\[\]]+|\[\d+\])$", "", field)
    node = _node_at(root, parent)[1] if parent != field else root
    if not isinstance(node, yaml.MappingNode):
        return set()
    return {str(getattr(k, "value", "")) for k, _ in node.value}


def _meant_field(field: str, value: Any, written: set[str]) -> str:
    """The field an unknown key ``field`` (holding ``value``) was likely meant to be, as
    "did you mean" names it (``''``: none is likely): a field of that part of the
    workbook spelled almost the same ("dedline": deadline); else the fields of it that
    take such a value (a date, a number) and are not written beside it, when there are
    at most three ("set_on: 2026-06-01": created, when a goal has its deadline).

    >>> _meant_field("goals[0].dedline", date(2027, 1, 1), {"text"})
    'deadline'
    >>> _meant_field("goals[0].set_on", date(2026, 6, 1), {"text", "deadline"})
    'created or completed_on'
    >>> _meant_field("goals[0].metric.start", 10, {"name", "target", "current"})
    'baseline'
    >>> _meant_field("goals[0].set_on", "soon", {"id", "text"})
    ''
    """
    from typing import Annotated

    from pydantic import TypeAdapter, ValidationError

    model = _model_at(field)
    if model is None:
        return ""
    key = re.sub(r"\[\d+\]$", "", field.rsplit(".", 1)[-1])
    close = difflib.get_close_matches(key, set(model.model_fields) - {key}, n=1, cutoff=0.75)
    if close:
        return close[0]
    from career_workbook.model import _MISSING

    if value is _MISSING or isinstance(value, bool | str | dict | list):
        return ""  # text fits any text field, a mapping or a list says too little

    def takes(info: Any) -> bool:
        kind = Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation
        try:
            TypeAdapter(kind).validate_python(value, strict=True)
        except (ValidationError, TypeError):
            return False
        return True

    same = [name for name, info in model.model_fields.items()
            if name not in written and takes(info)]
    return " or ".join(filter(None, [", ".join(same[:-1]), *same[-1:]])) if 0 < len(same) <= 3 \
        else ""


def _model_at(field: str) -> Any:
    """The model (a pydantic class) of the part of a workbook that holds ``field``.

    >>> _model_at("goals[0].dedline").__name__, _model_at("goals[0].metric.start").__name__
    ('Goal', 'Metric')
    """
    import typing

    from pydantic import BaseModel

    from career_workbook.model import Workbook

    def model_in(annotation: Any) -> type[BaseModel] | None:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return annotation
        return next(filter(None, map(model_in, typing.get_args(annotation))), None)

    part: type[BaseModel] | None = Workbook
    for name in re.findall(r"[^.\[\]]+", field)[:-1]:  # the parts above the field itself
        if not name.isdigit() and part is not None:
            info = part.model_fields.get(name)
            part = model_in(info.annotation) if info is not None else None
    return part


def load(path: str | os.PathLike[str], *, clean: bool = True) -> Workbook:
    """Read, upgrade and validate the workbook file at ``path``.

    Raises :class:`~career_workbook.model.WorkbookError` naming the file (and the field and
    value, where there is one) for a missing, oversized, non-regular (a FIFO, a device),
    non-UTF-8, invalid YAML or invalid workbook file. Also removes temporary files left by
    a crashed save, unless ``clean`` is False: looking for them lists the folder, which a
    read-only batch over a big workspace skips (the next ordinary ``load`` tidies up).

    >>> load("no/such/file.yaml")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    career_workbook.model.WorkbookError: no/such/file.yaml: no workbook at this path; ...
    """
    path = Path(path)
    if clean:
        _try_locked_cleanup(path)
    data = _read_bytes(path)
    wb = load_bytes(data, path)
    _remember(wb, _key(path), data)
    return wb


_ORIGINS: dict[int, tuple[weakref.ref, Path, str]] = {}
"""For each workbook object :func:`load` returned (by ``id``), while it lives: the file it
was read from and the SHA-256 of the bytes read (or last saved from it)."""


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _remember(wb: Workbook, real: Path, data: bytes) -> None:
    """Note that ``wb`` holds what ``real`` held when it had the bytes ``data``."""
    key = id(wb)

    def forget(ref: weakref.ref, key: int = key) -> None:
        if _ORIGINS.get(key, (None,))[0] is ref:
            del _ORIGINS[key]

    _ORIGINS[key] = (weakref.ref(wb, forget), real, _digest(data))


def _loaded_digest(wb: Workbook, real: Path) -> str | None:
    """The digest of ``real`` when ``wb`` was loaded from it (or last saved to it), else None."""
    found = _ORIGINS.get(id(wb))
    if found is None or found[0]() is not wb or found[1] != real:
        return None
    return found[2]


def load_bytes(data: bytes, path: str | os.PathLike[str]) -> Workbook:
    """Read, upgrade and validate a workbook file's bytes, as :func:`load` does the file
    (``load(path, clean=False)``, without opening it: for a worker that cannot).

    ``path`` only names the file in error messages.

    >>> load_bytes(b"person: {name: Sam}\\n", "sam.yaml").person.name
    'Sam'
    >>> load_bytes(b"\\xff\\xfep\\x00", "sam.yaml")
    Traceback (most recent call last):
    ...
    career_workbook.model.WorkbookError: sam.yaml: the file is UTF-16 text; save it as UTF-8
    """
    path = Path(path)
    return loads(_decode(data, path), path=path)


def save(wb: Workbook, path: str | os.PathLike[str], *, force: bool = False) -> None:
    """Validate ``wb`` and write it to ``path`` atomically, keeping the previous version.

    A model edited in place (``wb.goals.append(...)``) is validated as a whole; if it is
    invalid a :class:`~career_workbook.model.WorkbookError` names the field and value and
    neither the file nor its history changes. So does a workbook that would be larger
    than :data:`MAX_FILE_BYTES` (what :func:`load` accepts), a read-only file, a
    symlinked workbook or history folder, or a write that fails (disk full). Saving
    identical content writes nothing.

    A workbook :func:`load` read from ``path`` is not saved over a change made to the file
    since (by a form in another tab, a notebook, another program):
    :class:`WorkbookChangedError` says so and nothing is written. Load it again and make
    the change there, or use :func:`edit`, which loads and saves under one lock.
    A file that looks cut short (:func:`cut_short`: a sync tool or a crash cut it after the
    last save) is not saved over either (:class:`WorkbookCutShortError`): the shorter
    workbook would take the place of the fuller version kept in its history, which the
    history then thins away. ``force=True`` replaces the file anyway (the replaced version
    stays in the history).

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "kim.yaml"
    >>> save(new_workbook("Kim"), p)
    >>> tab1, tab2 = load(p), load(p)
    >>> tab1.strengths.append("Clear writing"); save(tab1, p)
    >>> tab2.weaknesses.append("Delegating"); save(tab2, p)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    career_workbook.store.WorkbookChangedError: ...kim.yaml: the file changed since ...
    >>> load(p).strengths
    ['Clear writing']
    """
    path = Path(path)
    payload = dumps(wb, path=path).encode("utf-8")
    _refuse_too_big(payload, path)
    if not path.parent.is_dir():
        raise WorkbookError(f"the folder {str(path.parent)!r} does not exist", path=path)
    real = _key(path)
    loaded = None if force else _loaded_digest(wb, real)
    with _locked(path):
        try:
            payload = _write_locked(real, payload, path, loaded, force=force)
        except OSError as err:
            raise WorkbookError(f"could not save: {err.strerror or err}"
                                f"{_OUTPUT_ADVICE.get(err.errno or 0, '')}", path=path) from err
    _remember(wb, real, payload)


def _refuse_too_big(payload: bytes, path: Path) -> None:
    """Refuse a workbook that :func:`load` would refuse for its size."""
    if len(payload) > MAX_FILE_BYTES:
        raise WorkbookError(
            f"this workbook would be {len(payload) / 2**20:.1f} MB once saved, and a "
            f"workbook may be at most {MAX_FILE_BYTES / 2**20:g} MB, so nothing was saved; "
            "remove some long texts or old entries", path=path)


class WorkbookChangedError(WorkbookError):
    """:func:`save` refused: the file changed since the workbook was loaded from it."""


def _refuse_links(path: Path, real: Path) -> None:
    """The symlink rule: never save through a symlinked workbook or history folder."""
    if path.is_symlink():
        raise WorkbookError(
            f"this workbook is a symbolic link (to {os.readlink(path)}); the store does "
            "not save through links, so that the lock and the history stay beside the real "
            "file: open the file it points to instead", path=path)
    for folder in (real.parent / _HISTORY_DIR, _history_dir(real)):
        if folder.is_symlink():
            raise WorkbookError(
                f"the history folder {folder} is a symbolic link; the store keeps earlier "
                "versions only in a real folder beside the workbook: replace the link with "
                "a folder (move its files in), then save again", path=path)


def _read_current(real: Path, path: Path) -> tuple[bytes | None, os.stat_result | None]:
    """The bytes and status of the file being replaced (``None``s when there is none)."""
    try:
        fd, info = _open_regular(real)
    except FileNotFoundError:
        return None, None
    except IsADirectoryError:
        raise WorkbookError("this is a folder, not a workbook file", path=path) from None
    return _read_fd(fd, -1), info


_BOM = b"\xef\xbb\xbf"


def _in_style_of(payload: bytes, current: bytes | None) -> bytes:
    """``payload`` (a workbook as :func:`dumps` writes it) in the style of the file it
    replaces: with its byte-order mark and its Windows line ends (CRLF) where it had them,
    so that the editor or the git checkout that wrote them sees only what changed.

    >>> _in_style_of(b"a: 1\\nb: 2\\n", _BOM + b"a: 0\\r\\nb: 2\\r\\n")
    b'\\xef\\xbb\\xbfa: 1\\r\\nb: 2\\r\\n'
    >>> _in_style_of(b"a: 1\\n", b"a: 0\\n"), _in_style_of(b"a: 1\\n", None)
    (b'a: 1\\n', b'a: 1\\n')
    """
    if not current:
        return payload
    if current.startswith(_BOM):
        payload = _BOM + payload
    end = current.find(b"\n")
    if end > 0 and current[end - 1] == ord("\r"):
        payload = payload.replace(b"\n", b"\r\n")  # every line break of dumps: one per line
    return payload


def _write_locked(real: Path, payload: bytes, path: Path, loaded: str | None = None, *,
                  force: bool = False) -> bytes:
    """Write ``payload`` (in the style of the file it replaces, :func:`_in_style_of`); only
    once it is in place, keep the replaced version in history. Returns the bytes the file
    holds now.

    ``loaded``: the digest of the file when the workbook was loaded; a file that changed
    since is not written over (:class:`WorkbookChangedError`), nor, unless ``force``, a
    file that looks cut short (:class:`WorkbookCutShortError`)."""
    _refuse_links(path, real)
    current, info = _read_current(real, path)
    payload = _in_style_of(payload, current)
    if current == payload:
        return payload
    _refuse_too_big(payload, path)  # CRLF adds a byte a line
    if loaded is not None and current is not None and _digest(current) != loaded:
        assert info is not None
        at = datetime.fromtimestamp(info.st_mtime).strftime("%H:%M:%S")
        raise WorkbookChangedError(
            f"the file changed since this workbook was loaded from it (saved at {at} by "
            "another tab, notebook or program), so nothing was saved over that change. "
            "Load it again and make your change there, or use `with edit(path) as wb:`, "
            "which loads and saves under one lock (`save(wb, path, force=True)` replaces "
            "the file anyway; the replaced version stays in its history)", path=path)
    cut = None if force or current is None else cut_short(
        path, current.removeprefix(_BOM).decode("utf-8", "replace"))
    if cut is not None:
        raise WorkbookCutShortError(cut, path=path)
    if info is not None and (not info.st_mode & 0o222 or not os.access(real, os.W_OK)):
        raise WorkbookError(
            f"the file is read-only ({stat.filemode(info.st_mode)}), so nothing was saved; "
            f"if it should change, make it writable first (chmod u+w '{path}')", path=path)
    staged = None
    if current is not None:
        assert info is not None
        _migrate_history(real)
        staged = _stage_snapshot(real, current, info)
    try:
        atomic_write_bytes(real, payload)
    except BaseException:
        if staged is not None:
            with contextlib.suppress(OSError):
                os.unlink(staged[0])
        raise
    if staged is not None:  # the new version is safely in place: now the history changes
        try:
            os.replace(*staged)
            _fsync_dir(staged[1].parent)
        except OSError as err:
            with contextlib.suppress(OSError):
                os.unlink(staged[0])
            raise WorkbookError(
                f"saved, but the previous version could not be kept in the history "
                f"({err.strerror or err})", path=path) from None
        _thin(real)
        if current is not None and _hand_comments(
                current.removeprefix(_BOM).decode("utf-8", "replace")):
            warnings.warn(
                f"{path}: the comments written in this file by hand were not kept (a save "
                f"rewrites the whole file); the previous version, with them, is "
                f"{staged[1]}; write notes in the note fields instead",
                CommentsNotKeptWarning, stacklevel=3)
    return payload


@contextlib.contextmanager
def edit(path: str | os.PathLike[str], *, create: Workbook | None = None) -> Iterator[Workbook]:
    """Load, let you change, then save the workbook, holding its lock the whole time.

    On normal exit the workbook is validated and saved; if the block raises, nothing is
    written and the exception propagates. ``create`` is the workbook to start from when
    the file does not exist yet (otherwise a missing file is a WorkbookError).

    >>> import tempfile, pathlib
    >>> from datetime import date
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "kim.yaml"
    >>> with edit(p, create=new_workbook("Kim")) as wb:
    ...     wb.strengths.append("Clear writing")
    >>> load(p).strengths
    ['Clear writing']
    """
    path = Path(path)
    with _locked(path):
        if create is not None and not path.exists():
            wb = validate_workbook(create, path=path)
        else:
            wb = load(path)
        yield wb
        save(wb, path)


def restore(path: str | os.PathLike[str], entry: HistoryEntry | int) -> Workbook:
    """Bring back a previous version: a :class:`HistoryEntry` or an index into :func:`history`.

    ``0`` is the version saved just before the current one. Restoring is itself a save, so
    the current version goes into the history and can be restored in turn. An entry from
    another workbook's history is refused.
    """
    path = Path(path)
    with _locked(path):
        if isinstance(entry, HistoryEntry):
            if entry.path.parent != _history_dir(_key(path)):
                raise WorkbookError(f"{entry.path} is not an earlier version of this workbook",
                                    path=path)
            if not entry.path.exists():  # listed, then thinned (a save meanwhile) or removed
                raise WorkbookError(
                    "that earlier version is no longer kept (the history keeps fewer of the "
                    "older versions as they age, one an hour, a day, then a month); nothing "
                    "was changed: choose another version from the list as it is now",
                    path=path)
            source = entry.path
        else:
            entries = history(path)
            if isinstance(entry, bool) or not isinstance(entry, int):
                raise TypeError(f"entry must be a HistoryEntry or an int, not {entry!r}")
            if not -len(entries) <= entry < len(entries):
                raise WorkbookError(
                    f"no history entry {entry}: {len(entries)} previous versions are kept",
                    path=path,
                )
            source = entries[entry].path
        wb = load(source, clean=False)
        save(wb, path, force=True)  # under the lock: bringing back a version a file cut
    return wb  # short (cut_short) lacks is what undo is for


def new(
    path: str | os.PathLike[str], name: str, *, today: date | None = None,
    role_profile: str | None = None, **person: Any
) -> Workbook:
    """Create a new workbook file for ``name`` (and its folder); never overwrites a file.

    ``person`` fields such as ``current_role`` or ``coach`` may be given too, and the
    ``role_profile`` it is measured against. A symbolic
    link at ``path``, even one pointing nowhere, is refused: a workbook is a real file.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "clients" / "lee.yaml"
    >>> new(p, "Lee", current_role="Analyst").person.current_role
    'Analyst'
    >>> new(p, "Lee")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    career_workbook.model.WorkbookError: ...lee.yaml: a workbook already exists here; ...
    """
    path = Path(path)
    try:
        wb = new_workbook(name, today=today, role_profile=role_profile, **person)
    except WorkbookError as err:
        raise WorkbookError(path=path, problems=err.problems) from None
    _refuse_new_link(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with _locked(path):
        _refuse_new_link(path)
        if path.exists():
            raise WorkbookError(
                "a workbook already exists here; load it, or choose another file name",
                path=path,
            )
        save(wb, path)
    return wb


def _refuse_new_link(path: Path) -> None:
    if path.is_symlink():
        raise WorkbookError(
            f"there is a symbolic link here (to {os.readlink(path)}); a workbook is created "
            "only as a real file: choose another file name, or remove the link", path=path)
