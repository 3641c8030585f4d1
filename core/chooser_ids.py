"""Wagtail's chooser blocks look a posted id up as it comes: an id that is not one at all
(« abc », from a forged form: the admin's widget only sends numbers) raises a ValueError
while the form is cleaned, a 500 instead of the block's own message (wagtail#7344). Read
through the model's primary key first, such an id is an unknown one."""

from django.core.exceptions import ValidationError

from wagtail.blocks import ChooserBlock

wagtail_value_from_form = ChooserBlock.value_from_form


def value_from_form(block, value):
    if value is not None and not isinstance(value, block.model_class):
        try:
            block.model_class._meta.pk.to_python(value)
        except ValidationError:
            return None
    return wagtail_value_from_form(block, value)


def install():
    ChooserBlock.value_from_form = value_from_form
