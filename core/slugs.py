from django.utils.text import slugify


class SlugFromNameMixin:
    """For small lists editors manage (services, categories, topics): the slug
    used in filter addresses comes from the name when left empty."""

    def save(self, *args, **kwargs):
        self.slug = self.slug or slugify(self.name)
        super().save(*args, **kwargs)
