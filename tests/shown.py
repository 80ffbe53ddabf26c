"""Generated files as their pages show them: a page's Markdown, then its body.

A sheet's body, a role page's competency tables and a family's matrix are in templates of the
theme (``overrides/<kind>/_bodies/``, a few files of bodies) that call the pieces their kind of
page shares
(``overrides/<kind>/_shared/``, generator/render/library.py). ``shown`` puts each body,
its calls replaced by what they show, after its page's Markdown, as the theme does.
"""

from __future__ import annotations

import json
import re
from typing import Any

from generator.render import urls

MACRO = re.compile(
    r"\{% macro (p[0-9a-f]{16})\(\) %\}\{% raw %\}(.*?)\{% endraw %\}\{% endmacro %\}", re.S
)
CALL = re.compile(r"\{\{ shared\.(p[0-9a-f]{16})\(\) \}\}")
IMPORT = re.compile(r'\{% import "(sheets|roles)/_shared/_page\.html" as shared %\}\n?')
SECTIONS = re.compile(r"\{\{ shared\.sections\((.*?)\) \}\}")
SECTION = re.compile(r"\{% macro section\(names\) %\}(.*?)\{% endmacro %\}", re.S)
ITEMS = "{% for at in range(0, names | length, 17) %}{{ pieces[names[at:at + 17]]() }}{% endfor %}"
KINDS = (urls.SHEETS, urls.ROLES)


def shown(files: dict[str, Any]) -> dict[str, Any]:
    """``files`` (as ``render`` gives them) with each page's body after its Markdown."""
    files = dict(files)
    pieces = {kind: library(files, kind) for kind in KINDS}
    found = bodies(files)
    for name in [n for n in files if n.startswith(KINDS) and n.endswith(".md")]:
        body = found.pop(urls.body_id(name))
        files[name] = f"{files[name]}\n{shown_body(body, pieces[name.split('/')[0]])}"
    for name in [n for n in files if n.startswith("matrix/") and n.endswith(".md")]:
        body = found.pop(urls.body_id(name), None)  # no shared pieces
        if body is not None:
            assert "{" not in body, body[:100]
            files[name] = f"{files[name]}\n{body}"
    assert not found, sorted(found)
    assert not [name for name in files if name.startswith(f"{urls.THEME}/")]
    return files


BRANCH = re.compile(r'\{% (?:el)?if page\.meta\.body_id == "([a-z0-9/-]+)" %\}')


def bodies(files: dict[str, Any]) -> dict[str, str]:
    """Every page's body by its id (``urls.body_id``), taken out of the files of bodies in
    ``files`` (``urls.page_body``); each file checked to name every body it holds."""
    found: dict[str, str] = {}
    for name in [n for n in files if n.startswith(f"{urls.THEME}/") and "/_bodies/" in n]:
        text = files.pop(name)
        assert text.endswith("{% endif %}\n"), name
        parts = BRANCH.split(text.removesuffix("{% endif %}\n"))
        assert parts[0] == "", name
        for body_id, body in zip(parts[1::2], parts[2::2], strict=True):
            assert f"{urls.THEME}/{urls.page_body(body_id + '.md')}" == name, body_id
            found[body_id] = body
    return found


def shown_body(body: str, pieces: dict[str, str]) -> str:
    """A body as the theme shows it: each call replaced by what it shows."""

    def sections(call: re.Match[str]) -> str:
        listed = json.loads(call.group(1))
        shown = []
        for part, names in zip(listed[::2], listed[1::2], strict=True):
            items = "".join(pieces[names[at : at + 17]] for at in range(0, len(names), 17))
            shown.append(pieces[f"section {part}"].replace(ITEMS, items))
        return "".join(shown)

    assert IMPORT.match(body), body[:100]
    body = SECTIONS.sub(sections, IMPORT.sub("", body))
    return CALL.sub(lambda call: pieces[call.group(1)], body)


def library(files: dict[str, Any], kind: str) -> dict[str, str]:
    """The pieces a kind of page shares (name -> HTML) and each group's section around its
    pieces ("section <group id>"), taken out of ``files``."""
    found = {}
    folder = f"{urls.THEME}/{urls.shared_folder(kind)}/"
    for name in [name for name in files if name.startswith(folder)]:
        text = files.pop(name)
        found.update(MACRO.findall(text))
        for section in SECTION.findall(text):
            found[f"section {name.removeprefix(folder).removesuffix('.html')}"] = section
    return found
