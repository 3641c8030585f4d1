import contextlib
import logging
import threading

from django.db import DatabaseError, close_old_connections, connections

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand
from django_tasks_db.management.commands.db_worker import Worker

from core import health, workers

logger = logging.getLogger("espace.worker")

# A database outage: the worker waits this long between tries, as the scheduler does.
RETRY_SECONDS = 5


def beat_once(worker_id, touch_file):
    """The worker's beat in the database (which tells the other workers it is alive), the
    tasks of workers that stopped beating back in the queue, and the heartbeat file the
    container's HEALTHCHECK reads."""
    try:
        workers.beat(worker_id)
        if taken_back := workers.take_back_abandoned():
            logger.warning("%d tâche(s) d'un worker arrêté remise(s) en file.", taken_back)
        workers.forget_old_beats()
        if touch_file:
            health.touch_heartbeat("worker")
    except DatabaseError:
        pass  # the database is away: the worker itself waits for it
    finally:
        close_old_connections()


def keep_beating(worker_id, touch_file, stop):
    """From a thread of its own: a worker busy with a long task still beats."""
    try:
        while not stop.wait(workers.BEAT_SECONDS):
            beat_once(worker_id, touch_file)
    finally:
        connections.close_all()


class PatientWorker(Worker):
    """django-tasks-db's worker, which exits at the first database error: this one waits
    for the database to come back and goes on, and the tasks it could not finish
    meanwhile go back to the queue."""

    def run(self):
        while True:
            try:
                return super().run()
            except DatabaseError as error:
                if self.batch:  # cron and tests: say it and stop
                    raise
                logger.error("Base de données injoignable (%s)\u00a0: nouvel essai dans %d s.", error, RETRY_SECONDS)
            close_old_connections()
            threading.Event().wait(RETRY_SECONDS)
            with contextlib.suppress(DatabaseError):  # still away: the next loop waits again
                workers.take_back_own(self.worker_id)
            self.startup_delay = False


class Command(DatabaseWorkerCommand):
    help = "Le worker\u00a0: envoie les courriels mis en file et exécute les tâches planifiées (django-tasks-db)."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.set_defaults(queue_name="*", reload=False)

    def handle(self, *args, **options):
        self.configure_logging(options["verbosity"])
        worker = PatientWorker(
            queue_names=options["queue_name"].split(","),
            interval=options["interval"],
            batch=options["batch"],
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
            excluded_queue_names=options["exclude_queues"].split(",") if options["exclude_queues"] else [],
        )
        # Before the first look at the queue: a task left by a killed worker is run now.
        beat_once(worker.worker_id, not options["batch"])
        stop = threading.Event()
        beating = threading.Thread(
            target=keep_beating, args=(worker.worker_id, not options["batch"], stop), daemon=True, name="beat"
        )
        beating.start()
        if not options["batch"]:  # `--batch` empties the queue and returns (cron, tests)
            worker.configure_signals()
        try:
            worker.run()
        finally:
            stop.set()
            beating.join()
