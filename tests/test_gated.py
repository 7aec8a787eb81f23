"""Gated patterns (issue 15): each answers as its plain compiled pattern, and importing the
SMART scorer no longer compiles the long patterns a goal may never need."""

from __future__ import annotations

import pathlib
import random
import re
import subprocess
import sys
from re import _constants as C
from re import _parser

import pytest

from career_workbook.analysis import dates, smart
from career_workbook.analysis.gated import Gated

ROOT = pathlib.Path(__file__).resolve().parents[1]
GATED = sorted((name, value) for name, value in vars(smart).items() if isinstance(value, Gated))

# pieces a goal may hold that the patterns read: numbers, units, dates, marks, and letters
# that match ASCII ones without case ("ſ" for s, "K" Kelvin for k, "İ" and "ı" for i)
_PIECES = ["0", "7", "10", "12", "80", "110", "250", "2027", "%", " %", "/10", "/ 10", "x",
           "€", "£", "$", "₹", "¥", "(", ")", "[", "]", ",", ";", ":", ".", "-", "'", "<", ">",
           "/", "\n", "\t", "e.g.", "I", "ſ", "K", "İ", "ı", "é", "中", "🙂", "<b>", "</p>"]


def _sample(items, rng: random.Random, groups: dict) -> str:
    """A random text the parsed pattern ``items`` may match (lookarounds left out, so some
    only nearly match): every branch, repeat and class gets a turn over many draws."""
    out = []
    for op, av in items:
        if op is C.LITERAL:
            out.append(chr(av))
        elif op is C.NOT_LITERAL or op is C.ANY:
            out.append(rng.choice("a .,7"))
        elif op is C.IN:
            out.append(_one_of(av, rng))
        elif op is C.BRANCH:
            out.append(_sample(rng.choice(av[1]), rng, groups))
        elif op is C.SUBPATTERN:
            groups[av[0]] = text = _sample(av[3], rng, groups)
            out.append(text)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            low, high, item = av
            times = rng.randint(low, min(high, low + 2))
            out.extend(_sample(item, rng, groups) for _ in range(times))
        elif op is C.GROUPREF:
            out.append(groups.get(av, ""))
        elif op is C.ATOMIC_GROUP:
            out.append(_sample(av, rng, groups))
    return "".join(out)


def _one_of(items, rng: random.Random) -> str:
    op, av = rng.choice(items)
    if op is C.LITERAL:
        return chr(av)
    if op is C.RANGE:
        return chr(rng.randint(*av))
    if op is C.CATEGORY:
        return {C.CATEGORY_DIGIT: "7", C.CATEGORY_SPACE: " ", C.CATEGORY_WORD: "w"}.get(av, ".")
    return rng.choice(" a7.")


def _texts(pattern: str, flags: int, n: int, seed: int) -> list[str]:
    """Texts drawn from the pattern itself, set among its own words and pieces a goal may
    hold, in mixed case: many match it somewhere, many only nearly."""
    rng = random.Random(seed)
    parsed = _parser.parse(pattern, flags)
    words = sorted(set(re.findall(r"[a-z]{2,}", pattern))) or ["word"]
    texts = []
    for _ in range(n):
        toks = []
        for _ in range(rng.randint(1, 7)):
            r = rng.random()
            tok = (_sample(parsed, rng, {}) if r < 0.3 else rng.choice(words) if r < 0.7
                   else rng.choice(_PIECES))
            if rng.random() < 0.2:
                tok = tok.upper() if rng.random() < 0.5 else tok.capitalize()
            toks.append(tok)
        lead = rng.choice(["", "", " "])  # "^\\s+" patterns read the rest of a sentence
        texts.append(lead + "".join(t + rng.choice(["  ", " ", " ", "", "-"]) for t in toks))
    return texts


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return (a.span(), a.groups(), a.groupdict()) == (b.span(), b.groups(), b.groupdict())


@pytest.mark.parametrize("name,gated", GATED, ids=[name for name, _ in GATED])
def test_a_gated_pattern_answers_as_the_plain_pattern(name, gated):
    plain = re.compile(gated.pattern, gated.flags)  # the reference: the pattern itself
    texts = _texts(gated.pattern, gated.flags, 1500, seed=len(name))
    matched = 0
    for text in texts:
        found = plain.search(text)
        matched += found is not None
        assert _same(gated.search(text), found), text
        assert _same(gated.match(text), plain.match(text)), text
        assert _same(gated.fullmatch(text), plain.fullmatch(text)), text
        assert [m.span() for m in gated.finditer(text)] == [m.span() for m in
                                                            plain.finditer(text)], text
        assert gated.sub("#", text) == plain.sub("#", text), text
        assert gated.findall(text) == plain.findall(text), text
        assert gated.split(text) == plain.split(text), text
        for pos in (1, len(text) // 2):  # a window, as "match(text, pos)" reads
            assert _same(gated.match(text, pos), plain.match(text, pos)), (text, pos)
            assert _same(gated.search(text, 0, pos), plain.search(text, 0, pos)), (text, pos)
    # a test of the gate reads texts the pattern matches (else any gate would pass)
    assert matched >= 25, f"{name}: only {matched} of {len(texts)} texts matched"


def test_gated_patterns_answer_as_plain_ones_on_goal_sentences():
    goals = ["Be 110% committed to the team", "Hire a 10x engineer by Q3",
             "Finish the course (confidence 8/10)", "I'm 80 % sure I can ship it by May",
             "Cut costs by a third, e.g. by renegotiating the lease", "Walk 30 mins daily",
             "Run every day for a month", "Reach an intermediate level in Spanish",
             "Make senior by 2027", "Become the first Lead at the company",
             "Grow revenue from the current 3 clients to 10", "Do my best, kind of, etc",
             "<b>Publish</b> every single post, no mistakes", "Double the £500 budget"]
    for name, gated in GATED:
        plain = re.compile(gated.pattern, gated.flags)
        for goal in goals:
            assert [m.span() for m in gated.finditer(goal)] == [
                m.span() for m in plain.finditer(goal)], (name, goal)


def test_importing_the_scorer_compiles_only_short_patterns():
    """A structural guard: the characters of pattern compiled by ``import ...smart`` (the
    whole scorer, ``dates`` with it). Before gating: 18,385 characters in 117 patterns;
    9,153 in 108 before the helpers a goal may never need (a habit, a list marker, markup,
    a bare year, an ISO day; the rewrites' lead-ins) were compiled on first use: 7,554 in 93."""
    code = (
        "import re, sys\n"
        "seen = {}\n"
        "orig = re._compile\n"
        "def rec(p, f):\n"
        "    if isinstance(p, str): seen[(p, f)] = len(p)\n"
        "    return orig(p, f)\n"
        "import career_workbook.analysis\n"
        "re._compile = rec\n"
        "import career_workbook.analysis.smart\n"
        "print(len(seen), sum(seen.values()))\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    count, chars = map(int, done.stdout.split())
    assert chars <= 8_000, f"{count} patterns, {chars} characters compiled at import"


def test_a_gated_pattern_is_compiled_when_a_text_first_passes_its_gate():
    proud = Gated(r"\b(?:fairly|quite)\s+proud\b", re.IGNORECASE, needs=r"proud")
    assert proud.search("Ship the dashboard by 31 May 2027") is None
    assert not proud.compiled
    assert proud.search("quite PROUD").group(0) == "quite PROUD"
    assert proud.compiled


# the readers whose pre-check only spares compiling them (issue 15); others' pre-checks
# also choose what is read ("fiftywk" is no "wk"), so they are no necessary condition
DATE_READERS = [(handler.__name__, regex, gate) for regex, handler, _kind, gate in dates._PATTERNS
                if handler.__name__ in ("_event", "_vague")]


@pytest.mark.parametrize("name,regex,gate", DATE_READERS, ids=[r[0] for r in DATE_READERS])
def test_a_date_reader_s_precheck_finds_every_text_it_reads(name, regex, gate):
    """``dates._pattern(needs=...)``: a text the pre-check turns away is never read, so
    every text the pattern reads must pass it."""
    assert len(DATE_READERS) == 2
    plain = re.compile(regex, re.IGNORECASE)
    texts = _texts(regex, re.IGNORECASE, 800, seed=len(name))
    read = [text for text in texts if plain.search(text) is not None]
    assert all(gate.search(text) is not None for text in read), [
        text for text in read if gate.search(text) is None][:3]
    assert len(read) >= 25, f"{name}: only {len(read)} of {len(texts)} texts read"
