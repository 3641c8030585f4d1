"""Documents offered for download: each link says its format, its size and whether it is
accessible, and leads to the same content as a web page (RGAA criteria 13.3: an
office document is accessible or has an accessible version). What the editor records
about a document (accessible or not, its HTML equivalent) lives in the block that
offers it; docs/accessibility.md says why not in a custom document model."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.formats import number_format
from django.utils.translation import gettext, ngettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.models import Page, ReferenceIndex

KB = 1024
MB = KB * KB


def size_label(size):
    """A file's size as people read it: « 800 octets », « 240 Ko », « 1,2 Mo » (a no-break
    space between the number and its unit)."""
    if size < KB:
        return ngettext("%(size)d\u00a0octet", "%(size)d\u00a0octets", size) % {"size": size}
    if size < MB:
        return gettext("%(size)d\u00a0Ko") % {"size": max(1, round(size / KB))}
    return gettext("%(size)s\u00a0Mo") % {"size": number_format(round(size / MB, 1), decimal_pos=1)}


def document_facts(extension, size, accessible):
    """What the link says after the document's title: « PDF, 240 Ko, non accessible ».
    The size is left out when the file cannot be read."""
    facts = [extension.upper()] if extension else []
    if size is not None:
        facts.append(size_label(size))
    facts.append(gettext("accessible") if accessible else gettext("non accessible"))
    return ", ".join(facts)


def html_equivalent(value, page):
    """The page that says what the document says: the one the editor chose when it is
    published, otherwise the page that offers the document."""
    chosen = value.get("html_equivalent")
    return chosen if chosen is not None and chosen.live else page


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=pgettext_lazy("fichier à télécharger", "Document"))
    description = blocks.CharBlock(label=_("Ce qu'il contient"), max_length=200, required=False)
    accessible = blocks.BooleanBlock(
        label=_("Ce document est accessible"),
        required=False,
        help_text=_(
            "Cochez seulement si le document a été vérifié\u00a0: titres, ordre de lecture et textes des images "
            "lus par un lecteur d'écran. Un PDF fait à partir d'un scan ou d'une mise en page n'est pas accessible."
        ),
    )
    html_equivalent = blocks.PageChooserBlock(
        label=_("Le même contenu en page web"),
        required=False,
        help_text=_(
            "La page du site qui dit la même chose que le document. "
            "Laissez vide si c'est cette page-ci\u00a0: elle contient déjà tout ce que dit le document."
        ),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document à télécharger")
        template = "components/streamfield/document_block.html"
        description = _(
            "Un fichier (PDF, ODT…) à télécharger\u00a0: le lien dit son format, sa taille, s'il est accessible, "
            "et où lire le même contenu en page web."
        )

    def clean(self, value):
        # Wagtail turns the id of a document that no longer exists into an empty choice.
        value = super().clean(value)
        if value.get("document") is None:
            message = gettext("Choisissez un document de la médiathèque\u00a0: celui-ci n'existe plus.")
            raise StructBlockValidationError(block_errors={"document": ErrorList([ValidationError(message)])})
        return value

    def get_preview_value(self):
        # The library's latest document, so that the block picker shows a real link.
        document = get_document_model().objects.order_by("-created_at").first()
        return self.to_python({"document": document and document.pk, "accessible": False})

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        document, page = value["document"], context.get("page")
        if document is None:  # deleted from the library: the template shows nothing
            return context
        context["facts"] = document_facts(document.file_extension, document.get_file_size(), value["accessible"])
        equivalent = html_equivalent(value, page)
        context["equivalent"] = None if page is not None and equivalent.pk == page.pk else equivalent
        return context


def offered_in(block, value):
    """The values of the document blocks inside a block's value, however deeply nested."""
    if value is None:
        return
    if isinstance(block, DocumentBlock):
        if value.get("document") is not None:
            yield value
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from offered_in(child.block, child.value)
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from offered_in(child, value.get(name))
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from offered_in(block.child_block, item)


def offered_documents(page):
    """The document blocks of a page's streams, in their order."""
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            yield from offered_in(field.stream_block, getattr(page, field.name))


def inaccessible_documents():
    """(page, document, HTML equivalent) for each document a published public page offers
    as not accessible, for the accessibility statement. Wagtail's reference index says
    which pages point at a document, so only those are read."""
    page_ids = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        to_content_type=ContentType.objects.get_for_model(get_document_model()),
    ).values_list("object_id", flat=True)
    pages = Page.objects.filter(pk__in={int(pk) for pk in page_ids}).live().public().specific().order_by("title")
    return [
        (page, value["document"], html_equivalent(value, page))
        for page in pages
        for value in offered_documents(page)
        if not value["accessible"]
    ]
