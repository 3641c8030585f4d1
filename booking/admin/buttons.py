"""The buttons of the bookings' and series' lists: a booking is accepted, declined or
cancelled through them, a series opens on its dates."""

from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail_modeladmin.helpers import ButtonHelper
from wagtail_modeladmin.views import InspectView

from booking.admin.permissions import ACT_ON_BOOKINGS
from booking.models import ACTIVE, Status


class OwnAddPageButtonHelper(ButtonHelper):
    """The list's « add » button leads to our own page (`add_url_name`), not modeladmin's form."""

    add_url_name = add_label = add_title = None

    def add_button(self, classnames_add=None, classnames_exclude=None):
        button = super().add_button(classnames_add, classnames_exclude)
        button.update(url=reverse(self.add_url_name), label=str(self.add_label), title=str(self.add_title))
        return button


class BookingButtonHelper(OwnAddPageButtonHelper):
    add_url_name = "booking_admin_book_for_someone"
    add_label = _("Réserver pour quelqu'un")
    add_title = _("Réserver une salle pour une personne qui n'a pas d'adresse électronique")

    def inspect_button(self, pk, classnames_add=None, classnames_exclude=None):
        button = super().inspect_button(pk, classnames_add, classnames_exclude)
        button.update(label=gettext("Voir"), title=gettext("Voir toute la réservation"))
        return button

    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        inspecting = isinstance(self.view, InspectView)
        back = self.url_helper.index_url if inspecting else self.request.get_full_path()
        small = "" if inspecting else " button-small"
        if self.request.user.has_perm(ACT_ON_BOOKINGS) and obj.end > timezone.now():
            if obj.status == Status.PENDING:
                buttons.append(self.action(obj, "approve", gettext("Accepter"), f"button{small}", back))
                buttons.append(self.action(obj, "decline", gettext("Refuser"), f"button no{small}", back))
            elif obj.status in ACTIVE:
                buttons.append(self.action(obj, "cancel", gettext("Annuler"), f"button no{small}", back))
        if inspecting:
            buttons.append(
                {
                    "url": reverse("booking_admin_print", args=[obj.pk]),
                    "label": gettext("Page à imprimer"),
                    "classname": "button button-secondary",
                    "title": gettext("Une page à imprimer et à donner à la personne"),
                }
            )
        return buttons

    def action(self, obj, action, label, classname, back):
        return {
            "url": f"{reverse(f'booking_admin_{action}', args=[obj.pk])}?{urlencode({'next': back})}",
            "label": label,
            "classname": classname,
            "title": f"{label}\u00a0: {obj}",
        }


class SeriesButtonHelper(OwnAddPageButtonHelper):
    add_url_name = "booking_admin_series_request"
    add_label = _("Demander une série")
    add_title = _("Réserver une salle chaque semaine")

    def detail_button(self, obj):
        return {
            "url": reverse("booking_admin_series", args=[obj.pk]),
            "label": gettext("Voir les dates"),
            "classname": "button button-small button-secondary",
            "title": gettext("Les dates de la série %(series)s") % {"series": obj},
        }

    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        return [self.detail_button(obj)]

    def get_primary_button(self, obj):
        return self.detail_button(obj)
