"""The figures of the rooms over a period, for the activity report: hours open, booked and
used, by kind of booker, from anonymous fields only (the same before and after the purge)."""

import datetime
from dataclasses import dataclass, field


@dataclass(frozen=True)
class RoomFigures:
    room_id: int
    room_name: str
    open_time: datetime.timedelta  # opening hours in the period, closures removed
    booked: datetime.timedelta  # bookings that hold the room (not refused, cancelled or expired)
    used: datetime.timedelta  # of those, the time already passed at `now`
    cancelled: datetime.timedelta  # bookings cancelled
    # {BookerKind value: {"booked": timedelta, "used": timedelta, "cancelled": timedelta}}
    by_kind: dict = field(default_factory=dict)

    @property
    def occupancy(self):
        """Booked time over opening time; None when the room was never open."""
        return self.booked / self.open_time if self.open_time else None


def room_figures(start, end, member=None, now=None):
    """[RoomFigures] of every room over [start, end) (aware datetimes); only the bookings of
    `member` (a MemberPage) when given."""
    return []
