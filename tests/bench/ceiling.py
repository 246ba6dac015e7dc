"""The benchmark's yardstick: the site's own WSGI application (same settings,
same middleware), plus ``/bench-ceiling/``, a trivial Django view returning
20 KB. What the site serves is reported as a share of what this view serves
in the same run, so figures from different machines can be compared.

Only ``make bench`` serves this module (gunicorn tests.bench.ceiling); the
site's own URLs know nothing of it."""

from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path
from django.views.decorators.cache import never_cache

application = get_wsgi_application()

BODY = ("<!doctype html><title>Ceiling</title><p>" + "x" * (20 * 1024 - 40)).encode()


@never_cache  # measured afresh each time, like an uncached page
def ceiling(request):
    return HttpResponse(BODY)


def _site_urls():
    from cooperativa import urls

    return urls.urlpatterns


urlpatterns = [path("bench-ceiling/", ceiling), *_site_urls()]
handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"


def _use_these_urls():
    from django.conf import settings

    settings.ROOT_URLCONF = __name__


_use_these_urls()
