from resources.models.pages import REVIEW_AFTER, GuidePage, ResourceIndexPage
from resources.models.vocabulary import Alternative, Difficulty, GuideFormat, Licence, Topic

__all__ = [
    "REVIEW_AFTER",
    "Alternative",
    "Difficulty",
    "GuideFormat",
    "GuidePage",
    "Licence",
    "ResourceIndexPage",
    "Topic",
]
