"""The day-before call list: tomorrow's people without email (or asking to be called),
with their phone; the outcome of each call is kept; « ne viendra pas » frees the place
for the waiting list; the outcome goes with the registration at the purge."""

import datetime

from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from bs4 import BeautifulSoup

from agenda import calls, registration
from agenda.models import CallOutcome, Registration, RegistrationStatus
from home.models import MemberPage
from tests.agenda.factories import PARIS, make_atelier

CALLS = "/admin/agenda/appels/"


def user(username):
    return get_user_model().objects.get(username=username)


def tomorrow_at(hour):
    day = calls.tomorrow()
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=PARIS)


def session_of(slug, start=None, **fields):
    start = start or tomorrow_at(14)
    atelier = make_atelier(title="Le smartphone pas à pas", start=start, registration_closes_hours=0, **fields)
    atelier.organisers = [MemberPage.objects.get(slug=slug)]
    atelier.save_revision().publish()
    return atelier.occurrences.get()


def text_of(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


def test_tomorrows_people_without_email_or_asking_to_be_called_are_listed(agenda):
    occurrence = session_of("les-mulots")
    registration.register(occurrence, "Josiane", "", 1, phone="02 99 71 00 00", registered_by=user("mulots"))
    annie = registration.register(occurrence, "Annie", "annie@exemple.fr", 1)
    bernard = registration.register(occurrence, "Bernard", "bernard@exemple.fr", 1)
    Registration.objects.filter(pk=bernard.pk).update(call_me=True)
    later = session_of("les-mulots", start=tomorrow_at(14) + datetime.timedelta(days=1))
    registration.register(later, "Paul", "", 1, registered_by=user("mulots"))
    gone = registration.register(occurrence, "Parti", "", 1, registered_by=user("mulots"))
    registration.cancel(gone)

    listed = [r.name for r in calls.people_to_call(calls.tomorrow())]
    assert listed == ["Bernard", "Josiane"]
    assert annie.pk not in [r.pk for r in calls.people_to_call(calls.tomorrow())]


def test_the_call_list_page_shows_the_phone_and_records_the_outcome(agenda, client):
    occurrence = session_of("les-mulots")
    josiane = registration.register(occurrence, "Josiane", "", 1, phone="02 99 71 00 00", registered_by=user("mulots"))
    client.force_login(user("mulots"))
    page = text_of(client.get(CALLS))
    assert "Josiane (1)" in page and "02 99 71 00 00" in page and "Le smartphone pas à pas" in page
    response = client.post(f"{CALLS}{josiane.pk}/", {f"appel-{josiane.pk}-outcome": "message"})
    assert response.status_code == 302 and f"#appel-{josiane.pk}" in response.url
    josiane.refresh_from_db()
    assert josiane.call_outcome == CallOutcome.MESSAGE and josiane.called_at is not None
    assert "Appel noté : message laissé" in text_of(client.get(response.url))


def test_not_coming_frees_the_place_and_the_waiting_list_gets_its_offer(agenda, client):
    occurrence = session_of("les-mulots", places=1)
    josiane = registration.register(occurrence, "Josiane", "", 1, phone="02 99 71 00 00", registered_by=user("mulots"))
    annie = registration.register(occurrence, "Annie", "annie@exemple.fr", 1)
    registration.confirm_email(annie)
    assert annie.status == RegistrationStatus.WAITING
    mail.outbox.clear()
    client.force_login(user("mulots"))
    client.post(f"{CALLS}{josiane.pk}/", {f"appel-{josiane.pk}-outcome": "not_coming"})
    josiane.refresh_from_db()
    annie.refresh_from_db()
    assert (josiane.status, josiane.call_outcome) == (RegistrationStatus.CANCELLED, CallOutcome.NOT_COMING)
    assert annie.status == RegistrationStatus.OFFERED
    assert [message.to for message in mail.outbox] == [["annie@exemple.fr"]]
    # Sent again (a double click): nothing more happens.
    assert calls.record_call(josiane, "not_coming") is False
    occurrence.refresh_from_db()
    assert occurrence.places_taken == 1


def test_a_bad_outcome_is_refused_in_french_and_nothing_is_stored(agenda, client):
    occurrence = session_of("les-mulots")
    josiane = registration.register(occurrence, "Josiane", "", 1, registered_by=user("mulots"))
    client.force_login(user("mulots"))
    response = client.post(f"{CALLS}{josiane.pk}/", {f"appel-{josiane.pk}-outcome": "peut-être"}, follow=True)
    assert "Choisissez ce qu'a donné l'appel de Josiane." in text_of(response)
    josiane.refresh_from_db()
    assert josiane.call_outcome == "" and josiane.status == RegistrationStatus.REGISTERED
    assert client.get(CALLS, {"day": "demain"}).status_code == 200


def test_a_member_calls_its_own_people_and_those_it_registered_elsewhere_only(agenda, client):
    theirs = session_of("depantek")
    registration.register(theirs, "Josiane", "", 1, phone="02 99 71 00 00", registered_by=user("mulots"))
    other = registration.register(theirs, "Bernard", "", 1, phone="02 99 00 00 01", registered_by=user("depantek"))
    client.force_login(user("mulots"))
    page = text_of(client.get(CALLS))
    assert "Josiane" in page and "Bernard" not in page
    assert client.post(f"{CALLS}{other.pk}/", {f"appel-{other.pk}-outcome": "not_coming"}).status_code == 404
    other.refresh_from_db()
    assert other.status == RegistrationStatus.REGISTERED and other.call_outcome == ""


def test_the_call_outcome_is_purged_with_the_registration(agenda):
    occurrence = session_of("les-mulots")
    josiane = registration.register(occurrence, "Josiane", "", 1, registered_by=user("mulots"))
    calls.record_call(josiane, "reached")
    registration.purge_personal_data(30, now=timezone.now() + datetime.timedelta(days=40))
    assert not Registration.objects.filter(pk=josiane.pk).exists()
