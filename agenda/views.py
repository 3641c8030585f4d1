"""The pages the links of the registration emails lead to (no account: a signed
link). Each is one person's own page: never kept by the page cache or the browser.
The agenda's own pages are served by their models (agenda.models)."""

from django.contrib import messages
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from agenda import calendar, registration
from agenda.models import AgendaIndexPage, Registration, RegistrationStatus

ACTIONS = {"confirm", "cancel", "claim"}


@never_cache
@require_http_methods(["GET", "POST"])
def manage_registration(request, token):
    """What a link in an email leads to. GET only shows; the buttons POST."""
    index = get_object_or_404(AgendaIndexPage.objects.live())
    found = Registration.from_token(token)
    if found is None:
        return bad_link(request, index)
    if request.method == "POST":
        action = request.POST.get("action")
        if action not in ACTIONS:
            return HttpResponseBadRequest(gettext("Action inconnue."))
        apply_action(request, found, action)
        return redirect(request.path)
    return TemplateResponse(request, "pages/agenda_registration.html", registration_context(index, found, token))


@never_cache
@require_http_methods(["GET"])
def cancel_registration(request, token):
    """The cancellation's second step: says what will happen; its « Oui » posts to the
    registration's page. Nothing is cancelled by one tap on a link."""
    index = get_object_or_404(AgendaIndexPage.objects.live())
    found = Registration.from_token(token)
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
    return calendar.calendar_links(made.occurrence) if settled else []


def bad_link(request, index):
    context = {"page": index, "back_url": index.url, "back_label": gettext("Voir l'agenda")}
    return TemplateResponse(request, "pages/bad_link.html", context, status=400)


def apply_action(request, found, action):
    if action == "confirm":
        if registration.confirm_and_tell(found):
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
            messages.success(request, gettext("C'est fait\u00a0: la place est à vous."))
        except registration.RegistrationRefused as error:
            messages.error(request, str(error))
