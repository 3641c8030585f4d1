"""A person on a phone opens a guide, switches to its « Facile à lire » version and back,
with JavaScript and without it; axe finds nothing on the easy-read page."""

from tests.browser.conftest import BROWSER_TEST, PHONE, violations

pytestmark = BROWSER_TEST

GUIDE = "/ressources/choisir-ses-mots-de-passe/"


def switch_and_back(tab, base_url):
    tab.goto(base_url + GUIDE)
    tab.get_by_role("link", name="Lire cette page en «\u00a0Facile à lire\u00a0»").click()
    tab.wait_for_url(f"**{GUIDE}facile-a-lire/")
    assert tab.get_by_role("heading", level=1).inner_text().endswith("(Facile à lire)")
    assert tab.locator(".easy-read__idea img").count() == tab.locator(".easy-read__idea").count() >= 4
    assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    found = tab.evaluate("document.body.innerText")
    tab.get_by_role("link", name="Revenir à la page complète").click()
    tab.wait_for_url(f"**{GUIDE}")
    return found


def test_easy_read_switch_on_a_phone_with_and_without_javascript(browser, phone, axe, demo_server):
    text = switch_and_back(phone, phone.base_url)
    assert "girafepianosoupelune" in text
    phone.goto(phone.base_url + GUIDE + "facile-a-lire/")
    assert violations(phone, axe) == []

    context = browser.new_context(locale="fr-FR", viewport=PHONE, java_script_enabled=False)
    try:
        assert "girafepianosoupelune" in switch_and_back(context.new_page(), demo_server.url)
    finally:
        context.close()
