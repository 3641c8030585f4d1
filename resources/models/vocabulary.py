"""What guides are described with: topics (a list editors keep), the fixed
choices of their fields, and the directory of free alternatives."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index

from core.slugs import SlugFromNameMixin


class Topic(SlugFromNameMixin, models.Model):
    name = models.CharField(_("nom"), max_length=80, unique=True)
    slug = models.SlugField(_("identifiant dans l'adresse"), max_length=80, unique=True, blank=True)
    # The link that lets a guide's « Se faire aider » box list the next ateliers on its topic.
    atelier_categories = models.ManyToManyField(
        "agenda.Category",
        blank=True,
        related_name="library_topics",
        verbose_name=_("catégories d'ateliers sur ce thème"),
        help_text=_("Les prochains ateliers de ces catégories sont proposés à la fin des guides de ce thème."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("atelier_categories", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("thème")
        verbose_name_plural = _("thèmes")

    def __str__(self):
        return self.name


class GuideFormat(models.TextChoices):
    SHEET = "fiche", _("Fiche")
    STEP_BY_STEP = "pas-a-pas", _("Pas-à-pas")
    VIDEO = "video", _("Vidéo")
    DOCUMENT = "document", _("Document")


class Licence(models.TextChoices):
    CC_BY_SA = "cc-by-sa-4.0", _("Creative Commons BY-SA 4.0")
    CC_BY = "cc-by-4.0", _("Creative Commons BY 4.0")
    ALL_RIGHTS_RESERVED = "tous-droits-reserves", _("Tous droits réservés")


LICENCE_URLS = {
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/deed.fr",
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/deed.fr",
}


class Difficulty(models.TextChoices):
    EASY = "facile", _("Facile")
    MEDIUM = "moyen", _("Moyen")
    ADVANCED = "avance", _("Avancé")


class Alternative(index.Indexed, models.Model):
    """« Je remplace Microsoft Word par LibreOffice Writer »."""

    proprietary = models.CharField(_("je remplace…"), max_length=80, help_text=_("Le logiciel ou service courant."))
    alternatives = models.CharField(
        _("… par"), max_length=160, help_text=_("Le ou les logiciels libres qui le remplacent.")
    )
    category = models.CharField(
        _("catégorie"), max_length=60, help_text=_("Par exemple\u00a0: Bureautique, Navigateur.")
    )
    platforms = models.CharField(
        _("plateformes"),
        max_length=120,
        blank=True,
        help_text=_("Séparées par des virgules\u00a0: windows, macos, linux…"),
    )
    difficulty = models.CharField(_("difficulté"), max_length=10, choices=Difficulty.choices, default=Difficulty.EASY)
    url = models.URLField(_("site officiel"))
    description = models.CharField(_("en une phrase"), max_length=200, blank=True)

    search_fields = [index.SearchField("proprietary"), index.SearchField("alternatives"), index.FilterField("category")]
    panels = [
        FieldRowPanel([FieldPanel("proprietary"), FieldPanel("alternatives")]),
        FieldRowPanel([FieldPanel("category"), FieldPanel("difficulty")]),
        FieldPanel("platforms"),
        FieldPanel("url"),
        FieldPanel("description"),
    ]

    class Meta:
        ordering = ["category", "proprietary"]
        verbose_name = _("alternative libre")
        verbose_name_plural = _("alternatives libres")

    def __str__(self):
        return f"{self.proprietary} → {self.alternatives}"

    @property
    def platform_list(self):
        return [platform.strip() for platform in self.platforms.split(",") if platform.strip()]
