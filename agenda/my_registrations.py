"""The person's upcoming atelier registrations (waiting lists included) on booking's
« Mes réservations et inscriptions » page, each with the link to its own page and to
its cancellation step."""

from django.urls import reverse
from django.utils.translation import gettext

from agenda.models import Registration, RegistrationStatus
from booking import my_items


@my_items.register
def upcoming_registrations(email, now):
    registrations = (
        Registration.objects.filter(email__iexact=email, occurrence__end__gte=now, occurrence__atelier__live=True)
        .exclude(status=RegistrationStatus.CANCELLED)
        .select_related("occurrence__atelier")
        .order_by("occurrence__start", "pk")
    )
    items = []
    for made in registrations:
        token = made.make_token()
        items.append(
            {
                "registration": made,
                "occurrence": made.occurrence,
                "manage_url": reverse("agenda_registration", args=[token]),
                "cancel_url": reverse("agenda_registration_cancel", args=[token]),
            }
        )
    return [
        my_items.Section(
            title=gettext("Mes inscriptions aux ateliers"),
            template="components/my_registrations.html",
            items=items,
            empty=gettext("Aucune inscription à venir avec cette adresse."),
        )
    ]
