from django import forms
from django.db.models import Q
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.choices import Audience, Level
from core.forms import keep_choices
from resources.models.vocabulary import Difficulty, GuideFormat, Topic


class LibraryFilters(forms.Form):
    """The library's search and filters; every combination has a shareable address."""

    q = forms.CharField(label=_("Rechercher un guide"), max_length=100, required=False)
    theme = forms.ModelChoiceField(
        Topic.objects.all(), to_field_name="slug", required=False, empty_label=_("Tous"), label=_("Thème")
    )
    niveau = forms.ChoiceField(choices=[("", _("Tous")), *Level.choices], required=False, label=_("Niveau"))
    public = forms.ChoiceField(
        choices=[("", _("Tous")), *Audience.choices],
        required=False,
        label=pgettext_lazy("public visé par un guide", "Public"),
    )
    format = forms.ChoiceField(
        choices=[("", _("Tous")), *GuideFormat.choices],
        required=False,
        label=pgettext_lazy("format d'un guide", "Format"),
    )

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["q"].widget.input_type = "search"
        keep_choices(self.fields["theme"], "library-topics")

    def apply(self, guides):
        if not self.is_valid():
            return guides
        data = self.cleaned_data
        if data["theme"]:
            guides = guides.filter(topics=data["theme"])
        for field, name in (("level", "niveau"), ("audience", "public"), ("format", "format")):
            if data[name]:
                guides = guides.filter(**{field: data[name]})
        return guides

    @property
    def query(self):
        return self.cleaned_data.get("q", "").strip() if self.is_valid() else ""

    @property
    def query_string(self):
        if not self.is_valid():
            return ""
        return urlencode({name: self.data.get(name) for name in self.fields if self.cleaned_data.get(name)})


class AlternativeFilters(forms.Form):
    q = forms.CharField(label=_("Je cherche à remplacer…"), max_length=100, required=False)
    categorie = forms.ChoiceField(required=False, label=_("Catégorie"))
    difficulte = forms.ChoiceField(
        choices=[("", _("Toutes")), *Difficulty.choices], required=False, label=_("Difficulté")
    )

    def __init__(self, data=None, categories=(), **kwargs):
        super().__init__(data, **kwargs)
        self.fields["q"].widget.input_type = "search"
        self.fields["categorie"].choices = [("", _("Toutes")), *[(name, name) for name in categories]]

    def apply(self, alternatives):
        if not self.is_valid():
            return alternatives
        data = self.cleaned_data
        for word in data["q"].split():
            alternatives = alternatives.filter(
                Q(proprietary__icontains=word) | Q(alternatives__icontains=word) | Q(description__icontains=word)
            )
        if data["categorie"]:
            alternatives = alternatives.filter(category=data["categorie"])
        if data["difficulte"]:
            alternatives = alternatives.filter(difficulty=data["difficulte"])
        return alternatives
