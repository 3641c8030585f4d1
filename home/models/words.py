from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel


class PlainWord(models.Model):
    """A jargon word and the plain word to use instead; Coordination keeps the list, and the
    editor's plain-language advice (home.plain_language) points the jargon out."""

    word = models.CharField(
        _("mot à éviter"),
        max_length=60,
        unique=True,
        help_text=_("Au singulier, en minuscules\u00a0: «\u00a0navigateur\u00a0»."),
    )
    plain = models.CharField(
        _("mot simple à la place"),
        max_length=200,
        help_text=_(
            "Ce qu'on peut écrire à la place, ou comment l'expliquer\u00a0: "
            "«\u00a0le programme pour aller sur internet\u00a0»."
        ),
    )

    panels = [FieldPanel("word"), FieldPanel("plain")]

    class Meta:
        ordering = ["word"]
        verbose_name = _("mot de jargon")
        verbose_name_plural = _("mots de jargon")

    def __str__(self):
        return self.word

    def save(self, *args, **kwargs):
        self.word = self.word.strip().lower()
        super().save(*args, **kwargs)

    @classmethod
    def as_dict(cls):
        return dict(cls.objects.values_list("word", "plain"))
