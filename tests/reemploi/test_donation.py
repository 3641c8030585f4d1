"""« Je donne un appareil »: the public form, its confirmation by a link, the same form sent
twice, hostile input, the rate limit, and where to bring the device."""

import re
from html import unescape

from django.core import mail

import pytest

from reemploi.models import Donation, ReemploiSettings
from tests.concurrency import post_all_at_once
from tests.reemploi.conftest import DONATION

pytestmark = pytest.mark.django_db

FORM = "/reemploi/donner/"


def sent():
    """The donations these tests send (the demo has its own)."""
    return Donation.objects.filter(email=DONATION["email"])


def link_path(message):
    return re.search(r"http://testserver(/reemploi/don/\S+/)", message.body).group(1)


def test_form_links_the_guide_on_erasing_and_states_the_delay(client, site, settings):
    html = client.get(FORM).content.decode()
    assert "Vider un vieil ordinateur avant de le donner" in html
    assert f"effacés {settings.REEMPLOI_KEEP_DAYS} jours après la dernière étape" in html


def test_donation_is_stored_promised_and_the_donor_told_where_and_when(client, site):
    response = client.post(FORM, {**DONATION, "form_key": "cle-1"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Merci pour votre don" in html
    assert "Où et quand l'apporter\u00a0: Clic'n Puces" in unescape(html)
    assert "<caption>Horaires d'ouverture</caption>" in unescape(html)
    made = Donation.objects.get(form_key="cle-1")
    assert (made.status, made.quantity, made.member.slug, made.confirmed_at) == ("promis", 2, "clic-n-puces", None)
    (message,) = mail.outbox
    assert message.to == ["helene@exemple.fr"]
    assert made.member.street_address in message.body


def test_the_link_confirms_only_with_the_button(client, site):
    client.post(FORM, {**DONATION, "form_key": "cle-2"})
    path = link_path(mail.outbox[0])
    page = client.get(path)
    assert page.status_code == 200 and "Confirmer mon adresse" in page.content.decode()
    assert sent().get().confirmed_at is None
    client.post(path)
    assert sent().get().confirmed_at is not None
    assert "Confirmer mon adresse" not in client.get(path).content.decode()


def test_a_forged_link_is_refused(client, site):
    response = client.get("/reemploi/don/pas-un-jeton/")
    assert response.status_code == 400
    assert "Ce lien n'est pas valable" in response.content.decode()


def test_the_same_form_sent_again_makes_one_donation(client, site):
    client.post(FORM, {**DONATION, "form_key": "cle-3"})
    client.post(FORM, {**DONATION, "form_key": "cle-3"})
    assert sent().count() == 1
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"email": "pas-une-adresse"}, "Saisissez votre adresse électronique complète, par exemple nom@exemple.fr"),
        ({"quantity": "0"}, "Assurez-vous que cette valeur est supérieure ou égale à 1."),
        ({"quantity": "99999999999999999999"}, "Assurez-vous que cette valeur est inférieure ou égale à 200."),
        ({"kind": "1; DROP TABLE"}, "Sélectionnez un choix valide."),
        ({"age": "<script>"}, "Sélectionnez un choix valide."),
        ({"name": "x" * 101}, "Assurez-vous que cette valeur comporte au plus 100 caractères"),
        ({"name": "Nul\x00octet"}, "Le caractère nul n’est pas autorisé."),
        ({"website": "http://spam.example"}, "Ce formulaire n'a pas pu être envoyé."),
    ],
)
def test_hostile_input_gets_a_french_error_and_stores_nothing(client, site, data, error):
    response = client.post(FORM, {**DONATION, **data})
    assert response.status_code == 400
    assert error in unescape(response.content.decode())
    assert not sent().exists()
    assert mail.outbox == []


def test_rate_limit_refuses_in_french(client, site, settings):
    settings.REEMPLOI_REQUESTS_PER_HOUR = 1
    client.post(FORM, {**DONATION, "form_key": "a"})
    response = client.post(FORM, {**DONATION, "form_key": "b"})
    assert response.status_code == 429
    assert "Trop de demandes depuis votre connexion" in response.content.decode()
    assert sent().count() == 1


def test_without_a_receiving_member_the_form_is_closed(client, site):
    ReemploiSettings.objects.update(receiving_member=None)
    response = client.post(FORM, {**DONATION, "form_key": "c"})
    assert "Les dons d'appareils ne sont pas ouverts" in response.content.decode()
    assert not sent().exists()


@pytest.mark.django_db(transaction=True)
def test_the_same_form_sent_twenty_times_at_once_makes_one_donation(demo_site, live_server, settings):
    settings.REEMPLOI_REQUESTS_PER_HOUR = 1000
    statuses = post_all_at_once(f"{live_server.url}{FORM}", [{**DONATION, "form_key": "meme-cle"}] * 20)
    assert statuses == [200] * 20
    assert Donation.objects.filter(form_key="meme-cle").count() == 1
