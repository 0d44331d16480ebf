"""Use cases: what a screen does, without the screen (no Qt).

An operation combines the domain (the rules and numbers) with storage (the rows) into one step a
clinician takes, such as recording a trial or deciding on it. Widgets call these and only show the
outcome; tests drive them on both database engines without a GUI. Layer: above domain and storage,
below gui and cli; imports no PySide6 and no pyqtgraph.
"""
