"""axe-core on every public page type: no serious or critical violation, and no
request to another origin."""

import pytest

from tests.browser.conftest import BROWSER_TEST, serious_violations

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
    "alternatives": "/ressources/alternatives/",
}


@pytest.mark.parametrize("path", PUBLIC_PAGES.values(), ids=PUBLIC_PAGES.keys())
def test_public_page_has_no_serious_accessibility_violation(page, axe, path):
    page.goto(page.base_url + path)
    serious = serious_violations(page, axe)
    assert serious == [], "\n".join(serious)
    assert page.foreign_requests == []
