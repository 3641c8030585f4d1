from collections import defaultdict
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Min
from django.utils import timezone
from django.utils.translation import gettext

from agenda.models import AgendaIndexPage, Occurrence
from home import listings


@listings.register("ateliers")
def next_ateliers(count, member=None, topics=None):
    """The next sessions, for the home page, a member's page and a guide (its topics)."""
    index = AgendaIndexPage.objects.live().first()
    if index is None:
        return None
    occurrences = Occurrence.objects.listed().upcoming(timezone.now()).filter(cancelled=False)
    more_url = index.url
    if member is not None:
        occurrences = occurrences.filter(atelier__organisers=member)
        more_url += f"?membre={member.slug}"
    if topics is not None:
        # Through the categories that library topics point at (resources.Topic.atelier_categories).
        occurrences = occurrences.filter(atelier__categories__library_topics__in=topics).distinct()
    return listings.Listing(
        template="components/occurrence_list.html",
        items=list(occurrences.order_by("start")[:count]),
        more_url=more_url,
        more_label=gettext("Tout l'agenda") if member is None else gettext("Tous les ateliers de ce membre"),
    )


DATES_PER_CARD = 3


@dataclass
class AtelierCard:
    """An atelier in the agenda's list, with its next dates (a weekly one is one card)."""

    atelier: object
    dates: list
    more: int


def atelier_cards(occurrences, page_number, per_page):
    """A page of `occurrences` grouped by atelier, the atelier whose next date is the
    soonest first; its object_list holds AtelierCards. Three queries, whatever the count."""
    firsts = (
        occurrences.prefetch_related(None)
        .order_by()
        .values("atelier_id")
        .annotate(next_start=Min("start"))
        .order_by("next_start", "atelier_id")
    )
    page_obj = Paginator(firsts, per_page).get_page(page_number)
    ids = [row["atelier_id"] for row in page_obj.object_list]
    by_atelier = defaultdict(list)
    for occurrence in occurrences.filter(atelier_id__in=ids).order_by("start"):
        by_atelier[occurrence.atelier_id].append(occurrence)
    page_obj.object_list = [
        AtelierCard(dates[0].atelier, dates[:DATES_PER_CARD], len(dates) - DATES_PER_CARD)
        for dates in (by_atelier[atelier_id] for atelier_id in ids)
        if dates
    ]
    return page_obj
