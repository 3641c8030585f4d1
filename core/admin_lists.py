"""The admin lists (wagtail-modeladmin) read only the filters they show.

modeladmin applies any lookup found in the address to the list: a member could add
`?occurrence__atelier__owner__password__startswith=…` to its own registrations and,
from the count, read what it may not see. Here a list takes its own filters, one
field deep, plus the lookups its model admin names in `address_lookups`."""

from wagtail_modeladmin.views import IndexView


class GuardedIndexView(IndexView):
    def get_filters_params(self, params=None):
        allowed = set(getattr(self.model_admin, "address_lookups", ()))
        fields = set()
        for list_filter in self.list_filter:
            if isinstance(list_filter, str):
                fields.add(list_filter)
            elif hasattr(list_filter, "parameter_name"):
                allowed.add(list_filter.parameter_name)
        return {
            key: value
            for key, value in super().get_filters_params(params).items()
            if key in allowed or (key.split("__")[0] in fields and key.count("__") <= 1)
        }
