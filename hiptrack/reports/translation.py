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

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from hiptrack import paths
from hiptrack.domain.translatable import LABELS

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
    """The translation of a text the pure layers marked with QT_TRANSLATE_NOOP("Labels", ...)."""
    return QCoreApplication.translate(LABELS, text)


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
    translator = QTranslator(app)
    if not translator.load(locale, CATALOGUE, "_", str(translations_dir())):
        log.info("no translation for %s; showing English", locale.name())
        return None
    app.installTranslator(translator)
    log.info("translation loaded: %s", locale.name())
    return translator
