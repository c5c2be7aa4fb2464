"""Where a build's time goes: cProfile of build A (and B, to compare) at one bank size.

    PYTHONPATH=scripts .venv/bin/python -m bench.profiling            # N = 1,000
    PYTHONPATH=scripts .venv/bin/python -m bench.profiling --questions 3000

Writes bench-results/profile-{A,B}-N.prof (open them with `python -m pstats`
or snakeviz) and prints, for each site, the self time by library and the top
functions. A profiled build runs ~2x slower than a plain one; compare the
shares, not the seconds, with the timings of `bench.run`.
"""

from __future__ import annotations

import argparse
import pstats
import sys
import sysconfig
import tempfile
from collections import defaultdict
from pathlib import Path

from .builds import BuildFailed, run_build, snapshot
from .run import RESULTS, site_builds

TOP = 25
SITE_PACKAGES = "site-packages/"
STDLIB = sysconfig.get_paths()["stdlib"]

Function = tuple[str, int, str]  # pstats' key: file, line, name


def library(function: Function, source: Path) -> str:
    """The library a function belongs to: a package, one of our modules, or a stdlib module."""
    file = function[0]
    if SITE_PACKAGES in file:
        return file.split(SITE_PACKAGES, 1)[1].split("/", 1)[0]
    if file.startswith(str(source)):
        return "ours: " + str(Path(file).relative_to(source))
    if file.startswith(STDLIB):
        return "stdlib: " + str(Path(file).relative_to(STDLIB))
    return "other: " + file


def self_time_by_library(stats: pstats.Stats, source: Path) -> dict[str, float]:
    """Self time per library. Built-in functions (`re.sub`'s C code, `str.join`) have no
    file; their time goes to the libraries of their callers, in proportion to the calls."""
    totals: dict[str, float] = defaultdict(float)
    for function, (_, _, self_time, _, callers) in stats.stats.items():
        if function[0] != "~":
            totals[library(function, source)] += self_time
            continue
        for caller, (_, _, time_from_caller, _) in callers.items():
            totals[library(caller, source) if caller[0] != "~" else "builtins"] += time_from_caller
    return dict(sorted(totals.items(), key=lambda item: -item[1]))


def summary(profile: Path, label: str, source: Path) -> str:
    stats = pstats.Stats(str(profile))
    total = stats.total_tt
    lines = [f"## {label}: {total:.1f}s profiled", "", "Self time by library:", ""]
    for name, seconds in list(self_time_by_library(stats, source).items())[:TOP]:
        lines.append(f"  {seconds:7.2f}s {seconds / total:6.1%}  {name}")
    lines += ["", f"Top {TOP} functions by cumulative time (calls, self s, cumulative s):", ""]
    by_cumulative = sorted(stats.stats.items(), key=lambda item: -item[1][3])
    for function, (_, calls, self_time, cumulative, _) in by_cumulative[:TOP]:
        lines.append(f"  {calls:9d} {self_time:7.2f} {cumulative:7.2f}  {pstats.func_std_string(function)}")
    lines += ["", f"Top {TOP} functions by self time:", ""]
    by_self = sorted(stats.stats.items(), key=lambda item: -item[1][2])
    for function, (_, calls, self_time, cumulative, _) in by_self[:TOP]:
        lines.append(f"  {calls:9d} {self_time:7.2f} {cumulative:7.2f}  {pstats.func_std_string(function)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.profiling", description=__doc__.split("\n\n")[0])
    parser.add_argument("--questions", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="qbank-profile-") as temporary:
        work = Path(temporary)
        source = snapshot(work / "project")
        for build in site_builds(source, args.questions, work)[1]:
            profile = args.out / f"profile-{build.name}-{args.questions}.prof"
            try:
                run_build(build, work / f"site-{build.name}", work / f"{build.name}.log", profile=profile)
            except BuildFailed as error:
                print(f"error: {error}", file=sys.stderr)
                return 1
            print(summary(profile, f"Build {build.name} at N={args.questions}", source), end="\n\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
