"""The declarative spec: one description checks located nodes and yields the JSON Schema."""

from __future__ import annotations

from typing import Any

import pytest

from generator.check.spec import (
    Choice,
    Either,
    Field,
    Id,
    Integer,
    Invalid,
    ListOf,
    MapOf,
    Number,
    Record,
    Spec,
    Text,
)
from generator.errors import Location, Problem
from generator.load.tree import Mapping, Node, Scalar, Sequence

ID_HINT = "expected lowercase letters, digits and single hyphens (e.g. 'account-manager')"


def at(line: int, column: int = 1) -> Location:
    return Location("f.yaml", line, column)


def s(text: str, line: int = 1, *, plain: bool = True) -> Scalar:
    """A scalar on ``line``; quoted when ``plain`` is False."""
    return Scalar(text, plain, at(line, 5))


def check(spec: Spec, node: Node) -> tuple[Any, list[str]]:
    """The checked value (or Invalid) and the problem lines."""
    problems: list[Problem] = []
    try:
        value: Any = spec.check(node, problems).value
    except Invalid:
        value = Invalid
    return value, [str(p) for p in problems]


def test_text_is_kept_as_written() -> None:
    """Assert that text keeps what the author wrote, YAML 1.1 look-alikes included."""
    for written in ("no", "off", "yes", "2026.10", "1e3", "2026-01-01", "~x"):
        assert check(Text(), s(written)) == (written, [])
    assert check(Text(), s("  padded  ", plain=False)) == ("padded", [])


def test_text_refuses_nothing_and_empty_text() -> None:
    """Assert that a missing or blank text is an error saying text was expected."""
    assert check(Text(), s("~")) == (Invalid, ["f.yaml:1:5: expected text, found nothing"])
    assert check(Text(), s(" ", plain=False)) == (
        Invalid,
        ["f.yaml:1:5: expected text, found an empty string"],
    )
    assert check(Text(nullable=True), s("~")) == (None, [])


def test_integer_accepts_plain_whole_numbers_only() -> None:
    """Assert that levels are plain whole numbers; quoted or decimal values are errors."""
    spec = Integer(minimum=1, maximum=5)
    assert check(spec, s("3")) == (3, [])
    assert check(spec, s("3", plain=False)) == (
        Invalid,
        ["f.yaml:1:5: expected a whole number, found text '3'"],
    )
    assert check(spec, s("3.0"))[1] == ["f.yaml:1:5: expected a whole number, found '3.0'"]
    assert check(spec, s("0x3"))[1] == ["f.yaml:1:5: expected a whole number, found '0x3'"]
    assert check(spec, s("6"))[1] == ["f.yaml:1:5: expected a whole number <= 5, found 6"]
    assert check(spec, s("0"))[1] == ["f.yaml:1:5: expected a whole number >= 1, found 0"]


def test_number_is_finite_and_positive() -> None:
    """Assert that numbers are decimal or exponent notation, finite, and > 0 when positive."""
    spec = Number(positive=True)
    assert check(spec, s("91500")) == (91500, [])
    assert check(spec, s("2.5e3")) == (2500, [])
    assert check(spec, s("0.5")) == (0.5, [])
    assert check(spec, s("0"))[1] == ["f.yaml:1:5: expected a number > 0, found 0"]
    assert check(Number(), s("0")) == (0, [])
    assert check(spec, s("1e999"))[1] == ["f.yaml:1:5: expected a number, found 1e999 (too large)"]
    assert check(spec, s(".nan"))[1] == ["f.yaml:1:5: expected a number, found '.nan'"]


def test_choice_lists_the_choices() -> None:
    """Assert that a value outside a choice names every allowed value."""
    spec = Choice(("year", "month"))
    assert check(spec, s("month")) == ("month", [])
    assert check(spec, s("week"))[1] == [
        "f.yaml:1:5: expected one of 'year', 'month', found 'week'"
    ]


def test_id_pattern() -> None:
    """Assert that ids are lowercase words joined by single hyphens."""
    assert check(Id(), s("account-manager-2")) == ("account-manager-2", [])
    examples = {"Account": "account", "a--b": "a-b", "a-": "a", "a_b": "a-b", "a b": "a-b"}
    examples |= {"../a": "a", "ä": "ae", "Führung & Co.": "fuehrung-co", "!": "account-manager"}
    for bad, example in examples.items():
        value, lines = check(Id(), s(bad))
        assert value is Invalid
        assert lines == [
            f"f.yaml:1:5: {bad!r} is not a valid id: expected lowercase letters, digits and "
            f"single hyphens (e.g. {example!r})"
        ]


def test_list_reports_every_bad_item_and_keeps_the_others() -> None:
    """Assert that each bad item of a list is reported and left out, and the list is partial."""
    items = Sequence((s("a", 2), Sequence((), at(3, 5)), Mapping((), at(4, 5))), at(2, 3))
    problems: list[Problem] = []
    checked = ListOf(Text()).check(items, problems)
    assert [item.value for item in checked.value] == ["a"]
    assert checked.partial
    assert [str(p) for p in problems] == [
        "f.yaml:3:5: expected text, found a list",
        "f.yaml:4:5: expected text, found a mapping (key: value)",
    ]
    assert not ListOf(Text()).check(Sequence((s("a"),), at(1)), []).partial


def test_list_of_wrong_length_still_checks_its_items() -> None:
    """Assert that a list with too few items reports its items' problems too, and is partial."""
    problems: list[Problem] = []
    checked = ListOf(Id(), min_items=2).check(Sequence((s("A", 2),), at(1)), problems)
    assert checked.partial and checked.value == []
    assert [str(p) for p in problems] == [
        "f.yaml:1:1: expected at least 2 item(s), found 1",
        f"f.yaml:2:5: 'A' is not a valid id: {ID_HINT.replace('account-manager', 'a')}",
    ]


def test_list_says_what_its_number_of_items_means() -> None:
    """Assert that a list whose length has a meaning (a term) says so, whatever is wrong."""
    spec = ListOf(Text(), min_items=2, max_items=2, expected="expected [singular, plural]")
    assert check(spec, Sequence((s("a"),), at(1)))[1] == [
        "f.yaml:1:1: expected [singular, plural], found 1 item"
    ]
    assert check(spec, Sequence((s("a"), s("b"), s("c")), at(1)))[1] == [
        "f.yaml:1:1: expected [singular, plural], found 3 items"
    ]
    assert check(spec, s("a"))[1] == ["f.yaml:1:5: expected [singular, plural], found 'a'"]


def test_list_minimum_says_how_many_were_found() -> None:
    """Assert that a too short list says how many items it needs and has."""
    spec = ListOf(Text(), min_items=2)
    assert check(spec, Sequence((s("a"),), at(1)))[1] == [
        "f.yaml:1:1: expected at least 2 item(s), found 1"
    ]
    assert check(spec, Sequence((), at(1)))[1] == [
        "f.yaml:1:1: expected at least 2 item(s), found none"
    ]
    assert check(spec, s("a"))[1] == ["f.yaml:1:5: expected a list of text, found 'a'"]


def test_map_checks_keys_and_values() -> None:
    """Assert that a free mapping checks every key and every value and keeps the order."""
    spec = MapOf(key=Id(), value=Integer(minimum=1))
    good = Mapping(((s("b", 1), s("2", 1)), (s("a", 2), s("1", 2))), at(1))
    assert [(k.value, v.value) for k, v in spec.check(good, []).value] == [("b", 2), ("a", 1)]
    bad = Mapping(((s("B", 1), s("x", 1)),), at(1))
    problems: list[Problem] = []
    checked = spec.check(bad, problems)
    assert checked.value == [] and checked.partial
    assert len(problems) == 2


def test_map_keeps_a_good_key_whose_value_is_bad() -> None:
    """Assert that an entry with a bad value keeps its key (still checked later) without a
    value, and that only a lost key makes the mapping partial."""
    spec = MapOf(key=Id(), value=Integer(minimum=1))
    node = Mapping(((s("a", 1), s("x", 1)), (s("b", 2), s("2", 2))), at(1))
    problems: list[Problem] = []
    checked = spec.check(node, problems)
    assert [(k.value, v and v.value) for k, v in checked.value] == [("a", None), ("b", 2)]
    assert not checked.partial
    assert [str(p) for p in problems] == ["f.yaml:1:5: expected a whole number, found 'x'"]


def record() -> Record:
    return Record(
        fields={
            "title": Field(Text(), required=True),
            "summary": Field(Text(), required=True),
            "rank": Field(Integer()),
        }
    )


def test_record_unknown_key_did_you_mean() -> None:
    """Assert that an unknown key gets the closest field name as a hint, and that the
    required field it misspells is not reported missing as well (one typo, one error)."""
    node = Mapping(((s("title"), s("T")), (s("sumary", 2), s("x", 2))), at(1))
    assert check(record(), node)[1] == [
        "f.yaml:2:5: unknown field 'sumary': did you mean 'summary'?",
    ]
    node = Mapping(((s("title"), s("T")), (s("notes", 2), s("x", 2))), at(1))
    assert check(record(), node)[1][-1] == "f.yaml:1:1: missing required field 'summary'"


def test_record_keeps_its_well_formed_fields() -> None:
    """Assert that a bad field is left out (the record is partial) while the others are kept,
    and that a missing required field is reported and absent without making it partial."""
    node = Mapping(((s("title"), s("T")), (s("rank", 2), s("x", 2))), at(1))
    problems: list[Problem] = []
    checked = record().check(node, problems)
    assert set(checked.value) == {"title"} and checked.partial
    assert [str(p) for p in problems] == [
        "f.yaml:2:5: expected a whole number, found 'x'",
        "f.yaml:1:1: missing required field 'summary'",
    ]
    missing = record().check(Mapping(((s("title"), s("T")),), at(1)), [])
    assert set(missing.value) == {"title"} and not missing.partial
    value, lines = check(record(), Sequence((), at(1)))
    assert value is Invalid and lines == [
        "f.yaml:1:1: expected a mapping (key: value), found a list"
    ]


def test_record_required_value_and_empty_optional() -> None:
    """Assert that an empty required field is an error and an empty optional one is absent."""
    node = Mapping(
        ((s("title"), s("T")), (s("summary", 2), s("", 2)), (s("rank", 3), s("", 3))), at(1)
    )
    assert check(record(), node)[1] == ["f.yaml:2:5: 'summary' needs a value: expected text"]
    node = Mapping(
        ((s("title"), s("T")), (s("summary", 2), s("S", 2)), (s("rank", 3), s("~", 3))), at(1)
    )
    value, lines = check(record(), node)
    assert lines == [] and set(value) == {"title", "summary"}


def test_either_short_or_long_form() -> None:
    """Assert that a path step may be an id or a mapping, and a list is neither."""
    spec = Either(short=Id(), long=Record(fields={"role": Field(Id(), required=True)}))
    assert check(spec, s("junior")) == ("junior", [])
    assert check(spec, Mapping(((s("role"), s("junior")),), at(1)))[0]["role"].value == "junior"
    assert check(spec, Sequence((), at(1)))[1] == [
        "f.yaml:1:1: expected an id (lowercase letters, digits and single hyphens, e.g. "
        "'account-manager') or a mapping (key: value), found a list"
    ]


@pytest.mark.parametrize(
    ("spec", "schema"),
    [
        (Text(), {"type": ["string", "number", "boolean"]}),
        (Text(nullable=True), {"type": ["string", "number", "boolean", "null"]}),
        (Integer(minimum=0), {"type": "integer", "minimum": 0}),
        (Number(positive=True), {"type": "number", "exclusiveMinimum": 0}),
        (Choice(("a", "b")), {"type": "string", "enum": ["a", "b"]}),
        (
            ListOf(Text(), min_items=1),
            {"type": "array", "items": {"type": ["string", "number", "boolean"]}, "minItems": 1},
        ),
    ],
)
def test_json_schema_of_simple_specs(spec: Spec, schema: dict[str, Any]) -> None:
    """Assert that each spec describes the values it accepts (plain text may look like a number)."""
    assert spec.json_schema() == schema


def test_json_schema_of_record_and_level_keys() -> None:
    """Assert that records forbid other keys and that level keys are the strings "1".."3"."""
    assert record().json_schema()["additionalProperties"] is False
    assert record().json_schema()["required"] == ["title", "summary"]
    levels = MapOf(key=Integer(minimum=1, maximum=3), value=Text()).json_schema()
    assert levels["propertyNames"] == {"enum": ["1", "2", "3"]}
    assert MapOf(key=Id()).json_schema()["propertyNames"]["pattern"] == "^[a-z0-9]+(-[a-z0-9]+)*$"
