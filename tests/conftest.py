"""Fixtures: sites built from the real bank or from a fixture bank."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import FIXTURES, built


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real bank, built once per test session."""
    return built(tmp_path_factory.mktemp("site") / "site")


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A bank whose every field carries HTML, Jinja and Markdown attacks."""
    return built(tmp_path_factory.mktemp("hostile") / "site", bank_file=FIXTURES / "hostile.yaml")
