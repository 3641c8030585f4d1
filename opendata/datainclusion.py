"""The member organisations (« structures ») and their services in the data·inclusion schema,
version 1 (https://gip-inclusion.github.io/data-inclusion-schema/, read at 1.0.8): the records
that national directories (Dora, Soliguide, the map of the conseillers numériques…) take in,
so that the collective no longer types its services again into each of them.

Every record holds every field of the schema, in its order, None when we do not know it: the
JSON and the CSV then have the same columns whatever the content."""

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone

from core.person import is_phone
from home.models import MemberKind, MemberPage
from opendata.opening_hours import osm_opening_hours

STRUCTURE_FIELDS = (
    *("source", "id", "nom", "date_maj", "description", "lien_source", "siret"),
    *("commune", "code_postal", "code_insee", "adresse", "complement_adresse", "longitude", "latitude"),
    *("telephone", "courriel", "site_web", "horaires_accueil", "accessibilite_lieu", "reseaux_porteurs"),
)
SERVICE_FIELDS = (
    *("source", "structure_id", "id", "nom", "description", "lien_source", "date_maj"),
    *("type", "thematiques", "frais", "frais_precisions", "publics", "publics_precisions", "conditions_acces"),
    *("commune", "code_postal", "code_insee", "adresse", "complement_adresse", "longitude", "latitude"),
    *("telephone", "courriel", "modes_accueil", "zone_eligibilite", "contact_nom_prenom", "lien_mobilisation"),
    *("modes_mobilisation", "mobilisable_par", "mobilisation_precisions", "volume_horaire_hebdomadaire"),
    *("nombre_semaines", "horaires_accueil"),
)
LIST_FIELDS = {
    *("reseaux_porteurs", "thematiques", "publics", "modes_accueil", "zone_eligibilite"),
    *("modes_mobilisation", "mobilisable_par"),
}

# Schema 1.0.1 merged the structures' `typologie` into `reseaux_porteurs`: the national
# networks a structure belongs to. Of our kinds only the entreprise d'insertion is one.
MEMBER_KIND_NETWORKS = {
    MemberKind.ASSOCIATION: [],
    MemberKind.INSERTION: ["ei"],
    MemberKind.COMPANY: [],
    MemberKind.PROJECT: [],
}


@dataclass(frozen=True)
class ServiceCodes:
    type: str
    thematiques: list
    frais: str | None = None


# The national list has four digital themes only: several of our services share one. A service
# added in the admin and missing here is still published, without type nor themes.
SERVICE_CODES = {
    "materiel-reconditionne": ServiceCodes("aide-materielle", ["numerique--acquerir-un-equipement"], frais="payant"),
    "formation": ServiceCodes(
        "formation",
        ["numerique--maitriser-les-fondamentaux-du-numerique", "numerique--acceder-a-des-services-en-ligne"],
    ),
    "animation": ServiceCodes("atelier", ["numerique--maitriser-les-fondamentaux-du-numerique"]),
    "depannage": ServiceCodes("aide-materielle", ["numerique--acquerir-un-equipement"]),
    "sensibilisation": ServiceCodes("information", ["numerique--maitriser-les-fondamentaux-du-numerique"]),
    "fabrication": ServiceCodes("atelier", ["numerique--maitriser-les-fondamentaux-du-numerique"]),
    "reemploi": ServiceCodes("aide-materielle", ["numerique--acquerir-un-equipement"]),
    "logiciels-libres": ServiceCodes("atelier", ["numerique--maitriser-les-fondamentaux-du-numerique"]),
}
FRENCH_NUMBER = re.compile(r"0[1-9]\d{8}")
POSTAL_CODE = re.compile(r"\d{5}")


def source():
    """The producer's identifier: the site's host name, which names the collective's site."""
    return urlsplit(settings.SITE_URL).hostname


def live_members():
    """The published, public member pages with all they export: five queries, whatever their count."""
    return (
        MemberPage.objects.live()
        .public()
        .prefetch_related("services", "opening_hours", "closures")
        .order_by("title", "pk")
    )


def international_phone(phone):
    """« 02 99 00 00 12 » as +33299000012 (E.164, which the schema prefers); another phone
    number as typed; None for what is not one (typed before numbers were checked)."""
    digits = re.sub(r"[\s.\-]", "", phone)
    return "+33" + digits[1:] if FRENCH_NUMBER.fullmatch(digits) else phone if is_phone(phone) else None


def last_update(member):
    published = member.last_published_at or member.first_published_at
    return timezone.localdate(published) if published else timezone.localdate()


def record(fields, values):
    return {field: values.get(field) for field in fields}


def whereabouts(member):
    """What a structure and its services share: where it is and how to call."""
    return {
        "commune": member.city or None,
        "code_postal": member.postal_code if POSTAL_CODE.fullmatch(member.postal_code) else None,
        "adresse": member.street_address or None,
        "complement_adresse": member.address_complement or None,
        "longitude": float(member.longitude) if member.longitude is not None else None,
        "latitude": float(member.latitude) if member.latitude is not None else None,
        "telephone": international_phone(member.phone),
        # The site shows a member's email only to visitors who ask for it, so that harvesters
        # do not collect it; an open file would hand it to them: `courriel` stays empty.
        "courriel": None,
    }


def structure(member, request, today):
    return record(
        STRUCTURE_FIELDS,
        {
            "source": source(),
            "id": f"{source()}--{member.pk}",
            "nom": member.title,
            "date_maj": last_update(member).isoformat(),
            "description": member.summary,
            "lien_source": member.get_full_url(request),
            **whereabouts(member),
            "site_web": member.website or None,
            "horaires_accueil": osm_opening_hours(member.opening_hours.all(), member.closures.all(), today) or None,
            "accessibilite_lieu": member.acceslibre_url or None,
            "reseaux_porteurs": MEMBER_KIND_NETWORKS.get(member.kind) or None,
        },
    )


def service(member, offered, request):
    codes = SERVICE_CODES.get(offered.slug)
    ways_in = (["se-presenter"] if member.street_address else []) + (["telephoner"] if member.phone else [])
    return record(
        SERVICE_FIELDS,
        {
            "source": source(),
            "structure_id": f"{source()}--{member.pk}",
            "id": f"{source()}--{member.pk}-{offered.pk}",
            "nom": offered.name,
            # The service's own words, then what the member does: never shorter than the schema's 5 characters.
            "description": " ".join(filter(None, [offered.description, member.summary])),
            "lien_source": member.get_full_url(request),
            "date_maj": last_update(member).isoformat(),
            "type": codes.type if codes else None,
            "thematiques": codes.thematiques if codes else None,
            "frais": codes.frais if codes else None,
            **whereabouts(member),
            "modes_accueil": ["en-presentiel"] if member.street_address else None,
            "modes_mobilisation": ways_in or None,
            "mobilisable_par": ["usagers"],
            # No contact person (`contact_nom_prenom`): no one's name leaves the site. The hours are
            # the structure's, which the schema reads when a service has none of its own.
        },
    )


def structures(request):
    today = timezone.localdate()
    return [structure(member, request, today) for member in live_members()]


def services(request):
    return [service(member, offered, request) for member in live_members() for offered in member.services.all()]


def last_published():
    """The date of the latest change to the exported members, or None without any."""
    published = (
        MemberPage.objects.live()
        .public()
        .exclude(last_published_at=None)
        .order_by("-last_published_at")
        .values_list("last_published_at", flat=True)
        .first()
    )
    return timezone.localdate(published) if published else None
