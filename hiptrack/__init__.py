"""hiptrack: hip strength testing and rehabilitation tracking for physiotherapy clinics.

The package is layered (see docs/ARCHITECTURE.md):
domain (pure) <- devices (pyserial) <- storage (SQLAlchemy) <- acquisition (QtCore)
<- reports (QtGui) <- gui (QtWidgets, pyqtgraph).
"""

__version__ = "0.1.0"
APP_NAME = "hiptrack"
APP_DISPLAY_NAME = "hiptrack"
APP_ID = "org.hiptrack.HipTrack"
ORGANISATION = "hiptrack"
