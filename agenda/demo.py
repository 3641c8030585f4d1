"""Demo agenda: the past BooTIC (November 2017) as history, an upcoming edition,
and recurring ateliers of the members. Dates of upcoming ateliers are set from
today, so that the demo always has a future."""

import datetime

from django.utils import timezone

from agenda.models import AgendaIndexPage, AtelierPage, Category, FestivalPage, Frequency, PriceKind
from booking.models import Room
from core import demo_data
from core.choices import Audience
from core.groups import ensure_coordination_group, setup_member
from home.demo import figure, publish_child
from home.models import HomePage, MemberPage

# Where the espace's ateliers take place: its address in the demo settings.
ESPACE_ADDRESS = "{street_address}, {postal_code} {city}".format(**demo_data.read("home", "site")["settings"])
CATEGORIES = ["Repair café", "Formation", "Sensibilisation", "Fabrication", "Logiciel libre", "Animation"]
# The demo's drawings (home.demo_pictures) at the end of some ateliers' descriptions.
ATELIER_PICTURES = {
    "repair-cafe": "repair-cafe",
    "premiers-pas-ordinateur": "atelier-seniors",
    "proteger-ses-donnees": "donnees-personnelles",
    "bootic-2017-logiciels-libres": "logiciel-libre",
}
# Ateliers held in a room of the espace (booking/demo.py): they block its bookings.
ATELIER_ROOMS = {
    "repair-cafe": "le-fablab",
    "premiers-pas-ordinateur": "la-salle-de-formation",
    "proteger-ses-donnees": "la-salle-de-formation",
}


def at(day, hour, minute=0):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def first_weekday_after(day, weekday):
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7 or 7)


def ateliers(today):
    """(parent key, fields, organiser slugs, category names) of each demo atelier."""
    saturday = first_weekday_after(today, 5)
    tuesday = first_weekday_after(today, 1)
    first_saturday = first_weekday_after(today.replace(day=1) + datetime.timedelta(days=31), 5)
    first_saturday = first_saturday - datetime.timedelta(days=7 * ((first_saturday.day - 1) // 7))
    festival_start = first_weekday_after(today + datetime.timedelta(days=60), 0)
    bootic_2017 = datetime.date(2017, 11, 6)
    return [
        (
            "agenda",
            {
                "title": "Repair café du fablab",
                "slug": "repair-cafe",
                "summary": "Apportez un appareil en panne : on cherche ensemble comment le réparer.",
                "start": at(first_saturday, 14),
                "end": at(first_saturday, 17),
                "frequency": Frequency.MONTHLY,
                "place_name": "Fablab de l'espace numérique",
                "place_address": ESPACE_ADDRESS,
                "price_kind": PriceKind.PAY_WHAT_YOU_WANT,
                "body": [
                    (
                        "paragraph",
                        "<p>Ordinateur lent, grille-pain muet, téléphone qui ne charge plus ? "
                        "Des bénévoles vous aident à comprendre la panne et à réparer vous-même.</p>",
                    )
                ],
            },
            ["la-vilaine-bidouille"],
            ["Repair café", "Fabrication"],
        ),
        (
            "agenda",
            {
                "title": "Premiers pas sur l'ordinateur",
                "slug": "premiers-pas-ordinateur",
                "summary": "Allumer, utiliser la souris et le clavier, ranger ses fichiers : en petit groupe.",
                "start": at(tuesday, 14),
                "end": at(tuesday, 16),
                "frequency": Frequency.WEEKLY,
                "repeat_until": tuesday + datetime.timedelta(weeks=10),
                "place_name": "Salle de formation",
                "place_address": ESPACE_ADDRESS,
                "audience": Audience.SENIORS,
                "registration_required": True,
                "places": 6,
                "max_people_per_registration": 2,
                "body": [
                    (
                        "paragraph",
                        "<p>Dix séances pour prendre confiance, à votre rythme. "
                        "Les ordinateurs sont prêtés sur place.</p>",
                    )
                ],
            },
            ["les-mulots"],
            ["Formation"],
        ),
        (
            "agenda",
            {
                "title": "Protéger ses données personnelles",
                "slug": "proteger-ses-donnees",
                "summary": "Mots de passe, traceurs, réglages du téléphone : une heure pour reprendre la main.",
                "start": at(saturday + datetime.timedelta(days=7), 10),
                "end": at(saturday + datetime.timedelta(days=7), 12),
                "place_name": "Salle de formation",
                "place_address": ESPACE_ADDRESS,
                "registration_required": True,
                "places": 12,
                "body": [
                    (
                        "paragraph",
                        "<p>Un atelier pour comprendre ce que deviennent vos données, "
                        "et les gestes simples pour les protéger.</p>",
                    )
                ],
            },
            ["riwal-raude"],
            ["Sensibilisation"],
        ),
        (
            "bootic-2017",
            {
                "title": "Découvrir les ordinateurs reconditionnés",
                "slug": "bootic-2017-reconditionnes",
                "summary": "Présentation de matériel reconditionné, prêt à l'emploi et garanti.",
                "start": at(bootic_2017, 10),
                "end": at(bootic_2017 + datetime.timedelta(days=13), 18),
                "all_day": True,
                "place_name": "La BooTIC, Redon",
            },
            ["clic-n-puces"],
            ["Animation"],
        ),
        (
            "bootic-2017",
            {
                "title": "Sensibilisation aux logiciels libres",
                "slug": "bootic-2017-logiciels-libres",
                "summary": "Qu'est-ce qu'un logiciel libre, et comment s'en servir au quotidien ?",
                "start": at(bootic_2017 + datetime.timedelta(days=4), 14),
                "end": at(bootic_2017 + datetime.timedelta(days=4), 17),
                "place_name": "La BooTIC, Redon",
            },
            ["la-vilaine-bidouille", "les-mulots"],
            ["Logiciel libre"],
        ),
        (
            "bootic-2017",
            {
                "title": "Repair café de la BooTIC",
                "slug": "bootic-2017-repair-cafe",
                "summary": "Une cinquantaine de visiteurs sont venus réparer leur matériel.",
                "start": at(bootic_2017 + datetime.timedelta(days=12), 14),
                "end": at(bootic_2017 + datetime.timedelta(days=12), 18),
                "place_name": "La BooTIC, Redon",
            },
            ["la-vilaine-bidouille", "depantek"],
            ["Repair café"],
        ),
        (
            "bootic-next",
            {
                "title": "Installer un réseau à la maison",
                "slug": "bootic-reseau-maison",
                "summary": "Box, wifi, imprimante partagée : comprendre et bien régler son réseau.",
                "start": at(festival_start + datetime.timedelta(days=2), 14),
                "end": at(festival_start + datetime.timedelta(days=2), 16),
                "place_name": "Salle de formation",
                "place_address": ESPACE_ADDRESS,
                "registration_required": True,
                "places": 10,
            },
            ["depantek"],
            ["Formation"],
        ),
        (
            "bootic-next",
            {
                "title": "Jeux et sciences numériques en famille",
                "slug": "bootic-jeux-sciences",
                "summary": "Programmer un petit robot, jouer avec la lumière et les circuits : dès 8 ans.",
                "start": at(festival_start + datetime.timedelta(days=5), 14),
                "end": at(festival_start + datetime.timedelta(days=5), 17),
                "place_name": "Fablab de l'espace numérique",
                "place_address": ESPACE_ADDRESS,
                "audience": Audience.YOUTH,
            },
            ["la-ferme-des-ecotais"],
            ["Animation"],
        ),
    ], festival_start


def build_festivals(index, festival_start):
    festivals = {}
    for key, title, slug, start, days, intro in [
        (
            "bootic-2017",
            "La BooTIC — novembre 2017",
            "bootic-2017",
            datetime.date(2017, 11, 6),
            14,
            "Quatorze jours d'ateliers et de services à Redon : 261 visiteurs, 17 ordinateurs redistribués.",
        ),
        (
            "bootic-next",
            "La BooTIC revient",
            "bootic",
            festival_start,
            14,
            "Deux semaines d'ateliers pour tous les usages du numérique, avec tous les membres du collectif.",
        ),
    ]:
        festival = FestivalPage.objects.filter(slug=slug).first() or publish_child(
            index,
            FestivalPage(
                title=title,
                slug=slug,
                start_date=start,
                end_date=start + datetime.timedelta(days=days - 1),
                intro=intro,
                body=[figure("festival")],
            ),
        )
        festivals[key] = festival
    return festivals


def build():
    home = HomePage.objects.get()
    for name in CATEGORIES:
        Category.objects.get_or_create(name=name)
    index = AgendaIndexPage.objects.first() or publish_child(
        home,
        AgendaIndexPage(
            title="Agenda",
            slug="agenda",
            show_in_menus=True,
            intro="Ateliers, repair cafés, formations : trouvez un atelier près de chez vous et inscrivez-vous.",
        ),
    )
    # Now that the agenda exists, the groups get what they need of it.
    ensure_coordination_group(home)
    for member in MemberPage.objects.all():
        setup_member(member)
    demo_ateliers, festival_start = ateliers(timezone.localdate())
    parents = {"agenda": index, **build_festivals(index, festival_start)}
    for parent_key, fields, organisers, categories in demo_ateliers:
        if AtelierPage.objects.filter(slug=fields["slug"]).exists():
            continue
        if fields["slug"] in ATELIER_PICTURES:
            fields["body"] = [*fields.get("body", []), figure(ATELIER_PICTURES[fields["slug"]])]
        atelier = AtelierPage(**fields, room=Room.objects.filter(slug=ATELIER_ROOMS.get(fields["slug"])).first())
        atelier.organisers = list(MemberPage.objects.filter(slug__in=organisers))
        atelier.categories = list(Category.objects.filter(name__in=categories))
        publish_child(parents[parent_key], atelier)
    return []
