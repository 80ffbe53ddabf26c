"""UI texts per handbook language, and language-aware number formatting.

Templates read texts as ``t.key``; a missing key fails the build (StrictUndefined).
"""

from __future__ import annotations

from .model import Salary

STRINGS: dict[str, dict[str, str]] = {
    "de": {
        "home": "Startseite",
        "roles": "Rollen",
        "role": "Rolle",
        "family": "Jobfamilie",
        "families": "Jobfamilien",
        "competencies": "Kompetenzen",
        "competency": "Kompetenz",
        "paths": "Karrierepfade",
        "also_known_as": "Auch bekannt als",
        "summary": "Kurzbeschreibung",
        "target_level": "Soll-Niveau",
        "sheet": "Selbsteinschätzungsbogen",
        "per_year": "brutto/Jahr",
        "per_month": "brutto/Monat",
    },
    "en": {
        "home": "Home",
        "roles": "Roles",
        "role": "Role",
        "family": "Job family",
        "families": "Job families",
        "competencies": "Competencies",
        "competency": "Competency",
        "paths": "Career paths",
        "also_known_as": "Also known as",
        "summary": "Summary",
        "target_level": "Target level",
        "sheet": "Self-assessment sheet",
        "per_year": "gross/year",
        "per_month": "gross/month",
    },
}

_CURRENCY_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "CHF": "CHF"}


def format_number(value: float, language: str) -> str:
    """``91500`` -> ``91.500`` (de) or ``91,500`` (en); decimals kept where present."""
    text = f"{value:,.2f}" if not float(value).is_integer() else f"{int(value):,}"
    if language == "de":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def format_money(value: float, currency: str, language: str) -> str:
    symbol = _CURRENCY_SYMBOLS.get(currency.upper(), currency)
    number = format_number(value, language)
    if language == "de" or len(symbol) > 1:
        return f"{number} {symbol}"
    return f"{symbol}{number}"


def format_salary(salary: Salary, language: str) -> str:
    """``91.500 € brutto/Jahr`` (de), ``€91,500 gross/year`` (en); a range with an en dash."""
    if salary.amount is not None:
        money = format_money(salary.amount, salary.currency, language)
    else:
        low = format_money(salary.minimum or 0, salary.currency, language)
        high = format_money(salary.maximum or 0, salary.currency, language)
        money = f"{low} – {high}"
    per = STRINGS[language]["per_year" if salary.period == "year" else "per_month"]
    return f"{money} {per}"
