import calendar
import datetime

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from agenda import emails, feeds, recurrence, registration
from agenda.forms import AgendaFilters, RegistrationForm
from agenda.listings import atelier_cards
from agenda.models import AgendaIndexPage, RegistrationStatus
from core.ratelimit import RateLimit

PER_PAGE = 20
REGISTRATIONS_LIMIT = RateLimit("agenda-register", "AGENDA_REGISTRATIONS_PER_HOUR")
MONTH_NAMES = [
    _("janvier"), _("février"), _("mars"), _("avril"), _("mai"), _("juin"),
    _("juillet"), _("août"), _("septembre"), _("octobre"), _("novembre"), _("décembre"),
]  # fmt: skip


def agenda_list(request, index, past=False):
    filters = AgendaFilters(request.GET)
    now = timezone.now()
    occurrences = filters.apply(index.occurrences())
    if past:
        page_obj = Paginator(occurrences.past(now).order_by("-start"), PER_PAGE).get_page(request.GET.get("page"))
    else:
        # One card per atelier with its next dates: a weekly atelier does not fill the list.
        page_obj = atelier_cards(occurrences.upcoming(now), request.GET.get("page"), PER_PAGE)
    today = timezone.localdate()
    context = {
        "page": index,
        "filters": filters,
        "date_shortcuts": filters.date_shortcuts(today),
        "page_obj": page_obj,
        "query_string": filters.query_string,
        "past": past,
        "this_month_url": index.url + f"mois/{today.year}/{today.month}/",
    }
    return TemplateResponse(request, "pages/agenda_index_page.html", context)


def month_bounds(year, month):
    if not (1 <= month <= 12 and 2000 <= year <= 2100):
        raise Http404
    first = datetime.date(year, month, 1)
    last = first.replace(day=calendar.monthrange(year, month)[1])
    return first, last


def agenda_month(request, index, year, month):
    """A month as a table of weeks, each day listing its sessions (no JavaScript)."""
    first, last = month_bounds(year, month)
    filters = AgendaFilters(request.GET)
    occurrences = filters.apply(index.occurrences()).filter(start__date__lte=last, end__date__gte=first)
    by_day = {}
    for occurrence in occurrences.order_by("start"):
        by_day.setdefault(timezone.localdate(occurrence.start), []).append(occurrence)
    weeks = [
        [(day, day.month == month, by_day.get(day, [])) for day in week]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    ]
    previous = first - datetime.timedelta(days=1)
    following = last + datetime.timedelta(days=1)
    context = {
        "page": index,
        "filters": filters,
        "query_string": filters.query_string,
        "weeks": weeks,
        "month_label": f"{MONTH_NAMES[month - 1]} {year}",
        "previous_url": index.url + f"mois/{previous.year}/{previous.month}/",
        "next_url": index.url + f"mois/{following.year}/{following.month}/",
        "previous_label": f"{MONTH_NAMES[previous.month - 1]} {previous.year}",
        "next_label": f"{MONTH_NAMES[following.month - 1]} {following.year}",
        "today": timezone.localdate(),
        "weekday_names": recurrence.DAY_NAMES,
    }
    return TemplateResponse(request, "pages/agenda_month.html", context)


def atelier_detail(request, atelier):
    now = timezone.now()
    upcoming = list(atelier.occurrences.select_related("atelier").filter(end__gte=now).order_by("start")[:50])
    context = {"page": atelier, "occurrences": upcoming, "next_occurrence": upcoming[0] if upcoming else None}
    return TemplateResponse(request, "pages/atelier_page.html", context)


@require_http_methods(["GET", "POST"])
def register(request, atelier, occurrence_id):
    occurrence = atelier.occurrences.select_related("atelier").filter(pk=occurrence_id).first()
    if occurrence is None:
        raise Http404
    form = RegistrationForm(
        request.POST or None,
        initial={"form_key": get_random_string(32)},
        max_people=atelier.max_people_per_registration,
    )
    refusal, status = None, 200
    if request.method == "POST":
        status = 400
        if REGISTRATIONS_LIMIT.exceeded(request):
            refusal = gettext("Trop d'inscriptions depuis votre connexion. Réessayez dans une heure, ou appelez-nous.")
            status = 429
        elif form.is_valid():
            REGISTRATIONS_LIMIT.record(request, accepted=True)
            data = form.cleaned_data
            try:
                made = registration.register(
                    occurrence,
                    data["name"],
                    data["email"],
                    data["people"],
                    data["message"],
                    form_key=data["form_key"] or None,
                )
            except registration.RegistrationRefused as error:
                refusal = str(error)
            else:
                hold_hours = round(registration.UNCONFIRMED_VALIDITY.total_seconds() / 3600)
                context = {"page": atelier, "registration": made, "hold_hours": hold_hours}
                return TemplateResponse(request, "pages/agenda_registered.html", context, status=201)
        else:
            REGISTRATIONS_LIMIT.record(request, accepted=False)
    else:
        try:
            registration.check_can_register(occurrence, 1)
        except registration.RegistrationRefused as error:
            refusal = str(error)
    context = {"page": atelier, "occurrence": occurrence, "form": form, "refusal": refusal}
    return TemplateResponse(request, "pages/agenda_register.html", context, status=status)


ACTIONS = {"confirm", "cancel", "claim"}


@require_http_methods(["GET", "POST"])
def manage_registration(request, token):
    """What a link in an email leads to. GET only shows; the buttons POST."""
    index = get_object_or_404(AgendaIndexPage.objects.live())
    found = registration.registration_from_token(token)
    if found is None:
        return bad_link(request, index)
    if request.method == "POST":
        action = request.POST.get("action")
        if action not in ACTIONS:
            return HttpResponseBadRequest(gettext("Action inconnue."))
        apply_action(request, found, action)
        return redirect(request.path)
    return TemplateResponse(request, "pages/agenda_registration.html", registration_context(index, found, token))


@require_http_methods(["GET"])
def cancel_registration(request, token):
    """The cancellation's second step: says what will happen; its « Oui » posts to the
    registration's page. Nothing is cancelled by one tap on a link."""
    index = get_object_or_404(AgendaIndexPage.objects.live())
    found = registration.registration_from_token(token)
    if found is None:
        return bad_link(request, index)
    if found.status == RegistrationStatus.CANCELLED:
        return redirect("agenda_registration", token)
    if found.status == RegistrationStatus.WAITING:
        consequence = gettext("Vous quitterez la liste d'attente de cette séance. Un courriel vous le confirmera.")
    else:
        consequence = gettext(
            "Votre place sera libérée et proposée à la première personne de la liste d'attente, s'il y en a une. "
            "Un courriel vous le confirmera. Pour revenir, il faudra vous inscrire à nouveau."
        )
    context = {
        **registration_context(index, found, token),
        "consequence": consequence,
        "manage_url": reverse("agenda_registration", args=[token]),
    }
    return TemplateResponse(request, "pages/agenda_cancel.html", context)


def registration_context(index, found, token):
    occurrence = found.occurrence
    return {
        "page": index,
        "registration": found,
        "occurrence": occurrence,
        "atelier": occurrence.atelier,
        "token": token,
        "calendar_links": calendar_links(found),
    }


def calendar_links(made):
    """« Ajouter à mon agenda », once the place is settled: registered and the address
    confirmed (an unconfirmed place is given back after a while)."""
    settled = made.status == RegistrationStatus.REGISTERED and made.email_confirmed_at is not None
    return feeds.calendar_links(made.occurrence) if settled else []


def bad_link(request, index):
    context = {"page": index, "back_url": index.url, "back_label": gettext("Voir l'agenda")}
    return TemplateResponse(request, "pages/bad_link.html", context, status=400)


def apply_action(request, found, action):
    if action == "confirm":
        with transaction.atomic():
            confirmed = registration.confirm_email(found)
            if confirmed and found.status == RegistrationStatus.REGISTERED:
                emails.send_registered(found)
        if confirmed:
            messages.success(request, gettext("Merci, votre adresse est confirmée."))
        else:
            messages.info(request, gettext("Cette inscription était déjà confirmée."))
    elif action == "cancel":
        if registration.cancel(found):
            messages.success(request, gettext("Votre inscription est annulée. Merci de nous avoir prévenus."))
        else:
            messages.info(request, gettext("Cette inscription était déjà annulée."))
    else:
        try:
            registration.claim_offer(found)
            registration.confirm_email(found)
            messages.success(request, gettext("C'est fait : la place est à vous."))
        except registration.RegistrationRefused as error:
            messages.error(request, str(error))
