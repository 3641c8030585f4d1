"""A member writes to the people of one of its sessions, in the browser: from
« Séances », the form, the preview (checked by axe) with who can't be reached by
email, then one email per person and the message on the session's page."""

from django.contrib.auth import get_user_model
from django.core import mail

from playwright.sync_api import expect

from agenda import registration
from home.models import MemberPage
from tests.agenda.factories import make_atelier
from tests.browser.conftest import BROWSER_TEST, serious_violations, submit_login

pytestmark = BROWSER_TEST


def test_a_member_writes_to_its_sessions_people_after_a_preview(page, axe):
    atelier = make_atelier(title="Tablette pour débuter", places=6)
    atelier.organisers = [MemberPage.objects.get(slug="les-mulots")]
    atelier.save_revision().publish()
    occurrence = atelier.occurrences.get()
    registration.register(occurrence, "Annie", "annie@exemple.fr", 1)
    registration.register(occurrence, "Roger", "roger@exemple.fr", 1)
    team = get_user_model().objects.get(username="mulots")
    registration.register(occurrence, "Josette", "", 1, phone="02 99 71 00 00", registered_by=team)
    mail.outbox.clear()

    submit_login(page, "mulots")
    page.goto(page.base_url + "/admin/agenda/occurrence/?q=Tablette+pour")
    page.get_by_role("row").filter(has_text=atelier.title).get_by_role("link", name="Écrire aux participants").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Écrire aux participants")
    expect(page.get_by_label("Objet")).to_have_value(
        f"Tablette pour débuter du {occurrence.start.astimezone():%d/%m/%Y}"
    )
    page.get_by_label("Message").fill("Apportez votre tablette chargée.")
    page.get_by_role("button", name="Voir le message avant l'envoi").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Vérifier le message")
    expect(page.get_by_text("Ce message partira à 2 personnes.")).to_be_visible()
    expect(page.get_by_role("link", name="02 99 71 00 00")).to_be_visible()
    expect(page.locator("pre")).to_contain_text("Apportez votre tablette chargée.")
    assert serious_violations(page, axe) == []
    assert mail.outbox == []

    page.get_by_role("button", name="Envoyer le message").click()
    expect(page.locator(".messages")).to_contain_text("Message envoyé à 2 personnes.")
    expect(page.get_by_role("heading", name="Messages envoyés")).to_be_visible()
    expect(page.get_by_text("2 courriels")).to_be_visible()
    assert sorted(message.to for message in mail.outbox) == [["annie@exemple.fr"], ["roger@exemple.fr"]]
    assert page.foreign_requests == []
