"""The office's mail server: host, port, STARTTLS or SSL, login, sender, pause between messages.

The settings file keeps everything but the password, which goes to the system's keyring
(or, without a keyring, is kept for this run only).
"""
from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError, ValidationError
from app.settings import Settings
from app.storage.credentials import PasswordStore, smtp_account
from ui.widgets.field_errors import FieldErrors
from ui.widgets.screen_fit import fit_to_screen


class MailServerDialog(QDialog):
    def __init__(self, settings: Settings, passwords: PasswordStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings, self.passwords = settings, passwords
        self.setObjectName("mail_server_dialog")
        self.setWindowTitle(self.tr("Mail server"))
        self.host = QLineEdit(settings.smtp_host)
        self.host.setObjectName("smtp_host")
        self.host.setPlaceholderText("smtp.example.edu.cn")
        self.port = QSpinBox()
        self.port.setObjectName("smtp_port")
        self.port.setRange(1, 65535)
        self.port.setValue(int(settings.smtp_port))
        self.security = QComboBox()
        self.security.setObjectName("smtp_security")
        for value, label in (("starttls", self.tr("STARTTLS (port 587)")), ("ssl", self.tr("SSL/TLS (port 465)")),
                             ("none", self.tr("None (only inside the office network)"))):
            self.security.addItem(label, value)
        self.security.setCurrentIndex(max(0, self.security.findData(settings.smtp_security)))
        self.username = QLineEdit(settings.smtp_username)
        self.username.setObjectName("smtp_username")
        self.password = QLineEdit()
        self.password.setObjectName("smtp_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        stored = passwords.lookup_account(smtp_account(settings.smtp_username, settings.smtp_host,
                                                       settings.smtp_port)) if settings.smtp_username else None
        self.password.setPlaceholderText(self.tr("saved in the keyring") if stored else "")
        self.remember = QCheckBox(self.tr("Remember the password in the system's keyring"))
        self.remember.setObjectName("remember_password")
        self.remember.setChecked(passwords.keyring_available)
        self.remember.setEnabled(passwords.keyring_available)
        if not passwords.keyring_available:
            self.remember.setText(self.tr("No keyring on this system: the password is kept until the program "
                                          "closes"))
        self.from_address = QLineEdit(settings.mail_from_address)
        self.from_address.setObjectName("mail_from_address")
        self.from_name = QLineEdit(settings.mail_from_name)
        self.from_name.setObjectName("mail_from_name")
        self.pause = QDoubleSpinBox()
        self.pause.setObjectName("mail_pause_seconds")
        self.pause.setRange(0, 120)
        self.pause.setSuffix(self.tr(" s"))
        self.pause.setValue(float(settings.mail_pause_seconds))
        self.errors = FieldErrors()
        form = QFormLayout()
        self.errors.add_row(form, self.tr("Server:"), self.host, "smtp_host")
        self.errors.add_row(form, self.tr("Port:"), self.port, "smtp_port")
        self.errors.add_row(form, self.tr("Security:"), self.security, "smtp_security")
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow("", self.remember)
        self.errors.add_row(form, self.tr("Sender address:"), self.from_address, "mail_from_address")
        self.errors.add_row(form, self.tr("Sender name:"), self.from_name, "mail_from_name")
        self.errors.add_row(form, self.tr("Pause between messages:"), self.pause, "mail_pause_seconds")
        form.addRow("", self.errors.add(""))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        fit_to_screen(self, 560, 480)

    def save(self) -> bool:
        from exports.mail import MailServer

        self.errors.hide_all()
        values = dict(smtp_host=self.host.text().strip(), smtp_port=self.port.value(),
                      smtp_security=self.security.currentData(), smtp_username=self.username.text().strip(),
                      mail_from_address=self.from_address.text().strip(), mail_from_name=self.from_name.text().strip(),
                      mail_pause_seconds=self.pause.value())
        candidate = Settings(**{**self.settings.__dict__, **values})
        try:
            MailServer.from_settings(candidate).check()
        except ValidationError as error:
            self.errors.show(error.field, error.message)
            return False
        except AppError as error:
            self.errors.show("", str(error))
            return False
        for name, value in values.items():
            setattr(self.settings, name, value)
        self.settings.save()
        if self.password.text() and self.settings.smtp_username:
            self.passwords.remember_account(
                smtp_account(self.settings.smtp_username, self.settings.smtp_host, self.settings.smtp_port),
                self.password.text(), persist=self.remember.isChecked())
        self.accept()
        return True
