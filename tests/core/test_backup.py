"""Backups: one archive with a consistent dump, the media and a manifest; restore
brings the site back exactly, and never over a site with content unless forced."""

import datetime
import errno
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


def rewrite_archive(archive, name, change):
    """The archive with the member `name` replaced by change(its bytes), the manifest kept."""
    with tarfile.open(archive) as tar:
        members = [(info, tar.extractfile(info).read()) for info in tar.getmembers()]
    damaged = archive.with_name("abimee-" + archive.name)
    with tarfile.open(damaged, "w") as tar:
        for info, data in members:
            if info.name == name:
                data = change(data)
                info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return damaged


def restore_exit(archive):
    """What `manage.py restore --force` prints and its exit status, as an operator sees them."""
    with pytest.raises(CommandError) as refused:
        call_command("restore", str(archive), "--force")
    return str(refused.value), refused.value.returncode


def test_a_backup_to_a_full_disk_says_so_in_french_and_leaves_no_partial_archive(backups, monkeypatch):
    make_content()
    backups.mkdir(parents=True)

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(tarfile.TarFile, "addfile", disk_full)
    with pytest.raises(CommandError, match="le disque est plein. Aucune sauvegarde n'a été écrite"):
        call_command("backup", stdout=io.StringIO())
    assert list(backups.iterdir()) == []


def test_a_backup_to_a_read_only_disk_says_so_in_french(backups, monkeypatch):
    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(backup.tempfile, "TemporaryDirectory", read_only)
    with pytest.raises(backup.BackupError, match="le disque est en lecture seule"):
        backup.create_backup()


def test_a_damaged_dump_is_refused_before_anything_changes(backups):
    make_content()
    archive = backup.create_backup()
    dump = backup.read_manifest(archive)["dump"]
    damaged = rewrite_archive(archive, dump, lambda data: data[: len(data) // 2] + b"\x00\xff" * 64)
    Room.objects.update(name="Changé depuis")

    message, status = restore_exit(damaged)

    assert "Sauvegarde abîmée, rien n'a été modifié" in message and dump in message
    assert status == 2
    assert Room.objects.get().name == "Changé depuis"  # database untouched


def test_a_damaged_media_file_is_refused_before_the_database_is_replaced(backups):
    make_content()
    archive = backup.create_backup()
    damaged = rewrite_archive(archive, "media/images/photo.jpg", lambda data: data + b"!")
    Room.objects.update(name="Changé depuis")
    default_storage.delete("images/photo.jpg")

    message, status = restore_exit(damaged)

    assert "media/images/photo.jpg\u00a0: son contenu ne correspond pas à l'inventaire" in message
    assert status == 2
    assert Room.objects.get().name == "Changé depuis"
    assert not default_storage.exists("images/photo.jpg")


def test_a_dump_the_database_cannot_read_is_a_french_message_not_a_traceback(backups):
    """An archive made before dumps had a checksum: the restore tool itself finds the damage."""
    make_content()
    archive = backup.create_backup()
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
    del manifest["dump_sha256"]
    old = rewrite_archive(archive, "manifest.json", lambda data: json.dumps(manifest).encode())
    damaged = rewrite_archive(old, manifest["dump"], lambda data: b"\xff\xfe pas une base " * 100)
    Room.objects.update(name="Changé depuis")

    message, status = restore_exit(damaged)

    assert "rien n'a été modifié" in message.lower()
    assert "Traceback" not in message
    assert status == 2
    assert Room.objects.get().name == "Changé depuis"
