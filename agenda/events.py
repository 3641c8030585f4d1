"""What search engines read of an atelier: its sessions as schema.org Events (place, price,
organisers, each session's dates and status)."""

from wagtail.models import Site

from agenda.models.vocabulary import PriceKind
from core import schema_org


def availability(occurrence):
    """A cancelled session offers nothing: no availability, rather than « in stock »."""
    if occurrence.is_cancelled:
        return {}
    full = occurrence.is_full
    return {"availability": "https://schema.org/SoldOut" if full else "https://schema.org/InStock"}


def event_status(occurrence):
    if occurrence.is_cancelled:
        return "https://schema.org/EventCancelled"
    if occurrence.start != occurrence.original_start:
        return "https://schema.org/EventRescheduled"
    return "https://schema.org/EventScheduled"


def site_name(atelier, request):
    site = Site.find_for_request(request) if request else atelier.get_site()  # once per request
    return site.site_name


def atelier_events(atelier, occurrences, request=None):
    """schema.org Events of these sessions: what all of them share (place, price, organisers)
    is worked out once, then each one's dates and status."""
    url = atelier.get_full_url(request)
    price = atelier.price_amount if atelier.price_kind == PriceKind.PAID and atelier.price_amount is not None else 0
    shared = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": atelier.title,
        "description": atelier.summary,
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {"@type": "Place", "name": atelier.place_name, "address": atelier.postal_address(request)},
        "image": [schema_org.site_image()],
        "url": url,
        "isAccessibleForFree": atelier.price_kind != PriceKind.PAID,
    }
    organisers = [
        {"@type": "Organization", "name": member.title, "url": member.get_full_url(request)}
        for member in atelier.organisers.all()
    ]
    shared["organizer"] = organisers or schema_org.collective(site_name(atelier, request))
    offer = {"@type": "Offer", "price": f"{price:.2f}" if price else "0", "priceCurrency": "EUR", "url": url}
    if atelier.first_published_at:  # registrations open with the atelier's publication
        offer["validFrom"] = atelier.first_published_at.isoformat()
    return [
        {
            **shared,
            "startDate": occurrence.start.isoformat(),
            "endDate": occurrence.end.isoformat(),
            "eventStatus": event_status(occurrence),
            "offers": {**offer, **availability(occurrence)},
        }
        for occurrence in occurrences
    ]
