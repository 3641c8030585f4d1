"""« Accompagner une personne »: the mediator's desk. Every session still open for
registration, of every member, in one list to search by title and day; each leads to
the form that registers someone without email, then to the slip to print."""

import datetime

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import urlencode

from agenda.admin.forms import DeskSearchForm
from agenda.admin.permissions import can_register_people
from agenda.models import AtelierPage, AtelierStatus, Occurrence
from core.search import fold, query_words

PER_PAGE = 20


def ateliers_titled(query):
    """The ids of the ateliers whose title holds every word of `query`, accents and case
    aside (« reparer » finds « Réparer »): SQLite's LIKE folds neither."""
    words = query_words(query)
    titles = AtelierPage.objects.live().filter(registration_required=True).values_list("pk", "title")
    return [pk for pk, title in titles if all(word in fold(title) for word in words)]


def desk_sessions(query="", day=None, now=None):
    """The sessions one may register someone for, soonest first: published, needing
    registration, not cancelled, not started; `query` in the title, on `day` if given."""
    now = now or timezone.now()
    sessions = (
        Occurrence.objects.listed()
        .filter(start__gt=now, cancelled=False, atelier__registration_required=True)
        .exclude(atelier__status=AtelierStatus.CANCELLED)
    )
    if query:
        sessions = sessions.filter(atelier__in=ateliers_titled(query))
    if day:
        midnight = timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
        sessions = sessions.filter(start__gte=midnight, start__lt=midnight + datetime.timedelta(days=1))
    return sessions.order_by("start", "pk")


def desk_view(request):
    if not can_register_people(request.user):
        raise PermissionDenied
    form = DeskSearchForm(request.GET or None)
    criteria = form.cleaned_data if form.is_valid() else {}
    sessions = desk_sessions(criteria.get("q", ""), criteria.get("day"))
    page_obj = Paginator(sessions, PER_PAGE).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "agenda/admin/desk.html",
        {
            "form": form,
            "page_obj": page_obj,
            "searched": bool(criteria.get("q") or criteria.get("day")),
            # The search, kept by the links to the other pages of the list.
            "search_query": "".join(f"{urlencode({key: value})}&" for key, value in request.GET.items() if key != "p"),
        },
    )
