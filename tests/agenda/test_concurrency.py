"""Concurrent registrations for the last places, through the real HTTP form, on a
threaded server: exactly as many people are accepted as there are places."""

import pytest

from agenda.models import Registration
from tests.agenda.factories import make_atelier
from tests.concurrency import post_all_at_once

ATTEMPTS = 30
PLACES = 5


@pytest.mark.django_db(transaction=True)
def test_concurrent_registrations_never_oversell(live_server, settings):
    from django.core.management import call_command

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    settings.AGENDA_REGISTRATIONS_PER_HOUR = 1000
    atelier = make_atelier(places=PLACES, waiting_list=False, max_people_per_registration=1)
    url = f"{live_server.url}{atelier.url}s-inscrire/{atelier.occurrences.get().pk}/"
    payloads = [{"name": f"Personne {n}", "email": f"p{n}@exemple.fr", "people": "1"} for n in range(ATTEMPTS)]

    statuses = post_all_at_once(url, payloads)

    assert sorted(statuses) == [201] * PLACES + [400] * (ATTEMPTS - PLACES)
    assert Registration.objects.filter(occurrence__atelier=atelier).count() == PLACES
    assert atelier.occurrences.get().places_taken == PLACES


@pytest.mark.django_db(transaction=True)
def test_the_same_form_sent_ten_times_at_once_makes_one_registration(live_server, settings):
    from django.core.management import call_command

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    settings.AGENDA_REGISTRATIONS_PER_HOUR = 1000
    atelier = make_atelier(places=PLACES, max_people_per_registration=2)
    url = f"{live_server.url}{atelier.url}s-inscrire/{atelier.occurrences.get().pk}/"
    payload = {"name": "Annie", "email": "annie@exemple.fr", "people": "2", "form_key": "une-seule-fois"}

    statuses = post_all_at_once(url, [payload] * 10)

    assert statuses == [201] * 10
    assert Registration.objects.filter(occurrence__atelier=atelier).count() == 1
    assert atelier.occurrences.get().places_taken == 2
