"""Every public page type fits a phone at any text size (WCAG 1.4.4 and 1.4.10): at 320 and
375 px with the text at 100, 150 and 200 %, and with the browser zoomed to 200 % on a 375 px
phone, nothing scrolls sideways; at 150 % text the header takes at most a quarter of the
first screen. Each page is loaded once, then measured at every size: the site is laid out by
CSS alone (no script of it reads the screen's size or the text's), so a page resized to a width,
or given a text size after its load, is laid out as one loaded that way."""

import datetime

from django.urls import reverse
from django.utils import timezone

from agenda import registration
from agenda.models import AtelierPage
from booking import rules
from booking.models import Room
from follow.models import Subscription
from tests.browser.conftest import BROWSER_TEST

pytestmark = BROWSER_TEST

HEIGHT = 667
# Width in CSS px: text sizes in %. Browser zoom to 200 % on a 375 px phone leaves 188 CSS px.
SIZES = {320: [100, 150, 200], 375: [100, 150, 200], 188: [100]}

STATIC_PAGES = [
    "/",
    "/le-projet/",
    "/donnees-personnelles/",
    "/recherche/?q=t%C3%A9l%C3%A9phone",
    "/recherche/?q=zzzz",
    "/page-introuvable/",
    "/le-collectif/",
    "/le-collectif/?service=formation",
    "/le-collectif/les-mulots/",
    "/le-collectif/riwal-raude/",
    "/agenda/",
    "/agenda/?public=seniors",
    "/agenda/mois/2017/11/",
    "/agenda/archives/",
    "/agenda/premiers-pas-ordinateur/",
    "/agenda/bootic-2017/",
    "/agenda/bootic-2017/programme/",
    "/ressources/",
    "/ressources/?q=mot+de+passe",
    "/ressources/choisir-ses-mots-de-passe/",
    "/ressources/remplacer-suite-bureautique/",
    "/ressources/sauvegarder-ses-fichiers/",
    "/ressources/choisir-ses-mots-de-passe/imprimer/",
    "/ressources/alternatives/",
    "/donnees-ouvertes/",
    "/reserver/",
    "/reserver/la-salle-de-formation/",
    "/reserver/le-fablab/",
    "/reserver/la-salle-de-formation/demande/",
    "/reserver/mes-reservations/",
    "/suivre-les-ateliers/",
    "/accessibilite/",
]

# The phone's text size is the root font size, which every size on the site follows. Reading
# the sizes makes the browser lay the page out again at once: all of them in one round trip.
MEASURE = """(texts) => {
    const root = document.documentElement;
    const header = document.querySelector('.site-header');
    const measured = texts.map((text) => {
        root.style.fontSize = text + '%';
        return {text, width: root.scrollWidth, header: header ? header.getBoundingClientRect().height : 0};
    });
    root.style.fontSize = '';
    return measured;
}"""


def pages_with_a_link():
    """The pages reached from a mail: a registration, a booking, a subscription and their steps."""
    atelier = AtelierPage.objects.live().filter(registration_required=True).first()
    session = atelier.occurrences.filter(start__gt=timezone.now()).first()
    made = registration.register(session, "Jeanne Martin", "jeanne@exemple.fr", 1)
    registration.confirm_email(made)
    room = Room.objects.get(slug="la-salle-de-formation")
    start = rules.local_datetime(timezone.localdate() + datetime.timedelta(days=30), datetime.time(3))
    booking = rules.book(
        room, start, start + datetime.timedelta(hours=1), name="Jeanne", email="jeanne@exemple.fr", purpose="Réunion"
    )
    subscription = Subscription.objects.create(email="jeanne@exemple.fr", confirmed_at=timezone.now())
    registration_page = reverse("agenda_registration", args=[made.make_token()])
    booking_page = reverse("booking_manage", args=[rules.make_token(booking)])
    return [
        atelier.url + atelier.reverse_subpage("register", args=[session.pk]),
        registration_page,
        registration_page + "annuler/",
        booking_page,
        booking_page + "annuler/",
        reverse("booking_mine", args=[rules.make_email_token("jeanne@exemple.fr")]),
        reverse("follow_manage", args=[subscription.make_token()]),
        reverse("follow_unsubscribe", args=[subscription.make_token()]),
    ]


def measure_every_size(tab):
    """(width, text size, page width, header height) at each size, for the page already loaded."""
    for width, texts in SIZES.items():
        tab.set_viewport_size({"width": width, "height": HEIGHT})
        for measured in tab.evaluate(MEASURE, texts):
            yield width, measured["text"], measured["width"], measured["header"]


def test_every_public_page_fits_a_phone_at_any_text_size(browser, demo_server):
    paths = STATIC_PAGES + pages_with_a_link()
    too_wide, too_tall = [], []
    context = browser.new_context(viewport={"width": 320, "height": HEIGHT}, has_touch=True, locale="fr-FR")
    tab = context.new_page()
    for path in paths:
        tab.goto(demo_server.url + path)
        for width, text, page_width, header in measure_every_size(tab):
            if page_width > width:
                too_wide.append(f"{path} à {width} px, texte {text} % : {page_width} px")
            if text == 150 and header > HEIGHT / 4:
                too_tall.append(f"{path} à {width} px : en-tête de {header:.0f} px")
    tab.goto(demo_server.url + "/")
    tab.locator(".site-menu > summary").click()  # the menu open: the search field fits too
    too_wide += [
        f"menu ouvert à {width} px, texte {text} %"
        for width, text, page_width, _ in measure_every_size(tab)
        if page_width > width
    ]
    context.close()
    assert too_wide == [], "\n".join(too_wide)
    assert too_tall == [], "\n".join(too_tall)


# RGAA 10.12 (WCAG 1.4.12): the text spacing a reader may force on every page.
TEXT_SPACING = (
    "* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }"
    " p { margin-bottom: 2em !important; }"
)
ADD_STYLESHEET_AND_MEASURE = """(css) => {
    const style = document.createElement('style');
    style.textContent = css;
    document.head.append(style);
    return document.documentElement.scrollWidth;
}"""


def test_every_public_page_fits_320_px_with_the_text_spacing_a_reader_forces(browser, demo_server):
    # The reader's stylesheet is theirs, not the site's: the site's CSP does not apply to it.
    context = browser.new_context(viewport={"width": 320, "height": HEIGHT}, locale="fr-FR", bypass_csp=True)
    tab = context.new_page()
    too_wide = []
    for path in STATIC_PAGES:
        tab.goto(demo_server.url + path)
        # The stylesheet added and the page measured in one round trip: reading the width
        # lays the page out again with it.
        width = tab.evaluate(ADD_STYLESHEET_AND_MEASURE, TEXT_SPACING)
        if width > 320:
            too_wide.append(f"{path} : {width} px")
    context.close()
    assert too_wide == [], "\n".join(too_wide)


def test_search_and_menu_fold_behind_menu_without_javascript_on_a_phone(browser, demo_server):
    context = browser.new_context(viewport={"width": 375, "height": HEIGHT}, java_script_enabled=False)
    tab = context.new_page()
    tab.goto(demo_server.url + "/")
    search = tab.get_by_label("Rechercher sur le site")
    assert not search.is_visible()
    tab.get_by_text("Menu", exact=True).click()
    search.fill("CNIL")
    tab.get_by_role("button", name="Rechercher").click()
    assert tab.url == demo_server.url + "/recherche/?q=CNIL"
    tab.get_by_text("Menu", exact=True).click()
    tab.get_by_role("navigation", name="Menu principal").get_by_role("link", name="Agenda").click()
    assert tab.url == demo_server.url + "/agenda/"
    context.close()
