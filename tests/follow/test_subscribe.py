"""The form, the confirmation by button, the choices and the unsubscription pages."""

import re

from django.core import mail
from django.urls import reverse

import pytest

from agenda.models import Category
from follow.models import Subscription
from home.models import MemberPage
from tests.follow.conftest import subscribe

pytestmark = pytest.mark.django_db

FORM = "/suivre-les-ateliers/"


def post_form(client, **data):
    return client.post(FORM, {"email": "suzanne@exemple.fr", "rhythm": "weekly", **data})


def link(message, name):
    """The path of the link called `name` in the mail's text (« Se désabonner : https://… »)."""
    for line in message.body.splitlines():
        if "http://testserver/suivre-les-ateliers/" in line and (name in line or name == "confirm"):
            return line[line.index("http://testserver") + len("http://testserver") :].strip()
    raise AssertionError(f"no {name} link in {message.body}")


def test_form_shows_choices_in_fieldsets(client, home_page):
    response = client.get(FORM)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<fieldset") == 4
    assert "<legend>Quand recevoir les courriels</legend>" in html
    assert 'type="radio"' in html and 'name="audiences"' in html


def test_valid_form_stores_unconfirmed_and_mails_a_confirmation_link(client, home_page):
    category = Category.objects.first()
    member = MemberPage.objects.live().first()
    response = post_form(client, categories=[category.slug], members=[member.slug], audiences=["seniors"])
    assert response.status_code == 200
    assert "Regardez vos courriels" in response.content.decode()
    subscription = Subscription.objects.get()
    assert subscription.confirmed_at is None
    assert subscription.audiences == ["seniors"]
    assert list(subscription.categories.all()) == [category]
    assert list(subscription.members.all()) == [member]
    (message,) = mail.outbox
    assert message.to == ["suzanne@exemple.fr"]
    assert "/suivre-les-ateliers/confirmer/" in message.body


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"email": "pas-une-adresse"}, "Saisissez votre adresse électronique complète, par exemple nom@exemple.fr"),
        ({"email": ""}, "Saisissez votre adresse électronique, par exemple nom@exemple.fr"),
        ({"rhythm": "tous-les-jours"}, "Sélectionnez un choix valide."),
        ({"audiences": ["martiens"]}, "Sélectionnez un choix valide."),
        ({"categories": ["99999999999999999999"]}, "Sélectionnez un choix valide."),
        ({"website": "http://spam.example"}, "pas pu être envoyé."),
    ],
)
def test_bad_input_is_refused_in_french_stores_nothing_and_mails_nothing(client, home_page, data, error):
    response = post_form(client, **data)
    assert response.status_code == 400
    assert error in response.content.decode()
    assert not Subscription.objects.exists()
    assert mail.outbox == []


def test_rate_limit_refuses_in_french(client, home_page, settings):
    settings.FOLLOW_REQUESTS_PER_HOUR = 1
    post_form(client)
    response = post_form(client, email="autre@exemple.fr")
    assert response.status_code == 429
    assert "Trop de demandes" in response.content.decode()
    assert Subscription.objects.count() == 1


def test_known_address_gets_the_same_answer_and_a_mail_to_manage_its_choices(client, home_page):
    known = subscribe(rhythm="each")
    response = post_form(client, email="Suzanne@exemple.fr", rhythm="weekly")
    assert response.status_code == 200
    assert "Regardez vos courriels" in response.content.decode()
    known.refresh_from_db()
    assert known.rhythm == "each"
    (message,) = mail.outbox
    assert "déjà abonnée" in message.body
    # The link is signed at the second of sending: it is read back, not rebuilt.
    (token,) = set(re.findall(r"/suivre-les-ateliers/mes-choix/([^/\s]+)/", message.body))
    assert Subscription.from_token(token) == known


def test_confirmation_link_changes_nothing_until_the_button_is_pressed(client, home_page):
    post_form(client)
    confirm_path = link(mail.outbox[0], "confirm")
    page = client.get(confirm_path)
    assert page.status_code == 200
    assert "Confirmer mon abonnement" in page.content.decode()
    assert "no-store" in page["Cache-Control"]
    assert Subscription.objects.get().confirmed_at is None
    response = client.post(confirm_path)
    assert response.status_code == 302
    assert Subscription.objects.get().confirmed_at is not None
    assert "Votre abonnement est confirmé" in client.get(confirm_path).content.decode()


def test_manage_page_saves_new_choices(client, home_page):
    subscription = subscribe(rhythm="each", audiences=["jeunes"])
    path = reverse("follow_manage", args=[subscription.make_token()])
    assert 'value="jeunes" id="id_audiences_1" checked' in client.get(path).content.decode()
    response = client.post(path, {"rhythm": "weekly", "audiences": ["seniors", "parents"]}, follow=True)
    assert "Vos choix sont enregistrés." in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.rhythm == "weekly"
    assert subscription.audiences == ["seniors", "parents"]


def test_unsubscribe_page_erases_only_on_the_button(client, home_page):
    subscription = subscribe()
    path = reverse("follow_unsubscribe", args=[subscription.make_token()])
    assert "Oui, me désabonner" in client.get(path).content.decode()
    assert Subscription.objects.exists()
    response = client.post(path)
    assert "Votre abonnement est arrêté" in response.content.decode()
    assert not Subscription.objects.exists()


def test_one_click_unsubscribes_with_the_rfc_8058_body_without_csrf_token(home_page):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    subscription = subscribe()
    path = reverse("follow_one_click", args=[subscription.make_token()])
    assert client.post(path, {}).status_code == 400
    assert Subscription.objects.exists()
    response = client.post(path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert not Subscription.objects.exists()
    # Sent again by the mail app: still fine; a forged address is refused.
    assert client.post(path, {"List-Unsubscribe": "One-Click"}).status_code == 200
    forged = reverse("follow_one_click", args=["n-importe-quoi"])
    assert client.post(forged, {"List-Unsubscribe": "One-Click"}).status_code == 400


def test_one_click_address_opened_in_a_browser_leads_to_the_button(client, home_page):
    subscription = subscribe()
    token = subscription.make_token()
    response = client.get(reverse("follow_one_click", args=[token]))
    assert response["Location"] == reverse("follow_unsubscribe", args=[token])
    assert Subscription.objects.exists()


@pytest.mark.parametrize("name", ["follow_confirm", "follow_manage", "follow_unsubscribe"])
def test_tampered_or_stale_token_shows_a_french_error_page(client, home_page, name):
    subscription = subscribe()
    token = subscription.make_token()
    for bad in [token[:-2] + "xx", "n-importe-quoi"]:
        for method in (client.get, client.post):
            response = method(reverse(name, args=[bad]))
            assert response.status_code == 400
            assert "Ce lien n'est pas valable" in response.content.decode()
    subscription.delete()
    assert client.get(reverse(name, args=[token])).status_code == 400


@pytest.mark.django_db(transaction=True)
def test_ten_subscriptions_of_one_address_at_once_in_mixed_case_make_one(settings):
    """Ten presses at once, the address typed with different capitals: one subscription,
    never a 500 (PostgreSQL refused the second insert). Each press that found it
    unconfirmed asks again for the confirmation, as a second press later would."""
    from django.test import Client

    from tests.concurrency import call_together, minimal_site

    minimal_site()
    settings.FOLLOW_REQUESTS_PER_HOUR = 1000
    addresses = ["Suzanne@Exemple.fr", "suzanne@exemple.fr", "SUZANNE@EXEMPLE.FR", "suzanne@Exemple.fr"] * 3

    statuses = call_together(
        *[lambda email=email: post_form(Client(), email=email).status_code for email in addresses[:10]]
    )

    assert statuses == [200] * 10
    assert Subscription.objects.count() == 1
    assert {message.to[0].lower() for message in mail.outbox} == {"suzanne@exemple.fr"}


def test_an_address_known_in_another_case_is_recognised(client, home_page):
    subscribe(email="Suzanne@Exemple.fr", confirmed=True)
    response = post_form(client, email="suzanne@exemple.fr")
    assert response.status_code == 200
    assert Subscription.objects.count() == 1
    (message,) = mail.outbox
    assert message.to == ["Suzanne@Exemple.fr"]
