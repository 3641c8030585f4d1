"""The week of one room as a grid of slots (rows: times; columns: days), computed
from a fixed number of queries whatever the number of bookings."""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from booking import blockers, rules

STATES = {
    "free": _("Libre"),
    "booked": _("Réservé"),
    "atelier": _("Atelier"),
    "closed": _("Fermé"),
    "short": _("Trop court"),
    "past": _("Indisponible"),
}


@dataclass
class Cell:
    state: str
    start: datetime.datetime | None = None

    @property
    def label(self):
        return STATES[self.state]


def monday_of(day):
    return day - datetime.timedelta(days=day.weekday())


def minutes_of(time):
    return time.hour * 60 + time.minute


def week_grid(room, monday, now=None):
    """(days, rows): rows are (time, [Cell per day]). `room` should come with its
    hours and closures prefetched."""
    now = now or timezone.now()
    days = [monday + datetime.timedelta(days=n) for n in range(7)]
    ranges = {day: rules.opening_ranges(room, day) for day in days}
    hours = room.hours.all()
    if not hours:
        return days, []
    # Rows run from the earliest opening to the latest closing of the week, on the step.
    first = min(minutes_of(h.opens) for h in hours)
    last = max(minutes_of(h.closes) for h in hours)
    week_start = rules.local_datetime(monday, datetime.time(0))
    week_end = rules.local_datetime(monday + datetime.timedelta(days=7), datetime.time(0))
    taken = list(
        rules.holding(room.bookings.all(), now).overlapping(week_start, week_end).values_list("start", "blocked_until")
    )
    ateliers = [(start, end) for start, end, _label in blockers.busy([room], week_start, week_end)[room.pk]]
    earliest = now + datetime.timedelta(hours=room.notice_hours)
    latest_day = timezone.localdate(now) + datetime.timedelta(days=room.horizon_days)
    step = datetime.timedelta(minutes=room.slot_minutes)
    shortest = datetime.timedelta(minutes=room.min_minutes)

    def state_of(start):
        day, end = start.date(), start + step
        if not rules.fits(ranges[day], start, end):
            return "closed"
        if any(a_start < end and start < a_end for a_start, a_end in ateliers):
            return "atelier"
        if any(b_start < end and start < b_end for b_start, b_end in taken):
            return "booked"
        if start < earliest or day > latest_day:
            return "past"
        # Free, but is there room for the shortest booking (and its buffer) from here?
        until = start + shortest + room.buffer
        blocked = any(b_start < until and start < b_end for b_start, b_end in taken) or any(
            a_start < until and start < a_end + room.buffer for a_start, a_end in ateliers
        )
        return "short" if blocked or not rules.fits(ranges[day], start, start + shortest) else "free"

    rows = []
    for minute in range(first, last, room.slot_minutes):
        time = datetime.time(minute // 60, minute % 60)
        starts = [datetime.datetime.combine(day, time, tzinfo=rules.PARIS) for day in days]
        rows.append((time, [Cell(state_of(start), start) for start in starts]))
    return days, rows


def days_of(days, rows):
    """The grid one day at a time: [(day, [(time, Cell)])]. Every day has every time, so that
    days laid side by side line up row by row; a day closed throughout has an empty list."""
    week = []
    for index, day in enumerate(days):
        slots = [(time, cells[index]) for time, cells in rows]
        week.append((day, slots if any(cell.state != "closed" for _time, cell in slots) else []))
    return week
