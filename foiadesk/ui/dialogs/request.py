"""The New request dialog. It returns a plain draft; the window saves it in the background."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from foiadesk.core.reference.directory import Component, load_directory
from foiadesk.core.store.log import Changes, LogError, add_directory_request
from foiadesk.ui.dialogs.commit import CommitOnAccept
from foiadesk.ui.widgets import ok_cancel


@dataclass(frozen=True)
class RequestDraft:
    title: str
    component: str  # directory key
    case_id: int | None = None
    requester_id: int | None = None
    description: str = ""

    def save(self, db) -> Changes:
        """Add the request through the same core call as `foiadesk add-request`."""
        component = load_directory().component(self.component)
        if component is None:
            raise LogError(f"'{self.component}' is not in the agency directory; pick one from the list.")
        return add_directory_request(
            db,
            component,
            title=self.title,
            case_id=self.case_id,
            requester_id=self.requester_id,
            description=self.description,
        )


def component_label(component: Component) -> str:
    abbr = component.abbr or component.parent
    return f"{abbr} — {component.name} ({component.parent_name})"


class RequestDialog(CommitOnAccept, QDialog):
    """Title, component (type any part of its name), case (at first ``case_id``, the case the
    window shows), requester and description. It closes once the request is saved (see
    ``CommitOnAccept``)."""

    def __init__(
        self,
        cases: dict[int, str],
        requesters: list[tuple[int, str]],
        parent=None,
        *,
        case_id: int | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle("New request")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        self.title = QLineEdit()
        self.title.setPlaceholderText("What you are asking for, in a few words")
        self.component = QComboBox()
        self.component.setEditable(True)
        self.component.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for comp in load_directory().all():
            self.component.addItem(component_label(comp), comp.key)
        self.component.setCurrentIndex(-1)
        self.component.lineEdit().setPlaceholderText("Type an agency or office, e.g. ICE or Internal Revenue")
        completer = QCompleter(self.component.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.component.setCompleter(completer)
        self.case = QComboBox()
        self.case.addItem("No case", None)
        for key, name in cases.items():
            self.case.addItem(name, key)
        self.case.setCurrentIndex(max(0, self.case.findData(case_id)) if case_id is not None else 0)
        self.requester = QComboBox()
        self.requester.addItem("Not set", None)
        for requester_id, name in requesters:
            self.requester.addItem(name, requester_id)
        if len(requesters) == 1:  # the one who signs everything: a follow-up needs a signer
            self.requester.setCurrentIndex(1)
        self.description = QPlainTextEdit()
        self.description.setPlaceholderText("The records you want (optional)")
        self.description.setTabChangesFocus(True)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()

        form = QFormLayout()
        form.addRow("&Title", self.title)
        form.addRow("&Send to", self.component)
        form.addRow("&Case", self.case)
        form.addRow("&Requester", self.requester)
        form.addRow("&Description", self.description)
        self.buttons = buttons = ok_cancel(self, "Add request")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.title.setFocus()

    def chosen_component(self) -> str | None:
        """The directory key of the component picked, or typed if it names exactly one."""
        text = self.component.currentText().strip()
        row = self.component.findText(text, Qt.MatchFlag.MatchFixedString)
        if row >= 0:
            return self.component.itemData(row)
        hits = load_directory().search(text) if text else []
        exact = [c for c in hits if (c.abbr or "").lower() == text.lower()]
        if exact:
            return exact[0].key
        return hits[0].key if len(hits) == 1 else None

    def draft(self) -> RequestDraft:
        return RequestDraft(
            title=self.title.text().strip(),
            component=self.chosen_component() or "",
            case_id=self.case.currentData(),
            requester_id=self.requester.currentData(),
            description=self.description.toPlainText().strip(),
        )

    def accept(self) -> None:
        draft = self.draft()
        if not draft.title:
            return self._refuse("Give the request a title.", self.title)
        if not draft.component:
            return self._refuse(
                "Pick the agency office to send it to from the list (type part of its name).",
                self.component,
            )
        self.commit(draft)

    def _refuse(self, text: str, field) -> None:
        self.problem.setText(text)
        self.problem.show()
        field.setFocus()
