"""Concurrent registrations for the last places, through the real HTTP form, on a
threaded server: exactly as many people are accepted as there are places."""

import http.cookiejar
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from agenda.models import Registration
from tests.agenda.factories import make_atelier

ATTEMPTS = 30
PLACES = 5


def opener_with_csrf(url):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(url).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    return opener, token


@pytest.mark.django_db(transaction=True)
def test_concurrent_registrations_never_oversell(live_server, settings):
    from django.core.management import call_command

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    settings.AGENDA_REGISTRATIONS_PER_HOUR = 1000
    atelier = make_atelier(places=PLACES, waiting_list=False, max_people_per_registration=1)
    url = f"{live_server.url}{atelier.url}s-inscrire/{atelier.occurrences.get().pk}/"
    opener, token = opener_with_csrf(url)
    barrier = threading.Barrier(ATTEMPTS)
    statuses = []

    def attempt(n):
        data = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token, "name": f"Personne {n}", "email": f"p{n}@exemple.fr", "people": "1"}
        ).encode()
        request = urllib.request.Request(url, data=data, headers={"Referer": url})
        barrier.wait()
        for _ in range(20):
            try:
                statuses.append(opener.open(request, timeout=60).status)
            except urllib.error.HTTPError as error:
                statuses.append(error.code)
            except (urllib.error.URLError, ConnectionError):
                # The test server's listen queue is short: a connection refused or reset
                # before the request was read is tried again.
                time.sleep(0.05)
                continue
            return
        statuses.append("no answer")

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(ATTEMPTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(statuses) == [201] * PLACES + [400] * (ATTEMPTS - PLACES)
    assert Registration.objects.count() == PLACES
    assert atelier.occurrences.get().places_taken == PLACES
