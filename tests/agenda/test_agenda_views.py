import datetime
import json

from django.core import mail
from django.test import Client
from django.utils import timezone

import icalendar
import pytest
from bs4 import BeautifulSoup

from agenda import emails, registration
from agenda.forms import AgendaFilters
from agenda.models import Category, Registration, RegistrationStatus
from home.models import MemberPage
from tests.agenda.factories import make_atelier, paris


def html(response):
    return BeautifulSoup(response.content, "html.parser")


def titles_of(page):
    return [h.get_text(strip=True) for h in page.select(".occurrence .card__title")]


def titles(response):
    return [h.get_text(strip=True) for h in html(response).select(".occurrence .card__title")]


def register_url(atelier, occurrence):
    return f"{atelier.url}s-inscrire/{occurrence.pk}/"


VALID = {"name": "Annie Le Goff", "email": "annie@exemple.fr", "people": "2", "message": "", "website": ""}


def test_agenda_lists_upcoming_sessions_soonest_first_with_their_status(agenda, client):
    make_atelier(title="Plus tard", start=timezone.now() + datetime.timedelta(days=20))
    make_atelier(title="Bientôt", start=timezone.now() + datetime.timedelta(days=2))
    make_atelier(title="Annulé", status="cancelled", start=timezone.now() + datetime.timedelta(days=5))
    make_atelier(title="Passé", start=timezone.now() - datetime.timedelta(days=5))
    response = client.get("/agenda/")
    assert titles(response) == ["Bientôt", "Annulé", "Plus tard"]
    assert "Annulé" in html(response).select(".badge--cancelled")[0].get_text()
    assert titles(client.get("/agenda/archives/")) == ["Passé"]


def test_filters_have_shareable_addresses_and_feed_links(agenda, client):
    formation = Category.objects.get(slug="formation")
    mulots = MemberPage.objects.get(slug="les-mulots")
    wanted = make_atelier(title="Tableur", audience="seniors")
    wanted.categories = [formation]
    wanted.organisers = [mulots]
    wanted.save_revision().publish()
    make_atelier(title="Robots", audience="jeunes")
    response = client.get("/agenda/", {"categorie": "formation", "public": "seniors", "membre": "les-mulots"})
    assert titles(response) == ["Tableur"]
    feed = html(response).find("link", type="text/calendar")["href"]
    assert feed == "/agenda/calendrier.ics?categorie=formation&public=seniors&membre=les-mulots"
    ics = icalendar.Calendar.from_ical(client.get(feed).content)
    assert [str(event["summary"]) for event in ics.walk("VEVENT")] == ["Tableur"]


def test_the_level_filter_keeps_that_level_and_the_ateliers_open_to_all_counted(agenda, client):
    start = timezone.now() + datetime.timedelta(days=3)
    make_atelier(title="Premiers clics", level="debutant", start=start)
    make_atelier(title="Pour tous", start=start + datetime.timedelta(days=1))
    make_atelier(title="Tableur avancé", level="avance", start=start + datetime.timedelta(days=2))
    page = html(client.get("/agenda/", {"niveau": "debutant"}))
    assert titles_of(page) == ["Premiers clics", "Pour tous"]
    assert page.select_one("#results").get_text(strip=True) == "2 ateliers"
    # In the same folded form as the others, open, with what it keeps said in words.
    form = page.select_one("details.agenda-filters[open] form")
    assert form.select_one("#id_niveau option[selected]")["value"] == "debutant"
    assert "tous les niveaux sont aussi affichés" in form.get_text()
    # Each card says its level, « Tous niveaux » when none is set.
    facts = [card.select_one(".occurrence__facts").get_text(" ", strip=True) for card in page.select(".occurrence")]
    assert "Débutant" in facts[0] and "Tous niveaux" in facts[1]
    with_audience = client.get("/agenda/", {"niveau": "avance", "public": "tout-public"})
    assert titles(with_audience) == ["Pour tous", "Tableur avancé"]
    shortcuts = AgendaFilters({"niveau": "debutant"}).date_shortcuts(datetime.date(2030, 1, 2))
    assert shortcuts[0][1] == "niveau=debutant&du=2030-01-02&au=2030-01-02"


def test_an_unknown_level_leaves_the_whole_agenda_and_says_so_in_french(agenda, client):
    make_atelier(title="Premiers clics", level="debutant")
    make_atelier(title="Pour tous")
    response = client.get("/agenda/", {"niveau": "expert<script>"})
    assert response.status_code == 200
    page = html(response)
    assert titles_of(page) == ["Premiers clics", "Pour tous"]
    assert "Sélectionnez un choix valide" in page.select_one(".agenda-filters").get_text()
    assert "expert<script>" not in response.content.decode()  # said back, escaped


def test_the_atelier_page_states_its_level(agenda, client):
    for atelier, said in [(make_atelier(level="intermediaire"), "Intermédiaire"), (make_atelier(), "Tous niveaux")]:
        facts = html(client.get(atelier.url)).select_one("dl.facts").get_text(" ", strip=True)
        assert f"Niveau {said}" in facts


def test_a_weekly_atelier_is_one_card_with_its_next_dates(agenda, client):
    weekly = make_atelier(title="Chaque semaine", frequency="weekly")
    weekly.repeat_until = (weekly.start + datetime.timedelta(weeks=11)).date()
    weekly.save_revision().publish()
    make_atelier(title="Une fois", start=weekly.start + datetime.timedelta(days=2))
    page = html(client.get("/agenda/"))
    assert titles_of(page) == ["Chaque semaine", "Une fois"]
    assert page.select_one("#results").get_text(strip=True) == "2 ateliers"
    card = page.select(".occurrence")[0]
    expected = [(weekly.start + datetime.timedelta(weeks=n)).date().isoformat() for n in range(3)]
    assert [li.time["datetime"][:10] for li in card.select(".atelier-card__dates li")] == expected
    assert "et 9 autres dates" in card.get_text()


def test_date_shortcuts_set_both_dates_and_keep_the_other_filters(agenda):
    wednesday = datetime.date(2030, 1, 2)
    shortcuts = AgendaFilters({"public": "seniors"}).date_shortcuts(wednesday)
    assert shortcuts == [
        ("Aujourd'hui", "public=seniors&du=2030-01-02&au=2030-01-02", False),
        ("Cette semaine", "public=seniors&du=2030-01-02&au=2030-01-06", False),
        ("Semaine prochaine", "public=seniors&du=2030-01-07&au=2030-01-13", False),
        ("Ce mois-ci", "public=seniors&du=2030-01-02&au=2030-01-31", False),
    ]
    chosen = AgendaFilters({"du": "2030-01-07", "au": "2030-01-13"}).date_shortcuts(wednesday)
    assert [label for label, _query, is_chosen in chosen if is_chosen] == ["Semaine prochaine"]


def test_the_agenda_offers_the_date_shortcuts(agenda, client):
    links = [a.get_text(strip=True) for a in html(client.get("/agenda/")).select(".quick-dates a")]
    assert links == ["Aujourd'hui", "Cette semaine", "Semaine prochaine", "Ce mois-ci"]


def test_the_filters_fold_away_until_used(agenda, client):
    assert not html(client.get("/agenda/")).select_one("details.agenda-filters").has_attr("open")
    assert html(client.get("/agenda/", {"public": "seniors"})).select_one("details.agenda-filters").has_attr("open")


def test_an_impossible_date_range_is_explained_in_french(agenda, client):
    response = client.get("/agenda/", {"du": "2027-02-01", "au": "2027-01-01"})
    assert "La date de fin doit être après la date de début." in response.content.decode()


def test_month_view_shows_each_session_on_its_day_without_javascript(agenda, client):
    make_atelier(title="Repair café", start=paris(2027, 2, 6, 14), end=paris(2027, 2, 6, 17), frequency="monthly")
    page = html(client.get("/agenda/mois/2027/3/"))
    cell = page.find("time", datetime="2027-03-06").find_parent("td")
    assert "Repair café" in cell.get_text()
    assert page.find("a", rel="prev")["href"].startswith("/agenda/mois/2027/2/")
    assert client.get("/agenda/mois/2027/13/").status_code == 404


def test_atelier_page_describes_each_session_for_search_engines(agenda, client):
    address = "4 allée des Bidouilleurs, 35600 Redon"
    atelier = make_atelier(title="Protéger ses données", frequency="weekly", place_address=address)
    atelier.repeat_until = (atelier.start + datetime.timedelta(weeks=2)).date()
    atelier.price_kind, atelier.price_amount = "payant", 5
    atelier.save_revision().publish()
    events = json.loads(html(client.get(atelier.url)).find("script", type="application/ld+json").string)
    assert [event["startDate"][:10] for event in events] == [
        (atelier.start + datetime.timedelta(weeks=n)).date().isoformat() for n in range(3)
    ]
    first = events[0]
    assert first["@type"] == "Event" and first["name"] == "Protéger ses données"
    assert first["eventStatus"] == "https://schema.org/EventScheduled"
    assert first["location"]["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "4 allée des Bidouilleurs",
        "postalCode": "35600",
        "addressLocality": "Redon",
        "addressCountry": "FR",
    }
    assert first["offers"]["price"] == "5.00" and first["offers"]["priceCurrency"] == "EUR"
    assert first["offers"]["availability"] == "https://schema.org/InStock"


def test_once_the_address_is_confirmed_the_one_session_can_be_added_to_a_calendar(agenda, client):
    atelier = make_atelier(title="Réparer son vélo", place_address="4 allée des Bidouilleurs, 35600 Redon")
    occurrence = atelier.occurrences.get()
    page = html(client.post(register_url(atelier, occurrence), VALID))
    assert not page.select(".add-to-calendar")  # not before the address is confirmed: nothing is settled
    made = Registration.objects.get()
    client.post(manage_url(made), {"action": "confirm"})
    page = html(client.get(manage_url(made)))
    links = {a.get_text(strip=True): a["href"] for a in page.select(".add-to-calendar a")}
    assert set(links) == {"Fichier pour mon agenda (.ics)", "Google Agenda", "Outlook.com"}
    assert links["Fichier pour mon agenda (.ics)"] == f"http://testserver/agenda/seance-{occurrence.pk}.ics"
    assert "text=R%C3%A9parer+son+v%C3%A9lo" in links["Google Agenda"]
    assert "location=R%C3%A9parer" not in links["Google Agenda"]
    assert "all%C3%A9e+des+Bidouilleurs" in links["Google Agenda"]

    response = client.get(f"/agenda/seance-{occurrence.pk}.ics")
    assert response["Content-Type"].startswith("text/calendar")
    events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert len(events) == 1 and str(events[0]["location"]).endswith("4 allée des Bidouilleurs, 35600 Redon")
    assert "Annie" not in response.content.decode()  # no personal data in a public file

    made.refresh_from_db()
    emails.send_registered(made)
    assert f"/agenda/seance-{occurrence.pk}.ics" in mail.outbox[-1].body


def test_a_session_calendar_of_an_unknown_or_unpublished_atelier_is_a_404(agenda, client):
    draft = make_atelier()
    occurrence = draft.occurrences.get()
    draft.unpublish()
    assert client.get(f"/agenda/seance-{occurrence.pk}.ics").status_code == 404
    assert client.get("/agenda/seance-999999.ics").status_code == 404


def test_atelier_calendar_file_marks_cancelled_sessions(agenda, client):
    atelier = make_atelier(title="Annulé", status="cancelled")
    response = client.get(atelier.ical_url)
    assert response["Content-Type"].startswith("text/calendar")
    [event] = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert event["status"] == "CANCELLED"


def test_registering_through_the_form_sends_a_confirmation_link(agenda, client):
    atelier = make_atelier(places=6)
    occurrence = atelier.occurrences.get()
    response = client.post(register_url(atelier, occurrence), VALID)
    assert response.status_code == 201
    made = Registration.objects.get()
    assert (made.name, made.people, made.status) == ("Annie Le Goff", 2, RegistrationStatus.REGISTERED)
    assert "/agenda/inscription/" in mail.outbox[0].body


def test_the_same_registration_form_sent_twice_makes_one_registration_and_one_mail(agenda, client):
    atelier = make_atelier(places=6)
    occurrence = atelier.occurrences.get()
    form = html(client.get(register_url(atelier, occurrence)))
    key = form.find("input", attrs={"name": "form_key"})["value"]
    assert len(key) == 32
    first = client.post(register_url(atelier, occurrence), {**VALID, "form_key": key})
    again = client.post(register_url(atelier, occurrence), {**VALID, "form_key": key})
    assert (first.status_code, again.status_code) == (201, 201)
    assert Registration.objects.count() == 1 and len(mail.outbox) == 1
    occurrence.refresh_from_db()
    assert occurrence.places_taken == 2
    other = client.post(register_url(atelier, occurrence), {**VALID, "form_key": "une-autre-cle"})
    assert other.status_code == 201 and Registration.objects.count() == 2


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"email": "pas-une-adresse"}, "email", "Saisissez votre adresse électronique complète"),
        ({"name": "x" * 101}, "name", "au plus 100 caractères"),
        ({"people": "9"}, "people", "inférieure ou égale à 4"),
        ({"people": "0"}, "people", "Saisissez au moins 1 personne"),
        ({"name": ""}, "name", "Saisissez votre nom, par exemple Jeanne Martin"),
        ({"message": "y" * 501}, "message", "au plus 500 caractères"),
    ],
)
def test_bad_input_gets_a_french_message_next_to_the_field_and_stores_nothing(agenda, client, change, field, message):
    atelier = make_atelier()
    response = client.post(register_url(atelier, atelier.occurrences.get()), {**VALID, **change})
    assert response.status_code == 400
    errors = html(response).find(id=f"id_{field}_error")
    assert message in errors.get_text()
    assert f"id_{field}_error" in html(response).find(id=f"id_{field}")["aria-describedby"]
    assert not Registration.objects.exists()


def test_the_honeypot_stops_robots(agenda, client):
    atelier = make_atelier()
    response = client.post(register_url(atelier, atelier.occurrences.get()), {**VALID, "website": "http://spam"})
    assert response.status_code == 400 and not Registration.objects.exists()


def test_too_many_registrations_from_one_address_are_refused(agenda, client, settings):
    atelier = make_atelier(places=50, max_people_per_registration=1)
    url = register_url(atelier, atelier.occurrences.get())
    statuses = [client.post(url, {**VALID, "people": "1"}).status_code for _ in range(11)]
    assert statuses == [201] * 10 + [429]
    assert Registration.objects.count() == 10


def test_a_form_without_csrf_token_is_refused(agenda):
    atelier = make_atelier()
    response = Client(enforce_csrf_checks=True).post(register_url(atelier, atelier.occurrences.get()), VALID)
    assert response.status_code == 403 and not Registration.objects.exists()


def test_registration_page_of_a_past_session_says_so(agenda, client):
    atelier = make_atelier(start=timezone.now() - datetime.timedelta(days=1))
    response = client.post(register_url(atelier, atelier.occurrences.get()), VALID)
    assert response.status_code == 400 and "passée" in response.content.decode()
    assert not Registration.objects.exists()


def manage_url(made):
    return f"/agenda/inscription/{made.make_token()}/"


def test_opening_the_link_changes_nothing_the_button_confirms(agenda, client):
    atelier = make_atelier()
    made = registration.register(atelier.occurrences.get(), "Annie", "annie@exemple.fr", 1)
    page = client.get(manage_url(made))
    assert page.status_code == 200 and "Confirmer mon adresse" in page.content.decode()
    made.refresh_from_db()
    assert made.email_confirmed_at is None
    client.post(manage_url(made), {"action": "confirm"})
    made.refresh_from_db()
    assert made.email_confirmed_at is not None
    assert "Votre place est réservée" in mail.outbox[-1].subject
    assert mail.outbox[-1].attachments[0][2] == "text/calendar; method=PUBLISH"


def test_a_replayed_cancellation_link_changes_nothing(agenda, client):
    atelier = make_atelier()
    made = registration.register(atelier.occurrences.get(), "Annie", "annie@exemple.fr", 2)
    client.post(manage_url(made), {"action": "cancel"})
    mails = len(mail.outbox)
    response = client.post(manage_url(made), {"action": "cancel"}, follow=True)
    assert "déjà annulée" in response.content.decode()
    assert len(mail.outbox) == mails
    occurrence = atelier.occurrences.get()
    assert occurrence.places_taken == 0


def test_cancelling_asks_on_its_own_page_and_says_what_happens(agenda, client):
    atelier = make_atelier()
    made = registration.register(atelier.occurrences.get(), "Annie", "annie@exemple.fr", 2)
    url = manage_url(made)  # signed once: a link signed a second later differs
    manage = html(client.get(url))
    # On the registration's page, « Annuler » is a link to the second step, not a button that cancels.
    link = manage.find("a", string="Annuler mon inscription")
    assert link["href"] == url + "annuler/"
    assert not manage.select('button[value="cancel"]')

    page = html(client.get(link["href"]))
    made.refresh_from_db()
    assert made.status == RegistrationStatus.REGISTERED  # opening the step changes nothing
    assert page.h1.get_text() == "Annuler votre inscription\u00a0?"
    assert "proposée à la première personne de la liste d'attente" in page.get_text()
    keep = page.find("a", string="Non, garder mon inscription")
    assert keep["href"] == url
    form = page.find("button", string="Oui, annuler mon inscription").find_parent("form")
    assert form["action"] == url and form["method"] == "post"

    client.post(form["action"], {"action": "cancel"})
    made.refresh_from_db()
    assert made.status == RegistrationStatus.CANCELLED
    # Once cancelled, the step leads back to the registration's page.
    assert client.get(link["href"])["Location"] == url


def test_leaving_the_waiting_list_says_so(agenda, client):
    atelier = make_atelier(places=1)
    occurrence = atelier.occurrences.get()
    registration.register(occurrence, "Annie", "annie@exemple.fr", 1)
    waiting = registration.register(occurrence, "Bruno", "bruno@exemple.fr", 1)
    assert waiting.status == RegistrationStatus.WAITING
    page = html(client.get(manage_url(waiting) + "annuler/")).get_text()
    assert "Vous quitterez la liste d'attente" in page


def test_a_fresh_registration_says_it_still_needs_the_address_confirmed(agenda, client):
    atelier = make_atelier()
    occurrence = atelier.occurrences.get()
    response = client.post(register_url(atelier, occurrence), VALID)
    page = html(response)
    assert page.h1.get_text() == "Encore une étape\u00a0: confirmez votre adresse"
    assert "Une place vous est gardée 48 heures" in page.get_text()


@pytest.mark.parametrize("token", ["n-importe-quoi", "MQ:1vXyZa:forged-signature"])
def test_a_forged_link_is_refused(agenda, client, token):
    response = client.get(f"/agenda/inscription/{token}/")
    assert response.status_code == 400
    assert "Ce lien n'est pas valable" in response.content.decode()
    assert client.post(f"/agenda/inscription/{token}/", {"action": "cancel"}).status_code == 400
    assert client.get(f"/agenda/inscription/{token}/annuler/").status_code == 400


def test_no_participant_name_appears_in_public_pages_or_feeds(agenda, client):
    atelier = make_atelier(places=1)
    registration.register(atelier.occurrences.get(), "Zéphyrin Secret", "zephyrin@exemple.fr", 1)
    for url in ["/agenda/", atelier.url, "/agenda/calendrier.ics", "/agenda/flux.xml", atelier.ical_url, "/"]:
        body = client.get(url).content.decode()
        assert "Zéphyrin" not in body and "zephyrin@" not in body, url


def test_member_page_lists_its_upcoming_ateliers(agenda, client):
    mulots = MemberPage.objects.get(slug="les-mulots")
    atelier = make_atelier(title="Atelier des Mulots")
    atelier.organisers = [mulots]
    atelier.save_revision().publish()
    make_atelier(title="Atelier d'un autre membre")
    body = html(client.get(mulots.url))
    assert [h.get_text(strip=True) for h in body.select(".occurrence .card__title")] == ["Atelier des Mulots"]


def test_the_same_page_sent_again_with_another_persons_details_registers_that_person(agenda, client):
    """A shared computer at a médiathèque: the next person uses « Retour » and the same page."""
    atelier = make_atelier(places=6)
    occurrence = atelier.occurrences.get()
    key = html(client.get(register_url(atelier, occurrence))).find("input", attrs={"name": "form_key"})["value"]
    client.post(register_url(atelier, occurrence), {**VALID, "form_key": key})
    second = {**VALID, "name": "Bernard Le Du", "email": "bernard@exemple.fr", "people": "1", "form_key": key}
    response = client.post(register_url(atelier, occurrence), second)
    page = response.content.decode()
    assert response.status_code == 201
    assert "bernard@exemple.fr" in page and "annie@exemple.fr" not in page
    assert sorted(Registration.objects.values_list("email", flat=True)) == ["annie@exemple.fr", "bernard@exemple.fr"]
    assert [message.to for message in mail.outbox] == [["annie@exemple.fr"], ["bernard@exemple.fr"]]


def test_the_atom_feed_declares_the_plain_text_summary_as_text(agenda, client):
    import feedparser

    make_atelier(title="Atelier", summary="Réparer <b>soi-même</b> & apprendre")
    body = client.get("/agenda/flux.xml").content
    assert b'<summary type="text">' in body and b'type="html"' not in body
    [entry] = feedparser.parse(body).entries
    assert entry.summary_detail.type == "text/plain"
    assert entry.summary == "Réparer <b>soi-même</b> & apprendre"


def test_a_registration_link_older_than_its_maximum_age_no_longer_opens(agenda, settings, monkeypatch):
    import time

    atelier = make_atelier(places=6)
    made = registration.register(atelier.occurrences.get(), "Annie", "annie@exemple.fr", 1)
    token = made.make_token()
    assert Registration.from_token(token) == made
    later = time.time() + datetime.timedelta(days=settings.PERSONAL_LINK_DAYS, hours=1).total_seconds()
    monkeypatch.setattr("django.core.signing.time.time", lambda: later)
    assert Registration.from_token(token) is None
