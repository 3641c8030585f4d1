"""The agenda in a partner's page: an <iframe> of a light page of ours (docs/partners.md says
why not a script). What it shows is chosen in its address: the agenda's own filters
(agenda.forms.AgendaFilters), a font among a few and a number of ateliers."""

from django import forms
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from core.site import absolute_url

# A frame cannot take the host page's font: the partner picks the closest of these system fonts
# (nothing is downloaded); the CSS class of each is in static/css/widget.css.
FONTS = {
    "systeme": _("Celle de l'appareil (par défaut)"),
    "serif": _("Avec empattements (comme Georgia ou Times)"),
    "large": _("Large et très lisible (comme Verdana)"),
}
DEFAULT_FONT = "systeme"
COUNTS = (3, 5, 10)
DEFAULT_COUNT = 5
# Tall enough for the default five ateliers on a phone; the partner may change it.
FRAME_HEIGHT = 600


class WidgetLook(forms.Form):
    """How the frame looks; a value it does not know is ignored (the default is shown)."""

    police = forms.ChoiceField(
        choices=list(FONTS.items()),
        required=False,
        label=_("Police des caractères"),
        help_text=_("Choisissez la plus proche de celle de votre site."),
    )
    nombre = forms.TypedChoiceField(
        choices=[(count, str(count)) for count in COUNTS],
        coerce=int,
        required=False,
        empty_value=DEFAULT_COUNT,
        label=_("Nombre d'ateliers affichés"),
    )

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["nombre"].initial = DEFAULT_COUNT

    @property
    def font(self):
        return self.is_valid() and self.cleaned_data["police"] or DEFAULT_FONT

    @property
    def count(self):
        return self.cleaned_data["nombre"] if self.is_valid() else DEFAULT_COUNT

    def query(self):
        """{name: value} of the choices that are not the default ones; {} when invalid."""
        if not self.is_valid():
            return {}
        chosen = {"police": self.font, "nombre": self.count}
        defaults = {"police": DEFAULT_FONT, "nombre": DEFAULT_COUNT}
        return {name: str(value) for name, value in chosen.items() if value != defaults[name]}


def with_query(path, query):
    return f"{path}?{urlencode(query)}" if query else path


def widget_url(filters, look, address=absolute_url):
    """The frame's address for these filters and looks: public (absolute), since it goes on
    other sites, or as `address` makes it from the path."""
    return address(with_query(reverse("partners_widget"), {**filters.query(), **look.query()}))


def agenda_url(index, filters, address=absolute_url):
    """The agenda with the same filters: the way out of the frame, and the link without it."""
    return address(with_query(index.url, filters.query()))


def snippet(index, filters, look, site_name, address=absolute_url):
    """The HTML a partner pastes: the frame, then a plain link that works where frames do not.
    The share page previews it with `address=str`: on this site, whatever SITE_URL says."""
    context = {
        "widget_url": widget_url(filters, look, address),
        "agenda_url": agenda_url(index, filters, address),
        "site_name": site_name,
        "height": FRAME_HEIGHT,
    }
    return render_to_string("partners/snippet.html", context).strip()
