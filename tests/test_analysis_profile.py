"""analysis.profile: ranked values and the Holland code."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from career_workbook.analysis.profile import (
    RANKED_VALUES_COLUMNS,
    ranked_values,
    riasec_code,
    riasec_frame,
)
from career_workbook.model import RIASEC, Interests


def test_ranked_values_ties_alphabetical_and_sharing_a_rank(rich_wb):
    ranked = ranked_values(rich_wb)
    assert list(ranked.columns) == list(RANKED_VALUES_COLUMNS)
    assert ranked[["rank", "name"]].values.tolist() == [
        [1, "Family"], [2, "Autonomy"], [2, "Learning"], [4, "Money"]]


def test_riasec_code_examples(rich_wb):
    assert riasec_code(rich_wb.interests) == "IAS"  # artistic and social tie at 20
    assert riasec_code(Interests(social=9, investigative=8, artistic=7)) == "SIA"
    assert riasec_code(Interests()) == ""
    assert riasec_code(None) == ""


@given(st.tuples(*[st.integers(0, 40)] * 6))
def test_riasec_code_is_the_top_three_positive_scores(scores):
    interests = Interests(**dict(zip(RIASEC, scores, strict=True)))
    code = riasec_code(interests)
    by_letter = {name[0].upper(): s for name, s in zip(RIASEC, scores, strict=True)}
    assert len(code) == min(3, sum(s > 0 for s in scores))
    assert len(set(code)) == len(code)
    assert all(by_letter[c] > 0 for c in code)
    # nothing left out scores higher than anything kept
    assert all(by_letter[o] <= min(by_letter[c] for c in code)
               for o in by_letter if code and o not in code)


def test_riasec_frame(rich_wb, empty_wb):
    frame = riasec_frame(rich_wb.interests)
    assert frame["letter"].tolist()[:3] == list("IAS")
    assert frame["rank"].tolist() == [1, 2, 3, 4, 5, 6]
    assert riasec_frame(empty_wb.interests).empty
    assert ranked_values(empty_wb).empty
