"""The read-only Wagtail API at /api/v2/: live public pages and public images.

The API answers every visitor the same way, whoever is logged in: a page
behind a login, group or password restriction is left out even for someone
who could open it in the browser. That keeps responses cacheable and makes
sure a signed-in partner's session never turns the API into a back door to
restricted pages. Only GET routes exist; nothing can be written through it.
"""

from rest_framework.renderers import JSONRenderer
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import CollectionViewRestriction


class PublicPagesAPIViewSet(PagesAPIViewSet):
    # JSON only: the browsable HTML renderer is a developer convenience
    # that would make /api/v2/ a second, unstyled website.
    renderer_classes = [JSONRenderer]

    def get_base_queryset(self):
        # Wagtail's queryset already keeps to live pages of the requested
        # site and its translations; public() also drops restricted pages
        # that this particular request could have passed.
        return super().get_base_queryset().public()


class PublicImagesAPIViewSet(ImagesAPIViewSet):
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
