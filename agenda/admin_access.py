"""Who sees what of the registrations in the admin: Coordination everything, a
member only the registrations of the ateliers it organises."""

from core.groups import is_coordinator
from home.models import member_pages_for


def registrations_visible_to(user, registrations):
    if is_coordinator(user):
        return registrations
    return registrations.filter(occurrence__atelier__organisers__in=member_pages_for(user)).distinct()


def can_manage_occurrence(user, occurrence):
    if is_coordinator(user):
        return True
    return occurrence.atelier.organisers.filter(pk__in=member_pages_for(user).values("pk")).exists()
