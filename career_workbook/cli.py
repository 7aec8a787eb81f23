"""The ``career-workbook`` command (filled in by the CLI issue)."""

from __future__ import annotations

import sys

from career_workbook import __version__


def main(argv: list[str] | None = None) -> int:
    print(f"career-workbook {__version__}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
