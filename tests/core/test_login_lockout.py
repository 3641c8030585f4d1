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


def test_spraying_a_few_passwords_over_every_account_from_one_address_is_locked_out(demo_site, settings, client):
    accounts = ["mulots", "clicnpuces", "depantek", "ecotais", "riwal", "vilainebidouille", "coordination", "admin"]
    for password in ["azerty", "123456", "motdepasse", "soleil"]:
        for username in accounts:
            client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR="192.0.2.10")
    assert 4 * len(accounts) > settings.LOGIN_ADDRESS_FAILURE_LIMIT
    # Each pair failed 4 times only (under axes's 5), yet the address is locked for every account.
    right = {"username": "mulots", "password": DEMO_PASSWORD}
    locked = Client().post(LOGIN, right, REMOTE_ADDR="192.0.2.10")
    assert locked.status_code == 429 and "Compte momentanément bloqué" in locked.content.decode()
    assert Client().post(LOGIN, right, REMOTE_ADDR="198.51.100.9").status_code == 302


def test_one_account_tried_from_many_addresses_is_locked_out(demo_site, settings):
    for number in range(settings.LOGIN_ACCOUNT_FAILURE_LIMIT):
        attempt(Client(), f"devine-{number}", address=f"203.0.113.{number + 1}")
    assert attempt(Client(), DEMO_PASSWORD, address="198.51.100.20").status_code == 429
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.first().attempt_time - settings.AXES_COOLOFF_TIME)
    assert attempt(Client(), DEMO_PASSWORD, address="198.51.100.20").status_code == 302


def test_password_reset_requests_are_limited_per_address(demo_site, settings, client, mailoutbox):
    settings.WAGTAIL_PASSWORD_RESET_ENABLED = True
    statuses = [
        client.post("/admin/password_reset/", {"email": "coordination@exemple.fr"}).status_code
        for _ in range(settings.PASSWORD_RESETS_PER_HOUR + 2)
    ]
    assert statuses == [302] * settings.PASSWORD_RESETS_PER_HOUR + [429, 429]
    refused = client.post("/admin/password_reset/", {"email": "coordination@exemple.fr"}, follow=True)
    assert "Trop de demandes" in refused.content.decode()
    assert len(mailoutbox) <= settings.PASSWORD_RESETS_PER_HOUR


def test_the_login_logs_are_erased_after_their_keeping_time(db, settings):
    from django.utils import timezone

    from axes.models import AccessFailureLog, AccessLog

    from core.jobs import prune_login_logs

    now = timezone.now()
    old = now - datetime.timedelta(days=settings.LOGIN_LOG_KEEP_DAYS, hours=1)
    for when in (old, now):
        fields = {"ip_address": "192.0.2.10", "user_agent": "Firefox", "username": "coordination"}
        # attempt_time is set on creation, whatever is given: changed after.
        for made in (
            AccessLog.objects.create(**fields),
            AccessFailureLog.objects.create(locked_out=False, **fields),
            AccessAttempt.objects.create(failures_since_start=1, **{**fields, "user_agent": str(when)}),
        ):
            type(made).objects.filter(pk=made.pk).update(attempt_time=when)
    assert prune_login_logs(now=now) == "3 trace(s) de connexion effacée(s)."
    for model in (AccessLog, AccessFailureLog, AccessAttempt):
        assert list(model.objects.values_list("attempt_time", flat=True)) == [now], model
