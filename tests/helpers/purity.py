"""Static check that a module of a pure layer does no I/O and imports no widgets."""

from __future__ import annotations

import ast
from collections.abc import Iterable
from pathlib import Path


def io_violations(path: Path, forbidden_imports: Iterable[str],
                  forbidden_calls: Iterable[str]) -> list[str]:
    """Lines of ``path`` that import a forbidden module or call a forbidden function.

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "m.py"
    >>> _ = p.write_text("import os.path\\nopen('x')\\n")
    >>> io_violations(p, {"os"}, {"open"})
    ['m.py:1 imports os.path', 'm.py:2 calls open()']
    """
    imports, calls = set(forbidden_imports), set(forbidden_calls)
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""])
            found += [f"{path.name}:{node.lineno} imports {name}" for name in names
                      if any(name == f or name.startswith(f + ".") for f in imports)]
        elif isinstance(node, ast.Call):
            func = node.func
            called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if called in calls:
                found.append(f"{path.name}:{node.lineno} calls {called}()")
    return sorted(found, key=lambda s: int(s.split(":")[1].split()[0]))
