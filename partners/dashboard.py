"""A partner's home in the Wagtail admin: one panel with what concerns the
organisations they belong to, instead of counts of the whole site.

For each organisation: its pages in every language (how many, how many are
drafts, how many await the moderators), the latest edited ones, links to
add a placement, a call or a project under its own partner page, and, for
its administrators, the requests to join and the invitations still open.

The panel costs a fixed number of queries, whatever the number of
organisations and pages: counts are aggregates, lists are capped.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, IntegerField, Q
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState

from .models import Invitation, JoinRequest, PartnerPage
from .services import INVITATION_MAX_AGE

RECENT_LIMIT = 5


class PartnerHomePanel(Component):
    name = "partner_home"
    order = 50
    template_name = "wagtailadmin/partners/partner_home_panel.html"

    def __init__(self, memberships):
        self.memberships = memberships

    def get_context_data(self, parent_context=None):
        return {"organisations": organisation_summaries(self.memberships)}


def organisation_summaries(memberships):
    """One dict per membership: the organisation, its partner pages with
    their "add" links, page counts, latest pages, open requests and
    invitations (for administrators)."""
    organisations = [membership.organisation for membership in memberships]
    partner_pages = list(
        PartnerPage.objects.filter(organisation__in=organisations)
        .select_related("locale")
        .order_by("organisation_id", "locale__language_code")
    )
    by_organisation = {organisation.pk: [] for organisation in organisations}
    for partner_page in partner_pages:
        by_organisation[partner_page.organisation_id].append(partner_page)

    def below(organisation):
        condition = Q(pk__in=[])
        for partner_page in by_organisation[organisation.pk]:
            condition |= Q(path__startswith=partner_page.path, depth__gt=partner_page.depth)
        return condition

    # Every count in one query: pages, drafts, and those awaiting moderation.
    # Workflow states name their object by a text id: cast it to compare.
    in_moderation = Q(
        pk__in=WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS,
            base_content_type=ContentType.objects.get_for_model(Page),
        )
        .annotate(page_id=Cast("object_id", IntegerField()))
        .values("page_id")
    )
    aggregates = {}
    for organisation in organisations:
        scope = below(organisation)
        aggregates[f"pages_{organisation.pk}"] = Count("pk", filter=scope)
        aggregates[f"drafts_{organisation.pk}"] = Count(
            "pk", filter=scope & (Q(live=False) | Q(has_unpublished_changes=True))
        )
        aggregates[f"moderation_{organisation.pk}"] = Count("pk", filter=scope & in_moderation)
    counts = Page.objects.aggregate(**aggregates) if aggregates else {}

    # The latest edited pages of all the organisations together, capped.
    everything = Q(pk__in=[])
    for organisation in organisations:
        everything |= below(organisation)
    recent = list(
        Page.objects.filter(everything).order_by("-latest_revision_created_at", "-pk")[
            : RECENT_LIMIT * len(organisations)
        ]
    )
    awaiting = set(
        Page.objects.filter(in_moderation, pk__in=[page.pk for page in recent]).values_list(
            "pk", flat=True
        )
    )
    for page in recent:
        page.awaiting_moderation = page.pk in awaiting

    administered = [m.organisation_id for m in memberships if m.is_admin]
    requests = dict(
        JoinRequest.objects.undecided()
        .filter(organisation__in=administered)
        .values_list("organisation")
        .annotate(n=Count("pk"))
    )
    valid_since = timezone.now() - INVITATION_MAX_AGE
    invitations = dict(
        Invitation.objects.filter(
            organisation__in=administered, accepted_at__isnull=True, created_at__gte=valid_since
        )
        .values_list("organisation")
        .annotate(n=Count("pk"))
    )

    # What a partner page may hold (placements, calls, projects), as its page
    # type declares: this app names no other app's models.
    add_types = [
        (model._meta.app_label, model._meta.model_name, model._meta.verbose_name)
        for model in PartnerPage.allowed_subpage_models()
    ]
    summaries = []
    for membership in memberships:
        organisation = membership.organisation
        pages = by_organisation[organisation.pk]
        paths = [page.path for page in pages]
        summaries.append(
            {
                "organisation": organisation,
                "is_admin": membership.is_admin,
                "partner_pages": [
                    {
                        "page": page,
                        "language": page.locale.get_display_name(),
                        "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
                        "add_links": [
                            (
                                label,
                                reverse("wagtailadmin_pages:add", args=[app, model, page.pk]),
                            )
                            for app, model, label in add_types
                        ],
                    }
                    for page in pages
                ],
                "pages": counts.get(f"pages_{organisation.pk}", 0),
                "drafts": counts.get(f"drafts_{organisation.pk}", 0),
                "in_moderation": counts.get(f"moderation_{organisation.pk}", 0),
                "recent": [page for page in recent if any(page.path.startswith(p) for p in paths)][
                    :RECENT_LIMIT
                ],
                "requests": requests.get(organisation.pk, 0),
                "invitations": invitations.get(organisation.pk, 0),
                "requests_url": reverse("partners:manage_requests", args=[organisation.slug]),
                "members_url": reverse("partners:manage_members", args=[organisation.slug]),
                "manage_url": reverse("partners:manage_overview", args=[organisation.slug]),
            }
        )
    return summaries
