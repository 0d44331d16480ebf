"""A tiny Qt catalogue for a test: proves a screen's texts really go through translation at runtime.

A text wrapped in tr()/translate() but evaluated too early (a module constant, a text built at
import) would stay English although lupdate lists it; only a translator installed while the
widget is built shows that the widget asks Qt for its words.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "ui" / "translations"))
import update as translations_update  # ui/translations/update.py, not a package


def write_ts(path: Path, messages: Mapping[tuple[str, str], str]) -> None:
    """A .ts file holding `messages`: (context, English source) → translation."""
    root = ET.Element("TS", version="2.1", language="de")
    contexts: dict[str, ET.Element] = {}
    for (context, source), translation in messages.items():
        if context not in contexts:
            contexts[context] = ET.SubElement(root, "context")
            ET.SubElement(contexts[context], "name").text = context
        message = ET.SubElement(contexts[context], "message")
        ET.SubElement(message, "source").text = source
        ET.SubElement(message, "translation").text = translation
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)


@contextmanager
def installed_catalogue(tmp_path: Path, messages: Mapping[tuple[str, str], str]) -> Iterator[QTranslator]:
    """Compile `messages` with pyside6-lrelease and install them in the running application."""
    ts_file = tmp_path / "probe_de.ts"
    write_ts(ts_file, messages)
    qm_file = tmp_path / "probe_de.qm"
    translations_update.release(ts_file, qm_file)
    app = QCoreApplication.instance()
    assert app is not None, "a QApplication must run (use the qtbot fixture)"
    translator = QTranslator()
    assert translator.load(str(qm_file)), "the probe catalogue did not load"
    app.installTranslator(translator)
    try:
        yield translator
    finally:
        app.removeTranslator(translator)
