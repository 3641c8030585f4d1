"""Réemploi's admin menu, its step page, and the permissions the groups receive."""

from wagtail import hooks
from wagtail_modeladmin.options import modeladmin_register

from core.groups import grant
from reemploi import admin

modeladmin_register(admin.ReemploiGroup)


@hooks.register("register_admin_urls")
def reemploi_admin_urls():
    return admin.urlpatterns


@hooks.register("espace_setup_member_group")
def let_members_follow_reemploi(group, member_page):
    grant(group, "reemploi", admin.MEMBER_PERMISSIONS)


@hooks.register("espace_setup_coordination_group")
def let_coordination_follow_reemploi(group, workflow):
    grant(group, "reemploi", admin.COORDINATION_PERMISSIONS)
