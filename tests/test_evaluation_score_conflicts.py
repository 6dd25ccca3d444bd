"""Scores edited in the Evaluations tab take part in the interview's optimistic lock."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from app.actor import Actor
from app.errors import ConflictError
from app.evaluation.interviews import set_scores, stored_scores
from app.evaluation.records import evaluations
from app.settings import Settings
from app.storage.database import Database
from app.storage.users import local_actor
from benchmarks.score_edits import run as run_score_edits
from models import Department, Evaluation, RubricItem, Semester
from models.enums import UserRole

COLLEAGUE = Actor("zhang.min", UserRole.OFFICER)


def add_interview(session: Session) -> tuple[int, list[int]]:
    semester = Semester(name="2026 Fall", starts_on=date(2026, 9, 1), ends_on=date(2027, 1, 20))
    department = Department(name_en="Library", name_zh="图书馆")
    items = [RubricItem(name_en=name, position=n) for n, name in enumerate(["Preparation", "Partner fit", "Impact"])]
    session.add_all([semester, department, *items])
    session.flush()
    evaluation = Evaluation(department_id=department.id, semester_id=semester.id, interview_date=date(2026, 12, 1),
                            interviewer="Li Wei")
    session.add(evaluation)
    session.flush()
    set_scores(session, COLLEAGUE, evaluation.id, {item.id: 3 for item in items})
    return evaluation.id, [item.id for item in items]


def test_a_change_of_scores_alone_moves_the_version_so_a_stale_form_meets_a_conflict(
        db_session: Session, officer: Actor) -> None:
    evaluation_id, items = add_interview(db_session)
    loaded = db_session.get_one(Evaluation, evaluation_id).version
    set_scores(db_session, COLLEAGUE, evaluation_id, {items[0]: 5, items[1]: 3, items[2]: 3})
    assert db_session.get_one(Evaluation, evaluation_id).version == loaded + 1
    with pytest.raises(ConflictError):  # the tab's save: the record's update with the loaded version, then scores
        evaluations.update(db_session, officer, evaluation_id, expected_version=loaded)
        set_scores(db_session, officer, evaluation_id, {items[0]: 3, items[1]: 1, items[2]: 3})
    with pytest.raises(ConflictError):
        set_scores(db_session, officer, evaluation_id, {items[0]: 3, items[1]: 1, items[2]: 3},
                   expected_version=loaded)
    assert stored_scores(db_session, evaluation_id)[items[0]] == 5


def test_unchanged_scores_leave_the_version_alone(db_session: Session, officer: Actor) -> None:
    evaluation_id, items = add_interview(db_session)
    version = db_session.get_one(Evaluation, evaluation_id).version
    set_scores(db_session, officer, evaluation_id, {item: 3 for item in items})
    assert db_session.get_one(Evaluation, evaluation_id).version == version


@pytest.fixture
def score_database(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'scores.sqlite3'}"
    else:
        from tests.conftest import scratch_postgres_database

        with scratch_postgres_database() as url:
            yield url


def test_two_officers_editing_scores_lose_no_edit(score_database: str) -> None:
    before = run_score_edits(score_database, old_way=True, edits=60)
    assert before["lost"] > 0  # scores outside the lock: the measure sees the loss
    now = run_score_edits(score_database, old_way=False, edits=60)
    assert now["lost"] == 0 and now["conflict shown"] > 0 and now["saved"] > 0


def test_the_tab_shows_the_conflict_and_keeps_both_officers_scores(
        qtbot: QtBot, sqlite_database: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from ui.shell.main_window import MainWindow
    from ui.widgets.conflict_dialog import ConflictDialog

    with sqlite_database.transaction() as session:
        evaluation_id, items = add_interview(session)
    window = MainWindow(sqlite_database, Settings(), local_actor())
    qtbot.addWidget(window)
    window.show()
    tab = window.evaluations_tab
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.has_loaded and not tab.is_loading, timeout=5000)
    tab.select_record(evaluation_id)
    with sqlite_database.transaction() as session:  # a colleague saves a score meanwhile
        set_scores(session, COLLEAGUE, evaluation_id, {items[0]: 5, items[1]: 3, items[2]: 3})
    tab.score_boxes[items[1]].setValue(1)  # my edit, in a form that still shows 3 for the first item
    shown: list[ConflictDialog] = []

    def keep_my_changes(dialog: ConflictDialog) -> int:
        shown.append(dialog)
        return 1

    monkeypatch.setattr(ConflictDialog, "exec", keep_my_changes)
    assert tab.save()
    assert shown, "a stale form must show the conflict"
    dialog = shown[0]
    assert dialog.error.mine[f"score_{items[1]}"] == 1
    assert dialog.error.theirs[f"score_{items[0]}"] == 5
    with sqlite_database.sessions() as session:
        assert stored_scores(session, evaluation_id) == {items[0]: 5, items[1]: 1, items[2]: 3}
    for open_tab in window.record_tabs():
        open_tab.form.load({})
