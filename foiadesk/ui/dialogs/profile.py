"""The requester profile dialog: who signs the letters. It returns a plain ``Profile``;
the window saves it in the background (``core.requesters.save_profile``)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from foiadesk.core.store.requesters import Profile, profile_problem
from foiadesk.ui.widgets import ok_cancel

FEE_CATEGORIES = {
    "news_media": "Representative of the news media",
    "educational": "Educational institution",
    "scientific": "Noncommercial scientific institution",
    "commercial": "Commercial use",
    "other": "All other requesters",
}


class ProfileDialog(QDialog):
    def __init__(self, profile: Profile | None = None, parent=None):
        super().__init__(parent)
        self.profile = profile or Profile(name="")
        self.setWindowTitle("Requester profile" if profile and profile.id else "New requester profile")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)  # its hints show whole
        self.name, self.organization, self.title, self.email, self.phone, self.signature = (
            QLineEdit() for _ in range(6)
        )
        self.address, self.basis, self.dissemination = QPlainTextEdit(), QPlainTextEdit(), QPlainTextEdit()
        for box in (self.address, self.basis, self.dissemination):
            box.setTabChangesFocus(True)
            box.setMaximumHeight(self.fontMetrics().height() * 4 + 12)
        self.fee_category = QComboBox()
        for key, label in FEE_CATEGORIES.items():
            self.fee_category.addItem(label, key)
        self.name.setPlaceholderText("the name to sign with, or the organisation's")
        self.email.setPlaceholderText("name@example.org")
        self.basis.setPlaceholderText("facts for the category, e.g. where you publish")
        self.dissemination.setPlaceholderText("how you will share what you learn (for fee waivers)")
        self.signature.setPlaceholderText("if different from the name")
        self.address.setPlaceholderText("street, city, state and ZIP: required, as drafting needs it")
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()
        form = QFormLayout()
        for label, widget in (
            ("&Name", self.name),
            ("&Organization", self.organization),
            ("&Title", self.title),
            ("&Email (required)", self.email),
            ("&Phone", self.phone),
            ("&Address (required)", self.address),
            ("Fee &category", self.fee_category),
            ("Wh&y that category", self.basis),
            ("How you will s&hare it", self.dissemination),
            ("&Signature", self.signature),
        ):
            form.addRow(label, widget)
        buttons = ok_cancel(self, "Save profile")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self._show(self.profile)
        self.name.setFocus()

    def _show(self, p: Profile) -> None:
        for widget, value in (
            (self.name, p.name),
            (self.organization, p.organization),
            (self.title, p.title),
            (self.email, p.email),
            (self.phone, p.phone),
            (self.signature, p.signature_name if p.signature_name != p.name else ""),
        ):
            widget.setText(value or "")
        self.address.setPlainText(p.address or "")
        self.basis.setPlainText(p.fee_category_basis or "")
        self.dissemination.setPlainText(p.dissemination or "")
        self.fee_category.setCurrentIndex(max(0, self.fee_category.findData(p.fee_category)))

    def draft(self) -> Profile:
        name = self.name.text().strip()
        return replace(
            self.profile,
            name=name,
            organization=self.organization.text().strip(),
            title=self.title.text().strip(),
            email=self.email.text().strip(),
            phone=self.phone.text().strip(),
            address=self.address.toPlainText().strip(),
            fee_category=self.fee_category.currentData(),
            fee_category_basis=self.basis.toPlainText().strip(),
            dissemination=self.dissemination.toPlainText().strip(),
            signature_name=self.signature.text().strip() or name,
        )

    def accept(self) -> None:
        problem = profile_problem(self.draft())
        if problem is not None:
            field, text = problem
            return self._refuse(text, getattr(self, field))
        super().accept()

    def show_problem(self, text: str) -> None:
        """Say why these details came back (a name already saved), at the name."""
        self._refuse(text, self.name)
        self.name.selectAll()

    def _refuse(self, text: str, field) -> None:
        self.problem.setText(text)
        self.problem.show()
        field.setFocus()
