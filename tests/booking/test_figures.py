"""The rooms' figures of the activity report: hours open (closures, clock changes), booked and
used by kind of booker, clipped to the period, and the same after the purge of personal data."""

import datetime

from django.contrib.auth import get_user_model

import pytest

from booking import rules
from booking.figures import room_figures
from booking.models import BookerKind, Booking, RoomClosure, RoomHours, Status
from tests.booking.conftest import PERSON, make_member_page, make_room, paris

HOUR = datetime.timedelta(hours=1)
ZERO = datetime.timedelta(0)
# The week of the clock change: Monday 21 to Monday 28 October 2024, clocks back on Sunday 27th.
WEEK = paris(2024, 10, 21), paris(2024, 10, 28)
# Saturday noon: the Saturday afternoon and the Sunday are still to come.
NOW = paris(2024, 10, 26, 12)


def hours(td):
    return td / HOUR


def kinds(figures, measure):
    return {kind: hours(sums[measure]) for kind, sums in figures.by_kind.items()}


@pytest.fixture
def week(db):
    """« Atelier »: Monday to Saturday 9:00–12:30 and 13:30–18:00, and the night from Saturday
    to Sunday 00:00–04:00; closed on Wednesday 23rd. « Bureau »: not bookable, never open."""
    room = make_room("Atelier")
    RoomHours.objects.create(room=room, weekday=6, opens=datetime.time(0), closes=datetime.time(4))
    RoomClosure.objects.create(room=room, start_date=datetime.date(2024, 10, 23), end_date=datetime.date(2024, 10, 23))
    other = make_room("Bureau", hours=(), bookable=False)
    mulots = make_member_page("Les Mulots", editor="mulots")
    depantek = make_member_page("Dépan'tek")
    before = paris(2024, 10, 1)

    def book(start, end, status=Status.CONFIRMED, target=room, **fields):
        return rules.book(target, start, end, now=before, status=status, **{**PERSON, **fields})

    book(paris(2024, 10, 21, 10), paris(2024, 10, 21, 12), booked_by=get_user_model().objects.get(username="mulots"))
    book(paris(2024, 10, 20, 22), paris(2024, 10, 21, 1))  # from before the period: 1 h inside
    book(paris(2024, 10, 22, 23), paris(2024, 10, 23, 1), organisation="Chorale")  # across midnight: 2 h
    # 1:00 summer time to 4:00 winter time: 4 hours.
    book(paris(2024, 10, 27, 1), paris(2024, 10, 27, 4), organisation="Club de jeux")
    book(paris(2024, 10, 27, 23), paris(2024, 10, 28, 2))  # beyond the period: 1 h inside
    book(paris(2024, 10, 24, 14), paris(2024, 10, 24, 16), Status.CANCELLED, organisation="Chorale")
    book(paris(2024, 10, 24, 16), paris(2024, 10, 24, 17), Status.DECLINED)
    book(paris(2024, 10, 25, 10), paris(2024, 10, 25, 11), Status.UNCONFIRMED)
    book(paris(2024, 10, 26, 14), paris(2024, 10, 26, 17), booker_kind=BookerKind.MEMBER, member=depantek)
    book(paris(2024, 10, 28, 10), paris(2024, 10, 28, 11))  # after the period
    book(paris(2024, 10, 22, 10), paris(2024, 10, 22, 11), target=other)  # booked by the team, never open
    return room, other, mulots, depantek


def test_every_room_by_name_with_its_opening_time_closures_and_clock_change_included(week):
    atelier, bureau = room_figures(*WEEK, now=NOW)
    assert (atelier.room_name, bureau.room_name) == ("Atelier", "Bureau")
    assert (atelier.room_id, bureau.room_id) == (week[0].pk, week[1].pk)
    # Six days of 8 h, Wednesday closed, and the Sunday night of 5 h (00:00–04:00 lasts 5 h that night).
    assert hours(atelier.open_time) == 5 * 8 + 5
    assert bureau.open_time == ZERO and bureau.occupancy is None


def test_booked_used_and_cancelled_time_clipped_to_the_period(week):
    atelier, bureau = room_figures(*WEEK, now=NOW)
    # Declined, unconfirmed and outside the period: not counted.
    assert kinds(atelier, "booked") == {"member": 2 + 3, "association": 2 + 4, "resident": 1 + 1}
    assert kinds(atelier, "used") == {"member": 2, "association": 2, "resident": 1}
    assert kinds(atelier, "cancelled") == {"member": 0, "association": 2, "resident": 0}
    assert (hours(atelier.booked), hours(atelier.used), hours(atelier.cancelled)) == (13, 5, 2)
    assert atelier.occupancy == pytest.approx(13 / 45)
    # A room that is not open may still be booked by the team.
    assert (hours(bureau.booked), hours(bureau.used), bureau.by_kind["resident"]["booked"]) == (1, 1, HOUR)


def test_a_booking_under_way_is_used_up_to_now(week):
    atelier, _bureau = room_figures(*WEEK, now=paris(2024, 10, 26, 15, 30))
    assert kinds(atelier, "used")["member"] == 2 + 1.5


def test_the_member_filter_keeps_its_bookings_and_the_room_opening_time(week):
    room, _other, mulots, depantek = week
    atelier, bureau = room_figures(*WEEK, member=mulots, now=NOW)
    assert hours(atelier.open_time) == 45
    assert kinds(atelier, "booked") == {"member": 2, "association": 0, "resident": 0}
    assert (hours(atelier.used), atelier.cancelled, bureau.booked) == (2, ZERO, ZERO)
    assert hours(room_figures(*WEEK, member=depantek, now=NOW)[0].booked) == 3


def test_the_figures_are_the_same_after_the_purge_of_personal_data(week):
    before = room_figures(*WEEK, now=NOW)
    assert rules.purge_personal_data(0, now=paris(2025, 1, 1)) == Booking.objects.count()
    assert not Booking.objects.filter(anonymised=False).exists()
    assert room_figures(*WEEK, now=NOW) == before
    assert hours(room_figures(*WEEK, member=week[2], now=NOW)[0].booked) == 2


def test_the_clock_changes_give_days_of_23_and_25_hours(db):
    room = make_room("Nuit", hours=[(datetime.time(0), datetime.time(4))], weekdays=[6])
    (october,) = room_figures(paris(2024, 10, 27), paris(2024, 10, 28))
    (march,) = room_figures(paris(2024, 3, 31), paris(2024, 4, 1))
    assert (hours(october.open_time), hours(march.open_time)) == (5, 3)
    # A period that does not start at midnight clips the opening hours too.
    (part,) = room_figures(paris(2024, 10, 27, 2), paris(2024, 10, 27, 12))
    assert hours(part.open_time) == 3  # 2:00 summer time to 4:00 winter time
    assert room.pk == october.room_id


def test_no_room_no_figures(db):
    assert room_figures(*WEEK) == []


def test_the_october_2024_report(october_2024_rooms):
    rooms = october_2024_rooms
    room, closed = room_figures(rooms.start, rooms.end, now=paris(2024, 11, 5))
    assert (room.room_name, hours(room.open_time), hours(room.booked), hours(room.used)) == (
        "Salle de réunion", 216, 11, 11,
    )  # fmt: skip
    assert round(room.occupancy, 4) == 0.0509
    assert kinds(room, "booked") == {"member": 2, "association": 7, "resident": 2}
    assert kinds(room, "cancelled") == {"member": 0, "association": 0, "resident": 1}
    assert (closed.room_name, closed.open_time, closed.booked, closed.occupancy) == ("Salle fermée", ZERO, ZERO, None)
    (mine, _closed) = room_figures(rooms.start, rooms.end, member=rooms.member)
    assert (hours(mine.booked), hours(mine.open_time)) == (2, 216)


@pytest.mark.parametrize("count", [10, 1000])
def test_the_figures_take_four_queries_whatever_the_number_of_bookings(db, count, django_assert_num_queries):
    room = make_room("Atelier")
    first = paris(2024, 1, 1, 9)
    Booking.objects.bulk_create(
        Booking(
            room=room,
            start=first + n * 2 * HOUR,
            end=first + (n * 2 + 1) * HOUR,
            blocked_until=first + (n * 2 + 1) * HOUR,
            status=[Status.CONFIRMED, Status.CANCELLED][n % 2],
            booker_kind=list(BookerKind)[n % 3],
            **PERSON,
        )
        for n in range(count)
    )
    with django_assert_num_queries(4):
        (figures,) = room_figures(paris(2024, 1, 1), paris(2025, 1, 1), now=paris(2025, 1, 1))
    assert hours(figures.booked + figures.cancelled) == count
