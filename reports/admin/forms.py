"""The report's form in the admin: the period, and whose activity."""

from django import forms
from django.utils.translation import gettext_lazy as _

from reports.periods import PeriodForm

WHOLE_COLLECTIVE = ""


class ReportForm(PeriodForm):
    """`members`: the MemberPages the user may choose; `whole`: whether it may see the
    whole collective (Coordination), which is then the default."""

    member = forms.TypedChoiceField(
        label=_("Activité de"),
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": _("Ce membre n'existe pas\u00a0: choisissez-en un dans la liste.")},
    )

    def __init__(self, data, members, whole, today=None):
        self.members = {member.pk: member for member in members}
        data = data.copy()
        if not data.get("member") and not whole and members:
            data["member"] = str(members[0].pk)
        super().__init__(data, today=today)
        choices = [(member.pk, member.title) for member in members]
        field = self.fields["member"]
        field.required = not whole
        field.choices = [(WHOLE_COLLECTIVE, _("Tout le collectif")), *choices] if whole else choices

    def member_page(self):
        """The MemberPage chosen, None for the whole collective; after is_valid()."""
        return self.members.get(self.cleaned_data["member"])
