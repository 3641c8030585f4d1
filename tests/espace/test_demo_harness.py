"""The harness that builds the demo once and restores it per test (tests/snapshots.py):
its snapshot is named after the demo's sources, so a changed data file is built again,
never served stale; a variant of the demo is named after the code that changes it too;
the counter of `load_demo` runs catches a second build; and each test process empties
only its own cache keys in a Redis database others share."""

import importlib.util
import os
import shutil
import uuid

from django.core.management import call_command

from wagtail.models import Site

import pytest

from core import demo_data
from core.cache import ResilientRedisCache
from tests import snapshots
from tests.agenda.factories import empty_the_agenda
from tests.conftest import DEMO_VARIANTS, HARNESS, build_problems, clear_own_keys


def copy_sources(root):
    for name in ["requirements.lock", "home/demo_data"]:
        source, target = snapshots.ROOT / name, root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(source, target) if source.is_dir() else shutil.copy(source, target)


def test_a_changed_data_file_changes_the_key_and_the_same_files_give_the_same_key(tmp_path, django_db_setup):
    copy_sources(tmp_path)
    site = tmp_path / "home/demo_data/site.toml"
    before = snapshots.demo_key(tmp_path)
    site.write_text(site.read_text().replace("Espace numérique du Pays de Redon", "Espace de Redon", 1))
    changed = snapshots.demo_key(tmp_path)
    (tmp_path / "home/demo_data/pictures/fablab.png").write_bytes(b"autre image")
    assert len({before, changed, snapshots.demo_key(tmp_path)}) == 3
    assert snapshots.demo_key() == HARNESS.snapshots.key  # what this run restores


def test_the_key_covers_the_loader_the_models_and_every_demo_data_file():
    sources = {str(path.relative_to(snapshots.ROOT)) for path in snapshots.sources()}
    assert {
        "home/management/commands/load_demo.py",
        "home/demo.py",
        "core/demo_data.py",
        "agenda/models/ateliers.py",
        "home/migrations/0001_initial.py",
        "reemploi/demo.py",
        "accessibility/demo.py",
        "partners/migrations/0001_initial.py",
        "requirements.lock",
    } <= sources
    for app in ["home", "booking", "agenda", "resources", "reports", "accessibility", "reemploi"]:
        files = {str(path.relative_to(snapshots.ROOT)) for path in demo_data.folder(app).rglob("*") if path.is_file()}
        assert files and files <= sources, app


@pytest.mark.django_db(transaction=True)
def test_a_snapshot_of_changed_data_files_is_built_from_them(tmp_path, monkeypatch, request):
    """A new key finds no snapshot: the demo is built from the files as they are now."""
    copy_sources(tmp_path)
    site = tmp_path / "home/demo_data/site.toml"
    site.write_text(
        site.read_text().replace('site_name = "Espace numérique du Pays de Redon"', 'site_name = "Nouveau nom"')
    )
    real_folder = demo_data.folder
    monkeypatch.setattr(
        demo_data, "folder", lambda app: tmp_path / "home/demo_data" if app == "home" else real_folder(app)
    )
    changed = snapshots.DemoSnapshots(
        key=snapshots.demo_key(tmp_path), folder=tmp_path / "snapshots", prefix=f"{snapshots.DATABASE_NAME}_t"
    )
    changed.start()
    try:
        changed.put("demo")
        assert Site.objects.get(is_default_site=True).site_name == "Nouveau nom"
        assert HARNESS.builds[request.node.nodeid] == 1  # counted, and allowed in this module
    finally:
        changed.finish()
        changed.store.drop(changed.demo)


def variant_from(path, text):
    path.write_text(text)
    spec = importlib.util.spec_from_file_location(f"variante_{uuid.uuid4().hex}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return snapshots.Variant("essai", module.change)


def test_a_variant_is_named_after_the_module_that_changes_the_demo(tmp_path):
    code = "def change():\n    pass\n"
    before = variant_from(tmp_path / "variante.py", code)
    again = variant_from(tmp_path / "variante.py", code)
    changed = variant_from(tmp_path / "variante.py", code + "# une ligne de plus\n")
    assert before.key == again.key != changed.key
    [agenda] = DEMO_VARIANTS
    assert agenda.change is empty_the_agenda
    assert agenda.key == snapshots.Variant("agenda", empty_the_agenda).key


@pytest.mark.django_db(transaction=True)
def test_a_variant_is_the_demo_changed_by_its_function_and_each_state_comes_back(tmp_path):
    """Built from this run's demo into a snapshot of its own beside it (this process's empty
    state, where the test starts, is the harness's own)."""
    variant = variant_from(
        tmp_path / "variante.py",
        "from wagtail.models import Site\n\n\n"
        "def change():\n    Site.objects.filter(is_default_site=True).update(site_name='Variante')\n",
    )
    states = snapshots.DemoSnapshots(key=HARNESS.snapshots.key, variants=[variant])
    name = states.variant_name(variant)
    changed = Site.objects.filter(site_name="Variante")
    try:
        states.put("essai")
        assert changed.get().is_default_site and states.saved(name)
        states.put("demo")
        assert not changed.exists() and Site.objects.get(site_name="Espace numérique du Pays de Redon")
        states.put("essai")
        assert changed.exists()
        states.put("empty")
        assert not changed.exists()
    finally:
        states.store.drop(name)
        (states.folder / f"{name}.lock").unlink(missing_ok=True)


def test_the_counter_finds_a_second_build_and_a_test_building_the_demo_itself():
    assert build_problems({"snapshot": 1, "tests/home/test_demo.py::test_loader": 2}) == []
    assert build_problems({"snapshot": 2}) == ["la démo a été construite 2 fois pour l'instantané (1 au plus)"]
    [problem] = build_problems({"snapshot": 1, "tests/agenda/test_x.py::test_y": 1})
    assert problem.startswith("tests/agenda/test_x.py::test_y construit la démo (1 fois)")


def test_a_test_that_runs_the_loader_is_counted(db, request):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert HARNESS.builds[request.node.nodeid] == 1


def test_emptying_the_cache_between_tests_leaves_another_process_keys():
    """The Redis of .ci/run (or this machine's): parallel runs share its databases."""
    url = os.environ.get("CACHE_URL") or "redis://127.0.0.1:6379/15"
    ours, theirs = (ResilientRedisCache(url, {"KEY_PREFIX": f"test-{uuid.uuid4()}"}) for _ in range(2))
    ours.set("compteur", 1)
    theirs.set("compteur", 2)
    try:
        clear_own_keys(ours)
        assert ours._down is False  # Redis answered: the keys were really there and gone
        assert ours.get("compteur") is None
        assert theirs.get("compteur") == 2
    finally:
        theirs.delete("compteur")
