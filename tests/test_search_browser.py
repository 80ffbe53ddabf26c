"""Material's search in real Chromium: synonyms, German competency names, indicator phrases.

Material appends a wildcard to every query term, which skips lunr's stemmer; the site's
search therefore indexes words unstemmed (mkdocs.yml: ``pipeline``). These queries would
find nothing with a stemmed German index ("Kundenbeziehungen" -> "kundenbezieh"). Plurals
and umlauts typed as ae/oe/ue find their singular through the site's search worker
(assets/javascripts/workers/handbook-search.js), which also puts exact titles first.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import DEFAULT_CATALOGUE, FIXTURES, build_site

from generator.pipeline import load_handbook

RESULT_LINKS = ".md-search-result__item > a.md-search-result__link"


def search(page: Any, base: str, query: str) -> list[str]:
    """Type ``query`` into the search box of the home page; the result pages' paths, in order."""
    page.goto(base)
    page.locator("label.md-search__icon, input.md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.type(query, delay=15)
    page.wait_for_selector(RESULT_LINKS, timeout=10_000)
    page.wait_for_timeout(300)  # let the last keystroke's results replace the earlier ones
    scroller = page.locator(".md-search__scrollwrap")
    shown = -1
    while shown != page.locator(RESULT_LINKS).count():  # more results load on scrolling
        shown = page.locator(RESULT_LINKS).count()
        scroller.evaluate("element => element.scrollTo(0, element.scrollHeight)")
        page.wait_for_timeout(200)
    hrefs = page.eval_on_selector_all(RESULT_LINKS, "links => links.map(a => a.href)")
    return [href.removeprefix(base).split("?")[0].split("#")[0] for href in hrefs]


@pytest.fixture(scope="module")
def base(default_site: Path, serve_site: Callable[[Path], str]) -> str:
    return serve_site(default_site)


def test_synonym_finds_the_role_first(page: Any, base: str) -> None:
    """Assert that typing a synonym shows the Account Supervisor as the first result."""
    results = search(page, base, "Head of Account Management")
    assert results[0] == "roles/account-supervisor/"
    title = page.locator(".md-search-result__item").first.locator("h1").inner_text()
    assert title.strip() == "Account Supervisor"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Kundenbeziehungen", "competencies/kundenbeziehungen/"),
        ("Überzeugungsfähigkeit", "competencies/ueberzeugungsfaehigkeit/"),
        ("überzeugung", "competencies/ueberzeugungsfaehigkeit/"),
        ("Kundenbeziehung", "competencies/kundenbeziehungen/"),
    ],
)
def test_german_competency_name_finds_its_page(
    page: Any, base: str, query: str, expected: str
) -> None:
    """Assert that a competency name with umlauts, or its beginning, finds the competency first."""
    assert search(page, base, query)[0] == expected


def test_indicator_phrase_finds_the_competency(page: Any, base: str) -> None:
    """Assert that a phrase from an indicator finds the competency page it belongs to."""
    results = search(page, base, "formuliert mündlich präzise")
    assert "competencies/verbale-kommunikation/" in results


def test_another_title_of_a_role_finds_it(page: Any, base: str) -> None:
    """Assert that a one-word synonym (Kundenmanager) finds the Account Manager first."""
    assert search(page, base, "Kundenmanager")[0] == "roles/account-manager/"


# ---- word forms, the guide's examples, titles first (issue 14) ------------------------------


@pytest.mark.parametrize("query", ["Führungskräfte", "fuehrungskraefte"])
def test_a_plural_finds_the_pages_its_singular_finds(page: Any, base: str, query: str) -> None:
    """Assert that a plural with umlaut, or typed without umlauts, finds every page the singular
    ("Führungskraft") finds, and that no result calls a word form the reader did not type
    missing."""
    singular = set(search(page, base, "Führungskraft"))
    assert singular
    assert singular <= set(search(page, base, query))
    missing = page.locator(".md-search-result del").all_inner_texts()
    assert not [word for word in missing if word.lower() != query.lower()], missing


@pytest.mark.parametrize("query", ["Verhandl", "Kundenbeziehungen"])
def test_the_guides_examples_are_not_search_content(page: Any, base: str, query: str) -> None:
    """Assert that the HR guide's YAML examples do not answer a query about a competency: the
    competency, role and path pages rank above the guide (if it is found at all)."""
    results = search(page, base, query)
    assert results and results[0].startswith(("competencies/", "roles/", "paths/")), results
    if "guide/" in results:
        first_guide = results.index("guide/")
        assert all(not url.startswith("guide/") for url in results[:first_guide])
        assert first_guide > max(
            i for i, url in enumerate(results) if url.startswith(("competencies/", "roles/"))
        )


def test_a_roles_title_and_synonyms_outrank_everything(page: Any, base: str) -> None:
    """Assert that each role's title and each of its synonyms, typed in full, show that role
    first (the Account Executive before the Senior Account Executive)."""
    handbook = load_handbook(DEFAULT_CATALOGUE)
    for role in handbook.roles:
        for name in (role.title, *role.synonyms):
            assert search(page, base, name)[0] == f"roles/{role.id}/", name


@pytest.fixture(scope="module")
def marked_base(tmp_path_factory: pytest.TempPathFactory, serve_site: Callable[[Path], str]) -> str:
    """A site whose only "einzigartig" is written between asterisks in a role's summary (a
    plain text field: shown as written, not as emphasis)."""
    root = tmp_path_factory.mktemp("marked") / "cat"
    shutil.copytree(FIXTURES / "small-de", root)
    role = root / "roles" / "service-agent.yaml"
    text = role.read_text(encoding="utf-8")
    summary = next(line for line in text.splitlines() if line.startswith("summary:"))
    text = text.replace(summary, "summary: Sehr *einzigartig* & snake_fall")
    text = text.replace("synonyms: [Kundenberater]", 'synonyms: ["Kundenberater*in", "R&D Team"]')
    role.write_text(text, "utf-8")
    return serve_site(build_site(root, root.parent / "site"))


@pytest.mark.parametrize("query", ["einzigartig", "fall"])
def test_words_between_markup_characters_are_found(page: Any, marked_base: str, query: str) -> None:
    """Assert that a word between characters that are markup elsewhere ("*einzigartig*",
    "snake_fall") is a word of its own for search."""
    assert "roles/service-agent/" in search(page, marked_base, query)


@pytest.mark.parametrize("synonym", ["Kundenberater*in", "R&D Team"])
def test_a_synonym_with_punctuation_finds_its_role_first(
    page: Any, marked_base: str, synonym: str
) -> None:
    """Assert that a synonym with a gender star or an ampersand, typed in full, shows its role
    first, with the synonym as written among the result's tags."""
    assert search(page, marked_base, synonym)[0] == "roles/service-agent/"
    tags = page.locator(".md-search-result__item").first.locator(".md-tag").all_text_contents()
    assert synonym in [tag.strip() for tag in tags]
