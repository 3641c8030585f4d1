import datetime

import pytest

from resources.models import GuidePage, ResourceIndexPage


@pytest.fixture
def library(home_page):
    return ResourceIndexPage.objects.get()


def make_guide(index, slug, title, summary="Un guide.", body=(), **fields):
    guide = GuidePage(
        title=title,
        slug=slug,
        summary=summary,
        body=list(body) or [("paragraph", "<p>Texte.</p>")],
        last_reviewed=fields.pop("last_reviewed", datetime.date(2026, 10, 1)),
        **fields,
    )
    index.add_child(instance=guide)
    guide.save_revision().publish()
    return guide
