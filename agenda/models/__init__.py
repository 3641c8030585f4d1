from agenda.models.occurrences import Occurrence, OccurrenceQuerySet, Registration, RegistrationStatus
from agenda.models.pages import (
    AgendaIndexPage,
    AtelierPage,
    AtelierStatus,
    Audience,
    Category,
    FestivalPage,
    Frequency,
    OccurrenceChange,
    PriceKind,
)

__all__ = [
    "AgendaIndexPage",
    "AtelierPage",
    "AtelierStatus",
    "Audience",
    "Category",
    "FestivalPage",
    "Frequency",
    "Occurrence",
    "OccurrenceChange",
    "OccurrenceQuerySet",
    "PriceKind",
    "Registration",
    "RegistrationStatus",
]
