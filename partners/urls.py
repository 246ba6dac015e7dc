"""Organisation sign-up and management, mounted at /partners/ before Wagtail's
pages. Only the reserved prefixes join/ and manage/ may be used here: every
other address under /partners/ is a partner's public page (and so
organisation slugs may not be "join" or "manage")."""

from django.urls import path

from . import views

app_name = "partners"

urlpatterns = [
    path("join/", views.join, name="join"),
    path("join/charter/", views.charter, name="charter"),
    path("join/submitted/<slug:slug>/", views.join_done, name="join_done"),
    path("join/member/", views.request_to_join, name="request_to_join"),
    path("join/invitation/<str:token>/", views.accept_invitation, name="accept_invitation"),
    path("manage/", views.manage, name="manage"),
    path("manage/<slug:slug>/", views.manage_overview, name="manage_overview"),
    path("manage/<slug:slug>/details/", views.manage_details, name="manage_details"),
    path("manage/<slug:slug>/members/", views.manage_members, name="manage_members"),
    path("manage/<slug:slug>/members/invite/", views.manage_invite, name="manage_invite"),
    path(
        "manage/<slug:slug>/members/<int:pk>/role/",
        views.manage_member_role,
        name="manage_member_role",
    ),
    path(
        "manage/<slug:slug>/members/<int:pk>/remove/",
        views.manage_member_remove,
        name="manage_member_remove",
    ),
    path(
        "manage/<slug:slug>/invitations/<int:pk>/withdraw/",
        views.manage_cancel_invitation,
        name="manage_cancel_invitation",
    ),
    path("manage/<slug:slug>/requests/", views.manage_requests, name="manage_requests"),
    path(
        "manage/<slug:slug>/requests/<int:pk>/",
        views.manage_decide_request,
        name="manage_decide_request",
    ),
    path("manage/<slug:slug>/vouching/", views.manage_vouching, name="manage_vouching"),
    path(
        "manage/<slug:slug>/vouching/<slug:group_slug>/",
        views.manage_decide_vouching,
        name="manage_decide_vouching",
    ),
]
