import signal
import threading

from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections

from core import health, schedule

TICK_SECONDS = 20


class Command(BaseCommand):
    help = (
        "Le planificateur\u00a0: met en file, à leur heure, les tâches déclarées par les applications "
        "(ménage de l'agenda et des réservations, etc.), que le worker exécute. --once\u00a0: un seul passage."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="un seul passage, puis s'arrête (cron, tests)")

    def handle(self, *args, once=False, **options):
        stop = threading.Event()
        if not once:
            for signum in (signal.SIGINT, signal.SIGTERM):
                signal.signal(signum, lambda *_args: stop.set())
            self.stdout.write(f"Planificateur\u00a0: {', '.join(sorted(schedule.jobs()))}")
        while not stop.is_set():
            close_old_connections()
            try:
                queued = schedule.tick()
            except DatabaseError as error:  # the database is away: try again at the next tick
                self.stderr.write(f"Base de données injoignable\u00a0: {error}")
            else:
                health.touch_heartbeat("scheduler")
                if queued:
                    self.stdout.write(f"En file\u00a0: {', '.join(queued)}")
            if once:
                return
            stop.wait(TICK_SECONDS)
