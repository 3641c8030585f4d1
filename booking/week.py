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


def week_grid(room, monday, now=None):
    """(days, rows): rows are (time, [Cell per day]). `room` should come with its
    hours and closures prefetched."""
    now = now or timezone.now()
    days = [monday + datetime.timedelta(days=n) for n in range(7)]
    ranges = {day: rules.opening_ranges(room, day) for day in days}
    weekly = [r for day in days for r in ((h.opens, h.closes) for h in room.hours.all() if h.weekday == day.weekday())]
    if not weekly:
        return days, []
    first = min(opens for opens, _closes in weekly)
    last = max(closes for _opens, closes in weekly)
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

    def fits(day, start, length):
        """[start, start + length) lies inside one opening range of the day."""
        wall_start = start.replace(tzinfo=None)
        wall_end = (wall_start + length).time()
        ends_at_midnight = wall_end == datetime.time(0)
        return any(
            opens <= wall_start.time()
            and (wall_end <= closes or ends_at_midnight)
            and (wall_end > opens or ends_at_midnight)
            for opens, closes in ranges[day]
        )

    def state_of(day, start):
        end = start + step
        if not fits(day, start, step):
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
        return "short" if blocked or not fits(day, start, shortest) else "free"

    rows = []
    time = first
    while time < last:
        row = []
        for day in days:
            start = datetime.datetime.combine(day, time, tzinfo=rules.PARIS)
            row.append(Cell(state_of(day, start), start))
        rows.append((time, row))
        time = (datetime.datetime.combine(monday, time) + step).time()
        if time == datetime.time(0):
            break
    return days, rows
