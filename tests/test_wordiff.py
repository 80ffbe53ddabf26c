"""The short word-level diff used by change reports."""

from __future__ import annotations

from generator.model.wordiff import (
    ELLIPSIS,
    MAX_CHANGED_WORDS,
    Kind,
    Run,
    as_text,
    similarity,
    word_diff,
)


def test_changed_word_in_the_middle_keeps_a_little_context() -> None:
    """Assert that a change far into a long text shows only a few words around it."""
    before = "a b c d e f g h i j k l m n o"
    after = "a b c d e f g X i j k l m n o"
    assert as_text(word_diff(before, after)) == "… e f g [-h-] {+X+} i j k …"


def test_an_ellipsis_stands_for_several_words() -> None:
    """Assert that kept runs are not cut when fewer than MIN_CUT_WORDS words would go."""
    before = "eins zwei drei vier fünf sechs sieben acht"
    after = "EINS zwei drei vier fünf sechs sieben ACHT"
    assert as_text(word_diff(before, after)) == (
        "[-eins-] {+EINS+} zwei drei vier fünf sechs sieben [-acht-] {+ACHT+}"
    )


def test_short_texts_are_shown_whole() -> None:
    """Assert that kept runs as short as the context are not cut."""
    assert word_diff("a b c", "a x c") == (
        Run(Kind.KEPT, "a"),
        Run(Kind.REMOVED, "b"),
        Run(Kind.ADDED, "x"),
        Run(Kind.KEPT, "c"),
    )


def test_new_and_removed_texts() -> None:
    """Assert that a text that appears or disappears is one added or removed run."""
    assert word_diff(None, "ganz neu") == (Run(Kind.ADDED, "ganz neu"),)
    assert word_diff("weg damit", None) == (Run(Kind.REMOVED, "weg damit"),)


def test_long_rewrites_are_cut() -> None:
    """Assert that a rewritten long text shows at most MAX_CHANGED_WORDS words per run."""
    runs = word_diff(" ".join(["alt"] * 100), " ".join(["neu"] * 100))
    assert [run.kind for run in runs] == [Kind.REMOVED, Kind.ADDED]
    assert all(len(run.text.split()) == MAX_CHANGED_WORDS + 1 for run in runs)
    assert all(run.text.endswith(ELLIPSIS) for run in runs)


def test_whitespace_and_line_breaks_do_not_count() -> None:
    """Assert that re-wrapping a text is no change."""
    assert word_diff("a  b\nc", "a b c") == (Run(Kind.KEPT, "a b c"),)


def test_similarity() -> None:
    """Assert that similarity is 1 for equal texts and 0 for texts sharing no word."""
    assert similarity("a b c", "a b c") == 1
    assert similarity("a b", "c d") == 0
    assert 0 < similarity("löst Standardfälle", "löst Standardfälle selbstständig") < 1
