import signal
import threading

from django.db import DatabaseError, close_old_connections, connection

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from core import health

HEARTBEAT_SECONDS = 30


def keep_heartbeat():
    """Touches the worker's heartbeat file while its database answers (the container's
    HEALTHCHECK reads it), from a thread of its own."""
    while True:
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
            health.touch_heartbeat("worker")
        except DatabaseError:
            pass
        finally:
            close_old_connections()
        threading.Event().wait(HEARTBEAT_SECONDS)


class Command(DatabaseWorkerCommand):
    help = "Le worker : envoie les courriels mis en file et exécute les tâches planifiées (django-tasks-db)."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.set_defaults(queue_name="*", reload=False)

    def handle(self, *args, **options):
        if options["batch"]:  # `--batch` empties the queue and returns (cron, tests): no heartbeat
            handlers = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGTERM)}
            try:
                return super().handle(*args, **options)
            finally:
                for signum, handler in handlers.items():  # the library sets its own
                    signal.signal(signum, handler)
        threading.Thread(target=keep_heartbeat, daemon=True, name="heartbeat").start()
        return super().handle(*args, **options)
