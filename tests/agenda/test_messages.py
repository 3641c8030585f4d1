"""Organisers write to the people of one session: form, preview, then one email per
person with an address; the message is kept with the session, without addresses."""

import datetime
import re

from django.contrib.auth import get_user_model
from django.core import mail

import pytest

from agenda import registration
from agenda.models import Registration, RegistrationStatus, SessionMessage
from home.models import MemberPage
from tests.agenda.factories import make_atelier


def user(username):
    return get_user_model().objects.get(username=username)


def atelier_of(slug, **fields):
    atelier = make_atelier(title=f"Atelier {slug}", **fields)
    atelier.organisers = [MemberPage.objects.get(slug=slug)]
    atelier.save_revision().publish()
    return atelier


@pytest.fixture
def session(agenda):
    """A session of Les Mulots: two people registered with an email, one registered by the
    team without email, one on the waiting list."""
    occurrence = atelier_of("les-mulots", places=4, max_people_per_registration=2).occurrences.get()
    registration.register(occurrence, "Annie", "annie@exemple.fr", 1)
    registration.register(occurrence, "Bernard", "bernard@exemple.fr", 2)
    registration.register(occurrence, "Claude", "", 1, phone="06 12 34 56 78", registered_by=user("mulots"))
    registration.register(occurrence, "Denise", "denise@exemple.fr", 1)
    assert occurrence.registrations.get(name="Denise").status == RegistrationStatus.WAITING
    mail.outbox.clear()
    return occurrence


def url(occurrence):
    return f"/admin/agenda/seances/{occurrence.pk}/ecrire/"


MESSAGE = {"subject": "Atelier : apportez votre chargeur", "body": "Pensez au chargeur.", "recipients": "registered"}


def test_the_form_opens_with_the_atelier_and_date_as_subject(session, client):
    client.force_login(user("mulots"))
    page = client.get(url(session)).content.decode()
    assert "Atelier les-mulots du " in page and session.start.astimezone().strftime("%d/%m/%Y") in page


def test_the_preview_shows_the_email_and_who_it_reaches_and_sends_nothing(session, client):
    client.force_login(user("mulots"))
    page = client.post(url(session), {**MESSAGE, "preview": ""}).content.decode()
    assert "Ce message partira à 2 personnes." in page
    assert "1 personne n'a pas d'adresse électronique" in page and "06 12 34 56 78" in page
    assert "Pensez au chargeur." in page and "Atelier : apportez votre chargeur" in page
    assert "annie@exemple.fr" not in page  # the preview is a stand-in, not someone's email
    assert mail.outbox == [] and not SessionMessage.objects.exists()


def test_sending_emails_each_person_alone_with_their_own_cancel_link(session, client):
    client.force_login(user("mulots"))
    response = client.post(url(session), {**MESSAGE, "send": ""})
    assert response.status_code == 302
    assert sorted(m.to for m in mail.outbox) == [["annie@exemple.fr"], ["bernard@exemple.fr"]]
    for sent in mail.outbox:
        person = Registration.objects.get(email=sent.to[0])
        assert sent.subject == MESSAGE["subject"] and not sent.cc and not sent.bcc
        assert "Pensez au chargeur." in sent.body and f"Bonjour {person.name}," in sent.body
        (token,) = set(re.findall(r"/agenda/inscription/([^/\s]+)/", sent.body))  # signed at sending
        assert Registration.from_token(token) == person
    kept = SessionMessage.objects.get()
    assert (kept.occurrence, kept.sent_by, kept.recipients, kept.recipient_count) == (
        session, user("mulots"), "registered", 2,
    )  # fmt: skip


def test_the_waiting_list_or_both_can_be_chosen(session, client):
    client.force_login(user("coordination"))
    client.post(url(session), {**MESSAGE, "recipients": "waiting", "send": ""})
    assert [m.to for m in mail.outbox] == [["denise@exemple.fr"]]
    mail.outbox.clear()
    client.post(url(session), {**MESSAGE, "recipients": "both", "send": ""})
    assert len(mail.outbox) == 3
    assert list(SessionMessage.objects.values_list("recipient_count", flat=True)) == [3, 1]


def test_the_session_page_lists_the_messages_sent(session, client):
    client.force_login(user("mulots"))
    client.post(url(session), {**MESSAGE, "send": ""})
    page = client.get(f"/admin/agenda/occurrence/inspect/{session.pk}/").content.decode()
    assert "Messages envoyés" in page and "Atelier : apportez votre chargeur" in page and "2 courriels" in page


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"body": ""}, "Écrivez le message."),
        ({"subject": ""}, "Écrivez l&#x27;objet du message."),
        ({"subject": "x" * 151}, "150 caractères"),
        ({"recipients": "everyone"}, "Sélectionnez un choix valide"),
    ],
)
def test_bad_input_is_refused_in_french_and_nothing_is_sent(session, client, changes, error):
    client.force_login(user("mulots"))
    response = client.post(url(session), {**MESSAGE, **changes, "send": ""})
    assert response.status_code == 200 and error in response.content.decode()
    assert mail.outbox == [] and not SessionMessage.objects.exists()


def refused(response):
    """Wagtail's answer to PermissionDenied in its admin: back to the dashboard, with a message."""
    return response.status_code == 302 and response.url == "/admin/"


def test_another_members_session_is_refused(session, client):
    client.force_login(user("depantek"))
    assert refused(client.get(url(session)))
    assert refused(client.post(url(session), {**MESSAGE, "send": ""}))
    assert refused(client.get(f"/admin/agenda/occurrence/inspect/{session.pk}/"))
    assert mail.outbox == [] and not SessionMessage.objects.exists()


def test_the_purge_keeps_the_messages_which_hold_no_personal_data(session, client):
    client.force_login(user("mulots"))
    client.post(url(session), {**MESSAGE, "send": ""})
    registration.purge_personal_data(keep_days=0, now=session.end + datetime.timedelta(days=1))
    assert not Registration.objects.exists()
    kept = SessionMessage.objects.values().get()
    assert not any("@" in str(value) for value in kept.values())
    assert kept["recipient_count"] == 2


@pytest.mark.parametrize("subject", ["Atelier\nannulé", "Atelier\r\nBcc: tous@exemple.fr"])
def test_a_subject_with_a_line_break_is_refused_and_nothing_sent(session, client, subject):
    client.force_login(user("mulots"))
    for action in ("preview", "send"):
        response = client.post(url(session), {**MESSAGE, "subject": subject, action: ""})
        assert response.status_code == 200
        assert "L&#x27;objet tient sur une ligne" in response.content.decode()
    assert not SessionMessage.objects.exists() and mail.outbox == []


def test_a_message_the_worker_cannot_build_is_reported_to_its_writer(session, client):
    from core import mail as mail_queue

    writer = user("mulots")
    sent = SessionMessage.objects.create(
        occurrence=session, sent_by=writer, subject="Atelier\nannulé", body="Texte", recipient_count=1
    )
    annie = session.registrations.get(name="Annie")
    data = mail_queue.serialise(mail.EmailMessage("Atelier\nannulé", "Texte", to=[annie.email]))
    assert mail_queue.deliver.call({**data, "report_to": writer.email}) == "impossible à construire"
    [report] = mail.outbox
    assert report.to == [writer.email] and report.subject == "Message non envoyé"
    assert "«\u00a0Atelier annulé\u00a0» n'a pas pu être envoyé à annie@exemple.fr" in report.body
    # Queued by the session's own path, the writer is the one told.
    from agenda import emails

    mail.outbox.clear()
    emails.send_session_message(sent, annie)
    assert [m.to for m in mail.outbox] == [[writer.email]]
