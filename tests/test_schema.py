"""The JSON Schema that editors use agrees with the model and the data."""

from __future__ import annotations

import json
import sys

import jsonschema
import yaml
from question_bank.schema import SCHEMA_FILE, main, schema_text

from support import BANK_FILE, ROOT


def test_committed_schema_is_current() -> None:
    committed = (ROOT / SCHEMA_FILE).read_text(encoding="utf-8")
    assert committed == schema_text(), "data/questions.schema.json is stale: run `make schema` and commit it"


def test_bank_file_points_editors_at_the_schema() -> None:
    first_line = BANK_FILE.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=./questions.schema.json"


def as_editors_read_it(text: str) -> object:
    """The YAML as a JSON-Schema-aware editor reads it: YAML 1.2 has no date
    type, so `checked: 2026-11-24` is a string there, as the schema says."""
    return json.loads(json.dumps(yaml.safe_load(text), default=str))


def test_bank_validates_against_the_schema() -> None:
    schema = json.loads((ROOT / SCHEMA_FILE).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(as_editors_read_it(BANK_FILE.read_text(encoding="utf-8")), schema)


def test_schema_rejects_an_unknown_key() -> None:
    schema = json.loads((ROOT / SCHEMA_FILE).read_text(encoding="utf-8"))
    data = as_editors_read_it(BANK_FILE.read_text(encoding="utf-8"))
    data["questions"][0]["difficulty"] = "hard"
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    assert any("difficulty" in error.message for error in errors)


# `make schema` and `scripts/check` run main() in another process; these run it here.


def test_write_then_check_the_schema(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    assert main(["--write"]) == 0
    assert capsys.readouterr().out == "wrote data/questions.schema.json\n"
    assert (tmp_path / SCHEMA_FILE).read_text(encoding="utf-8") == schema_text()
    monkeypatch.setattr(sys, "argv", ["schema", "--check"])  # as the command line gives it
    assert main() == 0
    assert capsys.readouterr().out == "data/questions.schema.json: up to date\n"


STALE = "error: data/questions.schema.json does not match the model; run `make schema` and commit it\n"


def test_a_stale_or_missing_schema_fails_the_check_with_the_fix(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["--check"]) == 1
    assert capsys.readouterr().err == STALE
    (tmp_path / "data").mkdir()
    (tmp_path / SCHEMA_FILE).write_text(schema_text().replace('"title"', '"name"', 1), encoding="utf-8")
    assert main(["--check"]) == 1
    assert capsys.readouterr().err == STALE


def test_the_schema_command_says_how_to_use_it(capsys) -> None:
    for args in ([], ["--check", "--write"], ["check"]):
        assert main(args) == 2
        assert capsys.readouterr().err == "usage: python -m question_bank.schema --write | --check\n"


def test_the_schema_names_itself_for_editors() -> None:
    schema = json.loads(schema_text())
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert (schema["title"], schema["description"]) == ("Question bank", "data/questions.yaml: see docs/contributing.md")
    assert schema_text().endswith("}\n") and schema_text().startswith('{\n  "$schema"')
