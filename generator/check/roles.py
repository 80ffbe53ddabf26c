"""Check: the rules of a role's own parts (requirements, salary) and of who reports to whom.

Each function reports what it finds and returns the model's part; ``build.py`` calls them
for every role file, with the references it checks across files.
"""

from __future__ import annotations

from collections.abc import Callable

from ..errors import Problem
from ..model import handbook as m
from .fields import Fields, texts, value
from .spec import V

RoleRef = Callable[[V[str], str], None]  # reports a reference to an unknown role


def requirements(given: V[Fields] | None, role_ref: RoleRef) -> m.Requirements:
    if given is None:
        return m.Requirements()
    fields = given.value
    for ref in value(fields, "previous_roles", []):
        role_ref(ref, "previous_roles")
    return m.Requirements(
        education=texts(fields, "education"),
        experience_years=value(fields, "experience_years"),
        previous_roles=texts(fields, "previous_roles"),
        skills=texts(fields, "skills"),
        tools=texts(fields, "tools"),
    )


def salary(given: V[Fields] | None, problems: list[Problem]) -> m.Salary | None:
    if given is None:
        return None
    fields = given.value
    has_range = "min" in fields or "max" in fields
    both = "min" in fields and "max" in fields
    # A partial salary may have lost a malformed amount, min or max (reported already).
    if not given.partial and (("amount" in fields) == has_range or (has_range and not both)):
        message = "salary needs either 'amount', or both 'min' and 'max'"
        problems.append(Problem(given.location, message))
    elif both and fields["min"].value > fields["max"].value:
        problems.append(Problem(fields["min"].location, "salary 'min' is larger than 'max'"))
    if "currency" not in fields or "period" not in fields:
        return None
    return m.Salary(
        currency=fields["currency"].value,
        period=fields["period"].value,
        amount=value(fields, "amount"),
        minimum=value(fields, "min"),
        maximum=value(fields, "max"),
        note=value(fields, "note"),
    )


def reports_cycles(chosen: dict[str, V[str]]) -> list[Problem]:
    """One error per cycle of ``reports_to`` (role id -> its field), at the field of the
    cycle's first role."""
    boss = {role_id: ref.value for role_id, ref in chosen.items()}
    reported: set[str] = set()
    problems = []
    for start in sorted(boss):
        chain = [start]
        while (nxt := boss.get(chain[-1])) is not None and nxt not in chain:
            chain.append(nxt)
        if nxt is None or nxt in reported:
            continue
        cycle = chain[chain.index(nxt) :]
        reported.update(cycle)
        text = " -> ".join([*cycle, nxt])
        problems.append(Problem(chosen[min(cycle)].location, f"reports_to forms a cycle: {text}"))
    return problems
