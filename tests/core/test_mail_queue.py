"""Mail leaves the request: it is queued with the row it describes and sent by the
worker, which waits for an SMTP server that is down and sends each mail once."""

import datetime
import email.utils
import io
import logging
import re
import smtplib

from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from core import mail as mail_queue
from tests.agenda.factories import make_atelier
from tests.booking.conftest import make_room, monday_in
from tests.booking.test_views import form_url, valid
from tests.core.conftest import DATABASE_TASKS


def queued_mails():
    # Wagtail queues its own tasks too (search and reference index updates).
    return DBTaskResult.objects.filter(task_path="core.mail.deliver")


def run_worker():
    call_command("worker", "--batch", "--no-startup-delay", stdout=io.StringIO(), verbosity=0)


def bodies(sink):
    found = []
    for envelope in sink.messages:
        message = email.message_from_bytes(envelope.content)
        found.append(
            "".join(
                part.get_payload(decode=True).decode()
                for part in message.walk()
                if part.get_content_type() == "text/plain"
            )
        )
    return found


@pytest.mark.django_db(transaction=True)
def test_with_smtp_down_forms_answer_normally_and_the_worker_delivers_each_mail_once_it_is_back(
    committed_demo, client, smtp_settings, smtp_server
):
    room = make_room()
    booking_response = client.post(form_url(room), valid(monday_in(2)))
    atelier = make_atelier(slug="atelier-de-la-file")
    occurrence = atelier.occurrences.get()
    registration_response = client.post(
        f"{atelier.url}s-inscrire/{occurrence.pk}/",
        {"name": "Annie", "email": "annie@exemple.fr", "people": "1", "message": "", "website": ""},
    )

    # The person gets the page that says what happens next; the rows are saved once.
    assert booking_response.status_code == 201
    assert "confirmez votre adresse" in booking_response.content.decode()
    assert registration_response.status_code == 201
    assert "Encore une étape\u00a0: confirmez votre adresse" in registration_response.content.decode()
    assert room.bookings.count() == 1 and occurrence.registrations.count() == 1
    assert queued_mails().ready().count() == 2  # the two mails, queued

    # The worker tries while the SMTP server is down: both wait for a later attempt, in a minute.
    run_worker()
    retries = queued_mails().filter(status="READY")
    assert retries.count() == 2 and not retries.ready().exists()
    assert {row.args_kwargs["kwargs"]["attempt"] for row in retries} == {2}
    assert all(row.run_after > timezone.now() + datetime.timedelta(seconds=30) for row in retries)

    # The server comes back and the minute has passed: each mail arrives, with links at SITE_URL.
    sink = smtp_server()
    retries.update(run_after=timezone.now())
    run_worker()
    run_worker()  # nothing left: nothing sent twice
    assert sorted(envelope.rcpt_tos[0] for envelope in sink.messages) == ["annie@exemple.fr", "annie@exemple.fr"]
    links = [re.search(r"https?://\S+", body).group(0) for body in bodies(sink)]
    assert sorted(link.split("/")[3] for link in links) == ["agenda", "reserver"]
    assert all(link.startswith("https://espace.example/") for link in links)
    assert not DBTaskResult.objects.ready().exists()


@pytest.mark.django_db(transaction=True)
def test_a_transaction_that_fails_after_queuing_a_mail_sends_nothing():
    with override_settings(TASKS=DATABASE_TASKS), pytest.raises(RuntimeError), transaction.atomic():
        mail_queue.queue(mail.EmailMessage("Réservation confirmée", "…", to=["annie@exemple.fr"]))
        assert queued_mails().count() == 1
        raise RuntimeError("the booking could not be saved")
    assert not queued_mails().exists()
    with override_settings(TASKS=DATABASE_TASKS):
        run_worker()
    assert mail.outbox == []


def test_a_mail_queued_with_its_attachment_and_html_part_arrives_whole(settings):
    message = mail.EmailMultiAlternatives("Sujet", "Texte", to=["a@exemple.fr"], headers={"X-Espace": "1"})
    message.attach_alternative("<p>Texte</p>", "text/html")
    message.attach("atelier.ics", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")
    mail_queue.queue(message)  # the immediate backend of the tests sends at once
    [sent] = mail.outbox
    assert (sent.subject, sent.body, sent.to) == ("Sujet", "Texte", ["a@exemple.fr"])
    assert sent.extra_headers == {"X-Espace": "1"}
    assert sent.alternatives[0][1] == "text/html"
    assert sent.attachments[0][0] == "atelier.ics" and "VCALENDAR" in sent.attachments[0][1]


def test_an_smtp_failure_without_a_queue_is_logged_never_raised_to_the_page(settings, smtp_port, caplog):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", smtp_port
    with caplog.at_level(logging.ERROR, logger="espace.mail"):
        mail_queue.queue(mail.EmailMessage("Sujet", "Texte", to=["a@exemple.fr"]))
    assert "Courriel non envoyé à ['a@exemple.fr']" in caplog.text


@pytest.mark.parametrize(
    ("error", "permanent"),
    [
        (smtplib.SMTPRecipientsRefused({"a@exemple.fr": (550, b"no such user")}), True),
        (smtplib.SMTPDataError(554, b"rejected"), True),
        (smtplib.SMTPDataError(451, b"try later"), False),
        (smtplib.SMTPServerDisconnected("gone"), False),
        (ConnectionRefusedError(), False),
    ],
)
def test_only_temporary_smtp_failures_are_tried_again(error, permanent):
    assert mail_queue.is_permanent(error) is permanent


@pytest.mark.django_db  # a stored mail task first looks for its delivered marker
def test_the_last_attempt_is_logged_as_given_up(settings, smtp_port, caplog):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", smtp_port
    data = mail_queue.serialise(mail.EmailMessage("Sujet", "Texte", to=["a@exemple.fr"]))
    with (
        override_settings(TASKS=DATABASE_TASKS),
        caplog.at_level(logging.ERROR, logger="espace.mail"),
        pytest.raises(ConnectionRefusedError),
    ):
        mail_queue.deliver.call(data, attempt=len(mail_queue.RETRY_MINUTES) + 1)
    assert "après 7 essai(s)" in caplog.text


def test_a_mail_is_dated_in_paris_time_with_its_real_offset(db):
    """Not « -0000 » (RFC 5322: an unknown zone): +0100 in winter, +0200 in summer."""
    mail_queue.queue(mail.EmailMessage("Essai", "Bonjour", to=["annie@exemple.fr"]))
    sent = email.message_from_bytes(mail.outbox[-1].message().as_bytes())
    dated = email.utils.parsedate_to_datetime(sent["Date"])
    assert sent["Date"].endswith(("+0100", "+0200"))
    assert dated.utcoffset() == timezone.localtime(dated).utcoffset()
