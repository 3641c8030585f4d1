from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from agenda.models import AgendaIndexPage, AtelierPage, FestivalPage, Occurrence
from core import listings
from core.listings import URL_FIELDS


@listings.register("ateliers", _("Prochains ateliers"), areas=("agenda",))
def next_ateliers(count, member=None, topics=None, **_filters):
    """The next sessions, for the home page, a member's page and a guide (its topics)."""
    index = AgendaIndexPage.objects.live().only(*URL_FIELDS).first()
    if index is None:
        return None
    occurrences = Occurrence.objects.carded().upcoming(timezone.now()).filter(cancelled=False)
    more_url = index.url
    if member is not None:
        occurrences = occurrences.filter(atelier__organisers=member)
        more_url += f"?membre={member.slug}"
    if topics is not None:
        # Through the categories that library topics point at (resources.Topic.atelier_categories), in a
        # subquery: a join would repeat a session whose atelier has several, and DISTINCT on cards is dear.
        about = AtelierPage.categories.through.objects.filter(category__library_topics__in=topics)
        occurrences = occurrences.filter(atelier__in=about.values("atelierpage"))
    return listings.Listing(
        template="components/occurrence_list.html",
        items=list(occurrences.order_by("start")[:count]),
        more_url=more_url,
        more_label=gettext("Tout l'agenda") if member is None else gettext("Tous les ateliers de ce membre"),
    )


@listings.register("festivals", _("Festival à venir ou en cours"), areas=("agenda",))
def coming_festivals(count, **_filters):
    """The festivals not over yet (the BooTIC), soonest first: the home page and the agenda link
    to them while they are coming."""
    festivals = FestivalPage.objects.live().filter(end_date__gte=timezone.localdate()).order_by("start_date", "path")
    return listings.Listing(template="components/festival_list.html", items=list(festivals[:count]))
