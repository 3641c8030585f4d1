"""A mail that asks for an action says it, with its deadline, in the subject and the first line."""

import datetime
import zoneinfo

from django.core import mail

from agenda import emails, registration
from core.mail import deadline
from tests.agenda.factories import make_atelier

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
NBSP = "\u00a0"


def test_a_deadline_reads_as_a_day_and_an_hour_in_paris_time():
    assert deadline(datetime.datetime(2026, 12, 9, 14, 0, tzinfo=PARIS)) == f"mercredi 9 décembre, 14{NBSP}h"
    assert deadline(datetime.datetime(2026, 12, 9, 9, 5, tzinfo=PARIS)) == f"mercredi 9 décembre, 9{NBSP}h{NBSP}05"
    # 23:30 UTC on the last Sunday of March is already Monday 1:30 in Paris (summer time).
    assert deadline(datetime.datetime(2027, 3, 28, 23, 30, tzinfo=datetime.UTC)) == f"lundi 29 mars, 1{NBSP}h{NBSP}30"


def test_the_registration_mail_asks_to_confirm_before_the_deadline_in_its_subject_and_first_line(agenda):
    occurrence = make_atelier(places=6).occurrences.get()
    made = registration.register(occurrence, "Annie", "annie@exemple.fr", 1)
    made.created_at = datetime.datetime(2026, 12, 7, 14, 0, tzinfo=PARIS)
    made.save(update_fields=["created_at"])
    mail.outbox.clear()
    emails.send_confirmation_request(made)
    (message,) = mail.outbox
    action = f"Confirmez votre inscription avant le mercredi 9 décembre, 14{NBSP}h"
    assert message.subject.startswith(action + " — ")
    lines = message.body.splitlines()
    assert lines[0] == f"{action}{NBSP}: ouvrez ce lien, puis cliquez sur «{NBSP}Confirmer mon adresse{NBSP}»."
    assert lines[1].startswith("http") and "/agenda/inscription/" in lines[1]  # the link, at once
    assert "/reserver/mes-reservations/" in message.body
