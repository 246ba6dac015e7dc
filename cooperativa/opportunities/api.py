"""The read-only Wagtail API at /api/v2/: live public pages and the images they show.

The API answers every visitor the same way, whoever is logged in: a page
behind a login, group or password restriction is left out even for someone
who could open it in the browser. That keeps responses cacheable and makes
sure a signed-in partner's session never turns the API into a back door to
restricted pages. Only GET routes exist; nothing can be written through it.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast
from django.utils.translation import gettext as _
from rest_framework.renderers import JSONRenderer
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Collection, CollectionViewRestriction, Page, ReferenceIndex

from cooperativa.core import parameters
from cooperativa.core.facets import cached_answers, query_key
from partners.models import Organisation, PartnerPage

from .models import OpportunityPage


class CheckedParametersMixin:
    """Refuses, with a 400 that says why, the query values that the database
    could not take (see cooperativa.core.parameters), before any filter or
    the paginator reads them."""

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

    def check_field_values(self, queryset):
        """Refuse a value given for a filterable field of the listed model
        that the field could not hold. Wagtail compares any such field named
        in the query (and find's ?id=) with the value as given. The model is
        only known here: a ?type= swaps it."""
        model = queryset.model
        fields = {}
        for name in self.get_available_fields(model, db_fields_only=True):
            # Like Wagtail, leave out locale: ?locale= takes a language
            # code, read by its own filter.
            if name == "locale":
                continue
            try:
                fields[name] = model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
        try:
            parameters.check_fields(self.request.GET, fields)
        except parameters.InvalidParameter as error:
            raise BadRequestError(f"{error.name}: {error.message}") from error

    def filter_queryset(self, queryset):
        # Lists and single items.
        self.check_field_values(queryset)
        return super().filter_queryset(queryset)

    def find_object(self, queryset, request):
        self.check_field_values(queryset)
        return super().find_object(queryset, request)


class RememberedListing:
    """A list's queryset as Wagtail's pagination reads it (its count and one
    slice), answered as the hubs answer theirs (core.facets): the total and
    the ids of the slice are kept in the shared cache under the content
    version and the SQL, and only the slice's rows are read, by id alone
    (``load``): they passed the list's conditions when their ids were found,
    under the same content version. Counting, sorting and filtering every
    page of a type costs time that grows with the site; the answer changes
    only when the content does."""

    def __init__(self, queryset, load):
        self.queryset = queryset
        self.load = load

    def count(self):
        key = query_key("api-count", self.queryset)
        return cached_answers({key: self.queryset.count})[key]

    def __getitem__(self, bounds):
        key = query_key("api-ids", self.queryset, bounds.start, bounds.stop)
        ids = cached_answers(
            {key: lambda: list(self.queryset[bounds].values_list("pk", flat=True))}
        )[key]
        rows = self.load(ids)
        return [rows[pk] for pk in ids if pk in rows]


class RememberedPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        # Search results are the search backend's, and come in pages already;
        # a random order is asked for afresh each time.
        if isinstance(queryset, QuerySet) and request.GET.get("order") != "random":
            model = queryset.model
            queryset = RememberedListing(
                queryset,
                lambda ids: view.with_related(model._default_manager.filter(pk__in=ids)).in_bulk(),
            )
        return super().paginate_queryset(queryset, request, view)


class PublicPagesAPIViewSet(CheckedParametersMixin, PagesAPIViewSet):
    # JSON only: the browsable HTML renderer is a developer convenience
    # that would make /api/v2/ a second, unstyled website.
    renderer_classes = [JSONRenderer]
    pagination_class = RememberedPagination

    def get_base_queryset(self):
        # Wagtail's queryset already keeps to live pages of the requested
        # site and its translations; public() also drops restricted pages
        # that this particular request could have passed. Each item's
        # meta names its language: fetched with the pages, not one by one.
        # Wagtail asks for it several times per request; each time would
        # look up the site's root and the view restrictions again.
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = super().get_base_queryset().public().select_related("locale")
        return self._base_queryset.all()

    def get_queryset(self):
        return self.with_related(super().get_queryset())

    @staticmethod
    def with_related(queryset):
        """Fetch what each item shows with the items, not item by item: the
        language, and an opportunity's vocabularies (with ?type=, Wagtail
        lists that model's rows)."""
        queryset = queryset.select_related("locale")
        if issubclass(queryset.model, OpportunityPage):
            queryset = queryset.select_related("area", "sector").prefetch_related("audiences")
        return queryset


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
    # The reference index keeps ids as text: compare them inside a subquery,
    # so that the list itself is filtered on its id alone, which the search
    # backends can apply to search results.
    used = (
        get_image_model()
        .objects.annotate(key=Cast("pk", CharField()))
        .filter(key__in=used_by_live_pages)
        .values("pk")
    )
    return queryset.filter(Q(pk__in=used) | Q(pk__in=logos)).exclude(
        collection__in=hidden_collections
    )


class PublicImagesAPIViewSet(CheckedParametersMixin, ImagesAPIViewSet):
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
