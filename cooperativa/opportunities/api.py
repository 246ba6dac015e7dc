"""The read-only Wagtail API at /api/v2/: live public pages and the images they show.

The API answers every visitor the same way, whoever is logged in: a page
behind a login, group or password restriction is left out even for someone
who could open it in the browser. That keeps responses cacheable and makes
sure a signed-in partner's session never turns the API into a back door to
restricted pages. Only GET routes exist; nothing can be written through it.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from rest_framework.renderers import JSONRenderer
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Collection, CollectionViewRestriction, Page, ReferenceIndex

from partners.models import Organisation, PartnerPage


class PublicPagesAPIViewSet(PagesAPIViewSet):
    # JSON only: the browsable HTML renderer is a developer convenience
    # that would make /api/v2/ a second, unstyled website.
    renderer_classes = [JSONRenderer]

    def get_base_queryset(self):
        # Wagtail's queryset already keeps to live pages of the requested
        # site and its translations; public() also drops restricted pages
        # that this particular request could have passed.
        return super().get_base_queryset().public()


def publicly_shown_images(queryset):
    """The images of ``queryset`` that the public can already see on the
    site: used by a live, public page (Wagtail's reference index records
    what each page's published content points to) or the logo on a live
    partner page. An upload nobody has published, and every image of an
    organisation not shown publicly (a suspended one), stays out."""
    live_pages = Page.objects.live().public()
    used_by_live_pages = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        to_content_type=ContentType.objects.get_for_model(get_image_model()),
        object_id__in=live_pages.annotate(key=Cast("pk", CharField())).values("key"),
    ).values("to_object_id")
    public_organisations = Organisation.objects.public()
    logos = (
        PartnerPage.objects.live()
        .public()
        .filter(organisation__in=public_organisations, organisation__logo__isnull=False)
        .values("organisation__logo")
    )
    hidden_collections = (
        Organisation.objects.exclude(pk__in=public_organisations)
        .filter(collection__isnull=False)
        .values("collection")
    )
    return (
        queryset.annotate(key=Cast("pk", CharField()))
        .filter(Q(key__in=used_by_live_pages) | Q(pk__in=logos))
        .exclude(collection__in=hidden_collections)
    )


class PublicImagesAPIViewSet(ImagesAPIViewSet):
    renderer_classes = [JSONRenderer]

    def get_queryset(self):
        # Images in a collection with a view restriction (a partner's
        # private uploads) are not listed, whoever asks.
        restricted = Collection.objects.filter(
            pk__in=CollectionViewRestriction.objects.values("collection")
        )
        queryset = super().get_queryset()
        for collection in restricted:
            queryset = queryset.exclude(
                collection__in=Collection.objects.descendant_of(collection, inclusive=True)
            )
        return publicly_shown_images(queryset)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
