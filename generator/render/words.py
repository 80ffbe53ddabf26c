"""Render: texts made from UI strings and values: numbers, counts, money, the edition.

Python decides every such text once, here, and templates only show it: one number formatter,
one plural rule, one edition and one sheet footer for every place that shows them.
"""

from __future__ import annotations

from functools import lru_cache
from string import Template

from ..model.handbook import NOUNS, Handbook, Salary, Scale, Terms
from .i18n import NOUN_DEFAULTS, PLURAL_KEYS, STRINGS

_CURRENCY_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "CHF": "CHF"}
_MAX_DECIMALS = 6


class Words:
    """The texts of one handbook, in its language."""

    def __init__(self, handbook: Handbook) -> None:
        self.language = handbook.language
        self.version = handbook.version
        self.t = strings(handbook.language, handbook.terms)

    def number(self, value: float, *, decimals: int | None = None) -> str:
        """``91500`` -> "91.500" (de) or "91,500" (en); ``2.5`` -> "2,5"; no trailing zeros
        unless ``decimals`` asks for a fixed number of them (money)."""
        if decimals is None and float(value).is_integer():
            text = f"{int(value):,}"
        elif decimals is None:
            text = f"{value:,.{_MAX_DECIMALS}f}".rstrip("0").rstrip(".")
        else:
            text = f"{value:,.{decimals}f}"
        if self.language == "de":
            text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
        return text

    def count(self, key: str, number: float, **values: str) -> str:
        """``count("roles", 6)`` -> "6 Rollen", from ``count_roles_one``/``count_roles_other``."""
        template = self.t[f"count_{key}_one" if number == 1 else f"count_{key}_other"]
        return template.format(n=self.number(number), **values)

    def years(self, number: float) -> str:
        """ "1 Jahr", "2,5 Jahre"."""
        return self.count("years", number)

    def money(self, value: float, currency: str) -> str:
        symbol = _CURRENCY_SYMBOLS.get(currency.upper(), currency)
        number = self.number(value, decimals=None if float(value).is_integer() else 2)
        if self.language == "de" or len(symbol) > 1:
            return f"{number} {symbol}"
        return f"{symbol}{number}"

    def salary(self, salary: Salary) -> str:
        """ "91.500 € pro Jahr" (de), "€91,500 per year" (en); a range with an en dash. Gross or
        net is for the catalogue to say (``note``)."""
        if salary.amount is not None:
            money = self.money(salary.amount, salary.currency)
        else:
            low = self.money(salary.minimum or 0, salary.currency)
            high = self.money(salary.maximum or 0, salary.currency)
            money = f"{low} – {high}"
        return f"{money} {self.t['per_year' if salary.period == 'year' else 'per_month']}"

    @property
    def edition(self) -> str | None:
        """ "Ausgabe 2026.1", or None when the catalogue names no edition."""
        return self.t["edition"].format(version=self.version) if self.version else None

    def footer(self, subject: str) -> str:
        """The printed footer of a sheet: "Account Manager · Ausgabe 2026.1"."""
        return f"{subject} · {self.edition}" if self.edition else subject

    def print_legend(self, scale: Scale) -> str:
        """The compact legend atop every printed page: "Skala: 1 bringt dies kaum ein · 2 · …"."""
        levels = " · ".join(
            f"{level.value} {level.label}" if level.label else str(level.value)
            for level in scale.levels
        )
        return self.t["sheet_print_legend"].format(scale=levels)

    def joined(self, *parts: str | None) -> str:
        """The given texts that exist, joined by " · "."""
        return " · ".join(part for part in parts if part)


@lru_cache(maxsize=8)
def strings(language: str, terms: Terms) -> dict[str, str]:
    """The UI strings of ``language`` with the organisation's words for the nouns.

    A string names a noun as ``${role}`` (in a sentence) or ``${Role}`` (at its start, or a
    German noun), and the plural as ``${roles}``/``${Roles}``; German compounds such as
    ``${CompetencyGroup}`` are made from the word (``Kompetenzgruppe``, ``Skillgruppe``).
    """
    nouns = {}
    for noun in NOUNS:
        given = getattr(terms, noun)
        singular, plural = given or NOUN_DEFAULTS[language][noun]
        plural_key = PLURAL_KEYS[noun]
        nouns[noun.capitalize()] = _capital(singular)
        nouns[plural_key.capitalize()] = _capital(plural)
        nouns[noun] = _in_sentence(singular, language)
        nouns[plural_key] = _in_sentence(plural, language)
    nouns.update(_compounds(nouns["Competency"], nouns["Role"], language))
    return {key: Template(text).safe_substitute(nouns) for key, text in STRINGS[language].items()}


def _capital(word: str) -> str:
    return word[:1].upper() + word[1:]


def _in_sentence(word: str, language: str) -> str:
    """English nouns are lower case in a sentence, unless they look like a name (``CRM``)."""
    if language == "en" and not word[1:2].isupper():
        return word[:1].lower() + word[1:]
    return word


# Words with these endings join a compound with an s: Fähigkeitsgruppe, Qualifikationsprofil.
_TAKES_LINKING_S = ("keit", "heit", "ung", "ion", "tät", "schaft", "ling", "tum")
_LINKING_S = "s"


def _compounds(competency: str, role: str, language: str) -> dict[str, str]:
    """German compound nouns made from the organisation's word: ``Kompetenzgruppe``."""

    def joined(word: str, suffix: str) -> str:
        if " " in word or "-" in word:
            return f"{word}-{suffix.capitalize()}"
        return f"{word}{_LINKING_S if word.endswith(_TAKES_LINKING_S) else ''}{suffix}"

    if language != "de":
        return {}
    return {
        "CompetencyGroup": joined(competency, "gruppe"),
        "CompetencyMatrix": joined(competency, "matrix"),
        "CompetencyCatalogue": joined(competency, "katalog"),
        "CompetencyProfile": joined(competency, "profil"),
    }
