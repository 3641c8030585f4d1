"""Fifty people try to book the same slot at the same moment, through the real
HTTP form on a threaded server: exactly one booking is made (SQLite file
database with IMMEDIATE transactions, or PostgreSQL with its exclusion constraint)."""

import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from booking.models import Booking
from tests.agenda.test_concurrency import opener_with_csrf
from tests.booking.conftest import make_room, monday_in

ATTEMPTS = 50


@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_requests_for_one_slot_make_one_booking(live_server, settings):
    settings.BOOKING_REQUESTS_PER_HOUR = 1000
    room = make_room()
    monday = monday_in(2)
    url = f"{live_server.url}/reserver/{room.slug}/demande/"
    opener, token = opener_with_csrf(url)
    barrier = threading.Barrier(ATTEMPTS)
    statuses = []

    def attempt(n):
        # Each person picks a slot around 14:00; any two of them overlap.
        start, end = [("14:00", "16:00"), ("13:30", "15:00"), ("14:30", "16:30")][n % 3]
        fields = {
            "csrfmiddlewaretoken": token,
            "date": monday.isoformat(),
            "start": start,
            "end": end,
            "name": f"Personne {n}",
            "email": f"p{n}@exemple.fr",
            "purpose": "Réunion",
            "people": "2",
            "consent": "on",
            "form_key": f"formulaire-{n}",
        }
        request = urllib.request.Request(url, data=urllib.parse.urlencode(fields).encode(), headers={"Referer": url})
        barrier.wait()
        for _ in range(40):
            try:
                statuses.append(opener.open(request, timeout=60).status)
            except urllib.error.HTTPError as error:
                statuses.append(error.code)
            except (urllib.error.URLError, ConnectionError):
                # The test server's listen queue is short: a refused or reset connection,
                # before the request was read, is tried again.
                time.sleep(0.05)
                continue
            return
        statuses.append("no answer")

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(ATTEMPTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(statuses, key=str) == [201] + [400] * (ATTEMPTS - 1)
    assert Booking.objects.count() == 1
