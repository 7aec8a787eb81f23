"""``python -m career_workbook`` is the ``career-workbook`` command."""

import sys

from career_workbook.cli import main

if __name__ == "__main__":
    sys.exit(main())
