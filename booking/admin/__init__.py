"""The team's side of room booking in the Wagtail admin; `booking/wagtail_hooks.py` registers it."""
