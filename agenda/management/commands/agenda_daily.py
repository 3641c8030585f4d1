from django.core.management.base import BaseCommand

from agenda import jobs


class Command(BaseCommand):
    help = (
        "Agenda housekeeping (the scheduler runs it every hour), safe to run again: frees the places of offers "
        "and registrations not confirmed in time, sends reminders, plans recurring ateliers' next sessions, and "
        "deletes the personal data of registrations AGENDA_KEEP_REGISTRATIONS_DAYS after their session."
    )

    def handle(self, *args, **options):
        self.stdout.write(jobs.housekeeping())
