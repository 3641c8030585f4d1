"""Weekly series: a member organisation books the same slot every week for a season.

Each date is checked and booked on its own: a date already taken (a booking, an
atelier, a closure) is skipped and reported, the others are booked together as one
`Series`, which can then be cancelled whole or date by date.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from booking import bookers, emails, rules
from booking.models import ACTIVE, Series, Status

# A series covers one season at most: beyond, plans change too much to hold rooms.
MAX_SERIES_DAYS = 366


def weekly_dates(weekday, first_date, until):
    """Every date falling on `weekday` (0 = Monday) from first_date to until, both included."""
    day = first_date + datetime.timedelta(days=(weekday - first_date.weekday()) % 7)
    dates = []
    while day <= until:
        dates.append(day)
        day += datetime.timedelta(weeks=1)
    return dates


def book_series(
    room, weekday, start_time, end_time, first_date, until, organisation, requested_by, now=None, **person_fields
):
    """Books the slot every week; returns (series, booked bookings, skipped [(date, reason)]).

    Confirmed at once, or pending when the room needs approval. When no date can be
    booked, nothing is stored and the series is None."""
    now = now or timezone.now()
    if until < first_date:
        raise ValueError("until is before first_date")
    if (until - first_date).days > MAX_SERIES_DAYS:
        raise ValueError("a series covers one year at most")
    status = Status.PENDING if room.needs_approval else Status.CONFIRMED
    booked, skipped = [], []
    with transaction.atomic():
        series = Series.objects.create(
            room=room,
            weekday=weekday,
            start_time=start_time,
            end_time=end_time,
            first_date=first_date,
            until=until,
            organisation=organisation,
            requested_by=requested_by,
        )
        # Who the series is for, found once for all its dates.
        person_fields = {**person_fields, **bookers.booker(series=series)}
        for day in weekly_dates(weekday, first_date, until):
            reason = _book_one(series, day, now, status, booked, requested_by, person_fields)
            if reason:
                skipped.append((day, reason))
        if not booked:
            transaction.set_rollback(True)
            return None, [], skipped
    return series, booked, skipped


def _book_one(series, day, now, status, booked, requested_by, person_fields):
    """Books one date of the series into `booked`; returns why it could not, or ""."""
    room = series.room
    try:
        start = rules.local_datetime(day, series.start_time)
        end = rules.local_datetime(day, series.end_time)
    except rules.InvalidLocalTime as error:
        return str(error)
    errors = rules.slot_errors(room, start, end, now, horizon=False)
    if errors:
        return next(iter(errors.values()))
    try:
        booking = rules.book(
            room,
            start,
            end,
            now=now,
            status=status,
            series=series,
            organisation=series.organisation,
            booked_by=requested_by,
            **person_fields,
        )
    except rules.SlotTaken:
        return gettext("La salle est déjà prise à cette heure-là (une autre réservation ou un atelier).")
    booked.append(booking)
    return ""


def upcoming(series, now=None):
    """The dates of the series still to come that hold the room."""
    now = now or timezone.now()
    return series.bookings.filter(status__in=ACTIVE, start__gt=now).select_related("room").order_by("start")


def cancel_series(series, reason="", now=None):
    """Cancels every date still to come; one email sums it up for the person (not
    one per date). Returns the bookings cancelled."""
    with transaction.atomic():
        cancelled = [booking for booking in upcoming(series, now) if rules.cancel(booking, reason)]
        emails.send_series_summary(series, cancelled, "cancelled", reason)
    return cancelled


def approve_series(series, now=None):
    """Accepts every date of the series waiting for approval; one email sums it up."""
    waiting = upcoming(series, now).filter(status=Status.PENDING)
    with transaction.atomic():
        approved = [booking for booking in waiting if rules.approve(booking)]
        emails.send_series_summary(series, approved, "confirmed")
    return approved
