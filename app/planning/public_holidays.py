"""Public holidays per country (the `holidays` package), so no workshop lands on one on either side."""
from __future__ import annotations

from datetime import date
from functools import lru_cache


@lru_cache(maxsize=128)
def _holidays(country: str, year: int) -> dict[date, str]:
    import holidays  # a large package: loaded when a date is first checked

    try:
        return dict(holidays.country_holidays(country, years=year))
    except NotImplementedError:  # a country the package does not know: no holidays to avoid
        return {}


def holiday_name(country: str, day: date) -> str | None:
    """The name of the public holiday on `day` in `country` (ISO code), or None."""
    if not country:
        return None
    return _holidays(country.upper(), day.year).get(day)
