"""Real screenshots of hiptrack's screens for the README and docs/, taken on a virtual X screen.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python docs/make_screenshots.py

Each screen is shown in a real window on the demo database and the whole screen is grabbed.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

OUT = Path(__file__).resolve().parent / "screenshots"


def main() -> int:
    if not os.environ.get("DISPLAY"):
        print("needs an X display: run under xvfb-run (see the docstring)", file=sys.stderr)
        return 2
    folder = Path(tempfile.mkdtemp(prefix="hiptrack-shots-"))
    os.environ["HIPTRACK_HOME"] = str(folder / "home")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from hiptrack import settings as S
    from hiptrack.gui.application import create_application, open_prepared_database
    from hiptrack.gui.main_window import MainWindow
    from hiptrack.storage.demo import populate_demo

    app = create_application()
    db = open_prepared_database(f"sqlite:///{folder / 'demo.sqlite3'}")
    with db.session() as s:
        populate_demo(s, patients=14)
    window = MainWindow(db, S.WorkstationSettings(folder / "ws.json"))
    window.resize(1280, 800)
    window.move(0, 0)
    window.show()
    OUT.mkdir(exist_ok=True)

    def grab(name: str) -> None:
        app.processEvents()
        QApplication.primaryScreen().grabWindow(0).save(str(OUT / f"{name}.png"))
        print(OUT / f"{name}.png")

    steps: list[tuple[str, Callable[[], None]]] = [
        ("main_window", lambda: window.select_patient(window.model.row_at(2).id)),  # type: ignore[union-attr]
    ]
    for index, (_title, page) in enumerate(zip(range(window.tabs.count()), window.pages, strict=True)):
        if index == 0:
            continue
        name = window.tabs.tabText(index).replace("&", "").lower().replace(" ", "_")
        steps.append((f"page_{name}", lambda i=index: window.tabs.setCurrentIndex(i)))
        del page

    def run(i: int = 0) -> None:
        if i == len(steps):
            app.quit()
            return
        name, action = steps[i]
        action()
        QTimer.singleShot(400, lambda: (grab(name), run(i + 1)))

    QTimer.singleShot(300, run)
    app.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main())
