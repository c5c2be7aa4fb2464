"""The built site, checked page by page against the data it was built from."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from question_bank.markdown import fences
from question_bank.model import Question
from question_bank.render import DESCRIPTION_LENGTH

from support import FIXTURES, ROOT, build_site, real_bank
from pages import details, parse

# Built pages, and the builds themselves.
pytestmark = pytest.mark.site

QUESTIONS = real_bank().questions
ids = [question.id for question in QUESTIONS]


def words(text: str) -> str:
    return " ".join(text.split())


def page_of(site: Path, question: Question):
    return parse(site / "questions" / question.id / "index.html")


def seed_pairs() -> list[tuple[str, str]]:
    """(question, guidance) pairs of the seed, without its closing advertisement."""
    lines = (FIXTURES / "seed-questions.txt").read_text(encoding="utf-8").splitlines()
    body = lines[2:]
    pairs = list(zip(body[0::2], body[1::2]))
    # Every guidance sentence of the seed starts "Should"; its last two lines,
    # an advertisement, do not, and are not content.
    return [(q, g) for q, g in pairs if g.startswith("Should ")]


def test_seed_is_kept_word_for_word() -> None:
    seed = seed_pairs()
    assert len(seed) == 10
    assert [(q.question, q.guidance) for q in QUESTIONS[: len(seed)]] == seed


def test_one_page_per_question(site: Path) -> None:
    pages = {p.parent.name for p in (site / "questions").glob("*/index.html")}
    aliases = {alias for q in QUESTIONS for alias in q.aliases}
    assert pages - aliases == set(ids)


def order_of(root, *elements):
    """The given elements in the order they appear under root."""
    return [element for element in root.iter() if any(element is wanted for wanted in elements)]


def plain(text: str) -> str:
    """The words of a text, without Markdown's marks or HTML's punctuation, to compare data with a page."""
    return " ".join(re.findall(r"\w+", re.sub(r"[`*]", "", text)))


@pytest.mark.parametrize("question", QUESTIONS, ids=ids)
def test_question_page_opens_with_the_interviewer_card(site: Path, question: Question) -> None:
    page = page_of(site, question)
    assert page.find("h1").text.rstrip("¶") == question.title
    article = page.find("article")
    card = article.find("section", class_="qb-card")
    first_collapsible = next(article.iter("details"))
    assert order_of(article, card, first_collapsible) == [card, first_collapsible], "the card comes first"
    ask = card.find("div", class_="qb-card__ask")
    # The question's prose; an exercise's snippet is shown as code under it.
    prose, *snippet = question.question.split("```")
    assert plain(prose) in plain(ask.text) and not ask.find_all("pre")
    if snippet:
        shown = article.find("section", class_="qb-snippet")
        assert order_of(article, card, shown, first_collapsible) == [card, shown, first_collapsible]
        code = "".join(fence.code for fence in fences(question.question))
        assert re.sub(r"\s", "", code) in re.sub(r"\s", "", shown.text)
    must = [plain(li.text) for li in card.find("ol", class_="qb-card__must").find_all("li")]
    assert must == [plain(question.should_cover[n - 1]) for n in question.card.must_hear]
    assert plain(question.follow_ups[question.card.always_ask - 1].question) in plain(card.text)
    assert plain(question.red_flags[question.card.top_red_flag - 1]) in plain(card.text)
    passes = [li.text for li in card.find("ul", class_="qb-card__passes").find_all("li")]
    labels = {1: "No evidence", 2: "Partial", 3: "Solid", 4: "Strong"}
    assert passes == [f"{level.capitalize()} {labels[band]} ({band})" for level, band in question.card.passes_at]


@pytest.mark.parametrize("question", QUESTIONS, ids=ids)
def test_guidance_and_answer_start_closed(site: Path, question: Question) -> None:
    page = page_of(site, question)
    guidance = details(page, "Evaluation guidance")
    answer = details(page, "Model answer")
    assert "open" not in guidance.attrs and "open" not in answer.attrs
    assert plain(question.guidance) in plain(guidance.text)
    for point in question.should_cover:
        assert plain(point) in plain(guidance.text)


def shown_openly(element) -> str:
    """The text a reader sees with every collapsible closed."""
    return " ".join(
        child if isinstance(child, str) else shown_openly(child)
        for child in element.children
        if isinstance(child, str) or child.tag != "details"
    )


def last_line(markdown: str) -> str:
    """The last line of a Markdown field that holds words (not a fence's closing mark), link targets left out."""
    lines = [line for line in markdown.splitlines() if re.search(r"\w", line)]
    return re.sub(r"\]\([^)]*\)", "]", lines[-1])


@pytest.mark.parametrize("question", QUESTIONS, ids=ids)
def test_the_model_answer_is_folded_to_its_last_line(site: Path, question: Question) -> None:
    page = page_of(site, question)
    answer = details(page, "Model answer")
    end = plain(last_line(question.answer))
    assert end in plain(answer.text), "the answer's last line is inside its collapsible"
    assert end not in plain(shown_openly(page.find("article"))), "and nowhere else on the open page"


@pytest.mark.parametrize("question", QUESTIONS, ids=ids)
def test_structured_guidance_is_rendered(site: Path, question: Question) -> None:
    page = page_of(site, question)
    follow_ups = details(page, "Follow-up questions").find("ol").children
    assert len([item for item in follow_ups if getattr(item, "tag", None) == "li"]) == len(question.follow_ups)
    rows = details(page, "Scoring rubric").find("tbody").find_all("tr")
    assert [row.find("th").text for row in rows] == ["1 No evidence", "2 Partial", "3 Solid", "4 Strong"]
    examples = [plain(row.find_all("td")[1].text) for row in rows]
    assert examples == [plain(question.rubric.no_evidence), plain(question.rubric.partial),
                        plain(question.rubric.solid), plain(question.rubric.strong)]
    labels = details(page, "Level calibration").find_all("dt")
    assert [label.text for label in labels] == ["Junior", "Mid", "Senior"]


def metas_of(head) -> dict[str, str | None]:
    return {m.attrs.get("property") or m.attrs.get("name"): m.attrs.get("content") for m in head.find_all("meta")}


def summary_of(question: Question) -> str:
    """The page summary rule, stated on its own: the question's words; if they
    are longer than DESCRIPTION_LENGTH, the most whole words that fit with "…"."""
    text = words(question.question)
    if len(text) <= DESCRIPTION_LENGTH:
        return text
    kept = text.split(" ")[0]
    for word in text.split(" ")[1:]:
        if len(f"{kept} {word}…") > DESCRIPTION_LENGTH:
            break
        kept = f"{kept} {word}"
    return f"{kept}…"


def test_the_bank_has_questions_on_both_sides_of_the_summary_limit() -> None:
    # Otherwise the page test below would check only one branch of the rule.
    lengths = [len(words(q.question)) for q in QUESTIONS]
    assert min(lengths) <= DESCRIPTION_LENGTH < max(lengths)


@pytest.mark.parametrize("question", QUESTIONS, ids=ids)
def test_meta_for_link_previews(site: Path, question: Question) -> None:
    page = page_of(site, question)
    head = page.find("head")
    metas = metas_of(head)
    assert head.find("title").text == f"{question.title} - Python Interview Question Bank"
    assert metas["description"] == summary_of(question)
    assert head.find("link", rel="canonical").attrs["href"].endswith(f"/questions/{question.id}/")
    # A link pasted into a chat or a job posting unfurls with this page's own
    # title and summary, not the site's.
    assert metas["og:title"] == metas["twitter:title"] == question.title
    assert metas["og:description"] == metas["twitter:description"] == metas["description"]
    assert metas["og:type"] == "article"
    assert metas["og:url"] == head.find("link", rel="canonical").attrs["href"]
    assert metas["twitter:card"] == "summary"


def test_pages_without_a_summary_preview_as_the_site(site: Path) -> None:
    bank = real_bank()
    head = parse(site / "index.html").find("head")
    metas = metas_of(head)
    assert metas["description"] == metas["og:description"] == metas["twitter:description"] == words(bank.description)
    assert metas["og:type"] == "website"


@pytest.mark.parametrize("question", QUESTIONS, ids=ids)
def test_edit_link_opens_the_data_file(site: Path, question: Question) -> None:
    page = page_of(site, question)
    # The repository link in the header is the site's repo_url.
    repository = page.find("a", class_="md-source").attrs["href"]
    assert repository.startswith("https://")
    edit = page.find("a", rel="edit")
    assert edit.attrs["href"] == f"{repository.rstrip('/')}/edit/main/data/questions.yaml"


def test_previous_and_next_links_follow_the_bank_order(site: Path) -> None:
    for index, question in enumerate(QUESTIONS):
        page = page_of(site, question)
        found = {a.attrs.get("rel"): a.attrs["href"] for a in page.find("nav", class_="qb-pager").iter("a")}
        expected_previous = f"../{QUESTIONS[index - 1].id}/" if index else None
        expected_next = f"../{QUESTIONS[index + 1].id}/" if index + 1 < len(QUESTIONS) else None
        assert (found.get("prev"), found.get("next")) == (expected_previous, expected_next)


def test_home_lists_every_question_under_its_area(site: Path) -> None:
    bank = real_bank()
    home = parse(site / "index.html")
    assert home.find("h1").text.rstrip("¶") == bank.title
    listed = {}
    for wrapper in home.find_all("div", class_="qb-questions"):
        table = wrapper.find("table")
        listed.update({a.attrs["href"]: table for a in table.iter("a")})
    assert sorted(listed) == sorted(f"questions/{i}/" for i in ids)
    headings = {h.attrs["id"].removeprefix("area-"): h.text for h in home.find_all("h3") if h.attrs.get("id", "").startswith("area-")}
    for question in bank.questions:
        area = bank.topics[question.topics[0]].area
        assert headings[area] == bank.areas[area]


def searchable(page) -> str:
    """What Pagefind indexes on a page: its data-pagefind-body, less what is data-pagefind-ignore."""
    bodies = [element for element in page.iter() if "data-pagefind-body" in element.attrs]
    assert len(bodies) == 1, f"{len(bodies)} data-pagefind-body elements"

    def text(element) -> str:
        if "data-pagefind-ignore" in element.attrs:
            return " "
        return "".join(child if isinstance(child, str) else text(child) for child in element.children)

    return " ".join(text(bodies[0]).split())


def test_pagefind_indexes_every_page_with_an_article_and_nothing_else(site: Path) -> None:
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    marked = [path for path in site.rglob("*.html") if "data-pagefind-body" in path.read_text(encoding="utf-8")]
    assert {path.relative_to(site).as_posix() for path in marked} >= {f"questions/{i}/index.html" for i in ids}
    assert "404.html" not in {path.name for path in marked}
    assert entry["languages"]["en"]["page_count"] == len(marked)
    # Material's own index, which every page fetched whole, is not built.
    assert not (site / "search").exists()


def test_search_index_holds_every_question(site: Path) -> None:
    for question in QUESTIONS:
        indexed = plain(searchable(page_of(site, question)))
        # The question's prose; an exercise's snippet is indexed as code.
        prose = question.question.split("```")[0]
        assert plain(prose) in indexed
        assert plain(question.title) in indexed


def test_neighbours_titles_are_not_indexed_on_a_page(site: Path) -> None:
    # Otherwise a search for one question's title also finds its neighbours.
    first, second = QUESTIONS[0], QUESTIONS[1]
    indexed = searchable(page_of(site, first))
    assert second.title not in indexed and "All questions" not in indexed


@pytest.mark.parametrize(("term", "question_id"), [("GIL", "gil"), ("metaclass", "metaclasses"), ("yield", "generators")])
def test_distinctive_terms_are_indexed_on_their_page(site: Path, term: str, question_id: str) -> None:
    page = parse(site / "questions" / question_id / "index.html")
    assert term.lower() in searchable(page).lower()


def test_aliases_redirect_to_the_current_url(hostile_site: Path) -> None:
    redirect = parse(hostile_site / "questions" / "hostile-old" / "index.html")
    refresh = redirect.find("meta", **{"http-equiv": "refresh"})
    assert refresh.attrs["content"] == "0; url=../hostile-two/"
    assert redirect.find("link", rel="canonical").attrs["href"].endswith("/questions/hostile-two/")


def test_nothing_is_loaded_from_other_hosts(site: Path) -> None:
    for html_file in site.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, html_file
        for url in re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="(https?://[^"]+)"', text):
            assert url.startswith("http://127.0.0.1:8000/"), f"{html_file}: loads {url}"


def test_hostile_data_is_shown_as_text(hostile_site: Path) -> None:
    html = (hostile_site / "questions" / "hostile-one" / "index.html").read_text(encoding="utf-8")
    home = (hostile_site / "index.html").read_text(encoding="utf-8")
    for text in (html, home):
        assert "<script>window.__pwned" not in text
        assert not re.search(r"<(img|svg|iframe|b|style|div|a)\s[^>]*(onerror|onload|onmouseover|onclick)=", text)
        assert "injected-class" not in re.findall(r'class="([^"]*)"', text)
    page = parse(hostile_site / "questions" / "hostile-one" / "index.html")
    shown = page.find("article").text
    for literal in ["{{ 6 * 7 }}", "{% for x in [1] %}loop{% endfor %}", "{# comment #}", '"{{{0}}}".format(1)',
                    'f"{{x}}"', "<script>window.__pwned = 'question'</script>", "__new__", "{{ lipsum() }}"]:
        assert literal in shown, literal
    assert "{{ 7 * 7 }}" in parse(hostile_site / "index.html").find("h1").text


def test_bad_bank_fails_the_build_cleanly(tmp_path: Path) -> None:
    bad = tmp_path / "questions.yaml"
    source = (ROOT / "data" / "questions.yaml").read_text(encoding="utf-8")
    bad.write_text(re.sub(r"^(    minutes: )(\d+)$", r"\1'\2'", source, count=1, flags=re.MULTILINE))
    result = build_site(tmp_path / "site", bank_file=bad)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert re.search(rf"{re.escape(str(bad))}:\d+: question '{ids[0]}': field 'minutes'", result.stderr)


def test_a_bad_link_is_reported_in_the_data_not_in_a_generated_page(tmp_path: Path) -> None:
    bank = FIXTURES / "broken-link.yaml"
    result = build_site(tmp_path / "site", bank_file=bank)
    assert result.returncode != 0
    assert f"{bank}:23: question 'broken-link': field 'answer': the link target 'nowhere.md'" in result.stderr
    assert "questions/broken-link.md" not in result.stderr and "Traceback" not in result.stderr


def test_failed_build_leaves_no_half_built_site(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "previous.html").write_text("the last good build")
    env = {"QUESTION_BANK": str(FIXTURES / "broken-link.yaml"), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([str(ROOT / "scripts" / "build"), str(out)], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode != 0
    assert (out / "previous.html").read_text() == "the last good build"
    assert not (tmp_path / "site.partial").exists()


def csp_of(html: str) -> str | None:
    found = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
    return found.group(1) if found else None


def test_every_page_carries_one_strict_policy(site: Path) -> None:
    policies = {}
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        policy = csp_of(html)
        assert policy, f"{path} has no Content-Security-Policy"
        assert html.index("Content-Security-Policy") < html.index("<script"), f"{path}: the policy comes after a script"
        policies[path.relative_to(site).as_posix()] = policy
    redirects = {page for page, policy in policies.items() if policy == "default-src 'none'"}
    assert redirects == {f"questions/{alias}/index.html" for q in QUESTIONS for alias in q.aliases}
    site_policies = set(policies.values()) - {"default-src 'none'"}
    # Instant navigation keeps the first page's policy: every page needs the same one.
    assert len(site_policies) == 1
    [policy] = site_policies
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["object-src"] == "'none'" and directives["base-uri"] == "'self'"
    assert directives["form-action"] == "'self'"
    # Search compiles Pagefind's WebAssembly; nothing may eval() or run inline code unhashed.
    assert directives["script-src"].startswith("'self' 'wasm-unsafe-eval' 'sha256-")
    assert "'unsafe-" not in policy


def test_the_policy_allows_exactly_the_inline_scripts_the_site_has(site: Path) -> None:
    import base64
    import hashlib

    policy = csp_of((site / "index.html").read_text(encoding="utf-8"))
    allowed = set(re.findall(r"'sha256-([^']+)'", policy))
    found = set()
    for path in site.rglob("*.html"):
        for script in re.findall(r"<script>(.*?)</script>", path.read_text(encoding="utf-8"), flags=re.DOTALL):
            found.add(base64.b64encode(hashlib.sha256(script.encode()).digest()).decode())
    assert found and allowed == found
