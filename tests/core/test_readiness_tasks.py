"""/readyz reads the real task backend (django_tasks_db): mails waiting too long, tasks
left RUNNING by a worker that stopped, no worker beating. And the queue's own writes
(an idle worker's heartbeat) never empty the page cache."""

import datetime
import io

from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.utils import timezone

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from agenda.models import Category
from core import mail as mail_queue
from core import page_cache, schedule, workers
from core.models import WorkerBeat
from tests.core.conftest import DATABASE_TASKS


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = DATABASE_TASKS


def readiness_of_tasks(client):
    response = client.get("/readyz")
    assert response.status_code == 200  # a helper in trouble is said, the site still serves
    (line,) = [line for line in response.content.decode().splitlines() if line.startswith("tâches et courriels")]
    return line


def queue_mail():
    mail_queue.queue(mail.EmailMessage("Sujet", "Texte", to=["annie@exemple.fr"]))
    return DBTaskResult.objects.get(task_path="core.mail.deliver")


@pytest.mark.django_db
def test_readiness_says_when_no_worker_beats(client, database_tasks):
    assert "aucun worker actif" in readiness_of_tasks(client)
    WorkerBeat.objects.create(worker_id="ancien", seen_at=timezone.now() - datetime.timedelta(minutes=25))
    line = readiness_of_tasks(client)
    assert line.startswith("tâches et courriels\u00a0: dégradé — aucun worker actif depuis le ")


@pytest.mark.django_db
def test_readiness_is_ok_with_a_worker_beating_and_nothing_late(client, database_tasks):
    workers.beat("vivant")
    queue_mail()
    assert readiness_of_tasks(client).startswith(
        "tâches et courriels\u00a0: ok — worker actif\u00a0; 1 tâche(s) en file"
    )


@pytest.mark.django_db
def test_readiness_reports_a_mail_waiting_for_25_minutes(client, database_tasks):
    workers.beat("vivant")
    task = queue_mail()
    DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=timezone.now() - datetime.timedelta(minutes=25))
    assert "1 courriel(s) en attente depuis plus de 10 minutes" in readiness_of_tasks(client)


@pytest.mark.django_db
def test_readiness_reports_a_task_stuck_in_running_after_its_worker_stopped(client, database_tasks):
    workers.beat("vivant")
    task = queue_mail()
    DBTaskResult.objects.filter(pk=task.pk).update(status=TaskResultStatus.RUNNING, worker_ids=["tue"])
    line = readiness_of_tasks(client)
    assert "dégradé" in line
    assert "1 tâche(s) restée(s) «\u00a0en cours\u00a0» après l'arrêt de leur worker" in line


@pytest.mark.django_db(transaction=True)
def test_an_idle_worker_and_its_heartbeat_never_empty_the_page_cache(settings, database_tasks):
    settings.PAGE_CACHE_SECONDS = 30
    before = page_cache.generations()

    for _ in range(3):  # three minutes of an idle site: the heartbeat queued, claimed, run, finished
        schedule.tick(timezone.now() + datetime.timedelta(minutes=_))
        call_command("worker", "--batch", "--no-startup-delay", stdout=io.StringIO(), verbosity=0)

    assert DBTaskResult.objects.filter(task_path="core.schedule.run_job", status="SUCCESSFUL").count() >= 3
    assert page_cache.generations() == before
    Category.objects.create(name="Nouvelle catégorie", slug="nouvelle")  # content: the cache is emptied
    assert page_cache.generations() != before


def test_an_ignored_app_named_by_its_label_instead_of_its_module_stops_the_start(monkeypatch):
    monkeypatch.setattr(page_cache, "IGNORED_APPS", {"django_tasks_database"})
    with pytest.raises(ImproperlyConfigured, match="django_tasks_database"):
        page_cache.ignored_models.__wrapped__()


def test_the_task_queue_is_ignored_by_its_models():
    assert DBTaskResult in page_cache.ignored_models()
    assert WorkerBeat in page_cache.ignored_models()
    assert Category not in page_cache.ignored_models()
