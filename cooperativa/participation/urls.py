"""Public addresses of participation, under both languages' prefixes."""

from django.urls import path

from . import views

app_name = "participation"

urlpatterns = [
    path("respond/<int:page_id>/", views.respond, name="respond"),
    path("respond/<int:page_id>/refer/", views.refer, name="refer"),
    path("respond/<int:page_id>/sent/", views.sent, name="sent"),
    path("me/responses/", views.my_responses, name="mine"),
    path("me/responses/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
]
