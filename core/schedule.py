"""Jobs that run by themselves. Apps declare them with `@schedule.job(...)`; the
scheduler process (`manage.py scheduler`) queues those that are due, and the
task worker runs them. Times are Paris wall-clock times."""

import datetime
import logging
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from django_tasks import task

logger = logging.getLogger("espace.schedule")


@dataclass(frozen=True)
class Job:
    name: str
    func: object
    every: datetime.timedelta | None = None
    daily_at: datetime.time | None = None

    def next_run(self, last):
        """The first moment the job is due after a run queued at `last`."""
        if self.every:
            return last + self.every
        local = timezone.localtime(last)
        today_at = timezone.make_aware(datetime.datetime.combine(local.date(), self.daily_at))
        return today_at if local < today_at else today_at + datetime.timedelta(days=1)

    def is_due(self, last, now):
        return last is None or now >= self.next_run(last)


_jobs = {}


def job(name, every_minutes=None, daily_at=None):
    """Declares `func` as a job run every `every_minutes`, or each day at `daily_at` ("HH:MM")."""
    if (every_minutes is None) == (daily_at is None):
        raise ValueError("a job runs either every N minutes or daily at a time")

    def register(func):
        _jobs[name] = Job(
            name=name,
            func=func,
            every=datetime.timedelta(minutes=every_minutes) if every_minutes else None,
            daily_at=datetime.time.fromisoformat(daily_at) if daily_at else None,
        )
        return func

    return register


def jobs():
    return dict(_jobs)


def tick(now=None):
    """Queues every job that is due; returns their names."""
    from core.models import ScheduledJob

    now = now or timezone.now()
    queued = []
    for name, declared in sorted(_jobs.items()):
        state, _created = ScheduledJob.objects.get_or_create(name=name)
        if not declared.is_due(state.last_enqueued_at, now):
            continue
        with transaction.atomic():
            # Conditional: another scheduler that queued it meanwhile wins, and this one skips it.
            won = ScheduledJob.objects.filter(name=name, last_enqueued_at=state.last_enqueued_at).update(
                last_enqueued_at=now
            )
            if won:
                run_job.enqueue(name)
                queued.append(name)
    return queued


@task()
def run_job(name):
    """Runs one job in the worker and records what it said."""
    from core.models import ScheduledJob

    try:
        outcome = str(_jobs[name].func() or "")
    except Exception as error:
        ScheduledJob.objects.filter(name=name).update(
            last_finished_at=timezone.now(), last_outcome=f"échec\u00a0: {error!r}"[:1000]
        )
        logger.exception("La tâche planifiée %s a échoué", name)
        raise
    ScheduledJob.objects.filter(name=name).update(last_finished_at=timezone.now(), last_outcome=outcome[:1000])
    return outcome
