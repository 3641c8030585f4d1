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
    "Service",
    "SocialLinkBlock",
    "StandardPage",
    "member_pages_for",
]
