"""Model fields several apps use."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _


class ChoiceListField(models.JSONField):
    """Several values of a fixed list (a TextChoices), stored as a JSON list (the same on
    SQLite and PostgreSQL) and edited as checkboxes. The list lives in the code, not in
    the migrations: adding a national code needs no migration."""

    def __init__(self, *args, choices_class=None, **kwargs):
        self.choices_class = choices_class
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if self.choices_class is None:
            return
        if not isinstance(value, list) or not set(value) <= set(self.choices_class.values):
            raise ValidationError(_("Choisissez dans la liste."), code="invalid_choice")

    def formfield(self, **kwargs):
        if self.choices_class is None:
            return super().formfield(**kwargs)
        kwargs.pop("form_class", None)
        kwargs.pop("choices_form_class", None)
        defaults = {
            "label": capfirst(self.verbose_name),
            "help_text": self.help_text,
            "required": not self.blank,
            "choices": self.choices_class.choices,
            "widget": forms.CheckboxSelectMultiple,
            "error_messages": {"invalid_choice": _("« %(value)s » n'est pas dans la liste : cochez un choix proposé.")},
        }
        return forms.MultipleChoiceField(**{**defaults, **kwargs})
