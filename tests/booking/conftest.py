"""Builders for booking tests: a room open on weekdays, dates far enough ahead
for the notice and within the horizon, member pages with their editor, and the
rooms of October 2024 whose activity report is known."""

import datetime
import types
import zoneinfo

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.models import Page

import pytest

from booking import rules
from booking import series as series_rules
from booking.models import Room, RoomHours, Status
from core.groups import setup_member
from home.models import MemberKind, MemberPage

PARIS = zoneinfo.ZoneInfo("Europe/Paris")

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


def paris(*args):
    return datetime.datetime(*args, tzinfo=PARIS)


def make_member_page(title="Les Mulots", editor=None):
    """A member page (under the root: no demo site needed) with its group; `editor`, a
    username, gets an account in that group, so that member_pages_for(it) finds the page."""
    page = Page.get_first_root_node().add_child(
        instance=MemberPage(title=title, kind=MemberKind.ASSOCIATION, summary="Un membre pour les tests.")
    )
    group, _collection = setup_member(page)
    if editor:
        get_user_model().objects.create_user(editor, email=f"{editor}@exemple.fr").groups.add(group)
    return page


PERSON = {"name": "Annie Le Goff", "purpose": "Réunion", "people": 4}


@pytest.fixture
def october_2024_rooms(db):
    """The rooms of a known report for October 2024 (Europe/Paris, clocks back on Sunday 27th):

    - « Salle de réunion », open Monday to Saturday 9:00–12:30 and 13:30–18:00, no closure:
      27 days × 8 h = 216 h open. Booked (all booked hours are in the past from November 2024):
      member « Les Mulots » 2 h, a weekly series its editor « mulots » asked for (Tuesdays 8 and
      15 October, 10:00–11:00, confirmed); associations 7 h (Thursday 3, 14:00–17:00 and
      Wednesday 16, 9:00–12:00, confirmed; Friday 25, 14:00–15:00, pending); residents 2 h
      (Saturday 19, 10:00–12:00, confirmed) and 1 h cancelled (Monday 21, 15:00–16:00); a
      resident's request declined (Tuesday 22, 14:00–16:00) counts for nothing. So 11 h booked,
      11 h used, occupancy 11/216 ≈ 0.0509.
    - « Salle fermée », not bookable online, without opening hours nor bookings: 0 h open,
      occupancy None.

    Returns a namespace: room, closed_room, member (the MemberPage), editor (its user), and
    start, end: 1 October and 1 November 2024 at midnight, Paris time."""
    before = paris(2024, 9, 15, 12)
    room = make_room("Salle de réunion")
    closed_room = make_room("Salle fermée", hours=(), bookable=False)
    member = make_member_page("Les Mulots", editor="mulots")
    editor = get_user_model().objects.get(username="mulots")
    series, booked, skipped = series_rules.book_series(
        room, 1, datetime.time(10), datetime.time(11), datetime.date(2024, 10, 8), datetime.date(2024, 10, 15),
        "Les Mulots", editor, now=before, **PERSON,
    )  # fmt: skip
    assert (len(booked), skipped) == (2, [])
    for day, start, end, status, organisation in [
        (3, 14, 17, Status.CONFIRMED, "Comité des fêtes"),
        (16, 9, 12, Status.CONFIRMED, "Club des aînés"),
        (25, 14, 15, Status.PENDING, "Chorale du Pays de Redon"),
        (19, 10, 12, Status.CONFIRMED, ""),
        (21, 15, 16, Status.CANCELLED, ""),
        (22, 14, 16, Status.DECLINED, ""),
    ]:
        rules.book(
            room, paris(2024, 10, day, start), paris(2024, 10, day, end), now=before,
            status=status, organisation=organisation, **PERSON,
        )  # fmt: skip
    return types.SimpleNamespace(
        room=room,
        closed_room=closed_room,
        member=member,
        editor=editor,
        start=paris(2024, 10, 1),
        end=paris(2024, 11, 1),
    )
