from home.models.members import (
    Closure,
    MemberIndexPage,
    MemberKind,
    MemberPage,
    OpeningHours,
    Service,
    member_pages_for,
)
from home.models.pages import BasePage, DescribedPageMixin, HomePage, StandardPage
from home.models.settings import EspaceSettings, SocialLinkBlock
from home.models.words import PlainWord

__all__ = [
    "BasePage",
    "Closure",
    "DescribedPageMixin",
    "EspaceSettings",
    "HomePage",
    "MemberIndexPage",
    "MemberKind",
    "MemberPage",
    "OpeningHours",
    "PlainWord",
    "Service",
    "SocialLinkBlock",
    "StandardPage",
    "member_pages_for",
]
