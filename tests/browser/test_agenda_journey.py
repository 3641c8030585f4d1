"""A visitor finds an atelier, registers without an account, then confirms
through the link of the email: opening it changes nothing, the button does."""

import re
from urllib.parse import urlparse

from django.core import mail

import pytest
from playwright.sync_api import expect

from agenda.models import Registration
from tests.browser.conftest import BROWSER_TEST

pytestmark = BROWSER_TEST


@pytest.mark.postgresql  # a journey end to end on PostgreSQL + Redis too (.ci/run)
def test_visitor_filters_the_agenda_registers_and_confirms(page):
    page.goto(page.base_url + "/agenda/")
    page.get_by_text("Filtrer les ateliers").click()  # the filters fold away until asked for
    page.get_by_label("Public").select_option(label="Seniors")
    page.get_by_role("button", name="Afficher").click()
    expect(page).to_have_url(re.compile(r"public=seniors"))
    page.get_by_role("link", name="Premiers pas sur l'ordinateur").first.click()

    page.get_by_role("link", name=re.compile("^M'inscrire")).first.click()
    page.get_by_label(re.compile("Votre nom")).fill("Jeanne Martin")
    page.get_by_label(re.compile("Votre adresse électronique")).fill("jeanne@exemple.fr")
    page.get_by_label(re.compile("Nombre de personnes")).fill("2")
    page.get_by_role("button", name="Envoyer mon inscription").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Encore une étape\u00a0: confirmez votre adresse")

    link = re.search(r"https?://\S+/agenda/inscription/\S+/", mail.outbox[-1].body).group(0)
    page.goto(page.base_url + urlparse(link).path)  # the demo site's address is not the test server's
    assert Registration.objects.get(email="jeanne@exemple.fr").email_confirmed_at is None
    page.get_by_role("button", name="Confirmer mon adresse").click()
    expect(page.get_by_role("status")).to_contain_text("votre adresse est confirmée")
    assert Registration.objects.get(email="jeanne@exemple.fr").email_confirmed_at is not None
    assert page.foreign_requests == []


def test_agenda_month_view_is_a_table_readable_without_javascript(browser, demo_server):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(demo_server.url + "/agenda/")
    tab.get_by_role("link", name="Vue par mois").click()
    expect(tab.get_by_role("table")).to_be_visible()
    expect(tab.get_by_role("columnheader", name="Samedi")).to_be_visible()
    context.close()
