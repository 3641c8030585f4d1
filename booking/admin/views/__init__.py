"""The team's own booking pages in the admin, besides modeladmin's lists; `booking/admin/urls.py` routes them."""
