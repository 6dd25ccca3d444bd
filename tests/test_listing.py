"""The rows behind the window's lists, on every backend."""
from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from app.views import listing
def test_a_partners_exchange_history_starts_at_the_first_round_in_utc(
    db_session: Session, make_exchange: Callable[..., Any], make_workshop: Callable[..., Any],
    make_partner: Callable[..., Any],
) -> None:
    partner = make_partner(timezone="Australia/Sydney")
    exchange = make_exchange(partners=[partner], planned_rounds=2)
    first = datetime(2026, 9, 21, 1, 0, tzinfo=UTC)
    make_workshop(exchange=exchange, round_number=2, starts_at=first + timedelta(days=14))
    make_workshop(exchange=exchange, round_number=1, starts_at=first)
    rows = listing.exchange_history(db_session, partner.id)
    assert [(row[0], row[4], row[5]) for row in rows] == [(exchange.id, 2, first)]
    assert rows[0][5].tzinfo is not None
