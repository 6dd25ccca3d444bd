"""The models and the migrations agree, on every backend, and migrations reverse."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, inspect

from models import Base, schema
from models.database import create_db_engine


def test_migrations_match_the_models(db_engine: Engine) -> None:
    assert schema.current_revision(db_engine) == schema.head_revision()
    assert schema.schema_differences(db_engine) == []


def test_every_table_is_created(db_engine: Engine) -> None:
    assert set(Base.metadata.tables) <= set(inspect(db_engine).get_table_names())


def test_downgrade_to_base_and_up_again(tmp_path: Path) -> None:
    engine = create_db_engine(tmp_path / "round-trip.sqlite3")
    schema.upgrade(engine)
    schema.downgrade(engine, "base")
    assert inspect(engine).get_table_names() == ["alembic_version"]
    schema.upgrade(engine)
    assert schema.schema_differences(engine) == []
    engine.dispose()


def test_constraints_follow_the_naming_convention(db_engine: Engine) -> None:
    foreign_keys = inspect(db_engine).get_foreign_keys("people")
    assert [fk["name"] for fk in foreign_keys] == ["fk_people_department_id_departments"]


def test_revisions_read_from_the_files_match_alembic() -> None:
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(schema.alembic_config())
    assert schema.head_revision() == scripts.get_current_head()
    assert schema.known_revisions() == {s.revision for s in scripts.walk_revisions()}
