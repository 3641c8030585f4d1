"""The week of one room as a grid of slots (rows: times; columns: days), computed
from a fixed number of queries whatever the number of bookings, then read day by day."""

import datetime
from dataclasses import dataclass, replace

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from booking import blockers, rules

STATES = {
    "free": _("Libre"),
    "booked": _("Réservé"),
    "atelier": _("Atelier"),
    "closed": _("Fermé"),
    "short": _("Trop court"),
    "past": _("Passé"),
    # Free, but not bookable online: `reason` says why, in words (not only a colour).
    "notice": _("Indisponible"),
    "horizon": _("Indisponible"),
}


@dataclass
class Cell:
    state: str
    start: datetime.datetime
    end: datetime.datetime
    reason: str = ""

    @property
    def label(self):
        return STATES[self.state]


def reason_of(room, state, day):
    """Why a free slot cannot be booked online, as the person reads it next to « Indisponible »:
    the same rules as booking.rules.slot_errors."""
    if state == "notice":
        return ngettext(
            "il faut réserver au moins %(count)d heure à l'avance",
            "il faut réserver au moins %(count)d heures à l'avance",
            room.notice_hours,
        ) % {"count": room.notice_hours}
    if state == "horizon":
        opens = day - datetime.timedelta(days=room.horizon_days)
        return gettext("réservable à partir du %(day)s") % {"day": date_format(opens, "l j F")}
    return ""


def closed_text(room, day):
    """What a day closed throughout says: the closure's reason when Coordination gave one, as
    the booking form says it when it refuses that date."""
    closure = rules.closure_on(room, day)
    if closure and closure.reason:
        return gettext("Fermé ce jour-là (%(reason)s).") % {"reason": closure.reason}
    return gettext("Fermé ce jour-là.")


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
        if start <= now:
            return "past"
        if start < earliest:
            return "notice"
        if day > latest_day:
            return "horizon"
        # Free, but is there room for the shortest booking (and its buffer) from here?
        until = start + shortest + room.buffer
        blocked = any(b_start < until and start < b_end for b_start, b_end in taken) or any(
            a_start < until and start < a_end + room.buffer for a_start, a_end in ateliers
        )
        return "short" if blocked or not rules.fits(ranges[day], start, start + shortest) else "free"

    def cell_at(start):
        state = state_of(start)
        return Cell(state, start, start + step, reason_of(room, state, start.date()))

    rows = []
    for minute in range(first, last, room.slot_minutes):
        time = datetime.time(minute // 60, minute % 60)
        starts = [datetime.datetime.combine(day, time, tzinfo=rules.PARIS) for day in days]
        rows.append((time, [cell_at(start) for start in starts]))
    return days, rows


def runs_by_day(days, rows):
    """The grid one day at a time: [(day, [Cell])], from the day's first opening to its last
    closing, so that a day lists only what one can read at a glance. Consecutive slots of the
    same state become one Cell from the first's start to the last's end, but free slots stay
    one by one: each is a link to book from its own time. A day closed throughout has none."""
    week = []
    for index, day in enumerate(days):
        cells = [row_cells[index] for _time, row_cells in rows]
        open_at = [n for n, cell in enumerate(cells) if cell.state != "closed"]
        runs = []
        for cell in cells[open_at[0] : open_at[-1] + 1] if open_at else []:
            if runs and cell.state == runs[-1].state != "free":
                runs[-1] = replace(runs[-1], end=cell.end)
            else:
                runs.append(cell)
        week.append((day, runs))
    return week
