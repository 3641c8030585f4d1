"""Mail leaves the request: `queue()` stores each message as a task in the same
database transaction as the row it describes, and the worker sends it, retrying
with back-off while the SMTP server fails.

With a backend that cannot wait (ImmediateBackend: development and tests) the
message is sent at once, and a failure is logged instead of retried.
"""

import base64
import datetime
import logging
import smtplib

from django.core.mail import EmailMultiAlternatives, get_connection
from django.utils import timezone
from django.utils.formats import date_format

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


def queue(message):
    """Queues an EmailMessage; call it inside the transaction that makes what it tells."""
    if message.to:
        deliver.enqueue(serialise(message))


def is_permanent(error):
    """A refusal that trying again will not change (5xx answers, refused recipients)."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return True
    return isinstance(error, smtplib.SMTPResponseException) and error.smtp_code >= 500


@task()
def deliver(data, attempt=1):
    """Sends one message; on a temporary failure queues the next attempt."""
    try:
        with get_connection() as connection:
            connection.send_messages([deserialise(data)])
    except (OSError, smtplib.SMTPException) as error:
        backend = deliver.get_backend()
        if is_permanent(error) or attempt > len(RETRY_MINUTES) or not backend.supports_defer:
            logger.error(
                "Courriel non envoyé à %s (%s) après %d essai(s) : %s", data["to"], data["subject"], attempt, error
            )
            raise
        delay = datetime.timedelta(minutes=RETRY_MINUTES[attempt - 1])
        deliver.using(run_after=timezone.now() + delay).enqueue(data, attempt=attempt + 1)
        logger.warning("Courriel pour %s en attente (%s) : nouvel essai dans %s", data["to"], error, delay)
        return f"nouvel essai dans {delay}"
    return "envoyé"


def deadline(moment):
    """« mercredi 9 décembre, 14 h » (« 14 h 30 » past the hour), in Paris time: the words of a
    mail's subject and first line that ask for an action before then."""
    local = timezone.localtime(moment)
    hour = f"{local.hour}\u00a0h" + (f"\u00a0{local.minute:02d}" if local.minute else "")
    return f"{date_format(local, 'l j F')}, {hour}"
