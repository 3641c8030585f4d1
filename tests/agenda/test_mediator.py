"""The team registers someone who has no email: the same places and waiting list as the
public form, no emails, and a confirmation to print in large type."""

import datetime

from django.contrib.auth import get_user_model
from django.core import mail

import pytest
from bs4 import BeautifulSoup

from agenda import registration
from agenda.models import Registration, RegistrationStatus
from home.models import MemberPage
from tests.agenda.factories import make_atelier, paris


def user(username):
    return get_user_model().objects.get(username=username)


def atelier_of(slug, **fields):
    atelier = make_atelier(title="Le smartphone pas à pas", **fields)
    atelier.organisers = [MemberPage.objects.get(slug=slug)]
    atelier.save_revision().publish()
    return atelier


def url(occurrence):
    return f"/admin/agenda/seances/{occurrence.pk}/inscrire/"


PERSON = {"name": "Josette", "phone": "02 99 71 00 00", "people": "2", "message": "Vient avec sa fille."}


def refused(response):
    """Wagtail's answer to PermissionDenied in its admin: back to the dashboard, with a message."""
    return response.status_code == 302 and response.url == "/admin/"


def test_a_member_registers_someone_who_takes_places_without_any_email(agenda, client):
    occurrence = atelier_of("les-mulots", places=3).occurrences.get()
    client.force_login(user("mulots"))
    response = client.post(url(occurrence), PERSON)
    made = Registration.objects.get()
    assert response.status_code == 302 and response.url == f"/admin/agenda/inscriptions/{made.pk}/imprimer/"
    assert (made.name, made.email, made.phone, made.people, made.status, made.registered_by) == (
        "Josette", "", "02 99 71 00 00", 2, RegistrationStatus.REGISTERED, user("mulots"),
    )  # fmt: skip
    occurrence.refresh_from_db()
    assert occurrence.places_taken == 2
    assert mail.outbox == []
    listing = client.get(f"/admin/agenda/registration/?occurrence__id__exact={occurrence.pk}").content.decode()
    assert "Josette" in listing and f"inscrit·e par {user('mulots').get_full_name()}" in listing


def test_the_form_sent_twice_registers_the_person_once(agenda, client):
    """A double click on « Inscrire »: the form carries a key made when it was shown."""
    occurrence = atelier_of("les-mulots", places=5).occurrences.get()
    client.force_login(user("mulots"))
    form = BeautifulSoup(client.get(url(occurrence)).content, "html.parser")
    key = form.find("input", attrs={"name": "form_key", "type": "hidden"})["value"]

    first = client.post(url(occurrence), {**PERSON, "form_key": key})
    again = client.post(url(occurrence), {**PERSON, "form_key": key})

    made = Registration.objects.get()
    assert first.url == again.url == f"/admin/agenda/inscriptions/{made.pk}/imprimer/"
    occurrence.refresh_from_db()
    assert occurrence.places_taken == 2


def test_a_full_session_without_waiting_list_is_refused_in_french(agenda, client):
    occurrence = atelier_of("les-mulots", places=2, waiting_list=False).occurrences.get()
    registration.register(occurrence, "Annie", "annie@exemple.fr", 1)
    client.force_login(user("mulots"))
    response = client.post(url(occurrence), PERSON)
    assert response.status_code == 200 and "Cette séance est complète." in response.content.decode()
    assert Registration.objects.count() == 1
    occurrence.refresh_from_db()
    assert occurrence.places_taken == 1


def test_a_full_session_with_a_waiting_list_puts_the_person_on_it(agenda, client):
    occurrence = atelier_of("les-mulots", places=1).occurrences.get()
    registration.register(occurrence, "Annie", "annie@exemple.fr", 1)
    client.force_login(user("coordination"))
    client.post(url(occurrence), {**PERSON, "people": "1"})
    made = Registration.objects.get(name="Josette")
    assert made.status == RegistrationStatus.WAITING
    page = client.get(f"/admin/agenda/inscriptions/{made.pk}/imprimer/").content.decode()
    assert "Vous êtes sur la liste d" in page


def test_a_freed_place_goes_to_someone_without_email_and_the_team_member_is_told_to_call(agenda):
    occurrence = atelier_of("les-mulots", places=1).occurrences.get()
    annie = registration.register(occurrence, "Annie", "annie@exemple.fr", 1)
    registration.confirm_email(annie)
    team = user("mulots")
    josette = registration.register(occurrence, "Josette", "", 1, phone="02 99 71 00 00", registered_by=team)
    later = registration.register(occurrence, "Bernard", "bernard@exemple.fr", 1)
    registration.confirm_email(later)
    mail.outbox.clear()

    registration.cancel(annie)

    josette.refresh_from_db()
    assert josette.status == RegistrationStatus.REGISTERED  # first in line: hers at once, no offer to claim
    assert Registration.objects.get(pk=later.pk).status == RegistrationStatus.WAITING
    to_team = [message for message in mail.outbox if message.to == [team.email]]
    assert len(to_team) == 1 and "appelez Josette" in to_team[0].subject
    assert "02 99 71 00 00" in to_team[0].body and "Le smartphone pas à pas" in to_team[0].body
    assert all("bernard@exemple.fr" not in message.to for message in mail.outbox)


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"name": ""}, "Écrivez le prénom de la personne."),
        ({"people": "0"}, "Saisissez au moins 1 personne"),
        ({"people": "5"}, "inférieure ou égale à 4"),
        ({"phone": "0" * 31}, "30 caractères"),
    ],
)
def test_bad_input_is_refused_in_french_and_takes_no_place(agenda, client, changes, error):
    occurrence = atelier_of("les-mulots").occurrences.get()
    client.force_login(user("mulots"))
    response = client.post(url(occurrence), {**PERSON, **changes})
    assert response.status_code == 200 and error in response.content.decode()
    assert not Registration.objects.exists()
    occurrence.refresh_from_db()
    assert occurrence.places_taken == 0


def test_another_members_registrations_cannot_be_printed(agenda, client):
    occurrence = atelier_of("depantek").occurrences.get()
    client.force_login(user("mulots"))
    made = registration.register(occurrence, "Bernard", "", 1, registered_by=user("depantek"))
    assert refused(client.get(f"/admin/agenda/inscriptions/{made.pk}/imprimer/"))


def test_the_printed_confirmation_says_when_where_and_whom_to_call(agenda, client):
    member = MemberPage.objects.get(slug="les-mulots")
    start = paris(2027, 3, 11, 14)  # a Thursday
    occurrence = atelier_of(
        "les-mulots",
        start=start,
        end=start + datetime.timedelta(hours=2),
        place_name="Médiathèque",
        place_address="2 rue du Port, 35600 Redon",
        accessibility="Entrée par la cour, ascenseur à gauche.",
    ).occurrences.get()
    client.force_login(user("mulots"))
    client.post(url(occurrence), PERSON)
    page = client.get(f"/admin/agenda/inscriptions/{Registration.objects.get().pk}/imprimer/")
    text = " ".join(BeautifulSoup(page.content, "html.parser").get_text(" ").split())
    assert "Votre inscription est faite" in text and "Le smartphone pas à pas" in text
    assert "jeudi 11 mars, de 14 h à 16 h" in text
    assert "Médiathèque" in text and "2 rue du Port, 35600 Redon" in text
    assert "Entrée par la cour, ascenseur à gauche." in text
    assert "Josette" in text
    assert member.phone and f"{member.title} : {member.phone}" in text
    assert "size: A4" in page.content.decode()


def test_emails_skip_people_without_an_address(agenda):
    occurrence = atelier_of("les-mulots").occurrences.get()
    made = registration.register(occurrence, "Josette", "", 1, registered_by=user("mulots"))
    registration.cancel(made)
    registration.cancel_occurrence(occurrence)
    assert mail.outbox == []


def test_a_registration_by_the_team_is_not_expired_for_an_unconfirmed_address(agenda):
    occurrence = atelier_of("les-mulots").occurrences.get()
    made = registration.register(occurrence, "Josette", "", 1, registered_by=user("mulots"))
    registration.expire(now=made.created_at + registration.UNCONFIRMED_VALIDITY + datetime.timedelta(hours=1))
    made.refresh_from_db()
    assert made.status == RegistrationStatus.REGISTERED


def test_the_public_form_still_requires_an_email(agenda, client):
    atelier = atelier_of("les-mulots")
    occurrence = atelier.occurrences.get()
    response = client.post(f"{atelier.url}s-inscrire/{occurrence.pk}/", {"name": "Annie", "people": "1"})
    assert response.status_code == 400
    assert not Registration.objects.exists()


def test_the_team_cancels_for_someone_who_calls_and_the_places_are_freed(agenda, client):
    occurrence = atelier_of("les-mulots", places=3).occurrences.get()
    made = registration.register(occurrence, "Josette", "", 2, registered_by=user("mulots"))
    cancel_url = f"/admin/agenda/inscriptions/{made.pk}/annuler/"
    client.force_login(user("depantek"))
    assert refused(client.post(cancel_url))
    client.force_login(user("mulots"))
    inspect = client.get(f"/admin/agenda/occurrence/inspect/{occurrence.pk}/").content.decode()
    assert cancel_url in inspect and "désinscrire Josette" in inspect
    assert "Josette" in client.get(cancel_url).content.decode()
    made.refresh_from_db()
    assert made.status == RegistrationStatus.REGISTERED  # opening the page changes nothing
    response = client.post(cancel_url)
    assert response.status_code == 302 and response.url == f"/admin/agenda/occurrence/inspect/{occurrence.pk}/"
    made.refresh_from_db()
    occurrence.refresh_from_db()
    assert made.status == RegistrationStatus.CANCELLED and occurrence.places_taken == 0
    assert mail.outbox == []
