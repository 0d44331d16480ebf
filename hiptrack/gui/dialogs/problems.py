"""What every data-entry dialog shares: the problems label, how problems are listed, the form with
its problems and Save/Cancel, how a typed number is read, and turning a refused save into listed
problems while the dialog stays open."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLayout, QVBoxLayout

from hiptrack.reports.translation import error_text, label, translate
from hiptrack.storage.errors import StorageError, ValidationError


def problems_label() -> QLabel:
    label = QLabel()
    label.setObjectName("problems")  # styled in ui/styles/hiptrack.qss
    label.setWordWrap(True)
    label.hide()
    return label


def form_with_save(dialog: QDialog, form: QLayout, problems: QLabel, on_save: Callable[[], object]) -> QVBoxLayout:
    """The dialog's layout: the form, the problems label under it, then Save and Cancel."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(on_save)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(problems)
    layout.addWidget(buttons)
    return layout


class ProblemsMixin:
    """For dialogs with a `problems` label from problems_label().

    A mixin of many dialogs: its texts use the literal context "Problems", not self.tr, which would
    look them up under each dialog's own class name.
    """

    problems: QLabel

    def show_problems(self, problems: Sequence[str]) -> None:
        # A problem the domain worded (a marked text or a Phrase) is shown in the reader's language.
        listed = "\n".join(f"• {label(p)}" for p in problems)
        self.problems.setText(translate("Problems", "Please correct:\n{problems}").format(problems=listed))
        self.problems.setVisible(bool(problems))


def parse_number(text: str, label: str, problems: list[str]) -> float | None:
    """Accept '72.5' and '72,5'; an empty field is None; anything else is a named problem.

    `label` names the field as the screen does, so the caller passes it translated.
    """
    text = text.strip().replace(",", ".")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        problems.append(translate("Problems", "{field} '{text}' is not a number").format(field=label, text=text))
        return None


def save_or_show(dialog: ProblemsMixin, action: Callable[[], None]) -> bool:
    """Run a save; on a refusal list its problems in the dialog and return False."""
    try:
        action()
    except ValidationError as exc:
        dialog.show_problems(exc.problems)
        return False
    except StorageError as exc:
        dialog.show_problems([error_text(exc)])
        return False
    return True
