"""What ateliers are described with: their categories (a list editors keep) and
the fixed choices of their fields."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from core.cra import Thematique
from core.fields import ChoiceListField
from core.slugs import SlugFromNameMixin


class Category(SlugFromNameMixin, models.Model):
    """What an atelier is about: repair café, formation, sensibilisation…"""

    name = models.CharField(_("nom"), max_length=60, unique=True)
    slug = models.SlugField(_("identifiant dans l'adresse"), max_length=60, unique=True, blank=True)
    thematiques = ChoiceListField(
        _("thématiques nationales (CRA)"),
        choices_class=Thematique,
        blank=True,
        help_text=_(
            "Les thématiques de la Coop de la médiation numérique que les ateliers de cette catégorie "
            "abordent\u00a0: elles remplissent le compte rendu d'activité (CRA) du rapport d'activité. "
            "Une ou plusieurs."
        ),
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("thematiques")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("catégorie d'atelier")
        verbose_name_plural = _("catégories d'ateliers")

    def __str__(self):
        return self.name


class PriceKind(models.TextChoices):
    FREE = "gratuit", _("Gratuit")
    PAY_WHAT_YOU_WANT = "participation-libre", _("Participation libre")
    PAID = "payant", _("Payant")


class Frequency(models.TextChoices):
    ONCE = "", _("Une seule fois")
    WEEKLY = "weekly", _("Chaque semaine (ou toutes les N semaines)")
    MONTHLY = "monthly", _("Chaque mois, le même jour de la semaine (par exemple le 1er samedi)")


class AtelierStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Programmé")
    CANCELLED = "cancelled", _("Annulé")
