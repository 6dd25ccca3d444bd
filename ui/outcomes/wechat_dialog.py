"""The WeChat article of a report: a preview as the reader will see it, copied as rich text or saved as HTML.

The clipboard gets the inline-styled fragment as text/html (what the WeChat editor pastes with
its formatting) and the plain text as text/plain. Saving writes the page and its pictures beside
it (exports/wechat_article.py).
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtGui import QGuiApplication, QImage, QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError
from app.outcomes.articles import Article, build_article
from ui.widgets.screen_fit import fit_to_screen
from exports.wechat_article import titles, wechat_fragment, wechat_page, write_wechat_article

if TYPE_CHECKING:
    from app.storage.database import Database


def copy_to_clipboard(article: Article) -> None:
    """Put the article on the clipboard as rich text (and plain text for editors that take only that)."""
    fragment = wechat_fragment(article)
    document = QTextDocument()
    document.setHtml(fragment)
    data = QMimeData()
    data.setHtml(fragment)
    data.setText(document.toPlainText())
    QGuiApplication.clipboard().setMimeData(data)


def load_article(database: Database, report_id: int) -> Article:
    with database.sessions() as session:
        return build_article(session, report_id)


class WeChatArticleDialog(QDialog):
    """Preview one report's WeChat article; copy it for the WeChat editor or save it as HTML with its pictures."""

    def __init__(self, article: Article, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.article = article
        self.setWindowTitle(self.tr("WeChat article"))
        self.preview = QTextBrowser()
        self.preview.setObjectName("wechat_preview")
        self.preview.setOpenExternalLinks(False)
        for name, data in article.images.items():
            image = QImage.fromData(data)
            if not image.isNull():
                self.preview.document().addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
        self.preview.setHtml(wechat_page(article))
        note = QLabel(self.tr("This is how the article will look in the WeChat editor. Copy it, then paste it into "
                              "the editor of the \"Global SJTU\" account; its formatting comes along. Pictures are "
                              "not carried by the clipboard: save the article as HTML and upload them from its "
                              "folder."))
        note.setWordWrap(True)
        if article.body_note:
            note.setText(note.text() + "\n" + article.body_note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("&Copy for WeChat"))
        self.copy_button.setObjectName("copy_for_wechat")
        self.copy_button.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_button.clicked.connect(self.copy)
        self.save_button = QPushButton(self.tr("&Save as HTML…"))
        self.save_button.setObjectName("save_wechat_html")
        self.save_button.clicked.connect(self.choose_and_save)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.status = QLabel()
        self.status.setObjectName("wechat_status")
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        fit_to_screen(self, 720, 640)

    def copy(self) -> None:
        copy_to_clipboard(self.article)
        self.status.setText(self.tr("Copied. Paste it into the WeChat editor."))

    def choose_and_save(self) -> None:
        headline, _subtitle = titles(self.article)
        stem = "".join(ch for ch in headline if ch not in '\\/:*?"<>|').strip()[:60] or "article"
        name, _filter = QFileDialog.getSaveFileName(self, self.tr("Save the WeChat article"), f"{stem}.html",
                                                    self.tr("Web page (*.html)"))
        if name:
            self.save(Path(name))

    def save(self, target: Path) -> bool:
        if target.suffix.lower() not in (".html", ".htm"):
            target = target.with_name(target.name + ".html")
        try:
            written = write_wechat_article(self.article, target)
        except (AppError, OSError) as error:
            QMessageBox.warning(self, self.tr("WeChat article"),
                                self.tr("The article could not be saved: {error}").replace("{error}", str(error)))
            return False
        pictures = len(written) - 1
        self.status.setText(self.tr("Saved {file} and {count} picture(s) beside it.")
                            .replace("{file}", str(target)).replace("{count}", str(pictures)))
        return True
