"""Fit to a posting: which skills a pasted job posting asks for, and how the person fits.

The vocabulary is the catalog taxonomy (skill names plus their ``synonyms``) and the
person's own skills. Matching follows general rules, never per-posting lookups:

- text and phrases are normalised the same way: case, accents, British/American spelling
  (``-ize``/``-ise``, ``behavior``), light stemming (plurals, ``-ing``, ``-ed``, a final
  ``e`` and doubled consonants), ``a``/``the``/``of``/``our``... ignored;
- a phrase matches whole words only (``ML`` never matches inside "HTML"), never across a
  sentence, line break or spaced dash ("Flexible - hotels never close"); a synonym written
  ``=word`` matches that exact word only;
- ``/``, ``&``, ``,``, ``and`` and ``or`` are one list separator, so "SQL/Postgres" names
  both and "CI/CD" equals "CI and CD"; a skill of several words also matches a short list
  such as "stakeholder and vendor management" or "design and carry out experiments", and a
  two-word one with one word between ("build trusted relationships"); a list item before
  the head is a word or two ("equipment and carry out daily QA checks" is no list), and
  "make sure" is not "make" with an object ("make sure our decisions ...");
- "X planning", "X management", "X review", "X checks", "X maintenance"... also read in the
  verb-object order "plan X", "manage the X", "check X", "maintain X" (``stakeholder
  management`` -> "manage our stakeholders"), but a plural is a noun there ("audits and
  quality improvement" is no "audit quality");
- a list may run over several items ("diagnose hardware, software and network issues"),
  but a preposition ends it ("manage suppliers on price and with risks"; not the "in" of
  "drop-in"); a verb takes any item of its list as object ("assess change, risk and cost");
- a two-word phrase read across a word of another skill is that skill's compound
  ("manage subcontractor accounts" is no account management);
- a colleague's title after "report to", "advise", "support"... ("advise the project
  manager") is not a skill ask; "experience as a project manager" is, and so is "able to
  keep your head" (no title has "your" inside);
- "mgmt", "mgr", "ops"... read as the word they stand for; "'s", "'ll" are not words;
  "customer" and "client" are one word in a phrase ("client queries" = "customer queries");
- a match followed by a word for the customer's trade ("logistics companies", "SaaS
  clients") or, read as a verb and its object, by a colleague's title ("5 engineers and a
  data analyst") names them, not a skill;
- a synonym written ``?word`` has other common meanings ("containers", "AI", "risk"):
  it counts only when the posting also names the skill another, clear way; one written
  ``!word`` is said of the person and counts only when no noun follows it ("reliable and
  flexible," "organised in a busy shop", but not "flexible working");
- the employer talking about itself is skipped: sections headed "About us", "Who we are",
  "Benefits", "Perks", "What we (can) offer", "Why us" (up to the next heading such as
  "The role" or "About you"), lines such as "Benefits: ..." or "Shift pattern: ...", the
  part of the title line after a dash ("Data Analyst - Local Authority"), and sentences
  about equal opportunity, vetting checks or "We're a fintech ...", "join our
  (growing tax) team", "we're growing our team", "we will train you", and lines that begin
  "Salary £..." or "We offer ..."; a line marked as an item of a list ("★ Public transport
  ticket") is never the heading that ends such a section (see :func:`posting_sections`);
- skills under a heading such as "Nice to have", "Desirable" or "Bonus points", or in a
  clause such as "R is a plus" or "German is nice to have", are only welcomed
  (:attr:`SkillFit.nice`): added to the person's list, they matter less
  (:data:`NICE_IMPORTANCE`) than the skills the posting requires;
- a skill is matched once: the person's "Python 🐍" is the catalog's "Python"
  (:func:`skill_key`);
- acronyms in the vocabulary ("SOX", "ACAS", "SEND") match that word written in capitals
  (or its plural, "PFMEAs"), never a stem of it; written in lower case ("write sql", "aws",
  "ux") only when that is no ordinary English word (:func:`_lower_acronym`): "send" is never
  SEND, "it" never IT;
- a match right before "team" or "department" after a cue word ("work with the data
  science team", "hand over to the account management team") names colleagues, not a
  skill; and "lead"/"head" after "the" or a noun ("the lead team", "tech lead team") is a
  title, not the verb of "lead team";
- a match inside a longer match ("decision making" inside "decision making under
  uncertainty") gives way to the longer one.

Examples
--------
>>> from datetime import date
>>> from career_workbook.model import Assessment, Skill, new_workbook
>>> wb = new_workbook("Sam Lee", today=date(2026, 1, 5))
>>> wb.skills += [Skill(name="SQL", target_level=4), Skill(name="Python", target_level=4)]
>>> wb.assessments.append(Assessment(date=date(2026, 1, 5), ratings={"SQL": 4, "Python": 2}))
>>> vocab = {"SQL": ["postgres"], "Python": [], "Stakeholder Management": ["stakeholder mgmt"]}
>>> fit = fit_to_posting(wb, "You know SQL/Postgres and Python. Stakeholder mgmt a plus.",
...                      catalog=vocab)
>>> fit.matches["SQL"], fit.matches["Stakeholder Management"]
(('SQL', 'Postgres'), ('Stakeholder mgmt',))
>>> fit.gaps, fit.below, fit.missing
(('Python', 'Stakeholder Management'), ('Python',), ('Stakeholder Management',))
>>> [(s.skill, s.status) for s in fit.skills]
[('SQL', 'meets'), ('Python', 'below'), ('Stakeholder Management', 'missing')]
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import html
import math
import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from career_workbook.analysis.english import ordinary_word
from career_workbook.analysis.skills import current_levels, skill_gaps, tracked_skill
from career_workbook.model import OWN_TARGETS, Skill, Workbook, skill_key

__all__ = [
    "DEFAULT_TARGET",
    "JOB_TITLES",
    "MAX_CHARS",
    "NICE_IMPORTANCE",
    "PROFILE_IMPORTANCE",
    "PostingFit",
    "Section",
    "SkillChange",
    "SkillFit",
    "add_posting_skills",
    "find_skills",
    "fit_from_words",
    "fit_to_posting",
    "heading_kind",
    "normalise_word",
    "own_skill",
    "posting_importance",
    "posting_sections",
    "posting_vocabulary",
    "read_posting",
    "skill_changes",
    "skill_key",
]

DEFAULT_TARGET = 3
"""Level a posting is taken to ask for a skill neither the person nor their chosen role
profile lists (0-5)."""
PROFILE_IMPORTANCE = 4
"""Importance given to the skills a posting requires by "Use as my target profile"."""
NICE_IMPORTANCE = 2
"""Importance given to a skill a posting only welcomes ("Nice to have", "R is a plus"):
less than the skills it requires."""
MAX_CHARS = 200_000
"""Longer pastes are read up to this many characters (a posting is a few thousand)."""
_MAX_GAP = 7  # words allowed between the parts of a skill when a list sits between them
_MAX_FILLER = 2  # words allowed between a two-word phrase's parts without a list ("write
# clear guides", "build trusted relationships"); one before the last word of a longer one

_STOP = frozenset({"a", "an", "the", "of", "our", "your", "their", "its", "his", "her", "my"})
_PREPOSITIONS = frozenset({"with", "on", "in", "for", "to", "from", "by", "at", "into", "about",
                           "across", "within", "without", "through", "over", "under", "via",
                           "including", "such", "like", "as", "than", "per", "against",
                           "among", "between", "around", "during", "after", "before", "toward",
                           "towards", "throughout", "alongside", "beyond", "upon", "onto"})
_TITLES = ("manager", "director", "lead", "leader", "officer", "engineer", "developer", "analyst",
           "designer", "head", "supervisor", "coordinator")  # a colleague after a cue word:
_COLLEAGUE_CUES = ("to", "advise", "assist", "support", "with", "alongside", "for", "by")
_GROUPS = ("team", "department", "squad", "function")  # "with the data science team"
_VERB_TITLES = frozenset({"lead", "head"})  # a verb, or a title: "the lead team"
_BEFORE_A_VERB = frozenset({  # a verb's base form may follow these: "will lead", "to lead"
    "to", "will", "would", "can", "could", "may", "might", "must", "shall", "should", "you",
    "we", "they", "i", "who", "also", "then", "help", "helps", "not", "please", "and", "or"})
_DETERMINER = re.compile(r"\b(?:the|a|an|this|that|each|every|our|your|their|its|his|her|my)\b",
                         re.IGNORECASE)
_ROLE_NOUNS = frozenset({"holder", "maker", "owner"})  # "budget holders", "decision makers"
_MARKET = ("company", "business", "firm", "brand", "startup", "client")  # the
# customer's trade, not a skill asked: "help logistics companies", "SaaS clients"
_PEOPLE = ("scientist", "assistant", "technician", "specialist", "consultant", "teacher",
           "nurse", "administrator", "architect")  # with _TITLES: "a data analyst"
JOB_TITLES = _TITLES + _PEOPLE
"""Head words of job titles ("a data analyst", "product managers"): people, not skills."""
_NO_FILLER = frozenset({"sure", "certain"})  # "make sure our decisions": no "make decisions"
_CLITIC = frozenset({"s", "t", "ll", "re", "ve", "d", "m"})  # "master's", "you'll": not words
_ALIAS = {  # common abbreviations, read as the word they stand for
    "mgmt": "management", "mgt": "management", "mgr": "manager", "mngr": "manager",
    "dept": "department", "govt": "government", "comms": "communication",
    "ops": "operations", "admin": "administration", "dev": "development",
    "exp": "experience", "req": "requirement", "reqs": "requirements",
    "spec": "specification", "specs": "specifications",
}
_CONJ = "&"
_POSSESSIVE = re.compile(r"\b(?:your|my|their|his|her|our|its)\b", re.IGNORECASE)
_BREAK = "|"
_BRACKETS = frozenset("()[]")
_DASHES = frozenset("-–—")
_KEPT = _BRACKETS | {"-"}  # breaks a person's skill name may hold: "Excel - advanced"
_BOILERPLATE = re.compile(  # the employer talking about itself, not a skill ask
    r"\b(?:we\s+are|we['’]re|is|are|now|currently|company)\s+hiring\b|\bhiring\s+an?\b"
    r"|\bjoin\s+(?:our|the|a|an|its|this)\s+(?:[\w'’&-]+\s+){0,5}?"  # "join our growing
    r"(?:team|department|squad|practice|studio|group|family)\b"  # tax team": who they are
    r"|\b(?:we\s+are|we['’]re|as\s+we)\s+(?:grow|growing|expand|expanding|build|building)\s+"
    r"(?:our|the)\s+(?:[\w'’&-]+\s+){0,4}?(?:team|department|squad|practice|crew)s?\b"
    r"|\bwe(?:['’]ll|\s+will|\s+can|\s+would)\s+(?:also\s+)?(?:train|teach|coach|mentor)\b",
    re.IGNORECASE)  # "we're growing our testing team", "we will train you": the employer
_BOILER_SENTENCE = re.compile(  # a sentence about equal opportunity, vetting, the company
    r"\b(?:equal[\s-]+opportunit\w*|(?:do\s+not|don['’]t)\s+discriminate"
    r"|welcome\s+applications|committed\s+to\s+(?:safeguarding|equality|diversity|inclusion)"
    r"|DBS\s+check|right\s+to\s+work\s+in)\b"
    r"|(?:^|(?<=[.!?]\s)|(?<=\n))[ \t]*(?:we\s+are|we['’]re|our\s+client\s*,?\s+is)"
    r"\s+(?:a|an)\b",
    re.IGNORECASE | re.MULTILINE)
_TERMS_LINE = re.compile(  # "Salary £32k DOE. 25 days, a training budget.": the terms
    r"^[ \t]*(?:salary|pay)\s*(?:[£$€\d]|up\s+to\b|of\b|from\b|c\.)[^\n]*"
    r"|^[ \t]*we\s+(?:also\s+)?offer\b[^\n]*", re.IGNORECASE | re.MULTILINE)
_TITLE_SUFFIX = re.compile(r"\s*[^\n]{2,80}?([ \t][-–—|][ \t][^\n]{1,80})\n")
_SENTENCE_END = re.compile(r"[.!?\n]")
_SECTION_OFF = re.compile(  # a heading that starts the employer's own story or the perks
    r"(?:about\s+(?!you\b|the\s+(?:role|job|position|team|opportunity)\b|this\s+role\b"
    r"|the\s+candidate\b)[\w'’ &.-]{1,40}|who\s+we\s+are|our\s+(?:story|values|mission"
    r"|culture|benefits|commitment)|benefits(?:\s+include|\s*(?:and|&)\s*perks)?"
    r"|perks(?:\s*(?:and|&)\s*benefits)?"
    r"|(?:what\s+)?we\s+(?:can\s+)?offer(?:\s+you)?|in\s+return"
    r"|what['’]?s\s+in\s+it\s+for\s+you|why\s+us|why\s+(?:join|work\s+(?:with|for))"
    r"[\w ]{0,20}|why\s+you['’]?(?:ll|\s+will)?\s+(?:love|enjoy|like)[\w'’ ]{0,30}"
    r"|what\s+you['’]?(?:ll|\s+will)?\s+get(?:\s+in\s+return)?|(?:our|the)\s+offer"
    r"|(?:salary|pay|compensation|remuneration|package)(?:\s*(?:and|&|\+|,)\s*[\w ]{1,30})?"
    r"|rewards?"
    r"|equal\s+opportunit\w*|diversity[\w ,&]{0,30}|how\s+to\s+apply"
    r"|shift\s+patterns?|(?:working\s+)?hours(?:\s+of\s+work)?|location|contract(?:\s+type)?"
    r"|closing\s+date|start\s+date|job\s+type)",  # the terms of the job, not its asks
    re.IGNORECASE)
_HEADING = re.compile(r"[ \t]*([^\s:•*\-–][^\n:]{0,60}?)[ \t]*(?:(:)[ \t]*(.*))?")
_BULLET = re.compile(r"[ \t]*(?:[^\w\s\"'“‘(\[]+|\d{1,2}[.)])[ \t]+")
"""A list item's mark ("•", "-", "★", "✅", "1."): such a line is an item, not a heading,
unless its words are a heading :func:`heading_kind` knows ("🚀 What you'll do")."""
_HEADING_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_ASK_WORDS = frozenset((
    "about", "you", "your", "you'll", "you're", "youll", "we", "we're", "we'll", "what", "who",
    "the", "a", "an", "this", "that", "in", "of", "and", "or", "for", "to", "on", "with", "as",
    "it", "is", "are", "will", "be", "do", "doing", "bring", "have", "has", "had", "need",
    "needs", "needed", "look", "looking", "seek", "seeking", "want", "work", "own", "include",
    "includes", "involve", "involves", "expect", "expected", "take", "takes", "role", "job",
    "position", "opportunity", "post", "team", "responsibilities", "responsibility", "duties",
    "duty", "tasks", "task", "accountabilities", "accountability", "purpose", "key", "main",
    "core", "essential", "required", "requirements", "requirement", "must", "must-have",
    "must-haves", "qualifications", "qualification", "skills", "skill", "experience",
    "knowledge", "competencies", "competency", "criteria", "expectations", "person",
    "specification", "spec", "candidate", "successful", "postholder", "post-holder", "profile",
    "day", "day-to-day", "summary", "overview", "probably", "ideal", "minimum", "basic",
    "technical", "general", "description", "what's", "typical",
))
"""The words a heading over duties or requirements is made of ("What you'll bring", "Key
responsibilities", "The successful candidate will"): a short line of these words only is
such a heading, where "Experience with SQL" is an item of a list."""
_NICE_KEYS = frozenset((
    "nice", "nice-to-have", "nice-to-haves", "good-to-have", "bonus", "desirable", "desired",
    "preferred", "plus", "pluses", "ideally", "optional", "advantageous", "advantage", "better",
    "stand", "credit",
))
_NICE_WORDS = _ASK_WORDS | _NICE_KEYS | frozenset((
    "have", "haves", "good", "points", "if", "even", "extra", "also", "would", "make", "great",
    "helpful", "it's", "its", "really", "big", "out", "could",
))
_OWN_WORDS = _STOP | _PREPOSITIONS | _NO_FILLER | _CLITIC | _ASK_WORDS | _NICE_WORDS | set(
    _ALIAS)  # words the matcher itself reads as English: never an acronym in lower case
_NICE_CLAUSE = re.compile(  # "R is a plus", "German is nice to have", "MSc (desirable)"
    r"\ban?\s+(?:big\s+|real\s+|huge\s+|definite\s+|strong\s+|distinct\s+)?"
    r"(?:plus|bonus|advantage)\b|\b(?:nice|good)[\s-]+to[\s-]+have\b|\bdesirable\b"
    r"|\badvantageous\b|\b(?:is|are)\s+(?:highly\s+|strongly\s+)?preferred\b"
    r"|\bpreferred\s*(?=[).;!?]|$)|\bideally\b|\bpreferably\b|\bbonus\s+(?:points?\s+)?if\b",
    re.IGNORECASE | re.MULTILINE)
_CLAUSE_END = re.compile(r"[.;!?](?=\s|$)|[\n•·]")
_TOKEN = re.compile(
    r"(?P<word>[^\W_]+(?:\([^\W_]{1,6}\)[^\W_]*)?[+#]*)"  # "IR(ME)R", "manager(s)": one word
    r"|(?P<conj>[,/&])|(?P<brk>[.!?;:](?=\s|$)|[\n\r•·|()\[\]]|(?<=\s)[-–—](?=\s))")
_HTML = re.compile(  # pasted from a web page: tags and scripts are not words of the posting
    r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|</?[a-zA-Z][^<>]{0,500}>", re.DOTALL | re.I)
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
"""Characters a copied web page or PDF hides inside words (soft hyphen, zero-width space,
joiners, direction marks, byte-order mark): "Py\u00adthon" is "Python"."""
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_SCRIPT_EDGE = re.compile(f"(?<=[{_CJK}])(?=[^\\W_])(?![{_CJK}])"
                          f"|(?<=[^\\W_])(?<![{_CJK}])(?=[{_CJK}])")
"""Where Chinese, Japanese or Korean text meets a Latin word with no space between
("需要SQL和Python经验"): a word ends there."""
_HYPHENED = re.compile(r"[^\W_]-")
_PAIR = re.compile(r"([^\W\d_])[/&]([^\W\d_])(?![^\W_])")
_SPELLING = (  # American -> British, so both spellings meet
    (re.compile(r"iz(e|es|ed|ing|ation|ations)$"), r"is\1"),
    (re.compile(r"yz(e|es|ed|ing)$"), r"ys\1"),
    (re.compile(r"avior"), "aviour"),
    (re.compile(r"eling$"), "elling"),
    (re.compile(r"^organization"), "organisation"),
)


@functools.lru_cache(maxsize=65_536)
def normalise_word(word: str) -> str:
    """The form two spellings of a word share: case, accents, spelling, light stemming.

    >>> [normalise_word(w) for w in ("Planning", "plans", "visualization", "visualisation")]
    ['plan', 'plan', 'visualisation', 'visualisation']
    >>> normalise_word("stakeholders") == normalise_word("Stakeholder")
    True
    >>> normalise_word("analysis"), normalise_word("processes"), normalise_word("k8s")
    ('analysis', 'proces', 'k8s')
    """
    w = _plain(word)
    if len(w) <= 3 or any(ch.isdigit() for ch in w) or not w.isalpha():
        return w
    for pattern, repl in _SPELLING:
        w = pattern.sub(repl, w)
    if w.endswith("ies") and len(w) > 4 or w.endswith("ied") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("ing") and len(w) >= 6:
        w = w[:-3]
    elif w.endswith("ed") and len(w) >= 5 or w.endswith(("sses", "xes", "ches", "shes", "zes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if w.endswith("e") and len(w) >= 5:
        w = w[:-1]
    if len(w) >= 4 and w[-1] == w[-2] and w[-1] not in "aeiou":
        w = w[:-1]
    return w


@functools.lru_cache(maxsize=65_536)
def _plain(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class _Token(NamedTuple):
    stem: str
    exact: str
    start: int
    end: int
    acro: str = ""  # "^sox" when written in capitals, as an acronym is ("sql": no English word)
    nice: bool = False  # welcomed, not required: under "Nice to have", in "R is a plus"


def _tokens(text: str) -> list[_Token]:
    """Words, list separators (``&``) and breaks (``|``) with their place in ``text``."""
    out: list[_Token] = []
    skip_to = -1
    for m in _TOKEN.finditer(text):
        if m.start() < skip_to:
            continue
        if m.group("brk"):  # a bracket keeps its own character as its exact form
            brk = m.group("brk")
            brk = "-" if brk in _DASHES else brk  # a spaced dash keeps one form too
            out.append(_Token(_BREAK, brk if brk in _KEPT else _BREAK, m.start(), m.end()))
        elif m.group("conj"):
            out.append(_Token(_CONJ, m.group("conj"), m.start(), m.end()))
        else:
            word = m.group("word").replace("(", "").replace(")", "")
            exact = _plain(word)
            after = text[m.end():m.end() + 1]
            pair = _PAIR.match(text, m.start()) if after in ("/", "&") else None
            if pair:  # "A/B", "P&L": one letter either side of the separator is one word
                joined = _plain(pair.group(1) + pair.group(2))
                out.append(_Token(joined, joined, m.start(), pair.end(), "^" + joined))
                skip_to = pair.end()
            elif exact in ("and", "or"):
                out.append(_Token(_CONJ, exact, m.start(), m.end()))
            elif exact in _CLITIC and m.start() > 0 and text[m.start() - 1] in "'’":
                continue
            elif exact not in _STOP:
                stem = normalise_word(_ALIAS.get(exact, word))
                acro = "^" + exact if word[:2].isupper() else ""
                if acro and len(word) > 3 and word[-1] == "s" and word[:-1].isupper():
                    acro = acro[:-1]  # "PFMEAs", "GCSEs": the plural of an acronym
                elif not acro and _lower_acronym(exact, text[m.end():m.end() + 1]):
                    acro = "^" + exact  # "write sql", "aws": an acronym in lower case
                if exact in _PREPOSITIONS and (text[m.end():m.end() + 1] == "-" or m.start() > 1
                                               and _HYPHENED.match(text, m.start() - 2)):
                    exact = "-" + exact  # "drop-in sessions": part of a word, no preposition
                out.append(_Token(stem, exact, m.start(), m.end(), acro))
    return out


@functools.lru_cache(maxsize=65_536)
def _lower_acronym(word: str, after: str = "") -> bool:
    """Whether ``word``, not written in capitals, may still be an acronym written in lower
    case ("sql", "aws", "ux", "ga4"): it is no ordinary English word ("it", "send", "nice":
    :func:`~career_workbook.analysis.english.ordinary_word`), nor one the matcher reads as
    a word of its own ("and", "spec"); two letters long, it has a vowel ("ml", "hr" are
    units and abbreviations) and no hyphen after it (``after``: "bi-weekly", "co-op").

    >>> [w for w in ("sql", "aws", "ux", "it", "send", "ml", "nice", "gcp") if _lower_acronym(w)]
    ['sql', 'aws', 'ux', 'gcp']
    >>> _lower_acronym("bi", "-"), _lower_acronym("bi", " ")
    (False, True)
    """
    if len(word) < 2 or word in _OWN_WORDS or ordinary_word(word):
        return False
    return len(word) > 2 or after != "-" and any(ch in "aeiouy" for ch in word)


@dataclass(frozen=True)
class _Phrase:
    skill: str
    parts: tuple[tuple[bool, str], ...]  # (exact?, value)
    text: str
    weak: bool = False  # counts only beside another (strong) match of the same skill
    verb_first: bool = False  # "plan X": the verb takes any item of a list as its object
    alone: bool = False  # "!flexible": said of the person, not before a noun ("flexible hours")
    context: str = ""  # "?audit @Clinical Practice": a weak word also counts beside this skill
    named: bool = False  # the skill's own name (not one of its synonyms)


def _compile(skill: str, phrase: str, marks: bool = True) -> _Phrase | None:
    """A catalog synonym, read with its marks (``=``, ``?``, ``!``, `` @Skill``), or with
    ``marks=False`` a skill's name, read as written ("Data @ Scale" is all name)."""
    head = phrase[:3] if marks else ""
    weak, exact, alone = "?" in head, "=" in head, "!" in head
    text, _, context = phrase.lstrip("=?!").partition(" @") if marks else (phrase, "", "")
    toks = _tokens(text)
    words = [k for k, t in enumerate(toks) if t.stem != _BREAK]
    parts = []
    for k, t in enumerate(toks):
        if t.stem == _BREAK:
            if words and k > words[0] and t.exact in _KEPT:
                parts.append((True, t.exact))  # "Python (pandas)", "Excel - advanced": written
            continue
        acronym = text[t.start:t.end].isupper() and t.end - t.start >= 2  # "SOX", "ACAS"
        parts.append((True, "^" + t.exact) if acronym else
                     (True, t.exact) if exact else (False, t.stem))
    if not any(ch.isalpha() for _, value in parts for ch in value):
        return None  # numbers alone ("2026", "1") are no skill's words
    return _Phrase(skill, tuple(parts), text, weak, alone=alone, context=context.strip(),
                   named=not marks)


@functools.lru_cache(maxsize=4096)
def _skill_phrases(name: str, synonyms: tuple[str, ...]) -> tuple[_Phrase, ...]:
    """The phrases of one skill: its name (stemmed, unless ``=name`` is among the synonyms:
    then only that exact word, so "Programming" does not match "programme") and synonyms.
    """
    exact_name = f"={name}".casefold() in (s.replace("?", "").casefold() for s in synonyms)
    phrases = [] if exact_name else [_compile(name, name, marks=False)]
    phrases += [_compile(name, s) for s in synonyms]
    phrases = [p for p in phrases if p is not None]
    phrases += [p for p in map(_other_party, phrases) if p is not None]
    seen = {p.parts: k for k, p in enumerate(phrases)}
    for p in list(phrases):
        for inverted in _inverted(p):
            if inverted.parts not in seen:
                seen[inverted.parts] = len(phrases)
                phrases.append(inverted)
            else:  # "assess risk" written out too: still a verb and its object
                k = seen[inverted.parts]
                phrases[k] = dataclasses.replace(phrases[k], verb_first=True)
    return tuple(phrases)


_PARTIES = {"customer": "client", "client": "customer"}  # one word for the people served


def _other_party(p: _Phrase) -> _Phrase | None:
    """The same phrase with "client" for "customer" and back ("client queries" is
    "customer queries"), or None when it names neither."""
    if not any(not exact and v in _PARTIES for exact, v in p.parts):
        return None
    parts = tuple((e, v if e else _PARTIES.get(v, v)) for e, v in p.parts)
    return dataclasses.replace(p, parts=parts)


_ZERO_VERBS = frozenset({"review", "control", "research", "audit", "test", "plan", "check"})


@functools.lru_cache(maxsize=1)
def _zero_stems() -> frozenset[str]:
    """Stems of the words that are a noun and a verb alike ("check", "audit")."""
    return frozenset(map(normalise_word, _ZERO_VERBS))


def _verb_forms(word: str) -> set[str]:
    """Verbs a nominalised word comes from: "planning" -> plan, "management" -> manage,
    "visualisation" -> visualise, "inspection" -> inspect, "leadership" -> lead.

    >>> sorted(_verb_forms("management")), sorted(_verb_forms("inspection"))
    (['manag'], ['inspect'])
    >>> sorted(_verb_forms("checks")), sorted(_verb_forms("maintenance"))
    (['check'], ['maintain'])
    """
    w = _plain(word)
    forms: list[str] = []
    if w.endswith("ing") and len(w) > 5:
        forms += [w[:-3], w[:-3] + "e"]
    elif w.endswith("ment") and len(w) > 6:
        forms.append(w[:-4])
    elif w.endswith("ation") and len(w) > 7:
        forms += [w[:-5] + "e", w[:-3] + "e"]
    elif w.endswith("ion") and len(w) > 6:
        forms.append(w[:-3])
    elif w.endswith("ership"):
        forms.append(w[:-6])
    elif w.endswith("tenance") and len(w) > 8:  # "maintenance" -> maintain
        forms.append(w[:-7] + "tain")
    elif w in _ZERO_VERBS or w[-1:] == "s" and w[:-1] in _ZERO_VERBS:  # "equipment checks"
        forms.append(w.removesuffix("s") if w not in _ZERO_VERBS else w)
    return {normalise_word(f) for f in forms} - {""}


def _inverted(p: _Phrase) -> list[_Phrase]:
    """ "X planning" also reads "plan X": a two-word phrase ending in a nominalised verb
    gets its verb-object form ("stakeholder management" -> "manage stakeholders",
    "lesson planning" -> "plan lessons", "code review" -> "review code")."""
    if len(p.parts) != 2 or any(exact for exact, _ in p.parts) or _CONJ in dict(p.parts).values():
        return []
    words = [t for t in _tokens(p.text) if t.stem not in (_CONJ, _BREAK)]
    if len(words) != 2:
        return []
    head = p.text[words[1].start:words[1].end]
    obj = p.parts[0][1]
    return [_Phrase(p.skill, ((False, verb), (False, obj)), p.text, p.weak, True,
                    context=p.context, named=p.named)
            for verb in sorted(_verb_forms(head)) if verb != obj]


def own_skill(skills: Iterable[Skill], name: str) -> Skill | None:
    """The person's skill a posting's skill ``name`` is (:func:`~career_workbook.analysis.
    skills.tracked_skill`: that name, else case ignored, else the first with its
    :func:`skill_key`); None when they do not track it.

    >>> mine = [Skill(name="Python 🐍"), Skill(name="SQL")]
    >>> own_skill(mine, "Python").name, own_skill(mine, "R")
    ('Python 🐍', None)
    """
    skills = list(skills)
    found = tracked_skill([s.name for s in skills], name)
    return next((s for s in skills if s.name == found), None)


def posting_vocabulary(catalog: Any, wb: Workbook | None = None) -> dict[str, list[str]]:
    """``{skill: [synonyms]}`` from a catalog (``.skills``) or a plain mapping, plus the
    person's own skills (a skill the catalog does not know is matched by its name). A
    skill is there once: the person's "Python 🐍" is the catalog's "Python" (see
    :func:`skill_key`), and so is a second skill of theirs with the same key.

    >>> posting_vocabulary({"SQL": ["postgres"]})
    {'SQL': ['postgres']}
    """
    vocab: dict[str, list[str]] = {}
    skills = getattr(catalog, "skills", catalog) or {}
    for name, info in skills.items():
        vocab[name] = list(info) if isinstance(info, list | tuple) else \
            list(getattr(info, "synonyms", []) or [])
    if wb is not None:
        known = {skill_key(n) for n in vocab}
        for s in wb.skills:
            key = skill_key(s.name)
            if key not in known or not key:
                vocab[s.name] = []
                known.add(key)
    return vocab


@dataclass(frozen=True)
class _Match:
    skill: str
    positions: frozenset[int]
    start: int
    end: int
    weak: bool = False
    listed: bool = False  # read across a list ("stakeholder and vendor management")
    verb_first: bool = False  # read as a verb and its object ("plan lessons")
    context: str = ""  # a weak match also counts beside a clear match of this skill
    named: bool = False  # read from the skill's own name


def _find(tokens: list[_Token], phrases: Iterable[_Phrase]) -> list[_Match]:
    by_stem: dict[str, list[int]] = {}
    by_exact: dict[str, list[int]] = {}
    for i, t in enumerate(tokens):
        by_stem.setdefault(t.stem, []).append(i)
        by_exact.setdefault(t.exact, []).append(i)
        if t.acro:
            by_exact.setdefault(t.acro, []).append(i)
    pad = [_BREAK] * (_MAX_GAP + 16)  # so that i + k never runs off the end
    stems = [t.stem for t in tokens] + pad
    exacts = [t.exact for t in tokens] + pad
    acros = [t.acro for t in tokens] + pad

    def same(i: int, part: tuple[bool, str]) -> bool:
        exact, value = part
        return (exacts[i] == value or acros[i] == value) if exact else stems[i] == value

    def ends_a_phrase(i: int) -> bool:  # no noun follows: "flexible," "organised in"
        return stems[i] in (_BREAK, _CONJ) or exacts[i] in _PREPOSITIONS

    def where(part: tuple[bool, str]) -> list[int]:
        return (by_exact if part[0] else by_stem).get(part[1], [])

    zero = _zero_stems()
    found: list[_Match] = []
    for ph in phrases:
        parts = ph.parts
        n = len(parts)
        firsts = where(parts[0])
        lasts = where(parts[-1]) if n > 1 else firsts
        if not firsts or not lasts:  # most phrases stop here, at no cost
            continue
        gappable = n > 1 and _CONJ not in (v for _, v in parts)
        for i in firsts:
            if ph.verb_first and parts[0][1] in zero and exacts[i][-1:] == "s":
                continue  # "audits and quality improvement": a plural noun, not "audit quality"
            if n == 1 or all(same(i + k, parts[k]) for k in range(1, n)):
                if not ph.alone or ends_a_phrase(i + n):
                    found.append(_Match(ph.skill, frozenset(range(i, i + n)), i, i + n - 1,
                                        ph.weak, False, ph.verb_first, ph.context, ph.named))
                continue
            if not gappable or not all(same(i + k, parts[k]) for k in range(1, n - 1)):
                continue
            gap_start = i + n - 1
            k = bisect.bisect_right(lasts, gap_start)
            while k < len(lasts) and lasts[k] <= gap_start + _MAX_GAP:
                j = lasts[k]
                gap = range(gap_start, j)
                if any(stems[g] == _BREAK or exacts[g] in _PREPOSITIONS for g in gap):
                    break  # a new sentence, or "on visuals and with the brand"
                conjs = [g for g in gap if stems[g] == _CONJ]
                if conjs and not ph.verb_first and exacts[j + 1] in ("and", "or", "&"):
                    break  # "web, app and social": the list goes on, so "app" is no head
                # a list item before the head is a word or two ("stakeholder and vendor
                # management"); more is a new clause ("equipment and carry out daily QA checks")
                listed = bool(conjs) and (ph.verb_first or j - conjs[-1] - 1 <= _MAX_FILLER)
                filler = (len(gap) <= (_MAX_FILLER if n == 2 else 1)  # "calm under
                          and not conjs  # (deadline) pressure"
                          and not any(exacts[g] in _NO_FILLER for g in gap))
                if (listed or filler) and (not ph.alone or ends_a_phrase(j + 1)):
                    found.append(_Match(ph.skill, frozenset([*range(i, gap_start), j]), i, j,
                                        ph.weak, listed, ph.verb_first, ph.context,
                                        ph.named))
                    break
                k += 1
    return found


@dataclass(frozen=True)
class Section:
    """A part of a posting: ``text[start:end]``, under ``heading``, of a ``kind`` (see
    :func:`heading_kind`; ``""`` for a heading it does not know)."""

    start: int
    end: int
    heading: str
    kind: str


def heading_kind(heading: str) -> str | None:
    """What a heading starts: ``"employer"`` (the employer about itself, the perks, the
    pay and terms: not asks), ``"nice"`` (skills welcome but not required), ``"ask"``
    (duties, requirements), or None when it is no heading this reader knows.

    A heading is read by its words, English first: a short line made only of the words
    headings use ("What you'll bring") is one; "Experience with SQL" is an item of a list.

    >>> [heading_kind(h) for h in ("What we offer", "Nice to have", "Bonus points if you "
    ...  "have:", "🚀 What you'll do", "REQUIREMENTS", "Experience with SQL")]
    ['employer', 'nice', 'nice', 'ask', 'ask', None]
    """
    bullet = _BULLET.match(heading)
    head = heading[bullet.end():] if bullet else heading
    head = head.strip().rstrip(":?!").strip()
    if not head:
        return None
    if _SECTION_OFF.fullmatch(head):
        return "employer"
    words = {w.replace("’", "'") for w in _HEADING_WORD.findall(head.casefold())}
    if not words:
        return None
    if words & _NICE_KEYS and words <= _NICE_WORDS:
        return "nice"
    return "ask" if words <= _ASK_WORDS else None


def posting_sections(text: str) -> list[Section]:
    r"""The posting's sections, in order, each from its heading to the next one; a line
    such as "Benefits: 25 days' leave" or "Nice to have: Tableau" is a section of its own.

    A heading is a short line without a full stop, or one ending in a colon. A line marked
    as an item of a list ("•", "-", "★", "1.") is a heading only when :func:`heading_kind`
    knows its words ("🚀 What you'll do"); a heading it does not know ends a section only
    after a blank line (a list of perks without marks stays in its section).

    >>> text = "What you bring\n- SQL\nNice to have\n- GDPR\nWhat we offer\n★ Budget\n"
    >>> for x in posting_sections(text):
    ...     print(x.kind, repr(text[x.start:x.end]))
    ask 'What you bring\n- SQL\n'
    nice 'Nice to have\n- GDPR\n'
    employer 'What we offer\n★ Budget\n'
    """
    out: list[Section] = []
    heading, kind, start = "", "", 0
    items, blank_before, pos = 0, True, 0
    for line in text.splitlines(keepends=True):
        end = pos + len(line)
        bare = line.rstrip("\r\n")
        if not bare.strip():
            blank_before, pos = True, end
            continue
        bullet = _BULLET.match(bare)
        m = _HEADING.fullmatch(bare[bullet.end():] if bullet else bare)
        new: tuple[str, str] | None = None
        if m and len(m.group(1).split()) <= 6:
            head, colon, rest = m.group(1).strip(), m.group(2) or "", (m.group(3) or "").strip()
            if colon or not rest and not head.endswith((".", ",", ";")):
                known = heading_kind(head)
                if colon and rest:  # "Benefits: 25 days' leave": this line alone
                    if known in ("employer", "nice"):
                        out.append(Section(pos, end, head, known))
                elif known is not None:
                    new = (head, known)
                elif not bullet and (colon or not kind or blank_before and items):
                    new = (head, "")
        if new is None:
            items += 1
        else:
            if heading:
                out.append(Section(start, pos, heading, kind))
            (heading, kind), start, items = new, pos, 0
        blank_before, pos = False, end
    if heading:
        out.append(Section(start, len(text), heading, kind))
    return sorted(out, key=lambda x: (x.start, x.end))


def _nice_spans(text: str) -> list[tuple[int, int]]:
    r"""Character spans of what a posting welcomes but does not require: sections headed
    "Nice to have", "Desirable", "Bonus points"... and clauses such as "R is a plus" or
    "German is nice to have" (up to the clause's ``;``, sentence or line end).

    >>> text = "You bring SQL; R is a plus.\nDesirable\n- GDPR\nThe team\nMSc (preferred)"
    >>> [text[a:b] for a, b in _nice_spans(text)]
    [' R is a plus', 'Desirable', 'Desirable\n- GDPR\n', 'MSc (preferred)']
    """
    spans = [(x.start, x.end) for x in posting_sections(text) if x.kind == "nice"]
    for m in _NICE_CLAUSE.finditer(text):
        back = max(m.start() - 500, 0)
        start = back
        for end_mark in _CLAUSE_END.finditer(text, back, m.start()):
            start = end_mark.end()
        after = _CLAUSE_END.search(text, m.end(), m.end() + 500)
        spans.append((start, after.start() if after else min(m.end() + 500, len(text))))
    return sorted(spans)


def _boilerplate_spans(text: str) -> list[tuple[int, int]]:
    r"""Character spans where the employer talks about itself, not about the job.

    A heading such as "About us", "Benefits" or "Why join us" starts such a section; the
    next other heading ("The role", "About you", "Requirements") ends it (see
    :func:`posting_sections`). A line like "Perks: equity, ..." is skipped alone.
    Sentences about equal opportunity, vetting checks, or "We're a fintech ..." are
    skipped wherever they are.

    >>> text = "About us\nWe value teamwork.\nThe role\nLead a team.\nBenefits: coaching"
    >>> [text[a:b] for a, b in _boilerplate_spans(text)]
    ['About us\nWe value teamwork.\n', 'Benefits: coaching']
    """
    spans = [m.span() for m in _BOILERPLATE.finditer(text)]
    spans += [m.span() for m in _TERMS_LINE.finditer(text)]
    title = _TITLE_SUFFIX.match(text)  # "Data Analyst - Local Authority": who is hiring
    if title:
        spans.append(title.span(1))
    for m in _BOILER_SENTENCE.finditer(text):  # the whole sentence around the words
        back = max(m.start() - 1_000, 0)  # a sentence is shorter than that
        start = max(max(text.rfind(c, back, m.start()) for c in ".!?\n") + 1, back)
        end = _SENTENCE_END.search(text, m.end(), m.end() + 1_000)
        spans.append((start, end.start() if end else min(m.end() + 1_000, len(text))))
    spans += [(x.start, x.end) for x in posting_sections(text) if x.kind == "employer"]
    return sorted(spans)


def _names_people(tokens: list[_Token], m: _Match) -> bool:
    """Whether the match names people or a trade, not the skill: "budget holders",
    "decision makers", "hiring managers", "logistics companies", the users' trades in
    "for trading, supply chain and finance users"; a verb's object that begins a
    colleague's title ("5 engineers and a data analyst" is no "engineer data").
    "coach managers" is still coaching; "train users" is still training, and so is "train
    admins and end users" (the match is no item of the list: a list separator follows it)."""
    end = m.end
    _, _, people, market = _colleague_words()
    if end + 1 >= len(tokens) or tokens[end].stem in _ROLE_NOUNS | {"manager"} | market:
        return False
    after = tokens[end + 1].stem
    if after in market or m.verb_first and after in people:
        return True
    listed = False
    for t in tokens[end + 1:end + 8] if after == _CONJ else ():  # "X, Y and Z users"
        if t.stem == _BREAK or t.exact in _PREPOSITIONS:
            break
        if t.stem == "user":
            return listed
        listed = listed or t.stem == _CONJ
    return after in _ROLE_NOUNS or after == "manager" and tokens[end].exact.endswith("ing")


@functools.lru_cache(maxsize=1)
def _colleague_words() -> tuple[frozenset[str], ...]:
    """Stems of: titles, cue words, people's titles, words for a customer's trade."""
    return tuple(frozenset(map(normalise_word, words)) for words in
                 (_TITLES, _COLLEAGUE_CUES, JOB_TITLES, _MARKET))


def _names_colleague(tokens: list[_Token], m: _Match, text: str) -> bool:
    """Whether the match is a colleague's job title after "report to", "advise", "support",
    "work with" ("advise the project manager"), not the skill asked of the candidate;
    "experience as a project manager" still counts, and a title has no "your" or "their"
    inside ("able to keep your head" is no Head)."""
    titles, cues, _, _ = _colleague_words()
    return (m.end - m.start >= 1 and tokens[m.end].stem in titles and m.start > 0
            and tokens[m.start - 1].stem in cues
            and not _POSSESSIVE.search(text, tokens[m.start].end, tokens[m.end].start))


def _names_team(tokens: list[_Token], m: _Match) -> bool:
    """Whether the match names a team the person works with, not a skill asked: a word for
    a group of colleagues right after it and a cue word ("with", "support", "report to")
    at most three words before it ("work with the data science team", "support the
    finance department"); "lead the data engineering team" still asks for it."""
    _, cues, _, _ = _colleague_words()
    if m.end + 1 >= len(tokens) or tokens[m.end + 1].stem not in _group_words():
        return False
    for t in reversed(tokens[max(m.start - 3, 0):m.start]):
        if t.stem in (_BREAK, _CONJ):
            return False
        if t.stem in cues:
            return True
    return False


@functools.lru_cache(maxsize=1)
def _group_words() -> frozenset[str]:
    return frozenset(map(normalise_word, _GROUPS))


def _names_title(tokens: list[_Token], m: _Match, text: str) -> bool:
    """Whether a phrase that begins with a word both a verb and a job title ("lead team",
    "head up") reads as the title: after "the", "a", "our"... ("the lead team") or right
    after another word that does not come before a verb ("tech lead team"); "will lead
    team", "to lead team", "confidently lead team" and "Lead team meetings" (a list item)
    are the verb."""
    first = tokens[m.start]
    if first.exact not in _VERB_TITLES or m.start == 0 or m.start == m.end:
        return False
    before = tokens[m.start - 1]
    if before.stem in (_BREAK, _CONJ):
        return False
    between = text[before.end:first.start]
    if _DETERMINER.search(between):
        return True
    return (not between.strip() and before.exact not in _BEFORE_A_VERB
            and not before.exact.endswith("ly"))


def _beside_a_clear_match(matches: list[_Match]) -> list[_Match]:
    """The matches whose skill is also named a clear way: an ambiguous word ("containers",
    a ``?`` synonym) counts only beside one, or beside a clear match of the skill that gives
    it its sense (``?audit @Clinical Practice``: an audit in a clinical posting)."""
    strong = {m.skill for m in matches if not m.weak}
    return [m for m in matches if m.skill in strong or m.context in strong]


def _blocked(text: str, tokens: list[_Token]) -> set[int]:
    """Token positions inside boilerplate such as "we are hiring" (not a skill ask)."""
    return _within(tokens, _boilerplate_spans(text))


def _within(tokens: list[_Token], spans: list[tuple[int, int]]) -> set[int]:
    """Positions of the tokens that start inside one of ``spans``."""
    merged: list[list[int]] = []
    for a, b in sorted(spans):  # overlapping spans as one (a long section, a clause in it)
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    starts = [a for a, _ in merged]
    out: set[int] = set()
    for i, t in enumerate(tokens):
        k = bisect.bisect_right(starts, t.start) - 1
        if k >= 0 and t.start < merged[k][1]:
            out.add(i)
    return out


@dataclass(frozen=True)
class SkillFit:
    """One skill the posting asks for, and where the person stands on it.

    ``status`` is ``'meets'`` (latest rating reaches the target), ``'below'``, ``'unrated'``
    (in the person's list, never rated) or ``'missing'`` (not in their list; the target is
    then :data:`DEFAULT_TARGET`). ``gap`` is levels to go (0 when met). ``nice``: the
    posting only welcomes it (every mention under "Nice to have", "Desirable", "Bonus
    points"... or in a clause such as "R is a plus"), it does not require it.
    """

    skill: str
    category: str | None
    words: tuple[str, ...]
    mentions: int
    in_list: bool
    current: float | None
    target: float
    status: str
    gap: float
    explanation: str
    nice: bool = False


@dataclass(frozen=True)
class PostingFit:
    """What :func:`fit_to_posting` found.

    Attributes
    ----------
    matches : dict[str, tuple[str, ...]]
        Skill name -> the words of the posting that matched it, in order of appearance.
    gaps : tuple[str, ...]
        Skills asked for where the person is below target, unrated, or does not track them
        (everything still to do); :attr:`below` is only the measured gaps.
    skills : tuple[SkillFit, ...]
        Per skill: fit and an explanation, in order of first mention.
    fit : float
        0-100: the share of the levels the posting asks for that the latest ratings reach
        (``sum(min(current, target)) / sum(target)``, a skill not rated counting 0), not a
        share of the skills; 100 when nothing was found.
    suggestions : tuple[Suggestion, ...]
        "Did it ask for these?": skills not matched whose words appear less surely (see
        :mod:`career_workbook.analysis.posting_suggest`); they count only once confirmed
        (:func:`~career_workbook.analysis.posting_suggest.confirm_suggestions`).
    blank : bool
        Nothing to read: the text has no letters (empty, or only markup, spaces, numbers
        and punctuation).
    """

    matches: dict[str, tuple[str, ...]]
    gaps: tuple[str, ...]
    skills: tuple[SkillFit, ...] = ()
    fit: float = 100.0
    truncated: bool = False
    explanations: dict[str, str] = field(default_factory=dict)
    suggestions: tuple[Any, ...] = ()
    """Skills the posting may ask for, less surely than a match, for the person to confirm
    (:class:`~career_workbook.analysis.posting_suggest.Suggestion`, best first)."""
    blank: bool = False

    @property
    def missing(self) -> tuple[str, ...]:
        """Skills asked for that are not in the person's list."""
        return tuple(s.skill for s in self.skills if not s.in_list)

    @property
    def below(self) -> tuple[str, ...]:
        """The measured gaps: skills asked for, rated, and below their target (a skill not
        rated yet is not a gap: it is a prompt to rate)."""
        return tuple(s.skill for s in self.skills if s.status == "below")

    @property
    def nice(self) -> tuple[str, ...]:
        """Skills the posting only welcomes ("Nice to have", "R is a plus"), not requires."""
        return tuple(s.skill for s in self.skills if s.nice)

    @property
    def unrated(self) -> tuple[str, ...]:
        """Skills asked for that are in the person's list but never rated."""
        return tuple(s.skill for s in self.skills if s.status == "unrated")


def _explain(words: tuple[str, ...], mentions: int, status: str, current: float | None,
             target: float, source: str = "", nice: bool = False) -> str:
    """Why the row says what it says; ``source`` names the role profile the target is
    taken from ("" for the person's own target); ``nice``: only welcomed, not required."""
    quoted = ", ".join(f"“{w}”" for w in words[:4]) + (" …" if len(words) > 4 else "")
    said = f"The posting says {quoted}" + (f" ({mentions} mentions)" if mentions > 1 else "")
    said += " as a nice-to-have." if nice else "."
    t = f"{target:g}" + (f", the {source} level" if source else "")
    if status == "missing":
        return f"{said} Not in your list yet: add it to rate yourself (target {t} of 5)."
    if status == "unrated":
        return f"{said} In your list, not rated yet (target {t} of 5)."
    c = f"{current:g}"
    your = f"the {source} level is {target:g}" if source else f"your target is {target:g}"
    if status == "meets":
        return f"{said} You rated yourself {c} of 5; {your}: you meet it."
    togo = target - (current or 0.0)
    return (f"{said} You rated yourself {c} of 5; {your}: "
            f"{togo:g} level{'s' if togo != 1 else ''} to go.")


def read_posting(text: str | None) -> tuple[str, list[_Token], bool]:
    r"""The posting as the matcher reads it: ``(text, tokens, truncated)``. HTML tags are
    blanked out and its entities read ("&amp;" is "&"), only :data:`MAX_CHARS` are read,
    and the employer's own talk (see :func:`_boilerplate_spans`) becomes sentence breaks.
    Each token has ``stem``, ``exact`` (lower case), ``start``/``end`` in ``text`` and
    ``acro`` (``"^sql"`` when in capitals, or in lower case and no ordinary English word:
    see :func:`_lower_acronym`) and ``nice`` (in a "Nice to have" section or a
    clause such as "R is a plus", see :func:`posting_sections`); a break's stem is
    ``"|"``, a list separator's ``"&"``.

    >>> text, tokens, _ = read_posting("About us\nWe love perks.\nThe role\nRun audits.")
    >>> [t.stem for t in tokens if t.stem != "|"]
    ['role', 'run', 'audit']

    Invisible characters a web page hides inside words are dropped:

    >>> [t.exact for t in read_posting("Py\u00adthon and S\u200bQL")[1]]
    ['python', 'and', 'sql']

    and a Latin word inside Chinese, Japanese or Korean text is a word of its own:

    >>> [t.exact for t in read_posting("需要SQL和Python经验")[1]]
    ['需要', 'sql', '和', 'python', '经验']

    >>> read_posting("<p>Analysts &amp; product&nbsp;managers</p>")[0].split()
    ['Analysts', '&', 'product', 'managers']
    """
    text = text or ""
    truncated = len(text) > MAX_CHARS
    text = html.unescape(_HTML.sub(lambda m: " " * len(m.group()), text[:MAX_CHARS]))
    text = _SCRIPT_EDGE.sub(" ", _INVISIBLE.sub("", text))
    tokens = _tokens(text)
    blocked = _blocked(text, tokens)
    if blocked:
        tokens = [_Token(_BREAK, _BREAK, t.start, t.end) if i in blocked else t
                  for i, t in enumerate(tokens)]
    nice = _within(tokens, _nice_spans(text))
    if nice:
        tokens = [t._replace(nice=True) if i in nice else t for i, t in enumerate(tokens)]
    return text, tokens, truncated


def find_skills(text: str | None,
                vocab: Mapping[str, Iterable[str]]) -> dict[str, tuple[str, ...]]:
    """The skills of ``vocab`` (``{skill: [synonyms]}``) that ``text`` names, each with
    the words as written, read with the same rules as a posting (:func:`fit_to_posting`).

    >>> find_skills("Build 5 Power BI reports", {"Data Visualisation": ["power bi"],
    ...                                          "SQL": []})
    {'Data Visualisation': ('Power BI',)}
    """
    text, tokens, _ = read_posting(text)
    return _mentions(text, tokens, vocab)[0]


def _own_words(found: list[_Match], own: Collection[str]) -> list[_Match]:
    """Words that name one of the person's own skills (``own``) are that skill: not also
    a catalog skill they are a synonym of, or part of one (the person's "dbt" is not also
    "Data Engineering", whose synonym "dbt" is; their "Power BI" in "Power BI reports" is
    not also "BI reports"). A longer phrase around them is still read as usual ("SQL
    Server" is more than "SQL")."""
    named = [m.positions for m in found if m.named and m.skill in own]
    if not named:
        return found
    return [m for m in found if m.named and m.skill in own or not any(
        m.positions & mine and not m.positions > mine for mine in named)]


def _mentions(text: str, tokens: list[_Token], vocab: Mapping[str, Iterable[str]],
              own: Collection[str] = ()
              ) -> tuple[dict[str, tuple[str, ...]], dict[str, int], set[str]]:
    """``({skill: words as written}, {skill: how many mentions}, {skills only welcomed})``
    in ``text``: a skill is only welcomed when every mention of it is (``_Token.nice``).
    Words naming one of ``own`` (the person's skills) count for it alone (:func:`_own_words`).
    """
    phrases = [p for name, syns in vocab.items() for p in _skill_phrases(name, tuple(syns))]
    found = _own_words(_find(tokens, phrases), own)
    # a match inside a longer match (of any skill) gives way to it
    covering: dict[int, list[_Match]] = {}
    for m in found:
        for pos in m.positions:
            covering.setdefault(pos, []).append(m)
    kept = [m for m in found if not any(m.positions < o.positions for o in covering[m.start])]
    kept = _beside_a_clear_match(kept)
    # a two-word phrase read across a word that names another skill ("manage subcontractor
    # accounts", "monitor SIEM alerts") is that other thing's compound, not the phrase
    taken = {pos: m.skill for m in kept for pos in m.positions}
    kept = [m for m in kept if m.listed or len(m.positions) > 2 or not any(
        taken.get(g, m.skill) != m.skill for g in range(m.start, m.end + 1)
        if g not in m.positions)]
    # a word read across a filler ("drive quality improvement" as "drive improvements")
    # belongs to the plain phrase it also stands in ("quality improvement")
    contiguous = {pos for m in kept if len(m.positions) > 1
                  and len(m.positions) == m.end - m.start + 1 for pos in m.positions}
    kept = [m for m in kept if m.listed or len(m.positions) == m.end - m.start + 1
            or not any(pos in contiguous for pos in m.positions)]
    kept = [m for m in kept if not _names_people(tokens, m)
            and not _names_colleague(tokens, m, text) and not _names_team(tokens, m)
            and not _names_title(tokens, m, text)]
    kept = _beside_a_clear_match(kept)  # again: the rules above may drop the clear one
    kept.sort(key=lambda m: (m.start, m.end))
    words: dict[str, list[str]] = {}
    mentions: dict[str, set[tuple[int, int]]] = {}
    required: set[str] = set()
    for m in kept:
        if not all(tokens[pos].nice for pos in m.positions):
            required.add(m.skill)
        shown = " ".join(text[tokens[m.start].start:tokens[m.end].end].split())
        shown = shown if len(shown) <= 80 else shown[:77] + "..."
        got = words.setdefault(m.skill, [])
        if shown.casefold() not in (w.casefold() for w in got):
            got.append(shown)
        mentions.setdefault(m.skill, set()).add((m.start, m.end))
    return ({k: tuple(v) for k, v in words.items()},
            {k: len(v) for k, v in mentions.items()}, set(words) - required)


def fit_to_posting(workbook: Workbook, text: str, *, catalog: Any,
                   role: Any = None) -> PostingFit:
    """The skills a posting asks for, with fit and gaps against the latest ratings.

    Parameters
    ----------
    workbook : Workbook
    text : str
        The pasted posting (plain text; HTML tags, scripts and comments are skipped).
        Only the first :data:`MAX_CHARS` characters are read.
    catalog : Catalog or mapping
        A loaded catalog (``cw.fit_to_posting`` passes the shipped one), or
        ``{skill: [synonyms]}``.
    role : RoleProfile-like, optional
        The chosen role profile: each skill's target is then the one the charts use
        (see :func:`fit_from_words`).

    Returns
    -------
    PostingFit
    """
    text, tokens, truncated = read_posting(text)
    if not any(ch.isalpha() for ch in text):
        return PostingFit(matches={}, gaps=(), truncated=truncated, blank=True)
    vocab = posting_vocabulary(catalog, workbook)
    own = {name for name in vocab if own_skill(workbook.skills, name) is not None}
    words, mentions, nice = _mentions(text, tokens, vocab, own)
    fit = fit_from_words(workbook, words, mentions, catalog=catalog,
                         truncated=truncated, role=role, nice=nice)
    from career_workbook.analysis.posting_suggest import suggest_skills

    return dataclasses.replace(fit, suggestions=suggest_skills(
        text, fit, catalog=catalog, workbook=workbook, read=(text, tokens)))


def fit_from_words(workbook: Workbook, words: Mapping[str, tuple[str, ...]],
                   mentions: Mapping[str, int], *, catalog: Any,
                   truncated: bool = False, role: Any = None,
                   nice: Iterable[str] = ()) -> PostingFit:
    """The fit for skills found with these words (``{skill: words}``, in order of first
    mention) and mention counts: what :func:`fit_to_posting` returns for its matches, and
    what a confirmed suggestion is counted with (no ``suggestions`` here). ``nice``: the
    skills the posting only welcomes ("Nice to have", "R is a plus"; :attr:`SkillFit.nice`).

    Each skill's target is the one the gap chart uses
    (:func:`~career_workbook.analysis.skills.skill_gaps`): the ``role``'s level when the
    role lists the skill, else the person's own; :data:`DEFAULT_TARGET` for a skill neither
    has.

    >>> from types import SimpleNamespace as NS
    >>> from career_workbook.model import new_workbook
    >>> wb = new_workbook("Sam")
    >>> wb.skills.append(Skill(name="Python", target_level=5))
    >>> fit = fit_from_words(wb, {"SQL": ("Postgres",), "Python": ("Python",)},
    ...                      {"SQL": 1, "Python": 1}, catalog={"SQL": []})
    >>> fit.matches, fit.gaps, fit.skills[0].status, fit.skills[1].target
    ({'SQL': ('Postgres',), 'Python': ('Python',)}, ('SQL', 'Python'), 'missing', 5.0)
    >>> role = NS(title="Data Engineer", skills={"Python": NS(target=4, importance=5)})
    >>> fit_from_words(wb, {"Python": ("Python",)}, {}, catalog={}, role=role).skills[0].target
    4.0
    """
    levels = {k.casefold(): v for k, v in current_levels(workbook).items()}
    # the targets the charts measure against (the role's where it lists the skill)
    targets = {g.skill.casefold(): g for g in skill_gaps(workbook, role)}
    title = getattr(role, "title", None) or "role profile"
    infos = getattr(catalog, "skills", {}) or {}
    welcomed = set(nice)
    fits: list[SkillFit] = []
    seen: set[str] = set()
    for name, got in words.items():
        mine = own_skill(workbook.skills, name)
        shown_name = mine.name if mine is not None else name
        if shown_name.casefold() in seen:  # one of the person's skills counts once
            continue
        seen.add(shown_name.casefold())
        current = levels.get(shown_name.casefold())
        charted = targets.get(shown_name.casefold())
        target = float(DEFAULT_TARGET) if charted is None else charted.target
        source = "" if charted is None or math.isnan(charted.role_target) else title
        if mine is None:
            status, current = "missing", None
        elif current is None:
            status = "unrated"
        else:
            status = "meets" if current >= target else "below"
        gap = max(target - (current or 0.0), 0.0)
        category = mine.category if mine is not None else getattr(infos.get(name), "category",
                                                                    None)
        count = mentions.get(name, 1)
        fits.append(SkillFit(shown_name, category, tuple(got), count, mine is not None,
                             current, target, status, gap,
                             _explain(tuple(got), count, status, current, target, source,
                                      name in welcomed),
                             name in welcomed))
    need = sum(f.target for f in fits)
    have = sum(min(f.current or 0.0, f.target) for f in fits)
    return PostingFit(
        matches={f.skill: f.words for f in fits},
        gaps=tuple(f.skill for f in fits if f.status != "meets"),
        skills=tuple(fits),
        fit=100.0 * have / need if need > 0 else 100.0,
        truncated=truncated,
        explanations={f.skill: f.explanation for f in fits},
    )


def posting_importance(fit: SkillFit, *, as_profile: bool = False) -> int:
    """The importance a posting gives one of its skills: :data:`NICE_IMPORTANCE` for one it
    only welcomes ("Nice to have"), else :data:`PROFILE_IMPORTANCE` when it is the target
    profile, else the importance a new skill has (3)."""
    if fit.nice:
        return NICE_IMPORTANCE
    return PROFILE_IMPORTANCE if as_profile else Skill.model_fields["importance"].default


def add_posting_skills(wb: Workbook, fit: PostingFit, *, as_profile: bool = False,
                       catalog: Mapping[str, Any] | Any = None) -> list[str]:
    """Add the posting's skills the person does not track to ``wb.skills`` (in place), each
    with the target the fit showed for it (:attr:`SkillFit.target`) and the importance of
    :func:`posting_importance`: a skill the posting only welcomes ("Nice to have") matters
    less than one it requires.

    With ``as_profile=True`` the posting also becomes the target profile: the person's own
    targets are chosen over any catalog role profile (``wb.role_profile =``
    :data:`~career_workbook.model.OWN_TARGETS`, also over one the target role names:
    readiness and gaps are then measured against the person's own targets, see
    :func:`~career_workbook.analysis.skills.readiness`) and every skill the posting
    requires gets importance at least :data:`PROFILE_IMPORTANCE` (one it only welcomes at
    least :data:`NICE_IMPORTANCE`; targets already set are kept). Skills already in the
    list (:func:`own_skill`: case, emoji and symbols ignored) are never added twice.
    Returns the names changed or added (:func:`skill_changes` says how).

    >>> from career_workbook.model import new_workbook
    >>> wb = new_workbook("Sam")
    >>> wb.skills.append(Skill(name="SQL", importance=2))
    >>> vocab = {"SQL": [], "Python": [], "Go": []}
    >>> fit = fit_to_posting(wb, "SQL and Python. Go is a plus.", catalog=vocab)
    >>> add_posting_skills(wb, fit), [(s.name, s.importance) for s in wb.skills]
    (['Python', 'Go'], [('SQL', 2), ('Python', 3), ('Go', 2)])
    >>> wb.role_profile = "data_engineer"
    >>> add_posting_skills(wb, fit, as_profile=True), wb.skills[0].importance, wb.role_profile
    (['SQL', 'Python'], 4, '')
    """
    infos = getattr(catalog, "skills", catalog) or {}
    changed: list[str] = []
    for f in fit.skills:
        existing = own_skill(wb.skills, f.skill)
        importance = posting_importance(f, as_profile=as_profile)
        if existing is None:
            category = f.category or getattr(infos.get(f.skill), "category", None) or "technical"
            wb.skills.append(Skill(name=f.skill, category=category,
                                   target_level=round(f.target), importance=importance))
            changed.append(f.skill)
        elif as_profile and existing.importance < importance:
            existing.importance = importance
            changed.append(existing.name)
    if as_profile:
        wb.role_profile = OWN_TARGETS
    return changed


class SkillChange(NamedTuple):
    """One skill a save added (``before`` None) or whose importance it changed."""

    skill: str
    importance: int
    before: int | None = None


def skill_changes(before: Iterable[Skill], after: Iterable[Skill]) -> list[SkillChange]:
    """What changed from one skill list to the next: skills added, importances changed.

    >>> skill_changes([Skill(name="SQL", importance=3)],
    ...               [Skill(name="SQL", importance=4), Skill(name="Go", importance=2)])
    [SkillChange(skill='SQL', importance=4, before=3), SkillChange(skill='Go', importance=2, \
before=None)]
    """
    old = {s.name.casefold(): s.importance for s in before}
    return [SkillChange(s.name, s.importance, old.get(s.name.casefold()))
            for s in after if old.get(s.name.casefold()) != s.importance]
