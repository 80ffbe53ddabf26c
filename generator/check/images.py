"""Check: the images of the organisation's pages are what their names say, and inert.

An SVG is XML that a browser runs when it is opened on its own: scripts, event handlers,
embedded HTML and references to other hosts are refused, as are entity declarations.
"""

from __future__ import annotations

import re

from ..errors import Problem
from ..load.catalogue import ImageFile

_MAGIC = {".png": (b"\x89PNG\r\n\x1a\n",), ".jpg": (b"\xff\xd8\xff",), ".jpeg": (b"\xff\xd8\xff",)}
_SVG_UNSAFE = re.compile(
    rb"<\s*script|<\s*foreignObject|<!ENTITY|<!DOCTYPE|\son[a-z]+\s*=|javascript:"
    rb"|(?:href|src)\s*=\s*[\"']\s*(?:https?:|//|data:)",
    re.IGNORECASE,
)


def check_image(image: ImageFile) -> Problem | None:
    """A problem if the file is not the image its name says, or an unsafe SVG."""
    suffix = image.name[image.name.rfind(".") :].lower()
    if suffix == ".svg":
        head = image.data[:1024].lstrip().lower()
        if not (head.startswith(b"<svg") or head.startswith(b"<?xml")) or b"<svg" not in head:
            return Problem(image.location, "expected an SVG image (<svg …>)")
        unsafe = _SVG_UNSAFE.search(image.data)
        if unsafe:
            found = unsafe.group().decode("utf-8", "replace").strip()
            return Problem(
                image.location,
                f"refusing an SVG image with {found!r}: images may hold no scripts, event "
                "handlers, entities or links to other hosts",
            )
        return None
    if not image.data.startswith(_MAGIC[suffix]):
        return Problem(image.location, f"the file is not a {suffix[1:].upper()} image")
    return None
