"""The benchmark's quick run, as a smoke test: it runs end to end and measures something.

Figures are not asserted: they depend on the machine, and the benchmark
reports them as ratios against plain Material from the same run. Lighthouse is
the benchmark's alone (an npm package `make bench` installs), so it is left
out here. The run drives Chromium, hence the `browser` marker; QB_SKIP_BROWSER=1
keeps the builds and skips the browser's measurements.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bench import run
from bench.scale import REAL_BANK, replicated, write_bank
from question_bank.loader import load_bank

from support import ROOT

pytestmark = pytest.mark.browser

REAL = yaml.safe_load(REAL_BANK.read_bytes())


def test_a_scaled_bank_is_the_real_bank_then_renamed_copies(tmp_path: Path) -> None:
    real = len(REAL["questions"])
    write_bank(tmp_path / "bank.yaml", 2 * real + 3)
    bank = load_bank(tmp_path / "bank.yaml", max_bytes=1 << 30)  # valid, as the build will find it
    ids = [question.id for question in bank.questions]
    assert len(set(ids)) == 2 * real + 3
    assert replicated(REAL, real) == REAL
    assert ids[real + 1] == f"copy1-{REAL['questions'][1]['id']}"
    assert ids[2 * real] == f"copy2-{REAL['questions'][0]['id']}"
    assert bank.questions[real + 1].title == REAL["questions"][1]["title"]


def test_links_point_into_their_own_copy_or_become_text() -> None:
    real = len(REAL["questions"])
    linking = next(index for index, question in enumerate(REAL["questions"]) if _link_targets(question))
    grown = replicated(REAL, real + linking + 1)["questions"][-1]
    assert _link_targets(grown) and all(target.startswith("copy1-") for target in _link_targets(grown))
    cut = replicated(REAL, linking + 1)["questions"]
    assert set(_link_targets(cut[-1])) <= {question["id"] for question in cut}


def _link_targets(question: dict) -> list[str]:
    """The question ids that the Markdown of `question` links to, as `](../<id>/`."""
    return [part.split("/", 1)[0] for part in json.dumps(question, default=str).split("](../")[1:]]


def test_quick_run_measures_both_sites(tmp_path: Path) -> None:
    skip_browser = bool(os.environ.get("QB_SKIP_BROWSER"))
    # A process of its own, as `make bench` runs it: Playwright's sync API
    # cannot start a second time inside the browser tests' running session.
    completed = subprocess.run(
        [sys.executable, "-m", "bench.run", "--quick", "--no-lighthouse", "--out", str(tmp_path),
         *(["--no-browser"] if skip_browser else [])],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT / "scripts")}, capture_output=True, text=True, timeout=900,
    )
    assert completed.returncode == 0, completed.stderr

    results = json.loads((tmp_path / "bench.json").read_text(encoding="utf-8"))
    assert list(results["builds"]) == [str(size) for size in run.QUICK_SIZES]
    for at in results["builds"].values():
        assert all(at[site]["wall_seconds"] > 0 and at[site]["peak_rss_mb"] > 0 for site in ("A", "B"))
    if not skip_browser:
        for at in results["first_visit"].values():
            assert all(at[site]["html"] > 0 and at[site]["css"] > 0 and at[site]["js"] > 0 for site in ("A", "B"))
        searched = results["search"][str(run.SEARCH_SIZES[True])]
        for site in ("A", "B"):
            assert [search["term"] for search in searched[site]["searches"]] == [
                question["keywords"][0] for question in REAL["questions"][:run.SEARCHED_QUESTIONS]]
            assert all(search["first_result_ms"] > 0 and search["results"] > 0 for search in searched[site]["searches"])
    assert results["lighthouse"] == {}
    report = completed.stdout
    assert report == (tmp_path / "bench.md").read_text(encoding="utf-8")
    assert "| 100 |" in report and "### Build time" in report
