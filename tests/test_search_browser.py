"""Material's search in real Chromium: synonyms, German competency names, indicator phrases.

Material appends a wildcard to every query term, which skips lunr's stemmer; the site's
search therefore indexes words unstemmed (mkdocs.yml: ``pipeline``). These queries would
find nothing with a stemmed German index ("Kundenbeziehungen" -> "kundenbezieh"). Plurals
and umlauts typed as ae/oe/ue find their singular through the site's search worker
(assets/javascripts/workers/handbook-search.js), which also puts exact titles first.

Words of other scripts (assets/search/scripts.js): Cyrillic, Greek, Arabic and Hebrew words
are found as Latin ones are; Chinese and Japanese runs are indexed as pairs of characters, so
any part of a run is found and a run typed in full finds no page holding only its beginning;
emoji and other scripts' punctuation are no part of the word beside them; text written with
combining accents is found as typed. These queries are typed as a keyboard of that script
would type them, a key down and up per character: Playwright's ``type`` puts characters that
are not on a US keyboard in without any key, and Material reads the search field on key-up.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import DEFAULT_CATALOGUE, FIXTURES, build_site

from generator.pipeline import generate, load_handbook

RESULT_LINKS = ".md-search-result__item > a.md-search-result__link"


def press_keys(page: Any, text: str) -> None:
    """Type ``text`` into the focused field as a keyboard with its script's layout does: a key
    down (with the character) and up for each character."""
    session = page.context.new_cdp_session(page)
    for char in text:
        key = {"key": char, "text": char, "unmodifiedText": char}
        session.send("Input.dispatchKeyEvent", {"type": "keyDown", **key})
        session.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": char})
        page.wait_for_timeout(15)
    session.detach()


def search(page: Any, base: str, query: str, *, keys: bool = False) -> list[str]:
    """Type ``query`` into the search box of the home page; the result pages' paths, in order.
    With ``keys`` every character is a key pressed (``press_keys``), else Playwright types."""
    page.goto(base)
    page.locator("label.md-search__icon, input.md-search__input").first.click()
    box = page.locator("input.md-search__input")
    if keys:
        press_keys(page, query)
    else:
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


# ---- words of every script ------------------------------------------------------------------

SCRIPT_ENGINES = {
    "properdocs": ["properdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", "site"],
}


def _scripts_catalogue(root: Path) -> Path:
    """The small German catalogue with words of other scripts in titles, synonyms and texts."""
    shutil.copytree(FIXTURES / "small-de", root)

    def change(role: str, **fields: Any) -> None:
        path = root / "roles" / f"{role}.yaml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data.update(fields)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")

    change(
        "service-agent",
        synonyms=["Kundenberater", "Руководитель группы", "カスタマーサービス担当"],
        summary="Beantwortet Anfragen von Kunden (客户服务) am Telefon und per E-Mail.",
    )
    change(
        "senior-agent",
        title="Senior Service Agent – وكيل أول",
        summary="Löst schwierige Fälle: 🚀Raketenstart für neue Kolleginnen. ¿Hablas español?",
    )
    change(
        "teamleitung",
        synonyms=["客户服务团队负责人"],
        summary="Führt das Serviceteam, Συντονίζει την ομάδα, מנהל צוות. "
        + unicodedata.normalize("NFD", "Ingénieure willkommen."),
        description="Leitet Vorhaben als 项目**经理**助理.",
    )
    return root


@pytest.fixture(scope="module", params=["mkdocs", *SCRIPT_ENGINES])
def scripts_base(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    serve_site: Callable[[Path], str],
) -> str:
    """The site of ``_scripts_catalogue``, built by MkDocs or by ProperDocs."""
    folder = tmp_path_factory.mktemp(f"scripts-{request.param}")
    root = _scripts_catalogue(folder / "cat")
    if request.param == "mkdocs":
        return serve_site(build_site(root, folder / "site"))
    generate(root, folder / "tree")
    command = SCRIPT_ENGINES[request.param]
    subprocess.run(
        [str(Path(sys.executable).parent / command[0]), *command[1:]],
        cwd=folder / "tree",
        check=True,
        capture_output=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return serve_site(folder / "tree" / "site")


@pytest.mark.parametrize(
    ("query", "role"),
    [
        ("Руководитель группы", "service-agent"),  # a Cyrillic synonym
        ("Руководитель", "service-agent"),
        ("Руковод", "service-agent"),  # its beginning
        ("وكيل", "senior-agent"),  # an Arabic word of a title
        ("Συντονίζει", "teamleitung"),  # Greek
        ("ομάδα", "teamleitung"),
        ("מנהל", "teamleitung"),  # Hebrew
    ],
)
def test_a_word_of_another_script_finds_its_role_first(
    page: Any, scripts_base: str, query: str, role: str
) -> None:
    """Assert that a Cyrillic synonym, an Arabic word of a title, Greek and Hebrew words of a
    summary, whole or their beginning, show their role first."""
    assert search(page, scripts_base, query, keys=True)[0] == f"roles/{role}/"


@pytest.mark.parametrize(
    ("query", "role"),
    [
        ("负责人", "teamleitung"),  # the end of the synonym 客户服务团队负责人
        ("团队", "teamleitung"),  # its middle
        ("客户服务团队负责人", "teamleitung"),  # all of it
        ("担当", "service-agent"),  # the end of the synonym カスタマーサービス担当
        ("サービス", "service-agent"),
        ("经理助理", "teamleitung"),  # across the description's bold: 项目**经理**助理
    ],
)
def test_a_chinese_or_japanese_word_finds_its_role_first(
    page: Any, scripts_base: str, query: str, role: str
) -> None:
    """Assert that a Chinese or Japanese word found anywhere in a run of characters (a synonym,
    a description with a bold word inside) shows its role first."""
    assert search(page, scripts_base, query, keys=True)[0] == f"roles/{role}/"


def test_a_chinese_synonym_finds_no_page_holding_only_its_beginning(
    page: Any, scripts_base: str
) -> None:
    """Assert that the synonym 客户服务团队负责人 typed in full finds its role and not the role
    whose summary holds only its beginning, 客户服务, and that the result marks the synonym as
    one."""
    results = search(page, scripts_base, "客户服务团队负责人", keys=True)
    assert results[0] == "roles/teamleitung/"
    assert "roles/service-agent/" not in results
    first = page.locator(".md-search-result__item").first.inner_html()
    assert "<mark>客户服务团队负责人</mark>" in first, first


@pytest.mark.parametrize(
    ("query", "role"),
    [
        ("Raketenstart", "senior-agent"),  # written against an emoji: 🚀Raketenstart
        ("🚀", "senior-agent"),
        ("Hablas", "senior-agent"),  # after an inverted question mark: ¿Hablas
        ("Ingénieure", "teamleitung"),  # written with a combining accent (NFD)
    ],
)
def test_words_beside_emoji_punctuation_or_accents_are_found(
    page: Any, scripts_base: str, query: str, role: str
) -> None:
    """Assert that a word written against an emoji, the emoji itself, a word after Spanish
    punctuation and a word written with a combining accent find their role."""
    assert f"roles/{role}/" in search(page, scripts_base, query, keys=True)


def test_text_put_in_without_a_key_is_searched(page: Any, scripts_base: str) -> None:
    """Assert that a word put into the search field without a key (an emoji picker,
    dictation, an input method's word chosen with the mouse), once the search is ready (an
    "e" typed has shown results, and been deleted), is searched: Material read the field on
    key-up only."""
    page.goto(scripts_base)
    page.locator("label.md-search__icon, input.md-search__input").first.click()
    page.keyboard.type("e")
    page.wait_for_selector(RESULT_LINKS, timeout=10_000)
    page.keyboard.press("Backspace")
    page.wait_for_selector(RESULT_LINKS, state="detached", timeout=10_000)
    page.keyboard.insert_text("Руководитель")
    page.wait_for_selector(RESULT_LINKS, timeout=10_000)
    hrefs = page.eval_on_selector_all(RESULT_LINKS, "links => links.map(a => a.href)")
    results = [href.removeprefix(scripts_base).split("?")[0] for href in hrefs]
    assert results[:1] == ["roles/service-agent/"]
