"""The ``career-workbook`` command: thin argument parsing over store, batch and caseload.

Heavy libraries (pandas, matplotlib, papermill) are imported only inside the command that
needs them, so ``career-workbook --help`` answers at once.

Exit codes: 0 done; 1 some client failed (or a file is invalid); 2 bad arguments;
130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys

from career_workbook import __version__

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: `--help` loads argparse and little else
if TYPE_CHECKING:  # date and Path are imported inside the commands that use them
    from datetime import date
    from pathlib import Path
    from typing import Any

EXAMPLES = """\
examples:
  career-workbook init my-career && cd my-career && career-workbook lab
  career-workbook new "Priya Sharma" --dir workbooks --target-role "Senior Data Scientist"
  career-workbook new "Ana Ruiz" --target-role "Data Scientist" --role-profile senior_data_scientist
  career-workbook validate workbooks/
  career-workbook run workbooks/*.yaml --out out/runs --notebooks 01,05,09 --jobs 2
  career-workbook pack --all workbooks --out out/packs --today 2026-11-22
  career-workbook pack --all workbooks --out out/h1 --since 2026-01-01 --until 2026-06-30
  career-workbook promotion-case workbooks/priya_sharma.yaml --since 2026-01-01
  career-workbook pack workbooks/priya_sharma.yaml --out out/packs --scheduler tcp://10.0.0.5:8786
  career-workbook cohort workbooks --out out/cohort.csv
  career-workbook lab workbooks/priya_sharma.yaml
  career-workbook app workbooks/priya_sharma.yaml

exit codes: 0 done, 1 a client failed or a file is invalid, 2 bad arguments, 130 interrupted
"""

INTERRUPTED = 130


class CliError(Exception):
    """An error shown to the user as one line (no traceback unless --verbose)."""


def _date(text: str) -> date:
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        from career_workbook.analysis.period import parse_day

        try:  # written YYYY-MM-DD, but no such day: say why ("February 2026 has 28 days")
            parse_day(text, "")
        except ValueError as err:
            why = str(err).partition(": ")[2]
            if why:
                raise argparse.ArgumentTypeError(f"{text!r}: {why}") from None
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; use YYYY-MM-DD, e.g. 2026-11-22"
        ) from None


def _today(text: str) -> date:
    """``--today``: an ISO date (see :func:`_date`), never a year typed with its digits
    swapped (2062 for 2026) nor more than a year after the real date
    (:func:`~career_workbook.wording.today_problem`): the cover said "Review date
    6 December 2062" and "Last check-in 36 years ago"."""
    from datetime import date

    from career_workbook.wording import today_problem

    day = _date(text)
    problem = today_problem(day, date.today())
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return day


def _day(text: str) -> date:
    """``--since`` / ``--until``: an ISO date; an impossible one is named in words."""
    from career_workbook.analysis.period import parse_day

    try:
        return parse_day(text, "")  # type: ignore[return-value]
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err).strip()) from None


def _jobs(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"--jobs must be a whole number >= 1, not {text!r}")
    return n


_SCHEDULER = re.compile(r"(?:(?:tcp|tls)://)?(\[[0-9A-Fa-f:.]+\]|[\w.-]+):(\d{1,5})")


def _scheduler(text: str) -> str:
    """``--scheduler``: a Dask scheduler's address, ``tcp://HOST:PORT`` or ``HOST:PORT``.

    >>> _scheduler("tcp://10.0.0.5:8786"), _scheduler("[::1]:8786")
    ('tcp://10.0.0.5:8786', '[::1]:8786')
    >>> _scheduler("127.0.0.1")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: '127.0.0.1' is not a Dask scheduler's address; give its ...
    """
    match = _SCHEDULER.fullmatch(text.strip())
    if match is None or not 0 < int(match.group(2)) < 65536:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a Dask scheduler's address; give its host and port, e.g. "
            "tcp://10.0.0.5:8786 (`dask scheduler` prints it)")
    return text.strip()


def _pack_formats(text: str) -> tuple[str, ...]:
    fmts = tuple(f.strip().lower() for f in text.split(",") if f.strip())
    bad = [f for f in fmts if f not in ("pdf", "html", "png", "svg")]
    if bad or not fmts:
        raise argparse.ArgumentTypeError(f"--formats takes pdf,html,png,svg; got {text!r}")
    return fmts


def _sub(sub: argparse._SubParsersAction, name: str, help: str, example: str,
         description: str | None = None) -> argparse.ArgumentParser:
    return sub.add_parser(name, help=help, description=description or help,
                          epilog=f"example:\n  {example}",
                          formatter_class=argparse.RawDescriptionHelpFormatter)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (also used by the docs and tests)."""
    parser = argparse.ArgumentParser(
        prog="career-workbook",
        description="Career Workbook: guided career-coaching notebooks, one YAML workbook "
        "per person, review packs and caseload views for coaches.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"career-workbook {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="show full error details (tracebacks)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = _sub(sub, "new", "create a workbook for a new client",
             'career-workbook new "Priya Sharma" --dir workbooks',
             "Create FOLDER/<id>.yaml from the person's name, or FOLDER/NAME.yaml with "
             "--file NAME, FOLDER being --dir or the workspace's workbooks folder (never "
             "outside it, never over an existing file).")
    p.add_argument("name", type=typed_text, help="the person's name, e.g. 'Priya Sharma'")
    p.add_argument("--dir", default=None,
                   help="folder of client workbooks (default: the workbooks folder of the "
                        "workspace you are in, from any folder inside it; else ./workbooks)")
    p.add_argument("--current-role", default="", type=typed_text, help="their current role")
    p.add_argument("--target-role", default="", type=typed_text,
                   help="the role they are aiming for")
    p.add_argument("--role-profile", default=None, metavar="ID",
                   help="the catalog's role profile to measure readiness and gaps against, "
                        "e.g. senior_data_scientist (default: their own skill targets; "
                        "notebook 05 picks one too)")
    p.add_argument("--coach", default="", type=typed_text, help="the coach's name")
    p.add_argument("--file", default=None, metavar="NAME",
                   help="the workbook's file name in that folder (default: from the name, e.g. "
                        "priya_sharma); for a second client of the same name, e.g. "
                        "--file priya_sharma_2")

    p = _sub(sub, "validate", "check workbook files and list problems per field",
             "career-workbook validate workbooks/",
             "List each file's problems per field (exit 1 if any file has one), and notes on "
             "entries of valid files that will not count as expected: a day after today, "
             "the same 360 rater twice on one day (exit 0 when there are only notes).")
    p.add_argument("paths", nargs="+", help="workbook files or folders of them")
    p.add_argument("--today", type=_today, default=None,
                   help="the day the notes are about, YYYY-MM-DD (default: today)")

    p = _sub(sub, "run", "execute the guided notebooks for each client (papermill)",
             "career-workbook run workbooks/ --out out/runs --notebooks 01,05 --jobs 2",
             "Execute the guided notebooks for each client into OUT/<client>/<notebook>.ipynb.")
    p.add_argument("workbooks", nargs="+", help="workbook files or folders")
    p.add_argument("--out", required=True, help="output folder: OUT/<client>/<notebook>.ipynb")
    p.add_argument("--notebooks", default=None,
                   help="comma-separated notebook numbers or names, e.g. 01,04,09 "
                        "(default 01-10: every notebook but 00)")
    p.add_argument("--notebooks-dir", default=None,
                   help="folder of the guided notebooks (default: the package's)")
    p.add_argument("--jobs", type=_jobs, default=None, help="parallel clients (default: cores)")
    p.add_argument("--today", type=_today, default=None, help="reference date YYYY-MM-DD")
    p.add_argument("--export", action="store_true", help="also export each notebook's charts")
    p.add_argument("--scheduler", type=_scheduler, default=None,
                   help="address of a Dask scheduler, tcp://HOST:PORT (needs "
                        "career-workbook[dask])")

    p = _sub(sub, "pack", "build review packs (PDF, HTML, charts) for clients",
             "career-workbook pack --all workbooks --out out/packs --jobs 2")
    p.add_argument("workbooks", nargs="*", help="workbook files or folders")
    p.add_argument("--all", metavar="FOLDER", default=None,
                   help="every workbook in FOLDER (a folder of client workbooks)")
    p.add_argument("--out", required=True, help="output folder: OUT/<client>/review.pdf ...")
    p.add_argument("--today", type=_today, default=None, help="reference date YYYY-MM-DD")
    p.add_argument("--formats", type=_pack_formats, default=None,
                   help="what each pack holds, comma-separated from pdf,html,png,svg "
                        "(default pdf,html,png)")
    p.add_argument("--force", action="store_true",
                   help="rebuild every pack, even those whose workbook has not changed")
    _add_period(p, "limit each pack to a review period: achievements, learning, check-ins, "
                   "feedback and stage changes inside it; actions still open, done in it "
                   "or (with no date done) due in it; ratings at its start and end")
    p.add_argument("--jobs", type=_jobs, default=None, help="parallel clients (default: cores)")
    p.add_argument("--scheduler", type=_scheduler, default=None,
                   help="address of a Dask scheduler, tcp://HOST:PORT (needs "
                        "career-workbook[dask])")

    _add_plan_commands(sub)
    _add_promotion_command(sub)

    p = _sub(sub, "cohort", "one CSV row per client, plus caseload charts",
             "career-workbook cohort workbooks --out out/cohort.csv",
             "One CSV row per client (readiness, goals on track / behind / overdue / not "
             "started / without a deadline / done, and in words, "
             "last check-in, overdue actions and follow-ups, stale opportunities, reminders "
             "in the next 14 days, why a client needs a nudge, top gap, status), plus the "
             "charts <name>_readiness, <name>_gaps and <name>_recency (PNG and SVG) beside "
             "the CSV, named after it (out/cohort.csv: cohort_readiness.png, ...), so a "
             "second CSV in the same folder keeps the first one's charts. Prints who needs "
             "a nudge; `calendar --all DIR` puts their deadlines "
             "in your calendar.")
    p.add_argument("workspace", metavar="FOLDER", help="folder of client workbooks")
    p.add_argument("--out", required=True,
                   help="CSV file to write; charts go beside it, named after it")
    p.add_argument("--today", type=_today, default=None, help="reference date YYYY-MM-DD")
    p.add_argument("--jobs", type=_jobs, default=None, help="parallel workers (default: cores)")
    p.add_argument("--scheduler", type=_scheduler, default=None,
                   help="address of a Dask scheduler, tcp://HOST:PORT (needs "
                        "career-workbook[dask])")
    p.add_argument("--no-charts", action="store_true", help="write the CSV only")

    _add_history_commands(sub)
    _add_workspace_commands(sub)
    return parser


def _add_workspace_commands(sub: argparse._SubParsersAction) -> None:
    """``init``, ``lab`` and ``app``: a person's own workspace and the servers that open it."""
    p = _sub(sub, "init", "create (or upgrade) a workspace: notebooks, workbooks, README",
             "career-workbook init my-career",
             "Create a workspace in DIR (default: this folder): notebooks/ (the guided "
             "notebooks), workbooks/ (your answers, ignored by git), README.md. Run it again "
             "after an upgrade: notebooks you changed are kept, the new version goes beside.")
    p.add_argument("dir", nargs="?", default=".", help="workspace folder (default: .)")
    p.add_argument("--quiet", action="store_true",
                   help="say only what needs you (a changed notebook kept beside a new one)")
    for name, what in (("lab", "open JupyterLab on the notebooks"),
                       ("app", "open the client app (Voila: forms and charts, no code)")):
        p = _sub(sub, name, what, f"career-workbook {name} workbooks/priya_sharma.yaml")
        p.add_argument("workbook", nargs="?", default=None, help="workbook to preselect")
        p.add_argument("--workspace", default=None,
                       help="workspace folder (default: found from this folder upward)")
        p.add_argument("--port", type=int, default=8888 if name == "lab" else 8866,
                       help="first port to try (default %(default)s; the next free one is "
                            "used if it is taken)")
        p.add_argument("--no-browser", action="store_true", help="do not open a browser")
        p.add_argument("--verbose", dest="server_log", action="store_true",
                       help="show the server's own log")


def _add_history_commands(sub: argparse._SubParsersAction) -> None:
    p = _sub(sub, "history", "list the earlier versions of a workbook",
             "career-workbook history workbooks/priya_sharma.yaml",
             "List the kept earlier versions of FILE, newest first: number, when it was saved "
             "(local time), size, and how it differs from the current file. Every save keeps "
             "the version it replaces: all from the last hour, then one per hour for a day, "
             "one per day for a month, one per month after.")
    p.add_argument("file", help="the workbook file")
    p = _sub(sub, "undo", "bring back an earlier version of a workbook",
             "career-workbook undo workbooks/priya_sharma.yaml --to 3",
             "Bring back an earlier version of FILE (default: the one saved just before the "
             "current one). Undo is itself a save: the version you had becomes number 1, so "
             "running undo again brings it back.")
    p.add_argument("file", help="the workbook file")
    p.add_argument("--to", type=_version_choice, default=(1, False), metavar="vK|N",
                   help="the version to bring back, as `career-workbook history` shows it: "
                        "vK (its id, which stays the same when the file is saved again) or "
                        "N (its place in the list, counted from the newest when undo runs; "
                        "default 1)")


def _version_choice(text: str) -> tuple[int, bool]:
    """``--to``'s value as (number, is a version id): ``v12`` names the kept version 12
    (:attr:`~career_workbook.store.HistoryEntry.version`, which never changes), ``3`` the
    third newest at the time undo runs.

    >>> _version_choice("v12"), _version_choice(" V7 "), _version_choice("3"), _version_choice("-1")
    ((12, True), (7, True), (3, False), (-1, False))
    >>> _version_choice("v")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    argparse.ArgumentTypeError: 'v' is neither a version id from ... (v12) nor a number ... (3)
    """
    text = text.strip()
    if re.fullmatch(r"[vV]\d+", text):
        return int(text[1:]), True
    if re.fullmatch(r"[-+]?\d+", text):
        return int(text), False
    raise argparse.ArgumentTypeError(
        f"{text!r} is neither a version id from `career-workbook history` (v12) nor a number "
        "in its list (3)")


def _cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1  # pragma: no cover - macOS / Windows


def _cmd_new(args: argparse.Namespace) -> int:
    from pathlib import Path

    from career_workbook import store
    from career_workbook.model import WorkbookError, one_line
    from career_workbook.workspace import (
        NameRefused,
        WorkspaceError,
        not_in_file_names,
        workbook_path,
    )

    folder, root = _new_folder(args.dir)
    if folder.exists() and not folder.is_dir():
        raise CliError(f"--dir {folder} is a file; give a folder for the workbooks")
    made = not folder.exists()
    name = one_line(args.name)  # as the workbook keeps it: a pasted line break goes
    stem, suffix = args.file, ".yaml"
    if args.file and Path(args.file).suffix.lower() in (".yaml", ".yml"):
        suffix = Path(args.file).suffix.lower()
        stem = args.file[:-len(suffix)]
    try:
        path = workbook_path(folder, stem or name).with_suffix(suffix)
    except WorkspaceError as err:
        if not args.file:
            if isinstance(err, NameRefused):  # a bad argument (exit 2), as --help says
                raise CliError(str(err) + (
                    "; give the file a name of its own (the workbook keeps the name as "
                    "typed): " + _new_command(args, name, _first_free(folder, "client", 1))
                    if err.unnamed else "")) from None
            raise
        raise CliError(f"--file {args.file}: not a plain file name; give one such as "
                       "alex_smith_2 (letters, digits and _)") from None
    role = _role_profile(args.role_profile) if args.role_profile is not None else None
    try:
        wb = store.new(path, name, current_role=args.current_role,
                       target_role=args.target_role, coach=args.coach,
                       role_profile=role.id if role is not None else None)
    except WorkbookError as err:
        if err.problems or path.is_symlink() or not path.is_file():
            raise
        raise CliError(_taken(path, folder, args, name)) from None
    named = _named_role(wb) if role is None else None
    print(f"Created {path}" + (f", measured against the catalog's {role.title} profile"
                               if role is not None else
                               f", measured against the catalog's {named.title} profile "
                               "(its target role names it; pick another in notebook 05)"
                               if named is not None else ""))
    left_out = not_in_file_names(name)
    if left_out and not args.file:
        print(f"  the file name leaves out {' '.join(left_out)} (a file name cannot hold "
              f"{'it' if len(left_out) == 1 else 'them'}); the workbook keeps the name as "
              f"typed: {name}")
    if root is not None and root != Path.cwd().resolve():  # not where the person stands
        print(f"  in the workbooks folder of the workspace {root} (found from this folder), "
              "where lab, cohort and pack see it")
    if made:  # answers are private wherever `new` puts them: git never sees the folder
        from career_workbook.scaffold import keep_private

        keep_private(path.parent)
        print(f"  made the folder {path.parent} for it, git-ignored so answers are never "
              "committed" + ("; no workspace here: `career-workbook init` makes one"
                             if root is None and args.dir is None else ""))
    print(f"Next: career-workbook lab {_shell_path(Path(path).resolve(), Path.cwd().resolve())}")
    offer = _offer_role(wb) if role is None and named is None and wb.person.target_role \
        else None
    if offer is not None:  # offered, never applied (as notebook 05 does)
        print(f"Tip: the target role {wb.person.target_role!r} matches the catalog's role "
              f"profile {offer.id} ({offer.title}): pick it in notebook 05 to measure readiness "
              f"against it (or create the workbook with --role-profile {offer.id})")
    return 0


def _role_profile(key: str) -> Any:
    """``new --role-profile``: the catalog's profile with this id (or title), from the
    catalog the other commands use; an unknown one is refused naming the closest ids."""
    from career_workbook.catalog import not_in_catalog, shared_catalog

    catalog = shared_catalog(_catalog())
    try:
        return catalog.role(key.strip())
    except KeyError:
        ids = sorted(catalog.roles)
        listed = "" if "did you mean" in not_in_catalog(key, catalog) else (
            "; the catalog has " + ", ".join(ids[:20]) + (" …" if len(ids) > 20 else ""))
        raise CliError(f"--role-profile {key!r}: {not_in_catalog(key, catalog)}{listed}; "
                       "nothing was created") from None


def _named_role(wb: Any) -> Any:
    """The catalog profile ``wb``'s target role names (``catalog.resolve_role``: used as
    notebook 05 uses it), or None; a broken catalog names none (``new`` needs none)."""
    from career_workbook.catalog import CatalogError, resolve_role, shared_catalog

    try:
        return resolve_role(wb, shared_catalog(_catalog()))
    except (CliError, CatalogError):
        return None


def _offer_role(wb: Any) -> Any:
    """The catalog profile matching ``wb``'s target role (``catalog.suggest_role``: the
    notebooks' rule), or None; a broken catalog offers nothing (``new`` needs none)."""
    from career_workbook.catalog import CatalogError, shared_catalog, suggest_role

    try:
        return suggest_role(wb, shared_catalog(_catalog()))
    except (CliError, CatalogError):
        return None


def _new_folder(given: str | None) -> tuple[Path, Path | None]:
    """Where ``new`` writes: ``--dir``, else the workbooks folder of the workspace this
    folder is in (found as ``lab`` and ``app`` find it), else ``./workbooks``; and that
    workspace (``None`` with ``--dir`` or outside any workspace)."""
    from pathlib import Path

    from career_workbook.scaffold import WorkspaceNotFound, find_workspace

    if given is not None:
        return Path(given), None
    try:
        root = find_workspace()
    except WorkspaceNotFound:
        return Path("workbooks"), None
    return root / "workbooks", root


def _catalog() -> Any:
    """The coach's catalog extension files, read and checked once before any client
    (:func:`career_workbook.batch.batch_catalog`): a broken one stops the command (exit 2)
    with one line naming the file, the field and the value, and what to do."""
    from career_workbook.batch import batch_catalog
    from career_workbook.catalog import ENV_VAR, CatalogError

    try:
        return batch_catalog()
    except CatalogError as err:
        folder = os.environ.get(ENV_VAR, "")
        if err.source == ENV_VAR:
            raise CliError(f"{ENV_VAR}={folder!r} is not a folder: set it to the folder of "
                           "your role catalog files (*.yaml), or unset it") from None
        raise CliError(f"the role catalog file {err}. Fix that file (or move it out of "
                       f"{folder}, the folder named by {ENV_VAR}), then run again "
                       "(no workbook was read)") from None


def _taken(path: Path, folder: Path, args: argparse.Namespace, name: str) -> str:
    """Why ``new`` made nothing at ``path`` (a workbook is there), and the command that
    makes one beside it: ``--file`` with the first free ``<id>_2``, ``<id>_3`` ..."""
    import re

    from career_workbook import store
    from career_workbook.model import WorkbookError

    try:
        owner = store.load(path, clean=False).person.name
    except (WorkbookError, OSError):
        owner = ""
    stem = re.sub(r"_\d+$", "", path.stem)
    command = _new_command(args, name, _first_free(path.parent, stem, 2, path.suffix))
    shown = folder / path.name
    to_add = ("another client of the same name" if owner.casefold() == name.casefold()
              else f"{name} as another client")
    return (f"{shown} already exists" + (f" ({owner})" if owner else "")
            + f". To add {to_add}: " + command)


def _first_free(folder: Path, stem: str, number: int, suffix: str = ".yaml") -> str:
    """The first ``<stem>_<number>`` from ``number`` on with no file in ``folder``.

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp()); _ = (folder / "kim_2.yaml").write_bytes(b"")
    >>> _first_free(folder, "kim", 2), _first_free(folder, "client", 1)
    ('kim_3', 'client_1')
    """
    while (folder / f"{stem}_{number}{suffix}").exists():
        number += 1
    return f"{stem}_{number}"


def _new_command(args: argparse.Namespace, name: str, file: str) -> str:
    """The ``new`` command that makes the workbook of ``name`` as the file ``file`` (in
    the folder ``args`` gave), to copy.

    >>> print(_new_command(argparse.Namespace(dir="my clients"), "🚀🚀", "client_1"))
    career-workbook new "🚀🚀" --dir 'my clients' --file client_1
    """
    import shlex

    quoted = (f'"{name}"' if not re.search(r'["\\$`!]', name) else shlex.quote(name))
    command = ["career-workbook", "new", quoted]
    if args.dir is not None:
        command += ["--dir", shlex.quote(args.dir)]
    return " ".join([*command, "--file", file])


def _cmd_validate(args: argparse.Namespace) -> int:
    from career_workbook import batch
    from career_workbook.wording import plural

    catalog = _catalog()  # the notebooks and packs read it too: a broken one is named first
    failures = seen = 0
    for check in batch.validate_paths(args.paths, today=args.today, catalog=catalog):
        seen += 1
        if check.problems:
            failures += 1
            print(f"{check.path}: {len(check.problems)} problem(s)")
            for problem in check.problems:
                print(f"  - {problem}")
        elif check.notes:
            print(f"{check.path}: ok, {plural(len(check.notes), 'note')}")
            for note in check.notes:
                print(f"  note: {note}")
        else:
            print(f"{check.path}: ok")
    if not seen:
        raise CliError(f"no workbook files (*.yaml) in {', '.join(args.paths)}")
    if failures:
        print(f"{failures} of {seen} file(s) have problems: fix the fields named above "
              "(or open the notebook that edits them), then validate again.")
    return 1 if failures else 0


def _writable_folder(folder: Path, flag: str = "--out", given: Path | None = None) -> None:
    """Refuse (exit 2) an output folder that is a file or cannot be written, before any
    client runs: each client's failure would otherwise blame that client's workbook.
    ``given``: the path the person gave, when ``folder`` is the folder of that file.

    >>> import tempfile
    >>> from pathlib import Path
    >>> _writable_folder(Path(tempfile.mkdtemp()) / "new" / "packs")  # made if missing
    """
    import tempfile

    named = f"{flag} {given or folder}: " + (f"{folder} " if given else "")
    if folder.exists() and not folder.is_dir():
        raise CliError(named + ("is a file, not a folder" if given else
                                "that is a file; give a folder for the outputs"))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tempfile.TemporaryFile(dir=folder).close()
    except OSError as err:
        raise CliError(named + f"cannot be written ({err.strerror or err}); choose a folder "
                       "you can write to") from None


def _writable_file(path: Path, example: str, flag: str = "--out") -> None:
    """As :func:`_writable_folder`, for an output file: not a folder, its folder writable."""
    if path.is_dir():
        raise CliError(f"{flag} {path}: that is a folder; give the name of the file to write, "
                       f"e.g. {path / example}")
    _writable_folder(path.parent, flag, given=path)


def _cmd_run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from career_workbook import batch

    try:
        batch.find_notebooks(args.notebooks, args.notebooks_dir)
    except ValueError as err:
        raise CliError(str(err)) from None
    _writable_folder(Path(args.out))
    report = batch.run_clients(
        args.workbooks, args.out, notebooks=args.notebooks, jobs=args.jobs or _cores(),
        today=args.today, export=args.export, scheduler=args.scheduler,
        notebooks_dir=args.notebooks_dir, catalog=_catalog(),
    )
    return report.print_summary(verbose=args.verbose)


def _cmd_pack(args: argparse.Namespace) -> int:
    from pathlib import Path

    from career_workbook import batch

    paths = list(args.workbooks) + ([args.all] if args.all else [])
    if not paths:
        raise CliError("name workbook files, or a folder of them with --all FOLDER")
    # a bad option is refused before anything is made; without either option a pack is the
    # whole record as of --today, no review period
    period = _period(args) if args.since or args.until else None
    _writable_folder(Path(args.out))
    report = batch.pack_clients(
        paths, args.out, today=args.today, formats=args.formats,
        jobs=args.jobs or _cores(), scheduler=args.scheduler, force=args.force,
        period=period, catalog=_catalog(),
    )
    return report.print_summary(verbose=args.verbose)


def _cmd_cohort(args: argparse.Namespace) -> int:
    from pathlib import Path

    from career_workbook import caseload

    out = Path(args.out)
    _writable_file(out, "cohort.csv")
    if out.suffix and out.suffix.lower() != ".csv":  # a CSV named .xlsx: Excel refuses it
        raise CliError(f"--out {out}: cohort writes a CSV file (Excel and every spreadsheet "
                       f"open it); name it {out.with_suffix('.csv')}")
    report = caseload.cohort(args.workspace, args.out, today=args.today,
                          jobs=args.jobs or _cores(), charts=not args.no_charts,
                          scheduler=args.scheduler, catalog=_catalog())
    return report.print_summary(verbose=args.verbose)


def _size(n: int) -> str:
    return f"{n / 1024:.1f} KB" if n < 1024 * 1024 else f"{n / 2**20:.1f} MB"


def _local(when: Any) -> str:
    """When a version was saved, as the restore chooser says it
    (:func:`~career_workbook.versions.saved_when`: "today 14:05", "3 Nov 2026 17:40")."""
    from datetime import datetime

    from career_workbook.versions import saved_when

    return saved_when(when, datetime.now())  # each stamp on the clock of its day


def _cmd_history(args: argparse.Namespace) -> int:
    from pathlib import Path

    from career_workbook import store, versions
    from career_workbook.batch import client_message
    from career_workbook.model import WorkbookError

    def counted(wb: Any) -> str:
        counts = versions.section_counts(wb)
        return ", ".join(f"{counts[name]} {one if counts[name] == 1 else many}"
                         for name, one, many in versions.COUNTED[:3])

    path = Path(args.file)
    entries = store.history(path)
    try:
        current = store.load(path)
    except WorkbookError as err:
        if not entries or not path.exists():
            raise
        current, now = None, f"cannot be read ({client_message(err, path)})"
    else:
        now = counted(current)
    print(f"{path} now: {now}; {len(entries)} earlier version(s)")
    if not entries:
        print("No earlier versions yet: every save keeps the version it replaces.")
        return 0
    width = len(str(len(entries)))
    id_width = max(len(f"v{e.version}") for e in entries)
    when_width = max(len(_local(e.saved_at)) for e in entries)
    for number, entry in enumerate(entries, start=1):
        try:
            old = store.load(entry.path, clean=False)
            change = (counted(old) if current is None
                      else versions.describe_change(old, current))
        except WorkbookError as err:
            change = f"cannot be read ({client_message(err, entry.path)})"
        print(f"  {number:>{width}}  {'v' + str(entry.version):<{id_width}}  "
              f"{_local(entry.saved_at):<{when_width}}  {_size(entry.size):>9}  {change}")
    print(f"Bring one back with: career-workbook undo {path} --to v{entries[0].version} "
          "(a v-number stays the same when the file is saved again; a plain number N "
          "counts from the newest when undo runs)")
    return 0


def _cmd_undo(args: argparse.Namespace) -> int:
    from pathlib import Path

    from career_workbook import store

    path = Path(args.file)
    entries = store.history(path)
    if not entries:
        raise CliError(f"{path} has no earlier version to go back to yet")
    to, is_id = args.to
    if is_id:
        entry = next((e for e in entries if e.version == to), None)
        if entry is None:
            raise CliError(f"--to v{to}: {path} keeps no version v{to} (the history keeps "
                           "fewer of the older versions as they age); nothing was changed: "
                           f"see `career-workbook history {path}` for those it keeps")
        number = entries.index(entry) + 1
    else:
        if not 1 <= to <= len(entries):
            raise CliError(f"--to {to}: {path} has {len(entries)} earlier version(s); "
                           f"choose 1 to {len(entries)} (see `career-workbook history {path}`)")
        number, entry = to, entries[to - 1]
    store.restore(path, entry)
    print(f"Restored version {number} of {path} (saved {_local(entry.saved_at)}; "
          f"v{entry.version}).")
    print(f"The version you had is now number 1: `career-workbook undo {path}` brings it back.")
    return 0


def _cmd_server(args: argparse.Namespace) -> int:
    from career_workbook import server

    launch = server.lab if args.command == "lab" else server.app
    return launch(args.workbook, port=args.port, open_browser=not args.no_browser,
                  workspace=args.workspace, verbose=args.verbose or args.server_log)


def _cmd_init(args: argparse.Namespace) -> int:
    from pathlib import Path

    from career_workbook.scaffold import init_workspace

    report = init_workspace(args.dir)
    if args.quiet:
        for line in report.lines():
            if "kept your changes" in line:
                print(line.strip())
        return 0
    print("\n".join(report.lines()))
    here = Path.cwd().resolve()
    go = "" if report.root == here else f"cd {_shell_path(report.root, here)} && "
    print(f"Next: {go}career-workbook lab   (open 00_start_here first)")
    return 0


def _shell_path(path: Path, here: Path) -> str:
    """``path`` as short as possible for a ``cd`` hint, quoted for a shell.

    >>> from pathlib import Path
    >>> _shell_path(Path("/home/a/my career"), Path("/home/a"))
    "'my career'"
    """
    import shlex

    text = os.path.relpath(path, here) if path.is_relative_to(here) else str(path)
    return shlex.quote(text)


COMMANDS = {
    "new": _cmd_new, "validate": _cmd_validate, "run": _cmd_run, "pack": _cmd_pack,
    "cohort": _cmd_cohort, "lab": _cmd_server, "app": _cmd_server, "init": _cmd_init,
    "history": _cmd_history, "undo": _cmd_undo,
}


def _add_plan_commands(sub: argparse._SubParsersAction) -> None:
    """``calendar`` and ``import-contacts``: the plan in a calendar, the network brought in."""
    p = _sub(sub, "calendar", "write reminders to a calendar file (.ics)",
             "career-workbook calendar workbooks/priya_sharma.yaml --out plan.ics",
             "Write goal deadlines, milestones, action due dates, contact follow-ups, "
             "opportunities' next steps and deadlines to apply (until applied for) and the "
             "next check-in as an iCalendar file (RFC 5545) to import into any calendar app. "
             "Importing a newer file updates the same reminders instead of adding copies. "
             "With --all FOLDER: one calendar for every workbook in FOLDER (a coach's caseload).")
    p.add_argument("workbook", nargs="?", default=None, help="the workbook file")
    p.add_argument("--all", metavar="FOLDER", default=None,
                   help="one calendar across every workbook in FOLDER")
    p.add_argument("--out", default=None,
                   help="the .ics file to write (default: <workspace>/calendar/<id>.ics; "
                        "with --all: <workspace>/calendar/caseload.ics, the workspace "
                        "being the folder above DIR when DIR is named workbooks, else DIR)")
    p.add_argument("--today", type=_today, default=None, help="reference date YYYY-MM-DD")

    p = _sub(sub, "import-contacts", "add LinkedIn connections (Connections.csv) to a workbook",
             "career-workbook import-contacts workbooks/priya_sharma.yaml Connections.csv",
             "Read LinkedIn's Connections.csv export (or a plain CSV with the columns "
             "First Name, Last Name, URL, Email Address, Company, Position, Connected On), "
             "show a preview, and add the new people as contacts. People already in the "
             "network (same name and organisation, or same profile URL) are never added twice; "
             "every row that cannot be read is listed. Asks before saving unless --yes; "
             "without a terminal and without --yes it only previews.")
    p.add_argument("workbook", help="the workbook file")
    p.add_argument("file", help="Connections.csv (UTF-8 or UTF-16; commas, semicolons or tabs)")
    p.add_argument("--yes", action="store_true", help="import without asking")
    p.add_argument("--today", type=_today, default=None,
                   help="reference date YYYY-MM-DD (dates after it are refused)")


def _cmd_calendar(args: argparse.Namespace) -> int:
    from pathlib import Path

    from career_workbook.export.ics import calendar_path, write_calendar, write_caseload_calendar

    if bool(args.workbook) == bool(args.all):
        raise CliError("name one workbook file, or a folder of them with --all DIR")
    if args.all:
        folder = Path(args.all)
        if not folder.is_dir():
            raise CliError(f"--all {folder}: not a folder of workbooks")
        out = args.out or calendar_path(folder / "caseload.yaml")
        _writable_file(Path(out), "caseload.ics")
        report = write_caseload_calendar([folder], out, today=args.today)
    else:
        if args.out:
            _writable_file(Path(args.out), "calendar.ics")
        report = write_calendar(args.workbook, args.out, today=args.today)
    print("\n".join(report.lines()))
    return 1 if report.skipped else 0


def _read_connections(path: str) -> str:
    from pathlib import Path

    file = Path(path)
    if not file.is_file():
        raise CliError(f"{file}: no such file")
    if file.stat().st_size > 20 * 1024 * 1024:
        raise CliError(f"{file}: too large for a contacts export (over 20 MB)")
    from career_workbook.imports import decode_csv
    from career_workbook.model import WorkbookError

    try:  # as the form reads an upload: UTF-8, or UTF-16 as in Excel's "Unicode text"
        return decode_csv(file.read_bytes(), str(file))
    except WorkbookError as err:
        raise CliError(str(err)) from None


def _cmd_import_contacts(args: argparse.Namespace) -> int:
    import datetime

    from career_workbook import store
    from career_workbook.imports import parse_connections, plan_contacts, preview_lines

    today = args.today or datetime.date.today()
    parsed = parse_connections(_read_connections(args.file), today=today)
    plan = plan_contacts(store.load(args.workbook), parsed.rows)
    print("\n".join(preview_lines(parsed, plan)))
    if parsed.shape == "unreadable":
        return 1
    if not plan.new:
        print("Nothing to add.")
        return 0
    if not args.yes:
        if not sys.stdin.isatty():
            print("Preview only: run again with --yes to add them.")
            return 0
        answer = input(f"Add {len(plan.new)} contacts to {args.workbook}? [y/N] ")
        if answer.strip().casefold() not in ("y", "yes"):
            print("Nothing was changed.")
            return 0
    added: list[str] = []
    with store.edit(args.workbook) as wb:  # planned again under the lock: never a duplicate
        fresh = plan_contacts(wb, parsed.rows).new
        wb.contacts.extend(contact for _, contact in fresh)
        added = [contact.name for _, contact in fresh]
    print(f"Added {len(added)} contacts to {args.workbook}. Open 07_network to set who is a "
          "mentor, sponsor or peer, and plan a first follow-up.")
    return 0


COMMANDS.update({"calendar": _cmd_calendar, "import-contacts": _cmd_import_contacts})


def _add_period(p: argparse.ArgumentParser, what: str) -> None:
    """``--since`` and ``--until``, both optional and inclusive."""
    p.add_argument("--since", type=_day, default=None, metavar="YYYY-MM-DD",
                   help=f"first day of the review period (inclusive); {what}")
    p.add_argument("--until", type=_day, default=None, metavar="YYYY-MM-DD",
                   help="last day of the review period (inclusive; at most, and without "
                        "it, today: nothing dated after today counts yet)")


def _period(args: argparse.Namespace) -> Any:
    """The review period of ``--since`` / ``--until``, ending on ``--today`` (or the real
    date) at the latest: nothing dated after today counts yet (``CliError`` when a date is
    impossible, since > until, or since is after today)."""
    import datetime

    from career_workbook.analysis.period import check_period

    try:
        return check_period(args.since, args.until, today=args.today or datetime.date.today())
    except ValueError as err:
        raise CliError(str(err)) from None


def _add_promotion_command(sub: argparse._SubParsersAction) -> None:
    p = _sub(sub, "promotion-case", "the evidence of a review period for a self-review",
             "career-workbook promotion-case workbooks/priya_sharma.yaml --since 2026-01-01 "
             "--until 2026-06-30",
             "Write promotion_case.md (to paste into a self-review) and promotion_case.pdf: "
             "the period's achievements grouped by skill and by goal, with impact and metric, "
             "how the skill ratings changed from the start to the end of the period, and 360 "
             "comments from it (anonymous: only from groups of three or more raters).")
    p.add_argument("workbook", help="the workbook file")
    _add_period(p, "without it: from the first record")
    p.add_argument("--today", type=_today, default=None,
                   help="reference date YYYY-MM-DD (default: today's date); the period ends "
                        "on it at the latest: nothing dated after it counts yet")
    p.add_argument("--out", default=None, metavar="DIR",
                   help="folder to write into (default: <workspace>/promotion/<id>/)")


def _cmd_promotion_case(args: argparse.Namespace) -> int:
    import datetime

    from career_workbook.export.promotion import write_promotion_case

    _period(args)  # a period that cannot be is said before anything is read
    if args.out is not None:
        from pathlib import Path

        _writable_folder(Path(args.out))
    files = write_promotion_case(args.workbook, args.out, since=args.since, until=args.until,
                                 today=args.today or datetime.date.today())
    print("\n".join(files.lines()))
    return 0


COMMANDS["promotion-case"] = _cmd_promotion_case


def error_line(err: BaseException) -> str:
    """The one line shown for an error that stopped a command.

    >>> error_line(FileNotFoundError(2, "No such file or directory", "ws/a.yaml"))
    'ws/a.yaml: No such file or directory'
    >>> error_line(KeyError("x"))
    "unexpected KeyError: 'x' (run again with --verbose for details, and report it)"

    An output that could not be written says so in its own words (which folder, what to do):

    >>> from career_workbook.store import OutputError
    >>> error_line(OutputError(28, "No space left on device", "out"))
    'cannot write to out: No space left on device — free some space on that disk'
    """
    from career_workbook.store import OutputError

    if isinstance(err, OSError) and err.strerror and not isinstance(err, OutputError):
        where = err.filename if err.filename is not None else ""
        text = f"{where}: {err.strerror}" if where else err.strerror
    else:
        text = " ".join(str(err).split()) or type(err).__name__
    if not isinstance(err, CliError | ValueError | OSError | ImportError):
        text = (f"unexpected {type(err).__name__}: {text} (run again with --verbose for "
                "details, and report it)")
    return text


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the exit flush of a closed pipe stays quiet."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


_FOLDER_ARGS = {"validate": ("paths",), "run": ("workbooks",), "pack": ("workbooks", "all"),
                "cohort": ("workspace",), "calendar": ("all",)}
"""The arguments of each command that may name a folder of workbooks."""


def _note_nested(args: argparse.Namespace) -> None:
    """Say which subfolders of the folders given hold workbooks this command leaves out."""
    from career_workbook.workspace import nested_workbooks

    given: list[str] = []
    for name in _FOLDER_ARGS.get(args.command, ()):
        value = getattr(args, name, None)
        given += [value] if isinstance(value, str) else list(value or [])
    nested = nested_workbooks(given)
    if nested:
        print(f"note: workbooks in {', '.join(str(p) for p in nested)} are not included "
              "(subfolders are not searched); name those folders too to include them",
              file=sys.stderr)


def typed_text(value: str) -> str:
    """A name or role as it was typed on the command line.

    Under a locale that cannot read a letter (``LC_ALL=C`` with ``PYTHONUTF8=0``) Python
    keeps each byte of it as a stand-in (``'\\udcc3\\udca9'`` for ``é``); those bytes are
    read as UTF-8, which every terminal sends today. Text Python could read, and bytes that
    are not UTF-8, stay as they are. File and folder names are not passed here: they must
    keep their bytes to be found.

    >>> typed_text("Jos\\udcc3\\udca9"), typed_text("José"), typed_text("Jos\\udce9")
    ('José', 'José', 'Jos\\udce9')
    """
    if not any("\udc80" <= ch <= "\udcff" for ch in value):
        return value
    try:
        return value.encode("utf-8", "surrogateescape").decode("utf-8")
    except UnicodeDecodeError:
        return value


def _printable_streams() -> None:
    """Let every letter print, whatever the locale: an output whose encoding is plain ASCII
    (``LC_ALL=C`` with ``PYTHONUTF8=0``) writes UTF-8, as Python's UTF-8 mode would (a file
    name's bytes as they are); another that is not UTF-8 (a Windows code page, redirected)
    writes a letter it has no code for as an escape (``\\xe9``) instead of stopping the
    command halfway."""
    import codecs

    for stream in (sys.stdout, sys.stderr):
        try:
            encoding = codecs.lookup(stream.encoding).name
        except (AttributeError, LookupError, TypeError):
            continue
        if encoding == "utf-8" or not hasattr(stream, "reconfigure"):
            continue
        with contextlib.suppress(ValueError, OSError):
            stream.flush()
            if encoding == "ascii":
                stream.reconfigure(encoding="utf-8", errors="surrogateescape")
            else:
                stream.reconfigure(errors="backslashreplace")


UTF8_RESTARTED = "CAREER_WORKBOOK_UTF8_RESTARTED"
"""Set in the environment of a command :func:`_utf8_restart` restarted (never twice)."""


def needs_utf8_restart(fs_encoding: str, utf8_mode: bool, environ: dict[str, str]) -> bool:
    """Whether the command must restart in Python's UTF-8 mode to name files with any
    letters: its file-system encoding is ASCII (``LC_ALL=C`` with ``PYTHONUTF8=0``, so
    Python's own UTF-8 default for the C locale is off), where a workbook, pack or chart
    named "Иван" cannot be written ("'ascii' codec can't encode") and a file name read
    from a folder cannot be written into a CSV or a pack. Any other encoding is the
    person's choice and kept.

    >>> needs_utf8_restart("ascii", False, {}), needs_utf8_restart("utf-8", False, {})
    (True, False)
    >>> needs_utf8_restart("ANSI_X3.4-1968", False, {}), needs_utf8_restart("ascii", True, {})
    (True, False)
    >>> needs_utf8_restart("ascii", False, {UTF8_RESTARTED: "1"})
    False
    """
    import codecs

    try:
        ascii_only = codecs.lookup(fs_encoding).name == "ascii"
    except LookupError:
        ascii_only = False
    return ascii_only and not utf8_mode and not environ.get(UTF8_RESTARTED)


def _utf8_restart() -> None:
    """Run the command again in Python's UTF-8 mode (``PYTHONUTF8=1``) when
    :func:`needs_utf8_restart`: the arguments are passed on byte for byte."""
    if os.name == "nt" or not needs_utf8_restart(sys.getfilesystemencoding(),
                                                 bool(sys.flags.utf8_mode), dict(os.environ)):
        return
    sys.stdout.flush()
    sys.stderr.flush()
    env = {**os.environ, "PYTHONUTF8": "1", UTF8_RESTARTED: "1"}
    os.execve(sys.executable, [sys.executable, "-m", "career_workbook", *sys.argv[1:]], env)


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``career-workbook``; returns the exit code. Run as the command (no
    ``argv``), it first restarts in UTF-8 mode where file names could hold only ASCII
    (:func:`needs_utf8_restart`)."""
    if argv is None:
        _utf8_restart()
    _printable_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 0
    try:
        _note_nested(args)
        code = COMMANDS[args.command](args)
        sys.stdout.flush()  # a closed pipe shows here, not at exit
        return code
    except BrokenPipeError:  # `career-workbook history x.yaml | head`: the reader is done
        _silence_stdout()
        return 1
    except KeyboardInterrupt:
        print("career-workbook: interrupted; finished outputs were kept, nothing "
              "half-written was left behind", file=sys.stderr)
        return INTERRUPTED
    except Exception as err:  # one line a coach understands; details with --verbose
        if args.verbose:
            import traceback

            traceback.print_exc()
        print(f"career-workbook {args.command}: error: {error_line(err)}", file=sys.stderr)
        return 2 if isinstance(err, CliError) else 1


if __name__ == "__main__":
    sys.exit(main())
