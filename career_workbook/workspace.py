"""A coach's workspace: a folder of client workbooks, and safe file names inside it.

A person's name becomes a workbook id (``"Ana María O'Neil"`` -> ``ana_maria_o_neil``).
Names that try to leave the workspace, or that no file system can hold safely, are refused
with a :class:`WorkspaceError` that says why; the final check is on the *resolved* path, so
a symlink or a sibling folder with a common prefix (``ws`` vs ``ws2``) cannot be used to
write outside the workspace.

>>> safe_id("Ana María O'Neil")
'ana_maria_o_neil'
>>> safe_id("<script>x</script>"), safe_id("Ana/Bo")
('script_x_script', 'ana_bo')
>>> try:
...     safe_id("../etc/passwd")
... except WorkspaceError as err:
...     print(err)
name '../etc/passwd' looks like a file path: give the person's name (the file name is made from it)
"""  # noqa: E501

from __future__ import annotations

import contextlib
import os
import re
import unicodedata
from collections import Counter
from pathlib import Path

__all__ = ["NameRefused", "WorkspaceError", "client_ids", "ensure_inside", "list_workbooks",
           "nested_workbooks", "not_in_file_names", "output_clashes", "output_name", "safe_id",
           "sync_copies", "workbook_path", "workspace_of", "WORKBOOK_SUFFIXES"]

RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
            *(f"lpt{i}" for i in range(10))}
MAX_ID = 64
"""Longest workbook id, in UTF-8 bytes (room for `.yaml`, the lock and history names)."""


class WorkspaceError(ValueError):
    """A name or path that cannot be used for a workbook in this workspace."""


class NameRefused(WorkspaceError):
    """A person's name no workbook file name can be made from (:func:`safe_id`): empty,
    path-like, a reserved device name... (the command line says it is a bad argument).
    ``unnamed``: the name is fine but makes no file name (no letters or digits, such as
    "🚀🚀"): a file name given apart (``new --file``) makes the workbook."""

    unnamed = False


def _refuse(name: str, why: str) -> NameRefused:
    """The refusal of ``name``: the name quoted with what cannot be seen written out
    (``\\n``, ``\\x00``: the reason may be one), cut by :func:`~career_workbook.wording.
    shorten`.

    >>> print(_refuse("Sam\\nLee", "contains control characters"))
    name 'Sam\\nLee' contains control characters
    >>> print(_refuse("Ana " * 30, "is too long"))
    name 'Ana Ana Ana Ana Ana Ana Ana Ana Ana Ana Ana Ana Ana Ana Ana…' is too long
    """
    from career_workbook.wording import shorten

    return NameRefused(f"name '{shorten(repr(name)[1:-1])}' {why}")


def safe_id(name: str) -> str:
    """The workbook id for a person's name: lowercase letters, digits and ``_``.

    Accents are dropped where a plain letter exists (``é`` -> ``e``); other scripts are
    kept (``李小龙`` stays ``李小龙``); a run of anything else, characters a file name
    cannot hold (``< > : / \\ | ? *``) too, is one ``_`` (the workbook keeps the name
    as typed). Refuses a name that looks like a file path (starting with ``/``, ``\\``,
    ``~`` or a drive, a ``..`` part, ending in ``.yaml``), NUL or control characters,
    reserved device names (``CON``, ``NUL``, ``COM1`` ...) and names with no letters or
    digits.

    >>> safe_id("Priya Sharma"), safe_id("Zoë  Smith-Jones"), safe_id("李小龙")
    ('priya_sharma', 'zoe_smith_jones', '李小龙')
    >>> try:
    ...     safe_id("CON")
    ... except WorkspaceError as err:
    ...     print(err)
    name 'CON' is a reserved device name on Windows; add a surname
    """
    if not isinstance(name, str) or not name.strip():
        raise NameRefused("the name is empty; give the person's name, e.g. 'Priya Sharma'")
    if any(unicodedata.category(ch) == "Cc" for ch in name):
        raise _refuse(name, "contains NUL or control characters; type the name again")
    if _PATH_LIKE.search(name.strip()):
        raise _refuse(name, "looks like a file path: give the person's name (the file name "
                            "is made from it)")
    folded = "".join(ch for ch in unicodedata.normalize("NFKD", name.casefold())
                     if not unicodedata.combining(ch))
    ident = unicodedata.normalize("NFC", re.sub(r"[\W_]+", "_", folded).strip("_"))
    while len(ident.encode("utf-8")) > MAX_ID:
        ident = ident[:-1]
    ident = ident.strip("_")
    if not ident:
        refused = _refuse(name, "has no letters or digits that can name a file")
        refused.unnamed = True
        raise refused
    if ident in RESERVED:
        raise _refuse(name, "is a reserved device name on Windows; add a surname")
    return ident


_PATH_LIKE = re.compile(r"^(?:[/\\~]|[A-Za-z]:)|(?:^|[/\\])\.\.(?:[/\\]|$)|\.ya?ml$",
                        re.IGNORECASE)
_NOT_IN_FILE_NAMES = '<>:"/\\|?*'
"""Characters a file name cannot hold (on Windows; ``/`` nowhere)."""


def not_in_file_names(name: str) -> str:
    """The characters of ``name`` a file name cannot hold, each once, in order (the
    workbook's file name leaves them out: :func:`safe_id`).

    >>> not_in_file_names("<script>x</script>"), not_in_file_names("Zoë Ñuñez")
    ('<>/', '')
    """
    return "".join(dict.fromkeys(ch for ch in name if ch in _NOT_IN_FILE_NAMES))


def workbook_path(workspace: str | Path, name: str) -> Path:
    """Path of the workbook for ``name`` inside ``workspace``, checked after resolving.

    >>> import tempfile
    >>> ws = Path(tempfile.mkdtemp())
    >>> workbook_path(ws, "Sam Lee").name
    'sam_lee.yaml'
    """
    root = Path(workspace).expanduser().resolve()
    target = (root / f"{safe_id(name)}.yaml").resolve()
    if target.parent != root or not target.is_relative_to(root):
        raise WorkspaceError(
            f"refusing to write {target}: it resolves outside the workspace {root}"
        )
    return target


WORKBOOK_SUFFIXES = (".yaml", ".yml")
"""File endings a folder's workbooks may have (in any case: ``Mei.YAML`` too)."""


def _workbook_name(path: Path) -> bool:
    """Whether a file in a folder is taken for a workbook: ``.yaml`` or ``.yml`` in any
    case, not hidden.

    >>> [_workbook_name(Path(n)) for n in ("mei.yaml", "Mei.YAML", "a.Yml", ".b.yaml", "c.txt")]
    [True, True, True, False, False]
    """
    return path.suffix.lower() in WORKBOOK_SUFFIXES and not path.name.startswith(".")


def workspace_of(workbook: str | os.PathLike[str]) -> Path:
    """The folder relative paths in forms start from: the workspace holding the workbook.

    A workbook in a ``workbooks/`` folder belongs to the folder above it (where
    ``examples/`` and ``notebooks/`` sit); any other workbook to its own folder.

    >>> workspace_of("/home/kim/my-career/workbooks/kim.yaml").as_posix()
    '/home/kim/my-career'
    >>> workspace_of("/tmp/clients/lee.yaml").as_posix()
    '/tmp/clients'
    """
    folder = Path(os.path.abspath(Path(workbook).expanduser())).parent
    return folder.parent if folder.name == "workbooks" else folder


def list_workbooks(paths: list[str | Path] | tuple[str | Path, ...]) -> list[Path]:
    """Expand folders into their ``*.yaml`` and ``*.yml`` workbooks (any case, sorted);
    files are kept.

    Hidden files (``.alex.yaml``, editor back-ups) are skipped, and so is a second path to
    the same file (a symbolic link beside its target, the same file named twice): one
    person is one client. Subfolders are not searched (:func:`nested_workbooks` names them).

    >>> import tempfile
    >>> ws = Path(tempfile.mkdtemp())
    >>> _ = (ws / "jo.yaml").write_text("x"); (ws / "link.yaml").symlink_to(ws / "jo.yaml")
    >>> [p.name for p in list_workbooks([ws, ws / "jo.yaml"])]
    ['jo.yaml']
    """
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found.extend(sorted(q for q in p.iterdir() if _workbook_name(q) and not q.is_dir()))
        else:
            found.append(p)
    first: dict[Path, Path] = {}  # the file itself -> the path that stands for it
    for q in found:
        key = q.resolve() if q.exists() else q
        kept = first.get(key)
        if kept is None or (kept.is_symlink() and not q.is_symlink()):
            first[key] = q
    keep = set(first.values())
    out: list[Path] = []
    for q in found:
        if q in keep:
            out.append(q)
            keep.discard(q)
    return out


def output_name(workbook_path: str | os.PathLike[str]) -> str:
    """The name of a client's output folder (``pack`` and ``run`` write into
    ``OUT/<name>/``): the workbook file's stem, made safe as a folder name.

    >>> output_name("workbooks/alex_doe.yaml"), output_name("..yaml"), output_name("a b?.yml")
    ('alex_doe', 'workbook', 'a-b')
    """
    stem = Path(workbook_path).stem
    safe = re.sub(r"[^\w.-]+", "-", stem, flags=re.UNICODE).strip(".-_ ")
    return safe[:100] or "workbook"


def _differences(path: Path, other: Path) -> str:
    """How two file names whose output folders clash differ (``''``: they do not).

    >>> _differences(Path("kim.yml"), Path("KIM.yaml"))
    'capitals and their ending'
    >>> _differences(Path("a b?.yml"), Path("a-b.yml"))
    'spaces or signs (a folder name writes them as "-")'
    """
    from career_workbook.wording import listing

    found = []
    if path.stem != other.stem:
        nfc = [unicodedata.normalize("NFC", stem) for stem in (path.stem, other.stem)]
        if nfc[0].casefold() != nfc[1].casefold():
            found.append('spaces or signs (a folder name writes them as "-")')
        else:
            found += ["capitals"] * (nfc[0] != nfc[1]) + [
                "how an accent is stored"] * (path.stem.casefold() != other.stem.casefold())
    if path.suffix != other.suffix:
        found.append("their ending")
    return listing(found)


def output_clashes(paths: list[Path] | tuple[Path, ...]) -> dict[Path, str]:
    """The workbooks whose output folder (:func:`output_name`) an earlier one of ``paths``
    already takes, each with one line naming that file, the shared folder and how the
    two names differ: ``pack`` and ``run`` leave them out, ``validate`` and ``cohort`` say
    so.

    Names that differ only in capitals or in how an accent is stored are one folder on
    a Mac or on Windows, so they clash too.

    >>> clashes = output_clashes([Path("ws/KIM.yaml"), Path("ws/kim.yaml"),
    ...                           Path("ws/kim.yml"), Path("ws/Jo (1).yaml")])
    >>> print(clashes[Path("ws/kim.yaml")])
    pack and run would write it to the same folder 'kim' as ws/KIM.yaml (the names differ only in capitals: one folder on a Mac or Windows), so they leave it out; rename one of the two files
    >>> print(clashes[Path("ws/kim.yml")])
    pack and run would write it to the same folder 'kim' as ws/KIM.yaml (the names differ only in capitals and their ending: one folder on a Mac or Windows), so they leave it out; rename one of the two files
    >>> print(output_clashes([Path("ws/jo.yaml"), Path("ws/jo.yml")])[Path("ws/jo.yml")])
    pack and run would write it to the same folder 'jo' as ws/jo.yaml (the names differ only in their ending), so they leave it out; rename one of the two files
    >>> len(clashes)  # 'Jo-1' is a folder of its own
    2
    """  # noqa: E501
    first: dict[str, Path] = {}
    out: dict[Path, str] = {}
    for path in map(Path, paths):
        name = output_name(path)
        key = unicodedata.normalize("NFC", name).casefold()
        if key not in first:
            first[key] = path
            continue
        other = first[key]
        how = _differences(path, other)
        if how:
            where = ("" if output_name(other) == name else ": one folder on a Mac or Windows"
                     if "capitals" in how else ": one folder on a Mac")
            how = f" (the names differ only in {how}{where})"
        out[path] = (f"pack and run would write it to the same folder '{name}' as "
                     f"{other}{how}, so they leave it out; rename one of the two files")
    return out


_COPY_NAMES = (
    # (the copy's name: group "of" is the original's; a sync tool's own words: marked even
    # when the original is not beside it)
    # Dropbox, Nextcloud
    (re.compile(r"(?P<of>.+?) \((?:[^()]*'s )?conflict(?:ed)? copy\b[^()]*\)"), True),
    (re.compile(r"(?P<of>.+)\.sync-conflict-\d{8}-\d{6}(?:-\w+)?"), True),  # Syncthing
    (re.compile(r"(?P<of>.+)_(?:BACKUP|BASE|LOCAL|REMOTE)_\d+"), True),  # git mergetool
    (re.compile(r"(?P<of>.+)-(?=[A-Z0-9-]*[A-Z])[A-Z0-9][A-Z0-9-]*"), False),  # OneDrive: -PCNAME
    (re.compile(r"(?P<of>.+?)(?: \(\d{1,2}\)| \d| copy(?: \d+)?| - Copy(?: \(\d+\))?)"),
     False),  # Google Drive "(1)", iCloud " 2", a Mac's " copy", Windows' " - Copy"
)


def sync_copies(paths: list[Path] | tuple[Path, ...]) -> dict[Path, str]:
    """The workbooks whose name is that of a copy a sync tool (Dropbox, OneDrive, Google
    Drive, iCloud, Nextcloud, Syncthing), git's merge tool or a file manager made of another
    workbook, each with one line saying so: the copy counts as a second client until one of
    the two is moved out of the folder. A name that only a sync tool writes
    (``(conflicted copy ...)``) is marked even when the original is not among ``paths``;
    one a person could choose (``kim (1).yaml``, ``kim-SALES.yaml``) only beside
    ``kim.yaml``.

    >>> copies = sync_copies([Path("ws/jo.yaml"), Path("ws/jo (conflicted copy 2026-12-01).yaml"),
    ...                       Path("ws/jo-DESKTOP-1.yaml"), Path("ws/jo (1).yaml"),
    ...                       Path("ws/jo_2.yaml"), Path("ws/kim-2.yaml"), Path("ws/al (1).yaml")])
    >>> print(copies[Path("ws/jo-DESKTOP-1.yaml")])
    looks like a copy of jo.yaml that a sync tool or a file manager made, so it counts as a second client; compare the two, keep what you need in jo.yaml, then move the copy out of this folder
    >>> sorted(p.name for p in copies)
    ['jo (1).yaml', 'jo (conflicted copy 2026-12-01).yaml', 'jo-DESKTOP-1.yaml']
    """  # noqa: E501
    stems = {(p.parent, unicodedata.normalize("NFC", p.stem).casefold()): p for p in paths}
    out: dict[Path, str] = {}
    for path in paths:
        for pattern, always in _COPY_NAMES:
            match = pattern.fullmatch(unicodedata.normalize("NFC", path.stem))
            if match is None:
                continue
            original = stems.get((path.parent, match["of"].casefold()))
            if original is None and not always:
                continue
            of = original.name if original is not None else f"{match['of']}{path.suffix}"
            out[path] = (f"looks like a copy of {of} that a sync tool or a file manager made, "
                         "so it counts as a second client; compare the two, keep what you need "
                         f"in {of}, then move the copy out of this folder")
            break
    return out


def client_ids(paths: list[Path] | tuple[Path, ...]) -> list[str]:
    """Each workbook's client id, as the cohort CSV, the coach's overview, its nudge list
    and the caseload calendar name it: the file's name without its ending, or with it
    where another of ``paths`` has the same name without it (``kim.yaml`` and
    ``kim.yml``), or the path as given where even that is shared.

    >>> client_ids([Path("ws/KIM.yaml"), Path("ws/kim.yaml"), Path("ws/kim.yml"),
    ...             Path("ws/sam.yaml"), Path("a/jo.yaml"), Path("b/jo.yaml")])
    ['KIM', 'kim.yaml', 'kim.yml', 'sam', 'a/jo.yaml', 'b/jo.yaml']
    """
    paths = [Path(p) for p in paths]
    stems = Counter(p.stem for p in paths)
    names = Counter(p.name for p in paths)
    return [p.stem if stems[p.stem] == 1 else p.name if names[p.name] == 1 else str(p)
            for p in paths]


def nested_workbooks(paths: list[str | Path] | tuple[str | Path, ...]) -> list[Path]:
    """The subfolders of the folders in ``paths`` that hold workbooks of their own, which
    :func:`list_workbooks` leaves out (hidden folders, such as ``.history``, are not counted).

    >>> import tempfile
    >>> ws = Path(tempfile.mkdtemp()); (ws / "team b").mkdir()
    >>> _ = (ws / "team b" / "ana.yaml").write_text("x")
    >>> [p.name for p in nested_workbooks([ws])]
    ['team b']
    """
    out: list[Path] = []
    for p in map(Path, paths):
        if not p.is_dir():
            continue
        for sub in sorted(q for q in p.iterdir() if q.is_dir() and not q.name.startswith(".")):
            with contextlib.suppress(OSError):  # a folder we may not read: nothing to say
                if any(map(_workbook_name, sub.iterdir())):
                    out.append(sub)
    return out


def ensure_inside(path: str | Path, root: str | Path) -> Path:
    """``path`` resolved, if it lies inside ``root`` (after resolving both); else refuse.

    The Voila app uses this to refuse a workbook outside the folder it was started for.

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> ensure_inside(root / "a.yaml", root) == (root / "a.yaml").resolve()
    True
    >>> try:
    ...     ensure_inside(root / ".." / "b.yaml", root)
    ... except WorkspaceError:
    ...     print("refused")
    refused
    """
    resolved_root = Path(root).expanduser().resolve()
    resolved = Path(path).expanduser().resolve()
    if not resolved.is_relative_to(resolved_root):
        raise WorkspaceError(
            f"{resolved} is outside the folder this app was started for ({resolved_root}); "
            "start the app for that workbook instead"
        )
    return resolved
