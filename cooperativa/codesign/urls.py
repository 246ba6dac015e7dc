"""Mounted under /partners/manage/ (a prefix reserved for the management
area, see partners.models.RESERVED_SLUGS)."""

from django.urls import path

from . import views

app_name = "codesign"

urlpatterns = [
    path("<slug:slug>/projects/", views.partnerships, name="partnerships"),
    path("<slug:slug>/projects/<int:pk>/", views.answer, name="answer"),
    path("<slug:slug>/projects/<int:pk>/leave/", views.leave, name="leave"),
]
