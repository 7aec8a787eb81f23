"""A tool a test needs is not installed: skip on a developer's machine, fail in CI.

In CI (``CI=true``) ``.ci/run`` installs every tool the suite uses, so a missing one is a
broken set-up, and a skipped check would pass nothing.

>>> in_ci({"CI": "true"}), in_ci({"CI": "1"}), in_ci({})
(True, False, False)
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import NoReturn

import pytest


def in_ci(environ: Mapping[str, str] = os.environ) -> bool:
    """Whether the suite runs in CI (``CI=true``, as ``.ci/run`` and most CI services set)."""
    return environ.get("CI", "").lower() == "true"


def missing_tool(message: str) -> NoReturn:
    """Skip the test with ``message`` (which says how to install the tool); fail in CI."""
    if in_ci():
        pytest.fail(f"CI=true but {message}", pytrace=False)
    pytest.skip(message)
