"""Routing in one query: where a path leads, kept until the page tree changes.

Wagtail walks the tree from the site's root page, two queries per level (the child by its slug,
then its specific row). The root page keeps, for each path, which page Wagtail's own walk ended
on and how many parts of the path it took (the rest goes to the page's sub-routes): the next
request loads that page alone and lets it route the rest, so the result is Wagtail's own. Any
page saved, moved or deleted empties what is kept (core.page_cache).
"""

from django.contrib.contenttypes.models import ContentType

from core import page_cache


class CachedRoutesMixin:
    """For the page at the root of a site."""

    def route(self, request, path_components):
        if not path_components or not page_cache.seconds():
            return super().route(request, path_components)
        content_type_id, pk, taken = page_cache.cached_value(
            "route", lambda: self.walk(request, path_components), self, "/".join(path_components), areas=()
        )
        page = ContentType.objects.get_for_id(content_type_id).model_class().objects.filter(pk=pk).first()
        if page is None or page.pk == self.pk:  # deleted since (cache not emptied yet), or a sub-route of this page
            return super().route(request, path_components)
        return page.route(request, path_components[taken:])

    def walk(self, request, path_components):
        page = super().route(request, path_components).page  # raises Http404: nothing kept
        return page.content_type_id, page.pk, page.depth - self.depth
