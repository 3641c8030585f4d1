"""What `load_demo` builds, page by page and row by row, compared with a committed
snapshot (demo_snapshot.json), so that moving the demo's text around cannot change
the site it builds. The clock is pinned: the agenda and the bookings are set from
today. Ids, timestamps and image bytes are left out: they differ between runs and
between SQLite and PostgreSQL.

After a deliberate change of the demo: DEMO_SNAPSHOT_UPDATE=1 pytest tests/home/test_demo_snapshot.py
"""

import datetime
import difflib
import io
import json
import os
import zoneinfo
from decimal import Decimal
from pathlib import Path

from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import models
from django.utils import timezone

from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Page

SNAPSHOT = Path(__file__).with_name("demo_snapshot.json")
# A Wednesday in March, away from the Christmas closures and the daylight-saving changes.
NOW = datetime.datetime(2025, 3, 12, 10, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Paris"))
PROJECT_APPS = ["core", "home", "booking", "agenda", "resources"]
OTHER_MODELS = [
    "auth.User",
    "auth.Group",
    "wagtailcore.Site",
    "wagtailcore.Locale",
    "wagtailcore.Collection",
    "wagtailcore.GroupPagePermission",
    "wagtailcore.GroupCollectionPermission",
    "wagtailcore.Workflow",
    "wagtailcore.WorkflowTask",
    "wagtailcore.WorkflowPage",
    "wagtailcore.GroupApprovalTask",
    "wagtailimages.Image",
    "wagtaildocs.Document",
]
# Set by the clock, the database or the storage rather than by the demo.
SKIPPED_FIELDS = {
    "path",
    "translation_key",
    "latest_revision",
    "live_revision",
    "first_published_at",
    "last_published_at",
    "latest_revision_created_at",
    "locked_at",
    "created_at",
    "updated_at",
    "changed_at",
    "password",
    "last_login",
    "date_joined",
    "file",
    "file_size",
    "file_hash",
}


def label(obj):
    """A related object by what names it, not by its id."""
    if isinstance(obj, Page):
        return obj.url_path
    if isinstance(obj, ContentType):
        return f"{obj.app_label}.{obj.model}"
    if isinstance(obj, Permission):
        return f"{obj.content_type.app_label}.{obj.codename}"
    return str(obj)


def plain(value):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat()
    if isinstance(value, datetime.date | datetime.time | Decimal):
        return str(value)
    return value


def stream_data(block, raw):
    """A StreamField's stored JSON without the blocks' ids, chosen objects by label."""
    if raw is None:
        return None
    if isinstance(block, blocks.StreamBlock):
        children = block.child_blocks
        return [{"type": item["type"], "value": stream_data(children[item["type"]], item["value"])} for item in raw]
    if isinstance(block, blocks.ListBlock):
        items = (item["value"] if isinstance(item, dict) and item.get("type") == "item" else item for item in raw)
        return [stream_data(block.child_block, item) for item in items]
    if isinstance(block, blocks.StructBlock):
        return {name: stream_data(child, raw.get(name)) for name, child in block.child_blocks.items()}
    if isinstance(block, blocks.ChooserBlock):
        return label(block.to_python(raw))
    return raw


def row(obj):
    data = {}
    for field in obj._meta.concrete_fields:
        if field.name in SKIPPED_FIELDS or isinstance(field, models.UUIDField):
            continue
        if field.primary_key and (not field.is_relation or field.remote_field.parent_link):
            continue  # an id, or the link to the parent table of a page or task
        if isinstance(field, StreamField):
            data[field.name] = stream_data(field.stream_block, getattr(obj, field.name).get_prep_value())
        elif field.is_relation:
            related = getattr(obj, field.name)
            data[field.name] = None if related is None else label(related)
        else:
            data[field.name] = plain(field.value_from_object(obj))
    for field in obj._meta.many_to_many:
        data[field.name] = sorted(label(related) for related in getattr(obj, field.name).all())
    return data


def fingerprint():
    pages = [{"type": page.specific_class._meta.label, **row(page.specific)} for page in Page.objects.order_by("path")]
    labels = [
        model._meta.label
        for app in PROJECT_APPS
        for model in apps.get_app_config(app).get_models()
        if not issubclass(model, Page)
    ]
    rows = {
        name: sorted(
            (row(obj) for obj in apps.get_model(name)._default_manager.all()),
            key=lambda data: json.dumps(data, sort_keys=True),
        )
        for name in [*labels, *OTHER_MODELS]
    }
    return json.loads(json.dumps({"pages": pages, "models": rows}, sort_keys=True))


def dumps(data):
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def test_the_demo_builds_the_snapshot_and_a_second_run_changes_nothing(db, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    call_command("load_demo", stdout=io.StringIO())
    built = fingerprint()
    if os.environ.get("DEMO_SNAPSHOT_UPDATE"):
        SNAPSHOT.write_text(dumps(built))
    expected = json.loads(SNAPSHOT.read_text())
    if built != expected:
        diff = difflib.unified_diff(
            dumps(expected).splitlines(), dumps(built).splitlines(), "snapshot", "built", lineterm=""
        )
        raise AssertionError("The demo differs from its snapshot:\n" + "\n".join(list(diff)[:200]))
    call_command("load_demo", stdout=io.StringIO())
    assert fingerprint() == built
