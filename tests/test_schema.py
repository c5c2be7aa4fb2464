"""The JSON Schema that editors use agrees with the model and the data."""

from __future__ import annotations

import json

import jsonschema
import yaml
from question_bank.schema import SCHEMA_FILE, schema_text

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
