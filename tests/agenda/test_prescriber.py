"""« J'inscris une autre personne »: a prescriber without an account (social worker,
France Services, CCAS) registers someone from the public form; the prescriber's email
gets the confirmation and the cancel link, the person is called the day before, and
both appear in the registrations list."""

import datetime
import re

from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from agenda import calls, emails
from agenda.models import Registration, RegistrationStatus, SessionMessage
from home.models import MemberPage
from tests.agenda.factories import PARIS, make_atelier

PRESCRIBER = {
    "name": "Claire Martin, France Services",
    "email": "claire@franceservices.exemple.fr",
    "people": "1",
    "message": "",
    "website": "",
    "person_name": "Josiane",
    "person_phone": "02 99 71 00 00",
}


def text_of(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


def tomorrows_atelier():
    start = datetime.datetime.combine(calls.tomorrow(), datetime.time(14), tzinfo=PARIS)
    atelier = make_atelier(title="Le smartphone pas à pas", start=start, registration_closes_hours=0)
    atelier.organisers = [MemberPage.objects.get(slug="les-mulots")]
    atelier.save_revision().publish()
    return atelier


def test_a_prescriber_registers_someone_else_and_gets_the_links(agenda, client):
    atelier = tomorrows_atelier()
    occurrence = atelier.occurrences.get()
    form = client.get(f"{atelier.url}s-inscrire/{occurrence.pk}/")
    assert "J'inscris une autre personne : son prénom (facultatif)" in text_of(form)
    response = client.post(f"{atelier.url}s-inscrire/{occurrence.pk}/", PRESCRIBER)
    assert response.status_code == 201
    made = Registration.objects.get()
    assert (made.name, made.email, made.phone, made.prescriber, made.call_me) == (
        "Josiane", "claire@franceservices.exemple.fr", "02 99 71 00 00", "Claire Martin, France Services", True,
    )  # fmt: skip
    [confirmation] = mail.outbox
    assert confirmation.to == ["claire@franceservices.exemple.fr"]
    assert "Bonjour Claire Martin, France Services," in confirmation.body
    assert "Vous avez inscrit Josiane" in confirmation.body and "02 99 71 00 00" in confirmation.body

    manage = re.search(r"http\S+/agenda/inscription/[^/\s]+/", confirmation.body).group(0)
    manage = manage.split("://", 1)[1].split("/", 1)[1]
    client.post(f"/{manage}", {"action": "confirm"})
    made.refresh_from_db()
    assert made.email_confirmed_at is not None
    assert [r.name for r in calls.people_to_call(calls.tomorrow())] == ["Josiane"]
    client.post(f"/{manage}", {"action": "cancel"})
    made.refresh_from_db()
    assert made.status == RegistrationStatus.CANCELLED
    assert mail.outbox[-1].to == ["claire@franceservices.exemple.fr"]


def test_both_appear_in_the_organisers_list(agenda, client):
    atelier = tomorrows_atelier()
    occurrence = atelier.occurrences.get()
    client.post(f"{atelier.url}s-inscrire/{occurrence.pk}/", PRESCRIBER)
    client.force_login(get_user_model().objects.get(username="mulots"))
    text = text_of(client.get(f"/admin/agenda/seances/{occurrence.pk}/inscrits/"))
    assert "Josiane (1)" in text
    assert "inscrit par Claire Martin, France Services (personne relais, claire@franceservices.exemple.fr)" in text
    assert "02 99 71 00 00" in text
    listing = text_of(client.get(f"/admin/agenda/registration/?occurrence__id__exact={occurrence.pk}"))
    assert "Josiane" in listing and "personne relais" in listing


def test_a_phone_without_the_persons_name_is_refused_in_french(agenda, client):
    atelier = tomorrows_atelier()
    occurrence = atelier.occurrences.get()
    response = client.post(f"{atelier.url}s-inscrire/{occurrence.pk}/", {**PRESCRIBER, "person_name": ""})
    assert response.status_code == 400
    assert "Écrivez aussi le prénom de la personne que vous inscrivez." in text_of(response)
    assert not Registration.objects.exists() and mail.outbox == []


def test_someone_registering_themselves_is_not_called(agenda, client):
    atelier = tomorrows_atelier()
    occurrence = atelier.occurrences.get()
    own = {**PRESCRIBER, "name": "Annie", "email": "annie@exemple.fr", "person_name": "", "person_phone": ""}
    assert client.post(f"{atelier.url}s-inscrire/{occurrence.pk}/", own).status_code == 201
    made = Registration.objects.get()
    assert (made.name, made.prescriber, made.call_me) == ("Annie", "", False)
    assert "Bonjour Annie," in mail.outbox[0].body


LATER_MAILS = {
    "registered": emails.send_registered,
    "offer": emails.send_offer,
    "cancelled": emails.send_cancellation,
    "reminder": emails.send_reminder,
    "occurrence_cancelled": emails.send_occurrence_cancelled,
    "session_message": lambda registration: emails.send_session_message(
        SessionMessage(occurrence=registration.occurrence, subject="Apportez votre téléphone", body="À demain."),
        registration,
    ),
}


@pytest.mark.parametrize("mail_name", LATER_MAILS)
def test_every_later_mail_greets_the_prescriber_and_names_the_person(agenda, client, mail_name):
    atelier = tomorrows_atelier()
    occurrence = atelier.occurrences.get()
    client.post(f"{atelier.url}s-inscrire/{occurrence.pk}/", PRESCRIBER)
    made = Registration.objects.get()
    made.offer_expires_at = timezone.now() + datetime.timedelta(hours=12)
    mail.outbox.clear()
    LATER_MAILS[mail_name](made)
    [sent] = mail.outbox
    assert sent.to == ["claire@franceservices.exemple.fr"]
    assert sent.body.startswith("Bonjour Claire Martin, France Services,") or (
        "\nBonjour Claire Martin, France Services," in sent.body
    )
    assert "Vous avez inscrit Josiane\u00a0: ce courriel concerne son inscription." in sent.body
    assert "Bonjour Josiane" not in sent.body
