from django.conf import settings
from django.core.management.base import BaseCommand

from booking import emails, rules


class Command(BaseCommand):
    help = (
        "Tâches quotidiennes des réservations : expire les demandes non confirmées "
        "et efface les données personnelles des réservations anciennes. Sans risque à relancer."
    )

    def handle(self, *args, **options):
        expired = rules.expire_unconfirmed()
        for booking in expired:
            emails.send_status(booking)
        purged = rules.purge_personal_data(settings.BOOKING_KEEP_DAYS)
        self.stdout.write(f"{len(expired)} demande(s) expirée(s), {purged} réservation(s) anonymisée(s).")
