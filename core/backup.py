"""Backups: one dated archive (tar) holding a consistent dump of the database —
pg_dump's custom format on PostgreSQL, SQLite's online backup API on SQLite, never
a copy of a live file — the media files, and a manifest (rows per table, a
checksum per media file) that `restore` checks the result against."""

import datetime
import errno
import hashlib
import io
import json
import os
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.utils import timezone

from core import schedule

MANIFEST = "manifest.json"
PREFIX = "espace-"


class BackupError(Exception):
    """Why a backup or a restore could not be made, in French; nothing was changed."""


class RestoreIncomplete(BackupError):
    """The database was restored, but not every media file could be written."""


def backup_dir():
    return Path(settings.BACKUP_DIR)


def count_rows(cursor, tables):
    quote = connection.ops.quote_name
    counts = {}
    for table in sorted(tables):
        cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608 (table names from introspection)
        counts[table] = cursor.fetchone()[0]
    return counts


def media_files(storage=default_storage, folder=""):
    """Every file of the media storage, as paths relative to its root."""
    folders, files = storage.listdir(folder)
    found = [f"{folder}{name}" for name in files]
    for sub in folders:
        found += media_files(storage, f"{folder}{sub}/")
    return sorted(found)


def checksum(data):
    return hashlib.sha256(data).hexdigest()


def media_checksums():
    checksums = {}
    for name in media_files():
        with default_storage.open(name, "rb") as handle:
            checksums[name] = checksum(handle.read())
    return checksums


def pg_env_and_args():
    params = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": params.get("PASSWORD") or ""}
    args = ["--dbname", params["NAME"]]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if params.get(key):
            args += [flag, str(params[key])]
    return env, args


def run(command, env=None):
    try:
        # Fixed programs; the arguments come from the settings, never from a request.
        # errors="replace": a damaged dump makes pg_restore print bytes that are not UTF-8.
        result = subprocess.run(  # noqa: S603
            command, env=env, capture_output=True, text=True, errors="replace", timeout=3600, check=False
        )
    except FileNotFoundError as error:
        raise BackupError(
            f"{command[0]} introuvable\u00a0: installez le client PostgreSQL (postgresql-client)."
        ) from error
    if result.returncode != 0:
        raise BackupError(f"{command[0]} a échoué\u00a0: {result.stderr.strip()[-2000:]}")


def dump_database(target):
    """Writes the dump to `target` and returns the row counts it holds."""
    if connection.vendor == "postgresql":
        env, args = pg_env_and_args()
        with transaction.atomic(), connection.cursor() as cursor:
            # pg_dump reads the very snapshot the counts are taken in.
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            counts = count_rows(cursor, connection.introspection.table_names(cursor))
            run(["pg_dump", "--format=custom", f"--snapshot={snapshot}", f"--file={target}", *args], env)
        return counts
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        copy = sqlite3.connect(target)
        with copy:
            connection.connection.backup(copy)
        tables = [row[0] for row in copy.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        counts = {
            table: copy.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]  # noqa: S608
            for table in sorted(tables)
            if not table.startswith("sqlite_")
        }
        copy.close()
        return counts
    raise BackupError(f"Base de données non prise en charge\u00a0: {connection.vendor}.")


def current_manifest():
    """Rows per table and media checksums of the live site, to compare with an archive."""
    with connection.cursor() as cursor:
        tables = [t for t in connection.introspection.table_names(cursor) if not t.startswith("sqlite_")]
        counts = count_rows(cursor, tables)
    return {"tables": counts, "media": media_checksums()}


def differences(expected, found):
    """Human-readable differences between two manifests (empty when they agree)."""
    lines = []
    # Media added since the backup are left in place: only the archive's own files are checked.
    for kind, label, names in (
        ("tables", "table", set(expected["tables"]) | set(found["tables"])),
        ("media", "fichier", set(expected["media"])),
    ):
        for name in sorted(names):
            want, have = expected[kind].get(name), found[kind].get(name)
            if want != have:
                lines.append(f"{label} {name}\u00a0: attendu {want}, trouvé {have}")
    return lines


def create_backup(now=None):
    """Writes one archive into BACKUP_DIR and returns its path; a disk full or read-only
    raises BackupError, and no partial archive is left."""
    try:
        return write_archive(now)
    except OSError as error:
        reason = {errno.ENOSPC: "le disque est plein", errno.EROFS: "le disque est en lecture seule"}.get(
            error.errno, f"{error.strerror or error}"
        )
        raise BackupError(
            f"Sauvegarde impossible dans {backup_dir()}\u00a0: {reason}. Aucune sauvegarde n'a été écrite\u00a0; "
            "libérez de la place ou vérifiez le disque, puis relancez «\u00a0manage.py backup\u00a0»."
        ) from error


def write_archive(now):
    now = now or timezone.now()
    folder = backup_dir()
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{PREFIX}{timezone.localtime(now):%Y%m%d-%H%M%S}.tar"
    dump_name = "database.dump" if connection.vendor == "postgresql" else "database.sqlite3"
    with tempfile.TemporaryDirectory(dir=folder) as work:
        dump = Path(work) / dump_name
        counts = dump_database(dump)
        media = media_checksums()
        manifest = {
            "created_at": now.isoformat(),
            "database": connection.vendor,
            "dump": dump_name,
            "dump_sha256": checksum(dump.read_bytes()),
            "tables": counts,
            "media": media,
        }
        partial = Path(work) / name
        with tarfile.open(partial, "w") as archive:
            archive.add(dump, arcname=dump_name)
            for path in media:
                with default_storage.open(path, "rb") as handle:
                    data = handle.read()
                info = tarfile.TarInfo(f"media/{path}")
                info.size = len(data)
                archive.addfile(info, io.BytesIO(data))
            text = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(text)
            archive.addfile(info, io.BytesIO(text))
        # Renamed into place only once whole: a half-written archive never looks like a backup.
        partial.rename(folder / name)
    return folder / name


def prune_backups(keep_days, now=None):
    """Deletes the archives older than `keep_days`; returns how many."""
    limit = (now or timezone.now()) - datetime.timedelta(days=keep_days)
    removed = 0
    for path in backup_dir().glob(f"{PREFIX}*.tar"):
        if datetime.datetime.fromtimestamp(path.stat().st_mtime, tz=datetime.UTC) < limit:
            path.unlink()
            removed += 1
    return removed


def has_content():
    """True when the database holds accounts or pages beyond Wagtail's first two."""
    from django.contrib.auth import get_user_model

    from wagtail.models import Page

    tables = connection.introspection.table_names()
    if "auth_user" not in tables:
        return False
    return get_user_model().objects.exists() or Page.objects.count() > 2


def read_manifest(archive_path):
    try:
        with tarfile.open(archive_path) as archive:
            return json.load(archive.extractfile(MANIFEST))
    except (OSError, KeyError, tarfile.TarError, json.JSONDecodeError) as error:
        raise BackupError(f"{archive_path} n'est pas une sauvegarde du site ({error}).") from error


def restore_backup(archive_path, force=False):
    """Restores an archive over the database and the media; returns the differences
    between the archive's manifest and the result (empty when it is whole)."""
    manifest = read_manifest(archive_path)
    if manifest["database"] != connection.vendor:
        raise BackupError(
            f"Cette sauvegarde vient d'une base {manifest['database']}, le site utilise {connection.vendor}."
        )
    if not force and has_content():
        raise BackupError(
            "La base de données contient déjà des comptes ou des pages\u00a0: la restauration les remplacerait. "
            "Relancez avec --force si c'est bien ce que vous voulez."
        )
    with tempfile.TemporaryDirectory() as work, tarfile.open(archive_path) as archive:
        # Every file checked against the manifest before anything is changed.
        dump_data, media = checked_contents(archive, manifest)
        dump = Path(work) / manifest["dump"]
        dump.write_bytes(dump_data)
        restore_database(dump)
        try:
            for path, data in media.items():
                if default_storage.exists(path):
                    default_storage.delete(path)
                default_storage.save(path, ContentFile(data))
        except OSError as error:
            raise RestoreIncomplete(
                f"La base de données est restaurée, mais pas tous les médias ({error.strerror or error}). "
                "Libérez de la place ou vérifiez le disque, puis relancez la restauration avec --force."
            ) from error
    return differences(manifest, current_manifest())


def checked_contents(archive, manifest):
    """The dump and the media files of the archive, each matching its checksum in the
    manifest; else BackupError naming what is damaged (nothing has been changed yet)."""
    damaged = []

    def read(name, expected):
        try:
            data = archive.extractfile(name).read()
        except (KeyError, AttributeError, OSError, tarfile.TarError):
            damaged.append(f"{name}\u00a0: absent ou illisible")
            return None
        if expected is not None and checksum(data) != expected:
            damaged.append(f"{name}\u00a0: son contenu ne correspond pas à l'inventaire")
        return data

    # Archives made before the dump had a checksum: pg_restore or SQLite will say if it is damaged.
    dump = read(manifest["dump"], manifest.get("dump_sha256"))
    media = {path: read(f"media/{path}", expected) for path, expected in manifest["media"].items()}
    if damaged:
        raise BackupError(
            "Sauvegarde abîmée, rien n'a été modifié (base de données et médias intacts)\u00a0:\n"
            + "\n".join(damaged)
            + "\nRestaurez une sauvegarde plus ancienne."
        )
    return dump, media


def restore_database(dump):
    if connection.vendor == "postgresql":
        env, args = pg_env_and_args()
        connection.close()
        try:
            run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction",
                 *args, str(dump)], env)  # fmt: skip
        except BackupError as error:  # one transaction, rolled back
            raise BackupError(f"{error}\nRien n'a été modifié dans la base de données.") from error
    else:
        connection.ensure_connection()
        source = sqlite3.connect(dump)
        try:
            with source:
                source.backup(connection.connection)
        except sqlite3.DatabaseError as error:
            raise BackupError(f"La copie de la base est illisible ({error})\u00a0: rien n'a été modifié.") from error
        finally:
            source.close()


@schedule.job("backup", daily_at="02:30")
def nightly_backup():
    path = create_backup()
    removed = prune_backups(settings.BACKUP_KEEP_DAYS)
    size = path.stat().st_size / 1_000_000
    keep = settings.BACKUP_KEEP_DAYS
    return f"{path.name} ({size:.1f} Mo)\u00a0; {removed} sauvegarde(s) de plus de {keep} jours effacée(s)."
