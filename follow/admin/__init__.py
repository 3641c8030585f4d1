"""The follow app's side of the Wagtail admin; `follow/wagtail_hooks.py` registers it."""
