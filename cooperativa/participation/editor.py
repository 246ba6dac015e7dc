"""The participation panels in the editors of placements and calls.

The opportunities app knows nothing of participation (it is the lower
layer), so this app adds its panels to the page types' own lists when it is
loaded, before any editor form is built.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import InlinePanel


def add_panels():
    from cooperativa.opportunities.models import CallPage, PlacementPage

    justice = InlinePanel(
        "justice_status_questions",
        heading=_("Ask about justice status"),
        label=_("Question about justice status"),
        max_num=1,
        help_text=_(
            "Only if the opportunity is open to people in a given situation. The person "
            "answers with one choice, which includes “prefer not to say”."
        ),
    )
    questions = InlinePanel(
        "response_questions",
        heading=_("Questions in the response form"),
        label=_("Question"),
        help_text=_(
            "Besides a name, a way to get in touch and a message, which every response has."
        ),
    )
    if not any(
        getattr(panel, "relation_name", "") == "response_questions"
        for panel in CallPage.content_panels
    ):
        CallPage.content_panels = [*CallPage.content_panels, questions, justice]
        PlacementPage.content_panels = [*PlacementPage.content_panels, justice]
