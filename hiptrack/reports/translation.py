"""Translation of what hiptrack shows and prints: the one place that installs Qt's translator.

Screens translate their own texts with `self.tr("...")` (QObject subclasses) or
`translate("Context", "...")`; documents use `translate("Report", "...")`. Texts marked in the
pure layers with `hiptrack.domain.translatable.QT_TRANSLATE_NOOP("Labels", ...)` are translated
where they are shown, with `label()`.

The translations are `ui/translations/hiptrack_<language>.ts` (made by pyside6-lupdate from the
sources, see `ui/translations/update.py`), compiled to `.qm` next to them. The language follows
the locale: the system's, or or the one set with `QLocale.setDefault` before the application starts (tests).
"""

from __future__ import annotations

import datetime as dt
import logging
import string
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from hiptrack import paths
from hiptrack.domain.translatable import LABELS, Phrase, message_of
from hiptrack.reports import formatting

log = logging.getLogger(__name__)

# The catalogue's base name: ui/translations/hiptrack_de.qm and so on.
CATALOGUE = "hiptrack"


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Qt's translation of `text` in `context`; the English text when there is none.

    lupdate recognises calls to a function named `translate` whose first two arguments are
    string literals, so call it with literals, never with variables.
    """
    return QCoreApplication.translate(context, text, disambiguation, n)


def label(text: str) -> str:
    """The translation of a text the pure layers marked with QT_TRANSLATE_NOOP("Labels", ...).

    A `Phrase` (a domain sentence with values) is translated whole and its values are filled in
    again in the reader's locale; an unmarked text comes back unchanged.
    """
    if isinstance(text, Phrase):
        return _render(text)
    return QCoreApplication.translate(LABELS, text)


def error_text(exc: BaseException) -> str:
    """The message of `exc` in the reader's language, for a message box or a status line.

    The lower layers raise with a marked text or a `Phrase` as the only argument (English in
    `str(exc)`, which logs, the CLI and tests keep); this translates it like any label. Anything
    else (several arguments, an OSError, an exception with its own `__str__`) is shown as `str(exc)`.
    """
    return label(message_of(exc))


class _LocaleFormatter(string.Formatter):
    """str.format with the locale's decimal mark and date order, and values that are labels translated."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, str):
            return format(label(value), format_spec)
        if type(value) is dt.date and not format_spec:
            return formatting.date(value)
        if isinstance(value, float) or (isinstance(value, int) and not isinstance(value, bool) and format_spec):
            point = QLocale().decimalPoint()
            return format(value, format_spec).replace(".", point)
        return format(value, format_spec)


def _render(phrase: Phrase) -> str:
    """A Phrase in the reader's language; English when the translation does not fit its values.

    A translator's typo ("{dat}") must cost the reader the translation, never the screen.
    """
    template = QCoreApplication.translate(LABELS, phrase.template)
    for attempt in (template, phrase.template):
        try:
            return _LocaleFormatter().format(attempt, **phrase.values)
        except (KeyError, IndexError, ValueError, TypeError) as exc:
            log.warning("translation of %r does not fit its values: %s", phrase.template, exc)
    return str.__str__(phrase)


def translations_dir() -> Path:
    return paths.resource_path("ui", "translations")


def install_translator(app: QCoreApplication, locale: QLocale | None = None) -> QTranslator | None:
    """Load the catalogue for `locale` (default: QLocale()) into `app`; None when English or missing.

    A missing catalogue is not an error: the app then speaks English, and the log says which
    language was asked for (a language code, never patient data).
    """
    locale = locale or QLocale()
    if locale.language() in (QLocale.Language.English, QLocale.Language.C):
        return None
    install_qt_translations(app, locale)
    translator = QTranslator(app)
    if not translator.load(locale, CATALOGUE, "_", str(translations_dir())):
        log.info("no translation for %s; showing English", locale.name())
        return None
    app.installTranslator(translator)
    log.info("translation loaded: %s", locale.name())
    return translator


def install_qt_translations(app: QCoreApplication, locale: QLocale | None = None) -> QTranslator | None:
    """Qt's own words in `locale`'s language: the Save, Cancel, Close, Yes and No of standard
    buttons and message boxes, which no hiptrack catalogue holds. PySide6 ships them (qtbase_de.qm
    and others); None when English or when Qt has none for the language."""
    locale = locale or QLocale()
    if locale.language() in (QLocale.Language.English, QLocale.Language.C):
        return None
    translator = QTranslator(app)
    if not translator.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        log.info("no Qt translation for %s", locale.name())
        return None
    app.installTranslator(translator)
    return translator
