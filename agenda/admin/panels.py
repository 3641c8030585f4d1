"""« Accompagner une personne » on the admin's dashboard: the search of the mediator's
desk right there, so that registering someone takes four screens (this one, the
sessions found, the form, the slip)."""

from wagtail.admin.ui.components import Component

from agenda.admin.forms import DeskSearchForm


class DeskPanel(Component):
    name = "desk"
    template_name = "agenda/admin/desk_panel.html"
    order = 40  # before « Mon espace »

    def get_context_data(self, parent_context):
        return {"form": DeskSearchForm(auto_id="desk-panel-%s")}
