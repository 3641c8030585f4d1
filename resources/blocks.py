"""Blocks for guides: the site's blocks, plus headed sections, numbered steps,
callouts, a downloadable document, a video that loads nothing until asked for,
and the free-software alternatives."""

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail import blocks
from wagtail.images.blocks import ImageBlock

from home.blocks import RICH_TEXT_FEATURES
from home.documents import DocumentBlock
from resources.models.vocabulary import Alternative

TEXT_FEATURES = [feature for feature in RICH_TEXT_FEATURES if feature not in {"h2", "h3"}]


class HeadingBlock(blocks.CharBlock):
    """A section title: it makes the guide's table of contents."""

    def __init__(self, **kwargs):
        super().__init__(max_length=100, **kwargs)

    class Meta:
        icon = "title"
        label = _("Titre de section")
        template = "components/streamfield/guide_heading_block.html"
        description = _("Le titre d'une partie du guide\u00a0; il apparaît dans le sommaire.")
        preview_value = "Choisir un bon mot de passe"

    @staticmethod
    def anchor(text):
        return slugify(text)


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Étape"), max_length=100)
    text = blocks.RichTextBlock(label=_("Explication"), features=TEXT_FEATURES)
    image = ImageBlock(required=False, label=_("Image (facultative)"))


class StepsBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(StepBlock(), min_num=1, max_num=20, **kwargs)

    class Meta:
        icon = "list-ol"
        label = _("Étapes numérotées")
        template = "components/streamfield/steps_block.html"
        description = _("Une suite d'étapes à suivre dans l'ordre, chacune avec une image si besoin.")
        preview_value = [
            {"title": "Ouvrez les réglages", "text": "<p>Touchez l'icône en forme de roue dentée.</p>"},
            {"title": "Choisissez «\u00a0Sécurité\u00a0»", "text": "<p>Descendez jusqu'à la rubrique.</p>"},
        ]


class GuideCalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=pgettext_lazy("type d'encadré", "Type"),
        choices=[("tip", _("Astuce")), ("warning", _("Attention")), ("key", _("À retenir"))],
        default="tip",
    )
    title = blocks.CharBlock(label=_("Titre"), max_length=120)
    text = blocks.RichTextBlock(label=_("Texte"), features=TEXT_FEATURES)

    class Meta:
        icon = "warning"
        label = _("Encadré")
        template = "components/streamfield/guide_callout_block.html"
        description = _("Une astuce, une mise en garde ou ce qu'il faut retenir.")
        preview_value = {"kind": "key", "title": "À retenir", "text": "<p>Un mot de passe par compte.</p>"}


class VideoBlock(blocks.StructBlock):
    """A video hosted elsewhere (PeerTube…): only a link and a button are shown;
    nothing is loaded from the other site until the reader follows it."""

    title = blocks.CharBlock(label=_("Titre de la vidéo"), max_length=120)
    url = blocks.URLBlock(label=_("Adresse de la vidéo"))
    duration = blocks.CharBlock(
        label=_("Durée"), max_length=20, required=False, help_text=_("Par exemple\u00a0: 4 min.")
    )
    transcript = blocks.RichTextBlock(label=_("Transcription"), features=TEXT_FEATURES, required=False)

    class Meta:
        icon = "media"
        label = _("Vidéo")
        template = "components/streamfield/video_block.html"
        description = _("Un lien vers une vidéo, qui ne se charge que si la personne le demande.")
        preview_value = {"title": "Créer un mot de passe", "url": "https://video.example/w/1", "duration": "4 min"}


class AlternativesBlock(blocks.StructBlock):
    category = blocks.CharBlock(
        label=_("Catégorie"),
        max_length=60,
        help_text=_("Par exemple «\u00a0Bureautique\u00a0»\u00a0: la liste se met à jour toute seule."),
    )

    class Meta:
        icon = "list-ul"
        label = _("Logiciels libres à la place de…")
        template = "components/streamfield/alternatives_block.html"
        description = _(
            "Les alternatives libres d'une catégorie, tirées de l'annuaire «\u00a0Je remplace… par…\u00a0»."
        )
        preview_value = {"category": "Bureautique"}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["alternatives"] = Alternative.objects.filter(category__iexact=value["category"])
        return context


class GuideBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Texte"),
        features=TEXT_FEATURES,
        icon="pilcrow",
        template="components/streamfield/paragraph_block.html",
        description=_("Des paragraphes, avec listes et liens."),
        preview_value="<p>Un paragraphe de texte simple.</p>",
    )
    steps = StepsBlock()
    callout = GuideCalloutBlock()
    document = DocumentBlock()
    video = VideoBlock()
    alternatives = AlternativesBlock()
