"""Builders for agenda tests: a published agenda and ateliers with fixed dates."""

import datetime
import zoneinfo

from agenda.models import AgendaIndexPage, AtelierPage, Category, FestivalPage, Registration, RegistrationStatus
from home.models import HomePage, MemberPage

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def paris(*args):
    return datetime.datetime(*args, tzinfo=PARIS)


def agenda_index():
    index = AgendaIndexPage.objects.first()
    if index is None:
        index = AgendaIndexPage(title="Agenda", slug="agenda")
        HomePage.objects.get().add_child(instance=index)
        index.save_revision().publish()
    return index


def empty_the_agenda():
    """Every atelier and festival of the demo deleted as Wagtail deletes a page (its sessions,
    registrations, revisions with it). Run once into the "agenda" variant of the demo snapshot
    (DEMO_VARIANTS in tests/conftest.py): ~0.5 s per test when each test ran it."""
    for page in [*AtelierPage.objects.all(), *FestivalPage.objects.all()]:
        if page.pk:
            page.refresh_from_db()
            page.delete()


def make_atelier(parent=None, publish=True, **fields):
    """A published atelier: by default one session in ten days, 6 places."""
    start = fields.pop("start", None) or (
        datetime.datetime.now(PARIS).replace(hour=14, minute=0, second=0, microsecond=0) + datetime.timedelta(days=10)
    )
    defaults = {
        "title": "Atelier d'essai",
        "summary": "Un atelier pour les tests.",
        "start": start,
        "end": start + datetime.timedelta(hours=2),
        "registration_required": True,
        "places": 6,
    }
    defaults.update(fields)
    defaults.setdefault("slug", f"atelier-{AtelierPage.objects.count() + 1}")
    atelier = AtelierPage(**defaults)
    (parent or agenda_index()).add_child(instance=atelier)
    if publish:
        atelier.save_revision().publish()
    return atelier


REGISTERED, WAITING, OFFERED, CANCELLED = (
    RegistrationStatus.REGISTERED,
    RegistrationStatus.WAITING,
    RegistrationStatus.OFFERED,
    RegistrationStatus.CANCELLED,
)


def member(slug):
    return MemberPage.objects.get(slug=slug)


def atelier(start, hours=2, categories=(), organisers=(), **fields):
    """A published atelier of `hours` from `start`, with the demo's categories and members named."""
    made = make_atelier(start=start, end=start + datetime.timedelta(hours=hours), **fields)
    made.categories.set(Category.objects.filter(name__in=categories))
    made.organisers.set([member(slug) for slug in organisers])
    made.save()
    return made


def registrations(occurrence, *rows):
    """Stored as the site leaves them: (people, status, attended)."""
    for number, (people, status, attended) in enumerate(rows):
        Registration.objects.create(
            occurrence=occurrence,
            name=f"Personne {number}",
            email=f"personne{number}@exemple.fr",
            people=people,
            status=status,
            attended=attended,
        )
