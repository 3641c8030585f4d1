"""The team's side of room booking, in the Wagtail admin: accept, decline or cancel a
booking with a reason emailed to the person; the planning of all rooms; booking for
someone who has no email; weekly series requested by member organisations."""

import contextlib
import datetime
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from booking import blockers, emails, rules
from booking import series as series_rules
from booking.forms import DATE_WIDGET, TIME_WIDGET, SlotFields
from booking.models import ACTIVE, Booking, Room, Series, Status
from core.choices import Weekday
from core.groups import MEMBER_GROUP_PREFIX
from home.models import member_pages_for

# Who may do what (Coordination holds these; members only add and view series).
ACT_ON_BOOKINGS = "booking.change_booking"
SEE_BOOKINGS = "booking.view_booking"
BOOK_FOR_SOMEONE = "booking.add_booking"
REQUEST_SERIES = "booking.add_series"
MANAGE_ALL_SERIES = "booking.change_series"


def series_visible_to(user, queryset):
    """Coordination sees every series; a member those asked by someone of its group."""
    if user.has_perm(MANAGE_ALL_SERIES):
        return queryset
    if not user.has_perm(REQUEST_SERIES):
        return queryset.none()
    member_groups = user.groups.filter(name__startswith=MEMBER_GROUP_PREFIX)
    colleagues = get_user_model().objects.filter(groups__in=member_groups)
    return queryset.filter(Q(requested_by=user) | Q(requested_by__in=colleagues))


def visible_series_or_403(user, series_id):
    series = get_object_or_404(Series.objects.select_related("room", "requested_by"), pk=series_id)
    if not series_visible_to(user, Series.objects.filter(pk=series.pk)).exists():
        raise PermissionDenied
    return series


def next_url(request, default):
    """Where to go back after an action: ?next= when it is on this site."""
    url = request.POST.get("next") or request.GET.get("next")
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=False):
        return url
    return default


def told_message(booking):
    """How the person learns about the change: by email, or by the team."""
    if booking.email:
        return gettext("Un courriel a été envoyé à %(name)s.") % {"name": booking.name}
    if booking.phone:
        return gettext("Pas d'adresse électronique : prévenez %(name)s par téléphone (%(phone)s).") % {
            "name": booking.name,
            "phone": booking.phone,
        }
    return gettext("Ni adresse électronique ni téléphone : pensez à prévenir %(name)s.") % {"name": booking.name}


# Accept, decline, cancel -------------------------------------------------------------


@dataclass(frozen=True)
class Action:
    title: str
    intro: str
    button: str
    done: str
    from_statuses: tuple
    reason: str  # "none", "optional" or "required"
    change: Callable  # (booking, reason) -> True when the status changed
    button_class: str = "button"


ACTIONS = {
    "approve": Action(
        title=_("Accepter la réservation"),
        intro=_("La réservation sera confirmée. La personne recevra un courriel avec les instructions d'accès."),
        button=_("Oui, accepter"),
        done=_("Réservation acceptée."),
        from_statuses=(Status.PENDING,),
        reason="none",
        change=lambda booking, reason: rules.approve(booking),
    ),
    "decline": Action(
        title=_("Refuser la réservation"),
        intro=_("La demande sera refusée et le créneau libéré. Le motif est envoyé à la personne : restez aimable."),
        button=_("Refuser la demande"),
        done=_("Demande refusée."),
        from_statuses=(Status.PENDING, Status.UNCONFIRMED),
        reason="required",
        change=rules.decline,
        button_class="button no",
    ),
    "cancel": Action(
        title=_("Annuler la réservation"),
        intro=_("La réservation sera annulée et le créneau libéré. La personne recevra un courriel."),
        button=_("Annuler la réservation"),
        done=_("Réservation annulée."),
        from_statuses=tuple(ACTIVE),
        reason="optional",
        change=rules.cancel,
        button_class="button no",
    ),
}


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=1000,
        help_text=_("Il est écrit dans le courriel envoyé à la personne."),
    )

    def __init__(self, *args, mode="optional", **kwargs):
        super().__init__(*args, **kwargs)
        if mode == "none":
            del self.fields["reason"]
        elif mode == "optional":
            self.fields["reason"].required = False
            self.fields["reason"].label = _("Motif (facultatif)")
        else:
            self.fields["reason"].error_messages["required"] = gettext(
                "Écrivez le motif du refus : il sera envoyé à la personne."
            )


def booking_action_view(request, booking_id, action):
    """Asks for confirmation (and a reason), then changes the status and emails the person."""
    if not request.user.has_perm(ACT_ON_BOOKINGS):
        raise PermissionDenied
    act = ACTIONS[action]
    booking = get_object_or_404(Booking.objects.select_related("room", "series"), pk=booking_id)
    back = next_url(request, reverse("booking_booking_modeladmin_index"))
    possible = booking.status in act.from_statuses
    form = ReasonForm(request.POST if request.method == "POST" else None, mode=act.reason)
    if request.method == "POST":
        if not possible:
            messages.warning(request, not_possible_message(booking))
            return redirect(back)
        if form.is_valid():
            with transaction.atomic():
                changed = act.change(booking, form.cleaned_data.get("reason", ""))
                if changed:
                    emails.send_status(booking)
            if changed:
                messages.success(request, f"{act.done} {told_message(booking)}")
            else:  # changed in between (a double click, a colleague)
                booking.refresh_from_db()
                messages.warning(request, not_possible_message(booking))
            return redirect(back)
    return TemplateResponse(
        request,
        "booking/admin/booking_action.html",
        {"booking": booking, "act": act, "form": form, "possible": possible, "back": back},
    )


def not_possible_message(booking):
    return gettext("Rien n'a changé : cette réservation est maintenant « %(status)s ».") % {
        "status": booking.get_status_display()
    }


def booking_print_view(request, booking_id):
    """A plain page to print and hand to the person: no admin around it."""
    if not request.user.has_perm(SEE_BOOKINGS):
        raise PermissionDenied
    booking = get_object_or_404(Booking.objects.select_related("room"), pk=booking_id)
    return TemplateResponse(
        request,
        "booking/admin/booking_print.html",
        {"booking": booking, "room": booking.room, "confirmed": booking.status == Status.CONFIRMED},
    )


# The planning of all rooms -----------------------------------------------------------


@dataclass
class PlanningItem:
    start: datetime.datetime
    end: datetime.datetime
    label: str
    status: str = ""
    status_label: str = ""
    url: str = ""


def parse_day(value, today):
    try:
        day = datetime.date.fromisoformat(value or "")
    except ValueError:
        return today
    # Far dates would overflow the date arithmetic below and mean nothing here.
    return day if abs((day - today).days) < 3660 else today


def planning_view(request):
    """Every room, day by day (?date=YYYY-MM-DD, ?vue=jour|semaine), in a fixed number
    of queries whatever the number of bookings."""
    if not request.user.has_perm(SEE_BOOKINGS):
        raise PermissionDenied
    today = timezone.localdate()
    day = parse_day(request.GET.get("date"), today)
    mode = "jour" if request.GET.get("vue") == "jour" else "semaine"
    first = day if mode == "jour" else day - datetime.timedelta(days=day.weekday())
    days = [first + datetime.timedelta(days=n) for n in range(1 if mode == "jour" else 7)]
    start = rules.local_datetime(days[0], datetime.time(0))
    end = rules.local_datetime(days[-1] + datetime.timedelta(days=1), datetime.time(0))

    rooms = list(Room.objects.prefetch_related("hours", "closures"))
    # Grouped by room_id below: no need to join the rooms again.
    bookings = rules.holding(Booking.objects.filter(start__lt=end, end__gt=start))
    items = defaultdict(list)
    for booking in bookings.order_by("start"):
        who = f"{booking.name} ({booking.organisation})" if booking.organisation else booking.name
        items[(booking.room_id, timezone.localdate(booking.start))].append(
            PlanningItem(
                start=booking.start,
                end=booking.end,
                label=who,
                status=booking.status,
                status_label=booking.get_status_display(),
                url=reverse("booking_booking_modeladmin_inspect", args=[booking.pk]),
            )
        )
    for room_id, held in blockers.busy(rooms, start, end).items():
        for held_start, held_end, label in held:
            items[(room_id, timezone.localdate(held_start))].append(PlanningItem(held_start, held_end, label))

    schedule = [
        {
            "day": d,
            "is_today": d == today,
            "rows": [
                {
                    "room": room,
                    "closure": rules.closure_on(room, d),
                    "ranges": rules.opening_ranges(room, d),
                    "items": sorted(items[(room.pk, d)], key=lambda item: item.start),
                }
                for room in rooms
            ],
        }
        for d in days
    ]
    step = datetime.timedelta(days=len(days))
    return TemplateResponse(
        request,
        "booking/admin/planning.html",
        {
            "schedule": schedule,
            "mode": mode,
            "day": day,
            "first": days[0],
            "last": days[-1],
            "previous": first - step,
            "next": first + step,
            "today": today,
            "can_book": request.user.has_perm(BOOK_FOR_SOMEONE),
        },
    )


# Booking for someone -----------------------------------------------------------------


def check_capacity(form, room, people):
    if room is not None and people and people > room.capacity:
        form.add_error(
            "people",
            gettext("La salle %(room)s accueille au plus %(count)d personnes.")
            % {"room": room.name, "count": room.capacity},
        )


class PersonFields(forms.Form):
    """Who the team books for."""

    name = forms.CharField(label=_("Nom de la personne"), max_length=100)
    email = forms.EmailField(
        label=_("Adresse électronique (facultatif)"),
        max_length=254,
        required=False,
        help_text=_("Si la personne en a une, elle y reçoit la confirmation. Sinon, imprimez-la-lui."),
    )
    phone = forms.CharField(
        label=_("Téléphone (facultatif)"), max_length=30, required=False, widget=forms.TextInput(attrs={"type": "tel"})
    )
    organisation = forms.CharField(label=_("Association ou structure (facultatif)"), max_length=120, required=False)
    purpose = forms.CharField(
        label=_("Pour quoi faire ?"),
        max_length=300,
        help_text=_("En quelques mots, par exemple : répétition de la chorale."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    people = forms.IntegerField(label=_("Nombre de personnes"), min_value=1, initial=1)

    PERSON = ["name", "email", "phone", "organisation", "purpose", "people"]

    def clean(self):
        cleaned = super().clean()
        check_capacity(self, cleaned.get("room"), cleaned.get("people"))
        return cleaned

    def person(self):
        return {field: self.cleaned_data[field] for field in self.PERSON}


class BookForSomeoneForm(SlotFields, PersonFields):
    room = forms.ModelChoiceField(label=_("Salle"), queryset=Room.objects.all(), empty_label=_("Choisissez une salle"))
    notice = horizon = False

    field_order = ["room", "date", "start", "end", *PersonFields.PERSON]


def initial_from_query(query):
    initial = {}
    if query.get("salle", "").isdigit():
        initial["room"] = int(query["salle"])
    with contextlib.suppress(ValueError):
        initial["date"] = datetime.date.fromisoformat(query.get("date", ""))
    return initial


def book_for_someone_view(request):
    if not request.user.has_perm(BOOK_FOR_SOMEONE):
        raise PermissionDenied
    form = BookForSomeoneForm(
        request.POST if request.method == "POST" else None, initial=initial_from_query(request.GET)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                booking = rules.book(
                    data["room"],
                    data["start_at"],
                    data["end_at"],
                    status=Status.CONFIRMED,
                    booked_by=request.user,
                    **form.person(),
                )
                emails.send_status(booking)
        except rules.SlotTaken:
            form.add_error(
                None,
                gettext(
                    "Ce créneau est déjà pris (une autre réservation ou un atelier). "
                    "Choisissez une autre heure ou une autre salle : le planning montre ce qui est libre."
                ),
            )
        else:
            messages.success(request, gettext("Réservation confirmée.") + " " + told_message(booking))
            return redirect("booking_admin_print", booking.pk)
    return TemplateResponse(request, "booking/admin/book_for_someone.html", {"form": form})


# Weekly series -----------------------------------------------------------------------


class SeriesRequestForm(PersonFields):
    room = forms.ModelChoiceField(label=_("Salle"), queryset=Room.objects.none(), empty_label=_("Choisissez une salle"))
    weekday = forms.TypedChoiceField(label=_("Chaque"), choices=Weekday.choices, coerce=int)
    start = forms.TimeField(label=_("De"), widget=TIME_WIDGET)
    end = forms.TimeField(label=_("À"), widget=TIME_WIDGET)
    first_date = forms.DateField(label=_("À partir du"), widget=DATE_WIDGET)
    until = forms.DateField(
        label=_("Jusqu'au (inclus)"), widget=DATE_WIDGET, help_text=_("Une série dure un an au plus.")
    )
    organisation = forms.CharField(label=_("Organisation"), max_length=120)
    name = forms.CharField(label=_("Personne à contacter"), max_length=100)
    field_order = ["room", "weekday", "start", "end", "first_date", "until", "organisation", "name", "email"]

    def __init__(self, *args, rooms, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["room"].queryset = rooms
        # Same fields as booking for someone, in words for a series.
        self.fields["email"].label = _("Son adresse électronique (facultatif)")
        self.fields["email"].help_text = _("Elle reçoit un courriel si la série est acceptée ou annulée.")
        self.fields["phone"].label = _("Son téléphone (facultatif)")
        self.fields["purpose"].help_text = _("Par exemple : atelier hebdomadaire de réparation.")

    def clean(self):
        cleaned = super().clean()
        first, until = cleaned.get("first_date"), cleaned.get("until")
        if first and first < timezone.localdate():
            self.add_error("first_date", gettext("Cette date est déjà passée."))
        if first and until:
            if until < first:
                self.add_error("until", gettext("La date de fin doit être après la date de début."))
            elif (until - first).days > series_rules.MAX_SERIES_DAYS:
                self.add_error("until", gettext("Une série dure un an au plus : choisissez une date plus proche."))
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end <= start:
            self.add_error("end", gettext("L'heure de fin doit être après l'heure de début."))
        return cleaned


def series_request_view(request):
    """« Demander une série »: books what can be, then shows what was booked and skipped."""
    user = request.user
    if not user.has_perm(REQUEST_SERIES):
        raise PermissionDenied
    # Members choose among the rooms open to booking; Coordination among all.
    rooms = Room.objects.all() if user.has_perm(MANAGE_ALL_SERIES) else Room.objects.filter(bookable=True)
    members = list(member_pages_for(user))
    initial = {
        "organisation": ", ".join(page.title for page in members),
        "name": user.get_full_name(),
        "email": user.email,
    }
    form = SeriesRequestForm(request.POST if request.method == "POST" else None, rooms=rooms, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        series, booked, skipped = series_rules.book_series(
            data["room"],
            data["weekday"],
            data["start"],
            data["end"],
            data["first_date"],
            data["until"],
            data["organisation"],
            user,
            **{field: data[field] for field in ("name", "email", "phone", "purpose", "people")},
        )
        return TemplateResponse(
            request,
            "booking/admin/series_result.html",
            {"series": series, "booked": booked, "skipped": skipped, "room": data["room"]},
        )
    return TemplateResponse(request, "booking/admin/series_request.html", {"form": form})


def series_detail_view(request, series_id):
    series = visible_series_or_403(request.user, series_id)
    now = timezone.now()
    bookings = list(series.bookings.order_by("start"))
    for booking in bookings:
        booking.can_cancel = booking.is_active and booking.start > now
    return TemplateResponse(
        request,
        "booking/admin/series_detail.html",
        {
            "series": series,
            "bookings": bookings,
            "upcoming": sum(1 for booking in bookings if booking.can_cancel),
            "pending": sum(1 for b in bookings if b.can_cancel and b.status == Status.PENDING),
            "can_approve": request.user.has_perm(ACT_ON_BOOKINGS),
        },
    )


def series_cancel_view(request, series_id, booking_id=None):
    """Cancels the whole series (every date to come), or one date of it."""
    series = visible_series_or_403(request.user, series_id)
    detail = reverse("booking_admin_series", args=[series.pk])
    booking = None
    if booking_id is not None:
        booking = get_object_or_404(series.bookings.select_related("room"), pk=booking_id)
        targets = [booking] if booking.is_active and booking.start > timezone.now() else []
    else:
        targets = list(series_rules.upcoming(series))
    form = ReasonForm(request.POST if request.method == "POST" else None, mode="optional")
    if request.method == "POST" and form.is_valid():
        reason = form.cleaned_data["reason"]
        if not targets:
            messages.warning(request, gettext("Rien à annuler : aucune date à venir."))
        elif booking is not None:
            with transaction.atomic():
                if rules.cancel(booking, reason):
                    emails.send_status(booking)
            messages.success(request, gettext("Date annulée.") + " " + told_message(booking))
        else:
            cancelled = series_rules.cancel_series(series, reason)
            messages.success(
                request,
                gettext("Série annulée : %(count)d date(s) libérée(s), un seul courriel envoyé pour toutes.")
                % {"count": len(cancelled)},
            )
        return redirect(detail)
    return TemplateResponse(
        request,
        "booking/admin/series_action.html",
        {
            "series": series,
            "booking": booking,
            "targets": targets,
            "form": form,
            "back": detail,
            "title": gettext("Annuler une date de la série") if booking else gettext("Annuler toute la série"),
            "button": gettext("Oui, annuler cette date") if booking else gettext("Oui, annuler toutes ces dates"),
            "button_class": "button no",
        },
    )


def series_approve_view(request, series_id):
    """Accepts every date of the series still waiting, with one email for all."""
    if not request.user.has_perm(ACT_ON_BOOKINGS):
        raise PermissionDenied
    series = visible_series_or_403(request.user, series_id)
    detail = reverse("booking_admin_series", args=[series.pk])
    targets = list(series_rules.upcoming(series).filter(status=Status.PENDING))
    form = ReasonForm(request.POST if request.method == "POST" else None, mode="none")
    if request.method == "POST" and form.is_valid():
        approved = series_rules.approve_series(series)
        messages.success(
            request,
            gettext("%(count)d date(s) acceptée(s), un seul courriel envoyé pour toutes.") % {"count": len(approved)},
        )
        return redirect(detail)
    return TemplateResponse(
        request,
        "booking/admin/series_action.html",
        {
            "series": series,
            "booking": None,
            "targets": targets,
            "form": form,
            "back": detail,
            "title": gettext("Accepter les dates en attente"),
            "button": gettext("Oui, accepter ces dates"),
            "button_class": "button",
        },
    )
