"""The mail that brings a report to Coordination, queued for the worker (core.mail)."""

from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils.translation import gettext

from core import mail
from core.groups import COORDINATION_GROUP
from home.models import EspaceSettings


def coordination_addresses():
    users = get_user_model().objects.filter(groups__name=COORDINATION_GROUP, is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def send_report(report, statement):
    """To every active member of Coordination (else to the espace's contact address); a reply
    goes to the person, if they gave an address."""
    contact = EspaceSettings.for_site(statement.get_site()).email
    recipients = coordination_addresses() or ([contact] if contact else [])
    if not recipients:
        return  # kept in the admin all the same
    context = {"report": report, "answer_days": statement.answer_days}
    message = EmailMessage(
        subject=gettext("Problème d'accessibilité signalé sur le site"),
        body=render_to_string("accessibility/emails/report.txt", context),
        to=recipients,
        reply_to=[report.email] if report.email else [],
    )
    mail.queue(message)
