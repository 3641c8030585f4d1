"""Coordination's dashboard counts the subscriptions without showing an address; its
list finds an address and erases it, and is refused to member editors."""

from django.contrib.auth import get_user_model

from wagtail.models import ModelLogEntry

import pytest
from bs4 import BeautifulSoup

from agenda.models import Category
from follow.models import SentAtelier, Subscription
from home.models import MemberPage
from tests.agenda.factories import make_atelier
from tests.follow.conftest import subscribe

pytestmark = pytest.mark.django_db


def test_coordination_sees_how_many_addresses_follow_the_ateliers_but_not_which(client, home_page):
    subscribe(email="une@exemple.fr", rhythm="each")
    subscribe(email="deux@exemple.fr", rhythm="weekly")
    subscribe(email="trois@exemple.fr", rhythm="weekly")
    subscribe(email="quatre@exemple.fr", confirmed=False)
    client.force_login(get_user_model().objects.get(username="coordination"))
    html = client.get("/admin/").content.decode()
    assert "1 adresse reçoit chaque nouvel atelier" in html
    assert "2 adresses reçoivent le résumé du lundi" in html
    assert "1 adresse n'est pas encore confirmée" in html
    assert "exemple.fr" not in html


def test_members_do_not_see_the_count(client, home_page):
    client.force_login(get_user_model().objects.get(username="mulots"))
    assert "Ateliers par courriel" not in client.get("/admin/").content.decode()


# The list of the subscriptions: Coordination finds an address and erases it --------

LIST = "/admin/follow/subscription/"


def user(username):
    return get_user_model().objects.get(username=username)


@pytest.fixture
def two_addresses(agenda):
    """Suzanne follows repair and Les Mulots and was told of one atelier; Paul follows everything."""
    repair = Category.objects.order_by("pk").first()
    suzanne = subscribe(
        email="suzanne@exemple.fr", categories=[repair], members=[MemberPage.objects.get(slug="les-mulots")]
    )
    paul = subscribe(email="paul@exemple.fr", rhythm="weekly", confirmed=False)
    atelier = make_atelier(title="Réparer son grille-pain")
    for subscription in (suzanne, paul):
        SentAtelier.objects.create(subscription=subscription, atelier=atelier)
    return suzanne, paul


def test_coordination_lists_the_addresses_and_what_each_follows(two_addresses, client):
    client.force_login(user("coordination"))
    assert LIST in client.get("/admin/").content.decode()  # its menu entry
    rows = BeautifulSoup(client.get(LIST).content, "html.parser").select("tbody tr")
    text = {row.get_text(" ", strip=True) for row in rows}
    (suzanne,) = [row for row in text if "suzanne@exemple.fr" in row]
    (paul,) = [row for row in text if "paul@exemple.fr" in row]
    assert "À chaque nouvel atelier" in suzanne and "oui" in suzanne and "Les Mulots" in suzanne
    assert "Une fois par semaine" in paul and "non" in paul and paul.endswith("tout")


def test_coordination_finds_an_address_by_part_of_it(two_addresses, client):
    client.force_login(user("coordination"))
    body = client.get(LIST, {"q": "SUZANNE@exe"}).content.decode()
    assert "suzanne@exemple.fr" in body and "paul@exemple.fr" not in body


def test_coordination_erases_an_address_with_its_choices_and_what_it_was_sent(two_addresses, client):
    suzanne, paul = two_addresses
    client.force_login(user("coordination"))
    confirm = BeautifulSoup(client.get(f"{LIST}delete/{suzanne.pk}/").content, "html.parser")
    assert "Effacer l'adresse suzanne@exemple.fr, ses choix" in confirm.main.get_text()
    response = client.post(f"{LIST}delete/{suzanne.pk}/")
    assert response.status_code == 302 and response["Location"] == LIST
    assert list(Subscription.objects.values_list("email", flat=True)) == ["paul@exemple.fr"]
    assert list(SentAtelier.objects.values_list("subscription", flat=True)) == [paul.pk]
    assert not Subscription.categories.through.objects.filter(subscription_id=suzanne.pk).exists()
    assert not Subscription.members.through.objects.filter(subscription_id=suzanne.pk).exists()
    assert Category.objects.exists() and MemberPage.objects.filter(slug="les-mulots").exists()
    # Wagtail's history keeps a trace of the erasure, not the address.
    (entry,) = ModelLogEntry.objects.filter(action="wagtail.delete", object_id=str(suzanne.pk))
    assert "exemple.fr" not in entry.label and entry.user == user("coordination")


def test_nobody_adds_or_changes_someone_elses_choices_in_the_admin(two_addresses, client):
    suzanne, _paul = two_addresses
    for username in ("coordination", "admin"):
        client.force_login(user(username))
        body = client.get(LIST).content.decode()
        assert f"{LIST}create/" not in body and f"{LIST}edit/" not in body
        for url in (f"{LIST}create/", f"{LIST}edit/{suzanne.pk}/"):
            assert client.get(url)["Location"] == "/admin/"
            assert client.post(url, {"email": "autre@exemple.fr", "rhythm": "weekly"})["Location"] == "/admin/"
    suzanne.refresh_from_db()
    assert suzanne.rhythm == "each" and not Subscription.objects.filter(email="autre@exemple.fr").exists()


def test_member_editors_are_refused_the_list_and_the_erasure(two_addresses, client):
    suzanne, _paul = two_addresses
    client.force_login(user("mulots"))
    assert LIST not in client.get("/admin/").content.decode()  # no menu entry
    for response in (
        client.get(LIST),
        client.get(f"{LIST}delete/{suzanne.pk}/"),
        client.post(f"{LIST}delete/{suzanne.pk}/"),
    ):
        # Wagtail's admin turns the refusal into a redirect to the dashboard, with a message.
        assert response.status_code == 302 and response["Location"] == "/admin/"
    assert Subscription.objects.count() == 2 and SentAtelier.objects.count() == 2


@pytest.mark.parametrize(
    "query",
    [
        "key__startswith=!",  # keys are letters and digits: applied, it would hide every row
        "sent__atelier__owner__password__startswith=md5",
        "email__regex=(",
        "confirmed_at__gte=pas-une-date",
        "o=99",
        "o=abc",
        "p=0",
        "p=-1",
        "p=99999",
        "q=%00",
        "q=" + "x" * 5000,
        "q=%27%22%3Cscript%3E",
        "e=1",
        "rhythm__exact=inconnu",
    ],
)
def test_hostile_query_strings_never_fail(two_addresses, client, query):
    client.force_login(user("coordination"))
    response = client.get(f"{LIST}?{query}")
    assert response.status_code in {200, 302}
    if query.startswith(("key__", "sent__")):  # lookups the list does not offer are ignored
        assert "suzanne@exemple.fr" in response.content.decode()
