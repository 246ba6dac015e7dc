"""URLs. Pages, search, feeds and account pages speak both languages: English
unprefixed, Italian under /it/. The admin, the API and crawler files do not.

There is one way to sign in: allauth's (with its rate limits, email
verification and two-factor authentication). Every other login or logout
address that Wagtail or Django mounts is answered here first, before their
own URLs are included:

- /admin/login/ and /_util/login/ (Wagtail's login for private pages, a bare
  django.contrib.auth LoginView) lead to allauth's login page, keeping
  ``next``;
- /admin/logout/ is allauth's logout: a GET only asks for confirmation, the
  admin's "Log out" menu item posts its form and signs out.

Wagtail's own password reset views answer 404 (WAGTAIL_PASSWORD_RESET_ENABLED
is off); its /_util/authenticate_with_password/ and documents'
/authenticate_with_password/ check a page's or document's shared password
and never sign anyone in.
"""

from allauth.account.views import LogoutView
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, reverse_lazy
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cooperativa.accounts import urls as accounts_urls
from cooperativa.alerts import urls as alerts_urls
from cooperativa.community import feeds as community_feeds
from cooperativa.community import listing as community_listing
from cooperativa.opportunities import feeds
from cooperativa.opportunities.api import api_router
from cooperativa.search import views as search_views
from home import views as home_views

urlpatterns = [
    # One front door: the admin's login is allauth's, so rate limits and
    # MFA apply to everyone who reaches the admin.
    path(
        "admin/login/",
        RedirectView.as_view(url=reverse_lazy("account_login"), query_string=True),
        name="admin_login_redirect",
    ),
    # Wagtail's admin logout would end the session on a GET (it deletes the
    # session cookie whatever the method); allauth's asks first.
    path("admin/logout/", LogoutView.as_view(), name="admin_logout"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", home_views.sitemap, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
]

urlpatterns += i18n_patterns(
    # Before allauth's URLs: the MFA set-up views replace allauth's.
    path("accounts/", include(accounts_urls.account_patterns)),
    path("accounts/", include("allauth.urls")),
    path("search/", search_views.search, name="search"),
    path("feeds/networks.ics", community_feeds.networks_ics, name="feeds_networks_ics"),
    path("feeds/networks/<int:pk>.ics", community_feeds.network_ics, name="feeds_network_ics"),
    path("map/assets.geojson", community_listing.geojson, name="community_geojson"),
    path("feeds/", include(feeds.urlpatterns)),
    path("", include("cooperativa.participation.urls")),
    path("me/alerts/", include(alerts_urls.me_patterns)),
    path("me/", include(accounts_urls.me_patterns)),
    path("alerts/", include(alerts_urls)),
    path("partners/manage/<slug:slug>/places/", include("cooperativa.community.urls")),
    path("partners/manage/", include("cooperativa.codesign.urls")),
    path("partners/", include("partners.urls")),
    # Wagtail's login for private pages (a password-only Django LoginView).
    path(
        "_util/login/",
        RedirectView.as_view(url=reverse_lazy("account_login"), query_string=True),
        name="frontend_login_redirect",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
