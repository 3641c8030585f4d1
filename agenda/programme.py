"""« Mon programme » of a festival: the sessions a visitor picked, carried in the address
(`?seances=12,15`) so that it works without JavaScript and can be shared; the page's
script keeps the same list in the browser. Nothing is stored on the server."""

import itertools

from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext

from core.forms import small_number

MAX_SESSIONS = 100
# Longer than 100 ids of 9 digits and their commas: the rest is not read at all.
MAX_LENGTH = 1000
IGNORED_NOTE = "Certaines séances de l'adresse n'existent pas dans ce festival\u00a0: elles ont été ignorées."


def parse(raw, sessions):
    """(the chosen sessions, in the festival's order; a French note or "") from a
    comma-separated list: what is not a session of `sessions` is left out and noted."""
    raw = (raw or "")[:MAX_LENGTH]
    by_id = {session.pk: session for session in sessions}
    wanted, ignored = set(), False
    for part in filter(None, (part.strip() for part in raw.split(","))):
        if small_number(part) in by_id:
            wanted.add(small_number(part))
        else:
            ignored = True
    if len(wanted) > MAX_SESSIONS:
        wanted, ignored = set(sorted(wanted)[:MAX_SESSIONS]), True
    chosen = [session for session in sessions if session.pk in wanted]
    return chosen, gettext(IGNORED_NOTE) if ignored else ""


def ids(sessions):
    return ",".join(str(session.pk) for session in sessions)


def toggled(chosen, session):
    """The selection with `session` added, or taken out when it was in."""
    if session in chosen:
        return [other for other in chosen if other != session]
    return [*chosen, session]


def by_day(sessions):
    """[(day, [sessions])] in order."""
    return [
        (day, list(group))
        for day, group in itertools.groupby(sessions, key=lambda session: timezone.localdate(session.start))
    ]


def festival_link(base, query, chosen):
    """The festival page with these filters and this selection (the links without JavaScript)."""
    values = {**query, "programme": ids(chosen)} if chosen else dict(query)
    return base + ("?" + urlencode(values) if values else "")


def programme_query(chosen):
    return "?" + urlencode({"seances": ids(chosen)}) if chosen else ""
