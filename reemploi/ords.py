"""The Open Repair Data Standard (ORDS) v0.3 of the Open Repair Alliance: its product
categories, repair statuses and repair barriers, with their codes, and the CSV a repair
café's log is shared in.

Sources: the standard's text, « Field reference » (openrepair/datastandard,
standard.rst, v0.3, December 2021, https://standard.openrepair.org/), for the codes;
the columns and their order are those of the Alliance's published v0.3 datasets
(openrepair/data, aggregated/202407/tableschema.json), whose spellings of the texts
are used. Nothing about the owner of an object is recorded, so nothing of them is
exported."""

import csv
import io

from django.db import models
from django.utils.translation import gettext_lazy as _

DATA_PROVIDER = "Espace numérique du Pays de Redon"
COUNTRY = "FRA"  # ISO 3166-1 alpha-3, as the standard asks
ID_PREFIX = "espaceredon"  # the ids match ^[a-z]+-[0-9]+$

FIELDS = (
    "id",
    "data_provider",
    "country",
    "partner_product_category",
    "product_category",
    "product_category_id",
    "brand",
    "year_of_manufacture",
    "product_age",
    "repair_status",
    "repair_barrier_if_end_of_life",
    "group_identifier",
    "event_date",
    "problem",
)


class ProductCategory(models.IntegerChoices):
    """ORDS product categories: their ids, with French names for the volunteers."""

    AIRCON = 1, _("Climatiseur, déshumidificateur")
    CHARGER = 2, _("Batterie, chargeur, adaptateur")
    LIGHTS = 3, _("Guirlande, éclairage de vélo")
    DESKTOP = 4, _("Ordinateur fixe")
    COMPACT_CAMERA = 5, _("Appareil photo compact")
    DSLR = 6, _("Appareil photo reflex, caméscope")
    FAN = 7, _("Ventilateur, radiateur soufflant")
    FLAT_SCREEN = 8, _("Écran plat, télévision")
    HAIR_BEAUTY = 9, _("Lisseur, brosse à dents, rasoir")
    HANDHELD = 10, _("Baladeur, console portable")
    HEADPHONES = 11, _("Casque, écouteurs")
    HIFI_INTEGRATED = 12, _("Chaîne hi-fi compacte")
    HIFI_SEPARATES = 13, _("Ampli, enceinte, platine")
    KETTLE = 14, _("Bouilloire")
    LAMP = 15, _("Lampe")
    LAPTOP = 16, _("Ordinateur portable")
    LARGE_HOME = 17, _("Gros appareil (tondeuse, appareil de sport)")
    MISC = 18, _("Autre appareil électrique")
    MOBILE = 19, _("Téléphone portable")
    MUSICAL = 20, _("Instrument de musique électrique")
    SHREDDER = 21, _("Destructeur de documents")
    PC_ACCESSORY = 22, _("Souris, clavier, webcam")
    RADIO = 23, _("Radio, radio-réveil")
    POWER_TOOL = 24, _("Outil électrique (perceuse, souffleur)")
    PRINTER = 25, _("Imprimante, scanner")
    PROJECTOR = 26, _("Projecteur")
    SEWING = 27, _("Machine à coudre")
    SMALL_HOME = 28, _("Petit appareil de la maison (sonnette, babyphone)")
    SMALL_KITCHEN = 29, _("Petit appareil de cuisine (machine à pain, cuiseur)")
    TABLET = 30, _("Tablette, liseuse, GPS")
    TOASTER = 31, _("Grille-pain")
    TOY = 32, _("Jouet électrique")
    TV_ACCESSORY = 33, _("Décodeur, lecteur DVD, manette")
    VACUUM = 34, _("Aspirateur")
    WATCH = 35, _("Montre, réveil, bracelet connecté")
    COFFEE = 36, _("Cafetière, machine à expresso")
    FOOD_PROCESSOR = 37, _("Robot, mixeur, blender")
    CONSOLE = 38, _("Console de jeux")
    HAIR_DRYER = 39, _("Sèche-cheveux")
    IRON = 40, _("Fer à repasser")


# The standard's own (English) names, by id, as the shared file writes them.
CATEGORY_NAMES = {
    1: "Aircon/dehumidifier",
    2: "Battery/charger/adapter",
    3: "Decorative or safety lights",
    4: "Desktop computer",
    5: "Digital compact camera",
    6: "DSLR/video camera",
    7: "Fan",
    8: "Flat screen",
    9: "Hair & beauty item",
    10: "Handheld entertainment device",
    11: "Headphones",
    12: "Hi-Fi integrated",
    13: "Hi-Fi separates",
    14: "Kettle",
    15: "Lamp",
    16: "Laptop",
    17: "Large home electrical",
    18: "Misc",
    19: "Mobile",
    20: "Musical instrument",
    21: "Paper shredder",
    22: "PC accessory",
    23: "Portable radio",
    24: "Power tool",
    25: "Printer/scanner",
    26: "Projector",
    27: "Sewing machine",
    28: "Small home electrical",
    29: "Small kitchen item",
    30: "Tablet",
    31: "Toaster",
    32: "Toy",
    33: "TV and gaming-related accessories",
    34: "Vacuum",
    35: "Watch/clock",
    36: "Coffee maker",
    37: "Food processor",
    38: "Games console",
    39: "Hair dryer",
    40: "Iron",
}


class RepairStatus(models.IntegerChoices):
    FIXED = 1, _("réparé")
    REPAIRABLE = 2, _("réparable")
    END_OF_LIFE = 3, _("fin de vie")


STATUS_NAMES = {1: "Fixed", 2: "Repairable", 3: "End of life"}


class RepairBarrier(models.IntegerChoices):
    PARTS_UNAVAILABLE = 1, _("pièces introuvables")
    PARTS_TOO_EXPENSIVE = 2, _("pièces trop chères")
    CANNOT_OPEN = 3, _("impossible à ouvrir")
    NO_INFORMATION = 4, _("pas de documentation de réparation")
    NO_EQUIPMENT = 5, _("pas le matériel qu'il faut")
    WORN_OUT = 6, _("trop usé")


BARRIER_NAMES = {
    1: "Spare parts not available",
    2: "Spare parts too expensive",
    3: "No way to open product",
    4: "Repair information not available",
    5: "Lack of equipment",
    6: "Too worn out",
}


def record(repair):
    """One repair (reemploi.models.RepairedObject) as an ORDS row."""
    event_date = repair.event_date
    year = event_date.year - repair.age_years if repair.age_years is not None else ""
    return {
        "id": f"{ID_PREFIX}-{repair.pk}",
        "data_provider": DATA_PROVIDER,
        "country": COUNTRY,
        "partner_product_category": str(ProductCategory(repair.category).label),
        "product_category": CATEGORY_NAMES[repair.category],
        "product_category_id": repair.category,
        "brand": repair.brand or "Unknown",
        "year_of_manufacture": year,
        "product_age": "" if repair.age_years is None else repair.age_years,
        "repair_status": STATUS_NAMES[repair.status],
        "repair_barrier_if_end_of_life": BARRIER_NAMES[repair.barrier]
        if repair.status == RepairStatus.END_OF_LIFE and repair.barrier
        else "",
        # The member that ran the session: a group's name, never a person's.
        "group_identifier": repair.member.slug if repair.member_id else DATA_PROVIDER,
        "event_date": event_date.isoformat(),
        "problem": repair.problem,
    }


def ords_csv(repairs):
    """The CSV the standard asks for: a header of its field names, one repair a row, UTF-8."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(record(repair) for repair in repairs)
    return buffer.getvalue().encode("utf-8")
