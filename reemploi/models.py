"""Réemploi: the computers people give, the devices members offer, the requests for one,
the repair café's log, and the table of what a device kept in use saves.

What names a person (a donor's or an applicant's name, address and phone) is erased
REEMPLOI_KEEP_DAYS after the last change of status (reemploi.rules.purge_personal_data);
the rows stay, anonymous, so that the figures never change. The repair café's log holds
nothing about the owner of an object."""

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from core import links
from core.page_cache import PurgingQuerySet
from reemploi.ords import ProductCategory, RepairBarrier, RepairStatus

DONATION_SALT = "reemploi.donation"
REQUEST_SALT = "reemploi.request"


def new_key():
    return get_random_string(24)


class SignedLinkMixin:
    """The signed link of a mail that opens one record (its id and random key) until its
    personal data is purged; `link_salt` keeps each kind of link apart."""

    link_salt = None

    def make_token(self):
        return links.sign({"id": self.pk, "key": self.key}, self.link_salt)

    @classmethod
    def from_token(cls, token):
        value = links.unsign(token, cls.link_salt)
        if not isinstance(value, dict):
            return None
        return cls.objects.filter(pk=value.get("id"), key=value.get("key"), purged_at__isnull=True).first()


@register_setting(icon="redirect")
class ReemploiSettings(BaseSiteSetting):
    """Who receives the devices people give: its address and hours are told to donors."""

    receiving_member = models.ForeignKey(
        "home.MemberPage",
        verbose_name=_("membre qui reçoit les dons"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Son adresse et ses horaires sont donnés aux personnes qui proposent un appareil\u00a0; "
            "il suit les dons dans l'administration. "
            "Vide\u00a0: le formulaire «\u00a0Je donne un appareil\u00a0» est fermé."
        ),
    )

    erase_guide = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("guide pour effacer ses données"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Le guide de la bibliothèque proposé aux personnes qui donnent un appareil."),
    )

    panels = [
        HelpPanel(content=_("<p>Le réemploi\u00a0: qui reçoit les ordinateurs, tablettes et téléphones donnés.</p>")),
        FieldPanel("receiving_member"),
        FieldPanel("erase_guide"),
    ]

    class Meta:
        verbose_name = _("réemploi")


class DeviceKind(models.IntegerChoices):
    """What people give or members offer; the values are the ORDS product categories
    (reemploi.ords), so that the impact table applies to them as it is."""

    LAPTOP = ProductCategory.LAPTOP, _("ordinateur portable")
    DESKTOP = ProductCategory.DESKTOP, _("ordinateur fixe (tour)")
    SCREEN = ProductCategory.FLAT_SCREEN, _("écran")
    TABLET = ProductCategory.TABLET, _("tablette")
    PHONE = ProductCategory.MOBILE, _("téléphone portable")
    PRINTER = ProductCategory.PRINTER, _("imprimante")
    ACCESSORY = ProductCategory.PC_ACCESSORY, _("clavier, souris, autre accessoire")


class DeviceAge(models.TextChoices):
    UNDER_5 = "moins-5", _("moins de 5 ans")
    FIVE_TO_10 = "5-10", _("entre 5 et 10 ans")
    OVER_10 = "plus-10", _("plus de 10 ans")
    UNKNOWN = "inconnu", _("je ne sais pas")


class Answer(models.TextChoices):
    YES = "oui", _("oui")
    NO = "non", _("non")
    UNKNOWN = "inconnu", _("je ne sais pas")


class DonationStatus(models.TextChoices):
    PROMISED = "promis", _("promis")
    RECEIVED = "recu", _("reçu")
    REFURBISHED = "reconditionne", _("reconditionné")
    REDISTRIBUTED = "redistribue", _("redistribué")
    RECYCLED = "recycle", _("recyclé")


class Donation(SignedLinkMixin, models.Model):
    """Devices someone offers (one kind, one or more of them), followed by the receiving
    member: promis → reçu → reconditionné → redistribué, or recyclé with a reason."""

    # A member page deleted leaves its donations, anonymous of a member, for the figures.
    member = models.ForeignKey(
        "home.MemberPage", verbose_name=_("membre qui reçoit"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.PositiveSmallIntegerField(_("appareil"), choices=DeviceKind.choices)
    quantity = models.PositiveSmallIntegerField(
        _("combien"), default=1, validators=[MinValueValidator(1), MaxValueValidator(200)]
    )
    age = models.CharField(_("âge"), max_length=10, choices=DeviceAge.choices)
    starts = models.CharField(_("s'allume encore"), max_length=10, choices=Answer.choices)
    erased = models.CharField(_("données effacées"), max_length=10, choices=Answer.choices)
    status = models.CharField(
        _("étape"), max_length=15, choices=DonationStatus.choices, default=DonationStatus.PROMISED
    )
    status_changed_at = models.DateTimeField(_("étape changée le"), default=timezone.now)
    recycled_reason = models.CharField(_("pourquoi recyclé"), max_length=200, blank=True)
    # Who gives: erased REEMPLOI_KEEP_DAYS after the last change of status.
    name = models.CharField(_("nom"), max_length=100, blank=True)
    organisation = models.CharField(_("entreprise ou association"), max_length=120, blank=True)
    email = models.EmailField(_("adresse électronique"), max_length=254, blank=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    note = models.CharField(_("précisions"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("proposé le"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("adresse confirmée le"), null=True, blank=True)
    purged_at = models.DateTimeField(_("données personnelles effacées le"), null=True, blank=True)
    key = models.CharField(max_length=24, default=new_key, editable=False)
    form_key = models.CharField(max_length=40, unique=True, null=True, blank=True, editable=False)

    objects = PurgingQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("don d'appareil")
        verbose_name_plural = _("dons d'appareils")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="recycle") | ~models.Q(recycled_reason=""), name="recycled_has_reason"
            )
        ]

    def __str__(self):
        # Not the donor's name: the admin's history keeps this label after the purge.
        return gettext("don n° %(number)s") % {"number": self.pk}

    link_salt = DONATION_SALT


class Device(models.Model):
    """A device a member sells or lends now, shown in the public list: nothing personal."""

    member = models.ForeignKey("home.MemberPage", verbose_name=_("membre"), on_delete=models.CASCADE, related_name="+")
    kind = models.PositiveSmallIntegerField(_("appareil"), choices=DeviceKind.choices)
    description = models.CharField(
        _("description en mots simples"),
        max_length=200,
        help_text=_("Pour quoi il convient\u00a0: «\u00a0pour internet, les courriers et les photos\u00a0»."),
    )
    price = models.DecimalField(
        _("prix en euros"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Laissez vide pour un prêt."),
    )
    where = models.CharField(
        _("où le voir"),
        max_length=200,
        help_text=_("L'adresse et les horaires, par exemple «\u00a0à la boutique, le mercredi\u00a0»"),
    )
    available = models.BooleanField(_("disponible"), default=True)
    created_at = models.DateTimeField(_("ajouté le"), auto_now_add=True)

    panels = [
        # A list of the user's own members (reemploi.admin), not Wagtail's page chooser.
        FieldPanel("member", widget=forms.Select),
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("price"),
        FieldPanel("where"),
        FieldPanel("available"),
    ]

    class Meta:
        ordering = ["member__title", "kind", "pk"]
        verbose_name = _("appareil proposé")
        verbose_name_plural = _("appareils proposés")

    def __str__(self):
        return f"{self.get_kind_display()} — {self.description}"

    @property
    def is_loan(self):
        return self.price is None


class DeviceRequest(SignedLinkMixin, models.Model):
    """Someone needs a computer: seen only by the member that offers devices and by
    Coordination. A mediator or a prescriber may fill it in for someone."""

    member = models.ForeignKey("home.MemberPage", verbose_name=_("membre"), on_delete=models.CASCADE, related_name="+")
    device = models.ForeignKey(
        Device, verbose_name=_("appareil demandé"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    purpose = models.CharField(_("pour quoi faire"), max_length=500)
    name = models.CharField(_("nom"), max_length=100, blank=True)
    email = models.EmailField(_("adresse électronique"), max_length=254, blank=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    on_behalf_of = models.CharField(
        _("rempli par"), max_length=150, blank=True, help_text=_("La médiatrice, le médiateur ou la structure.")
    )
    created_at = models.DateTimeField(_("demandé le"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("adresse confirmée le"), null=True, blank=True)
    answered_at = models.DateTimeField(_("traitée le"), null=True, blank=True)
    purged_at = models.DateTimeField(_("données personnelles effacées le"), null=True, blank=True)
    key = models.CharField(max_length=24, default=new_key, editable=False)
    form_key = models.CharField(max_length=40, unique=True, null=True, blank=True, editable=False)

    objects = PurgingQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("demande d'ordinateur")
        verbose_name_plural = _("demandes d'ordinateur")

    def __str__(self):
        return gettext("demande n° %(number)s") % {"number": self.pk}

    link_salt = REQUEST_SALT


class RepairedObject(models.Model):
    """One object brought to a repair café, logged at the table: nothing about its owner.
    The member and the date are kept with it, so that the figures outlive the session."""

    occurrence = models.ForeignKey(
        "agenda.Occurrence", verbose_name=_("séance"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    member = models.ForeignKey(
        "home.MemberPage",
        verbose_name=_("membre qui répare"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    event_date = models.DateField(_("date"))
    category = models.PositiveSmallIntegerField(_("objet"), choices=ProductCategory.choices)
    brand = models.CharField(_("marque"), max_length=60, blank=True)
    age_years = models.PositiveSmallIntegerField(
        _("âge approximatif (ans)"), null=True, blank=True, validators=[MaxValueValidator(80)]
    )
    problem = models.CharField(_("problème"), max_length=200, blank=True)
    status = models.PositiveSmallIntegerField(_("résultat"), choices=RepairStatus.choices)
    barrier = models.PositiveSmallIntegerField(
        _("ce qui a empêché la réparation"), choices=RepairBarrier.choices, null=True, blank=True
    )
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("noté le"), auto_now_add=True)

    class Meta:
        ordering = ["-event_date", "-pk"]
        verbose_name = _("objet du repair café")
        verbose_name_plural = _("objets du repair café")

    def __str__(self):
        return f"{self.get_category_display()} — {self.get_status_display()}"


class ImpactFactor(models.Model):
    """What one device of a category kept in use saves: its average weight (waste avoided)
    and the emissions of making a new one (kg CO2e). Defaults: reemploi.impact."""

    category = models.PositiveSmallIntegerField(_("catégorie"), choices=ProductCategory.choices, unique=True)
    weight_kg = models.DecimalField(_("poids moyen (kg)"), max_digits=7, decimal_places=3, default=0)
    co2e_kg = models.DecimalField(_("émissions évitées (kg CO2e)"), max_digits=8, decimal_places=2, default=0)

    panels = [FieldPanel("category", read_only=True), FieldPanel("weight_kg"), FieldPanel("co2e_kg")]

    class Meta:
        ordering = ["category"]
        verbose_name = _("facteur d'impact")
        verbose_name_plural = _("facteurs d'impact")

    def __str__(self):
        return str(self.get_category_display())
