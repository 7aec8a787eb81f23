"""``export.pack.pack_modules`` names exactly the modules a pack's rendering imports.

A batch imports them once, before its first client, in each worker, and leaves them out of
the garbage collector's passes (``batch.freeze_imports``). A module missing from the list
is imported during the first client instead and walked by every full collection; the list
was kept by hand and missed the lazily loaded charts and analysis modules. Here the four
examples are rendered in a fresh interpreter and every ``career_workbook`` and
``matplotlib.backends`` module they import is compared with the list.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from career_workbook.export.pack import DEFAULT_FORMATS, pack_modules

ROOT = Path(__file__).resolve().parents[1]
RENDER = """
import sys
from datetime import date
from pathlib import Path
import career_workbook.export.pack as P
def ours():
    return {m for m in sys.modules if m.startswith(("career_workbook.", "matplotlib.backends."))}
before = ours()
for example in sorted(Path("examples/workbooks").glob("*.yaml")):
    P.render_pack(example.read_bytes(), example.name, today=date(2026, 11, 22),
                  formats=FORMATS)
print(repr(sorted(ours() - before)))
"""


def rendering_imports(formats: tuple[str, ...]) -> set[str]:
    """The package's and matplotlib's backend modules that rendering the examples in
    ``formats`` imports beyond ``career_workbook.export.pack`` itself."""
    script = RENDER.replace("FORMATS)", f"{formats!r})")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=600, cwd=ROOT, env={**os.environ, "MPLBACKEND": "Agg"})
    assert done.returncode == 0, done.stderr
    return set(ast.literal_eval(done.stdout.strip().splitlines()[-1]))


@pytest.mark.slow
@pytest.mark.parametrize("formats", [DEFAULT_FORMATS, ("svg",)])
def test_pack_modules_are_what_the_rendering_imports(formats: tuple[str, ...]) -> None:
    listed = pack_modules(formats)
    assert len(set(listed)) == len(listed)
    assert set(listed) == {"career_workbook.export.pack"} | rendering_imports(formats)
