"""Who sees what of the registrations in the admin: Coordination everything, a
member only the registrations of the ateliers it organises."""

from wagtail_modeladmin.helpers import PermissionHelper

from agenda.models import Registration
from core.groups import is_coordinator
from home.models import member_pages_for


def registrations_visible_to(user, registrations):
    if is_coordinator(user):
        return registrations
    return registrations.filter(occurrence__atelier__organisers__in=member_pages_for(user)).distinct()


def can_register_people(user):
    """The mediator's desk: Coordination and every member's editor register people for
    any session of the collective (they see nothing of the others' registrations)."""
    return is_coordinator(user) or member_pages_for(user).exists()


def can_print_registration(user, registration):
    """The slip: for the session's organisers, and for whoever registered the person."""
    return registration.registered_by_id == user.pk or can_manage_occurrence(user, registration.occurrence)


def can_manage_occurrence(user, occurrence):
    if is_coordinator(user):
        return True
    return occurrence.atelier.organisers.filter(pk__in=member_pages_for(user).values("pk")).exists()


class OwnRegistrationsPermissionHelper(PermissionHelper):
    def user_can_inspect_obj(self, user, obj):
        return super().user_can_inspect_obj(user, obj) and self._visible(user, obj)

    def user_can_edit_obj(self, user, obj):
        return super().user_can_edit_obj(user, obj) and self._visible(user, obj)

    def user_can_delete_obj(self, user, obj):
        return super().user_can_delete_obj(user, obj) and self._visible(user, obj)

    def user_can_create(self, user):
        return False  # people register themselves, through the public form

    def _visible(self, user, obj):
        return registrations_visible_to(user, Registration.objects.filter(pk=obj.pk)).exists()
