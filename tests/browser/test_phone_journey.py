"""A senior on a 375 px phone: the next ateliers are on the first screen of the home
page, registering takes three taps, and cancelling asks first, on its own page."""

import re
from urllib.parse import urlparse

from django.core import mail

import pytest
from playwright.sync_api import expect

from agenda.models import Registration, RegistrationStatus
from tests.browser.conftest import BROWSER_TEST

pytestmark = BROWSER_TEST
PHONE = {"width": 375, "height": 667}


@pytest.fixture
def phone(browser, demo_server):
    context = browser.new_context(locale="fr-FR", timezone_id="Europe/Paris", viewport=PHONE, has_touch=True)
    tab = context.new_page()
    tab.base_url = demo_server.url
    yield tab
    context.close()


def test_from_the_home_page_a_senior_registers_in_three_taps_and_cancels_with_a_second_step(phone):
    phone.goto(phone.base_url + "/")
    first = phone.locator(".next-list a").first
    box = first.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"], box  # visible without scrolling
    header = phone.locator(".site-header").bounding_box()["height"]
    assert header <= 220, header  # 308 px before the compact header

    taps = 0
    first.tap()
    taps += 1
    phone.get_by_role("link", name=re.compile("^M'inscrire")).first.tap()
    taps += 1
    phone.get_by_label(re.compile("Votre nom")).fill("Jeanne Martin")
    phone.get_by_label(re.compile("Votre adresse électronique")).fill("jeanne@exemple.fr")
    phone.get_by_role("button", name="Envoyer mon inscription").tap()
    taps += 1
    expect(phone.get_by_role("heading", level=1)).to_have_text("Encore une étape : confirmez votre adresse")
    assert taps == 3

    link = re.search(r"https?://\S+/agenda/inscription/\S+/", mail.outbox[-1].body).group(0)
    phone.goto(phone.base_url + urlparse(link).path)
    phone.get_by_role("link", name="Annuler mon inscription").tap()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Annuler votre inscription ?")
    assert Registration.objects.get().status != RegistrationStatus.CANCELLED  # one tap cancelled nothing
    phone.get_by_role("button", name="Oui, annuler mon inscription").tap()
    expect(phone.get_by_role("status")).to_contain_text("Votre inscription est annulée")
    assert Registration.objects.get().status == RegistrationStatus.CANCELLED
