"""The compare page in Chromium: any two roles, the choice in the address, without JavaScript.

The page (compare/) is generated once; the comparison is made by its script from
catalogue.json. Checked against the model's own targets of the default catalogue.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

from generator.model.handbook import Handbook
from generator.model.relations import Relations


def _expected(handbook: Handbook, first: str, second: str) -> dict[str, list[str]]:
    """Competency ids by kind of change from role ``first`` to role ``second``."""
    relations = Relations(handbook)
    before = relations.targets(handbook.role(first))
    after = relations.targets(handbook.role(second))
    found: dict[str, list[str]] = {"raised": [], "lowered": [], "added": [], "dropped": []}
    for competency in handbook.competencies:
        a, b = before.get(competency.id), after.get(competency.id)
        if a == b:
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
    assert summary.startswith("Account Supervisor → Account Representative")


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
