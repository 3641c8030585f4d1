"""The development-only page that lists the mails kept by espace.mail.OutboxBackend."""

from email import policy
from email.parser import BytesParser
from pathlib import Path

from django.conf import settings
from django.http import Http404
from django.shortcuts import render


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
