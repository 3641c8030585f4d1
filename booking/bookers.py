"""Who a booking is for, as the activity report counts it: a member of the collective, an
association or a resident. Set once, when the booking is made (by `rules.book()`), from
what the booking says of itself; the purge of personal data keeps it."""

from booking.models import BookerKind
from home.models import member_pages_for


def booker(organisation="", series=None, booked_by=None):
    """{"booker_kind", "member"} of a new booking.

    A date of a series is a member's: the first member page its requester edits, if any.
    A booking the team makes is the member's whose page its author edits. Otherwise, the
    public form (or a coordinator booking for someone): an association when an organisation
    is given, else a resident."""
    user = series.requested_by if series is not None else booked_by
    member = member_pages_for(user).first() if user is not None else None
    if series is not None or member is not None:
        return {"booker_kind": BookerKind.MEMBER, "member": member}
    kind = BookerKind.ASSOCIATION if organisation.strip() else BookerKind.RESIDENT
    return {"booker_kind": kind, "member": None}
