"""Account pages beyond allauth's own, and the participant's /me/ area."""

from django.urls import path

from . import views

# Mounted at /accounts/ before allauth's URLs (outside the language prefix).
# The two MFA views replace allauth's at the same addresses and names, so the
# set-up can lead back to the admin page that asked for it.
account_patterns = [
    path("2fa/totp/activate/", views.activate_totp, name="mfa_activate_totp"),
    path("2fa/recovery-codes/", views.view_recovery_codes, name="mfa_view_recovery_codes"),
]

# Mounted at /me/ and /it/me/.
me_patterns = [
    path("", views.profile, name="me"),
    path("data/", views.export_data, name="me_export"),
    path("delete/", views.delete_account, name="me_delete"),
]
