"""The atelier's editing form in the admin, for members proposing ateliers."""

from django.utils.translation import gettext

from wagtail.admin.forms import WagtailAdminPageForm

from core.groups import is_coordinator
from home.models import member_pages_for


class AtelierAdminForm(WagtailAdminPageForm):
    """A member proposes ateliers in its own name: a new one starts with the member as
    organiser, and the member stays among the organisers (other members may join)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        self.own_pages = [] if user is None or is_coordinator(user) else list(member_pages_for(user))
        if self.own_pages and not self.instance.pk and not self.is_bound:
            self.initial["organisers"] = [page.pk for page in self.own_pages]

    def clean(self):
        cleaned = super().clean()
        organisers = cleaned.get("organisers")
        if self.own_pages and organisers is not None and not set(organisers) & set(self.own_pages):
            self.add_error(
                "organisers",
                gettext(
                    "Cochez aussi votre structure : vous proposez cet atelier en son nom, avec d'autres si vous voulez."
                ),
            )
        return cleaned
