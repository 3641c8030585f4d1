"""The mediator's desk in the browser: at 375 px, a member's editor registers a person
without email for another member's atelier in four screens and prints the slip on one
page; the day-before call list then gives that person's place to the waiting list.
And the month's programme prints on the pages stated in docs/guide-editeurs.md (« Le programme du mois à afficher »)."""

import datetime
import re

from django.utils import timezone

from playwright.sync_api import expect

from agenda import calls, registration
from agenda.models import Registration, RegistrationStatus
from home.models import MemberPage
from tests.agenda.factories import PARIS, make_atelier
from tests.browser.conftest import BROWSER_TEST, log_in, serious_violations

pytestmark = BROWSER_TEST

A3_HEIGHT_POINTS = 1190.55


def pdf_pages(pdf):
    """The page boxes of a PDF made by Chromium, [(width, height)] in points."""
    return [
        (float(width), float(height))
        for width, height in re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    ]


def atelier_of(member, start, **fields):
    atelier = make_atelier(start=start, end=start + datetime.timedelta(hours=2), **fields)
    atelier.organisers = [MemberPage.objects.get(slug=member)]
    atelier.save_revision().publish()
    return atelier


def test_a_mediator_registers_a_person_without_email_then_the_call_list_frees_the_place(phone, axe):
    start = datetime.datetime.combine(calls.tomorrow(), datetime.time(14), tzinfo=PARIS)
    occurrence = atelier_of(
        "depantek", start, title="Réparer son ordinateur", places=1, registration_closes_hours=0
    ).occurrences.get()

    log_in(phone, "mulots")  # screen 1: the dashboard
    screens = []
    phone.on("framenavigated", lambda frame: screens.append(frame.url) if frame == phone.main_frame else None)
    desk = phone.get_by_role("region", name="Accompagner une personne")
    desk.get_by_label("Atelier (un mot du titre)").fill("reparer")
    desk.get_by_role("button", name="Chercher la séance").click()  # screen 2: the sessions found
    phone.get_by_role("link", name=re.compile("Réparer son ordinateur")).click()  # screen 3: the form
    phone.get_by_label("Prénom de la personne").fill("Josiane")
    phone.get_by_label("Téléphone (facultatif)").fill("02 99 71 00 00")
    phone.get_by_role("button", name="Inscrire").dblclick()  # a double click registers once
    expect(phone.get_by_role("heading", level=1)).to_have_text("Votre inscription est faite")  # screen 4
    assert len({url.split("#")[0] for url in screens}) <= 3, screens  # after the dashboard
    expect(phone.get_by_role("button", name="Imprimer")).to_be_visible()
    assert serious_violations(phone, axe) == []
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    phone.emulate_media(media="print")
    expect(phone.get_by_role("button", name="Imprimer")).to_be_hidden()
    assert len(pdf_pages(phone.pdf(prefer_css_page_size=True))) == 1
    phone.emulate_media(media="screen")
    josiane = Registration.objects.get(occurrence=occurrence)
    assert (josiane.name, josiane.email, josiane.registered_by.username) == ("Josiane", "", "mulots")

    annie = registration.register(occurrence, "Annie", "annie@exemple.fr", 1)
    registration.confirm_email(annie)
    phone.goto(phone.base_url + "/admin/agenda/appels/")
    person = phone.locator(f"#appel-{josiane.pk}")
    expect(person).to_contain_text("02 99 71 00 00")
    person.get_by_label("ne viendra pas").check()
    person.get_by_role("button", name="Noter").click()
    expect(phone.locator(f"#appel-{josiane.pk}")).to_have_count(0)  # cancelled: off the list
    annie.refresh_from_db()
    assert annie.status == RegistrationStatus.OFFERED
    assert annie.offer_expires_at > timezone.now()


def test_the_months_programme_prints_on_one_a4_page_and_one_a3_poster(page):
    # Eight ateliers on eight days, alone in their month: one sheet either way.
    for day in range(1, 9):
        atelier_of(
            "les-mulots" if day % 2 else "depantek",
            datetime.datetime(2031, 3, day * 3, 14, tzinfo=PARIS),
            title=f"Atelier numéro {day}",
            registration_required=bool(day % 2),
            slug=f"atelier-affiche-{day}",
        )
    page.goto(page.base_url + "/agenda/mois/2031/3/affiche/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ateliers numériques — mars 2031")
    page.emulate_media(media="print")
    a4 = pdf_pages(page.pdf(prefer_css_page_size=True))
    assert len(a4) == 1 and abs(a4[0][1] - 841.89) < 1
    page.goto(page.base_url + "/agenda/mois/2031/3/affiche/?format=a3")
    a3 = pdf_pages(page.pdf(prefer_css_page_size=True))
    assert len(a3) == 1 and abs(a3[0][1] - A3_HEIGHT_POINTS) < 1
    assert page.foreign_requests == []
