"""What organisers wrote to the people registered for a session, kept with the session.
No addresses are stored: the purge of personal data leaves these rows as they are."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from agenda.models.occurrences import Occurrence, RegistrationStatus


class MessageRecipients(models.TextChoices):
    REGISTERED = "registered", _("Les personnes inscrites")
    WAITING = "waiting", _("La liste d'attente")
    BOTH = "both", _("Les personnes inscrites et la liste d'attente")


# The registration statuses each choice of recipients reaches (an offered place counts as registered).
RECIPIENT_STATUSES = {
    MessageRecipients.REGISTERED: [RegistrationStatus.REGISTERED, RegistrationStatus.OFFERED],
    MessageRecipients.WAITING: [RegistrationStatus.WAITING],
    MessageRecipients.BOTH: [RegistrationStatus.REGISTERED, RegistrationStatus.OFFERED, RegistrationStatus.WAITING],
}


class SessionMessage(models.Model):
    occurrence = models.ForeignKey(
        Occurrence, verbose_name=_("séance"), on_delete=models.CASCADE, related_name="messages"
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("envoyé par"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("envoyé le"), auto_now_add=True)
    subject = models.CharField(_("objet"), max_length=150)
    body = models.TextField(_("message"), max_length=5000)
    recipients = models.CharField(_("destinataires"), max_length=12, choices=MessageRecipients.choices)
    recipient_count = models.PositiveIntegerField(_("nombre de destinataires"), default=0)

    class Meta:
        ordering = ["-sent_at", "-pk"]
        verbose_name = _("message aux participants")
        verbose_name_plural = _("messages aux participants")

    def __str__(self):
        return self.subject

    @staticmethod
    def recipients_of(occurrence, kind):
        """The registrations a message of this kind goes to, with or without an email."""
        return occurrence.registrations.filter(status__in=RECIPIENT_STATUSES[kind]).order_by("created_at", "pk")
