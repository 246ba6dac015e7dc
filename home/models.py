"""The home page, standard pages, site settings, navigation and footer."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cooperativa.core import page_cache
from cooperativa.core.blocks import BodyBlock
from cooperativa.core.models import SitePage
from cooperativa.opportunities.listing import featured_opportunities
from cooperativa.opportunities.models import OpportunityIndexPage, today
from partners.models import PartnerIndexPage


class HomePage(SitePage):
    intro = models.CharField(
        _("introduction"),
        max_length=300,
        help_text=_("One or two sentences under the main heading."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Both read many rows and change only with the content (and, for what
        # is open, the day): kept under the content version.
        context["featured"] = page_cache.remember(
            "home-featured", lambda: featured_opportunities(self.locale), self.locale_id, today()
        )
        context["ways_in"] = page_cache.remember("home-ways-in", self.ways_in, self.pk)
        return context

    def ways_in(self):
        """The opportunity hubs and the partner directory under this home
        page, in the order a newcomer needs them, each with a line saying
        what is there. A hub that does not exist (yet) is left out."""
        descriptions = {
            "": _("Everything open now, from a one-off visit to a paid job."),
            "placement": _("Work and training with a host organisation, some of it paid."),
            "call": _("Invitations to take part: workshops, mentoring, circles, consultations."),
            "project": _("What organisations and people run together, and how to join in."),
        }
        hubs = {}
        for hub in OpportunityIndexPage.objects.live().public().child_of(self).order_by("path"):
            hubs.setdefault(hub.kind, hub)
        ways = [
            {"page": hubs[kind], "description": description}
            for kind, description in descriptions.items()
            if kind in hubs
        ]
        directory = PartnerIndexPage.objects.live().public().child_of(self).first()
        if directory is not None:
            ways.append(
                {
                    "page": directory,
                    "description": _("The cooperatives, services and groups that take part."),
                }
            )
        return ways


class StandardPage(SitePage):
    """About, privacy, accessibility statement and any other plain page."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


@register_setting(icon="mail")
class ContactSettings(BaseSiteSetting):
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address = models.TextField(_("postal address"), blank=True)
    mastodon = models.URLField(_("Mastodon"), blank=True)
    facebook = models.URLField(_("Facebook"), blank=True)
    instagram = models.URLField(_("Instagram"), blank=True)
    linkedin = models.URLField(_("LinkedIn"), blank=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("email"), FieldPanel("phone"), FieldPanel("address")],
            heading=_("Contact details"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("mastodon"),
                FieldPanel("facebook"),
                FieldPanel("instagram"),
                FieldPanel("linkedin"),
            ],
            heading=_("Social media"),
        ),
    ]

    class Meta:
        verbose_name = _("contact details")

    @property
    def social_links(self):
        return [
            (label, url)
            for label, url in (
                ("Mastodon", self.mastodon),
                ("Facebook", self.facebook),
                ("Instagram", self.instagram),
                ("LinkedIn", self.linkedin),
            )
            if url
        ]


@register_setting(icon="list-ul")
class NavigationSettings(BaseSiteSetting, ClusterableModel):
    """Main menu and footer links. Links point at pages, so each language
    shows its own translation of the page and its title."""

    panels = [
        InlinePanel("main_menu_items", heading=_("Main menu"), label=_("Menu item")),
        InlinePanel("footer_items", heading=_("Footer links"), label=_("Footer link")),
    ]

    class Meta:
        verbose_name = _("navigation")


class NavigationLink(Orderable):
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    label = models.CharField(
        _("label"),
        max_length=60,
        blank=True,
        help_text=_("Leave empty to use the page title, translated with the page."),
    )

    panels = [PageChooserPanel("page"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        abstract = True


class MainMenuItem(NavigationLink):
    setting = ParentalKey(
        NavigationSettings, related_name="main_menu_items", on_delete=models.CASCADE
    )


class FooterItem(NavigationLink):
    setting = ParentalKey(NavigationSettings, related_name="footer_items", on_delete=models.CASCADE)
