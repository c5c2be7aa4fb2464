"""The machine-readable exports match the YAML and validate against their schema."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin

import jsonschema
import pytest
from question_bank.export import (
    FORMAT_VERSION, JOB_DESCRIPTION_LIMIT, KIT_DATA_FILE, SLUG_MAX_LENGTH, export, export_schema, kit_data, kit_question,
    kit_question_path, to_json,
)
from question_bank.labels import CHECKLISTS, PART_LABELS
from question_bank.matching import kit_rules
from question_bank.model import EXERCISE_CHECKLIST, LEVELS, RUBRIC_BANDS, SCORING_RULE, SLUG_PATTERN, Bank, Question
from question_bank.render import question_url
from question_bank.scorecard import BAND_RULE, DISAGREEMENT, NOT_ASKED, RECOMMENDATIONS

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
    published = json.loads(to_json(export(BANK, "https://example.org/bank/"), compact=True))
    assert_is_the_bank(published)
    assert [q["url"] for q in published["questions"]] == [f"https://example.org/bank/questions/{q.id}/" for q in BANK.questions]


def test_the_export_schema_describes_the_export() -> None:
    """What an integrator validates questions.json with, in process (the site test checks the published copy)."""
    schema = export_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == "Question bank export (questions.json)"
    # The warning that the texts are untrusted, as one paragraph.
    assert "untrusted Markdown" in schema["description"] and "never insert them into a page as HTML" in schema["description"]
    assert "\n" not in schema["description"] and "  " not in schema["description"]
    jsonschema.Draft202012Validator.check_schema(schema)
    published = json.loads(to_json(export(BANK, "https://example.org/bank/"), compact=True))
    jsonschema.validate(published, schema)
    del published["questions"][0]["html"]
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(published))
    assert [error.message for error in errors] == ["'html' is a required property"]


def test_schemas_are_readable_and_exports_compact() -> None:
    """Schemas are read by people (indented, one line per value, a final newline); the exports are
    fetched by the pages (one line). Both keep non-ASCII text as UTF-8, not as escapes."""
    data = {"title": "Café", "topics": ["a"]}
    assert to_json(data) == '{\n  "title": "Café",\n  "topics": [\n    "a"\n  ]\n}\n'
    assert to_json(data, compact=True) == '{"title":"Café","topics":["a"]}'


def test_bank_json_gives_the_pages_the_sites_own_words() -> None:
    """The kit, scorecard and debrief pages read every label, number and rule from
    kit/bank.json (docs/javascripts/kit/data.js), under these names: each must be
    the one the Python side uses, or the pages show and count something else."""
    data = json.loads(to_json(kit_data(BANK), compact=True))
    assert data["levels"] == list(LEVELS)
    assert [(b["band"], b["label"], b["field"], b["rule"]) for b in data["bands"]] == [
        (number, label, field, SCORING_RULE[field]) for number, label, field in RUBRIC_BANDS]
    assert data["band_rule"] == json.loads(json.dumps(BAND_RULE))
    assert (data["not_asked"], data["disagreement"]) == (NOT_ASKED, DISAGREEMENT)
    assert data["recommendations"] == list(RECOMMENDATIONS)
    assert (data["checklists"], data["exercise_checklist"]) == (list(CHECKLISTS), list(EXERCISE_CHECKLIST))
    assert data["labels"] == PART_LABELS
    assert data["slug"] == {"pattern": SLUG_PATTERN, "max_length": SLUG_MAX_LENGTH}
    assert data["job_description_limit"] == JOB_DESCRIPTION_LIMIT
    assert data["matching"] == json.loads(json.dumps(kit_rules(BANK)))
    assert data["topics"] == {slug: topic.label for slug, topic in BANK.topics.items()}
    assert data["aliases"] == {}  # no question of the bank has been renamed yet: see the next test
    assert data["questions"] == [
        {"id": q.id, "title": q.title, "question": q.question, "topics": q.topics, "level": q.level, "minutes": q.minutes}
        for q in BANK.questions]


def test_bank_json_sends_an_old_id_to_its_question() -> None:
    data = BANK.model_dump()
    data["questions"][1]["aliases"] = ["old-name", "older-name"]
    renamed = Bank.model_validate(data)
    assert kit_data(renamed)["aliases"] == {"old-name": BANK.questions[1].id, "older-name": BANK.questions[1].id}


def test_bank_json_groups_every_topic_under_its_own_area() -> None:
    areas = kit_data(BANK)["areas"]
    assert [(area, label) for area, label, _ in areas] == list(BANK.areas.items())
    grouped = {slug: area for area, _, slugs in areas for slug in slugs}
    assert grouped == {slug: topic.area for slug, topic in BANK.topics.items()}
    assert sum(len(slugs) for _, _, slugs in areas) == len(BANK.topics), "each topic once"


def test_bank_json_links_each_question_to_its_page() -> None:
    # The page resolves `question_page` against bank.json's own address, as data.js does.
    data = kit_data(BANK)
    bank_json = urljoin("https://example.org/bank/", KIT_DATA_FILE)
    for question in BANK.questions[:3]:
        page = urljoin(bank_json, data["question_page"].replace("{id}", question.id))
        assert page == question_url("https://example.org/bank/", question.id)


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
