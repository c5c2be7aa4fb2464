"""Fixtures: sites built from the real bank or from a fixture bank."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from question_bank.render import environment
from question_bank.safe_html import _renderer, render

from support import FIXTURES, built

SITE_FIXTURES = {"site", "hostile_site"}


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Marked, so that `make mutation` can leave the slow builds out by name.
    for item in items:
        if SITE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.site)


@pytest.fixture(autouse=True)
def _fresh_renders_under_mutation() -> None:
    # `make mutation` forks each mutant's run from a process that has already
    # rendered the bank: a cached render, renderer or template environment
    # would hide the mutant from the tests.
    if os.environ.get("MUTANT_UNDER_TEST"):
        for cached in (render, _renderer, environment):
            cached.cache_clear()


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real bank, built once per test session."""
    return built(tmp_path_factory.mktemp("site") / "site")


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A bank whose every field carries HTML, Jinja and Markdown attacks."""
    return built(tmp_path_factory.mktemp("hostile") / "site", bank_file=FIXTURES / "hostile.yaml")
