"""The page editor's form, shared by every page type (SitePage.base_form_class).

Wagtail's choosers offer only what a person may choose, but a crafted
request can name any id. This form narrows the page and organisation
choices to what the editor may see and refuses images and documents from
other organisations' collections; the rules themselves live in
cooperativa.core.editor_access.
"""

from wagtail.admin.forms import WagtailAdminPageForm

from .editor_access import limit_page_choices, refuse_unchoosable_files


class SitePageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None:
            limit_page_choices(self, self.for_user)

    def clean(self):
        cleaned_data = super().clean()
        if self.for_user is not None:
            refuse_unchoosable_files(self, self.for_user)
        return cleaned_data
