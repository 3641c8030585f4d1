import pytest

from agenda.models import AtelierPage, FestivalPage
from tests.agenda.factories import agenda_index


def empty_the_agenda():
    """Every atelier and festival of the demo deleted as Wagtail deletes a page (its sessions,
    registrations, revisions with it). Run once into the "agenda" variant of the demo snapshot
    (DEMO_VARIANTS in tests/conftest.py): ~0.5 s per test when each test ran it."""
    for page in [*AtelierPage.objects.all(), *FestivalPage.objects.all()]:
        if page.pk:
            page.refresh_from_db()
            page.delete()


@pytest.fixture
def agenda(home_page):
    """The demo site with an empty agenda: each test adds the ateliers it needs. The harness
    restored it before the test, from the demo after empty_the_agenda()."""
    assert not AtelierPage.objects.exists() and not FestivalPage.objects.exists(), "agenda non vidé"
    return agenda_index()
