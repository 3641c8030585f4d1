"""The demo built once and restored per test (see docs/tests.md).

A test's database is in one of these states: "empty" (as migrated), "demo" (`load_demo`
committed), a variant of the demo (below) or "dirty" (a test committed its own writes).
Before each database test the harness puts back the state it wants from a snapshot, so
that tests never depend on what ran before them and nobody flushes after a test:
- on SQLite a copy of the database file, restored with SQLite's backup API (~0.1 s);
- on PostgreSQL a template database, restored with DROP DATABASE + CREATE DATABASE
  … TEMPLATE (measured here: 3–5 s under load for the 18 MB demo, where a TRUNCATE of
  every table alone took 5–7 s). The default WAL_LOG strategy, not FILE_COPY: that one
  forces checkpoints, which every other database of the server pays for.

The demo snapshot is kept between runs under `var/demo-snapshots/`, named by a hash of
everything that decides what `load_demo` builds (SOURCES): a changed TOML, picture,
model or migration gives a new name, so the next run builds it again, never stale.
The demo's files (pictures, logos) are kept with it: the test storage lives in memory.

A variant is the demo changed the same way at the start of many tests (the agenda's tests
delete every atelier): the change is made once into a snapshot of its own, restored like the
demo, and named after the demo's key and the bytes of the module that makes the change.
"""

import fcntl
import hashlib
import inspect
import os
import shutil
import sqlite3
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, connections

from wagtail.models import Page

from core.renditions import make_renditions

ROOT = Path(__file__).resolve().parent.parent
# What decides the demo's rows: the code, models, migrations and demo data of each of our
# apps (every one INSTALLED_APPS names in this repository), the settings, and the pinned
# packages (Wagtail's own migrations).
SOURCE_DIRS = [*(name for name in settings.INSTALLED_APPS if (ROOT / name).is_dir()), "espace"]
SOURCE_FILES = ["requirements.lock"]
FOLDER = ROOT / "var" / "demo-snapshots"
# Read before pytest-django renames it to the test database's name.
DATABASE_NAME = settings.DATABASES["default"]["NAME"]


def sources(root=ROOT):
    """The files whose bytes the demo snapshot is keyed on, in a stable order."""
    files = [root / name for name in SOURCE_FILES]
    for name in SOURCE_DIRS:
        files += [
            path
            for path in (root / name).rglob("*")
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
        ]
    return sorted(files)


def demo_key(root=ROOT):
    """A hash of every source's path and bytes: any change makes a new snapshot."""
    digest = hashlib.sha256()
    for path in sources(root):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


class Variant:
    """The demo changed by `change()`, which writes rows only (a variant's files are the demo's).
    Keyed on the module that defines `change`: edit the fixture's code and it is made again."""

    def __init__(self, name, change):
        self.name, self.change = name, change
        self.key = hashlib.sha256(Path(inspect.getsourcefile(change)).read_bytes()).hexdigest()[:12]


class SqliteStore:
    """Snapshots as SQLite files, copied page by page with the backup API."""

    def __init__(self, folder):
        self.folder = folder

    def path(self, name):
        return self.folder / f"{name}.sqlite3"

    def exists(self, name):
        return self.path(name).exists()

    def save(self, name):
        connection.ensure_connection()
        partial = self.path(name).with_suffix(".partial")
        target = sqlite3.connect(partial)
        connection.connection.backup(target)
        target.close()
        partial.replace(self.path(name))

    def restore(self, name):
        connection.ensure_connection()
        source = sqlite3.connect(self.path(name))
        source.backup(connection.connection)
        source.close()

    def drop(self, name):
        self.path(name).unlink(missing_ok=True)


class PostgresStore:
    """Snapshots as template databases next to the test database."""

    def __init__(self, prefix):
        self.prefix = prefix

    def database(self, name):
        return f"{self.prefix}_{name}"[:63]

    def run(self, *statements):
        with connection._nodb_cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)

    def exists(self, name):
        with connection._nodb_cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [self.database(name)])
            return cursor.fetchone() is not None

    def copy(self, source, target):
        """`target` as a copy of `source`; other sessions on either are closed first."""
        connections.close_all()
        self.run(
            f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)',
            f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{source}'",  # noqa: S608 (our names)
            f'CREATE DATABASE "{target}" TEMPLATE "{source}"',
        )

    def save(self, name):
        self.copy(connection.settings_dict["NAME"], self.database(name))

    def restore(self, name):
        self.copy(self.database(name), connection.settings_dict["NAME"])

    def drop(self, name):
        self.run(f'DROP DATABASE IF EXISTS "{self.database(name)}" WITH (FORCE)')


class DemoSnapshots:
    """The states of the test database, and how each test gets the one it wants."""

    def __init__(self, key=None, folder=FOLDER, prefix=DATABASE_NAME, variants=()):
        self.key = key or demo_key()
        self.folder = folder
        self.state = "empty"  # a test database as pytest-django creates it
        self.building = False
        # The empty state is this process's; the demo is shared by the runs and the xdist
        # workers of one checkout (on PostgreSQL, named after the settings' database).
        self.empty, self.demo = f"empty_{os.getpid()}", f"demo_{self.key}"
        self.variants = {variant.name: variant for variant in variants}
        if connection.vendor == "sqlite":
            self.store, self.where = SqliteStore(folder), "sqlite"
        else:
            self.store, self.where = PostgresStore(prefix), prefix
        # The files of this very snapshot: another database's build names them differently.
        self.media = folder / f"demo_{self.key}_{self.where}_media"
        folder.mkdir(parents=True, exist_ok=True)

    def start(self):
        """Keeps the freshly migrated database as the empty state."""
        self.store.save(self.empty)

    def finish(self):
        self.store.drop(self.empty)

    @contextmanager
    def lock(self, name):
        """One builder of a snapshot at a time across processes (xdist workers, other runs)."""
        with open(self.folder / f"{name}.lock", "w") as file:
            fcntl.flock(file, fcntl.LOCK_EX)
            yield

    def put(self, wanted):
        """Restores the wanted state ("empty", "demo" or a variant's name) unless the database is in it."""
        if wanted == self.state:
            return
        self.state = "dirty"  # until the restore is through
        if wanted == "empty":
            self.store.restore(self.empty)
        else:
            self.restore_demo(self.variants.get(wanted))
        # Content types are cached by id for the whole process (the live server's thread too):
        # a state whose rows were made in another order must not be read through the last one's.
        ContentType.objects.clear_cache()
        self.state = wanted

    def variant_name(self, variant):
        return f"{self.demo}_{variant.name}_{variant.key}"

    def saved(self, name):
        return self.media.exists() and self.store.exists(name)

    def restore_demo(self, variant=None):
        """The demo, or the variant of it, built first if this checkout has none yet."""
        name = self.demo if variant is None else self.variant_name(variant)
        if not self.saved(name):
            with self.lock(name):
                if not self.saved(name):
                    self.build() if variant is None else self.build_variant(variant)
        self.store.restore(name)
        self.put_back_media()

    def build(self):
        from django.core.management import call_command

        self.store.restore(self.empty)
        self.building = True
        try:
            call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
            # The pictures' renditions, as the worker makes them after a publish: without them
            # each test's first render of a page with pictures encodes them again (1–2 s a page).
            make_renditions(Page.objects.all())
        finally:
            self.building = False
        self.save_media()
        self.store.save(self.demo)
        self.forget_older(self.demo)

    def build_variant(self, variant):
        self.restore_demo()
        ContentType.objects.clear_cache()  # the change reads the demo's rows, not the last state's
        variant.change()
        self.store.save(self.variant_name(variant))
        self.forget_older(self.variant_name(variant), kind=f"{self.demo}_{variant.name}_")

    def forget_older(self, kept, kind="demo_"):
        """Snapshots of older sources are of no use: of each kind (the demo, each variant) only
        the newest is kept, and the variants of a demo go with it (its name starts theirs)."""
        for path in self.folder.glob(f"{kind}*"):
            if not path.name.startswith(kept):
                shutil.rmtree(path) if path.is_dir() else path.unlink(missing_ok=True)
        if isinstance(self.store, PostgresStore):
            with connection._nodb_cursor() as cursor:
                cursor.execute(
                    "SELECT datname FROM pg_database WHERE starts_with(datname, %s) AND NOT starts_with(datname, %s)",
                    [self.store.database(kind), self.store.database(kept)],
                )
                names = [name for (name,) in cursor.fetchall()]
            self.store.run(*(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)' for name in names))

    def save_media(self):
        """The files the demo stored (in memory during tests), kept with its snapshot."""
        partial = self.media.with_name(self.media.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        for name in stored_files():
            path = partial / name
            path.parent.mkdir(parents=True, exist_ok=True)
            with default_storage.open(name) as file:
                path.write_bytes(file.read())
        shutil.rmtree(self.media, ignore_errors=True)
        partial.rename(self.media)

    def put_back_media(self):
        """The demo's files, where a test (or another process) left them out."""
        for path in self.media.rglob("*"):
            name = str(path.relative_to(self.media))
            if path.is_file() and not default_storage.exists(name):
                default_storage.save(name, ContentFile(path.read_bytes()))


def stored_files(folder=""):
    directories, files = default_storage.listdir(folder)
    names = [f"{folder}{name}" for name in files]
    for directory in directories:
        names += stored_files(f"{folder}{directory}/")
    return names
