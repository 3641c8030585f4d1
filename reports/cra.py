"""The national activity record (CRA, core.cra) of each session held in a report's period:
one row per session, in the columns of the national export, so that a mediator enters a
collective atelier on « La Coop de la médiation numérique » by copying a line.

Anonymous like the rest of the report: counts only. The site does not ask people their
age when they register, so the age band is « Non communiqué » for everyone, as the
national form counts people whose age is not given; no personal field is added for it."""

from collections import defaultdict

from django.utils import timezone

from agenda.models import AtelierPage
from core.choices import Level
from core.cra import (
    AGE_NON_COMMUNIQUE,
    CRA_FIELDS,
    LIEU_ACTIVITE,
    TYPE_COLLECTIF,
    Materiel,
    Thematique,
    in_national_order,
)
from reports.cells import NBSP
from reports.exports import csv_file, data_row
from reports.tables import Table

SLUG = "cra"
LEVELS = dict(Level.choices)  # the national niveau labels: the same codes and words
CHUNK = 500  # ateliers per query: far under SQLite's limit on parameters
NOTE = (
    "Une ligne par séance tenue, dans les colonnes de l'export de la Coop de la médiation numérique. "
    "Participants : les personnes notées présentes ; si la présence n'a pas été notée, les personnes "
    "inscrites ; vide pour un atelier sans inscription (à compter vous-même). Thématiques : celles des "
    "catégories de l'atelier. Canal « Lieu d'activité » pour une salle de l'espace ; ailleurs, à choisir "
    "sur la Coop. Tranche d'âge : non renseignée, le site ne demande pas l'âge à l'inscription ; "
    "la Coop compte alors les participants en « Non communiqué »."
)


def atelier_facts(atelier_ids):
    """{atelier id: (level, [matériel], {thématiques}, address, in a room of the espace)},
    one query for each CHUNK ateliers (a row per category: a left join)."""
    facts = {}
    themes = defaultdict(set)
    ids = sorted(atelier_ids)
    for start in range(0, len(ids), CHUNK):
        rows = AtelierPage.objects.filter(pk__in=ids[start : start + CHUNK]).values_list(
            "pk", "level", "materiel", "place_address", "room_id", "categories__thematiques"
        )
        for pk, level, materiel, address, room_id, thematiques in rows:
            facts[pk] = (level, materiel or [], address, room_id is not None)
            themes[pk].update(thematiques or [])
    return {
        pk: (level, materiel, themes[pk], address, in_room) for pk, (level, materiel, address, in_room) in facts.items()
    }


def participants(session):
    """Who came: those marked present; the registered when nobody was marked; None when
    the site did not count (an atelier without registration)."""
    if session.present or session.absent:
        return session.present
    return session.registered or None


def age_bands(count):
    return AGE_NON_COMMUNIQUE if count is None else f"{AGE_NON_COMMUNIQUE}{NBSP}: {count}"


def cra_rows(sessions):
    held = [session for session in sessions if session.held]
    facts = atelier_facts({session.atelier_id for session in held})
    rows = []
    for session in held:
        level, materiel, thematiques, address, in_room = facts[session.atelier_id]
        count = participants(session)
        rows.append(
            (
                timezone.localdate(session.start),  # a session across midnight counts on its first day
                TYPE_COLLECTIF,
                count,
                LIEU_ACTIVITE if in_room else "",
                session.place,
                address,
                round((session.end - session.start).total_seconds() / 60),
                session.atelier_title,
                ", ".join(in_national_order(materiel, Materiel)),
                ", ".join(in_national_order(thematiques, Thematique)),
                LEVELS.get(level, ""),
                age_bands(count),
            )
        )
    return rows


def cra_table(sessions):
    return Table(SLUG, "Compte rendu d'activité (CRA) : une ligne par séance", CRA_FIELDS, cra_rows(sessions), NOTE)


def cra_csv(report):
    """The CRA table alone, its first line the national columns: the report's CSV format
    (reports.exports), values for a spreadsheet."""
    table = report.table(SLUG)
    return csv_file([list(table.headers), *(data_row(row) for row in table.rows)])
