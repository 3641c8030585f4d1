"""The scheduler's own jobs: a heartbeat that shows the scheduler and a worker run, the
pruning of finished tasks (queued mails hold addresses: they are not kept) and of the login
logs (addresses and browsers of people who logged in or tried to)."""

import datetime

from django.conf import settings
from django.utils import timezone

from core import schedule

KEEP_SENT_DAYS = 7
KEEP_FAILED_DAYS = 30


@schedule.job("heartbeat", every_minutes=1)
def heartbeat():
    """Does nothing: its last run, in the admin's scheduled jobs, shows that the scheduler
    queues and a worker runs (readiness reads the workers' own beats, core.workers)."""
    return "ok"


@schedule.job("prune-tasks", daily_at="04:10")
def prune_tasks(now=None):
    from django_tasks_db.models import DBTaskResult

    from core.models import DeliveredMail

    now = now or timezone.now()
    done = DBTaskResult.objects.successful().filter(finished_at__lt=now - datetime.timedelta(days=KEEP_SENT_DAYS))
    failed = DBTaskResult.objects.failed().filter(finished_at__lt=now - datetime.timedelta(days=KEEP_FAILED_DAYS))
    # A mail's marker outlives every attempt of its task (about ten hours), then goes.
    markers = DeliveredMail.objects.filter(delivered_at__lt=now - datetime.timedelta(days=KEEP_FAILED_DAYS))
    markers.delete()
    removed = done.delete()[0] + failed.delete()[0]
    return f"{removed} tâche(s) terminée(s) effacée(s)."


@schedule.job("prune-login-logs", daily_at="04:20")
def prune_login_logs(now=None):
    """django-axes keeps every login's address and browser, and every failure's, for ever:
    kept LOGIN_LOG_KEEP_DAYS, long enough to see an attack, then erased."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    before = (now or timezone.now()) - datetime.timedelta(days=settings.LOGIN_LOG_KEEP_DAYS)
    removed = sum(model.objects.filter(attempt_time__lt=before).delete()[0] for model in (AccessLog, AccessFailureLog))
    removed += AccessAttempt.objects.filter(attempt_time__lt=before).delete()[0]
    return f"{removed} trace(s) de connexion effacée(s)."
