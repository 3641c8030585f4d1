"""Weekly series in the admin: a member organisation (or Coordination) asks for one,
sees its dates, cancels them; Coordination accepts those waiting."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from booking import emails, rules
from booking import series as series_rules
from booking.admin.forms import ReasonForm, SeriesRequestForm
from booking.admin.permissions import ACT_ON_BOOKINGS, MANAGE_ALL_SERIES, REQUEST_SERIES, visible_series_or_403
from booking.admin.views.bookings import told_message
from booking.models import Room, Status
from home.models import member_pages_for


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
            messages.warning(request, gettext("Rien à annuler\u00a0: aucune date à venir."))
        elif booking is not None:
            with transaction.atomic():
                if rules.cancel(booking, reason):
                    emails.send_status(booking)
            messages.success(request, gettext("Date annulée.") + " " + told_message(booking))
        else:
            cancelled = series_rules.cancel_series(series, reason)
            messages.success(
                request,
                gettext("Série annulée\u00a0: %(count)d date(s) libérée(s), un seul courriel envoyé pour toutes.")
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
