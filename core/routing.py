"""Routing in one query: where a path leads, kept until the page tree changes.

Wagtail walks the tree from the site's root page, two queries per level (the child by its slug,
then its specific row). The root page keeps, for each path, which page Wagtail's own walk ended
on and how many parts of the path it took (the rest goes to the page's sub-routes): the next
request loads that page alone and lets it route the rest, so the result is Wagtail's own. Any
page saved, moved or deleted empties what is kept (core.page_cache).

When nothing is kept (the first request after a publish), the walk reads the pages along the path
in one query and takes the same steps as Wagtail's: a page that routes as `Page` does, or as
`RoutablePageMixin` does when none of its sub-routes matches, hands the rest to its child of that
slug without its specific row being read; the page where the walk stops routes itself.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from core import page_cache


def hands_on(route, page, path_components):
    """Whether Wagtail's `route` on `page` would only pass the path on to a child."""
    if route is Page.route:
        return True
    if route is not RoutablePageMixin.route:
        return False  # a route of our own: the page decides
    if not page.live:
        return True  # RoutablePageMixin tries no sub-route of a page that is not live
    try:
        page.specific_class.get_resolver().resolve("/" + "".join(f"{part}/" for part in path_components))
    except Http404:  # Resolver404 too: no sub-route of the page takes this path
        return True
    return False


def walk(root, root_route, request, path_components):
    """Wagtail's route from `root` (specific; `root_route` the function its class routes with)."""
    candidates = Page.objects.filter(
        path__startswith=root.path,
        depth__gt=root.depth,
        depth__lte=root.depth + len(path_components),
        slug__in=set(path_components),
    )
    children = {(page.path[: -Page.steplen], page.slug): page for page in candidates}
    page, route, taken = root, root_route, 0
    while taken < len(path_components) and hands_on(route, page, path_components[taken:]):
        child = children.get((page.path, path_components[taken]))
        if child is None:
            raise Http404
        child._cached_parent_obj = page  # as Wagtail's walk leaves it
        page, taken = child, taken + 1
        route = (page.specific_class or Page).route  # a type gone from the code: Wagtail routes it as a Page
    if page is root:
        return route(page, request, path_components)
    return page.specific.route(request, path_components[taken:])


class CachedRoutesMixin:
    """For the page at the root of a site."""

    def route(self, request, path_components):
        if not path_components or not page_cache.seconds():
            return super().route(request, path_components)
        walked = []  # the walk made now: used as it is, not read again

        def cold():
            root_route = super(CachedRoutesMixin, type(self)).route
            walked.append(walk(self, root_route, request, path_components))  # raises Http404
            page = walked[0].page
            return page.content_type_id, page.pk, page.depth - self.depth

        content_type_id, pk, taken = page_cache.cached_value("route", cold, self, "/".join(path_components), areas=())
        if walked:
            return walked[0]
        page = ContentType.objects.get_for_id(content_type_id).model_class().objects.filter(pk=pk).first()
        if page is None or page.pk == self.pk:  # deleted since (cache not emptied yet), or a sub-route of this page
            return super().route(request, path_components)
        return page.route(request, path_components[taken:])
