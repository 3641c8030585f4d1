"""The agenda's side of the Wagtail admin; `agenda/wagtail_hooks.py` registers it."""
