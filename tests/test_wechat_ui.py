"""Copy for WeChat from the Reports tab: rich text on the clipboard, a preview, the page saved with its pictures."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.actor import local_actor
from app.outcomes.reports import attach_file
from app.settings import Settings
from app.storage.database import Database
from models import Participation, Report
from tests.test_main_window import go_to, seeded  # noqa: F401 - fixtures
from tests.test_wechat_article import docx_with_pictures, png
from ui.outcomes.wechat_dialog import WeChatArticleDialog
from ui.shell.main_window import MainWindow


@pytest.fixture
def window_with_report(qtbot: QtBot, seeded: Database) -> MainWindow:  # noqa: F811
    with seeded.transaction() as session:
        report = Report(participation=session.scalars(select(Participation)).one(), title="Peer support at SJTU",
                        title_zh="交大的朋辈支持", abstract="What we <learned>.")
        session.add(report)
        session.flush()
        attach_file(session, local_actor(), report.id, "report.docx", docx_with_pictures(png(2, 2)), limit_mb=5)
    window = MainWindow(seeded, Settings(), local_actor())
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    return window


def test_copy_for_wechat_puts_styled_html_on_the_clipboard(qtbot: QtBot, window_with_report: MainWindow) -> None:
    tab = go_to(qtbot, window_with_report, window_with_report.reports_tab)
    tab.select_record(tab.model.row_at(0)[0])
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(tab.copy_wechat_button, Qt.MouseButton.LeftButton)
    data = QGuiApplication.clipboard().mimeData()
    assert data.hasHtml() and "text/html" in data.formats()
    html = data.html()
    assert html.startswith("<section style=") and "交大的朋辈支持" in html and "What we &lt;learned&gt;." in html
    assert "<style" not in html and "class=" not in html
    assert "交大的朋辈支持" in data.text() and "<section" not in data.text()


def test_the_preview_shows_the_article_and_saves_it_with_its_pictures(
        qtbot: QtBot, window_with_report: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    tab = go_to(qtbot, window_with_report, window_with_report.reports_tab)
    tab.select_record(tab.model.row_at(0)[0])
    shown: list[WeChatArticleDialog] = []
    monkeypatch.setattr(WeChatArticleDialog, "exec", lambda dialog: shown.append(dialog) or 0)
    qtbot.mouseClick(tab.wechat_button, Qt.MouseButton.LeftButton)
    dialog = shown[0]
    qtbot.addWidget(dialog)
    text = dialog.preview.toPlainText()
    assert "交大的朋辈支持" in text and "Peer support at SJTU" in text and "What we saw <there>" in text
    assert dialog.save(tmp_path / "article")
    assert (tmp_path / "article.html").is_file() and (tmp_path / "article_files" / "image1.png").is_file()
    assert "1 picture" in dialog.status.text()
    dialog.show()
    assert dialog.frameGeometry().height() <= 720 and dialog.frameGeometry().width() <= 1280
