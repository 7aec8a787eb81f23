"""“Did it ask for these?”: skills a posting may ask for, for the person to confirm.

The matcher (:mod:`career_workbook.analysis.posting`) counts a skill only on clear words.
On postings nobody tuned it on it finds about three in four of the skills a careful reader
lists, so the rest are proposed here, never counted until the person confirms them.

Evidence weaker than a match, by general rules only (no per-posting lookups):

- a whole synonym the matcher set aside: a ``?`` word with other meanings ("containers",
  "risk") seen without the clear words it needs, or a phrase it read as a person ("budget
  holders");
- part of a skill's name or of a synonym of several words in one sentence ("experiments"
  for "Experiment Design"), weighted by how rare each word is across the catalog;
- words of the skill's catalog description in one sentence, weighted the same way;
- a word a match already explains ("management" of a matched "classroom management") does
  not suggest another skill, and common words ("work", "team", "skills") suggest nothing;
- numbers suggest nothing ("1" of "1:1s" in "1 week in 6"), and neither does a job title's
  head word alone ("managers" of "line manager" in "work with product managers" names
  colleagues): each still needs another telling word of the phrase beside it.

Words are compared after the matcher's normalisation (stems, spelling), and the
employer's own talk (about us, perks, equal opportunity) is skipped as the matcher skips
it (:func:`~career_workbook.analysis.posting.read_posting`). A skill already matched is
never suggested; at most :data:`MAX_SUGGESTIONS` are, best first.

Examples
--------
>>> from career_workbook.model import new_workbook
>>> vocab = {"Containers and Orchestration": ["kubernetes", "?containers"],
...          "SQL": []}
>>> fit = fit_to_posting(new_workbook("Sam"), "You will ship SQL and containers.",
...                      catalog=vocab)
>>> list(fit.matches)
['SQL']
>>> [(s.skill, s.words) for s in fit.suggestions]
[('Containers and Orchestration', ('containers',))]
>>> fit.suggestions[0].sentence
'You will ship SQL and containers.'
>>> confirmed = confirm_suggestions(new_workbook("Sam"), fit, ["Containers and Orchestration"],
...                                 catalog=vocab)
>>> confirmed.gaps, [s.skill for s in confirmed.suggestions]
(('SQL', 'Containers and Orchestration'), ['Containers and Orchestration'])
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from career_workbook.analysis.posting import (
    JOB_TITLES,
    PostingFit,
    fit_from_words,
    fit_to_posting,  # noqa: F401  (used by the doctest above)
    normalise_word,
    posting_vocabulary,
    read_posting,
    skill_key,
)
from career_workbook.model import Workbook

__all__ = ["MAX_SUGGESTIONS", "MIN_SCORE", "Suggestion", "confirm_suggestions",
           "suggest_skills"]

MAX_SUGGESTIONS = 8
"""At most this many suggestions are shown: more is a list nobody reads."""
MIN_SCORE = 0.7
"""Weaker evidence than this is not shown."""
_SET_ASIDE = 3.0  # a whole synonym the matcher set aside ("?containers" alone)
_LOOSE = 1.5  # "!calm" before a noun ("calm when customers are frustrated")
_DESCRIBED = 0.5  # a word of the description weighs half a word of a name or synonym
_MAX_SENTENCE = 160  # characters of the sentence shown
_WORD = re.compile(r"[^\W_]+[+#]*")
_SKIP = frozenset({"a", "an", "the", "of", "our", "your", "their", "its", "and", "or", "s"})
_COMMON = (  # too common in postings to suggest a skill
    "and", "or", "to", "for", "in", "on", "with", "by", "at", "from", "into", "as", "is",
    "are", "be", "you", "we", "it", "this", "that", "these", "those", "who", "what", "how",
    "when", "where", "which", "will", "can", "may", "must", "should", "would", "not", "no",
    "all", "any", "each", "every", "other", "others", "more", "most", "new", "good",
    "great", "strong", "high", "well", "clear", "clearly", "real", "right", "own", "also",
    "skill", "skills", "ability", "able", "work", "working", "worked", "job", "role",
    "experience", "experienced", "knowledge", "understanding", "use", "using", "make",
    "making", "get", "getting", "take", "taking", "keep", "keeping", "help", "helping",
    "people", "person", "team", "teams", "way", "ways", "thing", "things", "time", "day",
    "days", "year", "years", "part", "level", "levels", "need", "needs", "needed",
    "including", "include", "includes", "based", "across", "within", "up", "out", "so",
    "do", "doing", "done", "have", "having", "has", "give", "giving", "go", "going",
    "them", "they", "their", "others'", "one", "two", "first", "key", "best", "better",
    "about", "over", "than", "then", "there", "here", "very", "just", "like", "such",
    "what's", "through", "without", "under", "some", "many", "much", "few", "set",
)
_GENERIC = frozenset(normalise_word(w) for w in _COMMON) | {"=" + w for w in _COMMON}
"""Keys of the common words, stemmed or exact (the "to" of "=one-to-ones" too)."""
_SETTING = ("business", "businesses", "company", "companies", "colleague", "colleagues",
            "staff", "partner", "partners", "grow", "growing", "growth")
"""Words a posting uses about its setting ("business intelligence", "across the business",
"our colleagues", "a growing company"): part of a phrase ("new business", "business
partnering"), they count beside another of its words, never alone. ("organisation" is
not one: alone, "great organisation" is the person's.)"""
_NOT_ALONE = frozenset(normalise_word(w) for w in _SETTING)


@dataclass(frozen=True)
class Suggestion:
    """One skill the posting may ask for: the words that suggested it and their sentence.

    ``score`` orders suggestions (higher is surer; :data:`MIN_SCORE` and up are shown);
    ``why`` says in a few words what kind of evidence it is; ``nice``: the words are where
    the posting only welcomes skills ("Nice to have", "R is a plus").
    """

    skill: str
    words: tuple[str, ...]
    sentence: str
    score: float
    why: str
    nice: bool = False


@dataclass(frozen=True)
class _Phrase:
    keys: tuple[str, ...]
    weak: bool
    described: bool = False  # words of the description, not a name or synonym
    loose: tuple[str, ...] = ()  # "!calm": its stems, also before a noun


def _keys(phrase: str, exact: bool = False) -> tuple[str, ...]:
    """The words of a name or synonym as the matcher compares them: stems, ``=word`` for
    a synonym written ``=word``, ``^sql`` for an acronym in capitals."""
    out = []
    for w in _WORD.findall(phrase):
        low = w.casefold()
        if low in _SKIP:
            continue
        out.append("^" + low if w.isupper() and len(w) >= 2 else
                   "=" + low if exact else normalise_word(w))
    return tuple(out)


def _phrases(catalog: Any, workbook: Workbook | None) -> dict[str, list[_Phrase]]:
    vocab = posting_vocabulary(catalog, workbook)
    infos = getattr(catalog, "skills", {}) or {}
    out: dict[str, list[_Phrase]] = {}
    for name, synonyms in vocab.items():
        got = [_Phrase(_keys(name), False)]
        for syn in synonyms:
            head = syn[:3]
            text = syn.lstrip("=?!").partition(" @")[0]
            marked = "!" in head  # "=writing": exact because "write" is not it
            got.append(_Phrase(_keys(text, "=" in head), "?" in head,
                               loose=_keys(text) if marked else ()))
        description = getattr(infos.get(name), "description", "") or ""
        got.append(_Phrase(_keys(description), False, described=True))
        out[name] = [p for p in got if p.keys]
    return out


_VERBS_TOO = frozenset({"lead", "head"})


@functools.lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    """Keys of job titles' head words ("manager", "engineer", "nurse"): alone, they name a
    colleague ("product managers"), not a skill asked. Not those that are verbs too
    ("lead a team", "head up the unit"): they may be the ask."""
    return frozenset(map(normalise_word, JOB_TITLES)) - _VERBS_TOO


def _weights(phrases: dict[str, list[_Phrase]]) -> dict[str, float]:
    """How telling each word is: rare across the catalog's skills weighs more."""
    df: dict[str, int] = {}
    for got in phrases.values():
        for key in {k for p in got for k in p.keys}:
            df[key] = df.get(key, 0) + 1
    n = max(len(phrases), 2)
    return {k: math.log(n / d) / math.log(n) for k, d in df.items()}


def _sentences(tokens: list[Any]) -> Iterable[list[int]]:
    """Runs of word positions between breaks (a break is a sentence end, a line end or
    the employer's own talk)."""
    run: list[int] = []
    for i, t in enumerate(tokens):
        if t.stem == "|":
            if run:
                yield run
            run = []
        elif t.stem != "&":
            run.append(i)
    if run:
        yield run


def _key_of(token: Any) -> tuple[str, ...]:
    return (token.stem, "=" + token.exact, token.acro)


def _contains(seq: list[str | tuple[str, ...]], keys: tuple[str, ...]) -> int:
    """Where ``keys`` occur in a row in ``seq`` (a list of each word's keys), or -1."""
    n = len(keys)
    for i in range(len(seq) - n + 1):
        if all(keys[k] in seq[i + k] for k in range(n)):
            return i
    return -1


def _shown(text: str, tokens: list[Any], run: list[int], hits: list[int]) -> str:
    """The sentence around the words, at most :data:`_MAX_SENTENCE` characters."""
    start, end = tokens[run[0]].start, tokens[run[-1]].end
    sentence = text[start:end + 1] if text[end:end + 1] in ".!?" else text[start:end]
    sentence = " ".join(sentence.split())
    if len(sentence) <= _MAX_SENTENCE:
        return sentence
    first = " ".join(text[start:tokens[min(hits)].start].split())
    cut = max(len(first) - _MAX_SENTENCE // 3, 0)
    body = sentence[cut:cut + _MAX_SENTENCE - 2]
    return ("…" if cut else "") + body + "…"


def suggest_skills(text: str | None, fit: PostingFit, *, catalog: Any,
                   workbook: Workbook | None = None,
                   limit: int = MAX_SUGGESTIONS,
                   read: tuple[str, list[Any]] | None = None) -> tuple[Suggestion, ...]:
    """Skills not in ``fit.matches`` that the posting may ask for, best first.

    Pure: reads nothing but its arguments. ``catalog`` is a loaded catalog or
    ``{skill: [synonyms]}`` (then only names and synonyms are compared, no descriptions);
    the person's own skills (``workbook``) are compared by name. ``read`` is
    ``read_posting(text)[:2]`` when the caller has it already (saves reading twice).

    >>> from career_workbook.model import new_workbook
    >>> vocab = {"Risk Management": ["?risk", "risk register"], "Python": []}
    >>> text = "About us\\nWe take risks.\\nThe role\\nWeigh each risk in Python."
    >>> fit = fit_to_posting(new_workbook("Sam"), text, catalog=vocab)
    >>> [(s.skill, s.words, s.sentence) for s in suggest_skills(text, fit, catalog=vocab)]
    [('Risk Management', ('risk',), 'Weigh each risk in Python.')]

    The employer's own talk ("About us") suggests nothing:

    >>> suggest_skills("About us\\nWe take risks.", fit, catalog=vocab)
    ()
    """
    text, tokens = read if read is not None else read_posting(text)[:2]
    if not tokens:
        return ()
    phrases = _phrases(catalog, workbook)
    weight = _weights(phrases)
    matched = {skill_key(name) for name in fit.matches}  # "Python 🐍" matched: no "Python"
    explained = {k for words in fit.matches.values() for w in words for k in _keys(w)}
    untelling = _titles() | {k for got in phrases.values() for p in got for k in p.keys
                             if not any(ch.isalpha() for ch in k)}  # numbers, titles
    # ("management" of a matched "classroom management" is no evidence of another skill)
    best: dict[str, tuple[float, list[int], list[int], str]] = {}
    seen: dict[str, int] = {}
    by_key: dict[str, set[str]] = {}  # word -> the skills it is a word of
    for skill, got in phrases.items():
        if skill_key(skill) not in matched:
            for p in got:
                for k in (*p.keys, *p.loose):
                    by_key.setdefault(k, set()).add(skill)
    for run in _sentences(tokens):
        keys = [_key_of(tokens[i]) for i in run]
        present = {k for ks in keys for k in ks}
        for skill in sorted(set().union(*(by_key.get(k, ()) for k in present))):
            got = phrases[skill]
            score, hits, why = 0.0, [], ""
            for p in got:
                ks = [k for k in dict.fromkeys(p.keys) if k in present]
                if not ks and not p.loose:
                    continue
                at = _contains(keys, p.keys) if p.weak else -1
                if at >= 0:  # the whole "?word": its clear words are not there
                    s, h = _SET_ASIDE, list(range(at, at + len(p.keys)))
                    w = "a word with other meanings"
                elif p.loose and (at := _contains(keys, p.loose)) >= 0:
                    s, h = _LOOSE, list(range(at, at + len(p.loose)))
                    w = "its word, used another way"
                elif len(p.keys) > 1 or p.described:  # part of a phrase
                    told = [k for k in ks if k not in _GENERIC and k not in explained
                            and k not in untelling]
                    if (p.described and len(told) < 2
                            or not p.described and set(told) <= _NOT_ALONE):
                        continue
                    total = sum(weight[k] for k in dict.fromkeys(p.keys) if k not in _GENERIC)
                    s = sum(weight[k] for k in told) ** 2 / max(total, 1e-9)
                    s *= _DESCRIBED if p.described else 1.0
                    h = [j for j, kk in enumerate(keys) if any(k in kk for k in told)]
                    w = "words of its description" if p.described else "part of its name"
                else:
                    continue
                if s > score:
                    score, hits, why = s, h, w
            if score <= 0:
                continue
            seen[skill] = seen.get(skill, 0) + 1
            if score > best.get(skill, (0.0,))[0]:
                best[skill] = (score, run, [run[j] for j in hits], why)
    out = []
    for skill, (score, run, hits, why) in best.items():
        score += 0.1 * min(seen[skill] - 1, 5)  # said in several sentences
        if score < MIN_SCORE:
            continue
        words = tuple(dict.fromkeys(text[tokens[i].start:tokens[i].end] for i in sorted(hits)))
        out.append(Suggestion(skill, words, _shown(text, tokens, run, hits),
                              round(score, 3), why, all(tokens[i].nice for i in hits)))
    out.sort(key=lambda s: (-s.score, s.skill))
    return tuple(out[:limit])


def confirm_suggestions(workbook: Workbook, fit: PostingFit, skills: Iterable[str], *,
                        catalog: Any, role: Any = None) -> PostingFit:
    """``fit`` with the suggestions named in ``skills`` counted exactly like matches (fit,
    gaps, :func:`~career_workbook.analysis.posting.add_posting_skills`); the suggestions
    stay listed so the person can see and undo their choice. Names that are not
    suggestions of ``fit`` are ignored. ``role``: the one ``fit`` was measured with
    (:func:`~career_workbook.analysis.posting.fit_to_posting`).

    >>> from career_workbook.model import new_workbook
    >>> fit = fit_to_posting(new_workbook("Sam"), "Risk.", catalog={"Risk Management": ["?risk"]})
    >>> confirm_suggestions(new_workbook("Sam"), fit, ["Risk Management", "Nope"],
    ...                     catalog={}).matches
    {'Risk Management': ('Risk',)}
    """
    wanted = {s.casefold() for s in skills}
    words = {s.skill: s.words for s in fit.skills}
    mentions = {s.skill: s.mentions for s in fit.skills}
    nice = {s.skill for s in fit.skills if s.nice}
    for s in fit.suggestions:
        if s.skill.casefold() in wanted and s.skill not in words:
            words[s.skill], mentions[s.skill] = s.words, 1
            if s.nice:
                nice.add(s.skill)
    if len(words) == len(fit.skills):
        return fit
    confirmed = fit_from_words(workbook, words, mentions, catalog=catalog,
                               truncated=fit.truncated, role=role, nice=nice)
    return replace(confirmed, suggestions=fit.suggestions)
