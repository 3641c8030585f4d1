import pytest

from agenda.models import AtelierPage, FestivalPage
from tests.agenda.factories import agenda_index


@pytest.fixture
def agenda(home_page):
    """The demo site with an empty agenda: each test adds the ateliers it needs."""
    for page in [*AtelierPage.objects.all(), *FestivalPage.objects.all()]:
        if page.pk:
            page.refresh_from_db()
            page.delete()
    return agenda_index()
