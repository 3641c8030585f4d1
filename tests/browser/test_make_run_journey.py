"""`make run` as a newcomer runs it: the demo site served on its port, and the
confirmation link of a registration, taken from the development outbox, opens
on that same site and confirms."""

import os
import re
import shutil
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.core.conftest import free_port
from tests.snapshots import SqliteStore

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.browser


@pytest.fixture
def make_run(tmp_path, db, django_db_setup):
    """`make run` on its own port, SQLite file, outbox and media (the repository stays as it is).

    The SQLite file starts as the harness's empty state, the test database just migrated (`db`
    has it made even when no other test of the run uses the database): the same tables and rows
    as `migrate` gives a newcomer's empty file, the harness's migrating from nothing proving the
    migrations. Migrating from nothing again cost 38 s of this test's 68 s on a loaded machine;
    `make run` still runs `migrate`, with nothing left to do, then builds the demo from nothing
    under the development settings."""
    if isinstance(django_db_setup.store, SqliteStore):
        shutil.copyfile(django_db_setup.store.path(django_db_setup.empty), tmp_path / "demo.sqlite3")
    port = free_port()
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DATABASE_URL", "CACHE_URL", "DJANGO_SETTINGS_MODULE", "SITE_URL"}
    }
    env.update(
        DATABASE_URL=f"sqlite:///{tmp_path / 'demo.sqlite3'}",
        EMAIL_OUTBOX_DIR=str(tmp_path / "courriels"),
        MEDIA_ROOT=str(tmp_path / "media"),
    )
    log = (tmp_path / "make-run.log").open("w")
    server = subprocess.Popen(
        ["make", "run", f"PORT={port}"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 240
        while True:
            try:
                urllib.request.urlopen(url + "/healthz", timeout=2)  # noqa: S310 (a local URL)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("make run n'a pas démarré :\n" + (tmp_path / "make-run.log").read_text()[-3000:])
                time.sleep(0.5)
        # The file was migrated already: make's echo of its commands shows it still migrates.
        assert "manage.py migrate" in (tmp_path / "make-run.log").read_text(), "make run ne migre plus la base"
        yield url
    finally:
        stop(server)
        log.close()


def stop(server):
    """Ctrl + C, as the newcomer stops it; on a loaded machine, kill what is left of its process group."""
    os.killpg(server.pid, signal.SIGINT)
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=20)


def test_the_confirmation_link_of_the_outbox_opens_on_the_make_run_site_and_confirms(browser, make_run):
    context = browser.new_context(locale="fr-FR", timezone_id="Europe/Paris")
    tab = context.new_page()
    tab.goto(make_run + "/agenda/")
    tab.get_by_role("link", name="Premiers pas sur l'ordinateur").first.click()
    tab.get_by_role("link", name=re.compile("^M'inscrire")).first.click()
    tab.get_by_label(re.compile("Votre nom")).fill("Jeanne Martin")
    tab.get_by_label(re.compile("Votre adresse électronique")).fill("jeanne@exemple.fr")
    tab.get_by_role("button", name="Envoyer mon inscription").click()
    expect(tab.get_by_role("heading", name="Encore une étape\u00a0: confirmez votre adresse")).to_be_visible()

    tab.goto(make_run + "/dev/courriels/")
    tab.get_by_role("link", name=re.compile("^Confirmez votre inscription")).first.click()
    link = tab.locator("a[href*='/agenda/inscription/']").first
    assert link.get_attribute("href").startswith(make_run + "/agenda/inscription/")
    link.click()  # the link itself, as the person would follow it
    tab.get_by_role("button", name="Confirmer mon adresse").click()
    expect(tab.get_by_role("status")).to_contain_text("votre adresse est confirmée")
    context.close()
