"""Writing to the people of one session: the form, a preview of the email as it will
be sent and who it reaches, then sending (one email per person, from the worker)."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from agenda import emails
from agenda.admin.forms import SessionMessageForm
from agenda.admin.views.occurrences import managed_occurrence, occurrence_page
from agenda.models import Registration, SessionMessage


def default_subject(occurrence):
    start = timezone.localtime(occurrence.start)
    return gettext("%(atelier)s du %(date)s") % {
        "atelier": occurrence.atelier.title,
        "date": f"{start:%d/%m/%Y}",
    }


def preview_email(occurrence, data):
    """The email as one person will read it, with a stand-in name and link."""
    sample = Registration(occurrence=occurrence, name=gettext("Prénom"), people=1)
    draft = SessionMessage(occurrence=occurrence, subject=data["subject"], body=data["body"])
    return emails.build(
        sample,
        "session_message",
        draft.subject,
        manage=gettext("[le lien personnel de la personne, pour voir ou annuler son inscription]"),
        session_message=draft,
    )


def send_message(occurrence, data, user):
    """Keeps the message with the session and queues one email per person with an address."""
    recipients = [r for r in SessionMessage.recipients_of(occurrence, data["recipients"]) if r.email]
    with transaction.atomic():
        sent = SessionMessage.objects.create(
            occurrence=occurrence,
            sent_by=user,
            subject=data["subject"],
            body=data["body"],
            recipients=data["recipients"],
            recipient_count=len(recipients),
        )
        for registration in recipients:
            emails.send_session_message(sent, registration)
    return sent


def message_participants_view(request, occurrence_id):
    occurrence = managed_occurrence(request, occurrence_id)
    form = SessionMessageForm(
        request.POST if request.method == "POST" else None, initial={"subject": default_subject(occurrence)}
    )
    # « Modifier le message » on the preview comes back here with what was written.
    if request.method == "POST" and "edit" not in request.POST and form.is_valid():
        if "send" in request.POST:
            sent = send_message(occurrence, form.cleaned_data, request.user)
            messages.success(
                request,
                ngettext(
                    "Message envoyé à %(count)s personne.",
                    "Message envoyé à %(count)s personnes.",
                    sent.recipient_count,
                )
                % {"count": sent.recipient_count},
            )
            return redirect(occurrence_page(occurrence))
        registrations = SessionMessage.recipients_of(occurrence, form.cleaned_data["recipients"])
        return TemplateResponse(
            request,
            "agenda/admin/message_preview.html",
            {
                "occurrence": occurrence,
                "form": form,
                "email": preview_email(occurrence, form.cleaned_data),
                "reached": [r for r in registrations if r.email],
                "unreachable": [r for r in registrations if not r.email],
            },
        )
    return TemplateResponse(request, "agenda/admin/message_form.html", {"occurrence": occurrence, "form": form})
