"""October 2024 in Paris, every answer known: the clocks go back on Sunday 27, a session
runs across the midnight that ends the month, one session and one whole atelier are
cancelled, people are present, absent, waiting or unregistered."""

import datetime

from django.contrib.auth import get_user_model

import pytest

from agenda import registration
from agenda.models import AtelierStatus
from booking.figures import RoomFigures
from booking.models import Room
from reports.models import CounterEntry, CounterKind
from reports.periods import Period
from resources.models import GuidePage
from tests.agenda.factories import (
    CANCELLED,
    OFFERED,
    REGISTERED,
    WAITING,
    atelier,
    member,
    paris,
    registrations,
)
from tests.booking.conftest import october_2024_rooms  # noqa: F401 (the booking tests' known rooms, for the report's)

OCTOBER = Period.month(2024, 10)
NOW = paris(2024, 11, 15, 12, 0)
HOURS = datetime.timedelta(hours=1)


@pytest.fixture
def empty_agenda(agenda):
    CounterEntry.objects.all().delete()
    GuidePage.objects.update(first_published_at=paris(2026, 1, 5), last_reviewed=datetime.date(2026, 1, 5))
    return agenda


@pytest.fixture
def october(empty_agenda):
    room = Room.objects.get(slug="la-salle-de-formation")
    weekly = atelier(
        paris(2024, 10, 1, 14, 0),
        title="Tablette pas à pas",
        frequency="weekly",
        repeat_until=datetime.date(2024, 10, 29),
        places=6,
        audience="seniors",
        room=room,
        categories=["Formation", "Sensibilisation"],
        organisers=["les-mulots"],
    )
    by_day = {
        occurrence.start.astimezone(paris(2024, 1, 1).tzinfo).day: occurrence for occurrence in weekly.occurrences.all()
    }
    registrations(
        by_day[1],
        (2, REGISTERED, True),
        (1, REGISTERED, False),
        (1, OFFERED, None),
        (2, WAITING, None),
        (1, CANCELLED, None),
    )
    registrations(by_day[8], (1, REGISTERED, None), (1, REGISTERED, None), (1, WAITING, None))
    registration.cancel_occurrence(by_day[8])
    registrations(by_day[15], (3, REGISTERED, True), (3, REGISTERED, True), (1, WAITING, None), (2, CANCELLED, None))
    registrations(by_day[22], (1, REGISTERED, True))

    called_off = atelier(
        paris(2024, 10, 10, 18, 0),
        title="Soirée annulée",
        status=AtelierStatus.CANCELLED,
        places=12,
        place_name="Médiathèque",
        categories=["Animation"],
        organisers=["riwal-raude"],
    )
    registrations(called_off.occurrences.get(), (2, REGISTERED, None))
    # Sunday 27 October 2024: the clocks go back at 3 h; the session is 14 h – 17 h all the same.
    atelier(
        paris(2024, 10, 27, 14, 0),
        hours=3,
        title="Repair café",
        registration_required=False,
        place_name="Salle des fêtes",
        categories=["Repair café"],
        organisers=["depantek", "la-vilaine-bidouille"],
    )
    late = atelier(
        paris(2024, 10, 31, 23, 30),
        hours=1,
        title="Nuit du code",
        places=10,
        audience="jeunes",
        place_name="Fablab",
        organisers=["riwal-raude", "les-mulots"],
    )
    registrations(late.occurrences.get(), (2, REGISTERED, True))
    before = atelier(paris(2024, 9, 30, 23, 30), hours=1, title="Nuit de septembre", organisers=["riwal-raude"])
    registrations(before.occurrences.get(), (3, REGISTERED, True))
    after = atelier(paris(2024, 11, 1, 0, 0), hours=1, title="Premier de novembre", organisers=["les-mulots"])
    registrations(after.occurrences.get(), (4, REGISTERED, True))

    computers, _ = CounterKind.objects.get_or_create(name="ordinateurs redistribués")  # the demo has it
    repaired, _ = CounterKind.objects.get_or_create(name="appareils réparés")
    CounterEntry.objects.create(kind=computers, value=5, date=datetime.date(2024, 10, 1), member=member("les-mulots"))
    CounterEntry.objects.create(kind=computers, value=7, date=datetime.date(2024, 10, 31))
    CounterEntry.objects.create(kind=computers, value=100, date=datetime.date(2024, 11, 1))
    CounterEntry.objects.create(kind=repaired, value=12, date=datetime.date(2024, 10, 27), member=member("depantek"))

    first, second, third = GuidePage.objects.order_by("pk")[:3]
    GuidePage.objects.filter(pk=first.pk).update(
        title="Guide d'octobre", first_published_at=paris(2024, 10, 31, 23, 0), author=member("les-mulots")
    )
    GuidePage.objects.filter(pk=second.pk).update(
        title="Guide relu", first_published_at=paris(2024, 3, 1), last_reviewed=datetime.date(2024, 10, 12), author=None
    )
    GuidePage.objects.filter(pk=third.pk).update(title="Guide de novembre", first_published_at=paris(2024, 11, 1, 0, 0))
    return {"computers": computers, "repaired": repaired}


ROOMS = [
    RoomFigures(
        room_id=1,
        room_name="Le fablab",
        open_time=100 * HOURS,
        booked=30 * HOURS,
        used=25 * HOURS + datetime.timedelta(minutes=30),
        cancelled=2 * HOURS,
        by_kind={
            "member": {"booked": 20 * HOURS, "used": 20 * HOURS, "cancelled": 0 * HOURS},
            "resident": {"booked": 10 * HOURS, "used": 5.5 * HOURS, "cancelled": 2 * HOURS},
        },
    ),
    RoomFigures(
        room_id=2,
        room_name="La salle de formation",
        open_time=80 * HOURS,
        booked=8 * HOURS,
        used=8 * HOURS,
        cancelled=0 * HOURS,
        by_kind={"association": {"booked": 8 * HOURS, "used": 8 * HOURS, "cancelled": 0 * HOURS}},
    ),
    RoomFigures(
        room_id=3, room_name="=Salle fermée", open_time=0 * HOURS, booked=0 * HOURS, used=0 * HOURS, cancelled=0 * HOURS
    ),
]


@pytest.fixture
def rooms(monkeypatch):
    """booking.figures.room_figures is built apart: the report's tables read a known answer."""
    calls = []

    def fake(start, end, member=None, now=None):
        calls.append((start, end, member))
        return ROOMS

    monkeypatch.setattr("reports.activity.room_figures", fake)
    return calls


@pytest.fixture
def users(demo_site):
    users = get_user_model().objects
    return {name: users.get(username=name) for name in ("coordination", "mulots", "depantek", "admin")}
