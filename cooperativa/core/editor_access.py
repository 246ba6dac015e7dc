"""What an editor may see and use in the Wagtail admin, across the site.

Each partner organisation edits its own pages and keeps its images and
documents in its own collection (partners.services grants its group add,
change and choose there, and nowhere else). Wagtail's permission policies
already know this; this module applies them where Wagtail would otherwise
show or accept everything:

- the admin API for images and documents lists only what the person may
  choose;
- the page editor refuses, with a message, an image or document the editor
  may not choose, or a link to another organisation's draft, however the
  id got into the form (StreamField blocks, image fields, rich text);
- page choices (choosers, "ways to get involved", move and bulk-action
  confirmation screens) name only live pages and the person's own drafts,
  and other chosen rows only what their model's ``editor_choices()`` allows.

The admin hooks that apply these rules are in cooperativa.core.wagtail_hooks.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

# --- Images and documents -----------------------------------------------------


def choosable(model, user):
    """The images or documents ``user`` may choose: those in the collections
    where their group holds "choose" (moderators: everywhere)."""
    return policy_registry.get_by_type(model).instances_user_has_any_permission_for(
        user, ["choose"]
    )


def _refusals():
    """What a page may point to, and why it may not, by kind of target."""
    return {
        get_image_model(): _(
            "This image belongs to another organisation or to a collection you cannot use: "
            "choose one of your own images, or upload it to your collection."
        ),
        get_document_model(): _(
            "This document belongs to another organisation or to a collection you cannot use: "
            "choose one of your own documents, or upload it to your collection."
        ),
        Page: _(
            "This page is a draft of another organisation: link to a published page or to "
            "one of your own."
        ),
    }


def _usable(model, user):
    return visible_pages(user) if model is Page else choosable(model, user)


def _kind(model, kinds):
    return next((kind for kind in kinds if issubclass(model, kind)), None)


def _references(model_field, value, kinds):
    """(kind, id) of each image, document or page that ``value`` of
    ``model_field`` points to: a foreign key, or the references Wagtail's
    reference index finds in a StreamField or rich text."""
    if value in (None, ""):
        return set()
    if model_field.many_to_one:
        kind = _kind(model_field.related_model, kinds)
        return {(kind, str(getattr(value, "pk", value)))} if kind else set()
    if hasattr(model_field, "extract_references"):
        found = (
            (_kind(to_model, kinds), str(to_id))
            for to_model, to_id, _model_path, _content_path in model_field.extract_references(value)
        )
        return {(kind, to_id) for kind, to_id in found if kind}
    return set()


def refuse_unchoosable_files(form, user):
    """Add an error to each field of a page ``form`` that newly points to an
    image or document ``user`` may not choose, or to a page they may not
    see (another organisation's draft). What the page already pointed to is
    kept, so an editor can still save a page where a moderator placed a
    file from the cooperative's own library."""
    refusals = _refusals()
    model_fields = {field.name: field for field in form._meta.model._meta.get_fields()}
    for name, value in list(form.cleaned_data.items()):
        model_field = model_fields.get(name)
        if model_field is None or not getattr(model_field, "concrete", False):
            continue
        added = _references(model_field, value, refusals) - _references(
            model_field, model_field.value_from_object(form.instance), refusals
        )
        for kind in {kind for kind, _id in added}:
            ids = {to_id for to_kind, to_id in added if to_kind is kind}
            allowed = {
                str(pk)
                for pk in _usable(kind, user).filter(pk__in=ids).values_list("pk", flat=True)
            }
            if ids - allowed:
                form.add_error(name, refusals[kind])


# --- Pages and organisations --------------------------------------------------


def visible_pages(user):
    """The pages ``user`` may see named in the admin: live pages and the
    pages they may edit (their organisation's drafts). Moderators edit
    everything, so they see everything."""
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(
        user, ["add", "change", "publish"]
    )
    return Page.objects.filter(Q(live=True) | Q(pk__in=editable.values("pk")))


def visible_pages_q(user):
    return Q(pk__in=visible_pages(user).values("pk"))


def limit_page_choices(form, user):
    """Narrow the page and organisation choices of a page ``form`` for
    ``user``: live pages and their own drafts, approved organisations. What
    the page already has stays choosable, so saving never drops it. A
    crafted POST naming anything else fails the field's validation."""
    for name, field in form.fields.items():
        queryset = getattr(field, "queryset", None)
        if queryset is None:
            continue
        editor_choices = getattr(queryset.model, "editor_choices", None)
        if issubclass(queryset.model, Page):
            allowed = visible_pages_q(user)
        elif editor_choices is not None:
            # A model names the rows an editor may pick (organisations: the
            # approved ones), so this base layer knows no feature app.
            allowed = Q(pk__in=editor_choices().values("pk"))
        else:
            continue
        try:
            current = form._meta.model._meta.get_field(name).value_from_object(form.instance)
        except Exception:  # noqa: BLE001 - a form-only field has no current value
            current = None
        if current is None:
            current = []
        elif not hasattr(current, "__iter__"):  # a foreign key's id; else related objects
            current = [current]
        current_pks = [getattr(item, "pk", item) for item in current]
        field.queryset = queryset.filter(allowed | Q(pk__in=current_pks))
