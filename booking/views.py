"""The public booking pages. Those behind a signed link (a booking, one's list) are one person's
own pages: never kept by the page cache or the browser (never_cache)."""

import datetime

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.db.models import Prefetch
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from booking import emails, my_items, rules, week
from booking.forms import BookingForm, MyBookingsForm
from booking.models import ACTIVE, Booking, Room, RoomHours
from core import page_cache
from core.images import prefetch_renditions
from core.ratelimit import RateLimit

# The renditions of the photo's {% picture %} tag in pages/booking_rooms.html, in its order.
CARD_PHOTO_RENDITIONS = ("format-{avif,webp,jpeg}", "fill-{480x270,320x180,640x360}")

REQUESTS_LIMIT = RateLimit("booking-request", "BOOKING_REQUESTS_PER_HOUR")
MY_BOOKINGS_LIMIT = RateLimit("booking-mine", "BOOKING_REQUESTS_PER_HOUR")


def bookable_rooms():
    return (
        Room.objects.filter(bookable=True)
        .select_related("photo")
        .prefetch_related(Prefetch("hours", queryset=RoomHours.objects.order_by("weekday", "opens")), "closures")
    )


def room_list(request):
    page_cache.depends_on(request)  # rooms are the site's content: a booking changes nothing here
    rooms = bookable_rooms().prefetch_related(prefetch_renditions("photo", *CARD_PHOTO_RENDITIONS))
    return TemplateResponse(request, "pages/booking_rooms.html", {"rooms": rooms})


def parse_week(value, today):
    """The Monday of ?semaine=YYYY-MM-DD, or of this week; None when out of bounds."""
    try:
        day = datetime.date.fromisoformat(value) if value else today
    except ValueError:
        return None
    return week.monday_of(day)


def durations(room):
    """(shortest, longest) booking of the room, in hours: « 1 h », « 1 h 30 »."""
    return rules.duration_text(room.min_minutes), rules.duration_text(room.max_minutes)


def room_week(request, slug):
    page_cache.depends_on(request, "booking")
    room = get_object_or_404(bookable_rooms(), slug=slug)
    now = timezone.now()
    today = timezone.localdate(now)
    monday = parse_week(request.GET.get("semaine"), today)
    this_monday = week.monday_of(today)
    last_monday = week.monday_of(today + datetime.timedelta(days=room.horizon_days))
    if monday is None or not this_monday <= monday <= last_monday:
        return redirect(request.path)
    if request.GET.get("semaine") not in (None, monday.isoformat()):
        page_cache.keep_out_of_cache(request)  # another day of the week: the Monday's address is kept

    def grid():
        days, rows = week.week_grid(room, monday, now)
        by_day = [(day, runs, week.closed_text(room, day)) for day, runs in week.runs_by_day(days, rows)]
        return {"days": days, "day_by_day": by_day}

    one_week = datetime.timedelta(days=7)
    context = {
        "room": room,
        # Read only when the week is rendered, not when it is kept ({% cache_part %}).
        "week": SimpleLazyObject(grid),
        "durations": durations(room),
        "form_url": reverse("booking_request", args=[room.slug]),
        "previous_week": monday - one_week if monday > this_monday else None,
        "next_week": monday + one_week if monday < last_monday else None,
        "hours": room.hours.all(),
    }
    return TemplateResponse(request, "pages/booking_room.html", context)


@require_http_methods(["GET", "POST"])
def request_booking(request, slug):
    room = get_object_or_404(bookable_rooms(), slug=slug)
    refusal = None
    if request.method == "POST":
        form = BookingForm(request.POST, room=room)
        if REQUESTS_LIMIT.exceeded(request):
            refusal = gettext("Trop de demandes depuis votre connexion. Réessayez dans une heure, ou appelez-nous.")
        elif form.is_valid():
            REQUESTS_LIMIT.record(request, accepted=True)
            try:
                made = make_booking(room, form)
            except rules.SlotHeld as held:
                form.add_error(
                    "start",
                    gettext("Ce créneau n'est pas libre (%(what)s). Choisissez-en un autre.") % {"what": held.label},
                )
            else:
                if made is not None:
                    context = {"booking": made, "hold_hours": rules.hold_hours()}
                    return TemplateResponse(request, "pages/booking_requested.html", context, status=201)
                form.add_error(
                    "start", gettext("Ce créneau vient d'être réservé par quelqu'un d'autre. Choisissez-en un autre.")
                )
        else:
            REQUESTS_LIMIT.record(request, accepted=False)
        status = 429 if refusal else 400
    else:
        form = BookingForm(initial=initial_slot(room, request.GET), room=room)
        status = 200
    context = {
        "room": room,
        "form": form,
        "refusal": refusal,
        "week_url": reverse("booking_room", args=[room.slug]),
        "keep_days": settings.BOOKING_KEEP_DAYS,
        "durations": durations(room),
    }
    return TemplateResponse(request, "pages/booking_request.html", context, status=status)


def initial_slot(room, query):
    """The form prefilled from the slot chosen in the week view: start there, for the minimum duration."""
    initial = {"form_key": get_random_string(32)}
    try:
        day = datetime.date.fromisoformat(query.get("date", ""))
        start = datetime.time.fromisoformat(query.get("debut", ""))
        end = (datetime.datetime.combine(day, start) + datetime.timedelta(minutes=room.min_minutes)).time()
    except (ValueError, OverflowError):  # not a date, or the last day of the calendar
        return initial
    return {**initial, "date": day, "start": start, "end": end}


def make_booking(room, form):
    """The new booking, or the one this same form already made; None when the slot is
    taken by a booking (SlotHeld when something else holds it)."""
    fields = form.booking_fields()
    key = fields["form_key"]
    try:
        with transaction.atomic():
            made = rules.book(room, form.cleaned_data["start_at"], form.cleaned_data["end_at"], **fields)
            emails.send_status(made)
    except rules.SlotHeld:
        raise
    except rules.SlotTaken:
        return Booking.objects.filter(form_key=key, room=room).first() if key else None
    return made


ACTIONS = {"confirm", "cancel"}


def bad_link(request):
    context = {
        "back_url": reverse("booking_mine_request"),
        "back_label": gettext("Recevoir un nouveau lien vers mes réservations"),
    }
    return TemplateResponse(request, "pages/bad_link.html", context, status=400)


@never_cache
@require_http_methods(["GET", "POST"])
def manage_booking(request, token):
    """What a link in an email leads to. GET only shows; the buttons POST."""
    found = rules.booking_from_token(token)
    if found is None:
        return bad_link(request)
    if request.method == "POST":
        action = request.POST.get("action")
        if action not in ACTIONS:
            return HttpResponseBadRequest(gettext("Action inconnue."))
        with transaction.atomic():
            if action == "confirm":
                changed = rules.confirm_email(found)
            else:
                changed = rules.cancel(found, reason=gettext("Annulée par la personne qui avait réservé."))
            if changed:
                emails.send_status(found)
        if action == "confirm":
            if changed:
                messages.success(request, gettext("Merci, votre adresse est confirmée."))
            else:
                messages.info(request, gettext("Cette demande était déjà confirmée."))
        elif changed:
            messages.success(request, gettext("Votre réservation est annulée. Merci de nous avoir prévenus."))
        else:
            messages.info(request, gettext("Cette réservation était déjà annulée ou terminée."))
        return redirect(request.path)
    context = {"booking": found, "room": found.room, "can_cancel": can_cancel(found), "token": token}
    return TemplateResponse(request, "pages/booking_manage.html", context)


def can_cancel(booking):
    return booking.status in ACTIVE and booking.end > timezone.now()


@never_cache
@require_http_methods(["GET"])
def cancel_booking(request, token):
    """The cancellation's second step: says what will happen; its « Oui » posts to the
    booking's page. Nothing is cancelled by one tap on a link."""
    found = rules.booking_from_token(token)
    if found is None:
        return bad_link(request)
    if not can_cancel(found):
        return redirect("booking_manage", token)
    context = {
        "booking": found,
        "room": found.room,
        "consequence": gettext(
            "Le créneau redeviendra libre et d'autres pourront le réserver. Un courriel vous le confirmera. "
            "Pour le retrouver, il faudra faire une nouvelle demande."
        ),
        "manage_url": reverse("booking_manage", args=[token]),
    }
    return TemplateResponse(request, "pages/booking_cancel.html", context)


@require_http_methods(["GET", "POST"])
def my_bookings(request):
    """Asks for the list of one's bookings: it is sent to the address, never shown here."""
    form = MyBookingsForm(request.POST or None)
    if request.method == "POST":
        if MY_BOOKINGS_LIMIT.exceeded(request):
            messages.error(request, gettext("Trop de demandes depuis votre connexion. Réessayez dans une heure."))
            return TemplateResponse(request, "pages/booking_mine_request.html", {"form": form}, status=429)
        MY_BOOKINGS_LIMIT.record(request, accepted=form.is_valid())
        if form.is_valid():
            email = form.cleaned_data["email"]
            if Booking.objects.filter(email__iexact=email, anonymised=False).exists() or my_items.has_items(
                email, timezone.now()
            ):
                emails.send_my_bookings_link(email)
            # The same answer either way: the page doesn't tell who has booked.
            messages.success(
                request,
                gettext("Si cette adresse a des réservations, un lien vient d'y être envoyé (valable 24 heures)."),
            )
            return redirect(request.path)
    return TemplateResponse(
        request, "pages/booking_mine_request.html", {"form": form}, status=400 if form.errors else 200
    )


@never_cache
def my_bookings_list(request, token):
    email = rules.email_from_token(token)
    if email is None:
        return bad_link(request)
    bookings = Booking.objects.filter(email__iexact=email, anonymised=False).select_related("room").order_by("-start")
    rows = [(booking, reverse("booking_manage", args=[rules.make_token(booking)])) for booking in bookings]
    context = {"rows": rows, "email": email, "sections": my_items.sections(email, timezone.now())}
    return TemplateResponse(request, "pages/booking_mine.html", context)
