"""Each page type within its budgets: HTML bytes (uncompressed) and SQL queries when rendered.

Rendered means not served from the page cache (a kept page costs no query at all, see
tests/core/test_page_cache.py): the request carries a session cookie, as an editor's would, so
the page is rendered each time, with the values shared between pages (menu, listings) and the
parts kept by `{% cache_part %}` (a page's content, tests/core/test_cached_parts.py) as in
production. A budget that fails says a change made pages heavier: find why before raising it.
"""

from django.core.cache import caches

import pytest

from core import page_cache

BUDGETS = [
    # path, bytes, queries
    # The six members' logos as <picture> (3 formats × 3 widths each): +6 kB of HTML (+0.5 kB
    # compressed) that saves a phone 8 kB of pictures.
    ("/", 30_000, 4),
    ("/le-projet/", 25_000, 5),
    ("/le-collectif/", 25_000, 7),
    ("/le-collectif/les-mulots/", 25_000, 7),
    ("/agenda/", 25_000, 5),
    # Framed in partners' pages, on their visitors' phones: five ateliers and their next dates. Its
    # visitors carry no session there (SameSite cookies stay home), so it is nearly always a kept page.
    ("/agenda-integre/", 8_000, 9),
    ("/partager-l-agenda/", 25_000, 5),
    ("/agenda/repair-cafe/", 25_000, 5),
    # The festival's sessions read at once, filtered and chosen without more queries.
    ("/agenda/bootic/", 30_000, 8),
    ("/agenda/bootic/programme/", 25_000, 8),
    ("/ressources/", 25_000, 6),
    ("/ressources/choisir-ses-mots-de-passe/", 25_000, 5),
    ("/ressources/alternatives/", 25_000, 7),
    ("/reserver/", 25_000, 5),
    # Its table (a row per year since 2017) is kept like the shared values.
    ("/en-chiffres/", 30_000, 6),
    # A week of slots, once: per day, a list from its opening to its closing, a run of slots
    # that are not free in one item. About 25 kB when the week's slots are free (29.5 kB as a table
    # per day with every time of the week, 50.5 kB as a grid and day by day); the margin is for
    # the demo's bookings, which move with the date.
    ("/reserver/le-fablab/", 27_000, 4),
    ("/accessibilite/", 25_000, 5),
    ("/accessibilite/signaler/", 25_000, 5),
    ("/ressources/choisir-ses-mots-de-passe/facile-a-lire/", 25_000, 5),
]


@pytest.mark.parametrize(("path", "max_bytes", "max_queries"), BUDGETS)
def test_each_page_type_stays_within_its_budgets(
    demo_site, client, settings, django_assert_max_num_queries, path, max_bytes, max_queries
):
    settings.PAGE_CACHE_SECONDS = 30
    client.cookies["sessionid"] = "not-a-session"
    client.get(path)  # the first render makes the pictures' renditions…
    page_cache.purge()  # …and what was kept before they existed is dropped (on the site: within 30 s)
    client.get(path)  # warm: shared values kept, with their renditions
    with django_assert_max_num_queries(max_queries):
        response = client.get(path)
    assert response.status_code == 200
    assert "X-Cache" not in response
    assert len(response.content) <= max_bytes


# The first render after a publish: every cache emptied (the kept pages, the shared values, Wagtail's
# site roots and renditions), the renditions themselves made already (core.renditions does it).
COLD_BUDGETS = [
    ("/le-collectif/les-mulots/", 27),
    ("/ressources/choisir-ses-mots-de-passe/", 20),
    ("/agenda/repair-cafe/", 16),
    ("/agenda/", 21),
    ("/reserver/le-fablab/", 11),
]


@pytest.mark.parametrize(("path", "max_queries"), COLD_BUDGETS)
def test_a_first_render_with_nothing_kept_stays_within_its_query_budget(
    demo_site, client, settings, django_assert_max_num_queries, path, max_queries
):
    settings.PAGE_CACHE_SECONDS = 30
    client.get(path)  # the renditions are made
    for each in caches.all():
        each.clear()
    with django_assert_max_num_queries(max_queries):
        response = client.get(path)
    assert response.status_code == 200
    assert response["X-Cache"] == "miss"
