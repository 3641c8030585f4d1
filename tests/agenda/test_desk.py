"""« Accompagner une personne »: a mediator registers someone without email for any
session of the collective, from one list, and prints the slip; the form sent twice
registers once; the others' registrations stay out of sight."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from wagtail.models import Site

import pytest
from bs4 import BeautifulSoup

from agenda import registration
from agenda.admin.views.desk import desk_sessions
from agenda.models import Registration
from home.models import EspaceSettings, MemberPage
from tests.agenda.factories import make_atelier, paris
from tests.concurrency import opener_with_csrf, post_together

DESK = "/admin/agenda/accompagner/"
PERSON = {"name": "Josiane", "phone": "02 99 71 00 00", "people": "1", "message": ""}


def user(username):
    return get_user_model().objects.get(username=username)


def atelier_of(slug, **fields):
    atelier = make_atelier(**fields)
    atelier.organisers = [MemberPage.objects.get(slug=slug)]
    atelier.save_revision().publish()
    return atelier


def text_of(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


def test_the_desk_lists_the_sessions_of_every_member_and_searches_by_title_and_day(agenda, client):
    depantek = atelier_of("depantek", title="Réparer son ordinateur", start=paris(2027, 3, 11, 14))
    atelier_of("les-mulots", title="Premiers pas sur la tablette", start=paris(2027, 3, 12, 10))
    atelier_of("depantek", title="Café numérique", registration_required=False, start=paris(2027, 3, 11, 10))
    client.force_login(user("mulots"))

    everything = text_of(client.get(DESK))
    assert "Réparer son ordinateur" in everything and "Premiers pas sur la tablette" in everything
    assert "Café numérique" not in everything  # nobody registers for it: entrée libre
    assert "par Dépan'tek" in everything or "par Depantek" in everything or "par Dépantek" in everything

    by_title = text_of(client.get(DESK, {"q": "RÉPARER"}))
    assert "Réparer son ordinateur" in by_title and "Premiers pas" not in by_title
    by_day = client.get(DESK, {"day": "2027-03-12"})
    assert "Premiers pas sur la tablette" in text_of(by_day) and "Réparer" not in text_of(by_day)
    link = f"/admin/agenda/seances/{depantek.occurrences.get().pk}/inscrire/"
    assert link in client.get(DESK, {"q": "ordinateur"}).content.decode()


def test_a_bad_day_is_said_in_french_and_the_list_stays(agenda, client):
    atelier_of("depantek", title="Réparer son ordinateur")
    client.force_login(user("mulots"))
    response = client.get(DESK, {"day": "le 32"})
    assert response.status_code == 200
    assert "Écrivez une date, par exemple 22/12/2026." in text_of(response)
    assert "Réparer son ordinateur" in text_of(response)


def test_past_cancelled_and_started_sessions_are_not_offered(agenda):
    now = paris(2027, 3, 11, 15)
    atelier_of("depantek", title="Commencé", start=paris(2027, 3, 11, 14))
    atelier_of("depantek", title="Annulé", start=paris(2027, 3, 20, 14), status="cancelled")
    cancelled_session = atelier_of("depantek", title="Séance annulée", start=paris(2027, 3, 21, 14))
    cancelled_session.occurrences.update(cancelled=True)
    atelier_of("depantek", title="Demain", start=paris(2027, 3, 12, 14))
    assert [o.atelier.title for o in desk_sessions(now=now)] == ["Demain"]


def test_a_member_registers_someone_for_another_members_atelier_and_prints_the_slip(agenda, client):
    start = paris(2027, 3, 11, 14)
    atelier = atelier_of(
        "depantek", title="Réparer son ordinateur", start=start, end=start + datetime.timedelta(hours=2),
        frequency="weekly", repeat_until=datetime.date(2027, 3, 25),
    )  # fmt: skip
    second = atelier.occurrences.all()[1]
    espace = EspaceSettings.for_site(Site.objects.get(is_default_site=True))
    espace.phone = "02 99 72 72 72"
    espace.save()
    client.force_login(user("mulots"))
    form = client.get(f"/admin/agenda/seances/{second.pk}/inscrire/")
    assert "Séance 2 sur 3" in text_of(form)
    response = client.post(f"/admin/agenda/seances/{second.pk}/inscrire/", {**PERSON, "form_key": "k1"})
    made = Registration.objects.get()
    assert response.url == f"/admin/agenda/inscriptions/{made.pk}/imprimer/"
    assert (made.occurrence, made.email, made.registered_by) == (second, "", user("mulots"))

    slip = client.get(response.url)
    text = text_of(slip)
    assert "Votre inscription est faite" in text and "Josiane" in text
    assert "Séance 2 sur 3 : cette fiche vaut pour cette séance seulement." in text
    assert "02 99 72 72 72" in text
    assert "Ctrl + P" in text and "data-print" in slip.content.decode()
    assert "·" not in BeautifulSoup(slip.content, "html.parser").h1.get_text()
    # Back to the desk: the session's page is the organiser's.
    assert f'href="{DESK}"' in slip.content.decode()


def test_the_organiser_sees_who_registered_the_person_the_mediator_sees_nothing_of_the_others(agenda, client):
    occurrence = atelier_of("depantek", title="Réparer son ordinateur").occurrences.get()
    public = registration.register(occurrence, "Bernard", "bernard@exemple.fr", 1)
    client.force_login(user("mulots"))
    client.get(client.post(f"/admin/agenda/seances/{occurrence.pk}/inscrire/", PERSON).url)  # the slip
    josiane = Registration.objects.get(name="Josiane")

    listing = client.get(f"/admin/agenda/registration/?occurrence__id__exact={occurrence.pk}").content.decode()
    assert "Josiane" not in listing and "Bernard" not in listing
    assert client.get(f"/admin/agenda/registration/inspect/{public.pk}/").status_code == 302
    assert client.get(f"/admin/agenda/inscriptions/{public.pk}/imprimer/").url == "/admin/"
    for target in (public, josiane):
        assert client.post(f"/admin/agenda/inscriptions/{target.pk}/annuler/").url == "/admin/"
    assert Registration.objects.filter(status="cancelled").count() == 0

    client.force_login(user("depantek"))
    listing = client.get(f"/admin/agenda/registration/?occurrence__id__exact={occurrence.pk}").content.decode()
    assert "Josiane" in listing and f"inscrit·e par {user('mulots').get_full_name()}" in listing


def test_a_person_without_a_member_page_has_no_desk(agenda, client):
    outsider = get_user_model().objects.create_user("visiteur", "visiteur@exemple.fr", "x")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    occurrence = atelier_of("depantek").occurrences.get()
    client.force_login(outsider)
    assert client.get(DESK).url == "/admin/"
    assert client.post(f"/admin/agenda/seances/{occurrence.pk}/inscrire/", PERSON).url == "/admin/"
    assert not Registration.objects.exists()


def test_the_same_form_sent_twice_registers_once(agenda, client):
    occurrence = atelier_of("depantek").occurrences.get()
    client.force_login(user("mulots"))
    url = f"/admin/agenda/seances/{occurrence.pk}/inscrire/"
    key = BeautifulSoup(client.get(url).content, "html.parser").find("input", {"name": "form_key"})["value"]
    first = client.post(url, {**PERSON, "form_key": key})
    again = client.post(url, {**PERSON, "form_key": key})
    assert first.url == again.url
    assert Registration.objects.count() == 1
    occurrence.refresh_from_db()
    assert occurrence.places_taken == 1


@pytest.mark.django_db(transaction=True)
def test_a_double_click_at_the_same_moment_registers_once(committed_demo, live_server):
    occurrence = atelier_of("depantek", places=6).occurrences.get()
    member = user("mulots")
    member.set_password("double-clic")
    member.save()
    url = f"{live_server.url}/admin/agenda/seances/{occurrence.pk}/inscrire/"
    team = opener_with_csrf(url, login=("mulots", "double-clic", f"{live_server.url}/admin/login/"))
    payload = {**PERSON, "form_key": "un-seul-clic"}

    statuses = post_together([(*team, url, payload)] * 6)

    assert statuses == [200] * 6  # each lands on the same slip
    assert Registration.objects.filter(occurrence=occurrence).count() == 1
    occurrence.refresh_from_db()
    assert occurrence.places_taken == 1
