"""Who sees which activity report: Coordination every member's and the collective's, a
member's editors their member's only."""

from django.core.exceptions import PermissionDenied

from core.forms import small_number
from core.groups import is_coordinator
from home.models import MemberPage, member_pages_for


def may_see_reports(user):
    return is_coordinator(user) or member_pages_for(user).exists()


def report_choices(user, asked):
    """(whether the whole collective may be chosen, [MemberPage] that may be); 403 for
    someone without a member, or asking for a member that is not theirs."""
    if is_coordinator(user):
        return True, list(MemberPage.objects.order_by("title"))
    members = list(member_pages_for(user))
    if not members:
        raise PermissionDenied
    # Another member's page: refused. Anything else unknown: the form's error says so.
    number = small_number(asked)
    if number is not None and number not in {member.pk for member in members}:
        raise PermissionDenied
    return False, members
