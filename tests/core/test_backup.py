"""Backups: one archive with a consistent dump, the media and a manifest; restore
brings the site back exactly, and never over a site with content unless forced."""

import datetime
import hashlib
import io
import json
import os
import tarfile
import time

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

import pytest

from booking.models import Room
from core import backup, schedule
from tests.booking.conftest import make_room

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def backups(settings, tmp_path):
    settings.BACKUP_DIR = tmp_path / "sauvegardes"
    # A media storage of its own: the tests' in-memory one keeps what earlier tests uploaded.
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}
    return settings.BACKUP_DIR


def make_content():
    get_user_model().objects.create_user("coordination", password="x")
    make_room(name="Le fablab")
    default_storage.save("images/photo.jpg", ContentFile(b"\xff\xd8 une photo"))


def test_a_backup_holds_the_dump_the_media_and_a_manifest(backups):
    make_content()
    out = io.StringIO()
    call_command("backup", stdout=out)
    [archive] = backups.glob("espace-*.tar")
    assert str(archive) in out.getvalue() and "1 fichier(s) de médias" in out.getvalue()
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))
    assert {"manifest.json", manifest["dump"], "media/images/photo.jpg"} <= set(names)
    assert manifest["tables"]["booking_room"] == 1 and manifest["tables"]["auth_user"] == 1
    assert manifest["media"]["images/photo.jpg"] == hashlib.sha256(b"\xff\xd8 une photo").hexdigest()
    assert not list(backups.glob("tmp*")), "no half-written archive is left"


def test_restore_refuses_a_site_with_content_and_brings_everything_back_when_forced(backups):
    make_content()
    archive = backup.create_backup()
    Room.objects.all().delete()
    get_user_model().objects.create_user("intrus", password="x")
    default_storage.delete("images/photo.jpg")

    with pytest.raises(CommandError, match="contient déjà des comptes ou des pages"):
        call_command("restore", str(archive))
    assert not Room.objects.exists()  # nothing touched

    out = io.StringIO()
    call_command("restore", str(archive), "--force", stdout=out)
    assert "0 différence" in out.getvalue()
    assert list(Room.objects.values_list("name", flat=True)) == ["Le fablab"]
    assert list(get_user_model().objects.values_list("username", flat=True)) == ["coordination"]
    with default_storage.open("images/photo.jpg") as restored:
        assert restored.read() == b"\xff\xd8 une photo"


def test_an_emptied_database_is_restored_without_force(backups):
    make_content()
    archive = backup.create_backup()
    call_command("flush", "--no-input")
    call_command("restore", str(archive), stdout=io.StringIO())
    assert Room.objects.get().name == "Le fablab"


def test_a_file_that_is_not_a_backup_is_refused_in_french(backups, tmp_path):
    bogus = tmp_path / "pas-une-sauvegarde.tar"
    bogus.write_text("bonjour")
    with pytest.raises(CommandError, match="n'est pas une sauvegarde du site"):
        call_command("restore", str(bogus))


def test_old_archives_are_pruned_and_recent_ones_kept(backups):
    backups.mkdir(parents=True)
    old, recent = backups / "espace-20260101-023000.tar", backups / "espace-20261201-023000.tar"
    for path in (old, recent):
        path.write_bytes(b"")
    twenty_days_ago = time.time() - 20 * 86400
    os.utime(old, (twenty_days_ago, twenty_days_ago))
    assert backup.prune_backups(14) == 1
    assert [p.name for p in backups.iterdir()] == [recent.name]


def test_the_scheduler_backs_up_every_night(backups, settings):
    job = schedule.jobs()["backup"]
    assert job.daily_at == datetime.time(2, 30)
    settings.BACKUP_KEEP_DAYS = 14
    outcome = schedule.run_job.call("backup")
    assert outcome.startswith("espace-") and "0 sauvegarde(s) de plus de 14 jours effacée(s)" in outcome
