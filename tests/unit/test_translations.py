"""Every text a person reads goes through Qt's translation functions, and the catalogues are current.

The GUI rule: a string literal (or f-string) with letters in it, passed straight to a Qt call that
puts text on screen (a label, button, title, tooltip, message box, menu, header, status bar ...),
bypasses translation. It must be `self.tr("...")` or `translate("Context", "...")` instead, with
numbers put in afterwards (`.format(...)`) so a translator sees the whole sentence.

The prose rule: a prose literal (two words or more) outside a translation call, a docstring, a log
call or a raised exception bypasses translation. It holds for the modules that write documents and,
with the first rule, for the GUI (which builds sentences in helper functions too).

A literal that is not language (a product or device name, a unit symbol) is exempted by a comment on
its line that starts `# i18n:` and says why.
"""

from __future__ import annotations

import ast
import re
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "hiptrack"
TRANSLATIONS = ROOT / "ui" / "translations"

sys.path.insert(0, str(TRANSLATIONS))
import update as translations_update  # noqa: E402  (ui/translations/update.py, not a package)

# Qt calls whose string arguments a person reads.
VISIBLE_METHODS = {
    "setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "setStatusTip", "setWhatsThis",
    "addAction", "addMenu", "addTab", "insertTab", "setTabText", "setTabToolTip", "setTitle",
    "showMessage", "addRow", "insertRow", "addItem", "addItems", "insertItem", "setHorizontalHeaderLabels",
    "setVerticalHeaderLabels", "setHeaderLabels", "setLabelText", "setSuffix", "setPrefix",
    "setSpecialValueText", "information", "warning", "critical", "question", "about",
    "setInformativeText", "setDetailedText", "setButtonText", "addButton", "setHtml", "setMarkdown",
    "setAccessibleName", "setEmptyText", "setAccessibleDescription", "setPlainText", "getText",
    "getItem", "getInt", "getDouble", "getOpenFileName", "getSaveFileName", "setNameFilter",
    "setLabel", "setCheckBoxText", "setWindowIconText",
}
VISIBLE_CONSTRUCTORS = {
    "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QToolButton",
    "QMenu", "QCommandLinkButton", "QTableWidgetItem", "QListWidgetItem", "QTreeWidgetItem",
    "QMessageBox", "QStandardItem",
}
TRANSLATING = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP", "label"}
LETTERS = re.compile(r"[A-Za-z]{2,}")
PROSE = re.compile(r"[A-Za-z]{2,}[^\n]*\s[A-Za-z]{2,}")
# Not prose although it has words: markup, style sheets, format codes, font and file names.
NOT_PROSE = re.compile(r"^\s*<[^>]*>\s*$|\{[^}]*:[^}]*;|^[\w-]+: [^;]+;|font-|^[\w.-]+\.(pdf|png|svg|csv|json|qss)$|"
                       r"^(DejaVu|Segoe|Helvetica|Arial|Liberation)\b|^[a-z_]+( [a-z_]+)*$")

# Modules still being wrapped, one set per engineer so their edits do not collide. Each entry must
# still hold a bypass (test_pending_modules_are_pending), so the sets can only shrink; they must be
# empty when the work is done.
PENDING_PAGES: set[str] = set()



PENDING_DIALOGS: set[str] = set()



PENDING_DOCUMENTS: set[str] = set()



PENDING = PENDING_PAGES | PENDING_DIALOGS | PENDING_DOCUMENTS

DOCUMENT_MODULES = ("reports/build.py", "reports/render.py", "reports/wording.py", "reports/charts.py")


def _name_of(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _literal_text(node: ast.expr) -> str | None:
    """The letters a person would read in a literal, f-string or a list of them; None if not literal."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
    if isinstance(node, (ast.List, ast.Tuple)):
        texts = [_literal_text(e) for e in node.elts]
        return " ".join(t for t in texts if t) or None
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        left, right = _literal_text(node.left), _literal_text(node.right)
        return (left or "") + (right or "") or None
    return None


def _exempt_lines(source: str) -> set[int]:
    return {n for n, line in enumerate(source.splitlines(), start=1) if "# i18n:" in line}


def _gui_bypasses(path: Path) -> list[str]:
    """Both rules: literals handed to a visible Qt call, and prose anywhere else in the module."""
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source, str(path))
    exempt_lines = _exempt_lines(source)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _name_of(node.func)
        if (name not in VISIBLE_METHODS and name not in VISIBLE_CONSTRUCTORS) or _is_log_call(node):
            continue
        for arg in [*node.args, *(k.value for k in node.keywords)]:
            text = _literal_text(arg)
            if text and LETTERS.search(text) and not NOT_PROSE.search(text) and arg.lineno not in exempt_lines:
                found.append(f"{_where(path)}:{arg.lineno}: {name}({text[:50]!r})")
    seen = {b.split(":")[1] for b in found}
    return found + [b for b in _prose_bypasses(path) if b.split(":")[1] not in seen]


def _is_log_call(node: ast.Call) -> bool:
    """log.warning(...) and the like: for the log file, not QMessageBox.warning."""
    return isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name) \
        and node.func.value.id in ("log", "logger", "logging")


def _inside_translation(tree: ast.AST) -> set[int]:
    """ids of nodes that are arguments of translation calls, docstrings or log calls."""
    exempt: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _name_of(node.func)
            is_log = _is_log_call(node)
            if name in TRANSLATING or is_log or name in ("getLogger", "warn"):
                exempt.update(id(n) for a in node.args for n in ast.walk(a))
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                exempt.add(id(body[0].value))
        if isinstance(node, ast.Raise) and node.exc is not None:
            # Exception texts are for the log and for developers unless a screen shows them; a
            # screen that shows one wraps its own words around it.
            exempt.update(id(n) for n in ast.walk(node.exc))
    return exempt


def _where(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else path.name


def _prose_bypasses(path: Path) -> list[str]:
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source, str(path))
    exempt = _inside_translation(tree)
    exempt_lines = _exempt_lines(source)
    found = []
    for node in ast.walk(tree):
        if id(node) in exempt:
            continue
        if isinstance(node, ast.JoinedStr):
            exempt.update(id(v) for v in node.values)
        text = _literal_text(node) if isinstance(node, (ast.Constant, ast.JoinedStr)) else None
        if text and PROSE.search(text) and not NOT_PROSE.search(text) and node.lineno not in exempt_lines:
            found.append(f"{_where(path)}:{node.lineno}: {text[:60]!r}")
    return found


_document_bypasses = _prose_bypasses


def _gui_modules() -> list[Path]:
    return sorted((PACKAGE / "gui").rglob("*.py"))


def _rel(path: Path) -> str:
    return str(path.relative_to(PACKAGE))


def test_gui_texts_go_through_translation() -> None:
    bypasses = [b for p in _gui_modules() if _rel(p) not in PENDING for b in _gui_bypasses(p)]
    assert not bypasses, "user-visible literals that bypass translation:\n" + "\n".join(bypasses)


def test_document_texts_go_through_translation() -> None:
    bypasses = [b for m in DOCUMENT_MODULES if m not in PENDING for b in _document_bypasses(PACKAGE / m)]
    assert not bypasses, "document prose that bypasses translation:\n" + "\n".join(bypasses)


def test_pending_modules_are_pending() -> None:
    done = sorted(m for m in PENDING if not (_document_bypasses(PACKAGE / m) if m in DOCUMENT_MODULES
                                             else _gui_bypasses(PACKAGE / m)))
    assert not done, f"these modules are translated: remove them from PENDING: {done}"


def test_the_rules_catch_a_bypass(tmp_path: Path) -> None:
    """The checks themselves: each bypass below is caught, each translated form is not."""
    probe = PACKAGE / "gui" / "_probe_for_test.py"
    probe.write_text(
        "from PySide6.QtWidgets import QLabel, QMessageBox\n"
        "a = QLabel('Start a visit')\n"
        "b = QLabel(f'Peak {1:.1f} N')\n"
        "QMessageBox.critical(None, 'Back up', 'The backup failed')\n"
        "c = QLabel(self.tr('Start a visit'))\n"
        "d = QLabel(translate('Strength', 'Peak {peak}').format(peak=1))\n"
        "e = QLabel('')\n"
        "f = QLabel('—')\n"
        "def g(n):\n"
        "    return f'{n} trials recorded'\n"
        "log.warning('the backup failed: %s', 'disk full')\n", encoding="utf-8")
    try:
        lines = sorted(int(b.split(":")[1]) for b in _gui_bypasses(probe))
    finally:
        probe.unlink()
    assert lines == [2, 3, 4, 4, 10]
    doc = tmp_path / "doc.py"
    doc.write_text('"""A docstring with words."""\n'
                   "x = translate('Report', 'Tested by')\n"
                   "y = 'Signed electronically by'\n"
                   "log.info('report written for one visit')\n"
                   "z = f'{n} typed in'\n"
                   "w = 'hip_abd_sidelying'\n"
                   "v = 'Mark-10 Series 5'  # i18n: a product name\n"
                   "u = 'QLabel { color: #555; }'\n", encoding="utf-8")
    found = _prose_bypasses(doc)
    assert [int(f.split(":")[1]) for f in found] == [3, 5]


def _messages(ts_file: Path) -> set[tuple[str, str]]:
    root = ET.parse(ts_file).getroot()
    return {(ctx.findtext("name") or "", msg.findtext("source") or "")
            for ctx in root.iter("context") for msg in ctx.iter("message")}


@pytest.mark.parametrize("language", translations_update.LANGUAGES)
def test_translation_sources_hold_every_text_of_the_code(tmp_path: Path, language: str) -> None:
    committed = TRANSLATIONS / f"hiptrack_{language}.ts"
    fresh = tmp_path / committed.name
    fresh.write_bytes(committed.read_bytes())
    translations_update.update_ts(fresh, language)
    missing = _messages(fresh) - _messages(committed)
    stale = _messages(committed) - _messages(fresh)
    assert not missing and not stale, (
        f"{committed.name} is out of date: run `.venv/bin/python ui/translations/update.py`\n"
        f"new in the code: {sorted(missing)[:10]}\ngone from the code: {sorted(stale)[:10]}")


@pytest.mark.parametrize("language", translations_update.LANGUAGES)
def test_compiled_catalogue_matches_its_source(tmp_path: Path, language: str) -> None:
    ts_file = TRANSLATIONS / f"hiptrack_{language}.ts"
    qm = tmp_path / "fresh.qm"
    translations_update.release(ts_file, qm)
    assert qm.read_bytes() == ts_file.with_suffix(".qm").read_bytes(), (
        "the .qm is not compiled from the committed .ts: run ui/translations/update.py")


def test_lupdate_sees_the_marked_domain_texts(tmp_path: Path) -> None:
    """QT_TRANSLATE_NOOP in the Qt-free domain is found by name, so domain labels reach translators."""
    src = tmp_path / "marked.py"
    src.write_text("from hiptrack.domain.translatable import QT_TRANSLATE_NOOP\n"
                   "X = QT_TRANSLATE_NOOP('Labels', 'Prone hip extension')\n", encoding="utf-8")
    ts = tmp_path / "out.ts"
    subprocess.run([translations_update.qt_tool("pyside6-lupdate"), "-silent", str(src), "-ts", str(ts)], check=True)
    assert ("Labels", "Prone hip extension") in _messages(ts)


def _template(text: str) -> str:
    """What lupdate must have found for a domain text: a Phrase's template, else the text itself."""
    from hiptrack.domain.translatable import Phrase

    return text.template if isinstance(text, Phrase) else text


def test_lupdate_finds_every_marked_domain_label(tmp_path: Path) -> None:
    """The domain's fixed texts (titles, side and method words, flag words, provenance, norm reasons)
    reach the Labels context of a catalogue generated from the sources, so translators see them."""
    import datetime as dt

    from hiptrack.domain import asymmetry, norms, outcomes, patient_rules, positions, provenance, summary
    from hiptrack.domain import exercise_program as ep

    texts = {t for p in positions.POSITIONS.values() for t in (p.title, p.set_up, p.pad)}
    texts |= {*positions.MUSCLE_TITLES.values(), *positions.METHOD_WORDS.values(), positions.STANDARD_HIP.title}
    texts |= {*asymmetry.SIDE_WORDS.values(), *asymmetry.SIDE_TITLES.values()}
    texts |= {_template(f.label(asymmetry.DEFAULT_THRESHOLDS)) for f in asymmetry.Flag}
    texts |= {*summary.MARKED_FIELDS.values(), *summary.CHANGE_AGAINST.values()}
    texts |= {*norms.DEVICE_TITLES.values(), *norms.CONTRACTION_WORDS.values(), *norms.ACTION_WORDS.values()}
    texts |= {s.title for s in outcomes.SPECS.values()}
    visit = dt.date(2026, 10, 21)
    for source in provenance.Source:
        for measured_on in (None, dt.date(2026, 9, 1)):
            texts.add(_template(provenance.Provenance(source, measured_on).text(visit)))
    texts.add(_template(provenance.lever_mark(provenance.Provenance(provenance.Source.TYPICAL), 0.4) or ""))
    texts.add(_template(norms.NormResult.no_reference("age unknown").reason or ""))
    texts |= {*ep.SIDES_TEXT.values(), *ep.RULES.values()}
    texts |= {_template(part) for part in ep.format_dosage(ep.Dosage(3, 10, 2.0, resistance_kind="ankle_weight",
                                                                     resistance_kg=1.0)).values.values()
              if _template(part) != "{sets} × {reps}"}
    texts |= {_template(p) for p in patient_rules.patient_problems(patient_rules.PatientFields("", "", "", None, "x"),
                                                                   dt.date(2026, 11, 20))}
    ts = tmp_path / "fresh.ts"
    translations_update.update_ts(ts, "de")
    labels = {source for context, source in _messages(ts) if context == "Labels"}
    missing = sorted(texts - labels)
    assert len(texts) > 60 and not missing, f"domain texts lupdate does not see: {missing}"


def _placeholder_mismatches(ts_file: Path) -> list[str]:
    """Translations that name a {placeholder} their English source does not fill (a translator's typo
    such as "{dat}"): the screen's .format(...) would raise where the English text works."""

    def fields(text: str) -> set[str] | None:
        try:
            return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
        except ValueError:
            return None  # not a format template (a lone brace): .format is never called on it

    found = []
    for ctx in ET.parse(ts_file).getroot().iter("context"):
        for msg in ctx.iter("message"):
            source, translation = msg.findtext("source") or "", msg.find("translation")
            if translation is None or not (translation.text or "").strip() or translation.get("type"):
                continue  # unfinished: Qt shows the English source
            wanted, given = fields(source), fields(translation.text or "")
            if wanted is not None and (given is None or not given <= wanted):
                found.append(f"{ctx.findtext('name')}: {source[:50]!r} → {(translation.text or '')[:50]!r}")
    return found


@pytest.mark.parametrize("language", translations_update.LANGUAGES)
def test_translations_fill_only_the_placeholders_of_their_source(language: str) -> None:
    mismatches = _placeholder_mismatches(TRANSLATIONS / f"hiptrack_{language}.ts")
    assert not mismatches, "translations with placeholders their source does not have:\n" + "\n".join(mismatches)


def test_a_placeholder_typo_in_a_translation_is_caught(tmp_path: Path) -> None:
    probe = tmp_path / "probe.ts"
    probe.write_text(
        "<TS version='2.1' language='de'><context><name>Probe</name>"
        "<message><source>Visit {date}</source><translation>Besuch {dat}</translation></message>"
        "<message><source>Visit {date}</source><translation>Besuch {date</translation></message>"
        "<message><source>{n} trials</source><translation>{n} Versuche</translation></message>"
        "<message><source>Peak {peak}</source><translation type='unfinished'>Spitze {x}</translation></message>"
        "</context></TS>", encoding="utf-8")
    assert len(_placeholder_mismatches(probe)) == 2
