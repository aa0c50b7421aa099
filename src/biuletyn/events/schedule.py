"""When an event happens: its dates and wall-clock times in Poland, as one value.

An event has the schedule first announced (its start and end fields) and, once a postponed event
gets one, a new schedule (its ``new_…`` fields). ``EventPage.schedule`` is the one that stands;
pages, cards, the ICS file and the JSON-LD all read their dates from a ``Schedule``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .dates import local_datetime


@dataclass(frozen=True)
class Schedule:
    start_date: dt.date
    start_time: dt.time | None = None
    end_date: dt.date | None = None
    end_time: dt.time | None = None

    @property
    def last_date(self) -> dt.date:
        return self.end_date or self.start_date

    @property
    def is_all_day(self) -> bool:
        return self.start_time is None

    @property
    def is_multi_day(self) -> bool:
        return self.last_date > self.start_date

    @property
    def starts_at(self) -> dt.datetime | None:
        """The start as an instant in Warsaw; None for an all-day event."""
        if self.start_time is None:
            return None
        return local_datetime(self.start_date, self.start_time)

    @property
    def ends_at(self) -> dt.datetime | None:
        """The end as an instant; None without a start and an end time."""
        if self.start_time is None or self.end_time is None:
            return None
        return local_datetime(self.last_date, self.end_time)

    @property
    def first_instant(self) -> dt.datetime:
        """The start, or the first day's midnight in Warsaw for an all-day event."""
        return self.starts_at or local_datetime(self.start_date, dt.time(0, 0))

    @property
    def over_at(self) -> dt.datetime:
        """When the event is over: its end time, or the midnight after its last day."""
        return self.ends_at or local_datetime(self.last_date + dt.timedelta(days=1), dt.time(0, 0))
