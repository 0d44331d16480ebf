"""Regenerate the translation sources and their compiled catalogues.

    .venv/bin/python ui/translations/update.py

pyside6-lupdate reads every module of the `hiptrack` package and updates each
`hiptrack_<language>.ts` here (new texts are added unfinished, translated ones are kept, texts
gone from the code are dropped); pyside6-lrelease then compiles each to the `.qm` the app loads.
Translators edit the `.ts` files with pyside6-linguist. `tests/unit/test_translations.py` fails
when the code holds a text the `.ts` files do not, so run this after changing user-visible text.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
# The languages hiptrack ships; add one by adding its code here and running this script.
LANGUAGES = ("de",)


def qt_tool(name: str) -> str:
    """A PySide6 tool from the interpreter's own environment first (the project's .venv)."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 into this interpreter's environment")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "hiptrack").rglob("*.py"))


def update_ts(ts_file: Path, language: str) -> None:
    subprocess.run([qt_tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                    "-target-language", language, *sources(), "-ts", str(ts_file)],
                   cwd=ROOT, check=True)


def release(ts_file: Path, qm_file: Path) -> None:
    subprocess.run([qt_tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)], check=True)


def main() -> int:
    for language in LANGUAGES:
        ts_file = HERE / f"hiptrack_{language}.ts"
        update_ts(ts_file, language)
        release(ts_file, ts_file.with_suffix(".qm"))
        print(f"updated {ts_file.relative_to(ROOT)} and its .qm")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
