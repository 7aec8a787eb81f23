"""The shipped skill taxonomy and role profiles, lookups, and user extension files."""

from __future__ import annotations

import textwrap
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from career_workbook.catalog import (
    CATEGORIES,
    ENV_VAR,
    CatalogError,
    RoleSkill,
    SkillInfo,
    load_catalog,
)
from career_workbook.model import SKILL_CATEGORIES

ONET_35 = {
    "Basic Skills - Content": [
        "Active Listening",
        "Mathematics",
        "Reading Comprehension",
        "Science",
        "Speaking",
        "Writing",
    ],
    "Basic Skills - Process": [
        "Active Learning",
        "Critical Thinking",
        "Learning Strategies",
        "Monitoring",
    ],
    "Complex Problem Solving Skills": ["Complex Problem Solving"],
    "Social Skills": [
        "Coordination",
        "Instructing",
        "Negotiation",
        "Persuasion",
        "Service Orientation",
        "Social Perceptiveness",
    ],
    "Technical Skills": [
        "Equipment Maintenance",
        "Equipment Selection",
        "Installation",
        "Operation and Control",
        "Operations Analysis",
        "Operations Monitoring",
        "Programming",
        "Quality Control Analysis",
        "Repairing",
        "Technology Design",
        "Troubleshooting",
    ],
    "Systems Skills": ["Judgment and Decision Making", "Systems Analysis", "Systems Evaluation"],
    "Resource Management Skills": [
        "Management of Financial Resources",
        "Management of Material Resources",
        "Management of Personnel Resources",
        "Time Management",
    ],
}
MODERN = [
    "Python",
    "SQL",
    "Machine Learning",
    "Data Visualisation",
    "Statistics",
    "Cloud Infrastructure",
    "Stakeholder Management",
    "Coaching",
    "Strategic Thinking",
    "Budgeting",
    "Clinical Governance",
    "Patient Safety",
    "Product Discovery",
    "User Research",
]
REQUIRED_ROLES = [
    "senior_data_scientist",
    "data_analyst",
    "healthcare_manager",
    "engineering_manager",
    "senior_software_engineer",
    "product_manager",
    "ux_designer",
    "project_manager",
    "marketing_manager",
    "operations_manager",
    "hr_business_partner",
    "team_lead",
    "cloud_engineer",
    "sales_manager",
]


@pytest.fixture(autouse=True)
def _no_env_catalog(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)


@pytest.fixture
def cat():
    return load_catalog()


def write(path, text):
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


# --- taxonomy -------------------------------------------------------------------------------
def test_all_35_onet_skills_are_present_flagged_and_grouped(cat):
    expected = {name: group for group, names in ONET_35.items() for name in names}
    assert len(expected) == 35
    for name, group in expected.items():
        info = cat.skills[name]
        assert info.onet is True, name
        assert info.onet_group == group, name
    assert sorted(s.name for s in cat.onet_skills()) == sorted(expected)


def test_modern_skills_present_and_not_flagged_onet(cat):
    for name in MODERN:
        assert name in cat.skills, name
        assert cat.skills[name].onet is False and cat.skills[name].onet_group is None


def test_categories_match_the_schema_and_each_is_populated(cat):
    assert CATEGORIES == SKILL_CATEGORIES
    for category in CATEGORIES:
        names = [s.name for s in cat.skills_in(category)]
        assert len(names) >= 10, category
        assert all(cat.skills[n].category == category for n in names)
    assert sum(len(cat.skills_in(c)) for c in CATEGORIES) == len(cat.skills)


def test_descriptions_are_single_short_lines(cat):
    for skill in cat.skills.values():
        assert "\n" not in skill.description and 10 <= len(skill.description) <= 120, skill.name


def test_skills_in_rejects_unknown_category_naming_it(cat):
    with pytest.raises(ValueError, match="'cooking'"):
        cat.skills_in("cooking")


def test_skill_lookup_is_case_insensitive_with_close_matches(cat):
    assert cat.skill("machine learning").name == "Machine Learning"
    with pytest.raises(KeyError, match="Statistics"):
        cat.skill("Statistcs")


# --- roles ----------------------------------------------------------------------------------
def test_at_least_twelve_roles_including_the_required_ids(cat):
    assert len(cat.roles) >= 12
    assert set(REQUIRED_ROLES) <= set(cat.roles)
    titles = [r.title.casefold() for r in cat.roles.values()]
    assert len(set(titles)) == len(titles)


@pytest.mark.parametrize("role_id", sorted(load_catalog().roles))
def test_role_profile_shape(cat, role_id):
    role = cat.roles[role_id]
    assert role.id == role_id
    assert 8 <= len(role.skills) <= 14
    for name, need in role.skills.items():
        assert name in cat.skills, f"{role_id}: {name!r} is not in the taxonomy"
        assert 0 <= need.target <= 5 and 1 <= need.importance <= 5
    categories = {cat.skills[name].category for name in role.skills}
    assert len(categories) >= 3, (role_id, categories)
    assert any(n.importance == 5 for n in role.skills.values())
    assert 20 <= len(role.summary) <= 300 and role.family


def test_every_role_skill_exists_in_the_taxonomy(cat):
    missing = [(r.id, s) for r in cat.roles.values() for s in r.skills if s not in cat.skills]
    assert missing == []


def test_role_lookup_by_id_and_title(cat):
    assert cat.role("ux_designer").title == "UX Designer"
    assert cat.role("Senior Data Scientist").id == "senior_data_scientist"
    assert cat.role("  healthcare MANAGER ").id == "healthcare_manager"


def test_role_lookup_failure_lists_close_matches(cat):
    with pytest.raises(KeyError) as info:
        cat.role("senior data scientst")
    assert "Senior Data Scientist" in str(info.value)
    with pytest.raises(KeyError, match="no role 'zookeeper'"):
        cat.role("zookeeper")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Senior Data Scientist", "senior_data_scientist"),
        ("senior data scientist", "senior_data_scientist"),
        ("Snr Data Scientist", "senior_data_scientist"),
        ("healthcare manager", "healthcare_manager"),
        ("Ward Manager", "healthcare_manager"),
        ("Eng Manager", "engineering_manager"),
        ("Product Designer", "ux_designer"),
        ("Lead Cloud Engineer (AWS)", "cloud_engineer"),
        ("team leader", "team_lead"),
        ("HR business partner", "hr_business_partner"),
    ],
)
def test_find_role_matches_free_text(cat, text, expected):
    assert cat.find_role(text).id == expected


@pytest.mark.parametrize("text", ["astronaut", "manager", "", None, "   ", "Chef"])
def test_find_role_returns_none_without_a_convincing_match(cat, text):
    assert cat.find_role(text) is None


def test_every_role_is_found_by_its_own_title_and_aliases(cat):
    for role in cat.roles.values():
        for name in [role.title, *role.aliases]:
            assert cat.find_role(name).id == role.id, name


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=40))
def test_find_role_never_raises(text):
    found = load_catalog().find_role(text)
    assert found is None or found.id in load_catalog().roles


# --- models ---------------------------------------------------------------------------------
def test_models_are_strict_and_forbid_unknown_keys():
    with pytest.raises(ValidationError):
        RoleSkill(target="3", importance=2)
    with pytest.raises(ValidationError):
        RoleSkill(target=6, importance=2)
    with pytest.raises(ValidationError):
        SkillInfo(name="X", category="technical", description="d", colour="red")
    with pytest.raises(ValidationError, match="onet_group"):
        SkillInfo(name="X", category="soft", description="d", onet=True)


# --- loading, caching, extensions -----------------------------------------------------------
def test_loading_is_cached_and_returns_independent_catalogs():
    first = load_catalog()
    first.roles.pop("ux_designer")
    first.skills.clear()
    second = load_catalog()
    assert "ux_designer" in second.roles and "Python" in second.skills
    assert second.roles["data_analyst"] is load_catalog().roles["data_analyst"]


USER_FILE = """\
skills:
  - name: Beekeeping
    category: domain
    description: Keeping bees healthy and productive.
roles:
  - id: apiarist
    title: Apiarist
    family: Agriculture
    summary: Looks after hives and the people who buy the honey.
    skills:
      Beekeeping: {target: 4, importance: 5}
      Patient Safety: {target: 1, importance: 1}
      Negotiation: {target: 2, importance: 2}
  - id: data_analyst
    title: Data Analyst
    family: Data
    summary: Our organisation's own version of the analyst role.
    skills:
      SQL: {target: 5, importance: 5}
      Python: {target: 4, importance: 4}
"""


def test_user_file_adds_a_role_and_a_skill_and_overrides_a_role(tmp_path):
    path = write(tmp_path / "ours.yaml", USER_FILE)
    cat = load_catalog(extra=[path])
    assert cat.role("apiarist").skills["Beekeeping"].target == 4
    assert cat.skills["Beekeeping"].category == "domain"
    assert set(cat.roles["data_analyst"].skills) == {"SQL", "Python"}
    assert len(cat.roles) == len(load_catalog().roles) + 1
    # the shipped catalog is untouched
    assert "apiarist" not in load_catalog().roles
    assert len(load_catalog().roles["data_analyst"].skills) > 2


def test_env_var_folder_is_loaded(tmp_path, monkeypatch):
    folder = tmp_path / "catalog"
    folder.mkdir()
    write(folder / "bees.yaml", USER_FILE)
    write(folder / "notes.txt", "not a catalog file, ignored")
    monkeypatch.setenv(ENV_VAR, str(folder))
    assert "apiarist" in load_catalog().roles
    monkeypatch.delenv(ENV_VAR)
    assert "apiarist" not in load_catalog().roles


def test_explicit_extra_files_apply_after_the_env_folder(tmp_path, monkeypatch):
    folder = tmp_path / "catalog"
    folder.mkdir()
    write(folder / "a.yaml", USER_FILE)
    later = write(
        tmp_path / "later.yaml",
        """\
        roles:
          - id: apiarist
            title: Head Beekeeper
            family: Agriculture
            summary: The later file wins.
            skills:
              Beekeeping: {target: 5, importance: 5}
        """,
    )
    monkeypatch.setenv(ENV_VAR, str(folder))
    assert load_catalog(extra=[later]).role("apiarist").title == "Head Beekeeper"


def test_env_var_that_is_not_a_folder_is_an_error(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "nowhere"))
    with pytest.raises(CatalogError, match="nowhere.*is not a folder"):
        load_catalog()


@pytest.mark.parametrize(
    ("body", "field", "value"),
    [
        (
            """\
         roles:
           - id: chef
             title: Chef
             family: Hospitality
             summary: Cooks.
             skills:
               Python: {target: 7, importance: 3}
         """,
            "roles[0].skills.Python.target",
            "7",
        ),
        (
            """\
         roles:
           - id: chef
             title: Chef
             family: Hospitality
             summary: Cooks.
             skills:
               Knife Skills: {target: 4, importance: 3}
         """,
            "roles[0].skills.Knife Skills",
            "'Knife Skills'",
        ),
        (
            """\
         skills:
           - name: Knife Skills
             category: cooking
             description: Chopping.
         """,
            "skills[0].category",
            "'cooking'",
        ),
        (
            """\
         roles:
           - id: Head Chef
             title: Chef
             family: Hospitality
             summary: Cooks.
             skills:
               Python: {target: 1, importance: 1}
         """,
            "roles[0].id",
            "'Head Chef'",
        ),
        (
            """\
         skills:
           - name: Knife Skills
             category: domain
             description: Chopping.
             level: 3
         """,
            "skills[0].level",
            "3",
        ),
    ],
)
def test_bad_user_file_names_file_field_and_value(tmp_path, body, field, value):
    path = write(tmp_path / "broken.yaml", body)
    with pytest.raises(CatalogError) as info:
        load_catalog(extra=[path])
    message = str(info.value)
    assert str(path) in message
    assert f"{field} = {value}" in message
    assert info.value.field == field


def test_unreadable_or_malformed_files_name_the_file(tmp_path):
    with pytest.raises(CatalogError, match="missing.yaml.*cannot be read"):
        load_catalog(extra=[tmp_path / "missing.yaml"])
    bad = write(tmp_path / "bad.yaml", "roles: [unclosed\n")
    with pytest.raises(CatalogError, match="bad.yaml.*not valid YAML"):
        load_catalog(extra=[bad])
    listy = write(tmp_path / "list.yaml", "- just\n- a list\n")
    with pytest.raises(CatalogError, match="list.yaml.*must be a mapping"):
        load_catalog(extra=[listy])
    dup = write(
        tmp_path / "dup.yaml",
        """\
        skills:
          - {name: Knife Skills, category: domain, description: Chopping.}
          - {name: Knife Skills, category: domain, description: Chopping again.}
        """,
    )
    with pytest.raises(CatalogError, match=r"skills\[1\]\.name = 'Knife Skills'"):
        load_catalog(extra=[dup])


def test_a_key_written_twice_is_refused_not_silently_overwritten(tmp_path):
    # read as a workbook is (store.read_yaml): the second "description" would otherwise
    # replace the first without a word
    twice = write(
        tmp_path / "twice.yaml",
        """\
        skills:
          - name: Knife Skills
            category: domain
            description: Chopping.
            description: Chopping again.
        """,
    )
    with pytest.raises(CatalogError, match=r"(?s)twice.yaml.*not valid YAML.*duplicate key "
                                           r"'description'"):
        load_catalog(extra=[twice])


def test_shipped_catalog_reads_the_same_with_the_fast_reader_and_the_safe_loader():
    import yaml

    from career_workbook import catalog, store

    folder = resources.files("career_workbook.catalog")
    for name in catalog._SHIPPED:
        text = folder.joinpath(name).read_text(encoding="utf-8")
        fast = store._fast_yaml(text)  # raises if the file needs the full loader
        assert fast == yaml.load(text, Loader=yaml.CSafeLoader)
        assert store.read_yaml(text) == fast


def test_empty_user_file_changes_nothing(tmp_path):
    empty = write(tmp_path / "empty.yaml", "# nothing yet\n")
    assert load_catalog(extra=[empty]).roles.keys() == load_catalog().roles.keys()


SHARED_ON_PURPOSE: dict[str, set[str]] = {}
"""Synonyms the catalog lists under more than one skill on purpose ({word: skills}): none.
A word listed under two skills credits one mention (and one held skill) to both."""


def test_no_synonym_is_listed_under_two_skills(cat):
    from career_workbook.catalog import synonym_words

    where: dict[str, set[str]] = {}
    for name, info in cat.skills.items():
        for synonym in info.synonyms:
            where.setdefault(synonym_words(synonym), set()).add(name)
    shared = {word: skills for word, skills in where.items() if len(skills) > 1}
    assert shared == SHARED_ON_PURPOSE, sorted(shared.items())
    names = {synonym_words(name): name for name in cat.skills}
    other = {word: (names[word], skills) for word, skills in where.items()
             if word in names and skills != {names[word]}}
    assert other == {}, other


def test_a_shared_word_of_the_posting_counts_for_one_skill():
    # the person holds both skills that "Django" and "network security" used to name
    from datetime import date

    import career_workbook as cw

    for held, posting, credited in (
            (["Python", "Web Development"], "Must have Django experience.", "Web Development"),
            (["Networking", "Security Engineering"], "A network security background.",
             "Security Engineering"),
            (["Python", "Machine Learning"], "You use scikit-learn daily.",
             "Machine Learning")):
        wb = cw.new_workbook("Nova Person", today=date(2026, 11, 1))
        wb.skills = [cw.Skill(name=h, target_level=4) for h in held]
        wb.assessments = [cw.Assessment(date=date(2026, 11, 1), ratings=dict.fromkeys(held, 4))]
        assert [f.skill for f in cw.fit_to_posting(wb, posting).skills] == [credited]


@pytest.mark.parametrize(("text", "field", "other"), [
    # a word a shipped skill lists, a shipped skill's name, and two new skills sharing one
    ("skills: [{name: Django, category: technical, description: The framework.,"
     " synonyms: [django rest framework, fastapi]}]", "skills[0].synonyms[1]",
     "Web Development"),
    ("skills: [{name: Data Wrangling, category: technical, description: Cleaning data.,"
     " synonyms: [=SQL]}]", "skills[0].synonyms[0]", "SQL"),
    ("skills: [{name: Baking, category: domain, description: Bread., synonyms: [sourdough]},"
     " {name: Pastry, category: domain, description: Cakes., synonyms: [Sourdoughs]}]",
     "skills[1].synonyms[0]", "Baking"),
])
def test_an_extension_synonym_another_skill_has_is_refused_naming_it(text, field, other):
    with pytest.raises(CatalogError) as err:
        load_catalog(files=(("mine.yaml", text),))
    assert err.value.field == field and err.value.source == "mine.yaml"
    assert f"already names the skill {other}: one word names one skill" in str(err.value)


def test_an_extension_may_replace_a_skill_with_its_own_words():
    text = ("skills: [{name: Python, category: technical, description: Python.,"
            " synonyms: [pandas, django]}]")  # Web Development keeps "django": refused
    with pytest.raises(CatalogError, match="Web Development"):
        load_catalog(files=(("mine.yaml", text),))
    ok = text.replace(", django", "")
    assert load_catalog(files=(("mine.yaml", ok),)).skills["Python"].synonyms == ["pandas"]
