"""A visitor asks for the ateliers by email from the footer: chooses the seniors'
ateliers once a week, confirms with the button of the page the emailed link opens
(opening it changes nothing), then unsubscribes from the link of the next email.
axe-core on the form, its errors and the confirmation page. Coordination finds an
address in « Abonnés aux ateliers » and erases it for someone who phoned."""

import re
from urllib.parse import urlparse

from django.core import mail
from django.utils import timezone

from playwright.sync_api import expect

from follow.models import Subscription
from tests.browser.conftest import BROWSER_TEST, log_in, serious_violations

pytestmark = BROWSER_TEST

EMAIL = "yvonne.guillotin@exemple.fr"


def mailed_path(message, fragment):
    return urlparse(re.search(rf"https?://\S+{fragment}\S+/", message.body).group(0)).path


def test_visitor_subscribes_confirms_through_the_email_and_unsubscribes(page, axe):
    page.goto(page.base_url + "/")
    page.get_by_role("contentinfo").get_by_role("link", name="Recevoir les ateliers par courriel").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Recevoir les ateliers par courriel")
    assert serious_violations(page, axe) == []

    page.get_by_label("Votre adresse électronique").fill(EMAIL)
    page.get_by_role("group", name="Pour qui").get_by_label("Seniors").check()
    page.get_by_role("group", name="Quand recevoir les courriels").get_by_label("Une fois par semaine").check()
    page.get_by_role("button", name="Recevoir les ateliers").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Regardez vos courriels")
    subscription = Subscription.objects.get(email=EMAIL)
    assert subscription.confirmed_at is None and subscription.audiences == ["seniors"]

    (message,) = mail.outbox
    page.goto(page.base_url + mailed_path(message, "/suivre-les-ateliers/confirmer/"))
    confirm = page.get_by_role("button", name="Confirmer mon abonnement")
    expect(confirm).to_be_visible()
    assert serious_violations(page, axe) == []
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None  # opening the link changed nothing
    confirm.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Votre abonnement est confirmé")
    assert serious_violations(page, axe) == []
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None

    page.goto(page.base_url + mailed_path(message, "/suivre-les-ateliers/desabonnement/"))
    page.get_by_role("button", name="Oui, me désabonner").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Votre abonnement est arrêté")
    assert not Subscription.objects.filter(email=EMAIL).exists()
    assert page.foreign_requests == []


def test_form_with_errors_points_at_the_field_and_has_no_serious_violation(page, axe):
    page.goto(page.base_url + "/suivre-les-ateliers/")
    page.get_by_label("Votre adresse électronique").fill("pas-une-adresse")
    page.get_by_role("button", name="Recevoir les ateliers").click()
    expect(page).to_have_title(re.compile("^Erreur\u00a0: "))
    summary = page.locator("#resume-des-erreurs")
    expect(summary).to_be_focused()
    summary.get_by_role("link", name=re.compile("^Saisissez votre adresse électronique complète")).click()
    expect(page.get_by_label("Votre adresse électronique")).to_be_focused()
    assert serious_violations(page, axe) == []
    assert not Subscription.objects.exists()
    assert mail.outbox == []


def test_coordination_finds_an_address_and_erases_it(page):
    Subscription.objects.create(email=EMAIL, confirmed_at=timezone.now())
    Subscription.objects.create(email="autre@exemple.fr", confirmed_at=timezone.now())
    log_in(page, "coordination")
    page.get_by_role("link", name="Abonnés aux ateliers").click()
    page.get_by_role("main").get_by_role("textbox", name=re.compile("^Recherch")).fill("guillotin")
    page.keyboard.press("Enter")
    row = page.get_by_role("row").filter(has_text=EMAIL)
    expect(page.get_by_role("row").filter(has_text="autre@exemple.fr")).to_have_count(0)
    row.hover()
    row.get_by_role("link", name="Supprimer").click()
    expect(page.get_by_text(f"Effacer l'adresse {EMAIL}")).to_be_visible()
    page.get_by_role("button", name="Oui, supprimer").click()
    expect(page.get_by_role("row").filter(has_text="autre@exemple.fr")).to_have_count(1)
    assert list(Subscription.objects.values_list("email", flat=True)) == ["autre@exemple.fr"]
