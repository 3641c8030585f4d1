"""The agenda's housekeeping, run by the scheduler (core.schedule) and by
`manage.py agenda_daily`; safe to run again."""

from django.conf import settings
from django.utils.translation import gettext as _

from agenda import registration
from agenda.models import AtelierPage
from core import schedule


@schedule.job("agenda-housekeeping", every_minutes=60)
def housekeeping():
    """Frees the places of offers and registrations not confirmed in time and offers
    every free place to the people waiting, sends reminders, plans recurring ateliers'
    next sessions, deletes old registrations."""
    expired = registration.expire()
    offered = registration.offer_all_freed_places()
    reminded = registration.send_reminders()
    added = sum(atelier.sync_occurrences() for atelier in AtelierPage.objects.live().exclude(frequency=""))
    purged = registration.purge_personal_data(settings.AGENDA_KEEP_REGISTRATIONS_DAYS)
    return _(
        "%(expired)s inscription(s) expirée(s), %(offered)s place(s) proposée(s) à la liste d'attente, "
        "%(reminded)s rappel(s) envoyé(s), "
        "%(added)s séance(s) ajoutée(s) aux ateliers récurrents, %(purged)s inscription(s) effacée(s)."
    ) % {"expired": expired, "offered": offered, "reminded": reminded, "added": added, "purged": purged}
