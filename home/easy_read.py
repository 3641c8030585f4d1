"""« Facile à lire »: a page's own easy-read version (FALC), one idea per block with its
picture, at the page's sub-route `facile-a-lire/`, reached by a link at the top of the page
(no JavaScript). The box « relu par des personnes concernées », which the FALC rules ask for
before a text is called easy-read, is Coordination's alone to tick."""

from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.search import index

from core.groups import COORDINATION_PERMISSION


class EasyReadIdeaBlock(blocks.StructBlock):
    picture = ImageBlock(
        label=_("Image"),
        help_text=_("Une image qui montre l'idée\u00a0: une photo, un pictogramme. Décrivez-la en quelques mots."),
    )
    text = blocks.TextBlock(
        label=_("Texte"),
        max_length=300,
        help_text=_("Une seule idée, en une à trois phrases courtes. Des mots de tous les jours."),
    )

    class Meta:
        icon = "image"
        label = _("Idée")
        template = "components/streamfield/easy_read_idea_block.html"
        description = _(
            "Une idée de la version «\u00a0Facile à lire\u00a0»\u00a0: une image à gauche, un texte court à droite."
        )
        preview_value = {"text": "L'atelier est gratuit. Vous pouvez venir sans ordinateur."}


class EasyReadMixin(RoutablePageMixin, models.Model):
    easy_read = StreamField(
        [("idea", EasyReadIdeaBlock())],
        verbose_name=_("version «\u00a0Facile à lire\u00a0»"),
        blank=True,
        help_text=_(
            "Facultatif. Le plus important de la page, une idée par bloc, avec une image pour chaque idée. "
            "Un lien «\u00a0Facile à lire\u00a0» apparaît alors en haut de la page."
        ),
    )
    easy_read_reviewed = models.BooleanField(
        _("relu par des personnes concernées"),
        default=False,
        help_text=_("À cocher par la coordination, une fois le texte relu par des personnes qui en ont besoin."),
    )

    easy_read_panels = [
        MultiFieldPanel(
            [FieldPanel("easy_read"), FieldPanel("easy_read_reviewed", permission=COORDINATION_PERMISSION)],
            heading=_("Facile à lire"),
        )
    ]
    easy_read_search_fields = [index.SearchField("easy_read")]

    class Meta:
        abstract = True

    def easy_read_text(self):
        return " ".join(block.value["text"] for block in self.easy_read)

    @path("facile-a-lire/", name="easy_read")
    def easy_read_version(self, request):
        if not self.easy_read:
            raise Http404
        return self.render(request, template="pages/easy_read.html")
