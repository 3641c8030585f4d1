"""Fifty people try to book the same slot at the same moment, through the real
HTTP form on a threaded server: exactly one booking is made (SQLite file
database with IMMEDIATE transactions, or PostgreSQL with its exclusion constraint)."""

import pytest

from booking.models import Booking
from tests.booking.conftest import make_room, monday_in
from tests.concurrency import post_all_at_once

ATTEMPTS = 50
# Slots around 14:00, any two of which overlap.
SLOTS = [("14:00", "16:00"), ("13:30", "15:00"), ("14:30", "16:30")]


@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_requests_for_one_slot_make_one_booking(demo_site, live_server, settings):
    settings.BOOKING_REQUESTS_PER_HOUR = 1000
    room = make_room()
    monday = monday_in(2)
    payloads = [
        {
            "date": monday.isoformat(),
            "start": SLOTS[n % 3][0],
            "end": SLOTS[n % 3][1],
            "name": f"Personne {n}",
            "email": f"p{n}@exemple.fr",
            "purpose": "Réunion",
            "people": "2",
            "consent": "on",
            "form_key": f"formulaire-{n}",
        }
        for n in range(ATTEMPTS)
    ]

    statuses = post_all_at_once(f"{live_server.url}/reserver/{room.slug}/demande/", payloads)

    assert sorted(statuses, key=str) == [201] + [400] * (ATTEMPTS - 1)
    assert Booking.objects.filter(room=room).count() == 1
