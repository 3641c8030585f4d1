"""Réemploi's public pages (plain Django views, before Wagtail's catch-all): « Je donne un
appareil », the devices available and the request for one, the pages the emailed links
lead to, and the repair café's log that volunteers fill in on a phone. The link pages
are one person's own: never kept by the page cache or the browser (never_cache)."""

import datetime
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from wagtail.models import Site

from agenda.models import Occurrence
from core.groups import is_coordinator
from core.ratelimit import RateLimit
from home.models import MemberPage, member_pages_for
from reemploi import ords, rules
from reemploi.forms import DonationForm, RepairForm, RequestForm
from reemploi.models import Device, DeviceRequest, Donation, ReemploiSettings, RepairedObject

FORMS_LIMIT = RateLimit("reemploi", "REEMPLOI_REQUESTS_PER_HOUR")
TOO_MANY = "Trop de demandes depuis votre connexion. Réessayez dans une heure, ou appelez-nous."
# The sessions a volunteer may log objects for: from a week ago to the end of today.
LOG_WINDOW = datetime.timedelta(days=7)


def reemploi_settings(request):
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    return ReemploiSettings.for_site(site) if site else ReemploiSettings()


def receiving_member(found):
    member = found.receiving_member
    return member if member is not None and member.live else None


def public_form(request, form, template, context, save):
    """A public form's POST: rate limit, honeypot and fields checked, then `save(data)`,
    which returns the response; a French error page otherwise, nothing stored."""
    refusal = None
    if request.method == "POST":
        if FORMS_LIMIT.exceeded(request):
            refusal = gettext(TOO_MANY)
        else:
            FORMS_LIMIT.record(request, accepted=form.is_valid())
            if form.is_valid():
                return save(form.cleaned_data)
    status = 429 if refusal else 400 if form.errors else 200
    return TemplateResponse(request, template, {**context, "form": form, "refusal": refusal}, status=status)


@require_http_methods(["GET", "POST"])
def donate(request):
    found = reemploi_settings(request)
    member = receiving_member(found)
    form = DonationForm(request.POST or None, initial={"form_key": get_random_string(32)})
    guide = found.erase_guide.specific if found.erase_guide and found.erase_guide.live else None
    context = {"member": member, "keep_days": settings.REEMPLOI_KEEP_DAYS, "erase_guide": guide}
    if member is None:
        return TemplateResponse(request, "reemploi/donate.html", context)

    def save(data):
        fields = {name: value for name, value in data.items() if name not in ("website", "form_key")}
        donation = rules.offer_donation(form_key=data["form_key"] or None, member=member, **fields)
        return TemplateResponse(request, "reemploi/donated.html", {"donation": donation, **where_to_bring(member)})

    return public_form(request, form, "reemploi/donate.html", context, save)


def where_to_bring(member):
    if member is None:  # its page deleted since: the donation page still opens
        return {"member": None}
    return {"member": member, "hours": member.hours_by_day(), "closures": member.upcoming_closures()}


def bad_link(request):
    context = {"back_url": reverse("reemploi_donate"), "back_label": gettext("Revenir au réemploi")}
    return TemplateResponse(request, "pages/bad_link.html", context, status=400)


def with_token(model):
    """A page of one link: the row its token names, or the bad link page; GET shows, POST confirms."""

    def decorate(view):
        @never_cache
        @require_http_methods(["GET", "POST"])
        @wraps(view)
        def wrapped(request, token):
            found = model.from_token(token)
            if found is None:
                return bad_link(request)
            if request.method == "POST":
                if rules.confirm(model, found.pk):
                    messages.success(request, gettext("Merci, votre adresse est confirmée."))
                return redirect(request.path)
            return view(request, found)

        return wrapped

    return decorate


@with_token(Donation)
def donation_page(request, donation):
    return TemplateResponse(
        request, "reemploi/donation.html", {"donation": donation, **where_to_bring(donation.member)}
    )


@with_token(DeviceRequest)
def request_page(request, device_request):
    return TemplateResponse(request, "reemploi/request.html", {"device_request": device_request})


def available_devices():
    return Device.objects.filter(available=True, member__live=True).select_related("member")


@require_http_methods(["GET"])
def devices(request):
    """The devices members sell or lend now, by member: nothing personal."""
    by_member = {}
    for device in available_devices():
        by_member.setdefault(device.member, []).append(device)
    return TemplateResponse(request, "reemploi/devices.html", {"by_member": by_member})


@require_http_methods(["GET", "POST"])
def ask(request, member_slug):
    """The request to one member that offers devices; `?appareil=<id>` names the device."""
    member = get_object_or_404(MemberPage.objects.live(), slug=member_slug)
    offered = available_devices().filter(member=member)
    if not offered.exists():
        raise Http404
    device = (
        offered.filter(pk=request.GET.get("appareil")).first() if request.GET.get("appareil", "").isdigit() else None
    )
    form = RequestForm(request.POST or None, initial={"form_key": get_random_string(32)})

    def save(data):
        made = rules.request_device(
            form_key=data["form_key"] or None,
            member=member,
            device=device,
            **{name: data[name] for name in ("purpose", "name", "email", "phone", "on_behalf_of")},
        )
        return TemplateResponse(request, "reemploi/asked.html", {"device_request": made, "member": member})

    return public_form(request, form, "reemploi/ask.html", {"member": member, "device": device}, save)


def ords_export(request):
    """The repair café's log as ORDS v0.3 CSV, listed with the open data: nothing personal."""
    repairs = RepairedObject.objects.select_related("member").order_by("event_date", "pk")
    response = HttpResponse(ords.ords_csv(repairs), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="reparations-ords-v0.3.csv"'
    return response


# The repair café's log, for volunteers signed in (members' accounts, Coordination).

LOGGERS = permission_required("reemploi.add_repairedobject", raise_exception=True)


def sessions_for(user, now=None):
    """The sessions `user` may log objects for: those of its members' ateliers (all, for
    Coordination) from a week ago to the end of today, not cancelled."""
    now = now or timezone.now()
    end_of_today = timezone.make_aware(datetime.datetime.combine(timezone.localdate(now), datetime.time.max))
    sessions = Occurrence.objects.filter(start__gte=now - LOG_WINDOW, start__lte=end_of_today, cancelled=False)
    if not is_coordinator(user):
        sessions = sessions.filter(atelier__organisers__in=member_pages_for(user)).distinct()
    return sessions.select_related("atelier").order_by("-start")


@login_required
@LOGGERS
@never_cache
def repair_sessions(request):
    return TemplateResponse(request, "reemploi/repair_sessions.html", {"sessions": sessions_for(request.user)})


def repairing_member(user, occurrence):
    """The member a repair counts for: one of the user's own among the session's organisers."""
    organisers = occurrence.atelier.organisers.all()
    own = organisers.filter(pk__in=member_pages_for(user).values("pk")).first()
    return own or organisers.first()


@login_required
@LOGGERS
@never_cache
@require_http_methods(["GET", "POST"])
def repair_log(request, occurrence_id):
    occurrence = get_object_or_404(sessions_for(request.user), pk=occurrence_id)
    form = RepairForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        repair = form.save(commit=False)
        repair.occurrence = occurrence
        repair.member = repairing_member(request.user, occurrence)
        repair.event_date = timezone.localdate(occurrence.start)
        repair.logged_by = request.user
        repair.save()
        messages.success(request, gettext("C'est noté\u00a0: %(object)s.") % {"object": repair})
        return redirect(request.path)
    logged = RepairedObject.objects.filter(occurrence=occurrence).order_by("-pk")
    context = {"occurrence": occurrence, "form": form, "logged": logged}
    return TemplateResponse(request, "reemploi/repair_log.html", context, status=400 if form.errors else 200)
