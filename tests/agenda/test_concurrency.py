"""Concurrent registrations for the last places, through the real HTTP form, on a
threaded server: exactly as many people are accepted as there are places."""

import pytest

from agenda.models import Registration
from tests.agenda.factories import make_atelier
from tests.concurrency import opener_with_csrf, post_all_at_once, post_together

ATTEMPTS = 30
PLACES = 5


@pytest.mark.django_db(transaction=True)
def test_concurrent_registrations_never_oversell(committed_demo, live_server, settings):
    settings.AGENDA_REGISTRATIONS_PER_HOUR = 1000
    atelier = make_atelier(places=PLACES, waiting_list=False, max_people_per_registration=1)
    url = f"{live_server.url}{atelier.url}s-inscrire/{atelier.occurrences.get().pk}/"
    payloads = [{"name": f"Personne {n}", "email": f"p{n}@exemple.fr", "people": "1"} for n in range(ATTEMPTS)]

    statuses = post_all_at_once(url, payloads)

    assert sorted(statuses) == [201] * PLACES + [400] * (ATTEMPTS - PLACES)
    assert Registration.objects.filter(occurrence__atelier=atelier).count() == PLACES
    assert atelier.occurrences.get().places_taken == PLACES


@pytest.mark.django_db(transaction=True)
def test_the_same_form_sent_ten_times_at_once_makes_one_registration(committed_demo, live_server, settings):
    settings.AGENDA_REGISTRATIONS_PER_HOUR = 1000
    atelier = make_atelier(places=PLACES, max_people_per_registration=2)
    url = f"{live_server.url}{atelier.url}s-inscrire/{atelier.occurrences.get().pk}/"
    payload = {"name": "Annie", "email": "annie@exemple.fr", "people": "2", "form_key": "une-seule-fois"}

    statuses = post_all_at_once(url, [payload] * 10)

    assert statuses == [201] * 10
    assert Registration.objects.filter(occurrence__atelier=atelier).count() == 1
    assert atelier.occurrences.get().places_taken == 2


@pytest.mark.django_db(transaction=True)
def test_registrations_by_the_team_compete_with_the_public_under_the_same_rule(committed_demo, live_server, settings):
    """Members registering people without email from the admin, while the public fills in
    the form: the same last places, never oversold."""
    from django.contrib.auth import get_user_model

    from home.models import MemberPage

    settings.AGENDA_REGISTRATIONS_PER_HOUR = 1000
    atelier = make_atelier(places=PLACES, waiting_list=False, max_people_per_registration=1)
    atelier.organisers = [MemberPage.objects.get(slug="les-mulots")]
    atelier.save_revision().publish()
    occurrence = atelier.occurrences.get()
    member = get_user_model().objects.get(username="mulots")
    member.set_password("course-aux-places")
    member.save()
    public_url = f"{live_server.url}{atelier.url}s-inscrire/{occurrence.pk}/"
    admin_url = f"{live_server.url}/admin/agenda/seances/{occurrence.pk}/inscrire/"
    public = opener_with_csrf(public_url)
    team = opener_with_csrf(admin_url, login=("mulots", "course-aux-places", f"{live_server.url}/admin/login/"))
    assert team[0].open(admin_url).geturl() == admin_url  # signed in: not sent to the login page
    requests = [
        (*public, public_url, {"name": f"Personne {n}", "email": f"p{n}@exemple.fr", "people": "1"}) for n in range(20)
    ] + [(*team, admin_url, {"name": f"Voisin {n}", "people": "1"}) for n in range(10)]

    statuses = post_together(requests)

    public_statuses, team_statuses = statuses[:20], statuses[20:]
    assert set(public_statuses) <= {201, 400}
    assert team_statuses == [200] * 10  # the printed confirmation, or the form saying it is full
    by_team = Registration.objects.filter(occurrence=occurrence, registered_by=member).count()
    assert public_statuses.count(201) + by_team == PLACES
    assert Registration.objects.filter(occurrence=occurrence).count() == PLACES
    occurrence.refresh_from_db()
    assert occurrence.places_taken == PLACES
