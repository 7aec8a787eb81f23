"""The store's fast YAML reader: the same workbooks, and the same errors, as the full loader."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from unittest import mock

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from career_workbook import store
from career_workbook.model import WorkbookError, new_workbook

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "workbooks"
TODAY = date(2026, 11, 22)


def _full_parse(text: str):
    """What the full safe loader builds (or the type of its error)."""
    try:
        return yaml.load(text, Loader=store._Loader)
    except Exception as err:  # noqa: BLE001 - compared by type only
        return type(err)


def _fast_parse(text: str):
    try:
        return store._fast_yaml(text)
    except store._Unusual:
        return "unusual"


def _step_aside(text: str):
    raise store._Unusual("switched off for the test")


def _full_load(path: Path):
    """``store.load`` with the fast reader switched off: the reference."""
    with mock.patch.object(store, "_fast_yaml", _step_aside):
        return store.load(path)


def _outcome(call, *args):
    try:
        return call(*args)
    except WorkbookError as err:
        return ("WorkbookError", str(err))


def test_load_equals_the_full_loader_on_the_examples():
    paths = sorted(EXAMPLES.glob("*.yaml"))
    assert paths
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert store._fast_yaml(text) == yaml.load(text, Loader=store._Loader)  # no fallback
        assert store.load(path) == _full_load(path)


@pytest.mark.parametrize("text", [
    "person: {name: Sam}\n",
    "person: &p {name: Sam}\nother: *p\n",  # alias: refused by store
    "person: {name: Sam}\nperson: {name: Al}\n",  # duplicate key
    "person: {name: Sam}\nbase: &b {x: 1}\nmore: {<<: *b, y: 2}\n",  # merge key
    "person: {name: Sam, start_date: 2026-02-30}\n",  # bad date stays text -> field error
    "person: {name: Sam, start_date: '2026-02-03'}\n",  # quoted date is text
    "person: {name: !!str 5}\n",
    "person: {name: !!binary aGk=}\n",
    "person: {name: Sam}\nvalues: !!set {a, b}\n",
    "person: {name: Sam}\n1: x\n",  # int key
    "person: {name: Sam}\n? [a]\n: x\n",  # non-scalar key
    "",  # empty
    "- a\n- b\n",  # list at the top
    "just text",
    "person: {name: Sam}\n---\nperson: {name: Al}\n",  # two documents
    "person: {name: [unclosed\n",
    "person: {name: Sam, coach: yes, organisation: ~, current_role: 0x1F}\n",
    "person: {name: 'Sam', target_role: 1_000, coach: .inf}\n",
    "[" * 2000 + "]" * 2000,
    "person: {name: Sam}\nx: " + "[" * 300 + "]" * 300 + "\n",
])
def test_load_gives_the_same_result_or_the_same_error(tmp_path, text):
    path = tmp_path / "w.yaml"
    path.write_text(text, encoding="utf-8")
    assert _outcome(store.load, path) == _outcome(_full_load, path)
    fast = _fast_parse(text)
    assert fast == "unusual" or fast == _full_parse(text)


FRAGMENTS = ["a", "b: ", ": ", "- ", "\n", "  ", "'", '"', "&x ", "*x", "<<", "!!str ",
             "!!int ", "2026-01-01", "2026-13-40", "yes", "~", "1e3", "0x1F", "{", "}", "[",
             "]", ",", "#", "? ", "|\n  ", ">-\n  ", "é", "\t", "12:30", ".nan", "- - ",
             "!", "! ", "!!map ", "---\n", "...\n", "x:\n  - ", "x:\n  y: ", "{a: 1, a: 2}",
             "'1': ", "1: ", "null: ", "[1, 2]", "\n- x\n", "2026-01-01 10:00:00"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=25).map("".join))
def test_fast_yaml_equals_the_full_loader_or_steps_aside(text):
    fast = _fast_parse(text)
    if fast != "unusual":
        assert fast == _full_parse(text)


scalars = st.one_of(
    st.sampled_from(["yes", "No", "on", "~", "null", "1e3", "0x1F", "0o17", "1_000", ".inf",
                     "-.nan", "12:30:00", "2026-01-01", "2026-13-01", "2026-01-01 10:00",
                     "@x", "'q'", '"q"', "a: b", "- a", "# c", "&a", "*a", "!t", "", " ",
                     "line1\nline2", "é ß 🎉"]),
    st.text(max_size=20), st.integers(), st.floats(allow_nan=False), st.booleans(),
    st.none(), st.dates())
trees = st.recursive(scalars, lambda kids: st.lists(kids, max_size=4)
                     | st.dictionaries(st.text(min_size=1, max_size=10), kids, max_size=4),
                     max_leaves=25)


@settings(max_examples=300, deadline=None)
@given(tree=st.dictionaries(st.text(min_size=1, max_size=10), trees, min_size=1, max_size=5),
       flow=st.sampled_from([None, True, False]), width=st.sampled_from([20, 80]))
def test_fast_yaml_equals_the_full_loader_on_dumped_trees(tree, flow, width):
    text = yaml.safe_dump(tree, default_flow_style=flow, width=width, allow_unicode=True)
    fast = _fast_parse(text)
    assert fast == _full_parse(text) or fast == "unusual"


def test_fast_yaml_builds_nested_documents_like_the_full_loader():
    text = ("person: {name: Sam, start_date: 2026-01-05}\ngoals:\n- id: g1\n  text: 'Ship: it'"
            "\n  milestones:\n  - {title: a, due: 2026-02-01}\n  - title: b\n    done_on: null"
            "\n  skills: []\nnotes: |\n  two\n  lines\nn: [1, 2.5, true, ~, '3']\n")
    assert store._fast_yaml(text) == yaml.load(text, Loader=store._Loader)


def test_deep_nesting_is_left_to_the_full_loader_which_refuses_it():
    limit = store._MAX_DEPTH
    ok = "person: {name: Sam}\nx: " + "[" * (limit - 1) + "]" * (limit - 1) + "\n"
    assert _fast_parse(ok) == _full_parse(ok)  # 50 levels, the root mapping included
    deep = "person: {name: Sam}\nx: " + "[" * limit + "]" * limit + "\n"
    assert _fast_parse(deep) == "unusual"
    with pytest.raises(WorkbookError, match=r"nested too deeply at line 2, column 53 "):
        store.loads(deep)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.text(min_size=1, max_size=30).filter(str.strip),
       note=st.text(max_size=60), role=st.text(max_size=30))
def test_load_round_trips_odd_text(tmp_path_factory, name, note, role):
    wb = new_workbook(name, today=TODAY, target_role=role)
    wb.strengths.append(note if note.strip() else "x")
    path = tmp_path_factory.mktemp("rt") / "w.yaml"
    path.write_text(store.dumps(wb), encoding="utf-8")
    assert _outcome(store.load, path) == _outcome(_full_load, path)


# ----------------------------------------------------------------------------------------
# load(clean=False): no folder listing, for read-only batches
# ----------------------------------------------------------------------------------------
def test_load_without_cleaning_does_not_list_the_folder(tmp_path, monkeypatch):
    path = tmp_path / "a.yaml"
    path.write_text("person: {name: A}\n", encoding="utf-8")
    leftover = tmp_path / f".a.yaml.{'0' * 16}.tmp"  # what a crashed save leaves
    leftover.write_bytes(b"half")
    with monkeypatch.context() as patched:
        patched.setattr(store.os, "listdir", lambda *a: pytest.fail("listed the folder"))
        assert store.load(path, clean=False).person.name == "A"
    assert leftover.exists()
    assert store.load(path).person.name == "A"
    assert not leftover.exists()
