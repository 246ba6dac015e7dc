"""Who may choose which organisation in the Wagtail admin's organisation
chooser: moderators every organisation, everyone else the approved ones, so
a pending application is never named. The rules for pages, images and
documents live in cooperativa.core.editor_access.
"""

from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)

from .models import Organisation
from .permissions import can_moderate

# --- The organisation chooser ---------------------------------------------------


def choosable_organisations(user):
    """Moderators choose among every organisation; anyone else among the
    approved ones only, so a pending application is never named."""
    if can_moderate(user):
        return Organisation.objects.all()
    return Organisation.objects.public()


class _ChoosableOrganisations:
    def get_object_list(self):
        return choosable_organisations(self.request.user)


class OrganisationChooseView(_ChoosableOrganisations, ChooseView):
    pass


class OrganisationChooseResultsView(_ChoosableOrganisations, ChooseResultsView):
    pass


class OrganisationChosenView(SnippetChosenView):
    def get_object(self, pk):
        return choosable_organisations(self.request.user).get(pk=pk)


class OrganisationChosenMultipleView(SnippetChosenMultipleView):
    def get_objects(self, pks):
        return choosable_organisations(self.request.user).filter(pk__in=pks)


class OrganisationChooserViewSet(SnippetChooserViewSet):
    choose_view_class = OrganisationChooseView
    choose_results_view_class = OrganisationChooseResultsView
    chosen_view_class = OrganisationChosenView
    chosen_multiple_view_class = OrganisationChosenMultipleView
