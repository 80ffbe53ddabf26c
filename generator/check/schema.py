"""Check: the shape of each catalogue file kind, written once for validator and JSON Schema."""

from __future__ import annotations

import json
from typing import Any

from ..contract import LANGUAGES, MAX_LEVELS, WARNINGS
from .spec import Choice, Either, Field, Id, Integer, ListOf, MapOf, Number, Record, Spec, Text

MIN_LEVELS = 2  # of a rating scale: so levels 1 and 2 fit any scale
_level = Integer(minimum=1, maximum=MAX_LEVELS, description="A level of the rating scale.")
_level_key = Integer(minimum=1, maximum=MAX_LEVELS)
_texts = ListOf(Text())
_markdown = Text(
    description="Markdown (lists, links such as [x](role:<id>), admonitions); raw HTML is "
    "shown as text."
)
_ids = Either(short=Id(), long=ListOf(Id(), min_items=1), description="An id or a list of ids.")

ACCEPT = ListOf(
    Record(
        fields={
            "warning": Field(
                Id(description="The code printed with the warning, e.g. falling-target."),
                required=True,
            ),
            "competency": Field(_ids),
            "role": Field(_ids),
            "reason": Field(Text(description="Why this is right on purpose."), required=True),
        }
    ),
    min_items=1,
    description="Warnings of this file accepted on purpose; one entry per kind of warning. "
    "Codes: " + ", ".join(WARNINGS) + ".",
)
_accept = Field(ACCEPT)

_noun = ListOf(
    Text(),
    min_items=2,
    max_items=2,
    description="The noun in the singular and the plural.",
    expected="a term needs its singular and its plural: expected [singular, plural]",
)

HANDBOOK = Record(
    title="handbook.yaml",
    description="The handbook: title, language, rating scale and job families.",
    fields={
        "title": Field(Text(description="The handbook's title."), required=True),
        "organisation": Field(Text(description="Shown in the footer and on every sheet.")),
        "language": Field(
            Choice(LANGUAGES, description="UI language and search stemming."), required=True
        ),
        "version": Field(Text(description="The edition, printed on every sheet.")),
        "scale": Field(
            MapOf(
                key=_level_key,
                value=Either(
                    short=Text(nullable=True, description="The level's label; ~ for none."),
                    long=Record(
                        fields={
                            "label": Field(Text(nullable=True), required=True),
                            "description": Field(_markdown),
                        }
                    ),
                ),
                min_items=MIN_LEVELS,
                description="Consecutive levels from 1, 2 to 10 of them: a label, or a label "
                "and a description of what the level means.",
            ),
            required=True,
        ),
        "families": Field(
            ListOf(
                Record(
                    fields={
                        "id": Field(Id(), required=True),
                        "name": Field(Text(), required=True),
                        "description": Field(_markdown),
                    }
                ),
                min_items=1,
                description="Job families; at least one.",
            ),
            required=True,
        ),
        "terms": Field(
            Record(
                fields={
                    noun: Field(_noun) for noun in ("role", "competency", "family", "path", "level")
                },
                description="The organisation's words for the site's nouns.",
            )
        ),
        "accept": _accept,
    },
)

GROUP = Record(
    title="competencies/<group>.yaml",
    description="A competency group; the file name is the group's id.",
    fields={
        "name": Field(Text(description="The group's display name."), required=True),
        "rank": Field(Integer(description="Display order among groups (lowest first).")),
        "description": Field(_markdown),
        "competencies": Field(
            ListOf(
                Record(
                    fields={
                        "id": Field(Id(description="Unique across all groups."), required=True),
                        "name": Field(Text(), required=True),
                        "summary": Field(Text(description="One line.")),
                        "indicators": Field(
                            ListOf(Text(), min_items=1, description="Observable behaviours."),
                        ),
                        "levels": Field(
                            MapOf(
                                key=_level_key,
                                value=_markdown,
                                description="What a level looks like (Markdown).",
                            ),
                        ),
                    }
                ),
                min_items=1,
                description="Display order is file order.",
            ),
            required=True,
        ),
        "accept": _accept,
    },
)

_salary = Record(
    description="Give amount, or min and max.",
    fields={
        "amount": Field(Number(positive=True, money=True)),
        "min": Field(Number(positive=True, money=True)),
        "max": Field(Number(positive=True, money=True)),
        "currency": Field(Text(description="e.g. EUR"), required=True),
        "period": Field(Choice(("year", "month")), required=True),
        "note": Field(Text()),
    },
)

TARGET = Either(
    short=_level,
    long=Record(
        fields={
            "level": Field(_level, required=True),
            "expects": Field(_markdown),
        }
    ),
    description="The target level, or the level and what this role is expected to do.",
)

ROLE = Record(
    title="roles/<role>.yaml",
    description="A role; the file name is the role's id.",
    fields={
        "title": Field(Text(), required=True),
        "family": Field(Id(description="A family id from handbook.yaml."), required=True),
        "rank": Field(Integer(description="Seniority within the family, for ordering.")),
        "synonyms": Field(ListOf(Text(), description="Other titles; searchable.")),
        "summary": Field(Text(description="One paragraph.")),
        "description": Field(_markdown),
        "responsibilities": Field(_texts),
        "requirements": Field(
            Record(
                fields={
                    "education": Field(_texts),
                    "experience_years": Field(Integer(minimum=0)),
                    "previous_roles": Field(ListOf(Id(description="A role id."))),
                    "skills": Field(_texts),
                    "tools": Field(_texts),
                }
            )
        ),
        "salary": Field(_salary),
        "reports_to": Field(Id(description="A role id; no cycles.")),
        "competencies": Field(
            MapOf(
                key=Id(),
                value=TARGET,
                description="Competency id -> target; {} for a role without targets.",
            ),
            required=True,
        ),
        "accept": _accept,
    },
)

PATH = Record(
    title="paths/<path>.yaml",
    description="A career path; the file name is the path's id.",
    fields={
        "title": Field(Text(), required=True),
        "description": Field(_markdown),
        "steps": Field(
            ListOf(
                Either(
                    short=Id(description="A role id."),
                    long=Record(
                        fields={
                            "role": Field(Id(description="A role id."), required=True),
                            "typical_years": Field(
                                Number(description="Usual years in the step before.")
                            ),
                            "note": Field(Text()),
                        }
                    ),
                ),
                min_items=2,
                description="At least two distinct roles, lowest first.",
            ),
            required=True,
        ),
        "accept": _accept,
    },
)

PAGE = Record(
    title="pages/<page>.md (front matter)",
    description="The front matter of one of the organisation's own pages.",
    fields={
        "title": Field(Text(description="The page's title."), required=True),
        "rank": Field(Integer(description="Order in the navigation (lowest first).")),
        "accept": _accept,
    },
)

SPECS: dict[str, Record] = {
    "handbook": HANDBOOK,
    "group": GROUP,
    "role": ROLE,
    "path": PATH,
    "page": PAGE,
}
SCHEMA_FILES = {
    "handbook": "handbook.schema.json",
    "group": "competency-group.schema.json",
    "role": "role.schema.json",
    "path": "path.schema.json",
    "page": "page.schema.json",
}


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one catalogue file kind."""
    spec: Spec = SPECS[kind]
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **spec.json_schema()}
    if kind == "role":
        salary = schema["properties"]["salary"]
        salary["oneOf"] = [{"required": ["amount"]}, {"required": ["min", "max"]}]
    return schema


def json_schema_text(kind: str) -> str:
    return json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n"
