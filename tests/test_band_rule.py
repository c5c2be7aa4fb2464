"""The one band rule (question_bank.scorecard), case by case, and as bank.json ships it."""

from __future__ import annotations

import json

import pytest
import yaml
from question_bank.export import kit_data
from question_bank.model import MUST_HEAR_COUNT, RUBRIC_BANDS, SOLID_POINTS, STRONG_LOOK_FOR
from question_bank.scorecard import BAND_RULE, COUNTED, suggested_band

from support import FIXTURES, real_bank

CASES = yaml.safe_load((FIXTURES / "band-rule.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[case["case"] for case in CASES])
def test_the_band_rule_gives_each_case_its_band(case: dict) -> None:
    assert suggested_band({name: case[name] for name in COUNTED}) == case["band"]


def test_the_rule_is_built_from_the_models_numbers() -> None:
    solid = next(step for step in BAND_RULE if step["band"] == 3)
    assert solid["at_least"] == {"must_hear": MUST_HEAR_COUNT, "should_cover": SOLID_POINTS}
    strong = next(step for step in BAND_RULE if step["band"] == 4)
    assert strong["at_least"]["look_for"] == STRONG_LOOK_FOR
    assert [step["band"] for step in BAND_RULE] == sorted((number for number, _, _ in RUBRIC_BANDS), reverse=True)
    assert BAND_RULE[-1]["at_least"] == BAND_RULE[-1]["at_most"] == {}, "the last step must catch every answer"
    assert {name for step in BAND_RULE for name in (*step["at_least"], *step["at_most"])} <= set(COUNTED)


def test_bank_json_carries_the_rule_the_python_applies() -> None:
    shipped = json.loads(json.dumps(kit_data(real_bank())))
    assert shipped["band_rule"] == json.loads(json.dumps(BAND_RULE))
    for case in CASES:
        counts = {name: case[name] for name in COUNTED}
        assert suggested_band(counts, tuple(shipped["band_rule"])) == case["band"]


def test_a_list_with_nothing_ticked_may_be_left_out() -> None:
    # Counted as 0, as scoring.js does (`counts[name] ?? 0`).
    assert suggested_band({}) == 1
    assert suggested_band({"should_cover": 2}) == 2
    assert suggested_band({"must_hear": MUST_HEAR_COUNT, "should_cover": SOLID_POINTS, "look_for": STRONG_LOOK_FOR}) == 4


def test_a_rule_without_a_catch_all_step_is_refused() -> None:
    with pytest.raises(ValueError) as refused:
        suggested_band({}, BAND_RULE[:-1])
    assert str(refused.value) == "the band rule has no catch-all last step"
