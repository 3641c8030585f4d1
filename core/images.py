"""Renditions fetched with the listing that shows them.

A `{% picture %}` tag asks an image for several renditions (sizes × formats). In a
listing, each image would look them up on its own: one cache or database lookup per
card. `prefetch_renditions` fetches them all in one query with the listing instead.

The specs must be the tag's, in the same order: once an image has prefetched
renditions, Wagtail looks nowhere else, and a spec missing from them is looked up
(and written) in the database for each image on every request.
"""

from django.db.models import Prefetch

from wagtail.images import get_image_model
from wagtail.images.models import Filter


def prefetch_renditions(lookup, *specs):
    """A Prefetch, for `prefetch_related`, of the renditions of the image at `lookup`
    (`"logo"`, `"photo"`) that a template tag with these specs uses:
    `prefetch_renditions("logo", "fill-{64x64,128x128}", "format-{avif,webp,png}")`."""
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=Filter.expand_spec(specs))
    return Prefetch(f"{lookup}__renditions", queryset=renditions, to_attr="prefetched_renditions")
