"""The workers' signs of life, and the tasks of a worker that stopped giving them.

Each worker process writes its beat (core.models.WorkerBeat) every BEAT_SECONDS. A task
stays RUNNING while its worker runs it; a worker killed mid-task (SIGKILL, out of memory,
its machine gone) leaves it RUNNING for ever. Once its worker has not beaten for
LOST_AFTER, the task is put back in the queue, and any worker runs it again. A mail
accepted by the SMTP server before the kill is not sent twice (core.mail.deliver).
"""

import datetime

from django.db.models import Max
from django.utils import timezone

from django_tasks import TaskResultStatus

BEAT_SECONDS = 30
# Several missed beats: a worker busy with a long task still beats (from its own thread).
LOST_AFTER = datetime.timedelta(seconds=4 * BEAT_SECONDS)


def beat(worker_id, now=None):
    from core.models import WorkerBeat

    WorkerBeat.objects.update_or_create(worker_id=worker_id, defaults={"seen_at": now or timezone.now()})


def last_beat():
    """When a worker was last seen alive, or None if none ever was."""
    from core.models import WorkerBeat

    return WorkerBeat.objects.aggregate(last=Max("seen_at"))["last"]


def live_workers(now=None):
    from core.models import WorkerBeat

    return set(
        WorkerBeat.objects.filter(seen_at__gte=(now or timezone.now()) - LOST_AFTER).values_list("worker_id", flat=True)
    )


def abandoned_tasks(now=None):
    """The RUNNING tasks whose worker no longer beats."""
    from django_tasks_db.models import DBTaskResult

    alive = live_workers(now)
    return [task for task in DBTaskResult.objects.running() if not (task.worker_ids and task.worker_ids[-1] in alive)]


def requeue(tasks):
    """Puts tasks back in the queue; each by a conditional UPDATE on the run it was in, so
    that two workers taking back the same task requeue it once. Returns how many."""
    from django_tasks_db.models import DBTaskResult

    requeued = 0
    for task in tasks:
        requeued += DBTaskResult.objects.filter(
            pk=task.pk, status=TaskResultStatus.RUNNING, started_at=task.started_at
        ).update(status=TaskResultStatus.READY)
    return requeued


def take_back_abandoned(now=None):
    """The tasks of workers that stopped beating go back to the queue; returns how many."""
    return requeue(abandoned_tasks(now))


def take_back_own(worker_id):
    """After a database outage, the tasks this worker was running when it lost the database
    (it could not record their end): it runs nothing now, they go back to the queue."""
    from django_tasks_db.models import DBTaskResult

    return requeue(task for task in DBTaskResult.objects.running() if task.worker_ids[-1:] == [worker_id])


def forget_old_beats(now=None):
    from core.models import WorkerBeat

    return WorkerBeat.objects.filter(seen_at__lt=(now or timezone.now()) - datetime.timedelta(days=1)).delete()[0]
