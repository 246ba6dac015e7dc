"""Replaces ``wagtail.users`` in INSTALLED_APPS to give the admin our user screens.

Wagtail picks its user viewset from this app config; it lives in its own
module because importing views while apps load is not allowed.
"""

from wagtail.users.apps import WagtailUsersAppConfig


class UsersAppConfig(WagtailUsersAppConfig):
    user_viewset = "cooperativa.accounts.users_admin.UserViewSet"
