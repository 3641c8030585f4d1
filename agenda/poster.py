"""The printed monthly programme (« le programme du mois à afficher »): a month's
sessions by day, in large print, for the walls of mairies, pharmacies and bakeries,
each with its place, time and how to come (« sur inscription au 02 … » or « entrée
libre »), a QR code back to the agenda, the espace's phone and opening hours."""

import re

from django.utils import timezone
from django.utils.translation import gettext

import segno

POSTAL_CODE = re.compile(r"\b\d{5}\s+(?P<city>[^,]+)$")
FORMATS = ("a4", "a3")


def commune_of(address, default):
    """The commune at the end of a place's address (« 2 rue du Port, 35600 Redon »),
    or `default` (the espace's own) when the address does not say."""
    found = POSTAL_CODE.search(address.strip())
    return found.group("city").strip() if found else default


def how_to_come(atelier, espace_phone):
    """« sur inscription au 02 … » (the organiser's phone, else the espace's), or
    « entrée libre »."""
    if not atelier.registration_required:
        return gettext("entrée libre")
    phone = next((member.phone for member in atelier.organisers.all() if member.phone), espace_phone)
    return gettext("sur inscription au %(phone)s") % {"phone": phone} if phone else gettext("sur inscription")


def communes(occurrences, default):
    return sorted({commune_of(occurrence.atelier.place_address, default) for occurrence in occurrences})


def select(occurrences, member_slug, commune, default_commune):
    """The sessions of one member (its slug) and one commune; "" for any."""
    return [
        occurrence
        for occurrence in occurrences
        if (not member_slug or member_slug in [member.slug for member in occurrence.atelier.organisers.all()])
        and (not commune or commune_of(occurrence.atelier.place_address, default_commune) == commune)
    ]


def by_day(occurrences):
    days = {}
    for occurrence in occurrences:
        days.setdefault(timezone.localdate(occurrence.start), []).append(occurrence)
    return list(days.items())


def lines(occurrences, espace_phone, default_commune):
    """(session, how to come, commune) for each line of a day."""
    return [
        (o, how_to_come(o.atelier, espace_phone), commune_of(o.atelier.place_address, default_commune))
        for o in occurrences
    ]


def qr_svg(url):
    """Made here (segno, no outside service), inline: the page asks for nothing else."""
    return segno.make(url, error="m").svg_inline(scale=4, title=gettext("Code QR vers l'agenda en ligne"))
