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
        walked = []  # Wagtail's own result, when the walk is made now: used as it is, not read again

        def walk():
            walked.append(super(CachedRoutesMixin, self).route(request, path_components))  # raises Http404
            page = walked[0].page
            return page.content_type_id, page.pk, page.depth - self.depth

        content_type_id, pk, taken = page_cache.cached_value("route", walk, self, "/".join(path_components), areas=())
        if walked:
            return walked[0]
        page = ContentType.objects.get_for_id(content_type_id).model_class().objects.filter(pk=pk).first()
        if page is None or page.pk == self.pk:  # deleted since (cache not emptied yet), or a sub-route of this page
            return super().route(request, path_components)
        return page.route(request, path_components[taken:])
