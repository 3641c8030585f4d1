from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from agenda import registration
from agenda.models import AtelierPage


class Command(BaseCommand):
    help = (
        "Daily agenda housekeeping, safe to run again: frees the places of offers and registrations not "
        "confirmed in time, sends reminders, extends recurring ateliers' sessions, and deletes the personal "
        "data of registrations AGENDA_KEEP_REGISTRATIONS_DAYS after their session."
    )

    def handle(self, *args, **options):
        expired = registration.expire()
        reminded = registration.send_reminders()
        recurring = AtelierPage.objects.live().exclude(frequency="")
        for atelier in recurring:
            atelier.sync_occurrences()
        purged = registration.purge_personal_data(settings.AGENDA_KEEP_REGISTRATIONS_DAYS)
        self.stdout.write(
            _(
                "%(expired)s inscription(s) expirée(s), %(reminded)s rappel(s) envoyé(s), "
                "%(recurring)s atelier(s) récurrent(s) prolongé(s), %(purged)s inscription(s) effacée(s)."
            )
            % {"expired": expired, "reminded": reminded, "recurring": recurring.count(), "purged": purged}
        )
