"""Markdown fields: links to the catalogue by id, lists that need a blank line, the
organisation's pages and images (check/markdown.py, check/images.py, render/prose.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.check.validate import Validation, validate
from generator.load.catalogue import load
from generator.render.plan import render
from generator.render.prose import _converter, markdown_html, plain_paragraphs

Catalogue = Callable[[dict[str, Any]], Path]

HANDBOOK = """\
title: Handbook
language: en
scale:
  1: low
  2:
    label: high
    description: Does it [alone](role:lead).
families:
  - id: team
    name: Team
"""
GROUP = """\
name: Craft
competencies:
  - id: code
    name: Code
    levels:
      1: Reads code.
      2: |
        Writes code:

        - tested
        - reviewed
"""
ROLE = """\
title: Lead
family: team
description: |
  Leads the [team](family:team) on the [track](path:track).
competencies:
  code:
    level: 2
    expects: Writes the code others [learn from](competency:code).
"""
BASE = {
    "handbook.yaml": HANDBOOK,
    "competencies/craft.yaml": GROUP,
    "roles/lead.yaml": ROLE,
    "roles/junior.yaml": "title: Junior\nfamily: team\ncompetencies: {code: 1}\n",
    "paths/track.yaml": "title: Track\nsteps: [junior, lead]\n",
}
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 16


def check(catalogue: Catalogue, changes: dict[str, Any]) -> Validation:
    return validate(load(catalogue({**BASE, **changes}), "cat"))


def lines(result: Validation) -> list[str]:
    return [str(p) for p in result.problems]


def test_links_by_id_are_valid_everywhere(catalogue: Catalogue) -> None:
    """Assert that the base catalogue's links by id (in every kind of field) all hold."""
    assert lines(check(catalogue, {})) == []


def test_a_link_to_an_unknown_id_is_an_error_at_its_line(catalogue: Catalogue) -> None:
    """Assert that a link to a missing role, in a block text, names the line it is on."""
    role = ROLE.replace("(path:track)", "(path:trak)").replace("(competency:code)", "(role:x)")
    assert lines(check(catalogue, {"roles/lead.yaml": role})) == [
        "cat/roles/lead.yaml:4:48: link to unknown path 'trak': no path has this id",
        "cat/roles/lead.yaml:8:50: link to unknown role 'x': no role has this id",
    ]


def test_a_list_right_after_text_warns(catalogue: Catalogue) -> None:
    """Assert that '- ' right after a line of text warns list-needs-blank-line at its line,
    naming the competency so that accept can be narrowed to it."""
    group = GROUP.replace("Writes code:\n\n        - tested", "Writes code:\n        - tested")
    result = check(catalogue, {"competencies/craft.yaml": group})
    assert lines(result) == [
        "cat/competencies/craft.yaml:9:9: warning: this line starts with '- ' right after a "
        "line of text, so Markdown shows it as text, not as a list: add a blank line before "
        "the list [list-needs-blank-line]"
    ]
    group += "accept:\n  - warning: list-needs-blank-line\n    competency: code\n    reason: r\n"
    assert check(catalogue, {"competencies/craft.yaml": group}).problems == ()


def test_a_page_needs_front_matter_with_a_title(catalogue: Catalogue) -> None:
    """Assert that a page without front matter, or without a title, is an error."""
    found = check(
        catalogue,
        {"pages/plain.md": "Just text.\n", "pages/untitled.md": "---\nrank: 2\n---\nText.\n"},
    )
    assert lines(found) == [
        "cat/pages/plain.md:1:1: expected front matter first: a line '---', 'title: …', then "
        "a line '---'",
        "cat/pages/untitled.md:2:1: missing required field 'title'",
    ]


def test_a_page_links_and_shows_its_images(catalogue: Catalogue) -> None:
    """Assert that a page may show images of pages/images/ and link by id (from the site
    root, which the theme anchors at the page), and that a missing image is an error at its
    line."""
    page = "---\ntitle: Welcome\n---\nSee [the lead](role:lead).\n\n![Chart](images/chart.png)\n"
    files = {"pages/welcome.md": page, "pages/images/chart.png": PNG}
    result = check(catalogue, files)
    assert result.problems == () and result.handbook is not None
    out = render(result.handbook)
    assert out["pages/images/chart.png"] == PNG
    html = out["pages/welcome.md"]
    assert '<a href="/@/roles/lead/">the lead</a>' in html
    assert '<img alt="Chart" src="/@/pages/images/chart.png" />' in html
    missing = check(catalogue, {"pages/welcome.md": page.replace("chart", "graph")})
    assert lines(missing) == [
        "cat/pages/welcome.md:6:10: image 'images/graph.png' not found: expected a file "
        "'graph.png' in pages/images/"
    ]


def test_unsafe_or_mislabelled_images_are_refused(catalogue: Catalogue) -> None:
    """Assert that an SVG with a script and a PNG that is no PNG are errors."""
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    found = check(catalogue, {"pages/images/bad.svg": svg, "pages/images/fake.png": b"GIF89a"})
    assert lines(found) == [
        "cat/pages/images/bad.svg:1:1: refusing an SVG image with '<script': images may hold "
        "no scripts, event handlers, entities or links to other hosts",
        "cat/pages/images/fake.png:1:1: the file is not a PNG image",
    ]


def test_markdown_becomes_html_without_raw_html() -> None:
    """Assert that admonitions render, links by id become page URLs (from the site root),
    raw HTML stays text, images outside pages show their alternative text, and a link may not
    use the site root's mark."""
    text = (
        '!!! note "Mind"\n    Read [this](competency:code).\n\n'
        "<b>bold</b> ![pic](x.png) [x](javascript:alert(1)) [y](/@/roles/x/)"
    )
    html = markdown_html(text)
    assert '<div class="admonition note">' in html
    assert '<a href="/@/competencies/code/">this</a>' in html and "/@/roles" not in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html and "<b>" not in html
    assert "<img" not in html and "pic" in html
    assert "javascript" not in html


def test_collapsible_admonitions_are_details() -> None:
    """Assert that ??? gives a closed <details>, ???+ an open one, with Material's classes."""
    html = markdown_html('??? tip "More"\n    Hidden.\n\n???+ warning\n    Shown.')
    assert '<details class="tip">\n<summary>More</summary>' in html
    assert '<details class="warning" open="open">' in html


# --- plain prose takes a short way, with the same HTML -------------------------------------

# Pieces of text: prose, and Markdown or HTML syntax that the short way must not take.
PIECES = [
    *["Plan", "über", "Ärger", "a", "Z", "1", "2024", " ", "  ", "\n", "\n\n", "\n  "],
    *[".", ",", ";", ":", "?", "!", "'", '"', "(", ")", "%", "/", "+", "=", "-", "--"],
    *["\u2013", "\u201e", "\u201c", "\u2019", "\u2026", "\u20ac", "\u00a7"],
    *["*", "_", "`", "#", "> ", "|", "[", "]", "(x)", "<b>", "&", "&amp;", "\\", "{", "\t"],
    *["1. ", "- ", "* ", "+ ", "!!! note", "??? tip", "===", "---", "    ", "![a](b)"],
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join))
def test_plain_prose_html_is_what_markdown_writes(text: str) -> None:
    """Assert that wherever the short way for plain prose applies, it writes exactly what
    Python-Markdown does."""
    short = plain_paragraphs(text)
    if short is not None:
        assert short == _converter().reset().convert(text)


def test_typical_fields_take_the_short_way() -> None:
    """Assert that descriptions and level texts as catalogues write them skip the parser,
    and that anything with Markdown in it does not."""
    prose = [
        "Führt Gespräche mit „Schlüsselkunden“ – auch über 50.000 € (netto).",
        "Plans the work.\nChecks it with the team.\n\nReports: weekly, to the lead.",
    ]
    assert all(plain_paragraphs(text) for text in prose)
    markdown = ["- a list", "1. first", "Some *emphasis*", "Line  \nbreak", "# Heading", "a_b"]
    assert not any(plain_paragraphs(text) for text in markdown)
    assert plain_paragraphs("One.\n\n\nTwo.") == "<p>One.</p>\n<p>Two.</p>"
