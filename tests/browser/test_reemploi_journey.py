"""Réemploi on a small phone (375 px): someone offers a laptop and is told where to bring it,
then confirms from the emailed link; someone asks for a computer, a first try without a way
to reach them refused; a volunteer logs three objects at the repair café's table, and the
member's activity report counts them. axe-core on each public page."""

import re
import time
from urllib.parse import urlparse

from django.core import mail
from django.utils import timezone

from playwright.sync_api import expect

from reemploi.models import DeviceRequest, Donation, RepairedObject
from reports.activity import build_report
from reports.periods import Period
from tests.browser.conftest import BROWSER_TEST, log_in, serious_violations
from tests.reemploi.conftest import member, repair_session

pytestmark = BROWSER_TEST


def fits_the_screen(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_donor_and_an_applicant_on_a_phone(phone, axe):
    phone.goto(phone.base_url + "/")
    phone.get_by_role("contentinfo").get_by_role("link", name="Je donne un appareil").tap()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Je donne un appareil")
    expect(phone.get_by_role("link", name=re.compile("Lire le guide"))).to_be_visible()
    assert serious_violations(phone, axe) == [] and fits_the_screen(phone)

    phone.get_by_label("Quel appareil\u00a0?").select_option(label="ordinateur portable")
    phone.get_by_label("Combien\u00a0?").fill("2")
    phone.get_by_role("group", name="Quel âge a-t-il, à peu près\u00a0?").get_by_label("entre 5 et 10 ans").check()
    phone.get_by_role("group", name="S'allume-t-il encore\u00a0?").get_by_label("oui").check()
    phone.get_by_role("group", name=re.compile("Avez-vous effacé")).get_by_label("je ne sais pas").check()
    phone.get_by_label("Votre nom").fill("Hélène Guérin")
    phone.get_by_label("Votre adresse électronique").fill("helene.journey@exemple.fr")
    phone.get_by_role("button", name="Proposer mon don").tap()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Merci pour votre don")
    expect(phone.get_by_role("heading", name="Où et quand l'apporter : Clic'n Puces")).to_be_visible()
    expect(phone.get_by_role("table", name="Horaires d'ouverture")).to_be_visible()
    assert serious_violations(phone, axe) == [] and fits_the_screen(phone)
    made = Donation.objects.get(email="helene.journey@exemple.fr")
    assert (made.quantity, made.status, made.confirmed_at) == (2, "promis", None)

    (message,) = mail.outbox
    link = re.search(r"https?://\S+/reemploi/don/\S+/", message.body).group(0)
    phone.goto(phone.base_url + urlparse(link).path)
    phone.get_by_role("button", name="Confirmer mon adresse").tap()
    expect(phone.get_by_role("status")).to_contain_text("Merci, votre adresse est confirmée.")
    made.refresh_from_db()
    assert made.confirmed_at is not None

    phone.get_by_role("contentinfo").get_by_role("link", name="J'ai besoin d'un ordinateur").tap()
    expect(phone.get_by_role("heading", level=2, name="Clic'n Puces")).to_be_visible()
    assert serious_violations(phone, axe) == [] and fits_the_screen(phone)
    phone.get_by_role("link", name=re.compile("^Demander cet appareil")).first.tap()
    phone.get_by_label("Pour quoi faire\u00a0?").fill("Faire mes démarches et écrire à ma fille")
    phone.get_by_label("Nom de la personne").fill("Joseph Hamon")
    phone.get_by_role("button", name="Envoyer la demande").tap()
    expect(phone.locator("#resume-des-erreurs")).to_contain_text("Il y a un problème")
    summary = phone.locator("#resume-des-erreurs")
    expect(
        summary.get_by_role("link", name=re.compile("^Donnez une adresse électronique ou un téléphone"))
    ).to_have_attribute("href", "#id_phone")
    assert serious_violations(phone, axe) == []
    phone.get_by_label("Son téléphone (facultatif)").fill("02 99 00 00 42")
    phone.get_by_role("button", name="Envoyer la demande").tap()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Demande envoyée")
    assert serious_violations(phone, axe) == [] and fits_the_screen(phone)
    asked = DeviceRequest.objects.get(name="Joseph Hamon")
    assert (asked.member, asked.phone, asked.device is not None) == (member("clic-n-puces"), "02 99 00 00 42", True)


OBJECTS = [
    ("Bouilloire", "Moulinex", "réparé"),
    ("Ordinateur portable", "Asus", "réparé"),
    ("Grille-pain", "", "fin de vie"),
]


def member_row(report):
    """Dépan'tek's cells in the report's réemploi table, after its name; None without any."""
    return next((row[1:] for row in report.table("reemploi").text_rows() if row[0] == "Dépan'tek"), None)


def test_a_volunteer_logs_three_objects_on_a_phone_and_the_report_counts_them(phone):
    session = repair_session()
    today = timezone.localdate()
    month = Period.month(today.year, today.month)
    before = member_row(build_report(month, member=member("depantek")))
    log_in(phone, "depantek")
    phone.goto(phone.base_url + "/reemploi/repair-cafe/")
    phone.get_by_role("link", name=re.compile("Repair café du marché")).first.tap()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Noter un objet")

    timings = []
    for category, brand, outcome in OBJECTS:
        started = time.monotonic()
        phone.get_by_label(re.compile("^Objet")).select_option(label=category)
        if brand:
            phone.get_by_label("Marque (facultatif)").fill(brand)
        phone.get_by_role("group", name="Résultat").get_by_label(outcome, exact=True).check()
        if outcome == "fin de vie":
            phone.get_by_label("Ce qui a empêché la réparation").select_option(label="pièces introuvables")
        phone.get_by_role("button", name="Noter l'objet").tap()
        expect(phone.get_by_role("status")).to_contain_text("C'est noté")
        timings.append(time.monotonic() - started)
    expect(phone.get_by_role("heading", name="3 objets notés à cette séance")).to_be_visible()
    assert fits_the_screen(phone)
    print(f"Temps de saisie d'un objet (automate) : {max(timings):.1f} s au plus")  # measured, not asserted
    assert RepairedObject.objects.filter(occurrence=session, barrier=1).count() == 1

    report = build_report(month, member=member("depantek"))
    after = member_row(report)
    assert int(after[0]) == int(before[0] if before else 0) + 2  # two of the three were repaired
    phone.goto(f"{phone.base_url}/admin/rapport-activite/?kind=month&year={today.year}&month={today.month}")
    table = phone.get_by_role("table", name=re.compile("Réemploi et réparation"))
    expect(table.get_by_role("row", name=re.compile("^Dépan'tek")).get_by_role("cell").first).to_have_text(after[0])
