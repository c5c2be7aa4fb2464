"""`make mutation`: mutmut over `scripts/question_bank/` with the fast tests, and its report.

mutmut 3 names a mutant after its file's path with only a leading `src/`
stripped, and finds which tests reach a function by that name. Our package
lives in `scripts/`, so it is staged in `mutation-work/` as `src/question_bank`
beside copies of `tests/` and `data/`; mutmut then copies that to
`mutation-work/mutants/` and runs there. Nothing in the work tree is touched.

    python scripts/mutation_testing.py             # every module; replaces mutation-results/
    python scripts/mutation_testing.py matching    # one module (or several): replaces only its
                                                   # verdicts in mutation-results/

The report says, per module, which run (commit, date) its verdicts come from, so
a module changed since the last full run can be re-run alone and the score still
describes the tree as it is.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "scripts" / "question_bank"
WORK = ROOT / "mutation-work"
RESULTS = ROOT / "mutation-results"
MUTMUT = Path(sys.executable).parent / "mutmut"

# The fast tests: everything but the browser, the MkDocs builds and the
# timing bounds. Builds and scripts run in another process, where mutmut
# cannot see which function a test reached; timings on two shared cores would
# "kill" mutants by noise.
# The report's own tests (test_mutation_report.py) reach no mutated code.
TEST_SELECTION = [
    "tests", "--ignore=tests/browser", "--ignore=tests/test_bench.py", "--ignore=tests/test_mutation_report.py",
    "-m", "not browser and not site and not timing and not script",
]
# What the tests read besides the package and themselves.
ALSO_COPY = ["data", "docs", "overrides", "README.md"]

# mutmut's verdicts, as it prints them, grouped into what the score counts.
DETECTED = {"killed", "timeout", "caught by type check"}


def jobs() -> int:
    """Workers: two by default (the machines this runs on have two cores); MUTATION_JOBS overrides."""
    return int(os.environ.get("MUTATION_JOBS", "2"))


def toml_list(values: list[str]) -> str:
    return json.dumps(values)  # a JSON array of strings is a TOML array


def staged_pyproject(modules: list[str]) -> str:
    """The repository's pytest settings with the package under `src/`, and mutmut's."""
    pytest_options = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
    only = [f"src/question_bank/{module}.py" for module in modules]
    return "\n".join([
        "[tool.pytest.ini_options]",
        'pythonpath = ["src"]',
        f"testpaths = {toml_list(pytest_options['testpaths'])}",
        f"addopts = {toml_list(pytest_options['addopts'])}",
        f"markers = {toml_list(pytest_options['markers'])}",
        "",
        "[tool.mutmut]",
        'source_paths = ["src/question_bank"]',
        f"only_mutate = {toml_list(only)}",
        f"also_copy = {toml_list(ALSO_COPY)}",
        f"pytest_add_cli_args_test_selection = {toml_list(TEST_SELECTION)}",
        # A fresh staging each run: no cached verdicts to trust.
        "use_git_change_detection = false",
        # A mutant that loops (`index = 1` in a while loop) is stopped after 6x its
        # tests' CPU time, not mutmut's default 30x: minutes per loop otherwise. The
        # limit is CPU time, so a busy machine does not turn slow runs into timeouts.
        "timeout_multiplier = 3.0",
        "",
    ])


def stage(modules: list[str]) -> None:
    """A fresh `mutation-work/` laid out as mutmut expects."""
    unknown = [m for m in modules if not (PACKAGE / f"{m}.py").is_file()]
    if unknown:
        raise SystemExit(f"error: no module {', '.join(unknown)} in {PACKAGE.relative_to(ROOT)}/")
    shutil.rmtree(WORK, ignore_errors=True)
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(PACKAGE, WORK / "src" / "question_bank", ignore=ignore)
    shutil.copytree(ROOT / "tests", WORK / "tests", ignore=ignore)
    for name in ALSO_COPY:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, WORK / name, ignore=ignore)
        else:
            shutil.copy2(ROOT / name, WORK / name)
    (WORK / "pyproject.toml").write_text(staged_pyproject(modules), encoding="utf-8")


def mutmut(*args: str, check: bool = True) -> str:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([str(MUTMUT), *args], cwd=WORK, env=env, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise SystemExit(f"error: mutmut {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def verdicts() -> dict[str, str]:
    """Every mutant's name and mutmut's verdict on it."""
    found = {}
    for line in mutmut("results", "--all", "true").splitlines():
        name, _, status = line.strip().partition(": ")
        if name:
            found[name] = status
    return found


def module_of(mutant: str) -> str:
    """`question_bank.render.x_description__mutmut_3` -> `render`."""
    return re.match(r"question_bank\.([a-z_]+)\.", mutant).group(1)


def score_table(report: dict) -> list[str]:
    found, runs = report["verdicts"], report["runs"]
    rows = ["| module | killed | total | score | run |", "| --- | ---: | ---: | ---: | --- |"]

    def row(label: str, names: list[str], run: str) -> str:
        killed = sum(found[name] in DETECTED for name in names)
        return f"| {label} | {killed} | {len(names)} | {100 * killed / len(names):.1f}% | {run} |"

    for module in sorted(runs):
        run = runs[module]
        rows.append(row(f"`{module}.py`", [n for n in found if module_of(n) == module],
                        f"`{run['command']}` at {run['commit']}, {run['date']}, {run['minutes']} min"))
    rows.append(row("**all**", list(found), ""))
    return rows


def this_run(command: str) -> dict:
    """What a run's verdicts are measured on, taken as it starts: the command, the commit
    (marked when the package or the tests had uncommitted changes) and when."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    changed = git("status", "--porcelain", "--", "scripts/question_bank", "tests")
    return {"command": command, "commit": git("rev-parse", "--short", "HEAD") + ("+changes" if changed else ""),
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}


NO_REPORT = {"runs": {}, "verdicts": {}, "diffs": {}}


def earlier_report() -> dict:
    """The committed report, or none if it predates per-module runs."""
    path = RESULTS / "verdicts.json"
    report = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    return report if set(report) == set(NO_REPORT) else NO_REPORT


def merged(earlier: dict, latest: dict) -> dict:
    """The latest run's runs, verdicts and survivors' diffs for the modules it
    mutated, and the earlier report's for every other module."""
    def older(name: str) -> bool:
        return module_of(name) not in latest["runs"]
    return {
        "runs": {module: run for module, run in earlier["runs"].items() if module not in latest["runs"]} | latest["runs"],
        "verdicts": {name: v for name, v in earlier["verdicts"].items() if older(name)} | latest["verdicts"],
        "diffs": {name: d for name, d in earlier["diffs"].items() if older(name)} | latest["diffs"],
    }


def write_report(report: dict) -> None:
    found = report["verdicts"]
    survivors = sorted(name for name, status in found.items() if status not in DETECTED)
    statuses = Counter(found.values())
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "score.md").write_text("\n".join([
        "# Mutation score",
        "",
        f"{len(found)} mutants of `scripts/question_bank/`, tested by the fast tests "
        f"(`{' '.join(TEST_SELECTION)}`) with {jobs()} workers; each module's row names the run its "
        "verdicts come from. Generated by the verb; why the survivors are left is in README.md.",
        "",
        *score_table(report),
        "",
        "Verdicts: " + ", ".join(f"{status} {count}" for status, count in sorted(statuses.items())) + ".",
        "",
    ]), encoding="utf-8")
    (RESULTS / "survivors.md").write_text("\n".join([
        "# Surviving mutants",
        "",
        f"{len(survivors)} mutants no fast test detected, each with its change.",
        "",
        *(f"## `{name}` ({found[name]})\n\n```diff\n{report['diffs'][name]}\n```\n" for name in survivors),
    ]), encoding="utf-8")
    (RESULTS / "verdicts.json").write_text(json.dumps(report, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def diff_of(mutant: str) -> str:
    """The mutant's change, without mutmut's header line or the staging prefix."""
    lines = mutmut("show", mutant).splitlines()[1:]
    return "\n".join(line.replace("src/question_bank/", "scripts/question_bank/") for line in lines).strip()


def main(argv: list[str]) -> int:
    modules = [arg.removesuffix(".py") for arg in argv]
    started = time.monotonic()
    run = this_run("make mutation" + (f" ARGS={' '.join(argv)}" if argv else ""))
    stage(modules)
    mutated = subprocess.run([str(MUTMUT), "run", "--max-children", str(jobs())], cwd=WORK,
                             env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if mutated.returncode != 0:
        print(f"error: mutmut run failed (exit {mutated.returncode}); see its output above", file=sys.stderr)
        return 1
    found = verdicts()
    run["minutes"] = round((time.monotonic() - started) / 60, 1)
    latest = {"runs": {module: run for module in {module_of(name) for name in found}}, "verdicts": found,
              "diffs": {name: diff_of(name) for name, status in found.items() if status not in DETECTED}}
    write_report(merged(earlier_report() if modules else NO_REPORT, latest))
    print((RESULTS / "score.md").read_text(encoding="utf-8"))
    print(f"report: {RESULTS.relative_to(ROOT)}/ (score.md, survivors.md, verdicts.json)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
