"""The catalogue contract's fixed facts: the id pattern, file kinds and the limits we enforce.

Loading, checking and the pages that explain these limits read them from here.
"""

from __future__ import annotations

import re
import unicodedata

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
YAML_SUFFIXES = (".yaml", ".yml")
KIND_FOLDERS = {"group": "competencies", "role": "roles", "path": "paths"}
LANGUAGES = ("de", "en")
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 32  # nesting of YAML mappings and lists
MAX_LEVELS = 10  # levels of a rating scale
PAGE_SUFFIX = ".md"  # the organisation's own pages: pages/<page>.md
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")  # pages/images/<file>
LINK_KINDS = ("role", "competency", "path", "family", "page")  # [text](role:<id>) in Markdown

# Every warning's stable code, with the kind of file that carries it (where ``accept:``
# entries for it go); "markdown" is whichever file holds the Markdown field.
WARNINGS = {
    "falling-target": "path",
    "target-jump": "path",
    "role-not-on-path": "role",
    "no-targets": "role",
    "unused-competency": "group",
    "undescribed-competency": "group",
    "similar-indicators": "group",
    "list-needs-blank-line": "markdown",
}
STALE_ACCEPT = "stale-accept"  # an accept entry that matches no warning; cannot be accepted


_SPELLED = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def as_id(text: str) -> str:
    """A text written the way ids are ("Quality Coach" -> ``quality-coach``, "Führung" ->
    ``fuehrung``), for a message to show what an id looks like; "" if nothing is left."""
    spelled = unicodedata.normalize("NFKD", text.lower().translate(_SPELLED))
    plain = "".join(char for char in spelled if not unicodedata.combining(char))
    return "-".join(re.findall(r"[a-z0-9]+", plain))
