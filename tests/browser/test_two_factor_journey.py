"""Coordination turns on its two-step login: photographs (here: types) the key into a
code app, confirms with a code, and from then on logs in with password and code."""

import base64
import time

from django_otp.oath import TOTP
from playwright.sync_api import expect

from tests.browser.conftest import BROWSER_TEST, submit_login

pytestmark = BROWSER_TEST


def phone_code(key, at):
    """What a code app shows at that time for the key typed into it."""
    totp = TOTP(base64.b32decode(key.replace(" ", "")))
    totp.time = at
    return f"{totp.token():06d}"


def test_coordination_sets_up_its_code_app_then_logs_in_with_a_code(page, settings):
    settings.WAGTAIL_2FA_REQUIRED = True
    submit_login(page, "coordination")

    expect(page.get_by_role("heading", name="Connexion en deux étapes")).to_be_visible()
    expect(page.get_by_role("img", name="Code QR à photographier", exact=False)).to_be_visible()
    key = page.locator("figcaption code").inner_text()
    first = time.time()
    page.get_by_label("Code à 6 chiffres").fill(phone_code(key, first))
    page.get_by_label("Votre mot de passe actuel").fill("demo-espace")
    page.get_by_role("button", name="Activer la connexion en deux étapes").click()
    expect(page.get_by_role("link", name="Supprimer l'appareil")).to_be_visible()

    page.context.clear_cookies()  # another day, another browser session
    submit_login(page, "coordination")
    expect(page.get_by_role("heading", name="Saisissez le code de votre application")).to_be_visible()
    # The code after the one used, not "now + 30 s": if the clock has crossed a step since, that
    # would be two steps ahead of the last one used, outside the one-step tolerance.
    page.get_by_label("Code à 6 chiffres").fill(phone_code(key, first + 30))
    page.keyboard.press("Enter")
    expect(page).to_have_url(page.base_url + "/admin/")  # the dashboard, not the code form again
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_label("Code à 6 chiffres")).to_have_count(0)
