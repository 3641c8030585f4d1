"""The development outbox: a mail backend that keeps every message as an .eml file in
EMAIL_OUTBOX_DIR and never sends it anywhere, and the pages that list them at /dev/courriels/."""

import uuid
from email import policy
from email.parser import BytesParser
from pathlib import Path

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone


class OutboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        outbox = Path(settings.EMAIL_OUTBOX_DIR)
        outbox.mkdir(parents=True, exist_ok=True)
        for message in email_messages:
            # The timestamp first keeps the files in the order they were sent.
            name = f"{timezone.now():%Y%m%d-%H%M%S-%f}-{uuid.uuid4().hex[:8]}.eml"
            (outbox / name).write_bytes(message.message().as_bytes())
        return len(email_messages)


def _outbox_dir():
    if not (settings.DEBUG and settings.EMAIL_OUTBOX_DIR):
        raise Http404
    return Path(settings.EMAIL_OUTBOX_DIR)


def _read(path):
    message = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
    body = message.get_body(preferencelist=("plain", "html"))
    return {
        "id": path.stem,
        "subject": message["subject"],
        "to": message["to"],
        "date": message["date"],
        "body": body.get_content() if body else "",
    }


def outbox_list(request):
    outbox = _outbox_dir()
    files = sorted(outbox.glob("*.eml"), reverse=True) if outbox.exists() else []
    return render(request, "dev/outbox_list.html", {"messages_sent": [_read(f) for f in files[:200]]})


def outbox_detail(request, message_id):
    path = _outbox_dir() / f"{message_id}.eml"
    if not path.is_file():
        raise Http404
    return render(request, "dev/outbox_detail.html", {"mail": _read(path)})
