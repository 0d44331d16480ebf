"""Marks fixed texts of the pure layers (labels, titles, reasons) for translation.

The domain may not import Qt, so it cannot translate. It marks a text with `QT_TRANSLATE_NOOP`
instead: pyside6-lupdate finds the call by its name and puts the text into `ui/translations/*.ts`,
and the screens and documents translate the marked text when they show it
(`hiptrack.reports.translation.label`). The call returns the English text unchanged, so the domain
keeps working, comparing and storing English.
"""

from __future__ import annotations

from collections.abc import Iterable

# The translation context of every marked domain text; `label()` looks texts up in it.
LABELS = "Labels"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Return `text` unchanged; lupdate collects it under `context` (always "Labels" here)."""
    return text


def message_of(exc: BaseException) -> str:
    """The text `exc` was raised with, still a `Phrase` or marked text when it was one.

    `str(exc)` is the same English but a plain `str`, which has lost the template a screen
    translates; anything but one text as the only argument comes back as `str(exc)`.
    """
    shown = str(exc)
    if len(exc.args) == 1 and isinstance(exc.args[0], str) and shown == exc.args[0]:
        return exc.args[0]
    return shown


class Phrase(str):
    """An English sentence with values in it that a screen or document can still translate whole.

    It *is* the English text (a `str`: "carried forward from 2026-10-01"), so the domain, its JSON
    and its tests keep comparing English. It also keeps the marked template and the values, so
    `hiptrack.reports.translation.label()` can translate the template and fill the values in again
    in the reader's locale (decimal mark, date order). Values that are themselves marked texts or
    Phrases are translated too. Build one with a marked literal, never with a variable template:

        Phrase(QT_TRANSLATE_NOOP("Labels", "carried forward from {date}"), date=day)

    A template that is only punctuation around values ("{first}; {second}") need not be marked:
    it is not translated, but its values are.
    """

    template: str
    values: dict[str, object]

    def __new__(cls, template: str, /, **values: object) -> Phrase:
        self = super().__new__(cls, template.format(**values))
        self.template = template
        self.values = values
        return self

    def __getnewargs_ex__(self) -> tuple[tuple[str], dict[str, object]]:
        # Copies and pickles rebuild the Phrase from its template, not from the English text.
        return (self.template,), self.values


def joined(separator: str, parts: Iterable[str]) -> Phrase:
    """The parts in one text ("a; b") that a screen still translates part by part.

    The template is only the separator around the values, so it needs no marking, and a part may
    hold any character (a brace in a part is a value, never read as a placeholder).
    """
    values = {f"p{i}": part for i, part in enumerate(parts)}
    between = separator.replace("{", "{{").replace("}", "}}")
    return Phrase(between.join(f"{{{name}}}" for name in values), **values)
