"""The few content blocks shared by every page of the site.

Each block has a label, a description and a preview so that editors who are not
technical can pick the right one in the block chooser.
"""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.forms.utils import ErrorList

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock

from home import listings

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(
        label="Image",
        help_text="Décrivez l'image pour les personnes qui ne la voient pas, "
        "ou cochez « décorative » si elle n'apporte aucune information.",
    )
    caption = blocks.CharBlock(
        label="Légende", required=False, max_length=250, help_text="Facultatif : affichée sous l'image."
    )

    class Meta:
        icon = "image"
        label = "Image"
        template = "components/streamfield/figure_block.html"
        description = "Une photo ou une illustration, avec sa description et une légende."

    def get_preview_value(self):
        # The preview shows the latest image of the library, when there is one.
        image = get_image_model().objects.order_by("-created_at").first()
        return self.to_python(
            {"image": {"image": image.pk if image else None, "alt_text": image.title if image else ""}}
        )


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label="Type d'encadré",
        choices=[("info", "Information"), ("key", "À retenir"), ("warning", "Attention")],
        default="info",
    )
    title = blocks.CharBlock(label="Titre", max_length=120)
    text = blocks.RichTextBlock(label="Texte", features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "warning"
        label = "Encadré"
        template = "components/streamfield/callout_block.html"
        description = "Un message mis en valeur : une information, un point à retenir ou une mise en garde."
        preview_value = {
            "kind": "key",
            "title": "À retenir",
            "text": "<p>Les ateliers sont ouverts à toutes et à tous, sans inscription préalable.</p>",
        }


class CardBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titre", max_length=120)
    text = blocks.RichTextBlock(label="Texte", features=["bold", "italic", "link", "ul"])


class SectionBlock(blocks.StructBlock):
    """A titled section with an optional introduction; subclasses add their items."""

    title = blocks.CharBlock(label="Titre de la section", max_length=120)
    intro = blocks.TextBlock(label="Introduction", required=False, max_length=500)


class CardGridBlock(SectionBlock):
    cards = blocks.ListBlock(CardBlock(), label="Cartes", min_num=1, max_num=12)

    class Meta:
        icon = "table"
        label = "Cartes"
        template = "components/streamfield/card_grid_block.html"
        description = "Une section titrée avec plusieurs cartes côte à côte, par exemple les enjeux."
        preview_value = {
            "title": "Nos enjeux",
            "intro": "",
            "cards": [
                {"title": "Social", "text": "<p>Lutter contre la fracture numérique.</p>"},
                {"title": "Environnemental", "text": "<p>Le réemploi du matériel informatique.</p>"},
            ],
        }


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label="Chiffre", max_length=20, help_text="Par exemple : 261 ou 14 jours.")
    label = blocks.CharBlock(label="Ce qu'il compte", max_length=120)


class KeyFiguresBlock(SectionBlock):
    figures = blocks.ListBlock(KeyFigureBlock(), label="Chiffres", min_num=1, max_num=12)

    class Meta:
        icon = "pick"
        label = "Chiffres clés"
        template = "components/streamfield/key_figures_block.html"
        description = "Quelques chiffres mis en valeur, par exemple le bilan d'un événement."
        preview_value = {
            "title": "La BooTIC en chiffres",
            "intro": "",
            "figures": [
                {"value": "14", "label": "jours d'ouverture"},
                {"value": "261", "label": "visiteurs"},
            ],
        }


class ButtonBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Texte du bouton", max_length=80, help_text="Dites où mène le lien.")
    page = blocks.PageChooserBlock(label="Page du site", required=False)
    url = blocks.CharBlock(
        label="Ou adresse",
        required=False,
        max_length=300,
        help_text="L'adresse d'un autre site (https://…) ou d'une page du site (/reserver/).",
    )

    class Meta:
        icon = "link"
        label = "Bouton"
        template = "components/streamfield/button_block.html"
        description = "Un lien bien visible vers une page du site ou un autre site."
        preview_value = {"text": "Découvrir le projet", "url": "https://example.org/"}

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = "Choisissez soit une page du site, soit une adresse, mais pas les deux."
            raise StructBlockValidationError(
                block_errors={
                    "page": ErrorList([ValidationError(message)]),
                    "url": ErrorList([ValidationError(message)]),
                }
            )
        if value.get("url") and not is_link_target(value["url"]):
            message = "Saisissez une adresse complète (https://…) ou un chemin du site qui commence par « / »."
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
    source = blocks.ChoiceBlock(label="Contenu", choices=listings.SOURCES)
    title = blocks.CharBlock(label="Titre de la section", max_length=120)
    count = blocks.IntegerBlock(label="Nombre d'éléments", default=3, min_value=1, max_value=12)

    class Meta:
        icon = "list-ul"
        label = "Liste automatique"
        template = "components/streamfield/listing_block.html"
        description = "Les prochains ateliers, les derniers guides ou les membres, mis à jour tout seuls."
        preview_value = {"source": "members", "title": "Les membres du collectif", "count": 3}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["listing"] = listings.get_listing(value["source"], value["count"])
        return context


class BodyBlock(blocks.StreamBlock):
    """The body of every page: text first, then the few richer blocks."""

    paragraph = blocks.RichTextBlock(
        label="Texte",
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="components/streamfield/paragraph_block.html",
        description="Du texte avec intertitres, listes et liens.",
        preview_value="<h2>Un intertitre</h2><p>Un paragraphe de texte, avec un <a href='/'>lien</a>.</p>",
        help_text="Utilisez le bouton « H2 » pour les titres des grandes parties et « H3 » pour les sous-parties.",
    )
    figure = FigureBlock()
    callout = CalloutBlock()
    cards = CardGridBlock()
    key_figures = KeyFiguresBlock()
    button = ButtonBlock()
    listing = ListingBlock()
