"""The few content blocks shared by every page of the site.

Each block has a label, a description and a preview so that editors who are not
technical can pick the right one in the block chooser.
"""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.forms.utils import ErrorList
from django.utils.html import format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock

from core import listings
from home.documents import DocumentBlock

# No « Document » button in texts: a file is offered with the document block, whose link says
# its format, size and accessibility (home/documents.py).
RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(
        label=_("Image"),
        help_text=_(
            "Décrivez l'image pour les personnes qui ne la voient pas, "
            "ou cochez «\u00a0décorative\u00a0» si elle n'apporte aucune information."
        ),
    )
    caption = blocks.CharBlock(
        label=_("Légende"), required=False, max_length=250, help_text=_("Facultatif\u00a0: affichée sous l'image.")
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "components/streamfield/figure_block.html"
        description = _("Une photo ou une illustration, avec sa description et une légende.")

    def get_preview_value(self):
        # The preview shows the latest image of the library, when there is one.
        image = get_image_model().objects.order_by("-created_at").first()
        return self.to_python(
            {"image": {"image": image.pk if image else None, "alt_text": image.title if image else ""}}
        )


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Type d'encadré"),
        choices=[("info", _("Information")), ("key", _("À retenir")), ("warning", _("Attention"))],
        default="info",
    )
    title = blocks.CharBlock(label=_("Titre"), max_length=120)
    text = blocks.RichTextBlock(label=_("Texte"), features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "warning"
        label = _("Encadré")
        template = "components/streamfield/callout_block.html"
        description = _("Un message mis en valeur\u00a0: une information, un point à retenir ou une mise en garde.")
        preview_value = {
            "kind": "key",
            "title": "À retenir",
            "text": "<p>Les ateliers sont ouverts à toutes et à tous, sans inscription préalable.</p>",
        }


class CardBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), max_length=120)
    text = blocks.RichTextBlock(label=_("Texte"), features=["bold", "italic", "link", "ul"])


class SectionBlock(blocks.StructBlock):
    """A titled section with an optional introduction; subclasses add their items."""

    title = blocks.CharBlock(label=_("Titre de la section"), max_length=120)
    intro = blocks.TextBlock(label=_("Introduction"), required=False, max_length=500)


class CardGridBlock(SectionBlock):
    cards = blocks.ListBlock(CardBlock(), label=_("Cartes"), min_num=1, max_num=12)

    class Meta:
        icon = "table"
        label = _("Cartes")
        template = "components/streamfield/card_grid_block.html"
        description = _("Une section titrée avec plusieurs cartes côte à côte, par exemple les enjeux.")
        preview_value = {
            "title": "Nos enjeux",
            "intro": "",
            "cards": [
                {"title": "Social", "text": "<p>Lutter contre la fracture numérique.</p>"},
                {"title": "Environnemental", "text": "<p>Le réemploi du matériel informatique.</p>"},
            ],
        }


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("Chiffre"), max_length=20, help_text=_("Par exemple\u00a0: 261 ou 14 jours."))
    label = blocks.CharBlock(label=_("Ce qu'il compte"), max_length=120)


class KeyFiguresBlock(SectionBlock):
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("Chiffres"), min_num=1, max_num=12)

    class Meta:
        icon = "pick"
        label = _("Chiffres clés")
        template = "components/streamfield/key_figures_block.html"
        description = _("Quelques chiffres mis en valeur, par exemple le bilan d'un événement.")
        preview_value = {
            "title": "La BooTIC en chiffres",
            "intro": "",
            "figures": [
                {"value": "14", "label": "jours d'ouverture"},
                {"value": "261", "label": "visiteurs"},
            ],
        }


class ButtonBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Texte du bouton"), max_length=80, help_text=_("Dites où mène le lien."))
    page = blocks.PageChooserBlock(label=_("Page du site"), required=False)
    url = blocks.CharBlock(
        label=_("Ou adresse"),
        required=False,
        max_length=300,
        help_text=_("L'adresse d'un autre site (https://…) ou d'une page du site (/reserver/)."),
    )

    class Meta:
        icon = "link"
        label = _("Bouton")
        template = "components/streamfield/button_block.html"
        description = _("Un lien bien visible vers une page du site ou un autre site.")
        preview_value = {"text": "Découvrir le projet", "url": "https://example.org/"}

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = gettext("Choisissez soit une page du site, soit une adresse, mais pas les deux.")
            raise StructBlockValidationError(
                block_errors={
                    "page": ErrorList([ValidationError(message)]),
                    "url": ErrorList([ValidationError(message)]),
                }
            )
        if value.get("url") and not is_link_target(value["url"]):
            message = gettext(
                "Saisissez une adresse complète (https://…) ou un chemin du site qui commence par «\u00a0/\u00a0»."
            )
            raise StructBlockValidationError(block_errors={"url": ErrorList([ValidationError(message)])})
        return value


def is_link_target(url):
    """A full http(s) address, or a path on this site ("/reserver/", not "//evil.example")."""
    if url.startswith("/"):
        return not url.startswith("//")
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        return False
    return True


class ListingBlock(blocks.StructBlock):
    source = blocks.ChoiceBlock(label=_("Contenu"), choices=listings.choices)
    title = blocks.CharBlock(label=_("Titre de la section"), max_length=120)
    count = blocks.IntegerBlock(label=_("Nombre d'éléments"), default=3, min_value=1, max_value=12)

    class Meta:
        icon = "list-ul"
        label = _("Liste automatique")
        template = "components/streamfield/listing_block.html"
        description = _("Les prochains ateliers, les derniers guides ou les membres, mis à jour tout seuls.")
        preview_value = {"source": "members", "title": "Les membres du collectif", "count": 3}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["listing"] = listings.get_listing(value["source"], value["count"])
        return context


class BodyBlock(blocks.StreamBlock):
    """The body of every page: text first, then the few richer blocks."""

    paragraph = blocks.RichTextBlock(
        label=_("Texte"),
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="components/streamfield/paragraph_block.html",
        description=_("Du texte avec intertitres, listes et liens."),
        preview_value="<h2>Un intertitre</h2><p>Un paragraphe de texte, avec un <a href='/'>lien</a>.</p>",
        help_text=_(
            "Utilisez le bouton «\u00a0H2\u00a0» pour les titres des grandes parties "
            "et «\u00a0H3\u00a0» pour les sous-parties."
        ),
    )
    figure = FigureBlock()
    callout = CalloutBlock()
    cards = CardGridBlock()
    key_figures = KeyFiguresBlock()
    button = ButtonBlock()
    document = DocumentBlock()
    listing = ListingBlock()

    def render_basic(self, value, context=None):
        # Wagtail's own markup, plus `first_block` for the block that opens the content,
        # right under the title: a picture there is not lazy-loaded (figure_block.html).
        context = dict(context or {})
        return format_html_join(
            "\n",
            '<div class="w-block-{1} block-{1}">{0}</div>',
            [
                (child.render(context={**context, "first_block": index == 0}), child.block_type)
                for index, child in enumerate(value)
            ],
        )
