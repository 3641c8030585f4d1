"""The plain-language advice beside the text in the editor (core.plain_language): a panel
that reads the page as last saved. Wagtail's own checks panel (LIX, word count) works on
the preview in the browser and cannot be given a word list or a French formula without
writing JavaScript; this one is rendered with the edit form, and never blocks publishing."""

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import Panel
from wagtail.fields import StreamField

from core import plain_language
from home.models.words import PlainWord


def field_text(page, name):
    """The readable text of one of the page's fields: a stream's searchable content, or text."""
    value = getattr(page, name)
    field = page._meta.get_field(name)
    if isinstance(field, StreamField):
        return "\n".join(str(part) for part in field.stream_block.get_searchable_content(value))
    return strip_tags(str(value or ""))


def page_advice(page, field_names):
    text = "\n".join(field_text(page, name) for name in field_names)
    return plain_language.advise(text, PlainWord.as_dict())


class PlainLanguagePanel(Panel):
    """Advice on the text of `fields`, as the page was last saved (a draft is enough)."""

    def __init__(self, fields, **kwargs):
        kwargs.setdefault("heading", _("Conseils pour un texte facile à lire"))
        super().__init__(**kwargs)
        self.fields = fields

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "fields": self.fields}

    class BoundPanel(Panel.BoundPanel):
        template_name = "home/panels/plain_language.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            saved = self.instance is not None and self.instance.pk is not None
            context["advice"] = page_advice(self.instance, self.panel.fields) if saved else None
            context["long_sentence_words"] = plain_language.LONG_SENTENCE_WORDS
            return context
