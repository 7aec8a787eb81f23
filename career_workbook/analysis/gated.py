"""Regular expressions compiled when a text first needs them (issue 15).

Python's ``re`` compiles in Python: the SMART scorer's long patterns (role titles, effort
hyperbole, stated confidence) cost 0.5-2 ms each, paid by every kernel that scores a goal,
though most goals can never match most of them (a goal without "confident", "sure",
"certain" or "/10" states no confidence). A :class:`Gated` pattern carries a cheap
``needs`` pattern that every match contains: a text where ``needs`` finds nothing cannot
match, so it gets the answer of a pattern that found nothing without the long pattern being
compiled. The long pattern is compiled (once per process) for the first text that passes.

The answers are those of the plain compiled pattern, as long as ``needs`` is a necessary
condition: write it from characters every match consumes (literals, classes, ``\\s``), never
with anchors or lookarounds (``\\b``, ``^``, ``(?=``): a ``pos``/``endpos`` window or the
text around a match could then tell it apart. Every gated pattern of the package is checked
against its plain pattern on generated texts (``tests/test_gated.py``).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any


class Gated:
    """A pattern compiled on first need; ``needs`` (the same flags) must find something in
    a text before the pattern is compiled or run on it.

    >>> unsure = Gated(r"\\b(?:fairly|quite)\\s+sure\\b", re.IGNORECASE, needs=r"sure")
    >>> unsure.search("Ship it by May") is None, unsure.compiled
    (True, False)
    >>> unsure.search("I am QUITE sure").group(0), unsure.compiled
    ('QUITE sure', True)
    >>> unsure.sub("-", "quite sure"), unsure.findall("nothing"), unsure.split("a b")
    ('-', [], ['a b'])
    """

    __slots__ = ("pattern", "flags", "_gate", "_compiled")

    def __init__(self, pattern: str, flags: int = 0, *, needs: str | None = None) -> None:
        self.pattern = pattern
        self.flags = flags
        self._gate = None if needs is None else re.compile(needs, flags)
        self._compiled: re.Pattern | None = None

    @property
    def compiled(self) -> bool:
        """Whether the pattern has been compiled in this process."""
        return self._compiled is not None

    def regex(self) -> re.Pattern:
        """The compiled pattern (compiled now if it was not yet)."""
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def _for(self, string: str) -> re.Pattern | None:
        if self._gate is not None and self._gate.search(string) is None:
            return None
        return self.regex()

    def search(self, string: str, *args: Any) -> re.Match | None:
        p = self._for(string)
        return None if p is None else p.search(string, *args)

    def match(self, string: str, *args: Any) -> re.Match | None:
        p = self._for(string)
        return None if p is None else p.match(string, *args)

    def fullmatch(self, string: str, *args: Any) -> re.Match | None:
        p = self._for(string)
        return None if p is None else p.fullmatch(string, *args)

    def finditer(self, string: str, *args: Any) -> Iterator[re.Match]:
        p = self._for(string)
        return iter(()) if p is None else p.finditer(string, *args)

    def findall(self, string: str, *args: Any) -> list:
        p = self._for(string)
        return [] if p is None else p.findall(string, *args)

    def sub(self, repl: Any, string: str, count: int = 0) -> str:
        p = self._for(string)
        return string if p is None else p.sub(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list:
        p = self._for(string)
        return [string] if p is None else p.split(string, maxsplit)

    def __repr__(self) -> str:
        return f"Gated({self.pattern[:40]!r}..., needs={getattr(self._gate, 'pattern', None)!r})"
