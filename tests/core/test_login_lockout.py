"""No guessing passwords: the admin login locks an account out for a while after
too many wrong passwords from one address; Coordination sees and lifts lockouts."""

import datetime
import io

from django.core.management import call_command
from django.test import Client

import pytest
from axes.models import AccessAttempt

from home.demo import DEMO_PASSWORD

LOGIN = "/admin/login/"


def attempt(client, password, address="192.0.2.10"):
    return client.post(LOGIN, {"username": "coordination", "password": password}, REMOTE_ADDR=address)


@pytest.fixture
def locked_out(demo_site, settings):
    client = Client()
    statuses = [attempt(client, f"devine-{n}").status_code for n in range(settings.AXES_FAILURE_LIMIT)]
    assert statuses == [200] * (settings.AXES_FAILURE_LIMIT - 1) + [429]
    return client


def test_after_five_wrong_passwords_even_the_right_one_is_refused_with_a_french_page(locked_out):
    response = attempt(locked_out, DEMO_PASSWORD)
    page = response.content.decode()
    assert response.status_code == 429
    assert "Compte momentanément bloqué" in page and "bloqué pendant 15 minutes" in page
    assert "_auth_user_id" not in locked_out.session


def test_the_lockout_is_for_that_account_from_that_address_only(locked_out):
    assert attempt(Client(), DEMO_PASSWORD, address="198.51.100.20").status_code == 302


def test_the_lockout_ends_by_itself(locked_out, settings):
    later = AccessAttempt.objects.get().attempt_time - settings.AXES_COOLOFF_TIME - datetime.timedelta(seconds=1)
    AccessAttempt.objects.update(attempt_time=later)
    assert attempt(locked_out, DEMO_PASSWORD).status_code == 302


def test_a_command_unlocks_at_once(locked_out):
    call_command("axes_reset_username", "coordination", stdout=io.StringIO())
    assert attempt(locked_out, DEMO_PASSWORD).status_code == 302


def test_coordination_sees_the_lockout_and_lifts_it(locked_out, django_user_model):
    staff = Client()
    staff.force_login(django_user_model.objects.get(username="admin"))
    coordinator = Client()
    coordinator.force_login(django_user_model.objects.create_user("coord2", password="x"))
    coordinator_user = django_user_model.objects.get(username="coord2")
    coordinator_user.groups.add(*django_user_model.objects.get(username="coordination").groups.all())
    page = coordinator.get("/admin/comptes-bloques/").content.decode()
    assert "coordination" in page and "192.0.2.10" in page and "Débloquer" in page
    assert "/admin/comptes-bloques/" in coordinator.get("/admin/").content.decode()  # the menu item
    coordinator.post("/admin/comptes-bloques/", {"attempt": AccessAttempt.objects.get().pk})
    assert "Aucun compte n'est bloqué" in coordinator.get("/admin/comptes-bloques/").content.decode()
    assert attempt(locked_out, DEMO_PASSWORD).status_code == 302


def test_a_member_cannot_see_or_lift_lockouts(locked_out, django_user_model):
    member = Client()
    member.force_login(django_user_model.objects.get(username="mulots"))
    assert member.get("/admin/comptes-bloques/").status_code in (302, 403)
    member.post("/admin/comptes-bloques/", {"attempt": AccessAttempt.objects.get().pk})
    assert AccessAttempt.objects.exists()
    assert "/admin/comptes-bloques/" not in member.get("/admin/").content.decode()


def test_a_username_too_long_for_any_account_is_counted_without_failing(demo_site):
    for path in ("/admin/login/", "/_util/login/"):
        response = Client().post(path, {"username": "a" * 5000, "password": "x"})
        assert response.status_code == 200, path
    assert AccessAttempt.objects.filter(username="a" * 150).exists()  # counted, under the cut name
