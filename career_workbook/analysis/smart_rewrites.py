"""One-click rewrites of a goal for the SMART criteria it misses.

Each candidate is the person's own sentence with one small, complete change: a date at the
end, the real date for an impossible one (or a misspelt month spelt right), a count before a
plural object ("Run 3 workshops ..."), a dose for a workout ("30 minutes each time"), or a
softer word for an all-or-nothing one. Other changes are offered only where they fit what
the goal does: a rhythm for a practice ("Practise the piano twice a week", "Meet with my
mentor once a month"), never for a one-off outcome ("ask", "pass", "ship"); a level for a
language ("Learn French to B1 level"); practice projects for a technical skill ("Learn Rust
by completing 3 practice projects"); a streak for quitting ("Quit smoking for 30 days in a
row"); a weekly limit for cutting down ("Cut down on takeaways to no more than 2 a week").
Where nothing fits there is no rewrite: the hint still says what is missing.
:func:`score_goal` keeps a candidate only when scoring it meets the criterion it is offered
for, so a rewrite is never offered that would not help. A date the scorer could not use is
mended in its place or left to the person: no candidate ever adds a second date beside it,
nor beside anything that looks like a date (:func:`~career_workbook.analysis.dates.date_like`).

Pure string work on the features the scorer found; it never scores by itself. The person's
own ending (a full stop, "!", a bracket around the whole goal) stays at the end.

>>> tidy("  run 3 workshops ,  by March . ")
'Run 3 workshops, by March.'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from career_workbook.analysis.dates import date_like, format_date, suggested_deadline
from career_workbook.analysis.gated import Gated
from career_workbook.wording import short_date

__all__ = ["MAX_QUOTED", "candidates", "invalid_date_note", "tidy", "with_deadline"]

MAX_QUOTED = 90
"""Hints quote a rewrite in full only up to this length (the rewrite itself is never cut)."""

_SOFTER = (
    (re.compile(r"\b100\s*%|\b100\s+percent\b", re.I), "90%"),
    (re.compile(r"\bevery\s+single\b", re.I), "almost every"),
    (re.compile(r"\beach\s+and\s+every\b", re.I), "almost every"),
    (re.compile(r"\bnever\b", re.I), "rarely"),
    (re.compile(r"\balways\b", re.I), "almost always"),
    (re.compile(r"\bperfect(ly)?\b", re.I), r"strong\1"),
    (re.compile(r"\bflawless(ly)?\b", re.I), r"strong\1"),
    (re.compile(r"\bzero\s+(mistakes|errors|bugs|defects|complaints)\b", re.I), r"fewer \1"),
    (re.compile(r"\bno\s+(mistakes|errors)\b", re.I), r"fewer \1"),
    (re.compile(r"\bwithout\s+(?:fail|exception)\b", re.I), "most of the time"),
    (re.compile(r"\ball\s+the\s+time\b", re.I), "most of the time"),
)
_STOPS = ".!?…"
_STRAY = ",;:-–"
_WRAPS = {")": "(", "]": "[", '"': '"', "'": "'"}
_PREPS = ("by", "before", "until", "till", "on", "no later than")


def _ending(text: str) -> tuple[str, str]:
    """``text`` without its ending, and the marks of the ending worth keeping: full stops,
    "!", "?" and a bracket or quote around the whole goal (not stray commas or spaces).

    >>> _ending("(Hand over the rota!) \\n"), _ending("Run workshops (3), ")
    (('(Hand over the rota', '!)'), ('Run workshops (3)', ''))
    """
    core, kept = text.rstrip(), ""
    while core:
        last = core[-1]
        wraps = last in _WRAPS and len(core) > 1 and core.lstrip()[0] == _WRAPS[last]
        if last in _STOPS or wraps:
            kept = last + kept
        elif last not in _STRAY:
            break
        core = core[:-1].rstrip()
    return core, kept


def _append(text: str, addition: str) -> str:
    """``addition`` at the end of ``text``, before the person's own ending.

    >>> _append("Be more productive. ", " by 30 June 2027")
    'Be more productive by 30 June 2027.'
    """
    core, kept = _ending(text)
    return core.rstrip(" ,;:") + addition + kept


def tidy(text: str) -> str:
    """Collapse spaces, drop stray spaces before punctuation and stray separators at the ends
    (keeping a final full stop, "!" or "?"), and start with a capital letter."""
    text = " ".join(text.split())
    text = re.sub(r"\s+([,.;:!?)])", r"\1", text)
    text = re.sub(r"\(\s+", "(", text)
    text = re.sub(r"\(\s*\)", "", text)
    text = re.sub(r",\s*,", ",", text)
    core, kept = _ending(" ".join(text.split()))
    text = core.lstrip(" ,;:-") + kept if core.strip(" ,;:-") else ""
    return text[:1].upper() + text[1:]


def _replace(text: str, edits: Sequence[tuple[int, int, str]]) -> str:
    """``text`` with each span ``(start, end)`` replaced by its new words."""
    for start, end, new in sorted(edits, reverse=True):
        text = f"{text[:start]} {new} {text[end:]}"
    return text


def _with_confidence(core: str, f: Any) -> str:
    """Put a confidence the person stated back at the end, in one standard form."""
    core = tidy(core)
    if f.confidence is not None:
        core = _append(core, f" (confidence {round(f.confidence, 1):g}/10)")
    return core


# a clause that leads into the deadline ("before my talk in May 2027") or is one itself
# ("before the wedding"); not a time of day ("after 8pm", "before bed")
_LEAD_IN = Gated(r"\b(?:before|until|till|ahead\s+of|in\s+time\s+for|prior\s+to|for)\s+"
                 r"(?:[\w'-]+\s+){0,4}$", re.I)
_TAIL = Gated(r"\s\b(?:before|until|till|ahead\s+of|in\s+time\s+for|prior\s+to)\s+"
              r"(?:[\w'-]+\s+){0,5}[\w'-]+\s*$", re.I)
_TIME_OF_DAY = Gated(r"[0-9]|\b(?:bed|bedtime|sleep|breakfast|lunch|dinner|meals?|work"
                     r"|noon|midnight|morning|evening|night)\b", re.I)


def _split(f: Any, kinds: tuple[str, ...]) -> tuple[str, str]:
    """``f.work`` cut where a change goes: before the first time phrase of ``kinds`` and the
    clause leading into it (so the date stays last and whole), else before a closing
    "before ..." clause, else at the end (before the person's own ending)."""
    core, kept = _ending(f.work)
    later = [e for e in f.expressions if e.kind in kinds and 0 < e.start < len(core)]
    if later:
        at = min(e.start for e in later)
        lead = _LEAD_IN.search(core[:at])
        if lead and lead.start() > 0 and not _TIME_OF_DAY.search(lead.group(0)):
            at = lead.start()
    else:
        tail = _TAIL.search(core)
        at = tail.start() if tail and not _TIME_OF_DAY.search(tail.group(0)) else len(core)
    return core[:at].rstrip(" ,;:"), (" " + core[at:] if at < len(core) else "") + kept


def _insert(f: Any, addition: str, kinds: tuple[str, ...]) -> str:
    """``addition`` where :func:`_split` cuts the goal.

    >>> from types import SimpleNamespace as F
    >>> f = F(work="Practise public speaking before my talk", expressions=[], confidence=None)
    >>> _insert(f, " twice a week", ("date",))
    'Practise public speaking twice a week before my talk'
    """
    before, after = _split(f, kinds)
    if not before:
        return _with_confidence(_append(f.work, addition), f)
    return _with_confidence(before + addition + after, f)


def invalid_date_note(e: Any) -> str:
    """What is wrong with a date that cannot be used: "30 February 2027 is not a date
    (February 2027 has 28 days)", or the sentence an unclear one carries ("“03/04/2027"
    could be 3 April or 4 March: ...")."""
    if e.kind != "invalid":
        return e.note
    month = e.note.split(" ", 1)[1]
    days = e.fix.day if month[-4:].isdigit() else (29 if e.fix.month == 2 else e.fix.day)
    return f"{e.note} is not a date ({month} has {days} days)"


def _prep(phrase: str) -> str:
    """The word that led the person's date ("before", "until" ...), else "by"."""
    low = phrase.lower()
    return next((p for p in _PREPS if low.startswith(p + " ")), "by")


def with_deadline(text: str, phrase: str, deadline: date) -> str | None:
    """``text`` with the words its deadline was read from (``phrase``, the scorer's
    ``deadline_phrase``) naming ``deadline`` instead, led by the person's own word ("by",
    "before" ...); ``None`` when ``phrase`` is not in ``text``. Offered, never applied.

    >>> with_deadline("Cut waste by 10% by 31 December 2026", "by 31 December 2026",
    ...               date(2027, 3, 31))
    'Cut waste by 10% by 31 March 2027'
    >>> with_deadline("Pass the CFA Level I exam in 2027", "in 2027", date(2028, 6, 30))
    'Pass the CFA Level I exam by 30 June 2028'
    >>> with_deadline("Ship it soon", "by June 2027", date(2027, 9, 30)) is None
    True
    """
    found = list(re.finditer(re.escape(phrase), text, flags=re.IGNORECASE))
    if not found:
        return None
    where = found[-1]
    lead = _prep(phrase)
    lead = lead.capitalize() if phrase[:1].isupper() else lead
    return f"{text[:where.start()]}{lead} {format_date(deadline)}{text[where.end():]}"


def _time_bound(f: Any, today: date) -> list[tuple[str, str]]:
    due = format_date(suggested_deadline(today))
    invalid = [e for e in f.expressions if e.kind in ("invalid", "unclear")]
    if invalid:  # mend the person's date in its place; never add a second one
        e = invalid[0]
        if e.kind == "unclear":
            return [(f"{e.note.rstrip('.')} — try", _with_confidence(
                _replace(f.work, [(e.start, e.end, e.better)]), f))] if e.better else []
        fixed = format_date(e.fix) if e.fix >= today else due
        return [(f"{invalid_date_note(e)} — try", _with_confidence(
            _replace(f.work, [(e.start, e.end, f"{_prep(e.phrase)} {fixed}")]), f))]
    if any(e.kind == "unread" for e in f.expressions):
        return []  # a year in words not read may be the deadline: the person says
    dated = [e for e in f.expressions if e.kind == "date" and e.date is not None]
    if dated:  # every date has passed: a date ahead in the deadline's place, the others go
        last = max(dated, key=lambda e: (e.date, -e.start))
        return [(f"{short_date(last.date)} has already passed — pick a new date:",
                 _with_confidence(_replace(f.work, [
                     (e.start, e.end, f"{_prep(e.phrase)} {due}" if e is last else "")
                     for e in dated]), f))]
    if date_like(f.work, today):  # a date not read ("30-06-27", "Juni 2027"): not a second one
        return []
    vague = [e for e in f.expressions if e.kind == "vague"]
    core = _replace(f.work, [(e.start, e.end, "") for e in f.expressions
                             if e.kind in ("vague", "window")])
    if vague:
        lead = f"Swap '{vague[0].phrase}' for a date:"
    elif any(e.kind == "frequency" for e in f.expressions):
        return [("Give the habit an end date to review it:",
                 _with_confidence(_append(core, " until " + due), f))]
    else:
        lead = "Add a date:"
    return [(lead, _with_confidence(_append(core, " by " + due), f))]


# --------------------------------------------------------------------------- which one fits
#
# A rewrite is offered only where its shape fits what the goal does: a rhythm for a practice
# ("Practise Spanish twice a week"), never for a one-off outcome ("ask", "pass", "ship");
# practice projects for building a technical skill by doing; a level for a language; a streak
# for quitting something. Where none fits, no rewrite: the hint still says what is missing.

def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# verbs of a practice kept up whatever it is done to ("Practise the pitch", "Meet my mentor")
_RHYTHM_ANY = {
    **dict.fromkeys(_words("practise practice rehearse study revise journal"), " twice a week"),
    **dict.fromkeys(_words("meet network call phone mentor coach volunteer"), " once a month"),
}
# verbs that repeat unless they name one thing ("Read industry news", not "Read the Rust book")
_RHYTHM_UNLESS_ONE = {
    **dict.fromkeys(_words("read write draw paint sketch code cook bake"), " twice a week"),
    **dict.fromkeys(_words("post blog tweet vlog upload review"), " once a week"),
    **dict.fromkeys(_words("visit attend"), " once a month"),
}
_TRANSITIVE = _words("visit attend review upload")
# workouts (the scorer's dosed acts): how long as well as how often ("Swim at the leisure
# centre", not "Run a marathon")
_WORKOUTS = _words("walk jog run swim cycle bike hike exercise row dance")
_CALM = _words("meditate stretch")
_DETERMINERS = _words("a an the my our his her their your this that one")

# building a skill by doing: these verbs on a technical skill
_SKILL_HEADS = _words(
    "learn master study improve strengthen sharpen brush polish deepen develop hone upskill"
    " refresh build")
_TECH = _words(
    "python java javascript typescript sql excel vba kubernetes docker aws azure gcp react"
    " angular vue svelte terraform tableau figma photoshop illustrator indesign rust golang"
    " kotlin swift scala linux git html css php ruby rails haskell elixir dart flutter django"
    " flask pandas pytorch tensorflow spark snowflake bigquery postgres postgresql mysql"
    " mongodb graphql matlab sas spss stata dbt airflow kafka ansible jenkins power-bi powerbi"
    " looker blender unity autocad solidworks revit sketchup arduino c++ c# .net node.js"
    " nodejs coding programming scripting statistics analytics devops cybersecurity ux ui"
    " welding soldering carpentry joinery woodworking sewing knitting crochet pottery"
    " photography animation")
_TECH_PAIRS = _words(  # two words, joined by "_"
    "machine_learning deep_learning data_science data_analysis data_analytics"
    " data_engineering data_visualisation data_visualization web_development web_design"
    " app_development mobile_development game_development software_development"
    " graphic_design product_design ux_design ui_design 3d_modelling 3d_modeling"
    " video_editing photo_editing cloud_computing power_bi")
_CRAFTS = _words(  # "learn to code", "learn how to weld"
    "code program weld solder sew knit crochet animate")

# a language: a level (CEFR) fits better than projects
_LANGUAGES = _words(
    "english spanish french german italian portuguese dutch swedish norwegian danish finnish"
    " icelandic polish czech slovak hungarian romanian bulgarian greek turkish russian"
    " ukrainian serbian croatian arabic hebrew persian farsi urdu hindi bengali punjabi"
    " tamil telugu marathi gujarati mandarin chinese cantonese japanese korean vietnamese"
    " thai indonesian malay tagalog filipino swahili welsh irish catalan basque latin"
    " esperanto")
_LEVEL = {  # the head verb -> the level to aim for
    **dict.fromkeys(_words("learn study pick start"), "B1"),
    **dict.fromkeys(_words("improve brush practise practice polish strengthen refresh"
                           " develop deepen"), "B2"),
    **dict.fromkeys(_words("master perfect"), "C1"),
}
_LANGUAGE_LEAD = _words("to how speak read write my some basic conversational business spoken"
                        " written up on the a bit of")
_AFTER_LANGUAGE = _words(
    "to for so and before by in at with while from as during this next until over within"
    " because on or")

# quitting: a streak of days; cutting down on a countable thing: a weekly limit
_QUIT = _words("quit stop avoid kick ditch")
_VICES = _words(
    "smoking vaping drinking snacking gambling alcohol sugar caffeine coffee cigarettes"
    " cigarette nicotine booze soda fizzy sweets chocolate junk fried takeaways takeaway"
    " takeout crisps biscuits doomscrolling social sugary")
_NOT_GERUNDS = _words("something anything nothing everything morning evening meeting building"
                      " wedding spring string thing ceiling")
_FOR_GOOD = Gated(r"\b(?:in\s+a\s+row|for\s+good|for\s+ever|forever|for\s+life"
                  r"|once\s+and\s+for\s+all|permanently)\b", re.I)
_LIMIT = _words("reduce limit cut lower")
_COUNTABLE_VICES = _words("takeaways snacks cigarettes drinks sweets biscuits coffees beers"
                          " sodas desserts crisps")
_ONE_OFF_FOR_COUNT = _QUIT | _LIMIT | _words("give never drop skip eliminate")
_WORD = re.compile(r"[^\W_][\w'+#.-]*[+#]?")


def _object_span(f: Any) -> tuple[int, list[tuple[str, int, int]]]:
    """Where the head verb ends in ``f.work`` and the words after it, up to the first
    punctuation or time phrase: ``(head end, [(word, start, end), ...])``; ``(-1, [])`` when
    the head is not found."""
    head = re.search(r"(?<![\w-])" + re.escape(f.head_word) + r"(?![\w-])", f.work)
    if head is None or not f.head_word:
        return -1, []
    stop = re.compile(r"[,;:!?()\[\]\"]|\.(?:\s|$)").search(f.work, head.end())
    end = stop.start() if stop else len(f.work)
    end = min([end] + [e.start for e in f.expressions if e.start >= head.end()])
    words = [(m.group(0).rstrip("."), m.start()) for m in _WORD.finditer(f.work, head.end(), end)]
    return head.end(), [(w, at, at + len(w)) for w, at in words]


def _plural(word: str) -> bool:
    return (word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3
            or word in ("people", "children", "news"))


def _rhythm(f: Any, words: list[tuple[str, int, int]]) -> str:
    """The rhythm that suits a repeatable practice ("twice a week"), or "" for a one-off."""
    head, first = f.head, words[0][0] if words else ""
    if head in _RHYTHM_ANY:
        return _RHYTHM_ANY[head]
    if head in _CALM:
        return " for 10 minutes a day" if f.dosed_without_dose else " every day"
    if head in _WORKOUTS:
        if f.object_words or first[:1].isupper():
            return ""  # "Run a marathon", "Walk the Camino": one event
        return " for 30 minutes three times a week" if f.dosed_without_dose else (
            " three times a week")  # "Jog 5 km" says how far already
    if head in _RHYTHM_UNLESS_ONE:
        if not first and head in _TRANSITIVE:
            return ""  # "Attend": attend what?
        if first[:1].isupper() and first.lower() not in _DETERMINERS:
            return ""  # "Visit Japan", "Read Dune"
        if first.lower() in _DETERMINERS and not (f.object_words and _plural(f.object_words[-1])):
            return ""  # "Write a book", "Post my CV on job boards"
        return _RHYTHM_UNLESS_ONE[head]
    return ""


def _language(f: Any, words: list[tuple[str, int, int]]) -> tuple[str, int] | None:
    """``(" to B1 level", where to put it)`` when the goal learns or improves a language
    ("at" after "speak": "Learn to speak Mandarin at B1 level")."""
    level = _LEVEL.get(f.head)
    if level is None or _LEVEL_NAMED.search(f.work):
        return None  # a level or an exam is named already
    lowered = [w.lower() for w, _, _ in words]
    k = 0
    while k < len(lowered) and lowered[k] in _LANGUAGE_LEAD:
        k += 1
    if k >= len(lowered) or lowered[k] not in _LANGUAGES:
        return None
    end = words[k][2]
    nxt = lowered[k + 1] if k + 1 < len(lowered) else ""
    if nxt.endswith("ly"):
        end = words[k + 1][2]  # "Learn French properly to B1 level"
    elif nxt and nxt not in _AFTER_LANGUAGE:
        return None  # "Learn French cooking": not the language
    return (" at " if "speak" in lowered[:k] else " to ") + level + " level", end


_LEVEL_NAMED = Gated(r"(?-i:\b[ABC][12]\b|\b[A-Z]{3,}\b)|\b(?:pass|exam|test|level|fluent"
                     r"|fluency|certificat\w*|diploma)\b", re.I)


def _builds_technical_skill(f: Any, words: list[tuple[str, int, int]]) -> bool:
    """"Learn Rust", "Improve my SQL skills", "Learn to code": a skill built by doing."""
    if f.head not in _SKILL_HEADS:
        return False
    lowered = [w.lower() for w, _, _ in words][:6]
    if f.head == "build" and not any(w.startswith("skill") for w in lowered):
        return False  # "Build a team" is no skill
    to = 1 if lowered[:1] == ["to"] else 2 if lowered[:2] == ["how", "to"] else 0
    if to:
        return len(lowered) > to and lowered[to] in _CRAFTS
    pairs = (f"{a}_{b}" for a, b in zip(lowered, lowered[1:], strict=False))
    return any(w in _TECH for w in lowered) or any(p in _TECH_PAIRS for p in pairs)


def _quits(f: Any, words: list[tuple[str, int, int]]) -> bool:
    """"Quit smoking", "Stop working past 6pm", "Give up sugar": stopping a habit (not
    "Quit my job")."""
    lowered = [w.lower() for w, _, _ in words]
    if f.head in ("give", "cut") and lowered[:1] == (["up"] if f.head == "give" else ["out"]):
        lowered = lowered[1:]
    elif f.head not in _QUIT:
        return False
    if not lowered:
        return False
    first = lowered[0]
    gerund = first.endswith("ing") and len(first) > 5 and first not in _NOT_GERUNDS
    return gerund or any(w in _VICES for w in lowered[:4])


def _cuts_down(f: Any, words: list[tuple[str, int, int]]) -> int:
    """Where a countable thing to have less of ends ("Cut down on takeaways", "Limit snacks
    between meals"), else -1."""
    lowered = [w.lower() for w, _, _ in words]
    skip = 2 if f.head == "cut" and lowered[:2] in (["down", "on"], ["back", "on"]) else 0
    if f.head not in _LIMIT or f.head == "cut" and not skip:
        return -1
    found = [end for (w, _, end) in words[skip:skip + 4] if w.lower() in _COUNTABLE_VICES]
    return found[0] if found else -1


def _dose(f: Any, keep: tuple[str, ...]) -> str:
    """How long each time: after the workout's verb when the goal already says "each time"
    ("Jog for 30 minutes every weekend, adding two laps each time"), else at the end."""
    minutes = " for 10 minutes" if f.head in _CALM else " for 30 minutes"
    at, _ = _object_span(f)
    if re.search(r"\beach\s+time\b", f.work, re.I) and at > 0:
        return _with_confidence(f.work[:at] + minutes + f.work[at:], f)
    return _insert(f, "," + minutes.replace(" for", "", 1) + " each time", keep)


def _measurable(f: Any) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    keep = ("date", "window", "vague", "invalid")
    if f.habit and f.dosed_without_dose:
        out.append(("Say how long each time:", _dose(f, keep)))
    if f.vague:
        return out
    _, words = _object_span(f)
    negated = _NEGATED.search(f.work) is not None
    body_words = f.body.split()
    if len(body_words) >= 2 and f.head_class == "action" and f.head not in _ONE_OFF_FOR_COUNT:
        nxt = re.sub(r"[^\w-]", "", body_words[1])
        if (nxt.islower() and nxt.endswith("s") and not nxt.endswith("ss") and len(nxt) > 3
                and nxt not in _NOT_PLURAL_OBJECT):
            head = re.escape(body_words[0])
            out.append(("Add a number you can check:", _with_confidence(re.sub(
                r"\b" + head + r"\s+", lambda _m: body_words[0] + " 3 ", f.work, count=1),
                f)))  # the word as written, never read as a template ("C:\\docs")
    if _quits(f, words) and not f.habit and not _FOR_GOOD.search(f.work):
        # (with a rhythm, "for 30 days" would read as the deadline: "every Friday for 30 days")
        out.append(("Count the days in a row:", _insert(f, " for 30 days in a row", keep)))
    elif (at := _cuts_down(f, words)) > 0:
        out.append(("Set a limit you can count:", _with_confidence(
            f.work[:at] + " to no more than 2 a week" + f.work[at:], f)))
    if negated:
        return out
    rhythm = "" if f.habit else _rhythm(f, words)
    if rhythm:
        out.append(("Say how often:", _insert(f, rhythm, keep)))
    out.extend(_skill_steps(f, words, "Add a level you can test:",
                            "Add a finish line you can check:"))
    return out


def _skill_steps(f: Any, words: list[tuple[str, int, int]], level_lead: str,
                 projects_lead: str) -> list[tuple[str, str]]:
    """A level for a language ("Learn French to B1 level"), practice projects for a
    technical skill ("Learn Rust by completing 3 practice projects"), else nothing."""
    if f.vague or _NEGATED.search(f.work):
        return []
    language = _language(f, words)
    if language is not None:
        level, at = language
        return [(level_lead, _with_confidence(f.work[:at] + level + f.work[at:], f))]
    if (_builds_technical_skill(f, words) and "practice project" not in f.work.lower()
            and not re.search(r"\bby\s+\w+ing\b", f.work, re.I)):  # "by watching videos"
        kinds = ("date", "window", "vague", "invalid")
        by_date = re.match(r"\s*by\b", _split(f, kinds)[1], re.I)  # not "projects by June"
        step = " and complete" if by_date else " by completing"
        return [(projects_lead, _insert(f, step + " 3 practice projects", kinds))]
    return []


_NEGATED = Gated(r"\b(?:never|not|no|stop|avoid|quit|don't|won't|without)\b", re.I)
_NOT_PLURAL_OBJECT = frozenset({"towards", "across", "always", "sometimes", "perhaps", "thus",
                                "less", "unless", "besides", "its", "his", "this", "yes"})


def _specific(f: Any) -> list[tuple[str, str]]:
    if f.head_class in ("soft", "change") and not f.vague and (f.names or f.object_words):
        return _skill_steps(f, _object_span(f)[1], "Name the level:", "Name a concrete step:")
    return []


def _achievable(f: Any) -> list[tuple[str, str]]:
    text = f.work
    changed = text
    for pattern, softer in _SOFTER:
        changed = pattern.sub(softer, changed)
    return [("Leave some slack:", _with_confidence(changed, f))] if changed != text else []


def candidates(name: str, f: Any, today: date) -> list[tuple[str, str]]:
    """Rewrites of the goal (features ``f``) that may meet criterion ``name``, best first;
    the caller keeps the first one that scoring confirms."""
    if not f.work.strip() or not f.body.strip():
        return []
    if name == "time_bound":
        found = _time_bound(f, today)
    elif name == "measurable":
        found = _measurable(f)
    elif name == "specific":
        found = _specific(f)
    elif name == "achievable":
        found = _achievable(f)
    else:
        found = []
    seen: list[tuple[str, str]] = []
    for lead, text in found:
        text = tidy(text) if f.confidence is None else text
        if text and text not in [t for _, t in seen] and text.lower() != tidy(f.work).lower():
            seen.append((lead, text))
    return seen[:3]
