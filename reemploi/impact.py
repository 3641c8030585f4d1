"""What reemploi saves: kg of waste and kg CO2e avoided by each device repaired at a repair
café (outcome « réparé ») or redistributed after a donation (status « redistribué »).

One device kept in use counts its category's average weight as waste avoided, and the
emissions of making one new as CO2e avoided. The default table is The Restart Project's
Fixometer (restarters.net), its `categories` table of average weight (kg) and production
footprint (kg CO2e) per category (TheRestartProject/restarters.net,
data/migrations/00001-InitialiseDB.sql), mapped to the ORDS categories; the categories
it has no figure for count 0 until Coordination gives one (admin: « Facteurs d'impact »)."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Sum

from reemploi.models import Donation, DonationStatus, ImpactFactor, RepairedObject
from reemploi.ords import ProductCategory, RepairStatus

C = ProductCategory
# {ORDS category: (weight kg, kg CO2e)}, from the Fixometer's table (see above).
DEFAULT_FACTORS = {
    C.AIRCON: ("18.5", "109.53"),
    C.LIGHTS: ("0.015", "13.43"),
    C.DESKTOP: ("9.15", "398.4"),
    C.COMPACT_CAMERA: ("0.113", "6.13"),
    C.DSLR: ("0.27", "4.05"),
    C.FAN: ("0.88", "4.52"),
    C.FLAT_SCREEN: ("3.72", "102.93"),  # Fixometer's 19-20" screen
    C.HAIR_BEAUTY: ("0.69", "6"),
    C.HANDHELD: ("0.149", "13"),
    C.HEADPHONES: ("0.26", "4.05"),
    C.HIFI_INTEGRATED: ("10.9", "109.5"),
    C.HIFI_SEPARATES: ("10.9", "109.5"),
    C.KETTLE: ("1.4", "17.1"),
    C.LAMP: ("0.703", "4.62"),
    C.LAPTOP: ("2.26", "258.25"),  # Fixometer's medium laptop
    C.MISC: ("1", "0"),
    C.MOBILE: ("0.14", "35.82"),
    C.MUSICAL: ("10.9", "109.5"),
    C.SHREDDER: ("7", "47.7"),
    C.PC_ACCESSORY: ("1.185", "18.87"),
    C.RADIO: ("2.5", "66"),
    C.POWER_TOOL: ("2.84", "26.6"),
    C.PRINTER: ("7.05", "47.7"),
    C.PROJECTOR: ("2.35", "46"),
    C.SMALL_KITCHEN: ("2.7", "15.8"),
    C.TABLET: ("0.51", "107.76"),
    C.TOASTER: ("1.04", "5"),
    C.TOY: ("1.27", "15"),
    C.TV_ACCESSORY: ("1", "25"),
    C.VACUUM: ("7.78", "41"),
}


def ensure_factors(model=ImpactFactor):
    """One row per ORDS category, the defaults where the Fixometer has a figure, 0 elsewhere;
    rows Coordination changed are left alone. `model`: the migration's own version of it."""
    existing = set(model.objects.values_list("category", flat=True))
    model.objects.bulk_create(
        model(
            category=category,
            weight_kg=Decimal(DEFAULT_FACTORS.get(category, ("0", "0"))[0]),
            co2e_kg=Decimal(DEFAULT_FACTORS.get(category, ("0", "0"))[1]),
        )
        for category in ProductCategory.values
        if category not in existing
    )


@dataclass(frozen=True)
class Impact:
    repaired: int = 0
    redistributed: int = 0
    waste_kg: Decimal = Decimal(0)
    co2e_kg: Decimal = Decimal(0)

    @property
    def devices(self):
        return self.repaired + self.redistributed


def factors():
    return {row.category: row for row in ImpactFactor.objects.all()}


def kept_in_use(first_day, last_day, member=None):
    """{member id: {"repaired": {category: n}, "redistributed": {category: n}}} of the period
    (both days included): two queries, whatever the number of rows."""
    repairs = RepairedObject.objects.filter(
        status=RepairStatus.FIXED, event_date__gte=first_day, event_date__lte=last_day
    )
    # A donation counts on the day it was marked « redistribué ».
    donations = Donation.objects.filter(
        status=DonationStatus.REDISTRIBUTED,
        status_changed_at__date__gte=first_day,
        status_changed_at__date__lte=last_day,
    )
    if member is not None:
        repairs, donations = repairs.filter(member=member), donations.filter(member=member)
    counts = defaultdict(lambda: {"repaired": defaultdict(int), "redistributed": defaultdict(int)})
    for row in repairs.values("member_id", "category").annotate(n=Count("pk")):
        counts[row["member_id"]]["repaired"][row["category"]] += row["n"]
    for row in donations.values("member_id", "kind").annotate(n=Sum("quantity")):
        counts[row["member_id"]]["redistributed"][row["kind"]] += row["n"]
    return counts


def impact_of(counts, table):
    """The Impact of {"repaired": {category: n}, "redistributed": {category: n}}."""
    waste = co2e = Decimal(0)
    for by_category in counts.values():
        for category, number in by_category.items():
            factor = table.get(category)
            if factor is not None:
                waste += factor.weight_kg * number
                co2e += factor.co2e_kg * number
    return Impact(
        repaired=sum(counts["repaired"].values()),
        redistributed=sum(counts["redistributed"].values()),
        waste_kg=waste,
        co2e_kg=co2e,
    )


def impact_by_member(first_day, last_day, member=None):
    """{member id (None: no member): Impact} of the period."""
    table = factors()
    return {pk: impact_of(counts, table) for pk, counts in kept_in_use(first_day, last_day, member).items()}


def total(impacts):
    impacts = list(impacts)
    return Impact(
        repaired=sum(i.repaired for i in impacts),
        redistributed=sum(i.redistributed for i in impacts),
        waste_kg=sum((i.waste_kg for i in impacts), Decimal(0)),
        co2e_kg=sum((i.co2e_kg for i in impacts), Decimal(0)),
    )


def impact_between(first_day, last_day, member=None):
    return total(impact_by_member(first_day, last_day, member).values())
