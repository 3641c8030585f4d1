from agenda.models.ateliers import AtelierPage
from agenda.models.messages import MessageRecipients, SessionMessage
from agenda.models.occurrences import (
    CallOutcome,
    Occurrence,
    OccurrenceChange,
    OccurrenceQuerySet,
    Registration,
    RegistrationStatus,
)
from agenda.models.pages import AgendaIndexPage, FestivalPage
from agenda.models.vocabulary import AtelierStatus, Category, Frequency, PriceKind

__all__ = [
    "AgendaIndexPage",
    "AtelierPage",
    "AtelierStatus",
    "CallOutcome",
    "Category",
    "FestivalPage",
    "Frequency",
    "MessageRecipients",
    "Occurrence",
    "OccurrenceChange",
    "OccurrenceQuerySet",
    "PriceKind",
    "Registration",
    "RegistrationStatus",
    "SessionMessage",
]
