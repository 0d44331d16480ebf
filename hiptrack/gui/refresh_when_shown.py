"""Refreshing a page when it is shown rather than when its data changed behind a hidden tab.

Selecting a patient used to reload every page (overview, strength, exercises, progress, their
charts), although only one tab is on screen. A page asks `RefreshWhenShown.request()` instead of
refreshing itself: a visible page refreshes at once, a hidden one when it is next shown.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class RefreshWhenShown(QObject):
    def __init__(self, page: QWidget, refresh: Callable[[], None]) -> None:
        super().__init__(page)
        self._page = page
        self._refresh = refresh
        self.pending = False
        page.installEventFilter(self)

    def request(self) -> None:
        # Deferred only while the window is on screen and this page is not (a hidden tab); a page
        # on its own, or a window not yet shown, is refreshed at once.
        if self._page.window().isVisible() and not self._page.isVisible():
            self.pending = True
        else:
            self.pending = False
            self._refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._page and event.type() == QEvent.Type.Show and self.pending:
            self.pending = False
            self._refresh()
        return False
