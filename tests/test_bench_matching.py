"""The benchmark of the kit page's matching speed runs and measures something (issue 14).

Timings are not asserted: they depend on the machine; `make bench` reports them.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from support import ROOT

pytestmark = pytest.mark.browser


def test_matching_speed_is_measured_in_the_page() -> None:
    # A process of its own: Playwright's sync API cannot start twice in one session.
    completed = subprocess.run(
        [sys.executable, "-m", "bench.matching_speed"],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT / "scripts"), "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True, text=True, timeout=600,
    )
    assert completed.returncode == 0, completed.stderr
    rows = re.findall(r"^\| (The fixtures, repeated to 100 KB|Longest fixture \(reference\)) \| ([14])× \| ([\d,]+) "
                      r"\| ([\d.]+) ms \| ([\d.]+) ms \| ([\d.]+) ms \((\d+)\) \| ([\d.]+) ms \|$", completed.stdout, re.MULTILINE)
    long, reference = "The fixtures, repeated to 100 KB", "Longest fixture (reference)"
    assert [row[:2] for row in rows] == [(long, "1"), (reference, "1"), (long, "4"), (reference, "4")]
    assert {row[2] for row in rows if row[0] == long} == {"100,000"}
    for posting, _, _, pasted, edited, longest_slice, slices, one_go in rows:
        assert int(slices) >= (2 if posting == long else 1)  # 100 KB takes far longer than one slice (8 ms) anywhere
        # A few KB can take under the timer's step; 100 KB cannot.
        assert all(float(figure) > 0 if posting == long else float(figure) >= 0 for figure in (pasted, edited, longest_slice, one_go))
