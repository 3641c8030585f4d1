"""Renditions made by the worker once a page is published, so that no visitor pays their encoding
(AVIF takes 0.3–0.6 s per size on the web worker).

The worker renders the published page and the pages above it, which list it (its index, the home
page), as an anonymous visitor at the page's own address, through the whole middleware: a render
makes exactly the renditions the templates ask for, so the specs stay written once, in the
templates, and the page cache keeps these pages as it would for a visitor.
"""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.test import Client

from wagtail.images import get_image_model
from wagtail.models import Page

from django_tasks import task

from core import page_cache

logger = logging.getLogger("espace.renditions")


def addresses(pages):
    """The public addresses of these pages that are live and seen by everyone, in tree order."""
    found = (page.get_full_url() for page in pages.live().public().order_by("path"))
    return [url for url in found if url]


def render(url):
    """Renders `url` as an anonymous visitor; True when it answered 200. A page that fails is
    logged and skipped."""
    parts = urlsplit(url)
    # A new client each time: no cookie one page sets is carried to the next.
    client = Client(HTTP_HOST=parts.netloc)
    try:
        response = client.get(parts.path, secure=parts.scheme == "https")
    except Exception:
        logger.exception("Images de %s non préparées\u00a0: la page ne s'affiche pas", url)
        return False
    if response.status_code != 200:
        logger.warning("Images de %s non préparées\u00a0: la page répond %s", url, response.status_code)
        return False
    return True


def newest_rendition():
    return get_image_model().get_rendition_model().objects.order_by("-pk").values_list("pk", flat=True).first()


def make_renditions(pages):
    """Renders the pages, which makes the renditions their templates ask for; says what it did."""
    urls = addresses(pages)
    newest = newest_rendition()
    rendered = [url for url in urls if render(url)]
    made = newest_rendition() != newest
    if made:
        # The listings kept during these renders were fetched before their renditions existed:
        # kept so, every render would encode them again. Rendered anew, the pages are kept right.
        page_cache.purge()
        for url in rendered:
            render(url)
    return f"{len(rendered)} page(s) rendue(s) sur {len(urls)}" + (", images préparées" if made else ", rien de neuf")


# Below mail and the scheduled jobs: the worker takes a queued mail before any of these, and each
# is one page's worth of rendering, so a mail never waits long behind the pictures.
PRIORITY = -50


@task(priority=PRIORITY)
def make_page_renditions(page_id):
    """The renditions of a page (just published) and of the pages that list it."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        logger.info("Page %s supprimée avant que ses images soient préparées", page_id)
        return "page supprimée"
    return make_renditions(Page.objects.ancestor_of(page, inclusive=True))


def queue_every_page():
    """One task per live public page (`manage.py make_renditions --queue`); how many."""
    page_ids = list(Page.objects.live().public().filter(depth__gt=1).values_list("pk", flat=True))
    for page_id in page_ids:
        make_page_renditions.enqueue(page_id)
    return len(page_ids)


def queue_after_publish(sender, instance, **kwargs):
    """`page_published`: the worker prepares the page's pictures once the publish commits."""
    if settings.RENDITIONS_AFTER_PUBLISH:
        page_id = instance.pk
        transaction.on_commit(lambda: make_page_renditions.enqueue(page_id))
