"""A worker killed mid-mail, or cut from its database: the mail is delivered all the same,
once. Real worker processes (manage.py worker) on the test database, real SMTP servers."""

import contextlib
import datetime
import io
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.utils import timezone

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from core import mail as mail_queue
from core import workers
from core.models import DeliveredMail, WorkerBeat
from tests.core.conftest import DATABASE_TASKS
from tests.espace.test_settings import INHERITED_VARIABLES_TO_DROP

ROOT = Path(settings.BASE_DIR)

WORKER = """
import django
django.setup()
from django.core.management import call_command
from django.test import override_settings
with override_settings(TASKS={tasks!r}, EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
                       EMAIL_HOST="127.0.0.1", EMAIL_PORT={port}, EMAIL_TIMEOUT=120):
    call_command("worker", "--no-startup-delay", "--interval", "0.2", "--worker-id", {worker_id!r})
"""


def database_url():
    """The test database, for a worker started in its own process."""
    params = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{params['NAME']}"
    host, port = params.get("HOST") or "127.0.0.1", params.get("PORT") or 5432
    return f"postgres://{params['USER']}@{host}:{port}/{params['NAME']}"


def start_worker(port, worker_id, output=subprocess.DEVNULL):
    env = {name: value for name, value in os.environ.items() if name not in INHERITED_VARIABLES_TO_DROP}
    env |= {"DJANGO_SETTINGS_MODULE": "espace.settings.test", "DATABASE_URL": database_url()}
    code = WORKER.format(tasks=DATABASE_TASKS, port=port, worker_id=worker_id)
    return subprocess.Popen(  # noqa: S603 (this interpreter, fixed code)
        [sys.executable, "-c", code], cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT
    )


def wait_for(condition, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def queue_one_mail():
    with override_settings(TASKS=DATABASE_TASKS):
        mail_queue.queue(mail.EmailMessage("Votre place est réservée", "À bientôt.", to=["annie@exemple.fr"]))
    return DBTaskResult.objects.get(task_path="core.mail.deliver")


@pytest.fixture
def silent_smtp():
    """An SMTP address that accepts the connection and never answers: the worker waits
    there, in the middle of sending."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        yield server.getsockname()[1]


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_while_sending_leaves_the_mail_to_the_next_worker_which_delivers_it_once(
    silent_smtp, smtp_settings, smtp_server
):
    task = queue_one_mail()
    killed = start_worker(silent_smtp, "worker-tue")
    try:
        assert wait_for(lambda: DBTaskResult.objects.get(pk=task.pk).status == TaskResultStatus.RUNNING)
        killed.send_signal(signal.SIGKILL)
        killed.wait(timeout=30)
    finally:
        killed.kill()
    assert DBTaskResult.objects.get(pk=task.pk).status == TaskResultStatus.RUNNING
    # Minutes pass: the killed worker beats no more.
    WorkerBeat.objects.update(seen_at=timezone.now() - workers.LOST_AFTER - datetime.timedelta(seconds=1))
    sink = smtp_server()

    call_command("worker", "--batch", "--no-startup-delay", stdout=io.StringIO(), verbosity=0)

    assert [envelope.rcpt_tos for envelope in sink.messages] == [["annie@exemple.fr"]]
    assert DBTaskResult.objects.get(pk=task.pk).status == TaskResultStatus.SUCCESSFUL


@pytest.mark.django_db(transaction=True)
def test_a_mail_already_accepted_by_the_server_is_not_sent_again_when_its_task_is_run_again(smtp_settings, smtp_server):
    """The worker was killed after the SMTP server accepted the mail, before the task was
    marked done: taken back, the task sends nothing more."""
    sink = smtp_server()
    task = queue_one_mail()
    call_command("worker", "--batch", "--no-startup-delay", stdout=io.StringIO(), verbosity=0)
    assert DeliveredMail.objects.count() == 1
    DBTaskResult.objects.filter(pk=task.pk).update(status=TaskResultStatus.RUNNING, worker_ids=["worker-tue"])

    assert workers.take_back_abandoned() == 1
    call_command("worker", "--batch", "--no-startup-delay", stdout=io.StringIO(), verbosity=0)

    assert len(sink.messages) == 1
    assert DBTaskResult.objects.get(pk=task.pk).return_value == "déjà envoyé"


@pytest.mark.django_db(transaction=True)
def test_a_task_of_a_worker_still_beating_is_left_to_it():
    task = queue_one_mail()
    DBTaskResult.objects.filter(pk=task.pk).update(status=TaskResultStatus.RUNNING, worker_ids=["vivant"])
    workers.beat("vivant")

    assert workers.take_back_abandoned() == 0
    assert DBTaskResult.objects.get(pk=task.pk).status == TaskResultStatus.RUNNING


@contextlib.contextmanager
def database_away():
    """The database refuses every connection for a while: PostgreSQL closes the others'
    connections and accepts no new one; SQLite's file is gone (a folder in its place)."""
    if connection.vendor == "postgresql":
        import psycopg

        params = connection.settings_dict
        name = params["NAME"]
        # From the server's own database: PostgreSQL refuses this on the database it cuts.
        admin = psycopg.connect(
            host=params.get("HOST") or "127.0.0.1",
            port=params.get("PORT") or 5432,
            user=params["USER"],
            password=params.get("PASSWORD") or None,
            dbname="postgres",
            autocommit=True,
        )
        with admin:
            admin.execute(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS false')
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                [name],
            )
            connection.close()
            try:
                yield
            finally:
                admin.execute(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS true')
        return
    path = Path(connection.settings_dict["NAME"])
    connection.close()
    aside = path.with_name(path.name + ".ailleurs")
    path.rename(aside)
    path.mkdir()
    try:
        yield
    finally:
        path.rmdir()
        aside.rename(path)


@pytest.mark.django_db(transaction=True)
def test_the_worker_waits_for_the_database_to_come_back_and_then_delivers(smtp_settings, smtp_server, tmp_path):
    sink = smtp_server()
    log = tmp_path / "worker.log"
    with log.open("wb") as output:
        worker = start_worker(smtp_settings, "worker-patient", output)
    try:
        assert wait_for(lambda: WorkerBeat.objects.filter(worker_id="worker-patient").exists())
        with database_away():
            assert wait_for(lambda: "Base de données injoignable" in log.read_text(), seconds=60), log.read_text()
        queue_one_mail()

        assert wait_for(lambda: len(sink.messages) == 1), log.read_text()
        assert worker.poll() is None  # still running
    finally:
        worker.terminate()
        worker.wait(timeout=30)


@pytest.mark.django_db
def test_the_delivered_markers_are_pruned_after_a_month():
    from core import jobs

    old = DeliveredMail.objects.create(task_id="00000000-0000-0000-0000-000000000001")
    DeliveredMail.objects.filter(pk=old.pk).update(delivered_at=timezone.now() - datetime.timedelta(days=31))
    recent = DeliveredMail.objects.create(task_id="00000000-0000-0000-0000-000000000002")

    jobs.prune_tasks()

    assert not DeliveredMail.objects.filter(pk=old.pk).exists()
    assert DeliveredMail.objects.filter(pk=recent.pk).exists()
