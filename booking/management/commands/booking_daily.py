from django.core.management.base import BaseCommand

from booking import jobs


class Command(BaseCommand):
    help = (
        "Tâches des réservations (le planificateur les lance chaque heure)\u00a0: expire les demandes non "
        "confirmées et efface les données personnelles des réservations anciennes. Sans risque à relancer."
    )

    def handle(self, *args, **options):
        self.stdout.write(jobs.housekeeping())
