"""A member's own calendar, read on schedule into its ateliers (partners.calendar_import),
and what each of its events became: the mapping that keeps a second reading from
making the same atelier twice."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CalendarSource(models.Model):
    """The iCalendar address of a member's calendar (Nextcloud, Google, any .ics link).
    The address may hold a secret: only the member's editors and Coordination see it."""

    member = models.ForeignKey(
        "home.MemberPage", verbose_name=_("membre"), on_delete=models.CASCADE, related_name="calendar_sources"
    )
    url = models.URLField(
        _("adresse du calendrier (iCalendar)"),
        max_length=1000,
        help_text=_(
            "Le lien «\u00a0iCal\u00a0», «\u00a0ICS\u00a0» ou «\u00a0adresse secrète\u00a0» "
            "que donne votre agenda (Nextcloud, Google…). "
            "Il commence par https:// ou webcal://."
        ),
    )
    publish_directly = models.BooleanField(
        _("publier directement"),
        default=False,
        help_text=_(
            "Sinon, les ateliers importés arrivent en brouillon\u00a0: vous les relisez, puis vous les soumettez "
            "à la coordination."
        ),
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ajouté par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("ajouté le"), auto_now_add=True)
    last_attempt = models.DateTimeField(_("dernière tentative"), null=True, blank=True)
    last_success = models.DateTimeField(_("dernière lecture réussie"), null=True, blank=True)
    last_error = models.TextField(_("dernière erreur"), blank=True)
    last_outcome = models.CharField(_("dernier résultat"), max_length=300, blank=True)
    # Set while a worker reads it (a conditional UPDATE claims it): a second worker skips it.
    importing_since = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["member__title", "pk"]
        verbose_name = _("calendrier importé")
        verbose_name_plural = _("calendriers importés")

    def __str__(self):
        # Never the address: it may hold a secret, and this label shows in the admin's history.
        return _("Calendrier de %(member)s") % {"member": self.member.title}


class ImportedEvent(models.Model):
    """One event of a source (its UID, and for one date of a recurring event its
    RECURRENCE-ID) and the atelier it became, with what the import last wrote there:
    a field the member changed since is theirs (partners.calendar_import.merge)."""

    source = models.ForeignKey(CalendarSource, on_delete=models.CASCADE, related_name="events")
    uid = models.CharField(max_length=500)
    # "" for the event itself; the date's start (UTC, ISO) for one date of a repeat.
    recurrence_id = models.CharField(max_length=40, blank=True, default="")
    atelier = models.ForeignKey(
        "agenda.AtelierPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    written = models.JSONField(default=dict)
    removed_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("événement importé")
        verbose_name_plural = _("événements importés")
        constraints = [
            models.UniqueConstraint(fields=["source", "uid", "recurrence_id"], name="one_atelier_per_imported_event"),
        ]

    def __str__(self):
        return self.uid
