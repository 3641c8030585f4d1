"""What else a person has made with their email address (the agenda's registrations),
shown on « Mes réservations et inscriptions » without booking importing the apps that
hold them: they register a provider here."""

from dataclasses import dataclass, field

_providers = []


@dataclass
class Section:
    """A part of the page: its heading, the template that lists `items`, and the text
    shown when there are none."""

    title: str
    template: str
    items: list = field(default_factory=list)
    empty: str = ""


def register(provider):
    """`provider(email, now)` returns the Sections of what that address made, upcoming
    only, in a few queries whatever the count."""
    _providers.append(provider)
    return provider


def sections(email, now):
    return [section for provider in _providers for section in provider(email, now)]


def has_items(email, now):
    return any(section.items for section in sections(email, now))
