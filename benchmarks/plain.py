"""The same-run baseline of the benchmark: a plain MkDocs + Material site of N pages.

Each page is a heading, a sentence and a 40-row Markdown table; the pages sit in nested
folders of at most 20 entries each, navigated by MkDocs' own folder navigation with
Material's ``navigation.prune``, and indexed by the search plugin. Built in the same run as
the handbook of the same page count, it says what a build of that many pages costs on this
machine right now, so that the handbook's build is judged by a ratio, not by seconds.

Usage: ``python benchmarks/plain.py 771 /tmp/plain`` writes ``/tmp/plain/mkdocs.yml`` and
``/tmp/plain/docs/``.
"""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

from synthetic import NOUNS as WORDS  # the synthetic catalogues' German word list

FOLDER = 20  # entries per folder, at every depth
ROWS = 40  # rows of each page's table
SEED = 20260101

CONFIG = """\
site_name: Plain baseline
docs_dir: docs
site_dir: site
strict: true
theme:
  name: material
  language: de
  font: false
  features:
    - navigation.indexes
    - navigation.prune
plugins:
  - search:
      lang: de
markdown_extensions:
  - tables
  - toc:
      permalink: true
"""


def page(rng: random.Random, number: int) -> str:
    """One page: a heading, a sentence, a table of ``ROWS`` rows."""
    sentence = " ".join(rng.choice(WORDS) for _ in range(14))
    lines = [f"# Seite {number}", "", f"{sentence}.", "", "| Thema | Niveau | Notiz |"]
    lines.append("|---|---:|---|")
    for row in range(ROWS):
        note = " ".join(rng.choice(WORDS) for _ in range(4))
        lines.append(f"| {rng.choice(WORDS)} {row + 1} | {rng.randint(1, 5)} | {note} |")
    return "\n".join(lines) + "\n"


def folders(count: int) -> list[str]:
    """The folder of each of ``count`` pages: ``d01/d03/`` and so on, at most ``FOLDER``
    entries in any folder (pages or folders), as deep as that needs."""
    depth = 1
    while FOLDER**depth < count:
        depth += 1
    result = []
    for index in range(count):
        parts, rest = [], index // FOLDER
        for _ in range(depth - 1):
            parts.append(f"d{rest % FOLDER:02d}")
            rest //= FOLDER
        result.append("".join(f"{part}/" for part in reversed(parts)))
    return result


def write_site(count: int, root: Path) -> Path:
    """Write the baseline of ``count`` pages (the home page among them) into ``root``."""
    if root.exists():
        shutil.rmtree(root)
    docs = root / "docs"
    docs.mkdir(parents=True)
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    rng = random.Random(SEED)
    (docs / "index.md").write_text(page(rng, 0), encoding="utf-8")
    for number, folder in enumerate(folders(count - 1), start=1):
        path = docs / folder / f"seite-{number:05d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page(rng, number), encoding="utf-8")
    return root


if __name__ == "__main__":
    write_site(int(sys.argv[1]), Path(sys.argv[2]))
