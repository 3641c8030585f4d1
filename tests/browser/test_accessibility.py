"""axe-core on every public page type: no serious or critical violation, and no
request to another origin."""

import datetime

from django.urls import reverse
from django.utils import timezone

import pytest

from agenda import registration
from agenda.models import AtelierPage
from booking import rules
from booking.models import Room
from tests.browser.conftest import BROWSER_TEST, serious_violations, violations

pytestmark = BROWSER_TEST

PUBLIC_PAGES = {
    "home": "/",
    "standard": "/le-projet/",
    "legal": "/donnees-personnelles/",
    "search": "/recherche/?q=num%C3%A9rique",
    "search-empty": "/recherche/?q=zzzz",
    "not-found": "/page-introuvable/",
    "member-index": "/le-collectif/",
    "member-index-filtered": "/le-collectif/?service=formation",
    "member": "/le-collectif/les-mulots/",
    "member-by-appointment": "/le-collectif/riwal-raude/",
    "agenda": "/agenda/",
    "agenda-filtered": "/agenda/?public=seniors",
    "agenda-month": "/agenda/mois/2017/11/",
    "agenda-archives": "/agenda/archives/",
    "atelier": "/agenda/premiers-pas-ordinateur/",
    "festival": "/agenda/bootic-2017/",
    "library": "/ressources/",
    "library-search": "/ressources/?q=mot+de+passe",
    "guide": "/ressources/choisir-ses-mots-de-passe/",
    "guide-with-alternatives": "/ressources/remplacer-suite-bureautique/",
    "guide-print": "/ressources/choisir-ses-mots-de-passe/imprimer/",
    "guide-with-document": "/ressources/sauvegarder-ses-fichiers/",
    "alternatives": "/ressources/alternatives/",
    "open-data": "/donnees-ouvertes/",
    "accessibility-statement": "/accessibilite/",
    "accessibility-plan": "/accessibilite/schema-pluriannuel/",
    "accessibility-report": "/accessibilite/signaler/",
}


@pytest.mark.parametrize("path", PUBLIC_PAGES.values(), ids=PUBLIC_PAGES.keys())
def test_public_page_has_no_serious_accessibility_violation(page, axe, path):
    page.goto(page.base_url + path)
    serious = serious_violations(page, axe)
    assert serious == [], "\n".join(serious)
    assert page.foreign_requests == []


def test_new_and_changed_pages_have_no_violation_of_any_impact_on_a_phone(phone, axe):
    """The pages this journey work changed, at 375 px: home, agenda cards and filters,
    a room's day view and its form, the pages of a registration and a booking (with
    « Ajouter à mon agenda ») and their cancel steps."""
    atelier = AtelierPage.objects.live().filter(registration_required=True).first()
    session = atelier.occurrences.filter(start__gt=timezone.now()).first()
    made = registration.register(session, "Jeanne Martin", "jeanne@exemple.fr", 1)
    registration.confirm_email(made)
    room = Room.objects.get(slug="la-salle-de-formation")
    today = timezone.localdate()
    next_monday = today + datetime.timedelta(days=7 - today.weekday())
    day = today + datetime.timedelta(days=30)
    start = rules.local_datetime(day, datetime.time(3))  # at night: never a demo booking
    booking = rules.book(
        room, start, start + datetime.timedelta(hours=1), name="Jeanne", email="jeanne@exemple.fr", purpose="Réunion"
    )
    registration_page = reverse("agenda_registration", args=[made.make_token()])
    booking_page = reverse("booking_manage", args=[rules.make_token(booking)])
    pages = [
        "/",
        "/agenda/",
        "/agenda/?public=seniors",
        f"/reserver/{room.slug}/",
        f"/reserver/{room.slug}/?semaine={next_monday:%Y-%m-%d}",  # a whole week of free slots
        f"/reserver/{room.slug}/demande/",
        registration_page,
        registration_page + "annuler/",
        booking_page,
        booking_page + "annuler/",
        "/recherche/?q=je+veux+prot%C3%A9ger+mes+donn%C3%A9es",
    ]
    found = {}
    for path in pages:
        phone.goto(phone.base_url + path)
        found[path] = violations(phone, axe)
    assert all(not found[path] for path in pages), found


def test_a_guide_offering_a_document_and_the_statement_listing_it_have_no_violation_on_a_phone(phone, axe):
    """The download link is named with its format, size and accessibility (what a screen
    reader's list of links reads), it fits a 375 px screen, and the statement lists it."""
    phone.goto(phone.base_url + "/ressources/sauvegarder-ses-fichiers/")
    link = phone.get_by_role("link", name="Télécharger « Mémo : la règle du 3-2-1 » (PDF, 1\u00a0Ko, non accessible)")
    assert link.count() == 1
    box = link.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375
    assert violations(phone, axe) == []
    phone.goto(phone.base_url + "/accessibilite/")
    assert phone.get_by_role("heading", name="Documents à télécharger qui ne sont pas accessibles").count() == 1
    assert violations(phone, axe) == []
