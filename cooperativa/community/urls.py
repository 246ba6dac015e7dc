"""An organisation's places and assets, inside its management area:
mounted at /partners/manage/<slug>/places/ (see cooperativa/urls.py), so
the area's own rules (sign-in, two-factor authentication, noindex) apply."""

from django.urls import path

from . import views

app_name = "community"

urlpatterns = [
    path("", views.places, name="places"),
    path("add/", views.place_form, name="place_add"),
    path("<int:pk>/", views.place_form, name="place_edit"),
    path("<int:pk>/delete/", views.place_delete, name="place_delete"),
    path("assets/add/", views.asset_form, name="asset_add"),
    path("assets/<int:pk>/", views.asset_form, name="asset_edit"),
    path("assets/<int:pk>/delete/", views.asset_delete, name="asset_delete"),
]
