"""The page's matching.js, run by Node over what bank.json carries, agrees with
matching.py on every fixture posting: level, ranking, kit at every level and
budget, and gaps. The browser test checks the same in Chromium; this one runs
with the fast tests, so that mutation testing sees a change to what the
export hands the page (`kit_rules`) and a drift of either side."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from question_bank.export import kit_data
from question_bank.matching import BUDGETS, DEFAULT_BUDGET, infer_level, kit, rank, stems, uncovered
from question_bank.model import LEVELS

from support import AWKWARD_WORDS, FIXTURES, ROOT, real_bank

BANK = real_bank()
MATCHING_JS = ROOT / "docs" / "javascripts" / "kit" / "matching.js"
FIXTURE_POSTINGS = {path.stem: path.read_text(encoding="utf-8") for path in sorted((FIXTURES / "job-descriptions").glob("*.md"))}
# Texts no fixture has: nothing, level words alone, a gap alone, an optional section.
POSTINGS = FIXTURE_POSTINGS | {
    "empty": "",
    "level-only": "Senior engineer. 7+ years of experience.",
    "gap-only": "We run Kubernetes and GraphQL.",
    "optional-only": "Requirements: Python, asyncio.\n\nNice to have\n\nKubernetes, Celery, Django.",
    "others-level": "Python developer\n\nYou will mentor junior engineers and report to a senior manager; asyncio.",
    "odd-line-breaks": "Python Developer\u2028Senior role\x0cconstructor toString\r\nWe ask for 2+ years of asyncio.",
    "indented-bonus": "Python Developer\n\nWhat we offer\n  Bonus scheme and equity\n- asyncio services\n",
    "others-first": "Mentor junior developers on our Python team: pytest and asyncio.",
    "level-tie": "Python Developer\nJunior or senior candidates welcome; Django.",
}
# Long enough (thousands of words) that the page reads it ahead in many steps.
POSTINGS["all-fixtures"] = "\n\n".join(FIXTURE_POSTINGS.values())

# Reads {data, postings, words} on stdin; prints what matching.js makes of each.
NODE_SCRIPT = """
import { readFileSync } from "node:fs";
const m = await import(process.argv[1]);
const { data, postings, words, levels, ahead } = JSON.parse(readFileSync(0, "utf8"));
const { budgets, default_budget: defaultBudget } = data.matching; // as the page offers them
const plain = (ranked) => ranked.map(({ question, level, score, matches }) => ({ question, level, score, matches }));
const take = (steps, count = Infinity) => { for (let step = 0; step < count && !steps.next().done; step++); };
// As the page does: a posting read ahead in steps, wholly or overtaken by the ranking.
const readAheadThenRead = (text) => {
  if (ahead === "none") return read(text);
  const steps = m.readAhead(data.matching, text);
  if (ahead === "whole") {
    take(steps);
    return read(text);
  }
  take(steps, 2);
  const first = JSON.stringify(read(text));
  take(steps);
  return first === JSON.stringify(read(text)) ? JSON.parse(first) : "read differently once the reading ahead ended";
};
const read = (text) => {
  const level = m.inferLevel(data.matching, data.levels, text);
  const kits = {};
  for (const role of levels) {
    const ranked = m.rank(data, text, role);
    kits[role] = { ranked: plain(ranked), budgets: budgets.map((budget) => m.kit(data, ranked, role, budget)),
                   byDefault: m.kit(data, ranked, role, defaultBudget) };
  }
  return { level, ranked: plain(m.rank(data, text)), kits, uncovered: m.uncovered(data, text) };
};
const out = { postings: Object.fromEntries(Object.entries(postings).map(([name, text]) => [name, readAheadThenRead(text)])),
              words: words.map((word) => m.stems(data.matching, word)) };
process.stdout.write(JSON.stringify(out));
"""


def plain(ranked) -> list[dict]:
    return [{"question": s.question, "level": s.level, "score": s.score, "matches": [list(match) for match in s.matches]}
            for s in ranked]


def in_python(text: str) -> dict:
    level = infer_level(BANK, text)
    kits = {}
    for role in LEVELS:
        ranked = rank(BANK, text, role)
        kits[role] = {"ranked": plain(ranked), "budgets": [kit(BANK, ranked, role, budget) for budget in BUDGETS],
                      "byDefault": kit(BANK, ranked, role, DEFAULT_BUDGET)}
    return {"level": {"level": level.level, "because": level.because}, "ranked": plain(rank(BANK, text)),
            "kits": kits, "uncovered": uncovered(BANK, text)}


def in_node(ahead: str) -> dict:
    """What matching.js makes of the postings and words, run at test time (not in a
    shared fixture) so that mutation testing links every comparison to `kit_rules`.
    `ahead`: "none", or the page's reading ahead in steps before the ranking,
    "whole" or "overtaken" (the ranking comes after two steps, as after a change of
    level mid-way; then the steps go on, which the page never does, and change nothing)."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("this test runs matching.js with Node.js: on Debian or Ubuntu, apt-get install nodejs")
    given = {"data": kit_data(BANK), "postings": POSTINGS, "words": AWKWARD_WORDS, "levels": list(LEVELS), "ahead": ahead}
    result = subprocess.run([node, "--input-type=module", "-e", NODE_SCRIPT, MATCHING_JS.as_uri()],
                            input=json.dumps(given), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("ahead", ["none", "whole", "overtaken"])
def test_matching_js_reads_every_posting_and_word_as_python_does(ahead: str) -> None:
    read = in_node(ahead)
    differ = [name for name, text in POSTINGS.items() if read["postings"][name] != in_python(text)]
    assert differ == [], f"matching.js and matching.py disagree on {differ}"
    assert read["words"] == [stems(word) for word in AWKWARD_WORDS]


def test_the_comparison_sees_levels_kits_and_gaps() -> None:
    """The postings exercise what the comparison is for: every level inferred,
    kits that differ by budget and by level, and gaps."""
    read = {name: in_python(text) for name, text in POSTINGS.items()}
    assert {r["level"]["level"] for r in read.values()} == set(LEVELS)
    assert any(len({tuple(k) for k in r["kits"][role]["budgets"]}) == len(BUDGETS) for r in read.values() for role in LEVELS)
    assert any(r["kits"]["junior"]["budgets"] != r["kits"]["senior"]["budgets"] for r in read.values())
    assert sum(bool(r["uncovered"]) for r in read.values()) >= 5
