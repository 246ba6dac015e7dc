"""The read-only Wagtail API at /api/v2/: live public pages and public images.

The API answers every visitor the same way, whoever is logged in: a page
behind a login, group or password restriction is left out even for someone
who could open it in the browser. That keeps responses cacheable and makes
sure a signed-in partner's session never turns the API into a back door to
restricted pages. Only GET routes exist; nothing can be written through it.
"""

from django.utils.translation import gettext as _
from rest_framework.renderers import JSONRenderer
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import CollectionViewRestriction

from . import parameters


class CheckedParametersMixin:
    """Refuses, with a 400 that says why, the query values that the database
    could not take (see opportunities.parameters), before any filter or the
    paginator reads them."""

    # Parameters that Wagtail turns into numbers for the database.
    number_parameters = ("offset", "limit")

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        try:
            parameters.check(request.GET, numbers=self.number_parameters)
        except parameters.InvalidParameter as error:
            raise BadRequestError(f"{error.name}: {error.message}") from error
        # A search of no words at all fails on some search backends and
        # means nothing on the others.
        if "search" in request.GET and not request.GET["search"].split():
            raise BadRequestError(f"search: {_('write at least one word to search for')}")


class PublicPagesAPIViewSet(CheckedParametersMixin, PagesAPIViewSet):
    # JSON only: the browsable HTML renderer is a developer convenience
    # that would make /api/v2/ a second, unstyled website.
    renderer_classes = [JSONRenderer]

    def get_base_queryset(self):
        # Wagtail's queryset already keeps to live pages of the requested
        # site and its translations; public() also drops restricted pages
        # that this particular request could have passed.
        return super().get_base_queryset().public()


class PublicImagesAPIViewSet(CheckedParametersMixin, ImagesAPIViewSet):
    renderer_classes = [JSONRenderer]

    def get_queryset(self):
        # Images in a collection with a view restriction (a partner's
        # private uploads) are not listed.
        restricted = CollectionViewRestriction.objects.values_list("collection__path", flat=True)
        queryset = super().get_queryset()
        for path in restricted:
            queryset = queryset.exclude(collection__path__startswith=path)
        return queryset


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
