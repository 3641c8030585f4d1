"""Mail leaves the request: `queue()` stores each message as a task in the same
database transaction as the row it describes, and the worker sends it, retrying
with back-off while the SMTP server fails.

With a backend that cannot wait (ImmediateBackend: development and tests) the
message is sent at once, and a failure is logged instead of retried.

At most once per recipient: a task whose worker was killed is run again
(core.workers), so each queued message carries an id, and a DeliveredMail row is
written as soon as the SMTP server has accepted it; a task run again finds it and
sends nothing. The one gap is a kill between the server's acceptance and that write
(a few milliseconds): that rare mail arrives twice, never zero times.
"""

import base64
import datetime
import logging
import smtplib
import uuid

from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from django_tasks import task

logger = logging.getLogger("espace.mail")

# Minutes before each new attempt: about ten hours in all, then the message is given up.
RETRY_MINUTES = [1, 5, 15, 60, 180, 360]


def serialise(message):
    """A JSON-safe form of an EmailMessage (what the task queue stores)."""
    attachments = []
    for filename, content, mimetype in message.attachments:
        raw = content.encode() if isinstance(content, str) else content
        attachments.append([filename, base64.b64encode(raw).decode("ascii"), mimetype])
    return {
        "id": uuid.uuid4().hex,
        "subject": message.subject,
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [[content, mimetype] for content, mimetype in getattr(message, "alternatives", [])],
        "attachments": attachments,
    }


def deserialise(data):
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    for filename, content, mimetype in data["attachments"]:
        message.attach(filename, base64.b64decode(content), mimetype)
    return message


def queue(message, report_to=""):
    """Queues an EmailMessage; call it inside the transaction that makes what it tells.
    `report_to`: the address of the person who wrote it, told if it cannot be built."""
    if message.to:
        deliver.enqueue({**serialise(message), "report_to": report_to})


def report_unbuildable(data, error):
    """A message that no attempt will send (a line break in its subject…): logged, and
    its writer, when known, is told by mail, never left to believe it was sent."""
    logger.error("Courriel impossible à construire pour %s (%r)\u00a0: %s", data["to"], data["subject"], error)
    if data.get("report_to"):
        body = gettext(
            "Votre message «\u00a0%(subject)s\u00a0» n'a pas pu être envoyé à %(to)s\u00a0: il contient un caractère "
            "interdit dans un courriel (un retour à la ligne dans l'objet, par exemple). "
            "Corrigez-le, puis envoyez-le de nouveau depuis l'administration du site."
        ) % {"subject": " ".join(str(data["subject"]).split()), "to": ", ".join(data["to"])}
        queue(EmailMessage(gettext("Message non envoyé"), body, to=[data["report_to"]]))


def is_permanent(error):
    """A refusal that trying again will not change (5xx answers, refused recipients)."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return True
    return isinstance(error, smtplib.SMTPResponseException) and error.smtp_code >= 500


def can_run_again(data):
    """Only a stored task can be run a second time (not with ImmediateBackend); mails
    queued before messages had an id have none."""
    return bool(data.get("id")) and deliver.get_backend().supports_defer


def was_delivered(data):
    from core.models import DeliveredMail

    return can_run_again(data) and DeliveredMail.objects.filter(task_id=data["id"]).exists()


def mark_delivered(data):
    """Written at once (the worker runs tasks outside a transaction)."""
    from core.models import DeliveredMail

    if can_run_again(data):
        DeliveredMail.objects.get_or_create(task_id=data["id"])


@task()
def deliver(data, attempt=1):
    """Sends one message, unless a run of this task killed before its end had sent it;
    on a temporary failure queues the next attempt."""
    if was_delivered(data):
        return "déjà envoyé"
    try:
        message = deserialise(data)
        message.message()  # builds the headers: a line break in one is refused here
    except ValueError as error:
        report_unbuildable(data, error)
        return "impossible à construire"
    try:
        with get_connection() as connection:
            connection.send_messages([message])
    except (OSError, smtplib.SMTPException) as error:
        backend = deliver.get_backend()
        if is_permanent(error) or attempt > len(RETRY_MINUTES) or not backend.supports_defer:
            logger.error(
                "Courriel non envoyé à %s (%s) après %d essai(s)\u00a0: %s", data["to"], data["subject"], attempt, error
            )
            raise
        delay = datetime.timedelta(minutes=RETRY_MINUTES[attempt - 1])
        deliver.using(run_after=timezone.now() + delay).enqueue(data, attempt=attempt + 1)
        logger.warning("Courriel pour %s en attente (%s)\u00a0: nouvel essai dans %s", data["to"], error, delay)
        return f"nouvel essai dans {delay}"
    mark_delivered(data)
    return "envoyé"


def deadline(moment):
    """« mercredi 9 décembre, 14 h » (« 14 h 30 » past the hour), in Paris time: the words of a
    mail's subject and first line that ask for an action before then."""
    local = timezone.localtime(moment)
    hour = f"{local.hour}\u00a0h" + (f"\u00a0{local.minute:02d}" if local.minute else "")
    return f"{date_format(local, 'l j F')}, {hour}"
