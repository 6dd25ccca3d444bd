"""Create, read, update, delete and list any record, with validation and an audit trail.

One generic service per model. Validation first checks what the table itself
says (required text, lengths, enums, unique names, and the characters of app.plain_text:
no line break in a one-line column, no control character anywhere), then the model's
own rules.
Every error is a ValidationError naming the field. Deletes report what goes
with the record (cascades) or refuse with what still refers to it.
"""
from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Generic, TypeVar

from sqlalchemy import Boolean, Date, Enum, Float, Integer, String, Table, Text, UniqueConstraint, func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.actor import Actor
from app.errors import ConflictError, InUseError, NotFoundError, ValidationError
from app.i18n import _
from app.plain_text import refused, text_problem
from models import AuditEntry, Base
from models.base import UTCDateTime
from models.enums import AuditAction, UserRole

M = TypeVar("M", bound=Base)
Values = dict[str, Any]
Rule = Callable[[Session, Values, Any], None]

# Columns no form ever sets.
SYSTEM_COLUMNS = {"id", "version", "created_at", "updated_at"}


@dataclass(frozen=True)
class DeleteImpact:
    """What deleting a record would take with it, and what forbids it."""

    cascades: dict[str, int] = field(default_factory=dict)  # "panels" -> 4
    blockers: dict[str, int] = field(default_factory=dict)  # "reports" -> 2

    @property
    def allowed(self) -> bool:
        return not self.blockers


def humanise(name: str) -> str:
    """A column's name in messages, in the interface language ("starts_on" → "starts on" / "开始日期").

    resources/update_translations.py puts every column's name in the catalogue."""
    return _(name.replace("_", " "))


def field_label(name: str) -> str:
    """How a message names a column: "English name" for name_en, else its words."""
    labels = {"name_en": _("English name"), "name_zh": _("Chinese name")}
    return labels.get(name) or humanise(name).capitalize()


def plain_value(value: Any) -> Any:
    """A JSON-friendly form for the audit log and conflict comparison."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return value


def record_values(obj: Base) -> Values:
    """Column values of a record, in plain form."""
    return {
        column.key: plain_value(getattr(obj, column.key))
        for column in obj.__mapper__.column_attrs
        if column.key not in ("created_at", "updated_at")
    }


def write_audit(session: Session, actor: Actor, action: AuditAction, obj: Base, changes: Mapping[str, Any]) -> None:
    session.add(
        AuditEntry(
            username=actor.username,
            table_name=obj.__tablename__,
            record_id=int(getattr(obj, "id")),
            action=action,
            changes=dict(changes),
        )
    )


class RecordService(Generic[M]):
    """CRUD for one model. `rules` add the model's own checks after the generic ones."""

    def __init__(self, model: type[M], label: str, rules: Iterable[Rule] = (), *,
                 normalise: Callable[[Values], Values] | None = None,
                 duplicate: Callable[[Session, Values], str] | None = None) -> None:
        self.model = model
        self.label = label
        self.rules = list(rules)
        self.normalise = normalise
        # Says in words why a second record for the same pair is refused ("X has already been offered this topic").
        self.duplicate = duplicate
        self.table: Table = model.__table__  # type: ignore[assignment]

    # ---- reading -------------------------------------------------------------
    def get(self, session: Session, record_id: int) -> M:
        obj = session.get(self.model, record_id)
        if obj is None:
            raise NotFoundError(
                _("The {label} #{id} no longer exists; someone may have deleted it.").format(
                    label=self.label, id=record_id
                )
            )
        return obj

    def list(self, session: Session, **filters: Any) -> list[M]:
        query = select(self.model).filter_by(**filters).order_by(self.model.id)  # type: ignore[attr-defined]
        return list(session.scalars(query))

    def count(self, session: Session, **filters: Any) -> int:
        query = select(func.count()).select_from(self.model).filter_by(**filters)
        return int(session.scalar(query) or 0)

    # ---- validation ----------------------------------------------------------
    def _coerce(self, name: str, value: Any) -> Any:
        column = self.table.columns.get(name)
        if column is None:
            return value
        kind = column.type
        if isinstance(value, str) and not isinstance(kind, (String, Enum)):
            value = value.strip()
            if value == "" and column.nullable:
                return None
        if isinstance(kind, Enum) and kind.enum_class is not None and value is not None:
            if isinstance(value, kind.enum_class):
                return value
            try:
                return kind.enum_class(str(value).strip().lower())
            except ValueError:
                choices = ", ".join(member.value for member in kind.enum_class)
                raise ValidationError(
                    name, _("{field}: '{value}' is not one of {choices}.").format(
                        field=humanise(name).capitalize(), value=value, choices=choices)
                ) from None
        if isinstance(kind, Boolean) and not isinstance(value, bool) and value is not None:
            raise ValidationError(name, _("{field} must be yes or no.").format(field=humanise(name).capitalize()))
        if isinstance(kind, Integer) and value is not None and not isinstance(value, bool):
            try:
                return int(value)
            except (TypeError, ValueError):
                raise ValidationError(
                    name, _("{field} must be a whole number.").format(field=humanise(name).capitalize())
                ) from None
        if isinstance(kind, Float) and value is not None:
            try:
                return float(value)
            except (TypeError, ValueError):
                raise ValidationError(
                    name, _("{field} must be a number.").format(field=humanise(name).capitalize())
                ) from None
        if isinstance(kind, Date) and isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                raise ValidationError(
                    name, _("{field} must be a date (YYYY-MM-DD).").format(field=humanise(name).capitalize())
                ) from None
        if isinstance(kind, UTCDateTime) and isinstance(value, datetime) and value.tzinfo is None:
            raise ValidationError(name, _("{field} needs a time zone.").format(field=humanise(name).capitalize()))
        if isinstance(value, str):
            value = value.strip()
        return value

    def _check_columns(self, session: Session, values: Values, existing: M | None) -> None:
        for column in self.table.columns:
            name = column.key
            if name in SYSTEM_COLUMNS or column.primary_key:
                continue
            present = name in values
            value = values.get(name) if present else (getattr(existing, name) if existing is not None else None)
            required = not column.nullable and column.default is None and column.server_default is None
            if required and (value is None or (isinstance(value, str) and not value)):
                if present or existing is None:
                    raise ValidationError(name, _("{field} is required.").format(field=humanise(name).capitalize()))
            if present and isinstance(value, str) and isinstance(column.type, String):
                # One-line columns (titles, names) refuse line breaks; Text columns keep them.
                # No column holds NUL or another control character.
                multi_line = isinstance(column.type, Text)
                if refused(value, multi_line=multi_line):
                    raise ValidationError(name, text_problem(field_label(name), value, multi_line=multi_line) or "")
            if present and isinstance(value, str) and isinstance(column.type, String) and column.type.length \
                    and len(value) > column.type.length:
                raise ValidationError(
                    name, _("{field} is too long ({n} characters, at most {max}).").format(
                        field=humanise(name).capitalize(), n=len(value), max=column.type.length)
                )
            if present and column.unique and value not in (None, ""):
                query = select(self.model.id).where(column == value)  # type: ignore[attr-defined]
                if existing is not None:
                    query = query.where(self.model.id != existing.id)  # type: ignore[attr-defined]
                if session.scalar(query.limit(1)) is not None:
                    raise ValidationError(
                        name, _("A {label} with {field} '{value}' already exists.").format(
                            label=self.label, field=humanise(name), value=value)
                    )

    def _check_combined_unique(self, session: Session, values: Values, existing: M | None) -> None:
        """Refuse a second row for the same pair (e.g. one outreach per topic and partner)."""
        for constraint in self.table.constraints:
            if not isinstance(constraint, UniqueConstraint) or len(constraint.columns) < 2:
                continue
            names = [column.key for column in constraint.columns]
            if existing is not None and not any(name in values for name in names):
                continue
            current = {name: values[name] if name in values else getattr(existing, name, None) for name in names}
            if any(value is None for value in current.values()):
                continue
            query = select(self.model.id).filter_by(**current)  # type: ignore[attr-defined]
            if existing is not None:
                query = query.where(self.model.id != existing.id)  # type: ignore[attr-defined]
            if session.scalar(query.limit(1)) is not None:
                if self.duplicate is not None:
                    raise ValidationError(names[-1], self.duplicate(session, current))
                raise ValidationError(
                    names[-1], _("This {label} exists already: another one has the same {fields}.").format(
                        label=self.label, fields=_(" and ").join(humanise(n.removesuffix("_id")) for n in names))
                )

    def validate(self, session: Session, values: Values, existing: M | None = None) -> Values:
        """Coerced values, or a ValidationError for the first bad field."""
        mapper_keys = {attr.key for attr in self.model.__mapper__.attrs}
        unknown = set(values) - mapper_keys
        if unknown:
            raise ValidationError(sorted(unknown)[0], _("Unknown field {name}.").format(name=sorted(unknown)[0]))
        cleaned = {name: self._coerce(name, value) for name, value in values.items()}
        if self.normalise is not None:
            cleaned = self.normalise(cleaned)
        self._check_columns(session, cleaned, existing)
        self._check_combined_unique(session, cleaned, existing)
        for rule in self.rules:
            rule(session, cleaned, existing)
        return cleaned

    # ---- changing ------------------------------------------------------------
    def create(self, session: Session, actor: Actor, **values: Any) -> M:
        actor.require(UserRole.OFFICER, _("add a {label}").format(label=self.label))
        cleaned = self.validate(session, values)
        obj = self.model(**cleaned)
        session.add(obj)
        session.flush()
        write_audit(session, actor, AuditAction.INSERT, obj,
                    {k: [None, v] for k, v in record_values(obj).items() if k not in ("id", "version")})
        return obj

    def update(self, session: Session, actor: Actor, record_id: int, *, expected_version: int | None = None,
               **values: Any) -> M:
        """Change a record. With `expected_version`, refuse if someone else saved it meanwhile."""
        actor.require(UserRole.OFFICER, _("change a {label}").format(label=self.label))
        obj = self.get(session, record_id)
        if expected_version is not None and getattr(obj, "version", expected_version) != expected_version:
            self._raise_conflict(session, obj, values)
        cleaned = self.validate(session, values, obj)
        before = record_values(obj)
        try:
            # A savepoint, so a lost race undoes only this change, not the caller's transaction.
            with session.begin_nested():
                for name, value in cleaned.items():
                    setattr(obj, name, value)
                session.flush()
        except StaleDataError:
            self._raise_conflict(session, self.get(session, record_id), values)
        after = record_values(obj)
        changes = {k: [before[k], after[k]] for k in after if k != "version" and before.get(k) != after[k]}
        if changes:
            write_audit(session, actor, AuditAction.UPDATE, obj, changes)
        return obj

    def _raise_conflict(self, session: Session, stored: M, mine: Values) -> None:
        session.refresh(stored)
        theirs = record_values(stored)
        raise ConflictError(
            label=self.label,
            record_id=int(getattr(stored, "id")),
            mine={k: plain_value(v) for k, v in mine.items()},
            theirs=theirs,
            their_version=int(getattr(stored, "version", 0)),
        )

    def delete_impact(self, session: Session, record_id: int) -> DeleteImpact:
        """Count the rows of other tables that refer to this record, by what a delete does to them."""
        cascades: dict[str, int] = {}
        blockers: dict[str, int] = {}
        for table in Base.metadata.sorted_tables:
            for fk in table.foreign_keys:
                if fk.column.table is not self.table or table.name == "audit_entries":
                    continue
                n = int(session.scalar(select(func.count()).select_from(table).where(fk.parent == record_id)) or 0)
                if not n:
                    continue
                name = humanise(table.name)
                if (fk.ondelete or "").upper() == "CASCADE":
                    cascades[name] = cascades.get(name, 0) + n
                elif (fk.ondelete or "").upper() != "SET NULL":
                    blockers[name] = blockers.get(name, 0) + n
        return DeleteImpact(cascades=cascades, blockers=blockers)

    def delete(self, session: Session, actor: Actor, record_id: int) -> DeleteImpact:
        actor.require(UserRole.OFFICER, _("delete a {label}").format(label=self.label))
        obj = self.get(session, record_id)
        impact = self.delete_impact(session, record_id)
        if not impact.allowed:
            what = ", ".join(f"{n} {name}" for name, n in impact.blockers.items())
            raise InUseError(
                _("This {label} cannot be deleted: {what} still refer to it.").format(label=self.label, what=what),
                impact.blockers,
            )
        write_audit(session, actor, AuditAction.DELETE, obj, {k: [v, None] for k, v in record_values(obj).items()})
        session.delete(obj)
        session.flush()
        return impact


# Record ids are 32-bit integers on PostgreSQL; a larger number names no record on either backend.
MAX_RECORD_ID = 2**31 - 1


def record_id(text: str) -> int:
    """A record id typed on the command line: a whole number from 1 to MAX_RECORD_ID."""
    import argparse

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("'{text}' is not a record number.").format(text=text)) from None
    if not 1 <= value <= MAX_RECORD_ID:
        raise argparse.ArgumentTypeError(
            _("{text} is not a record number (they run from 1 to {most}).").format(text=text, most=MAX_RECORD_ID))
    return value
