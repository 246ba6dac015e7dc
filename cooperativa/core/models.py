"""The page base every public page type stands on."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from .forms import SitePageForm


def optional_link(to, verbose_name, related_name="+", **options):
    """A link to another row that may be missing and outlives it: when the
    row it points at is deleted (an image, a person's account), the link is
    emptied and what held it stays. "+" keeps the other side from growing a
    reverse accessor nobody asks for."""
    return models.ForeignKey(
        to,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name=related_name,
        **options,
    )


class SitePage(Page):
    """Fields and behaviour every public page shares: a summary for search
    engines and link previews, and an optional sharing image."""

    social_image = optional_link(
        "wagtailimages.Image",
        _("sharing image"),
        help_text=_("Shown when the page is shared on social media."),
    )

    # Refuses files and pages the editor may not choose, however they got into the form.
    base_form_class = SitePageForm

    promote_panels = [
        *Page.promote_panels,
        FieldPanel("social_image"),
    ]

    class Meta:
        abstract = True

    def get_meta_description(self):
        return self.search_description or getattr(self, "intro", "") or ""
