"""Addresses of alerts, in both languages (cooperativa/urls.py mounts them)."""

from django.urls import path

from . import views

app_name = "alerts"

# Mounted at /alerts/ and /it/alerts/.
urlpatterns = [
    path("new/", views.new, name="new"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("stop/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("extend/<str:token>/", views.extend, name="extend"),
]

# Mounted at /me/alerts/ and /it/me/alerts/.
me_patterns = [
    path("", views.alerts_list, name="me_alerts"),
    path("<int:alert_id>/", views.edit, name="me_alert_edit"),
]
