"""The agenda's own admin pages, one module a concern."""
