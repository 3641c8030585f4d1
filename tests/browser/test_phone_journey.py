"""A senior on a 375 px phone: the next ateliers are on the first screen of the home
page, registering takes three taps, cancelling asks first, on its own page, and a room
is booked from the day-by-day view."""

import re
from urllib.parse import urlparse

from django.core import mail

from playwright.sync_api import expect

from agenda.models import Registration, RegistrationStatus
from tests.browser.conftest import BROWSER_TEST, PHONE, boxes

pytestmark = BROWSER_TEST


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
    expect(phone.get_by_role("heading", level=1)).to_have_text("Encore une étape\u00a0: confirmez votre adresse")
    assert taps == 3

    link = re.search(r"https?://\S+/agenda/inscription/\S+/", mail.outbox[-1].body).group(0)
    phone.goto(phone.base_url + urlparse(link).path)
    phone.get_by_role("link", name="Annuler mon inscription").tap()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Annuler votre inscription\u00a0?")
    jeanne = Registration.objects.filter(email="jeanne@exemple.fr")  # the demo holds others
    assert jeanne.get().status != RegistrationStatus.CANCELLED  # one tap cancelled nothing
    phone.get_by_role("button", name="Oui, annuler mon inscription").tap()
    expect(phone.get_by_role("status")).to_contain_text("Votre inscription est annulée")
    assert jeanne.get().status == RegistrationStatus.CANCELLED


def test_on_a_phone_a_room_is_booked_from_its_day_by_day_view(phone):
    phone.goto(phone.base_url + "/reserver/")
    phone.get_by_role("link", name="La salle de formation", exact=True).tap()
    expect(phone.locator(".day")).to_have_count(7)
    first, second, *_others = boxes(phone.locator(".day"))
    assert first["y"] + first["height"] <= second["y"]  # seven columns do not fit: one day at a time
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # nothing scrolls sideways
    phone.get_by_role("navigation", name="Changer de semaine").get_by_role("link", name="Semaine suivante").tap()

    days = phone.get_by_role("navigation", name="Aller à un jour").get_by_role("link")
    expect(days).to_have_count(7)
    day_with_room = phone.locator(".day", has=phone.locator(".slot--free a")).first
    day_id = day_with_room.get_attribute("id")
    phone.locator(f'.day-nav a[href="#{day_id}"]').tap()
    expect(phone).to_have_url(re.compile(f"#{day_id}$"))
    slot = day_with_room.get_by_role("link", name=re.compile(r"^\d{1,2}h\d\d · Libre : réserver"))
    expect(slot.first).to_be_in_viewport()
    hour = slot.first.inner_text().split(" · ")[0]
    slot.first.tap()

    expect(phone.get_by_label(re.compile("^Heure de début"))).to_have_value(
        f"{int(hour.split('h')[0]):02d}:{hour.split('h')[1]}"
    )
    phone.get_by_label(re.compile("^Votre nom")).fill("Jeanne Martin")
    phone.get_by_label(re.compile("^Votre adresse électronique")).fill("jeanne@exemple.fr")
    phone.get_by_label(re.compile("^Pour quoi faire")).fill("Réunion du club photo")
    phone.get_by_label(re.compile("^Nombre de personnes")).fill("5")
    phone.get_by_label(re.compile("^J'ai lu ce que deviennent mes données")).check()
    phone.get_by_role("button", name="Envoyer ma demande").tap()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Encore une étape\u00a0: confirmez votre adresse")
    assert mail.outbox[-1].to == ["jeanne@exemple.fr"]
