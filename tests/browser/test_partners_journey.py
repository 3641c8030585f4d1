"""A médiathèque shows the seniors' ateliers on its own site: its webmaster builds the snippet on
« Partager l'agenda sur votre site », pastes it in a page of another site (a static page served
here on another host), and a visitor on a phone sees the ateliers there, with and without
JavaScript, with no request to anyone but the two sites, no cookie, axe-core passing."""

import functools
import http.server
import threading
from urllib.parse import urlparse

from django.utils import timezone

import pytest
from playwright.sync_api import expect

from agenda.forms import AgendaFilters
from agenda.models import AgendaIndexPage
from partners import widget
from tests.browser.conftest import BROWSER_TEST, PHONE, serious_violations

pytestmark = BROWSER_TEST

PARTNER_PAGE = """<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Médiathèque — Les ateliers numériques</title></head>
<body><main><h1>Les ateliers numériques près de chez vous</h1>
{snippet}
</main></body></html>"""


@pytest.fixture
def partner_site(tmp_path):
    """Another site: a static page on 127.0.0.1 (the live server is « localhost », another host)."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=tmp_path)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield tmp_path, f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def seniors_ateliers():
    index = AgendaIndexPage.objects.get()
    upcoming = AgendaFilters({"public": "seniors"}).apply(index.occurrences()).upcoming(timezone.now())
    return [card.atelier.title for card in upcoming.atelier_cards(1, 5).object_list]


def phone_tab(browser, **options):
    context = browser.new_context(locale="fr-FR", timezone_id="Europe/Paris", viewport=PHONE, **options)
    tab = context.new_page()
    tab.requested = []
    context.on("request", lambda request: tab.requested.append(urlparse(request.url).netloc))
    return context, tab


def test_a_partner_shows_the_seniors_ateliers_on_its_own_site(browser, demo_server, partner_site, axe, settings):
    settings.SITE_URL = demo_server.url
    folder, partner_url = partner_site
    expected = seniors_ateliers()
    assert expected, "the demo has ateliers for seniors to come"

    # The webmaster builds the snippet from the agenda.
    context, tab = phone_tab(browser)
    tab.goto(demo_server.url + "/agenda/")
    tab.get_by_role("link", name="Partager l'agenda sur votre site").click()
    expect(tab.get_by_role("heading", level=1)).to_have_text("Partager l'agenda sur votre site")
    tab.get_by_label("Public").select_option("seniors")
    tab.get_by_role("button", name="Mettre à jour le code").click()
    preview = tab.frame_locator(".partners-preview iframe")
    expect(preview.get_by_role("heading", level=2)).to_have_text(expected)
    assert serious_violations(tab, axe) == []
    snippet = tab.get_by_label("Code HTML à coller dans votre site").input_value()
    assert "public=seniors" in snippet and "<script" not in snippet
    context.close()
    (folder / "index.html").write_text(PARTNER_PAGE.format(snippet=snippet), encoding="utf-8")

    # A visitor of the médiathèque's site, on a phone.
    ours, theirs = urlparse(demo_server.url).netloc, urlparse(partner_url).netloc
    context, tab = phone_tab(browser)
    tab.goto(partner_url + "/")
    frame = tab.frame_locator("iframe[title^='Prochains ateliers']")
    expect(frame.get_by_role("heading", level=2)).to_have_text(expected)
    expect(frame.get_by_role("heading", level=1)).to_contain_text("Prochains ateliers")
    font = frame.locator("body").evaluate("body => getComputedStyle(body).fontFamily")
    assert font.startswith("system-ui"), font  # our stylesheet applies in the sandboxed frame
    assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert serious_violations(tab, axe) == []
    assert set(tab.requested) <= {ours, theirs}, tab.requested
    assert ours in tab.requested
    assert context.cookies() == []

    # A tap opens the atelier on our site, in the whole window.
    frame.get_by_role("link", name=expected[0]).click()
    expect(tab.get_by_role("heading", level=1)).to_have_text(expected[0])
    assert tab.url.startswith(demo_server.url)
    context.close()

    # The frame's own page passes axe-core too (axe does not enter other origins' frames).
    context, tab = phone_tab(browser)
    tab.goto(urlparse(snippet.split('src="')[1].split('"')[0])._replace(netloc=ours).geturl())
    assert serious_violations(tab, axe) == []
    context.close()


def test_the_partners_page_shows_the_ateliers_with_javascript_off(browser, demo_server, partner_site, settings):
    settings.SITE_URL = demo_server.url
    folder, partner_url = partner_site
    expected = seniors_ateliers()
    index = AgendaIndexPage.objects.get()
    snippet = widget.snippet(index, AgendaFilters({"public": "seniors"}), widget.WidgetLook({}), "L'espace")
    (folder / "index.html").write_text(PARTNER_PAGE.format(snippet=snippet), encoding="utf-8")
    context, tab = phone_tab(browser, java_script_enabled=False)
    tab.goto(partner_url + "/")
    expect(tab.frame_locator("iframe").get_by_role("heading", level=2)).to_have_text(expected)
    expect(tab.get_by_role("link", name="Tous les ateliers dans l'agenda — L'espace")).to_have_attribute(
        "href", f"{demo_server.url}/agenda/?public=seniors"
    )
    assert context.cookies() == []
    context.close()
