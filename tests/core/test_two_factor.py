"""Two-factor codes for the admin: required of Coordination and superusers, offered to
members; a code works once, wrong codes slow the next tries; a lost phone is removed
by Coordination's admin or a command."""

import io
import re
import time

from django.core.management import CommandError, call_command
from django.test import Client

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from core import twofactor
from home.demo import DEMO_PASSWORD

LOGIN, CODE, NEW_DEVICE = "/admin/login/", "/admin/2fa/auth", "/admin/2fa/devices/new"


@pytest.fixture(autouse=True)
def codes_required(settings):
    settings.WAGTAIL_2FA_REQUIRED = True


def code(device, steps_ahead=0):
    """What the person's phone shows now (or `steps_ahead` periods of 30 s later)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return totp.token()


def logged_in(username):
    client = Client()
    response = client.post(LOGIN, {"username": username, "password": DEMO_PASSWORD})
    assert response.status_code == 302
    return client


def add_device(client, username):
    """Adds a code app the way the page asks: reads the key, types a code and the password."""
    page = client.get(NEW_DEVICE).content.decode()
    key = re.search(r"<code>([A-Z2-7 ]+)</code>", page).group(1)
    device = TOTPDevice.objects.get(user__username=username, confirmed=False)
    assert key == twofactor.readable_key(device)
    response = client.post(NEW_DEVICE, {"name": "Téléphone", "otp_token": code(device), "password": DEMO_PASSWORD})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    return device


def test_coordination_with_a_password_only_is_sent_to_add_a_code_app(demo_site):
    client = logged_in("coordination")
    for url in ["/admin/", "/admin/pages/", "/admin/comptes-bloques/"]:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(NEW_DEVICE), url
    page = client.get(NEW_DEVICE).content.decode()
    assert "Connexion en deux étapes" in page and "Aegis" in page and "FreeOTP" in page
    assert 'alt="Code QR à photographier' in page
    assert "Code à 6 chiffres" in page and "Votre mot de passe actuel" in page
    qr = client.get("/admin/2fa/devices/qr-code")
    assert qr["Content-Type"] == "image/svg+xml" and b"<svg" in qr.content


def test_a_wrong_code_or_password_adds_nothing_and_says_why_in_french(demo_site):
    client = logged_in("coordination")
    client.get(NEW_DEVICE)
    device = TOTPDevice.objects.get(user__username="coordination")
    wrong = "000000" if code(device) != "000000" else "111111"
    response = client.post(NEW_DEVICE, {"name": "Téléphone", "otp_token": wrong, "password": "pas-le-bon"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Jeton invalide" in page and "Mot de passe invalide" in page
    assert not TOTPDevice.objects.filter(confirmed=True).exists()
    assert client.get("/admin/").status_code == 302


def test_once_added_the_admin_opens_and_the_next_login_asks_for_a_code(demo_site):
    first = logged_in("coordination")
    device = add_device(first, "coordination")
    assert first.get("/admin/").status_code == 200

    client = logged_in("coordination")
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith(CODE)
    page = client.get(response["Location"]).content.decode()
    assert "Saisissez le code de votre application" in page and 'autocomplete="one-time-code"' in page

    response = client.post(CODE, {"otp_token": code(device, steps_ahead=1), "next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_code_works_once_and_wrong_codes_slow_the_next_tries(demo_site):
    device = add_device(logged_in("coordination"), "coordination")
    client = logged_in("coordination")
    # The code that just confirmed the app cannot be used again (someone looking over a shoulder).
    page = client.post(CODE, {"otp_token": code(device)}).content.decode()
    assert "Ce code ne convient pas" in page
    for _ in range(2):  # with the code reused, one wrong code short of the lockout (LOGIN_FAILURE_LIMIT)
        client.post(CODE, {"otp_token": "000000"})
    # After a few wrong codes even the right one waits a few seconds: no guessing a million codes.
    response = client.post(CODE, {"otp_token": code(device, steps_ahead=1)})
    assert response.status_code == 200 and "Ce code ne convient pas" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_members_may_go_without_codes_but_once_added_they_are_asked(demo_site):
    client = logged_in("mulots")
    assert client.get("/admin/").status_code == 200
    add_device(client, "mulots")
    response = logged_in("mulots").get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith(CODE)


def test_the_public_site_is_not_asked_for_a_code(demo_site):
    client = logged_in("coordination")
    assert client.get("/").status_code == 200


def test_coordination_holds_the_permission_that_requires_codes(demo_site, django_user_model):
    assert django_user_model.objects.get(username="coordination").has_perm(twofactor.ENABLE_2FA)
    assert not django_user_model.objects.get(username="mulots").has_perm(twofactor.ENABLE_2FA)


def test_the_superuser_removes_a_lost_phone_a_member_cannot_remove_anothers(demo_site, django_user_model):
    device = add_device(logged_in("mulots"), "mulots")
    other = logged_in("clicnpuces")
    response = other.post(f"/admin/2fa/devices/{device.pk}/remove")
    assert response.status_code == 302 and response["Location"] == "/admin/"  # Wagtail's « no permission »
    assert TOTPDevice.objects.filter(pk=device.pk).exists()
    admin_device = TOTPDevice.objects.create(user=django_user_model.objects.get(username="admin"), confirmed=True)
    admin = logged_in("admin")
    assert admin.post(CODE, {"otp_token": code(admin_device)}).status_code == 302
    response = admin.post(f"/admin/2fa/devices/{device.pk}/remove")
    assert response.status_code == 302 and response["Location"] == f"/admin/2fa/devices/{device.user_id}"
    assert not TOTPDevice.objects.filter(pk=device.pk).exists()
    assert admin.post("/admin/2fa/devices/999999/remove").status_code == 404


def test_the_qr_code_is_a_404_when_no_app_is_being_added(demo_site):
    client = logged_in("mulots")
    assert client.get("/admin/2fa/devices/qr-code").status_code == 404


def test_a_command_removes_a_lost_phone(demo_site):
    add_device(logged_in("coordination"), "coordination")
    out = io.StringIO()
    call_command("remove_2fa", "coordination", stdout=out)
    assert "1 application(s) de codes retirée(s)" in out.getvalue()
    assert not TOTPDevice.objects.exists()
    response = logged_in("coordination").get("/admin/")
    assert response["Location"].startswith(NEW_DEVICE)
    with pytest.raises(CommandError, match="Aucun compte «\u00a0personne\u00a0»"):
        call_command("remove_2fa", "personne")


def test_wrong_codes_lock_the_account_across_its_apps_like_wrong_passwords(demo_site, settings):
    from axes.models import AccessAttempt

    first = add_device(logged_in("coordination"), "coordination")
    second = TOTPDevice.objects.create(user=first.user, name="Tablette", confirmed=True)
    client = logged_in("coordination")
    wrong = next(guess for guess in ("000000", "111111", "222222") if guess not in (code(first), code(second)))
    for _ in range(20):
        client.post(CODE, {"otp_token": wrong})
    response = client.post(CODE, {"otp_token": code(second)})
    assert response.status_code == 429 and "Compte momentanément bloqué" in response.content.decode()
    assert client.get("/admin/").status_code == 302
    # The password is locked too, from this address.
    assert Client().post(LOGIN, {"username": "coordination", "password": DEMO_PASSWORD}).status_code == 429

    # When the lockout ends (and the apps' wait after wrong codes), the second app's code opens the admin.
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.first().attempt_time - settings.AXES_COOLOFF_TIME)
    TOTPDevice.objects.update(throttling_failure_timestamp=None, throttling_failure_count=0)
    response = client.post(CODE, {"otp_token": code(second, steps_ahead=1), "next": "/admin/"})
    assert response.status_code == 302 and client.get("/admin/").status_code == 200


def test_while_one_app_waits_after_wrong_codes_another_apps_code_waits_too(demo_site):
    first = add_device(logged_in("coordination"), "coordination")
    second = TOTPDevice.objects.create(user=first.user, name="Tablette", confirmed=True)
    client = logged_in("coordination")
    wrong = next(guess for guess in ("000000", "111111", "222222") if guess not in (code(first), code(second)))
    client.post(CODE, {"otp_token": wrong})
    response = client.post(CODE, {"otp_token": code(second)})
    assert response.status_code == 200 and "Ce code ne convient pas" in response.content.decode()
    assert client.get("/admin/").status_code == 302
