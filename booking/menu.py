"""The public menu entry of room booking, whose pages are not Wagtail pages."""

from django.urls import reverse
from django.utils.translation import gettext

from wagtail import hooks


@hooks.register("espace_main_menu_items")
def booking_menu_item():
    return [(gettext("Réserver une salle"), reverse("booking_rooms"))]
