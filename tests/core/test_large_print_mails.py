"""Every mail that asks for an action has a large-print HTML part that survives webmails:
the text's first line, ONE big button with the words of the page's button and the text's
link, every style inline on table cells, nothing from elsewhere. Parsed with html.parser."""

import datetime
import email
import io
import re

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from agenda import emails as agenda_emails
from agenda import registration as agenda_registration
from agenda.models import RegistrationStatus, SessionMessage
from booking.models import Booking
from core import emails
from core import mail as mail_queue
from follow import emails as follow_emails
from follow.models import Subscription
from tests.agenda.factories import make_atelier
from tests.booking.conftest import make_room, monday_in
from tests.booking.test_views import form_url, valid
from tests.reemploi.conftest import DONATION

SITE = "http://testserver"


def html_part(message):
    ((html, mimetype),) = message.alternatives
    assert mimetype == "text/html"
    return html


def px(style, name):
    found = re.search(rf"(?:^|;)\s*{name}\s*:\s*(\d+)px", style)
    return int(found.group(1)) if found else None


def luminance(colour):
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one, other):
    lighter, darker = sorted([luminance(one), luminance(other)], reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def check_large_print(message, site=SITE):
    """The rules every large-print part keeps; returns the parsed part."""
    soup = BeautifulSoup(html_part(message), "html.parser")
    # Webmails drop <style>, <link> and the styles of <html>, <body>, <main>: none of them is used.
    assert not soup.find_all(["style", "link", "img", "script", "main", "div", "p"])
    assert not soup.html.get("style") and not soup.body.get("style") and soup.html["lang"] == "fr"
    styled = {element.name for element in soup.find_all(style=True)}
    assert styled <= {"td", "table", "a", "h1", "h2", "h3"}, styled
    # Every word sits in a cell that says its size (at least 18 px) and line height (1.5).
    for text in soup.body.find_all(string=True):
        if text.strip():
            cell = text.find_parent("td")
            assert cell is not None, text
            assert px(cell["style"], "font-size") >= 18 and "line-height:1.5;" in cell["style"], cell
    # Nothing from elsewhere: no source at all, and every link goes to the site itself.
    assert not soup.find_all(src=True) and "url(" not in str(soup)
    assert all(link["href"].startswith(site + "/") for link in soup.find_all("a")), soup.find_all("a")
    assert not re.search(r"https?://", soup.body.get_text().replace(site, ""))
    # The first line is the text's first line, at the top.
    assert soup.h1.get_text() == message.body.splitlines()[0]
    return soup


def the_button(message, site=SITE):
    """The button's cell and link, after checking there is only one."""
    soup = check_large_print(message, site)
    cells = soup.find_all("td", bgcolor=True)
    buttons = [cell for cell in cells if cell.find("a", recursive=False)]
    assert len(buttons) == 1
    (cell,) = buttons
    (link,) = cell.find_all("a")
    # At least 44 px high: in the cell's height (Outlook) and in the link's own box (the others).
    assert int(cell["height"]) >= 44
    style = link["style"]
    vertical = re.search(r"padding:(\d+)px", style).group(1)
    assert 2 * int(vertical) + px(style, "font-size") * 1.5 >= 44
    # High contrast: the link's white on the cell's colour (7:1, AAA).
    colour = re.search(r"(?:^|;)color:(#[0-9a-f]{6})", style).group(1)
    assert contrast(colour, cell["bgcolor"]) >= 7
    return cell, link


def check_action_mail(client, message, words):
    """The button: the text's link (its second line), the words `words`, and the page it opens
    has a button with the same words."""
    cell, link = the_button(message)
    text_link = message.body.splitlines()[1]
    assert link["href"] == text_link and link.get_text() == words
    page = BeautifulSoup(client.get(text_link.removeprefix(SITE)).content, "html.parser")
    assert words in [button.get_text(strip=True) for button in page.select("button[type=submit]")]


pytestmark = pytest.mark.django_db


def test_the_registration_mail_has_one_big_button_confirmer_mon_adresse(demo_site, client):
    occurrence = make_atelier(slug="atelier-gros-caracteres").occurrences.get()
    mail.outbox.clear()
    agenda_registration.register(occurrence, "Annie", "annie@exemple.fr", 1)
    (message,) = mail.outbox
    assert message.subject.startswith("Confirmez votre inscription avant le ")
    check_action_mail(client, message, "Confirmer mon adresse")


def test_the_freed_place_mail_has_one_big_button_je_prends_la_place(demo_site, client):
    occurrence = make_atelier(slug="atelier-place-libre", places=1).occurrences.get()
    annie = agenda_registration.register(occurrence, "Annie", "annie@exemple.fr", 1)
    annie.status = RegistrationStatus.OFFERED
    annie.email_confirmed_at = timezone.now()
    annie.offer_expires_at = timezone.now() + datetime.timedelta(hours=12)
    annie.save()
    mail.outbox.clear()
    agenda_emails.send_offer(annie)
    (message,) = mail.outbox
    assert message.subject.startswith("Une place est libre pour vous")
    check_action_mail(client, message, "Je prends la place")


def test_the_booking_request_mail_has_one_big_button_confirmer_ma_demande(demo_site, client):
    room = make_room()
    mail.outbox.clear()
    assert client.post(form_url(room), valid(monday_in(2))).status_code == 201
    (message,) = mail.outbox
    assert Booking.objects.get(room=room).status == "unconfirmed"
    assert message.subject.startswith("Confirmez votre demande de réservation avant le ")
    check_action_mail(client, message, "Confirmer ma demande")


def test_the_follow_mail_has_one_big_button_confirmer_mon_abonnement(demo_site, client):
    mail.outbox.clear()
    client.post("/suivre-les-ateliers/", {"email": "suzanne@exemple.fr", "rhythm": "weekly"})
    (message,) = mail.outbox
    assert Subscription.objects.get(email="suzanne@exemple.fr").confirmed_at is None
    assert message.body.startswith("Confirmez votre abonnement aux ateliers\u00a0: ouvrez ce lien")
    check_action_mail(client, message, "Confirmer mon abonnement")
    assert "List-Unsubscribe" in message.extra_headers


def test_the_donation_mail_has_one_big_button_confirmer_mon_adresse(demo_site, client):
    mail.outbox.clear()
    client.post("/reemploi/donner/", {**DONATION, "form_key": "gros-caracteres"})
    (message,) = mail.outbox
    check_action_mail(client, message, "Confirmer mon adresse")


def test_the_computer_request_mail_has_one_big_button_confirmer_mon_adresse(demo_site, client):
    form = {"purpose": "Mes démarches", "name": "Morgane", "email": "morgane@exemple.fr", "phone": ""}
    mail.outbox.clear()
    client.post("/reemploi/ordinateurs/clic-n-puces/demande/", form)
    message = next(message for message in mail.outbox if message.to == ["morgane@exemple.fr"])
    check_action_mail(client, message, "Confirmer mon adresse")


def test_the_my_bookings_mail_has_one_big_button_with_the_pages_title(demo_site, client):
    mail.outbox.clear()
    client.post("/reserver/mes-reservations/", {"email": "annie@exemple.fr", "website": ""})
    if not mail.outbox:  # the address has nothing yet: give it a booking
        room = make_room()
        client.post(form_url(room), valid(monday_in(2)))
        mail.outbox.clear()
        client.post("/reserver/mes-reservations/", {"email": "annie@exemple.fr", "website": ""})
    (message,) = mail.outbox
    _cell, link = the_button(message)
    assert link["href"] == message.body.splitlines()[1]
    page = BeautifulSoup(client.get(link["href"].removeprefix(SITE)).content, "html.parser")
    assert link.get_text() == page.h1.get_text(strip=True) == "Mes réservations et inscriptions"


INFORMATION_MAILS = {
    "registered": agenda_emails.send_registered,
    "reminder": agenda_emails.send_reminder,
    "cancelled": agenda_emails.send_cancellation,
    "occurrence_cancelled": agenda_emails.send_occurrence_cancelled,
    "session_message": lambda registration: agenda_emails.send_session_message(
        SessionMessage(
            occurrence=registration.occurrence, subject="Apportez <b>votre</b> téléphone", body="À demain !"
        ),
        registration,
    ),
}


@pytest.mark.parametrize("name", INFORMATION_MAILS)
def test_a_mail_that_asks_nothing_has_the_large_print_without_a_button(demo_site, name):
    occurrence = make_atelier(slug="atelier-information").occurrences.get()
    annie = agenda_registration.register(occurrence, "Annie", "annie@exemple.fr", 1)
    mail.outbox.clear()
    INFORMATION_MAILS[name](annie)
    (message,) = mail.outbox
    soup = check_large_print(message)
    assert not [cell for cell in soup.find_all("td", bgcolor=True) if cell.find("a", recursive=False)]
    # A line « Mes réservations et inscriptions : » and its link become one link under those words.
    links = {link.get_text(): link["href"] for link in soup.find_all("a")}
    if name in ("cancelled", "occurrence_cancelled"):
        return  # no links in those
    assert links["Mes réservations et inscriptions"] == f"{SITE}/reserver/mes-reservations/"


def test_the_follow_news_keeps_its_own_rows_in_the_large_print_layout(demo_site):
    atelier = make_atelier(slug="atelier-nouveau", title="Atelier <nouveau>")
    subscription = Subscription.objects.create(email="suzanne@exemple.fr", rhythm="each", confirmed_at=timezone.now())
    mail.outbox.clear()
    follow_emails.send_new_ateliers(subscription, [atelier])
    (message,) = mail.outbox
    soup = check_large_print(message)
    assert soup.h3.get_text() == "Atelier <nouveau>"
    assert [link.get_text() for link in soup.find_all("a")][-2:] == ["Modifier mes choix", "Se désabonner"]


def test_text_is_escaped_in_the_large_print_part():
    context = {"series": "Série", "bookings": [], "name": "<script>alert(1)</script>", "kind": "cancelled"}
    message = emails.compose("Série annulée", "booking/emails/series.txt", context, ["a@exemple.fr"])
    assert "<script>" not in html_part(message) and "&lt;script&gt;" in html_part(message)


def test_a_button_whose_link_is_not_in_the_text_is_refused():
    with pytest.raises(ValueError, match="lien du bouton"):
        emails.split_text("Faites-le.\nhttp://testserver/a/", emails.Button("http://testserver/b/", "Oui"))


def test_paragraphs_put_a_link_under_the_words_that_announce_it():
    text = "Bonjour,\n\nMes réservations\u00a0:\nhttp://testserver/m/\nhttp://testserver/n/\n\n—\nL'espace"
    assert emails.paragraphs(text) == [
        [{"text": "Bonjour,"}],
        [{"url": "http://testserver/m/", "label": "Mes réservations"}, {"url": "http://testserver/n/"}],
        [{"text": "—"}, {"text": "L'espace"}],
    ]


@pytest.mark.django_db(transaction=True)
def test_the_worker_delivers_the_large_print_part_over_smtp(smtp_settings, smtp_server):
    button = emails.Button(
        "https://espace.example/reserver/mes-reservations/jeton/", "Mes réservations et inscriptions"
    )
    context = {"url": button.url}
    message = emails.compose(
        "Vos réservations", "booking/emails/my_bookings.txt", context, ["annie@exemple.fr"], button
    )
    mail_queue.queue(message)
    sink = smtp_server()
    call_command("worker", "--batch", "--no-startup-delay", stdout=io.StringIO(), verbosity=0)
    (envelope,) = sink.messages
    received = email.message_from_bytes(envelope.content)
    parts = {
        part.get_content_type(): part.get_payload(decode=True).decode().replace("\r\n", "\n")
        for part in received.walk()
        if not part.is_multipart()
    }
    assert parts["text/plain"] == message.body
    assert parts["text/html"] == html_part(message)
    delivered = mail.EmailMultiAlternatives(body=parts["text/plain"])
    delivered.attach_alternative(parts["text/html"], "text/html")
    _cell, link = the_button(delivered, site="https://espace.example")
    assert link["href"] == button.url
