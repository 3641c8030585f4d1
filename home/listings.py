"""Automatic listings ("the next ateliers", "the latest guides", "the members")
that pages show through ListingBlock.

Each app registers the function that fills its listing, so that home's blocks
never import another app: an unregistered source simply shows nothing.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

SOURCES = [
    ("ateliers", _("Prochains ateliers")),
    ("guides", _("Derniers guides")),
    ("members", _("Membres du collectif")),
]

_providers = {}


@dataclass
class Listing:
    template: str
    items: list = field(default_factory=list)
    more_url: str = ""
    more_label: str = ""


def register(source):
    """Decorator: `@register("ateliers")` on a function `(count, member=None, topics=None) -> Listing`;
    with `member`, a MemberPage, the listing keeps that member's items only; with
    `topics`, library topics, only the items about them."""
    if source not in dict(SOURCES):
        raise ValueError(f"Unknown listing source {source!r}")

    def decorator(function):
        _providers[source] = function
        return function

    return decorator


def get_listing(source, count, member=None, topics=None):
    provider = _providers.get(source)
    return provider(count, member=member, topics=topics) if provider else None
