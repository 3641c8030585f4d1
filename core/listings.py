"""Automatic listings (the next ateliers, the latest guides, the members) that
pages show through home's ListingBlock or the `listing` template tag.

Each app registers the function that fills its listing, under a name and a label
for editors: the registry knows none of them, and a source whose app is not
installed simply shows nothing.
"""

from dataclasses import dataclass, field

from core import page_cache

# What a listing reads of its index page: its address and its place in the tree (its children),
# not its whole row.
URL_FIELDS = ("url_path", "path", "depth")

_providers = {}
_labels = {}
_areas = {}


@dataclass
class Listing:
    template: str
    items: list = field(default_factory=list)
    more_url: str = ""
    more_label: str = ""


def register(source, label, areas=page_cache.AREAS):
    """Decorator: `@register("ateliers", _("Prochains ateliers"), areas=("agenda",))` on a
    function `(count, **filters) -> Listing | None`. The filters are those a template passes
    (`member=` a member page, `topics=` library topics…): a provider keeps the items
    they select and ignores a filter it does not know. `areas`: what it reads besides the
    site (core.page_cache); a page that shows it is emptied with them."""

    def decorator(function):
        _providers[source] = function
        _labels[source] = label
        _areas[source] = areas
        return function

    return decorator


def choices():
    """(source, label) of the registered listings, for the editors' choice."""
    return sorted(_labels.items())


def get_listing(source, count, **filters):
    """The listing, computed once for every page that shows it (core.page_cache)."""
    provider = _providers.get(source)
    if provider is None:
        return None
    vary = [count, *(part for name in sorted(filters) for part in (name, filters[name]))]
    compute = lambda: provider(count, **filters)  # noqa: E731
    return page_cache.cached_value(f"listing:{source}", compute, *vary, areas=_areas[source])
