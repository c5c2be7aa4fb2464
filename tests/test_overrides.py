"""Templates copied whole from Material stay Material's, but for the change each one names.

A block override follows Material through upgrades by itself; a copied file
does not. These tests fail when Material's file and ours drift apart, so an
upgrade is a deliberate re-copy rather than a silent fork.
"""

from __future__ import annotations

import difflib
import re
from importlib.metadata import version
from pathlib import Path

import material

from support import ROOT

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
OVERRIDES = ROOT / "overrides"

# The header comment our copy starts with, naming the Material version it mirrors.
HEADER = re.compile(r"\A\{#-.*?Material for MkDocs (?P<version>[\d.]+)'s .*?-#\}\n", re.DOTALL)

# overrides/base.html: the drawer and search toggles leave `autocomplete`,
# invalid on a checkbox, to an empty form they belong to (see the file's header).
BASE_CHANGE = [
    '-    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
    '-    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
    '+    <form id="__toggles" autocomplete="off" hidden></form>',
    '+    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" form="__toggles">',
    '+    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" form="__toggles">',
]


def changes(theirs: str, ours: str) -> list[str]:
    """The lines a diff from Material's file to ours removes (-) and adds (+)."""
    diff = difflib.unified_diff(theirs.splitlines(), ours.splitlines(), lineterm="", n=0)
    return [line for line in diff if line[:1] in "-+" and not line.startswith(("---", "+++"))]


def test_base_html_is_materials_but_for_the_toggles() -> None:
    ours = (OVERRIDES / "base.html").read_text(encoding="utf-8")
    header = HEADER.match(ours)
    assert header, "overrides/base.html must start with a comment naming the Material version it mirrors"
    theirs = (MATERIAL_TEMPLATES / "base.html").read_text(encoding="utf-8")
    assert changes(theirs, ours[header.end():]) == BASE_CHANGE, (
        f"overrides/base.html has drifted from {MATERIAL_TEMPLATES / 'base.html'}: copy it again and "
        "re-apply the one change its header describes"
    )
    installed = version("mkdocs-material")
    assert header["version"] == installed, (
        f"overrides/base.html says it mirrors Material {header['version']}, but {installed} is installed: "
        "it still matches, so correct the version in its header"
    )
