"""The machine-readable exports match the YAML and validate against their schema."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

import jsonschema
import pytest
from question_bank.export import FORMAT_VERSION, KIT_DATA_FILE, export, kit_data, kit_question, kit_question_path, to_json
from question_bank.labels import CHECKLISTS
from question_bank.model import LEVELS, RUBRIC_BANDS, Bank, Question

from support import real_bank, text_of

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


def test_each_questions_material_is_published_beside_bank_json(site: Path) -> None:
    data = json.loads((site / KIT_DATA_FILE).read_text(encoding="utf-8"))
    for question in BANK.questions:
        path = site / kit_question_path(question.id)
        assert path.parent.parent == (site / KIT_DATA_FILE).parent
        assert path.relative_to(path.parent.parent).as_posix() == data["question_file"].format(id=question.id)
        material = json.loads(path.read_text(encoding="utf-8"))
        assert material == json.loads(json.dumps(kit_question(question)))
        assert "answer" not in material, "model answers stay on the question pages"
        assert len(material["should_cover"]) == len(question.should_cover)


class _Markup(HTMLParser):
    """The tags and attributes an HTML fragment really has."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes |= {name for name, _ in attrs}
        self.links += [value or "" for name, value in attrs if name == "href"]


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_hostile_material_is_sanitised_html(hostile_site: Path) -> None:
    markup = _Markup()
    for path in (hostile_site / "kit" / "questions").glob("*.json"):
        for text in _strings(json.loads(path.read_text(encoding="utf-8"))):
            markup.feed(text)
    assert markup.tags, "the hostile bank should render some markup"
    assert not markup.tags & {"script", "img", "iframe", "svg", "style", "details", "b", "u"}
    assert not {name for name in markup.attributes if name.startswith("on")}
    assert all(link.startswith(("https:", "#")) for link in markup.links), markup.links


def _first_words(text: str) -> list[str]:
    return re.findall(r"\w+", text)[:4]


def _seen(html: str) -> list[str]:
    """The first words a reader sees in an HTML field."""
    return _first_words(text_of(html))


def _opening(markdown: str) -> list[str]:
    """The first words of a Markdown field, without its marks, fences and link targets."""
    return _first_words(re.sub(r"^\s*```.*$|\]\([^)]*\)|[`*]", " ", markdown, flags=re.M))


@pytest.mark.parametrize("question", BANK.questions, ids=[q.id for q in BANK.questions])
def test_kit_material_carries_what_the_interviewer_reads(question: Question) -> None:
    """The scorecard and the printed kit show each part of a question from this
    file: every point in its place, under the names the pages read; never the answer."""
    material = kit_question(question)
    exercise = question.exercise
    shown = {
        "question": _seen(material["question"]),
        "guidance": _seen(material["guidance"]),
        **{name: [_seen(point) for point in material[name]] for name in CHECKLISTS},
        "follow_ups": [(_seen(f["question"]), _seen(f["good_answer"])) for f in material["follow_ups"]],
        "rubric": {field: _seen(html) for field, html in material["rubric"].items()},
        "levels": {level: _seen(html) for level, html in material["levels"].items()},
        "exercise": material["exercise"] and {
            "planted": [_seen(point) for point in material["exercise"]["planted"]],
            "fix": _seen(material["exercise"]["fix"]),
            "hints": [(_seen(h["hint"]), _seen(h["cost"])) for h in material["exercise"]["hints"]],
        },
    }
    written = {
        "question": _opening(question.question),
        "guidance": _opening(question.guidance),
        **{name: [_opening(point) for point in getattr(question, name)] for name in CHECKLISTS},
        "follow_ups": [(_opening(f.question), _opening(f.good_answer)) for f in question.follow_ups],
        "rubric": {field: _opening(getattr(question.rubric, field)) for _, _, field in RUBRIC_BANDS},
        "levels": {level: _opening(getattr(question.levels, level)) for level in LEVELS},
        "exercise": exercise and {
            "planted": [_opening(point) for point in exercise.planted],
            "fix": _opening(exercise.fix),
            "hints": [(_opening(h.hint), _opening(h.cost)) for h in exercise.hints],
        },
    }
    assert shown == written
    assert material["id"] == question.id
    assert material["card"] == question.card.model_dump(mode="json")
    assert "answer" not in material, "model answers stay on the question pages"


def test_kit_material_lives_where_bank_json_says() -> None:
    data = kit_data(BANK)
    for question in BANK.questions[:3]:
        path = PurePosixPath(kit_question_path(question.id))
        assert path.parent.parent == PurePosixPath(KIT_DATA_FILE).parent
        assert str(path.relative_to(path.parent.parent)) == data["question_file"].format(id=question.id)
