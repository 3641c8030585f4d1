from django.conf import settings
from django.core.management.base import BaseCommand

from booking import emails, rules
from booking.models import Booking, Status


class Command(BaseCommand):
    help = (
        "Tâches quotidiennes des réservations : expire les demandes non confirmées "
        "et efface les données personnelles des réservations anciennes. Sans risque à relancer."
    )

    def handle(self, *args, **options):
        expiring = list(Booking.objects.filter(pk__in=rules.stale_unconfirmed().values("pk")))
        expired = rules.expire_unconfirmed()
        for booking in expiring:
            booking.refresh_from_db()
            if booking.status == Status.EXPIRED:
                emails.send_status(booking)
        purged = rules.purge_personal_data(settings.BOOKING_KEEP_DAYS)
        self.stdout.write(f"{expired} demande(s) expirée(s), {purged} réservation(s) anonymisée(s).")
