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
    rows = re.findall(r"^\| (The fixtures, repeated to 100 KB|Longest fixture \(reference\)) \| ([\d,]+) \| ([\d.]+) ms \| ([\d.]+) ms "
                      r"\| ([\d.]+) ms \((\d+)\) \| ([\d.]+) ms \|$", completed.stdout, re.MULTILINE)
    assert [row[0] for row in rows] == ["The fixtures, repeated to 100 KB", "Longest fixture (reference)"]
    assert rows[0][1] == "100,000"
    (_, _, pasted, edited, longest_slice, slices, at_once), reference = rows
    assert float(pasted) > 0 and float(edited) > 0 and float(longest_slice) > 0 and float(at_once) > 0
    assert int(slices) >= 2 and int(reference[5]) >= 1  # 100 KB takes far longer than one slice (8 ms) anywhere
    assert all(float(figure) >= 0 for figure in reference[2:])  # a few KB can take under the timer's step
