"""The rules of booking, as plain functions the views, the admin and the tests call.

Times are wall-clock times in Europe/Paris: a room opens at 9 h whatever the
season. A booking is made by `book()`, which checks and inserts in one write
transaction; the database refuses an overlap even if two servers race (see
booking/migrations/0002_no_overlap.py).
"""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext

from booking import blockers, bookers
from booking.models import ACTIVE, Booking, Status
from core import links, opening_hours
from core.choices import PARIS

# An unconfirmed request holds its slot this long, then frees it.
UNCONFIRMED_VALIDITY = datetime.timedelta(hours=24)


def hold_hours():
    """How long an unconfirmed request holds its slot, as the pages and mails state it."""
    return round(UNCONFIRMED_VALIDITY.total_seconds() / 3600)


TOKEN_SALT = "booking.booking"  # noqa: S105 (a namespace, not a secret)
EMAIL_TOKEN_SALT = "booking.my-bookings"  # noqa: S105
EMAIL_TOKEN_AGE = 24 * 3600
BOOKED = "booked"


class SlotTaken(Exception):
    """The slot was taken by someone else (possibly a split second earlier)."""


class SlotHeld(SlotTaken):
    """The slot is held by something else than a booking (an atelier of the agenda);
    its label says what."""

    def __init__(self, label):
        super().__init__(label)
        self.label = label


class InvalidLocalTime(ValueError):
    pass


def local_datetime(day, time):
    """An aware datetime for a wall-clock time in Paris; refuses the times that do not
    exist (the hour skipped in March) or exist twice (the hour repeated in October), and
    those at the ends of the calendar (1 January of year 1 has no time in UTC)."""
    naive = datetime.datetime.combine(day, time)
    first, second = naive.replace(tzinfo=PARIS, fold=0), naive.replace(tzinfo=PARIS, fold=1)
    try:
        first.astimezone(datetime.UTC)
    except OverflowError:
        raise InvalidLocalTime(gettext("Cette date n'est pas possible\u00a0: choisissez une date à venir.")) from None
    if first.utcoffset() != second.utcoffset():
        raise InvalidLocalTime(
            gettext("Cette heure n'existe pas ce jour-là (changement d'heure).")
            if first.astimezone(datetime.UTC).astimezone(PARIS).replace(tzinfo=None) != naive
            else gettext("Cette heure existe deux fois ce jour-là (changement d'heure)\u00a0: choisissez-en une autre.")
        )
    return first


def duration_text(minutes):
    hours, rest = divmod(minutes, 60)
    if not hours:
        return ngettext("%(count)d minute", "%(count)d minutes", rest) % {"count": rest}
    return f"{hours} h {rest:02d}" if rest else f"{hours} h"


def closure_on(room, day):
    return opening_hours.closure_on(room.closures.all(), day)


def opening_ranges(room, day):
    """The (opens, closes) wall-clock ranges of a date, empty if closed that day."""
    return opening_hours.ranges_on(room.hours.all(), room.closures.all(), day)


def fits(ranges, start_local, end_local):
    """[start, end), Paris wall-clock times of one day, lies inside one of the ranges.
    A range closes before midnight (closing is after opening), so nothing ends at 24:00."""
    return end_local.date() == start_local.date() and any(
        opens <= start_local.time() and end_local.time() <= closes for opens, closes in ranges
    )


def slot_errors(room, start, end, now=None, notice=True, horizon=True):
    """Why [start, end) cannot be booked in this room by the public, as
    {field: message} with fields "date", "start" and "end"; empty when it can.
    The team may book without the notice (for this afternoon) or the horizon
    (a series over a whole season): `notice=False`, `horizon=False`.
    Availability (other bookings, ateliers) is checked by `book()`."""
    now = now or timezone.now()
    start_local, end_local = start.astimezone(PARIS), end.astimezone(PARIS)
    day = start_local.date()
    step = room.slot_minutes
    if end <= start:
        return {"end": gettext("L'heure de fin doit être après l'heure de début.")}
    if end_local.date() != day:
        return {"end": gettext("Une réservation commence et finit le même jour.")}
    errors = {}
    for field, moment in (("start", start_local), ("end", end_local)):
        if (moment.hour * 60 + moment.minute) % step or moment.second or moment.microsecond:
            errors[field] = gettext(
                "Choisissez une heure sur un créneau de %(step)d minutes (par exemple 14 h 00 ou 14 h %(step)02d)."
            ) % {"step": step}
    if errors:
        return errors
    # In UTC: Python subtracts two Paris times on the wall clock, forgetting the clock change.
    minutes = int((end.astimezone(datetime.UTC) - start.astimezone(datetime.UTC)).total_seconds() // 60)
    if minutes < room.min_minutes:
        return {
            "end": gettext("La durée minimale est de %(duration)s.") % {"duration": duration_text(room.min_minutes)}
        }
    if minutes > room.max_minutes:
        return {
            "end": gettext("La durée maximale est de %(duration)s.") % {"duration": duration_text(room.max_minutes)}
        }
    if start <= now:
        return {"start": gettext("Ce créneau est déjà passé.")}
    if notice and start < now + datetime.timedelta(hours=room.notice_hours):
        return {
            "start": ngettext(
                "Il faut réserver au moins %(count)d heure à l'avance.",
                "Il faut réserver au moins %(count)d heures à l'avance.",
                room.notice_hours,
            )
            % {"count": room.notice_hours}
        }
    if horizon and day > timezone.localdate(now) + datetime.timedelta(days=room.horizon_days):
        return {
            "date": gettext("On ne peut pas réserver plus de %(days)d jours à l'avance.") % {"days": room.horizon_days}
        }
    closure = closure_on(room, day)
    if closure:
        reason = f" ({closure.reason})" if closure.reason else ""
        return {"date": gettext("La salle est fermée ce jour-là%(reason)s.") % {"reason": reason}}
    ranges = opening_ranges(room, day)
    if not fits(ranges, start_local, end_local):
        if not ranges:
            return {"date": gettext("La salle est fermée le %(day)s.") % {"day": date_format(day, "l")}}
        hours = ", ".join(f"{opens:%H:%M}–{closes:%H:%M}" for opens, closes in ranges)
        # Blame the end when the start is inside opening hours.
        field = "end" if any(opens <= start_local.time() < closes for opens, closes in ranges) else "start"
        return {field: gettext("En dehors des heures d'ouverture (ce jour-là\u00a0: %(hours)s).") % {"hours": hours}}
    return {}


def holding(queryset, now=None):
    """The bookings that hold their slot: active, minus requests left unconfirmed too long."""
    now = now or timezone.now()
    return queryset.filter(status__in=ACTIVE).exclude(
        status=Status.UNCONFIRMED, created_at__lt=now - UNCONFIRMED_VALIDITY
    )


def busy(room, start, end, now=None):
    """What already holds the room in [start, end + buffer): BOOKED for a booking,
    the label of another holder (« Atelier »), or None when it is free."""
    blocked_until = end + room.buffer
    bookings = holding(room.bookings.all(), now).overlapping(start, blocked_until)
    if bookings.exists():
        return BOOKED
    held = blockers.busy([room], start - room.buffer, blocked_until)[room.pk]
    return next(
        (label for b_start, b_end, label in held if b_start < blocked_until and start < b_end + room.buffer), None
    )


def first_clash(room, intervals, now=None):
    """The first (start, end) of a booking holding the room during one of the intervals,
    or None: for ateliers placed in a room (one query whatever their number of dates)."""
    if not intervals:
        return None
    earliest, latest = min(start for start, _end in intervals), max(end for _start, end in intervals)
    held = list(
        holding(room.bookings.all(), now)
        .overlapping(earliest - room.buffer, latest + room.buffer)
        .order_by("start")
        .values_list("start", "end", "blocked_until")
    )
    for b_start, b_end, b_blocked in held:
        if any(b_start < end + room.buffer and start < b_blocked for start, end in intervals):
            return b_start, b_end
    return None


def when_text(start, end):
    """« mardi 8 décembre 2026 de 14h00 à 16h00 », in Paris time."""
    start, end = start.astimezone(PARIS), end.astimezone(PARIS)
    return gettext("%(day)s de %(start)s à %(end)s") % {
        "day": date_format(start, "l j F Y"),
        "start": date_format(start, "G\\hi"),
        "end": date_format(end, "G\\hi"),
    }


def book(room, start, end, now=None, **fields):
    """Checks and inserts in one write transaction: returns the new Booking or raises
    SlotTaken. The database constraint backs the check against any race. Who it is for
    (booker_kind, member) is found by `bookers.booker()` unless given."""
    now = now or timezone.now()
    if "booker_kind" not in fields:
        fields |= bookers.booker(fields.get("organisation", ""), fields.get("series"), fields.get("booked_by"))
    # In UTC, so that adding the buffer counts real minutes even across a clock change.
    start, end = start.astimezone(datetime.UTC), end.astimezone(datetime.UTC)
    with transaction.atomic():
        # A request left unconfirmed too long gives its slot back now.
        stale_unconfirmed(now).filter(room=room).overlapping(start, end + room.buffer).update(
            status=Status.EXPIRED, **new_version()
        )
        holder = busy(room, start, end, now)
        if holder == BOOKED:
            raise SlotTaken
        if holder:
            raise SlotHeld(holder)
        try:
            with transaction.atomic():
                return Booking.objects.create(
                    room=room, start=start, end=end, blocked_until=end + room.buffer, created_at=now, **fields
                )
        except IntegrityError as error:
            # The no-overlap guard, or the same form sent twice at once (form_key).
            if "booking_no_overlap" in str(error) or "form_key" in str(error):
                raise SlotTaken from error
            raise


def new_version():
    """What every change of status writes in its UPDATE (which skips auto_now): calendar
    apps only take an event whose SEQUENCE went up."""
    return {"sequence": F("sequence") + 1, "updated_at": timezone.now()}


def _move(booking, from_statuses, to_status, **fields):
    """A conditional UPDATE: a double click or a replayed link changes nothing twice."""
    changed = Booking.objects.filter(pk=booking.pk, status__in=from_statuses).update(
        status=to_status, **new_version(), **fields
    )
    if changed:
        booking.refresh_from_db()
    return bool(changed)


def confirm_email(booking):
    """The person confirmed their address: confirmed, or pending when the room needs approval."""
    target = Status.PENDING if booking.room.needs_approval else Status.CONFIRMED
    return _move(booking, [Status.UNCONFIRMED], target)


def approve(booking):
    return _move(booking, [Status.PENDING], Status.CONFIRMED)


def decline(booking, reason):
    return _move(booking, [Status.PENDING, Status.UNCONFIRMED], Status.DECLINED, reason=reason)


def cancel(booking, reason=""):
    return _move(booking, ACTIVE, Status.CANCELLED, reason=reason)


def stale_unconfirmed(now=None):
    now = now or timezone.now()
    return Booking.objects.filter(status=Status.UNCONFIRMED, created_at__lt=now - UNCONFIRMED_VALIDITY)


def expire_unconfirmed(now=None):
    """Expires the requests left unconfirmed too long; returns those it expired (each
    by a conditional update: one confirmed meanwhile is left alone)."""
    stale = stale_unconfirmed(now).select_related("room")
    return [booking for booking in stale if _move(booking, [Status.UNCONFIRMED], Status.EXPIRED)]


def purge_personal_data(keep_days, now=None):
    """Erases who booked, keeping room, date, duration and the kind of booker (booker_kind,
    member: an organisation of the collective is not a person) as anonymous statistics."""
    now = now or timezone.now()
    old = Booking.objects.filter(end__lt=now - datetime.timedelta(days=keep_days), anonymised=False)
    return old.update(
        name="", email="", phone="", organisation="", purpose="", answers={}, reason="", booked_by=None, anonymised=True
    )


def make_token(booking):
    return links.sign(booking.pk, TOKEN_SALT)


def booking_from_token(token):
    pk = links.unsign_personal(token, TOKEN_SALT)
    return Booking.objects.select_related("room").filter(pk=pk, anonymised=False).first() if pk else None


def make_email_token(email):
    return links.sign(email.strip().lower(), EMAIL_TOKEN_SALT)


def email_from_token(token):
    return links.unsign(token, EMAIL_TOKEN_SALT, max_age=EMAIL_TOKEN_AGE)
