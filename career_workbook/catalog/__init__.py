"""The skill taxonomy and target-role profiles shipped with Career Workbook.

Two YAML files travel with the package: ``skills.yaml`` (every skill a workbook or a role
can name, grouped as technical / soft / leadership / domain, including the 35 O*NET basic
and cross-functional skills) and ``roles.yaml`` (target-role profiles: for each skill the
level the role expects and how much it matters). A coach can add or override entries with
their own files in the same format.

Reading these files is the only I/O done here; analysis functions receive the loaded
:class:`Catalog` (or its :class:`RoleProfile` objects) as arguments.

Examples
--------
>>> cat = load_catalog()
>>> cat.role("senior_data_scientist").title
'Senior Data Scientist'
>>> cat.find_role("ward manager").id
'healthcare_manager'
>>> cat.role("senior_data_scientist").skills["Python"].target
5
>>> len(cat.onet_skills())
35
"""

from __future__ import annotations

import difflib
import functools
import math
import os
import re
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from career_workbook.model import field_path

__all__ = [
    "CATEGORIES",
    "ENV_VAR",
    "Catalog",
    "CatalogError",
    "CatalogFiles",
    "RoleProfile",
    "RoleSkill",
    "SkillInfo",
    "catalog_files",
    "close_roles",
    "load_catalog",
    "missing_role",
    "missing_role_note",
    "not_in_catalog",
    "pick_role",
    "resolve_role",
    "role_named",
    "shared_catalog",
    "suggest_role",
    "synonym_words",
]

CATEGORIES = ("technical", "soft", "leadership", "domain")
"""Skill categories, in display order (the same as ``model.SKILL_CATEGORIES``)."""

ENV_VAR = "CAREER_WORKBOOK_CATALOG"
"""Environment variable naming a folder of extra catalog files (``*.yaml``)."""

CatalogFiles = tuple[tuple[str, str], ...]
"""A coach's catalog extension files as read: ``(path, text)`` pairs, in the order applied."""

_SHIPPED = ("skills.yaml", "roles.yaml")
_Name = Annotated[str, Field(min_length=1, max_length=200, pattern=r"\S")]
_Line = Annotated[str, Field(min_length=1, max_length=1_000, pattern=r"\S")]


class CatalogError(ValueError):
    """A catalog file that cannot be used.

    The message names the file, the field path and the offending value, e.g.
    ``my_roles.yaml: roles[0].skills.Pyhton = 'Pyhton': is not a skill in the taxonomy``.
    """

    def __init__(self, source: str, field: str = "", value: Any = None, message: str = ""):
        self.source, self.field, self.value = source, field, value
        where = f"{field} = {_short(value)}" if field else "(file)"
        super().__init__(f"{source}: {where}: {message}")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class SkillInfo(_Strict):
    """One skill in the taxonomy.

    ``onet`` marks the 35 O*NET basic and cross-functional skills; ``onet_group`` names
    their O*NET group (e.g. ``'Social Skills'``). ``synonyms`` are other common ways of
    writing the skill ("k8s", "stakeholder mgmt"), used to read job postings.
    """

    name: _Name
    category: Literal["technical", "soft", "leadership", "domain"]
    description: _Line
    synonyms: list[_Name] = Field(default_factory=list)
    onet: bool = False
    onet_group: _Name | None = None

    @model_validator(mode="after")
    def _onet_needs_group(self) -> SkillInfo:
        if self.onet and self.onet_group is None:
            raise ValueError("an O*NET skill (onet: true) needs its onet_group")
        return self


class RoleSkill(_Strict):
    """What a role expects of one skill: ``target`` level (0-5) and ``importance`` (1-5)."""

    target: Annotated[int, Field(ge=0, le=5)]
    importance: Annotated[int, Field(ge=1, le=5)]


class RoleProfile(_Strict):
    """A target-role profile: the skills a role asks for, with target levels and weights."""

    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=80)]
    title: _Name
    family: _Name
    summary: _Line
    skills: Annotated[dict[str, RoleSkill], Field(min_length=1)]
    aliases: list[_Name] = Field(default_factory=list)


class _CatalogFile(_Strict):
    skills: list[SkillInfo] = Field(default_factory=list)
    roles: list[RoleProfile] = Field(default_factory=list)


class Catalog:
    """Skills and role profiles, looked up by name or id.

    Attributes
    ----------
    skills : dict[str, SkillInfo]
        Every skill by its exact name, in taxonomy order.
    roles : dict[str, RoleProfile]
        Every role profile by id.
    """

    def __init__(self, skills: Mapping[str, SkillInfo], roles: Mapping[str, RoleProfile]):
        self.skills: dict[str, SkillInfo] = dict(skills)
        self.roles: dict[str, RoleProfile] = dict(roles)
        self._index: tuple | None = None

    def __repr__(self) -> str:
        return f"<Catalog: {len(self.skills)} skills, {len(self.roles)} roles>"

    def skill(self, name: str) -> SkillInfo:
        """The skill called ``name`` (exactly, else case-insensitively).

        >>> load_catalog().skill("sql").category
        'technical'
        """
        found = self.skills.get(name) or _by_casefold(self.skills, name)
        if found is None:
            raise KeyError(_unknown("skill", name, self.skills))
        return found

    def role(self, key: str) -> RoleProfile:
        """The role with this id, or with this title (case-insensitive).

        Raises ``KeyError`` listing close matches when there is none.

        >>> load_catalog().role("UX designer").id
        'ux_designer'
        """
        if key in self.roles:
            return self.roles[key]
        wanted = key.casefold().strip()
        for role in self.roles.values():
            if wanted in (role.id, role.title.casefold()):
                return role
        names = [*self.roles, *(r.title for r in self.roles.values())]
        raise KeyError(_unknown("role", key, names))

    def find_role(self, text: str | None, *, cutoff: float = 0.6) -> RoleProfile | None:
        """The role profile that best matches a free-text target role, or ``None``.

        Matches ids, titles and common aliases; words shared by many titles ("manager",
        "senior") count for less than distinctive ones ("nurse", "cloud").

        >>> cat = load_catalog()
        >>> cat.find_role("Senior Data Scientist").id
        'senior_data_scientist'
        >>> cat.find_role("Lead Cloud Engineer (AWS)").id
        'cloud_engineer'
        >>> cat.find_role("astronaut") is None
        True
        """
        query = _tokens(text or "")
        if not query:
            return None
        names, weights = self._role_index()
        similar = {t: {v: _word_similarity(t, v) for v in weights} for t in set(query)}
        best, best_score = None, 0.0
        for role_id, candidate in names:
            score = _similarity(query, candidate, weights, similar)
            if score > best_score:
                best, best_score = role_id, score
        return self.roles[best] if best is not None and best_score >= cutoff else None

    def _role_index(self) -> tuple[list[tuple[str, tuple[str, ...]]], dict[str, float]]:
        """Tokenised role names and word weights, rebuilt only when ``roles`` changes."""
        key = tuple((k, id(v)) for k, v in self.roles.items())
        if self._index is None or self._index[0] != key:
            names = [
                (role.id, _tokens(name))
                for role in self.roles.values()
                for name in (role.title, role.id.replace("_", " "), *role.aliases)
            ]
            names = [(role_id, tokens) for role_id, tokens in names if tokens]
            self._index = (key, names, _idf(tokens for _, tokens in names))
        return self._index[1], self._index[2]

    def skills_in(self, category: str) -> list[SkillInfo]:
        """The skills of one category, in taxonomy order.

        >>> [s.name for s in load_catalog().skills_in("leadership")][:2]
        ['Judgment and Decision Making', 'Management of Financial Resources']
        """
        if category not in CATEGORIES:
            raise ValueError(f"category = {category!r}: must be one of {', '.join(CATEGORIES)}")
        return [s for s in self.skills.values() if s.category == category]

    def onet_skills(self) -> list[SkillInfo]:
        """The O*NET basic and cross-functional skills, in taxonomy order."""
        return [s for s in self.skills.values() if s.onet]


def role_named(text: str | None, catalog: Catalog | None) -> RoleProfile | None:
    """The catalog profile a target role names: its title (or id), with capitals and extra
    spaces ignored; ``None`` for any other text. A role that only resembles a profile (an
    alias, other words) is offered by :func:`suggest_role`, never applied.

    >>> role_named("  senior   data SCIENTIST ", load_catalog()).id
    'senior_data_scientist'
    >>> role_named("Data Scientist", load_catalog()) is None  # an alias: only offered
    True
    """
    from career_workbook.model import name_key

    if catalog is None or not text or not text.strip():
        return None
    key = name_key(text)
    return next((r for r in catalog.roles.values() if key in (name_key(r.title), r.id)), None)


def pick_role(role_profile: str | None, target_role: str | None,
              catalog: Catalog | None) -> RoleProfile | None:
    """The profile readiness and gaps are measured against: the one ``role_profile`` (an
    id or a title) picks; with nothing picked (``None``), the one the ``target_role`` names
    (:func:`role_named`); ``None`` when the person chose their own targets
    (:data:`~career_workbook.model.OWN_TARGETS`) or the catalog has no such profile.

    >>> cat = load_catalog()
    >>> pick_role(None, "UX designer", cat).id, pick_role("team_lead", "UX designer", cat).id
    ('ux_designer', 'team_lead')
    >>> pick_role("", "UX designer", cat) is None  # own targets, chosen in notebook 05
    True
    """
    if catalog is None:
        return None
    if role_profile is None:
        return role_named(target_role, catalog)
    if not role_profile:
        return None
    found = catalog.roles.get(role_profile)
    if found is None:
        try:
            found = catalog.role(role_profile)
        except KeyError:
            found = None
    return found


def resolve_role(wb: Any, catalog: Catalog | None) -> RoleProfile | None:
    """The catalog role profile ``wb`` is measured against (:func:`pick_role`): the one
    picked in notebook 05 (``wb.role_profile``, an id or a title), else the one its target
    role names; ``None``: readiness and gaps use the person's own targets.

    >>> from career_workbook.catalog import load_catalog
    >>> from career_workbook.model import new_workbook
    >>> wb = new_workbook("Sam Lee", target_role="Senior Data Scientist")
    >>> resolve_role(wb, load_catalog()).title
    'Senior Data Scientist'
    >>> wb.role_profile = "ux_designer"
    >>> resolve_role(wb, load_catalog()).title
    'UX Designer'
    """
    return pick_role(wb.role_profile, wb.person.target_role, catalog)


def missing_role(wb: Any, catalog: Catalog | None) -> str | None:
    """The ``role_profile`` ``wb`` asks for when ``catalog`` has no such profile (a typo, or
    a profile of another coach's catalog), else ``None``. Readiness and gaps are then
    measured against the person's own targets, and every place that shows them says so.

    ``None`` too when no profile is asked for, or when there is no catalog to look in.

    >>> from career_workbook.model import new_workbook
    >>> wb = new_workbook("Sam Lee")
    >>> wb.role_profile = "senior_data_scientst"
    >>> missing_role(wb, load_catalog())
    'senior_data_scientst'
    >>> wb.role_profile = "Senior Data Scientist"  # a title finds its profile too
    >>> missing_role(wb, load_catalog()) is None
    True
    """
    if catalog is None or not wb.role_profile or resolve_role(wb, catalog) is not None:
        return None
    return wb.role_profile


def close_roles(key: str, catalog: Catalog, n: int = 3) -> list[RoleProfile]:
    """The profiles of ``catalog`` whose id or title is closest to ``key`` (at most ``n``,
    closest first), then the one :meth:`Catalog.find_role` matches: what a person most
    likely meant by a role profile the catalog does not have.

    >>> [r.id for r in close_roles("senior_data_scientst", load_catalog())]
    ['senior_data_scientist']
    >>> [r.id for r in close_roles("Head of Vibes", load_catalog())]
    []
    """
    names: dict[str, str] = {}
    for role in catalog.roles.values():
        names.setdefault(role.id, role.id)
        names.setdefault(role.title.casefold(), role.id)
    wanted = key.casefold().strip()
    hits = [names[h] for form in dict.fromkeys((wanted, re.sub(r"[\s-]+", "_", wanted)))
            for h in difflib.get_close_matches(form, list(names), n=n, cutoff=0.8)]
    found = catalog.find_role(key)
    ids = list(dict.fromkeys([*hits, *([found.id] if found is not None else [])]))
    return [catalog.roles[i] for i in ids[:n]]


def not_in_catalog(key: str, catalog: Catalog) -> str:
    """Why ``key`` names no role profile, with the ids closest to it (:func:`close_roles`).

    >>> not_in_catalog("ux_desiner", load_catalog())
    'no role profile with this id in the catalog (did you mean ux_designer?)'
    """
    close = [r.id for r in close_roles(key, catalog)]
    return ("no role profile with this id in the catalog"
            + (f" (did you mean {' or '.join(close)}?)" if close else ""))


def missing_role_note(role_id: str, catalog: Catalog) -> str:
    """One line saying that ``role_id`` (a workbook's ``role_profile``) is not in the
    catalog, with the closest ids, and what is measured instead.

    >>> missing_role_note("senior_data_scientst", load_catalog())  # doctest: +ELLIPSIS
    "role_profile = 'senior_data_scientst': no role profile with this id in the catalog (did you mean senior_data_scientist?); readiness and gaps use their own skill targets..."
    """  # noqa: E501
    return (f"role_profile = {_short(role_id)}: {not_in_catalog(role_id, catalog)}; "
            "readiness and gaps use their own skill targets until a profile of the catalog "
            "is picked (notebook 05)")


def suggest_role(wb: Any, catalog: Catalog | None) -> RoleProfile | None:
    """A catalog profile that the typed target role resembles, to offer (never to apply):
    ``None`` when notebook 05 has a choice (a profile, or the person's own targets), when
    the target role names a profile (then it is used, :func:`role_named`), or when none
    matches.

    >>> from career_workbook.model import new_workbook
    >>> suggest_role(new_workbook("Sam", target_role="Lead Data Scientist"),
    ...              load_catalog()).id
    'senior_data_scientist'
    >>> suggest_role(new_workbook("Sam", target_role="Senior Data Scientist"),
    ...              load_catalog()) is None  # named: used, not offered
    True
    """
    if catalog is None or wb.role_profile is not None:
        return None
    if role_named(wb.person.target_role, catalog) is not None:
        return None
    return catalog.find_role(wb.person.target_role)


def catalog_files(extra: Iterable[str | os.PathLike[str]] = ()) -> CatalogFiles:
    """Read the coach's catalog extension files once: every ``*.yaml`` in the folder named
    by ``CAREER_WORKBOOK_CATALOG`` (sorted by name), then each path in ``extra``.

    A batch reads them here and ships the texts to its workers with each workbook's bytes
    (``load_catalog(files=...)`` there), so a worker never reads the coach's disk or
    environment, and every pack is made from the catalog its fingerprint names.

    Raises
    ------
    CatalogError
        The folder is missing, or a file cannot be read.
    """
    return tuple((str(path), _read_user_file(path))
                 for path in _env_files() + [Path(p) for p in extra])


def load_catalog(extra: Iterable[str | os.PathLike[str]] = (), *,
                 files: CatalogFiles | None = None) -> Catalog:
    """Load the shipped catalog, then any user extension files.

    Extension files use the shipped format (a ``skills:`` list and/or a ``roles:`` list).
    They are applied in this order: every ``*.yaml`` in the folder named by the
    ``CAREER_WORKBOOK_CATALOG`` environment variable (sorted by name), then each path in
    ``extra``. A skill or role with an existing name or id replaces the earlier one.
    Every role's skills must exist in the resulting taxonomy.

    Parameters
    ----------
    extra : iterable of path-like
        Additional catalog files.
    files : CatalogFiles, optional
        The extension files already read (:func:`catalog_files`): used instead of the
        folder and ``extra``; nothing is read from disk or the environment.

    Returns
    -------
    Catalog
        A fresh object: changing it does not affect later loads.

    Raises
    ------
    CatalogError
        If a file is missing, is not YAML, or has an invalid entry (the message names the
        file, the field path and the value).

    Examples
    --------
    >>> cat = load_catalog()
    >>> len(cat.roles) >= 12 and "Python" in cat.skills
    True
    >>> mine = ("mine.yaml", "roles: [{id: tester, title: Tester, family: QA, summary: Tests.,"
    ...                      " skills: {Python: {target: 2, importance: 3}}}]")
    >>> load_catalog(files=(mine,)).role("tester").skills["Python"].target
    2
    """
    skills, roles, origin = _shipped()
    skills, roles, origin = dict(skills), dict(roles), dict(origin)
    if files is None:
        files = catalog_files(extra)
    if not files:
        return Catalog(skills, roles)
    added: dict[str, tuple[str, int]] = {}
    for source, text in files:
        parsed = _parse(text, source)
        skills.update((s.name, s) for s in parsed.skills)
        added.update((s.name, (source, i)) for i, s in enumerate(parsed.skills))
        for i, role in enumerate(parsed.roles):
            roles[role.id] = role
            origin[role.id] = (source, i)
    _check_role_skills(roles, skills, origin)
    _check_shared_synonyms(skills, added)
    return Catalog(skills, roles)


@functools.lru_cache(maxsize=4)
def shared_catalog(files: CatalogFiles = ()) -> Catalog:
    """``load_catalog(files=files)``, loaded once per process for the same files: what a
    batch's worker uses for every client it is sent (it must not change it).

    >>> shared_catalog() is shared_catalog()
    True
    """
    return load_catalog(files=files)


# ----------------------------------------------------------------------------------------
# Loading helpers
# ----------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def _shipped() -> tuple[dict[str, SkillInfo], dict[str, RoleProfile], dict[str, tuple]]:
    """The validated shipped files (cached: parsed once per process)."""
    skills: dict[str, SkillInfo] = {}
    roles: dict[str, RoleProfile] = {}
    origin: dict[str, tuple[str, int]] = {}
    folder = resources.files(__name__)
    for name in _SHIPPED:
        parsed = _parse(folder.joinpath(name).read_text(encoding="utf-8"), name)
        skills.update((s.name, s) for s in parsed.skills)
        for i, role in enumerate(parsed.roles):
            roles[role.id] = role
            origin[role.id] = (name, i)
    _check_role_skills(roles, skills, origin)
    return skills, roles, origin


def _env_files() -> list[Path]:
    folder = os.environ.get(ENV_VAR)
    if not folder:
        return []
    path = Path(folder).expanduser()
    if not path.is_dir():
        raise CatalogError(ENV_VAR, message=f"{folder!r} is not a folder")
    return sorted(path.glob("*.yaml"))


def _read_user_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as err:
        raise CatalogError(str(path), message=f"cannot be read ({err.strerror})") from None


def _parse(text: str, source: str) -> _CatalogFile:
    from career_workbook.store import read_yaml

    try:
        data = read_yaml(text)  # as a workbook is read: fast, safe, no duplicate keys
    except yaml.YAMLError as err:
        raise CatalogError(source, message=f"is not valid YAML: {err}") from None
    if data is None:
        return _CatalogFile()
    if not isinstance(data, dict):
        raise CatalogError(source, message="must be a mapping with 'skills:' and/or 'roles:'")
    try:
        parsed = _CatalogFile.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        loc = tuple(first.get("loc", ()))
        value = first.get("input") if first.get("type") != "missing" else None
        message = first.get("msg", "invalid").removeprefix("Value error, ")
        raise CatalogError(source, field_path(loc), value, message) from None
    for key, names in (
        ("skills", [s.name for s in parsed.skills]),
        ("roles", [r.id for r in parsed.roles]),
    ):
        seen: set[str] = set()
        for i, name in enumerate(names):
            if name in seen:
                field = f"{key}[{i}].{'name' if key == 'skills' else 'id'}"
                raise CatalogError(source, field, name, "is used twice in this file")
            seen.add(name)
    return parsed


def _check_role_skills(
    roles: Mapping[str, RoleProfile],
    skills: Mapping[str, SkillInfo],
    origin: Mapping[str, tuple[str, int]],
) -> None:
    for role in roles.values():
        for name in role.skills:
            if name not in skills:
                source, index = origin[role.id]
                hint = _close(name, skills)
                raise CatalogError(
                    source,
                    f"roles[{index}].skills.{name}",
                    name,
                    "is not a skill in the taxonomy" + (f" (did you mean {hint}?)" if hint else ""),
                )


def synonym_words(synonym: str) -> str:
    """A synonym (or a skill's name) as a posting is read for it: without its marks
    (``=``, ``?``, ``!``, ``@Other Skill``), case and word endings ignored
    (:func:`~career_workbook.analysis.posting.normalise_word`).

    >>> synonym_words("?Containers @Kubernetes"), synonym_words("=Django")
    ('container', 'django')
    """
    from career_workbook.analysis.posting import normalise_word

    words = synonym.split(" @")[0].lstrip("=?!").casefold()
    return " ".join(normalise_word(w) for w in re.findall(r"[\w+#./-]+", words))


def _check_shared_synonyms(skills: Mapping[str, SkillInfo],
                           added: Mapping[str, tuple[str, int]]) -> None:
    """One word names one skill: a synonym of a skill from an extension file (``added``:
    name -> (file, index)) that another skill also lists, or that is another skill's name,
    would credit one word of a posting (and one skill a person holds) to both."""
    if not added:
        return
    owner: dict[str, str] = {}
    for name in skills:
        owner.setdefault(synonym_words(name), name)
    for name, info in skills.items():
        if name in added:
            continue
        for synonym in info.synonyms:
            owner.setdefault(synonym_words(synonym), name)
    for name, (source, index) in added.items():
        for j, synonym in enumerate(skills[name].synonyms):
            key = synonym_words(synonym)
            other = owner.setdefault(key, name)
            if other != name:
                raise CatalogError(
                    source, f"skills[{index}].synonyms[{j}]", synonym,
                    f"already names the skill {other}: one word names one skill, or a posting "
                    f"saying it would count for both; keep it under the skill it names best")


# ----------------------------------------------------------------------------------------
# Small pure helpers
# ----------------------------------------------------------------------------------------
_STOP = frozenset({"a", "an", "and", "of", "the", "in", "for", "at", "to", "with", "or"})
_ABBREV = {
    "snr": "senior",
    "sr": "senior",
    "jr": "junior",
    "mgr": "manager",
    "eng": "engineer",
    "ops": "operations",
}
_MIN_EVIDENCE = 2.0  # a match needs more than one very common word such as "manager"


def _tokens(text: str) -> tuple[str, ...]:
    words = re.findall(r"[a-z0-9]+", text.casefold())
    return tuple(t for w in words if w not in _STOP for t in _ABBREV.get(w, w).split())


def _idf(names: Iterable[tuple[str, ...]]) -> dict[str, float]:
    docs = [set(n) for n in names]
    counts: dict[str, int] = {}
    for doc in docs:
        for token in doc:
            counts[token] = counts.get(token, 0) + 1
    return {t: math.log(1 + len(docs) / c) for t, c in counts.items()}


@functools.lru_cache(maxsize=8192)
def _word_similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    matcher = difflib.SequenceMatcher(None, a, b)
    if matcher.real_quick_ratio() < 0.8 or matcher.quick_ratio() < 0.8:
        return 0.0
    return matcher.ratio()


def _similarity(
    query: tuple[str, ...],
    cand: tuple[str, ...],
    weights: dict[str, float],
    similar: dict[str, dict[str, float]],
) -> float:
    """Weighted token overlap (fuzzy per word), blended with whole-string similarity."""
    rare = max(weights.values(), default=1.0)

    def w(token: str) -> float:
        return weights.get(token, rare)

    matched = 0.0
    for token in query:
        best = max(similar[token].get(c, 0.0) for c in cand)
        if best >= 0.8:
            matched += w(token) * best
    if matched < _MIN_EVIDENCE:
        return 0.0
    overlap = matched / sum(w(t) for t in query)
    coverage = sum(w(t) for t in cand if t in query) / sum(w(t) for t in cand)
    whole = difflib.SequenceMatcher(None, " ".join(query), " ".join(cand)).ratio()
    return 0.45 * overlap + 0.25 * coverage + 0.3 * whole


def _by_casefold(items: Mapping[str, Any], key: str) -> Any:
    wanted = key.casefold().strip()
    for name, item in items.items():
        if name.casefold() == wanted:
            return item
    return None


def _close(key: str, names: Iterable[str]) -> str:
    names = list(names)
    lowered = {n.casefold(): n for n in names}
    hits = difflib.get_close_matches(key.casefold(), list(lowered), n=3, cutoff=0.6)
    return ", ".join(repr(lowered[h]) for h in hits)


def _unknown(kind: str, key: str, names: Iterable[str]) -> str:
    hint = _close(key, names)
    return f"no {kind} {key!r}" + (f"; close matches: {hint}" if hint else "")


def _short(value: Any, limit: int = 80) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."
