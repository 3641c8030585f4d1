"""What /sitemap.xml lists: every Wagtail page (and its public sub-routes), then the pages
served by plain views: the rooms and each room's week, following the ateliers, open data."""

from django.urls import reverse

from wagtail.contrib.sitemaps import Sitemap

from booking.models import Room
from core.sitemaps import PlainViewsSitemap


def plain_view_paths():
    yield reverse("booking_rooms")
    for slug in Room.objects.filter(bookable=True).order_by("name").values_list("slug", flat=True):
        yield reverse("booking_room", args=[slug])
    yield reverse("follow_subscribe")
    yield reverse("open_data")


SITEMAPS = {"wagtail": Sitemap, "vues": PlainViewsSitemap(plain_view_paths)}
