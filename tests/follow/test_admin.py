"""Coordination's dashboard counts the subscriptions without showing an address."""

from django.contrib.auth import get_user_model

import pytest

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
