"""The compare page in Chromium: any two roles, the choice in the address, without JavaScript.

The page (compare/) is generated once; the comparison is made by its script from
catalogue.json. Checked against the model's own targets of the default catalogue, and with
a small catalogue (``WORDS``) whose roles say in words what they expect: a target at the same
level with other words, and a role described in words only (``competencies: {}``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import build_site, write_catalogue

from generator.model.handbook import Handbook

# Senior Engineer -> Engineering Manager -> Director: System Design stays at 4, but only the
# Senior Engineer says what it expects there; the Director sets no targets at all.
WORDS: dict[str, Any] = {
    "handbook.yaml": {
        "title": "Words Handbook",
        "language": "en",
        "scale": {1: "Aware", 2: "Working", 3: "Practitioner", 4: "Expert"},
        "families": [{"id": "engineering", "name": "Engineering"}],
    },
    "competencies/craft.yaml": {
        "name": "Craft",
        "competencies": [
            {
                "id": "system-design",
                "name": "System Design",
                "summary": "designs systems that can grow",
                "levels": {4: "Designs services end to end."},
            },
            {"id": "code-review", "name": "Code Review", "indicators": ["reviews kindly"]},
            {"id": "mentoring", "name": "Mentoring", "indicators": ["pairs with others"]},
            {"id": "hiring", "name": "Hiring", "indicators": ["runs interviews"]},
        ],
    },
    "roles/senior-engineer.yaml": {
        "title": "Senior Engineer",
        "family": "engineering",
        "rank": 1,
        "summary": "Leads the technical work of a team.",
        "competencies": {
            "system-design": {
                "level": 4,
                "expects": "Writes the design doc for every new service, with sign-off from\n"
                "[the manager](role:engineering-manager).\n",
            },
            "code-review": 4,
            "mentoring": {"level": 3, "expects": "Mentors one engineer at a time."},
        },
    },
    "roles/engineering-manager.yaml": {
        "title": "Engineering Manager",
        "family": "engineering",
        "rank": 2,
        "summary": "Leads a team of engineers.",
        "competencies": {
            "system-design": 4,
            "code-review": 3,
            "mentoring": {"level": 3, "expects": "Mentors one engineer at a time."},
            "hiring": {"level": 4, "expects": "Owns the hiring plan."},
        },
    },
    "roles/director.yaml": {
        "title": "Director of Engineering",
        "family": "engineering",
        "rank": 3,
        "summary": "Leads the managers; described in words only.",
        "competencies": {},
    },
    "paths/management.yaml": {
        "title": "Management",
        "steps": ["senior-engineer", "engineering-manager", "director"],
    },
}


@pytest.fixture(scope="module")
def words_url(tmp_path_factory: pytest.TempPathFactory, serve_site: Any) -> str:
    """The served site of ``WORDS``."""
    root = write_catalogue(tmp_path_factory.mktemp("words") / "catalogue", WORDS)
    return str(serve_site(build_site(root, root.parent / "site")))


def _expected(handbook: Handbook, first: str, second: str) -> dict[str, list[str]]:
    """Competency ids by kind of change from role ``first`` to role ``second``: a target at
    the same level with another ``expects`` is "reworded", as on the path page."""
    before, after = handbook.role(first), handbook.role(second)
    kinds = ("raised", "lowered", "added", "dropped", "reworded")
    found: dict[str, list[str]] = {kind: [] for kind in kinds}
    for competency in handbook.competencies:
        old, new = before.target(competency.id), after.target(competency.id)
        a, b = (old.level if old else None), (new.level if new else None)
        if a == b:
            if old and new and old.expects != new.expects:
                found["reworded"].append(competency.id)
            continue
        kind = (
            "added" if a is None else "dropped" if b is None else "raised" if b > a else "lowered"
        )
        found[kind].append(competency.id)
    return {kind: ids for kind, ids in found.items() if ids}


def _shown(page: Any) -> dict[str, list[str]]:
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('.ch-compare-result tbody')]
            .map((body) => [body.dataset.kind,
              [...body.querySelectorAll('tr[data-competency]')]
                .map((row) => row.dataset.competency)]))"""
    )


def _wait(page: Any, first: str, second: str) -> None:
    page.wait_for_selector(f'.ch-compare-result[data-from="{first}"][data-to="{second}"]')


def test_every_role_page_links_to_the_compare_page_with_its_role(
    page: Any, default_url: str, default_handbook: Handbook
) -> None:
    """Assert that "compare with …" on a role page opens the comparison with that role and its
    next step, listing every competency whose target differs, with level bars."""
    for role in default_handbook.roles:
        page.goto(f"{default_url}roles/{role.id}/")
        link = page.locator('.ch-facts a[href*="compare/?from="]')
        assert link.count() == 1, role.id
    page.goto(default_url + "roles/key-account-manager/")
    page.locator('.ch-facts a[href*="compare/?from="]').click()
    _wait(page, "key-account-manager", "account-supervisor")
    assert page.input_value('select[name="from"]') == "key-account-manager"
    assert _shown(page) == _expected(default_handbook, "key-account-manager", "account-supervisor")
    bars = page.locator(".ch-compare-result .ch-level")
    assert bars.count() > 0
    assert bars.first.get_attribute("role") == "img"
    assert bars.first.get_attribute("aria-label").startswith("Soll-Niveau ")
    link = page.locator(".ch-compare-result tbody a").first
    assert link.get_attribute("href").startswith("../competencies/")


def test_the_choice_is_in_the_address_and_can_be_shared(
    page: Any, default_url: str, default_handbook: Handbook
) -> None:
    """Assert that choosing roles writes them into the address, and that opening that address
    elsewhere shows the same comparison."""
    page.goto(default_url + "compare/")
    page.wait_for_selector(".ch-compare-result[data-from]")
    page.select_option('select[name="from"]', "account-supervisor")
    page.select_option('select[name="to"]', "account-representative")
    _wait(page, "account-supervisor", "account-representative")
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"from": ["account-supervisor"], "to": ["account-representative"]}
    shown = _shown(page)
    assert shown == _expected(default_handbook, "account-supervisor", "account-representative")
    assert "lowered" in shown or "dropped" in shown
    other = page.context.new_page()
    other.goto(page.url)
    _wait(other, "account-supervisor", "account-representative")
    assert _shown(other) == shown
    summary = other.locator(".ch-compare-result .ch-summary").inner_text()
    assert summary.startswith("Account Supervisor → Account Representative: ")
    counts = summary.removeprefix("Account Supervisor → Account Representative: ").split(", ")
    assert counts and all(not count.startswith("0 ") for count in counts), (
        summary
    )  # only kinds there are
    assert any(count.endswith(" niedriger") for count in counts), summary


def test_any_two_roles_and_the_same_role_twice(
    page: Any, default_url: str, default_handbook: Handbook
) -> None:
    """Assert that every pair of roles shows exactly its differences, and one role twice asks
    for two different roles."""
    ids = [role.id for role in default_handbook.roles]
    for first in ids:
        for second in ids:
            page.goto(f"{default_url}compare/?from={first}&to={second}")
            if first == second:
                page.wait_for_selector(".ch-compare-result .ch-compare-status")
                assert "zwei verschiedene Rollen" in page.locator(".ch-compare-result").inner_text()
                continue
            _wait(page, first, second)
            assert _shown(page) == _expected(default_handbook, first, second), (first, second)


def test_without_javascript_the_page_offers_the_roles_and_the_matrix(
    browser: Any, default_url: str, default_handbook: Handbook
) -> None:
    """Assert that without JavaScript the form lists every role and the page points to the
    matrix; submitting keeps the choice in the address."""
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(default_url + "compare/")
        options = page.locator('select[name="from"] option')
        assert sorted(options.evaluate_all("os => os.map(o => o.value)")) == sorted(
            role.id for role in default_handbook.roles
        )
        note = page.locator(".ch-compare-nojs")
        assert note.is_visible() and "JavaScript" in note.inner_text()
        assert note.locator("a").get_attribute("href") == "../matrix/"
        page.select_option('select[name="to"]', "key-account-manager")
        page.locator(".ch-compare-submit").click()
        page.wait_for_url("**/compare/?*")
        assert parse_qs(urlsplit(page.url).query)["to"] == ["key-account-manager"]
    finally:
        context.close()


def test_the_page_keeps_the_policy_and_asks_no_other_host(page: Any, default_url: str) -> None:
    """Assert that the compare page runs under the site's CSP with no error and no request to
    another host."""
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.context.on("request", lambda request: requests.append(request.url))
    page.goto(default_url + "compare/?from=account-manager")
    _wait(page, "account-manager", "account-supervisor")
    assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
    assert not errors
    origin = default_url.rstrip("/")
    assert all(url.startswith(origin + "/") for url in requests), requests
    assert not page.locator(".ch-compare-nojs").is_visible()


def test_the_same_level_with_other_words_is_a_change_and_shows_both_expectations(
    page: Any, words_url: str
) -> None:
    """Assert that a target at the same level whose expectation differs is listed as "other
    expectation at the same target" (the path page's words), never counted as unchanged, and
    that each role's column says what that role expects (Markdown shown as its words), also
    where the level changes (those words were left out)."""
    page.goto(words_url + "compare/?from=senior-engineer&to=engineering-manager")
    _wait(page, "senior-engineer", "engineering-manager")
    assert _shown(page) == {
        "lowered": ["code-review"],
        "added": ["hiring"],
        "reworded": ["system-design"],
    }
    summary = page.locator(".ch-compare-result .ch-summary").inner_text()
    assert "1 with another expectation, 1 unchanged." in summary  # mentoring: same words
    title = page.locator('tbody[data-kind="reworded"] .ch-changes__title').inner_text()
    page.goto(words_url + "paths/management/")
    assert page.locator(".ch-changes__reworded .ch-changes__title").first.inner_text() == title
    assert title == "Other expectation at the same target (1)"
    page.goto(words_url + "compare/?from=senior-engineer&to=engineering-manager")
    _wait(page, "senior-engineer", "engineering-manager")
    row = page.locator('tbody[data-kind="reworded"] tr[data-competency="system-design"]')
    senior, manager = row.locator("td").all()
    assert senior.locator(".ch-level").get_attribute("aria-label").endswith("4 of 4")
    assert senior.locator(".ch-compare-expects").inner_text() == (
        "Writes the design doc for every new service, with sign-off from the manager."
    )
    assert manager.locator(".ch-level").count() == 1
    assert manager.locator(".ch-compare-expects").inner_text() == "No expectation of its own"
    # a changed level shows a role's words where it has any (the path page does too)
    added = page.locator('tbody[data-kind="added"] tr[data-competency="hiring"] td').all()
    assert added[0].locator(".ch-compare-expects").count() == 0  # no target, no words
    assert added[1].locator(".ch-compare-expects").inner_text() == "Owns the hiring plan."
    lowered = page.locator('tbody[data-kind="lowered"] .ch-compare-expects')
    assert lowered.count() == 0  # code review: neither role says more than its level
    assert page.locator(".ch-compare-result .ch-compare-expects").count() == 3
    page.goto(words_url + "compare/?from=engineering-manager&to=senior-engineer")
    _wait(page, "engineering-manager", "senior-engineer")
    assert _shown(page)["reworded"] == ["system-design"]


def test_a_role_described_in_words_says_so_instead_of_listing_everything(
    page: Any, words_url: str
) -> None:
    """Assert that a role without targets stays selectable, and the result says plainly that
    it is described in words and sets no targets (linking its page) instead of listing every
    competency as falling away or new."""
    for first, second in (("engineering-manager", "director"), ("director", "senior-engineer")):
        page.goto(f"{words_url}compare/?from={first}&to={second}")
        _wait(page, first, second)
        result = page.locator(".ch-compare-result")
        note = result.locator(".ch-compare-words-only")
        assert note.count() == 1 and note.get_attribute("data-role") == "director"
        assert note.inner_text() == (
            "Director of Engineering is described in words and sets no target per "
            "competency: there is nothing to compare. The linked page says what is expected."
        )
        assert note.locator("a").get_attribute("href") == "../roles/director/"
        assert result.locator("table").count() == 0
        assert "fall away" not in result.inner_text() and "New" not in result.inner_text()
    assert "director" in page.locator('select[name="to"] option').evaluate_all(
        "options => options.map((option) => option.value)"
    )


def test_the_german_page_says_so_with_the_catalogues_own_nouns(
    page: Any, tmp_path: Path, serve_site: Any
) -> None:
    """Assert that the German page says the same with the catalogue's own nouns (terms)."""
    files = {**WORDS, "handbook.yaml": {**WORDS["handbook.yaml"], "language": "de"}}
    files["handbook.yaml"]["terms"] = {"role": ["Stelle", "Stellen"], "level": ["Stufe", "Stufen"],
                                       "competency": ["Fähigkeit", "Fähigkeiten"]}  # fmt: skip
    root = write_catalogue(tmp_path / "catalogue", files)
    url = serve_site(build_site(root, tmp_path / "site"))
    page.goto(url + "compare/?from=senior-engineer&to=director")
    _wait(page, "senior-engineer", "director")
    assert page.locator(".ch-compare-words-only").inner_text() == (
        "Director of Engineering wird in Worten beschrieben und setzt kein Soll je Fähigkeit: Es "
        "gibt nichts zu vergleichen. Was erwartet wird, steht auf der verlinkten Seite."
    )
    page.goto(url + "compare/?from=senior-engineer&to=engineering-manager")
    _wait(page, "senior-engineer", "engineering-manager")
    summary = page.locator(".ch-summary").inner_text()
    assert "1 mit anderer Erwartung, 1 unverändert." in summary
    words = page.locator('tr[data-competency="system-design"] .ch-compare-expects').all()
    assert words[1].inner_text() == "Keine eigene Erwartung"
