"""`make mutation`'s report: a run of some modules replaces their verdicts and
keeps every other module's, each row naming the run its verdicts come from."""

from __future__ import annotations

from mutation_testing import NO_REPORT, merged, score_table


def run(commit: str) -> dict:
    return {"command": "make mutation", "commit": commit, "date": "2026-12-06 11:00 UTC", "minutes": 1.0}


FULL = {
    "runs": {"kit": run("aaa"), "render": run("aaa")},
    "verdicts": {"question_bank.kit.x_main__mutmut_1": "survived", "question_bank.kit.x_main__mutmut_2": "killed",
                 "question_bank.render.x_title__mutmut_1": "survived"},
    "diffs": {"question_bank.kit.x_main__mutmut_1": "-a\n+b", "question_bank.render.x_title__mutmut_1": "-c\n+d"},
}
KIT_AGAIN = {
    "runs": {"kit": run("bbb")},
    "verdicts": {"question_bank.kit.x_main__mutmut_1": "killed", "question_bank.kit.x_main__mutmut_3": "timeout"},
    "diffs": {},
}


def test_a_module_run_replaces_that_modules_verdicts_and_keeps_the_others() -> None:
    report = merged(FULL, KIT_AGAIN)
    assert report == {
        "runs": {"kit": run("bbb"), "render": run("aaa")},
        "verdicts": {"question_bank.kit.x_main__mutmut_1": "killed", "question_bank.kit.x_main__mutmut_3": "timeout",
                     "question_bank.render.x_title__mutmut_1": "survived"},
        "diffs": {"question_bank.render.x_title__mutmut_1": "-c\n+d"},
    }


def test_a_full_run_keeps_nothing_from_before() -> None:
    assert merged(NO_REPORT, KIT_AGAIN) == KIT_AGAIN


def test_each_modules_row_names_its_run_and_timeouts_count_as_killed() -> None:
    rows = score_table(merged(FULL, KIT_AGAIN))
    assert rows[2:] == [
        "| `kit.py` | 2 | 2 | 100.0% | `make mutation` at bbb, 2026-12-06 11:00 UTC, 1.0 min |",
        "| `render.py` | 0 | 1 | 0.0% | `make mutation` at aaa, 2026-12-06 11:00 UTC, 1.0 min |",
        "| **all** | 2 | 3 | 66.7% |  |",
    ]
