"""The sitemap: Wagtail's pages with their public sub-routes, and the pages that plain
Django views serve (espace.sitemaps), all at the site's public address (SITE_URL)."""

from django.contrib.sitemaps import Sitemap

from core.site import absolute_url


class SitemapRoutesMixin:
    """For a routable page whose sub-routes (named in `sitemap_routes`) are pages of their
    own, each with its own canonical address: listed beside the page."""

    sitemap_routes = ()

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        return urls + [
            {**url, "location": url["location"].rstrip("/") + "/" + self.reverse_subpage(name).lstrip("/")}
            for url in urls
            for name in self.sitemap_routes
        ]


class PlainViewsSitemap(Sitemap):
    """Pages that plain views serve, given as paths by `paths()`; Django's sitemap would
    build their address from the request's host, they are put at SITE_URL instead."""

    def __init__(self, paths):
        self.paths = paths

    def items(self):
        return list(self.paths())

    def get_urls(self, page=1, site=None, protocol=None):
        return [{"item": path, "location": absolute_url(path)} for path in self.paginator.page(page).object_list]
