"""Builders for booking tests: a room open on weekdays, dates far enough ahead
for the notice and within the horizon."""

import datetime

from django.utils import timezone

import pytest

from booking import rules
from booking.models import Room, RoomHours

MORNING = (datetime.time(9), datetime.time(12, 30))
AFTERNOON = (datetime.time(13, 30), datetime.time(18))


def make_room(name="Salle d'essai", hours=(MORNING, AFTERNOON), weekdays=range(6), **fields):
    """Open Monday to Saturday 9:00–12:30 and 13:30–18:00; 30-minute steps, 1 to 4 hours."""
    defaults = {
        "summary": "Une salle pour les tests.",
        "capacity": 10,
        "slot_minutes": 30,
        "min_minutes": 60,
        "max_minutes": 240,
        "buffer_minutes": 0,
        "notice_hours": 24,
        "horizon_days": 90,
    }
    room = Room.objects.create(name=name, **{**defaults, **fields})
    RoomHours.objects.bulk_create(
        RoomHours(room=room, weekday=day, opens=opens, closes=closes, sort_order=n)
        for n, (day, (opens, closes)) in enumerate((d, h) for d in weekdays for h in hours)
    )
    return room


def monday_in(weeks=2):
    today = timezone.localdate()
    return today - datetime.timedelta(days=today.weekday()) + datetime.timedelta(weeks=weeks)


def at(day, hour, minute=0):
    return rules.local_datetime(day, datetime.time(hour, minute))


@pytest.fixture
def room(db):
    return make_room()


@pytest.fixture
def monday():
    return monday_in(2)
