"""Property-based tests (hypothesis) of the two rules a booking must respect:
no two active bookings of a room overlap (buffer included; adjacent is fine),
and a booking fits inside one opening range of its day."""

import datetime

from django.utils import timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from booking import rules
from booking.models import Booking, Room, RoomHours
from tests.booking.conftest import make_room, monday_in

STEP = 30  # minutes


def minutes(day, count):
    return rules.local_datetime(day, datetime.time(0)) + datetime.timedelta(minutes=count)


slots = st.lists(
    st.tuples(st.integers(min_value=18, max_value=40), st.integers(min_value=1, max_value=8)),  # 9:00–20:00, 30 min–4 h
    min_size=1,
    max_size=10,
)


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(requests=slots, buffer_steps=st.integers(min_value=0, max_value=2))
def test_accepted_bookings_never_overlap_and_refusals_always_have_a_reason(requests, buffer_steps):
    Booking.objects.all().delete()
    Room.objects.all().delete()
    buffer = buffer_steps * STEP
    room = make_room(buffer_minutes=buffer, hours=[(datetime.time(0), datetime.time(23, 30))], weekdays=range(7))
    day = monday_in(2)
    accepted = []
    for start_step, length in requests:
        start, end = start_step * STEP, (start_step + length) * STEP
        conflict = any(start < other_end + buffer and other_start < end + buffer for other_start, other_end in accepted)
        try:
            rules.book(room, minutes(day, start), minutes(day, end), name="P", email="p@exemple.fr", purpose="x")
        except rules.SlotTaken:
            assert conflict, f"{start}–{end} refused though free: {accepted}"
        else:
            assert not conflict, f"{start}–{end} accepted over {accepted}"
            accepted.append((start, end))
    stored = sorted(Booking.objects.active().values_list("start", "blocked_until"))
    pairs = zip(stored, stored[1:], strict=False)
    assert all(previous_end <= next_start for (_s, previous_end), (next_start, _e) in pairs)


def in_memory_room(ranges):
    """A room never saved: its hours live in memory (modelcluster), so no database is needed."""
    room = Room(name="Salle", capacity=10, slot_minutes=STEP, min_minutes=STEP, max_minutes=24 * 60, notice_hours=0)
    room.hours = [RoomHours(weekday=0, opens=opens, closes=closes) for opens, closes in ranges]
    room.closures = []
    return room


def as_time(count):
    return datetime.time(count // 60, count % 60)


# Non-overlapping opening ranges of a Monday, on the 30-minute step, between 6:00 and 23:30.
opening_ranges = (
    st.lists(st.integers(min_value=12, max_value=47), min_size=2, max_size=6, unique=True)
    .map(sorted)
    .map(lambda bounds: [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds) - 1, 2)])
)


@given(
    ranges=opening_ranges,
    start_step=st.integers(min_value=10, max_value=46),
    length=st.integers(min_value=1, max_value=12),
)
def test_a_booking_is_accepted_exactly_when_it_fits_in_one_opening_range(ranges, start_step, length):
    room = in_memory_room([(as_time(a * STEP), as_time(b * STEP)) for a, b in ranges])
    monday = datetime.date(2031, 1, 6)  # a Monday, no clock change
    start_step = min(start_step, 47 - length)
    start = rules.local_datetime(monday, as_time(start_step * STEP))
    end = start + datetime.timedelta(minutes=length * STEP)
    now = timezone.make_aware(datetime.datetime(2031, 1, 1))
    room.horizon_days = 30
    fits = any(a <= start_step and start_step + length <= b for a, b in ranges)
    errors = rules.slot_errors(room, start, end, now=now)
    assert (errors == {}) == fits, (ranges, start_step, length, errors)
