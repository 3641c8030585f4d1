"""The figures of the rooms over a period, for the activity report: hours open, booked and
used, by kind of booker, from anonymous fields only (the same before and after the purge).

What counts as booked: the pending and confirmed bookings. An unconfirmed request is not a
booking yet (nobody has answered its email, and it frees its slot after a day); declined
and expired ones never took place. Cancelled bookings are counted apart. A booking counts
for its part inside the period (one across midnight or the period's end is clipped), from
its start to its end: the buffer after it, for tidying up, is not booked time.

Durations are real time, computed in UTC: a day of the clock change has 23 or 25 hours, so
a room open 00:00–04:00 on the last Sunday of October is open 5 hours.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone

from booking.models import BookerKind, Booking, Room, Status
from core import opening_hours
from core.choices import PARIS

ZERO = datetime.timedelta(0)
BOOKED = (Status.PENDING, Status.CONFIRMED)
MEASURES = ("booked", "used", "cancelled")


@dataclass(frozen=True)
class RoomFigures:
    room_id: int
    room_name: str
    open_time: datetime.timedelta  # opening hours in the period, closures removed
    booked: datetime.timedelta  # pending and confirmed bookings (see the module's docstring)
    used: datetime.timedelta  # of those, the time already passed at `now`
    cancelled: datetime.timedelta  # bookings cancelled
    # {BookerKind value: {"booked": timedelta, "used": timedelta, "cancelled": timedelta}}
    by_kind: dict = field(default_factory=dict)

    @property
    def occupancy(self):
        """Booked time over opening time; None when the room was never open."""
        return self.booked / self.open_time if self.open_time else None


def room_figures(start, end, member=None, now=None):
    """[RoomFigures] of every room, bookable online or not, by name, over [start, end)
    (aware datetimes); only the bookings of `member` (a MemberPage) when given, the opening
    time staying the room's. Four queries, whatever the number of bookings."""
    start, end = start.astimezone(datetime.UTC), end.astimezone(datetime.UTC)
    now = (now or timezone.now()).astimezone(datetime.UTC)
    rooms = Room.objects.order_by("name").only("pk", "name").prefetch_related("hours", "closures")
    bookings = Booking.objects.filter(status__in=[*BOOKED, Status.CANCELLED], start__lt=end, end__gt=start)
    if member is not None:
        bookings = bookings.filter(member=member)
    totals = defaultdict(lambda: {kind.value: dict.fromkeys(MEASURES, ZERO) for kind in BookerKind})
    for room_id, status, kind, b_start, b_end in bookings.values_list("room", "status", "booker_kind", "start", "end"):
        sums = totals[room_id][kind]
        if status == Status.CANCELLED:
            sums["cancelled"] += overlap(b_start, b_end, start, end)
        else:
            sums["booked"] += overlap(b_start, b_end, start, end)
            sums["used"] += overlap(b_start, b_end, start, min(end, now))
    return [figures(room, totals[room.pk], start, end) for room in rooms]


def figures(room, by_kind, start, end):
    summed = {measure: sum((sums[measure] for sums in by_kind.values()), ZERO) for measure in MEASURES}
    return RoomFigures(
        room_id=room.pk,
        room_name=room.name,
        open_time=open_time(room.hours.all(), room.closures.all(), start, end),
        by_kind=by_kind,
        **summed,
    )


def overlap(a_start, a_end, b_start, b_end):
    """How much of [a_start, a_end) lies in [b_start, b_end) (UTC datetimes)."""
    return max(ZERO, min(a_end, b_end) - max(a_start, b_start))


def open_time(hours, closures, start, end):
    """The opening ranges of each local day of [start, end) (UTC), closed days left out,
    each range clipped to the period."""
    total, day, last = ZERO, timezone.localdate(start, PARIS), timezone.localdate(end, PARIS)
    while day <= last:
        for opens, closes in opening_hours.ranges_on(hours, closures, day):
            total += overlap(utc(day, opens), utc(day, closes), start, end)
        day += datetime.timedelta(days=1)
    return total


def utc(day, time):
    """A wall-clock time of Paris in UTC: subtracting two Paris times would forget the clock change."""
    return datetime.datetime.combine(day, time, tzinfo=PARIS).astimezone(datetime.UTC)
