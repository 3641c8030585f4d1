"""What else occupies a room (the agenda's ateliers), without booking importing
the apps that use rooms: they register a function here."""

_providers = []


def register(function):
    """`function(rooms, start, end)` returns {room id: [(start, end, label)]}: what it
    holds in those rooms between start and end, in one query; label is what public
    views show (« Atelier »)."""
    _providers.append(function)
    return function


def busy(rooms, start, end):
    found = {room.pk: [] for room in rooms}
    for provider in _providers:
        for room_id, items in provider(rooms, start, end).items():
            found.setdefault(room_id, []).extend(items)
    return found
