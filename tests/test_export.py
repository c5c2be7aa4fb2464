"""The machine-readable exports match the YAML and validate against their schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from question_bank.export import FORMAT_VERSION, export, kit_data, to_json
from question_bank.matching import keys_in, rank
from question_bank.model import Bank

from support import real_bank

BANK = real_bank()


def test_export_is_the_bank_with_urls_and_a_version(site: Path) -> None:
    published = json.loads((site / "questions.json").read_text(encoding="utf-8"))
    assert published["format_version"] == FORMAT_VERSION
    assert published == export(BANK, "http://127.0.0.1:8000/")
    for exported, question in zip(published["questions"], BANK.questions, strict=True):
        assert exported["question"] == question.question and exported["guidance"] == question.guidance
        assert exported["answer"] == question.answer
        assert exported["url"] == f"http://127.0.0.1:8000/questions/{question.id}/"


# What the export adds to the bank: dropped, the rest must be the bank itself.
ADDED = {"format_version"}
ADDED_PER_QUESTION = {"url", "html"}


def assert_is_the_bank(published: dict) -> None:
    """A consumer who drops what the export adds gets back the bank, field for
    field: every field, empty and default ones included, validated by the model."""
    data = {key: value for key, value in published.items() if key not in ADDED}
    data["questions"] = [
        {key: value for key, value in question.items() if key not in ADDED_PER_QUESTION}
        for question in data["questions"]
    ]
    # Not export()'s output compared with itself: the model's own dump.
    assert data == BANK.model_dump(mode="json")
    assert Bank.model_validate_json(json.dumps(data)).model_dump() == BANK.model_dump()


def test_the_bank_has_empty_and_default_fields_for_the_round_trip_to_keep() -> None:
    # Otherwise dropping defaults or empty lists from the export would go unseen.
    assert any(question.exercise is None for question in BANK.questions)
    assert any(question.aliases == [] for question in BANK.questions)
    assert any(question.exercise and question.exercise.hints == [] for question in BANK.questions)


def test_published_export_loads_back_into_the_same_bank(site: Path) -> None:
    assert_is_the_bank(json.loads((site / "questions.json").read_text(encoding="utf-8")))


def test_export_round_trips_through_json() -> None:
    # The same check without building the site, fast enough for `make mutation`.
    assert_is_the_bank(json.loads(to_json(export(BANK, "https://example.org/bank/"), compact=True)))


def test_export_carries_each_fields_sanitised_html(site: Path) -> None:
    published = json.loads((site / "questions.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "questions.schema.json").read_text(encoding="utf-8"))
    assert "untrusted Markdown" in schema["description"]
    for exported, question in zip(published["questions"], BANK.questions, strict=True):
        paths = [".".join(map(str, path)) for path, _ in question.markdown_fields()]
        assert list(exported["html"]) == paths
        assert exported["html"]["question"].startswith("<p>")
        assert all("<script" not in html and " on" not in html.split(">")[0] for html in exported["html"].values())


def test_export_validates_against_the_published_schema(site: Path) -> None:
    schema = json.loads((site / "questions.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    published = json.loads((site / "questions.json").read_text(encoding="utf-8"))
    jsonschema.validate(published, schema)
    del published["questions"][0]["url"]
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(published))
    assert any("'url' is a required property" in error.message for error in errors)


def test_kit_data_is_published_compactly(site: Path) -> None:
    text = (site / "kit" / "bank.json").read_text(encoding="utf-8")
    assert "\n" not in text
    data = json.loads(text)
    assert data == json.loads(json.dumps(kit_data(BANK)))
    assert [q["id"] for q in data["questions"]] == [q.id for q in BANK.questions]
    assert "answer" not in data["questions"][0], "the kit loads only what it shows"


def test_kit_rules_alone_reproduce_the_ranking() -> None:
    """The published rules carry everything ranking needs: a replay over the
    JSON alone (as the page does it; the browser test runs kit.js itself)
    gives the same scores as matching.rank."""
    data = json.loads(json.dumps(kit_data(BANK)))
    text = "FastAPI and asyncio services under high traffic, multi-processing for CPU-bound work"
    present = keys_in(text, data["longest"])
    seen: dict[str, set[str]] = {}
    reasons: dict[str, set[tuple[str, str]]] = {}
    for rule_key, _term, via, kind, questions in data["rules"]:
        if rule_key not in present:
            continue
        for question in questions:
            if rule_key in seen.setdefault(question, set()):
                continue
            seen[question].add(rule_key)
            reasons.setdefault(question, set()).add((kind, rule_key if kind == "keyword" else via))
    replay = {
        question: sum(data["weights"][kind] for kind, _ in found)
        for question, found in reasons.items()
        if any(kind != "level" for kind, _ in found)
    }
    assert replay == {s.question: s.score for s in rank(BANK, text)}
