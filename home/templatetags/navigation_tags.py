from django import template

from wagtail import hooks
from wagtail.models import Page, Site

from core import page_cache

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page's live children marked « afficher dans les menus », in tree order."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []

    def menu_pages():
        return list(site.root_page.get_children().live().in_menu().public())

    return page_cache.cached_value("main-menu", menu_pages, site, areas=())


@register.simple_tag(takes_context=True)
def app_menu_items(context):
    """Menu entries of apps whose public side is not a page (room booking): each app
    registers a hook `espace_main_menu_items` returning [(label, url)]; an entry is
    current when the address starts with its url."""
    request = context.get("request")
    path = request.path if request else ""
    return [
        (label, url, path.startswith(url))
        for hook in hooks.get_hooks("espace_main_menu_items")
        for label, url in hook()
    ]


@register.simple_tag(takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if not isinstance(page, Page) or page.depth <= 2:
        return []
    # A page asks twice (the member page links to its index): read once, kept or not.
    if not hasattr(page, "_breadcrumbs"):
        page._breadcrumbs = page_cache.cached_value(
            "breadcrumbs", lambda: list(page.get_ancestors().filter(depth__gte=2)), page, areas=()
        )
    return page._breadcrumbs


@register.filter
def is_current(menu_page, page):
    """True when `page` is `menu_page` or one of its descendants."""
    return isinstance(page, Page) and page.path.startswith(menu_page.path)
