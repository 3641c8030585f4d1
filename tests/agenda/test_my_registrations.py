"""« Mes réservations et inscriptions »: the link sent for an address lists its room
bookings and its upcoming atelier registrations, each with its way to cancel."""

import datetime

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from bs4 import BeautifulSoup

from agenda import registration
from agenda.models import Registration, RegistrationStatus
from booking import rules
from booking.models import Booking, Status
from tests.agenda.factories import make_atelier
from tests.booking.conftest import make_room


def mine(client, email):
    response = client.get(reverse("booking_mine", args=[rules.make_email_token(email)]))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def register(atelier, email, name="Annie"):
    return registration.register(atelier.occurrences.get(), name, email, 1)


def book(email):
    start = timezone.now() + datetime.timedelta(days=3)
    return Booking.objects.create(
        room=make_room(name=f"Salle de {email}"),
        name="Annie",
        email=email,
        start=start,
        end=start + datetime.timedelta(hours=1),
        blocked_until=start + datetime.timedelta(hours=1),
        people=1,
        status=Status.CONFIRMED,
    )


def test_the_page_lists_bookings_and_registrations_of_that_address_only(client, agenda):
    book("annie@exemple.fr")
    book("bob@exemple.fr")
    register(make_atelier(title="Premiers pas sur la tablette"), "Annie@Exemple.fr")
    full = make_atelier(title="Atelier complet", places=1, waiting_list=True)
    register(full, "bob@exemple.fr", name="Bob")
    waiting = register(full, "annie@exemple.fr")
    assert waiting.status == RegistrationStatus.WAITING
    register(make_atelier(title="Atelier de Bob"), "bob@exemple.fr", name="Bob")

    page = mine(client, "annie@exemple.fr")
    assert page.h1.get_text() == "Mes réservations et inscriptions"
    text = page.get_text()
    assert "Salle de annie@exemple.fr" in text and "Salle de bob@exemple.fr" not in text
    items = page.select(".my-registrations__item")
    assert [item.a.get_text().split(",")[0] for item in items] == ["Premiers pas sur la tablette", "Atelier complet"]
    assert "Liste d'attente" in items[1].get_text()
    assert "Atelier de Bob" not in text
    cancel = items[1].find("a", class_="button")
    assert "Quitter la liste d'attente" in cancel.get_text()
    # The link's token is signed with the time: read it back rather than sign another a second later.
    token = cancel["href"].split("/")[-3]
    assert cancel["href"] == reverse("agenda_registration_cancel", args=[token])
    assert Registration.from_token(token) == waiting
    assert client.get(cancel["href"]).status_code == 200  # the existing cancellation step


def test_a_cancelled_or_past_registration_is_not_listed(client, agenda):
    kept = register(make_atelier(title="Atelier gardé"), "annie@exemple.fr")
    registration.cancel(register(make_atelier(title="Atelier annulé"), "annie@exemple.fr"))
    past = make_atelier(title="Atelier passé", start=timezone.now() - datetime.timedelta(days=3))
    Registration.objects.create(
        occurrence=past.occurrences.get(), name="Annie", email="annie@exemple.fr", status=RegistrationStatus.REGISTERED
    )
    titles = [item.a.get_text() for item in mine(client, "annie@exemple.fr").select(".my-registrations__item")]
    assert len(titles) == 1 and titles[0].startswith("Atelier gardé")
    registration.cancel(kept)
    page = mine(client, "annie@exemple.fr")
    assert not page.select(".my-registrations__item")
    assert "Aucune inscription à venir avec cette adresse." in page.get_text()


def test_another_address_token_shows_nothing_of_this_one(client, agenda):
    register(make_atelier(title="Atelier d'Annie"), "annie@exemple.fr")
    page = mine(client, "bob@exemple.fr")
    assert "Atelier d'Annie" not in page.get_text()
    assert "annie@exemple.fr" not in page.get_text()
    forged = reverse("booking_mine", args=["annie@exemple.fr"])
    assert client.get(forged).status_code == 400


def test_someone_with_only_registrations_gets_the_link(client, agenda):
    register(make_atelier(title="Atelier d'Annie"), "annie@exemple.fr")
    mail.outbox.clear()
    client.post(reverse("booking_mine_request"), {"email": "annie@exemple.fr"})
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Vos réservations et inscriptions"
    client.post(reverse("booking_mine_request"), {"email": "personne@exemple.fr"})
    assert len(mail.outbox) == 1
