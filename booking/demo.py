"""Demo rooms of the espace (the fablab, the training room, the meeting room) and a
few bookings in the coming weeks. A room that exists is left alone, and bookings
are added only to a room that has none, so that running the loader twice changes
nothing. Dates are set from today, so that the demo always has a future."""

import datetime

from django.utils import timezone

from booking import rules
from booking.models import Room, RoomClosure, RoomHours, Status
from home.demo import demo_picture

MORNING = ("09:00", "12:30")
AFTERNOON = ("13:30", "18:00")

ROOMS = [
    {
        "name": "Le fablab",
        "slug": "le-fablab",
        "picture": "fablab",
        "summary": "L'atelier de fabrication : imprimantes 3D, découpe laser, électronique et soudure.",
        "description": (
            "<p>Le fablab est l'atelier de fabrication de l'espace numérique, animé par La Vilaine "
            "Bidouille. On y répare, on y fabrique une pièce qui manque, un prototype, les décors "
            "d'une fête ou le projet d'une classe.</p>"
            "<p>Les machines demandent un peu d'apprentissage. C'est pourquoi chaque demande est "
            "relue par la coordination : elle vérifie qu'une personne formée sera là pendant "
            "votre séance. Vous n'en connaissez pas ? Dites-le dans votre demande, nous en "
            "trouverons une.</p>"
        ),
        "capacity": 12,
        "equipment": (
            "3 imprimantes 3D (filament PLA et PETG fourni à prix coûtant)\n"
            "Une découpeuse laser (bois, carton, plexiglas ; plateau de 60 × 40 cm)\n"
            "Outillage électronique : multimètres, alimentations, oscilloscope\n"
            "4 postes de soudure avec aspiration des fumées\n"
            "Un grand établi et l'outillage à main"
        ),
        "accessibility": (
            "Le fablab est au rez-de-chaussée, de plain-pied depuis la cour. Les établis sont hauts : "
            "une table basse peut être installée pour une personne en fauteuil, demandez-la en "
            "réservant. Toilettes adaptées au même niveau. La découpeuse laser fait du bruit quand "
            "elle tourne ; des casques antibruit sont prêtés sur place."
        ),
        "slot_minutes": 30,
        "min_minutes": 60,
        "max_minutes": 240,
        "buffer_minutes": 30,
        "notice_hours": 48,
        "horizon_days": 90,
        "needs_approval": True,
        "questions": (
            "Avez-vous déjà utilisé une imprimante 3D ?\n"
            "Quelles machines voulez-vous utiliser ?\n"
            "Une personne de votre groupe a-t-elle suivi la prise en main de la découpeuse laser ?"
        ),
        "terms": (
            "<ul>"
            "<li>Les machines ne s'utilisent qu'en présence d'une personne formée.</li>"
            "<li>Les enfants de moins de 14 ans viennent avec un adulte qui reste pendant toute la séance.</li>"
            "<li>Une demi-heure est prévue après chaque réservation pour ranger et nettoyer : "
            "merci de laisser les postes comme vous les avez trouvés.</li>"
            "<li>Le filament et les plaques pour la découpe laser sont vendus à prix coûtant. "
            "Vous pouvez aussi apporter les vôtres.</li>"
            "</ul>"
        ),
        "access_instructions": (
            "Une personne de La Vilaine Bidouille vous ouvre le fablab et reste pendant la séance. "
            "Retrouvez-la à l'entrée de la cour, côté parking, à l'heure du début.\n"
            "Si elle a un empêchement, la clé est dans le boîtier à code à gauche de la porte. "
            "Le code vous est donné par téléphone la veille : [code du boîtier, à compléter par la coordination].\n"
            "En partant : machines éteintes, aspiration coupée, fenêtres fermées."
        ),
        "hours": [
            (1, *MORNING),
            (1, *AFTERNOON),
            (2, *MORNING),
            (2, "13:30", "17:30"),
            (2, "18:00", "21:00"),  # the Wednesday evening open fablab
            (3, *MORNING),
            (3, *AFTERNOON),
            (4, *MORNING),
            (4, *AFTERNOON),
            (5, "10:00", "13:00"),
            (5, "14:00", "18:00"),
        ],
    },
    {
        "name": "La salle de formation",
        "slug": "la-salle-de-formation",
        "picture": "salle-formation",
        "summary": "Dix ordinateurs et un vidéoprojecteur, pour une formation ou un atelier en groupe.",
        "description": (
            "<p>La salle de formation accueille les ateliers des membres du collectif et les "
            "formations des associations du Pays de Redon. Les ordinateurs sont prêts à l'emploi, "
            "avec des logiciels libres : traitement de texte, navigateur, retouche d'images.</p>"
            "<p>Du mardi au vendredi, la salle est ouverte sans coupure de 9 h à 18 h : vous pouvez "
            "la réserver pour une journée entière de formation.</p>"
        ),
        "capacity": 14,
        "equipment": (
            "10 ordinateurs portables reconditionnés par Clic'n Puces\n"
            "Un vidéoprojecteur et un écran\n"
            "Une imprimante\n"
            "Un tableau blanc\n"
            "Le wifi, dont le mot de passe est affiché dans la salle"
        ),
        "accessibility": (
            "La salle est au rez-de-chaussée, sans marche. Deux postes sont sur des tables réglables "
            "en hauteur. Une boucle magnétique portative peut être installée pour les personnes "
            "qui portent un appareil auditif : demandez-la en réservant. Toilettes adaptées au même niveau."
        ),
        "slot_minutes": 30,
        "min_minutes": 60,
        "max_minutes": 480,
        "buffer_minutes": 0,
        "notice_hours": 24,
        "horizon_days": 120,
        "needs_approval": False,
        "questions": (
            "Avez-vous besoin du vidéoprojecteur ?\n"
            "Combien d'ordinateurs vous faut-il ?\n"
            "Faut-il installer un logiciel particulier ? Lequel ?"
        ),
        "terms": (
            "<ul>"
            "<li>Rangez les ordinateurs dans l'armoire et branchez-les avant de partir.</li>"
            "<li>N'enregistrez pas de fichiers personnels sur les ordinateurs : "
            "ils sont remis à zéro chaque semaine.</li>"
            "<li>Un empêchement ? Annulez au plus tôt pour laisser la salle à d'autres.</li>"
            "</ul>"
        ),
        "access_instructions": (
            "L'accueil de l'espace numérique vous ouvre la salle et vous donne la clé de l'armoire "
            "des ordinateurs. Présentez-vous à l'accueil, dans le hall d'entrée.\n"
            "En dehors des heures d'accueil, demandez à la coordination qui vous ouvrira : "
            "[téléphone de la coordination, à compléter].\n"
            "En partant, rendez la clé de l'armoire à l'accueil."
        ),
        "hours": [
            (0, *AFTERNOON),
            (1, "09:00", "18:00"),
            (2, "09:00", "18:00"),
            (3, "09:00", "18:00"),
            (4, "09:00", "18:00"),
            (5, "10:00", "13:00"),
        ],
    },
    {
        "name": "La salle de réunion",
        "slug": "la-salle-de-reunion",
        "picture": "salle-reunion",
        "summary": "Une grande table pour huit, pour une réunion, un rendez-vous ou un travail en petit groupe.",
        "description": (
            "<p>Une salle calme et lumineuse pour se réunir : conseil d'administration d'une "
            "association, réunion d'équipe, entretien. Un écran permet de montrer un document "
            "depuis un ordinateur portable.</p>"
            "<p>Le jeudi soir, la salle reste ouverte jusqu'à 21 h pour les associations dont les "
            "bénévoles travaillent en journée.</p>"
        ),
        "capacity": 8,
        "equipment": (
            "Une table pour huit personnes\n"
            "Un écran avec un câble HDMI\n"
            "Un tableau de papier et des feutres\n"
            "Une bouilloire et des tasses"
        ),
        "accessibility": (
            "La salle est au premier étage, desservie par un ascenseur. La table laisse la place "
            "à un fauteuil roulant. Toilettes adaptées au rez-de-chaussée."
        ),
        "slot_minutes": 30,
        "min_minutes": 30,
        "max_minutes": 240,
        "buffer_minutes": 0,
        "notice_hours": 12,
        "horizon_days": 60,
        "needs_approval": False,
        "questions": "Avez-vous besoin de l'écran ?",
        "terms": (
            "<ul>"
            "<li>Laissez la salle rangée : tables en place, tasses lavées.</li>"
            "<li>La salle n'est pas faite pour les repas.</li>"
            "</ul>"
        ),
        "access_instructions": (
            "Présentez-vous à l'accueil de l'espace numérique, dans le hall d'entrée : on vous "
            "accompagne jusqu'à la salle. Le jeudi soir, la porte d'entrée est fermée après 18 h : "
            "sonnez à l'interphone « Salle de réunion ».\n"
            "En partant, éteignez l'écran et la lumière."
        ),
        "hours": [
            (0, *MORNING),
            (0, *AFTERNOON),
            (1, *MORNING),
            (1, *AFTERNOON),
            (2, *MORNING),
            (2, *AFTERNOON),
            (3, *MORNING),
            (3, *AFTERNOON),
            (3, "18:30", "21:00"),
            (4, *MORNING),
            (4, *AFTERNOON),
        ],
    },
]

# (room slug, days from today at the earliest, weekday, start, end, status, fields).
# The days avoid the demo ateliers held in these rooms (agenda/demo.py): the repair
# café (Saturday afternoon, fablab) and the Tuesday afternoon and Saturday morning
# ateliers of the training room.
BOOKINGS = [
    (
        "le-fablab",
        7,
        2,
        "14:00",
        "16:00",
        Status.CONFIRMED,
        {
            "name": "Claire Morvan",
            "email": "claire.morvan@parents-eleves.example",
            "organisation": "Association des parents d'élèves",
            "purpose": "Découper au laser les porte-clés vendus à la kermesse de l'école",
            "people": 6,
            "answers": {
                "Avez-vous déjà utilisé une imprimante 3D ?": "Non, c'est la première fois.",
                "Quelles machines voulez-vous utiliser ?": "La découpeuse laser.",
            },
        },
    ),
    (
        "le-fablab",
        10,
        5,
        "10:00",
        "12:00",
        Status.PENDING,
        {
            "name": "Yannick Le Gall",
            "email": "yannick.legall@foyer-jeunes.example",
            "phone": "02 99 00 00 00",
            "organisation": "Club de robotique du foyer des jeunes",
            "purpose": "Imprimer les pièces de nos petits robots pour une rencontre entre clubs",
            "people": 5,
            "answers": {
                "Avez-vous déjà utilisé une imprimante 3D ?": "Oui, au collège.",
                "Quelles machines voulez-vous utiliser ?": "Deux imprimantes 3D.",
            },
        },
    ),
    (
        "le-fablab",
        14,
        2,
        "18:30",
        "20:30",
        Status.CONFIRMED,
        {
            "name": "Sophie Hamon",
            "email": "sophie.hamon@courriel.example",
            "purpose": "Réparer la carte électronique d'une lampe de vélo",
            "people": 2,
            "answers": {"Quelles machines voulez-vous utiliser ?": "Un poste de soudure."},
        },
    ),
    (
        "la-salle-de-formation",
        5,
        3,
        "09:00",
        "17:00",
        Status.CONFIRMED,
        {
            "name": "Hélène Guérin",
            "email": "formation@trait-union.example",
            "organisation": "Association Trait d'union",
            "purpose": "Journée de formation des bénévoles à l'accompagnement aux démarches en ligne",
            "people": 12,
            "answers": {
                "Avez-vous besoin du vidéoprojecteur ?": "Oui.",
                "Combien d'ordinateurs vous faut-il ?": "Les dix.",
            },
        },
    ),
    (
        "la-salle-de-formation",
        8,
        4,
        "14:00",
        "16:30",
        Status.CONFIRMED,
        {
            "name": "Thomas Rialland",
            "email": "thomas@les-mulots.example",
            "organisation": "Les Mulots",
            "purpose": "Atelier « Écrire son CV sur l'ordinateur »",
            "people": 8,
            "answers": {"Combien d'ordinateurs vous faut-il ?": "Huit."},
        },
    ),
    (
        "la-salle-de-reunion",
        3,
        0,
        "14:00",
        "15:30",
        Status.CONFIRMED,
        {
            "name": "Gérard Jouan",
            "email": "comite@fetes-quartier.example",
            "organisation": "Comité des fêtes du quartier",
            "purpose": "Préparer la fête de quartier",
            "people": 7,
        },
    ),
    (
        "la-salle-de-reunion",
        9,
        3,
        "18:30",
        "20:30",
        Status.CONFIRMED,
        {
            # Booked by phone: no email address.
            "name": "Nadia Belkacem",
            "phone": "06 00 00 00 00",
            "organisation": "Jardins partagés de la Vilaine",
            "purpose": "Assemblée générale de l'association",
            "people": 8,
            "answers": {"Avez-vous besoin de l'écran ?": "Oui, pour le bilan de l'année."},
        },
    ),
    (
        "la-salle-de-reunion",
        12,
        1,
        "10:00",
        "11:00",
        Status.CONFIRMED,
        {
            "name": "Martine Perrin",
            "email": "martine.perrin@courriel.example",
            "purpose": "Rendez-vous avec un bénévole pour régler la sécurité de mon téléphone",
            "people": 2,
        },
    ),
]


def christmas_closure(today):
    """The coming Christmas holidays, or the ones under way: 24 December to 2 January."""
    year = today.year if today >= datetime.date(today.year, 1, 3) else today.year - 1
    return RoomClosure(
        start_date=datetime.date(year, 12, 24), end_date=datetime.date(year + 1, 1, 2), reason="Vacances de Noël"
    )


def build_room(content, today):
    room = Room.objects.filter(slug=content["slug"]).first()
    if room is not None:
        return room
    fields = {key: value for key, value in content.items() if key not in ("hours", "picture")}
    room = Room(
        **fields,
        photo=demo_picture(content["picture"]),
        hours=[
            RoomHours(weekday=day, opens=datetime.time.fromisoformat(opens), closes=datetime.time.fromisoformat(closes))
            for day, opens, closes in content["hours"]
        ],
        closures=[christmas_closure(today)],
    )
    room.full_clean()
    room.save()
    return room


def open_day(room, today, days, weekday):
    """The first given weekday at least `days` from today on which the room is not closed."""
    day = today + datetime.timedelta(days=days)
    day += datetime.timedelta(days=(weekday - day.weekday()) % 7)
    while rules.closure_on(room, day):
        day += datetime.timedelta(weeks=1)
    return day


def build_bookings(rooms, today):
    """Books the demo slots of the rooms given, skipping a slot that is not free or not open."""
    for slug, days, weekday, start, end, status, fields in BOOKINGS:
        room = rooms.get(slug)
        if room is None:
            continue
        day = open_day(room, today, days, weekday)
        start_at = rules.local_datetime(day, datetime.time.fromisoformat(start))
        end_at = rules.local_datetime(day, datetime.time.fromisoformat(end))
        if rules.slot_errors(room, start_at, end_at):
            continue  # beyond the horizon, for instance: the demo does without it
        try:
            rules.book(room, start_at, end_at, status=status, **fields)
        except rules.SlotTaken:
            continue


def build():
    today = timezone.localdate()
    rooms = [build_room(content, today) for content in ROOMS]
    # Bookings go only to the rooms that have none yet.
    build_bookings({room.slug: room for room in rooms if not room.bookings.exists()}, today)
    return []
