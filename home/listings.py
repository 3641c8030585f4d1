"""Automatic listings ("the next ateliers", "the latest guides", "the members")
that pages show through ListingBlock.

Each app registers the function that fills its listing, so that home's blocks
never import another app: an unregistered source simply shows nothing.
"""

from dataclasses import dataclass, field

SOURCES = [
    ("ateliers", "Prochains ateliers"),
    ("guides", "Derniers guides"),
    ("members", "Membres du collectif"),
]

_providers = {}


@dataclass
class Listing:
    template: str
    items: list = field(default_factory=list)
    more_url: str = ""
    more_label: str = ""


def register(source):
    """Decorator: `@register("ateliers")` on a function `(count) -> Listing`."""
    if source not in dict(SOURCES):
        raise ValueError(f"Unknown listing source {source!r}")

    def decorator(function):
        _providers[source] = function
        return function

    return decorator


def get_listing(source, count):
    provider = _providers.get(source)
    return provider(count) if provider else None
