"""A member's calendar made into its ateliers: read (calendar_fetch), understood
(calendar_parse), then each event's atelier made or updated (`sync`), under one claim on
the source so that two workers never read it at once (`run`).

The rules, which docs/partners.md tells the members:
- Nothing is made twice: each event (UID, and RECURRENCE-ID for one date of a repeat)
  has one row in ImportedEvent, unique in the database, pointing at its atelier.
- New ateliers are drafts for the member to review and submit, or published at once when
  the source says so (Coordination's choice, since that skips its review).
- A change in the calendar updates only the fields the member has not changed on the
  site since the last import: the importer remembers what it wrote (ImportedEvent.written),
  and a field that differs from it is the member's. The exceptions (sessions cancelled or
  moved) count as one field.
- A change of a published atelier is saved as a draft for review, unless the source
  publishes directly; a cancellation (STATUS:CANCELLED, or an event gone from the
  calendar) is published at once, so that nobody comes for nothing. An atelier already
  over is never touched. A draft someone unpublished is never published again by the import.
- A calendar that cannot be read, is not a calendar, is too big, or suddenly holds no
  event while ateliers are still to come, changes nothing: the error is kept, in French,
  for the member's editors."""

import datetime
import logging

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.coreutils import find_available_slug

from agenda.models import AgendaIndexPage, AtelierPage, AtelierStatus, Frequency, OccurrenceChange
from partners.calendar_fetch import CalendarUnreadable, fetch
from partners.calendar_parse import CalendarInvalid, parse
from partners.models import CalendarSource, ImportedEvent

logger = logging.getLogger("espace.partners")

FIELDS = [
    "title",
    "summary",
    "start",
    "end",
    "all_day",
    "frequency",
    "interval",
    "repeat_until",
    "place_name",
    "place_address",
    "status",
]
# A claim older than this is a worker that died mid-import: another may take the source.
STALE_CLAIM = datetime.timedelta(minutes=15)


def stored(value):
    """A field's value as ImportedEvent.written keeps it (JSON), to compare with the page's."""
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def calendar_values(item):
    values = {name: stored(item.fields[name]) for name in FIELDS}
    values["changes"] = [[stored(part) if part else None for part in change] for change in item.changes]
    return values


def page_values(page):
    values = {name: stored(getattr(page, name)) for name in FIELDS}
    changes = sorted(page.changes.all(), key=lambda change: change.date)
    values["changes"] = [
        [stored(c.date), stored(c.new_start) if c.new_start else None, stored(c.new_end) if c.new_end else None]
        for c in changes
    ]
    return values


def merge(page, new, written):
    """Writes on `page` the calendar's `new` values of the fields the member left as the
    import last wrote them (`written`); a cancellation always. The names changed."""
    current = page_values(page)
    changed = []
    for name, value in new.items():
        members_own = name in written and current[name] != written[name]
        if name == "status" and value == AtelierStatus.CANCELLED:
            members_own = False
        if members_own or current[name] == value:
            continue
        changed.append(name)
        if name == "changes":
            page.changes = [
                OccurrenceChange(
                    date=datetime.date.fromisoformat(day),
                    new_start=start and datetime.datetime.fromisoformat(start),
                    new_end=end and datetime.datetime.fromisoformat(end),
                )
                for day, start, end in value
            ]
        elif name in ("start", "end"):
            setattr(page, name, datetime.datetime.fromisoformat(value))
        elif name == "repeat_until":
            setattr(page, name, value and datetime.date.fromisoformat(value))
        else:
            setattr(page, name, value)
    return changed


def is_over(page, now):
    if page.frequency == Frequency.ONCE:
        return page.end < now
    return page.repeat_until is not None and page.repeat_until < timezone.localdate(now)


class Report:
    def __init__(self):
        self.created = self.updated = self.cancelled = 0
        self.problems = []

    def __str__(self):
        counts = [
            (self.created, ngettext("%(n)s atelier ajouté", "%(n)s ateliers ajoutés", self.created)),
            (self.updated, ngettext("%(n)s atelier mis à jour", "%(n)s ateliers mis à jour", self.updated)),
            (self.cancelled, ngettext("%(n)s atelier annulé", "%(n)s ateliers annulés", self.cancelled)),
        ]
        said = ", ".join(text % {"n": count} for count, text in counts if count) or _("Rien n'a changé")
        return said + "." + "".join(f" {problem}" for problem in self.problems)


def create_atelier(source, index, new):
    page = AtelierPage(owner=source.added_by, live=False, has_unpublished_changes=True)
    merge(page, new, {})
    page.slug = find_available_slug(index, slugify(page.title)[:80] or "atelier")
    page.organisers = [source.member]
    index.add_child(instance=page)
    return page


def save(page, source, cancelling, was_live):
    revision = page.save_revision(clean=True)
    if was_live and (source.publish_directly or cancelling):
        revision.publish()


def sync(source, items, now=None):
    """Makes the source's ateliers match `items`; returns a Report."""
    now = now or timezone.now()
    index = AgendaIndexPage.objects.first()
    if index is None:
        raise CalendarInvalid(_("L'agenda du site n'existe pas encore\u00a0: rien n'a été importé."))
    report = Report()
    known = {(row.uid, row.recurrence_id): row for row in source.events.select_related("atelier")}
    upcoming = [row for row in known.values() if row.atelier and not row.removed_at and not is_over(row.atelier, now)]
    if not items and upcoming:
        raise CalendarInvalid(
            _("Le calendrier ne contient plus aucun événement\u00a0: par prudence, aucun atelier n'a été annulé.")
        )
    for item in items:
        try:
            with transaction.atomic():
                sync_item(source, index, item, known.get(item.key), report, now)
        except ValidationError as error:
            report.problems.append(
                _("«\u00a0%(title)s\u00a0» n'a pas pu être importé\u00a0: %(why)s")
                % {"title": item.fields["title"], "why": " ".join(error.messages)}
            )
    seen = {item.key for item in items}
    for key, row in known.items():
        if key in seen or row.removed_at or row.atelier is None:
            continue
        page = row.atelier.get_latest_revision_as_object()
        if not is_over(row.atelier, now):
            with transaction.atomic():
                if merge(page, {"status": AtelierStatus.CANCELLED}, row.written):
                    save(page, source, cancelling=True, was_live=row.atelier.live)
                    report.cancelled += 1
        ImportedEvent.objects.filter(pk=row.pk).update(
            removed_at=now, written={**row.written, "status": AtelierStatus.CANCELLED}
        )
    return report


def sync_item(source, index, item, row, report, now):
    new = calendar_values(item)
    if row is None:
        # Another worker may have made it meanwhile: the unique constraint says so.
        row, created = ImportedEvent.objects.get_or_create(
            source=source, uid=item.uid, recurrence_id=item.recurrence_id
        )
        if not created and row.atelier_id:
            return
    if row.atelier_id is None or not AtelierPage.objects.filter(pk=row.atelier_id).exists():
        page = create_atelier(source, index, new)
        save(page, source, cancelling=False, was_live=False)
        if source.publish_directly:
            page.get_latest_revision().publish()
        report.created += 1
    else:
        live = AtelierPage.objects.get(pk=row.atelier_id)
        page = live.get_latest_revision_as_object()
        changed = merge(page, new, row.written)
        if not changed:
            if row.removed_at:
                ImportedEvent.objects.filter(pk=row.pk).update(removed_at=None)
            return
        cancelling = "status" in changed and page.status == AtelierStatus.CANCELLED
        save(page, source, cancelling=cancelling, was_live=live.live)
        if cancelling:
            report.cancelled += 1
        else:
            report.updated += 1
    ImportedEvent.objects.filter(pk=row.pk).update(atelier=page, written=new, removed_at=None, updated_at=now)


def run(source_id, now=None):
    """Reads one source and applies it; the outcome in French, or None when another
    worker is already reading it. Whatever fails, the ateliers stay as they were."""
    now = now or timezone.now()
    claimed = (
        CalendarSource.objects.filter(pk=source_id)
        .filter(Q(importing_since__isnull=True) | Q(importing_since__lt=now - STALE_CLAIM))
        .update(importing_since=now, last_attempt=now)
    )
    if not claimed:
        return None
    source = CalendarSource.objects.select_related("member", "added_by").get(pk=source_id)
    try:
        items = parse(fetch(source.url), now)
        with transaction.atomic():
            report = sync(source, items, now)
    except (CalendarUnreadable, CalendarInvalid) as error:
        return failed(source_id, str(error))
    except (IntegrityError, ValidationError, OSError, ValueError) as error:
        logger.exception("Import du calendrier %s", source_id)
        return failed(
            source_id, _("L'import a échoué sur une erreur inattendue (%(error)s).") % {"error": type(error).__name__}
        )
    outcome = str(report)
    CalendarSource.objects.filter(pk=source_id).update(
        importing_since=None, last_success=now, last_error="", last_outcome=outcome[:300]
    )
    return outcome


def failed(source_id, message):
    CalendarSource.objects.filter(pk=source_id).update(importing_since=None, last_error=message)
    return message
