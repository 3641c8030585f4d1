"""A member logs in, updates its page with a new photo, publishes, and sees the
change on the public site; another member's page stays out of reach."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import BROWSER_TEST, log_in

pytestmark = BROWSER_TEST


@pytest.mark.postgresql  # a journey end to end on PostgreSQL + Redis too (.ci/run)
def test_member_updates_its_page_with_a_photo_and_publishes_it(page):
    log_in(page, "mulots")
    page.get_by_role("link", name="Modifier ma page").click()
    page.locator("#id_summary").fill("Apprendre l'ordinateur en petit groupe, sans se presser.")

    # A new « Image » block at the end of the page, with the member's own logo.
    # The page's body, not its « Facile à lire » version below it.
    page.locator("[data-contentpath='body']").get_by_role("button", name="Insérer un bloc").last.click()
    page.locator(".w-combobox__option", has_text="Image").click()
    page.get_by_role("button", name="Choisir une image").last.click()
    page.locator(".modal").get_by_role("link", name="Logo de Les Mulots").click()
    page.get_by_label(re.compile("Texte alternatif")).last.fill("Un groupe apprend l'informatique autour d'une table")

    page.get_by_role("button", name="Plus d'actions").click()
    expect(page.get_by_role("button", name=re.compile("Soumettre"))).to_have_count(0)  # no workflow on own page
    page.get_by_role("button", name="Publier", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("« Les Mulots » a été publiée")

    page.goto(page.base_url + "/le-collectif/les-mulots/")
    expect(page.locator(".lead")).to_have_text("Apprendre l'ordinateur en petit groupe, sans se presser.")
    expect(page.get_by_role("img", name="Un groupe apprend l'informatique autour d'une table")).to_be_visible()


def test_member_is_refused_another_members_edit_page(page):
    from home.models import MemberPage

    other = MemberPage.objects.get(slug="depantek")
    log_in(page, "mulots")
    page.goto(f"{page.base_url}/admin/pages/{other.pk}/edit/")
    expect(page).not_to_have_url(re.compile(rf"/admin/pages/{other.pk}/edit/"))
    expect(page.locator(".messages")).to_contain_text("pas les autorisations")
