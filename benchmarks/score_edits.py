"""Two officers editing one interview's scores in the Evaluations tab: how many edits are lost.

Each officer repeats: load the interview into the tab (its version and every score box),
change one score, save the way the tab saves (the record's update with the loaded
version, then every score box). A random schedule interleaves the two, so one often
saves while the other's form still shows the scores from before. An edit is *lost* when
it was reported saved and a later save by the other officer, whose form had not seen
it, put a different score back, with no conflict shown. Run on SQLite and (with
IAD_TEST_POSTGRES_URL) on a scratch PostgreSQL database, once the way the tab saved
before (scores outside the optimistic lock) and once as now.

`python -m benchmarks score_edits`
"""
from __future__ import annotations

import os
import random
import tempfile
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.orm import Session

EDITS = 1000


def _scores_outside_the_lock(session: Session, actor: object, evaluation_id: int, wanted: dict[int, int]) -> None:
    """How the tab saved scores before: rows changed, the interview's version untouched."""
    from app.evaluation.records import evaluation_scores
    from models import EvaluationScore

    existing = {s.rubric_item_id: s for s in session.scalars(
        select(EvaluationScore).where(EvaluationScore.evaluation_id == evaluation_id))}
    for item_id, score in wanted.items():
        if item_id in existing:
            if existing[item_id].score != score:
                evaluation_scores.update(session, actor, existing[item_id].id, score=score)  # type: ignore[arg-type]
        else:
            evaluation_scores.create(session, actor, evaluation_id=evaluation_id,  # type: ignore[arg-type]
                                     rubric_item_id=item_id, score=score)


@dataclass
class Form:
    """One officer's Evaluations tab: what it loaded, and the edit typed into it."""

    version: int = 0
    boxes: dict[int, int] = field(default_factory=dict)
    seen: int = 0  # how many saves had committed when the form was loaded
    edit: tuple[int, int] | None = None


def run(url: str, *, old_way: bool, edits: int = EDITS, seed: int = 13) -> Counter[str]:
    from app.actor import Actor
    from app.errors import ConflictError
    from app.evaluation.interviews import set_scores, stored_scores
    from app.evaluation.records import evaluations
    from app.storage.database import open_database
    from models import Department, Evaluation, RubricItem, Semester
    from models.enums import UserRole

    database = open_database(url)
    with database.transaction() as session:
        semester = Semester(name=f"S{uuid.uuid4().hex[:6]}", starts_on=date(2026, 9, 1), ends_on=date(2027, 1, 20))
        department = Department(name_en=f"Library {uuid.uuid4().hex[:6]}")
        items = [RubricItem(name_en=f"Item {uuid.uuid4().hex[:6]}", position=n) for n in range(5)]
        session.add_all([semester, department, *items])
        session.flush()
        evaluation = Evaluation(department_id=department.id, semester_id=semester.id, interview_date=date(2026, 12, 1))
        session.add(evaluation)
        session.flush()
        evaluation_id, item_ids = evaluation.id, [item.id for item in items]
        set_scores(session, Actor("setup", UserRole.OFFICER), evaluation_id, {item: 3 for item in item_ids})

    officers = [Actor("li.wei", UserRole.OFFICER), Actor("zhang.min", UserRole.OFFICER)]
    forms = [Form(), Form()]
    committed: list[tuple[int, int, int]] = []  # (officer, item, score) in commit order
    outcome: Counter[str] = Counter()
    rng = random.Random(seed)

    def load(n: int) -> None:
        with database.sessions() as session:
            forms[n] = Form(version=session.get_one(Evaluation, evaluation_id).version,
                            boxes=stored_scores(session, evaluation_id), seen=len(committed))

    for n in (0, 1):
        load(n)
    while outcome["edits"] < edits:
        n = rng.randrange(2)
        form = forms[n]
        if form.edit is None:  # type a change into the loaded form
            item, score = rng.choice(item_ids), rng.randint(1, 5)
            form.boxes[item] = score
            form.edit = (item, score)
            continue
        outcome["edits"] += 1
        try:
            with database.transaction() as session:
                evaluations.update(session, officers[n], evaluation_id, expected_version=form.version)
                if old_way:
                    _scores_outside_the_lock(session, officers[n], evaluation_id, form.boxes)
                else:
                    set_scores(session, officers[n], evaluation_id, form.boxes)
        except ConflictError:
            outcome["conflict shown"] += 1
            load(n)
            continue
        # Saved: any earlier edit of the other officer that this form had not seen, and now undoes, is lost.
        for index, (who, item, score) in enumerate(committed):
            if who != n and index >= form.seen and form.boxes[item] != score and form.edit[0] != item \
                    and all(not (later_item == item) for _w, later_item, _s in committed[index + 1:]):
                outcome["lost"] += 1
        committed.append((n, *form.edit))
        outcome["saved"] += 1
        load(n)
    with database.sessions() as session:  # the final scores, for the record
        outcome["final scores checked"] = len(stored_scores(session, evaluation_id))
    database.close()
    return outcome


def main() -> None:
    print(f"2 officers, {EDITS} saves of scores each run; load average {os.getloadavg()[0]:.1f}")
    urls = []
    with tempfile.TemporaryDirectory() as folder:
        urls.append(("SQLite", f"sqlite:///{Path(folder) / 'scores.sqlite3'}"))
        postgres = os.environ.get("IAD_TEST_POSTGRES_URL")
        if postgres:
            from models.database import create_db_engine, normalise_url

            name = f"iad_bench_{uuid.uuid4().hex[:10]}"
            admin = create_db_engine(normalise_url(postgres), isolation_level="AUTOCOMMIT")
            with admin.connect() as connection:
                connection.execute(text(f'CREATE DATABASE "{name}"'))
            urls.append(("PostgreSQL", normalise_url(postgres).set(database=name).render_as_string(False)))
        try:
            for label, url in urls:
                for old_way in (True, False):
                    result = run(url, old_way=old_way)
                    way = "before" if old_way else "now"
                    print(f"  {label:10} {way:6} lost {result['lost']} of {result['saved']} saved edits; "
                          f"conflicts shown: {result['conflict shown']}")
        finally:
            if postgres:
                with admin.connect() as connection:
                    connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                admin.dispose()


if __name__ == "__main__":
    main()
