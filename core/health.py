"""Readiness: can this process serve the site as it should? Liveness (/healthz)
only asks whether the database answers; readiness (/readyz) also checks the
settings, that migrations are applied, static files collected, and says how the cache, the mail
queue and the worker are doing."""

import datetime
import os
import time
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core import checks
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Q
from django.utils import timezone

OK, DEGRADED, FAILED = "ok", "dégradé", "échec"
# A queued mail older than this, or a worker silent for longer, is worth saying.
LATE = datetime.timedelta(minutes=10)
_migrations_applied = False  # once true in a process, stays true: new migrations come with new code
_configuration_sound = False  # the same: settings are read once per process


def heartbeat_path(role):
    return Path(os.environ.get("HEARTBEAT_DIR") or settings.BASE_DIR / "var") / f"{role}.heartbeat"


def touch_heartbeat(role):
    path = heartbeat_path(role)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch()


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return OK, "joignable"


def check_migrations():
    global _migrations_applied
    if not _migrations_applied:
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if pending:
            return FAILED, f"{len(pending)} migration(s) à appliquer (manage.py migrate)"
        _migrations_applied = True
    return OK, "à jour"


def check_configuration():
    """What a setting gets wrong that would answer every page with a 500: no SECRET_KEY, or
    an error Django's own checks find (run once per process, like the migrations)."""
    global _configuration_sound
    try:
        settings.SECRET_KEY  # noqa: B018 (Django refuses an empty one when it is read)
    except ImproperlyConfigured:
        return FAILED, "SECRET_KEY manquante"
    if not _configuration_sound:
        errors = [message.id for message in checks.run_checks() if message.is_serious()]
        if errors:
            return FAILED, f"erreur(s) de configuration\u00a0: {', '.join(errors)} (manage.py check)"
        _configuration_sound = True
    return OK, "sans erreur"


def check_static():
    try:
        staticfiles_storage.url("css/site.css")
    except ValueError:  # the manifest of hashed names is missing: collectstatic has not run
        return FAILED, "non collectés (manage.py collectstatic)"
    return OK, "présents"


def check_cache():
    state = getattr(cache, "state", None)
    if state is not None:
        return state()
    return OK, "local à chaque processus"


def check_tasks(now=None):
    """The mail queue and the workers, read from the task backend itself: mails waiting
    too long, tasks left RUNNING by a worker that stopped, no worker beating."""
    from django_tasks import task_backends

    from core import workers

    if not task_backends["default"].supports_defer:
        return OK, "exécutées tout de suite (pas de worker)"
    from django_tasks_db.models import DBTaskResult, get_date_max

    now = now or timezone.now()
    waiting = DBTaskResult.objects.ready()
    problems = []
    seen = workers.last_beat()
    if seen is None or seen < now - workers.LOST_AFTER:
        problems.append("aucun worker actif" + (f" depuis le {timezone.localtime(seen):%d/%m à %H:%M}" if seen else ""))
    if stuck := len(workers.abandoned_tasks(now)):
        problems.append(f"{stuck} tâche(s) restée(s) «\u00a0en cours\u00a0» après l'arrêt de leur worker")
    # Due since it was queued (no run_after), or since its run_after (a retry).
    due_long_ago = Q(run_after=get_date_max(), enqueued_at__lt=now - LATE) | Q(run_after__lt=now - LATE)
    late_mails = waiting.filter(due_long_ago, task_path="core.mail.deliver").count()
    if late_mails:
        problems.append(f"{late_mails} courriel(s) en attente depuis plus de 10 minutes")
    if problems:
        return DEGRADED, "\u00a0; ".join(problems)
    return OK, f"worker actif\u00a0; {waiting.count()} tâche(s) en file"


CHECKS = [
    ("configuration", check_configuration, True),
    ("base de données", check_database, True),
    ("migrations", check_migrations, True),
    ("fichiers statiques", check_static, True),
    ("cache", check_cache, False),
    ("tâches et courriels", check_tasks, False),
]


def readiness():
    """[(name, state, detail)] and whether the site can serve; a failed essential check
    fails readiness, a degraded helper only reports it."""
    results, ready = [], True
    for name, check, essential in CHECKS:
        started = time.monotonic()
        try:
            state, detail = check()
        except DatabaseError as error:
            state, detail = FAILED, f"base de données injoignable ({type(error).__name__})"
        if state == FAILED and essential:
            ready = False
        results.append((name, state, f"{detail} ({(time.monotonic() - started) * 1000:.0f} ms)"))
    return results, ready
