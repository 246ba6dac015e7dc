"""URLs. Pages, search and feeds speak both languages: English unprefixed,
Italian under /it/. Accounts, the admin, the API and crawler files do not."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, reverse_lazy
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cooperativa.accounts import urls as accounts_urls
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
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include(accounts_urls.account_patterns)),
    path("accounts/", include("allauth.urls")),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", home_views.sitemap, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
]

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("feeds/", include(feeds.urlpatterns)),
    path("me/", include(accounts_urls.me_patterns)),
    path("partners/", include("partners.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
