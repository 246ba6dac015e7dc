"""An organisation's places and assets, in its management area
(/partners/manage/<slug>/places/…).

As in the rest of the management area, people who are not members of the
organisation get a 404 (they cannot even learn that it exists), and members
who may not edit places a 403. Every object is looked up within the
organisation named in the address, so an id guessed from another
organisation is a 404 and changes nothing.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from partners import permissions as partner_permissions
from partners.models import Organisation, PartnerIndexPage

from . import permissions, services
from .forms import AssetForm, PlaceForm
from .models import Asset, Place


def _organisation(request, slug, *, edit=False):
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None or not permissions.can_see_places(request.user, organisation):
        raise Http404
    if edit and not permissions.can_edit_places(request.user, organisation):
        raise PermissionDenied
    return organisation


def _context(request, organisation, title=None, **extra):
    crumbs = [{"title": _("Home"), "url": reverse("wagtail_serve", args=[""])}]
    index = PartnerIndexPage.objects.live().filter(locale__language_code=request.LANGUAGE_CODE)
    if index := index.first():
        crumbs.append({"title": index.title, "url": index.url})
    crumbs += [
        {"title": _("Your organisations"), "url": reverse("partners:manage")},
        {
            "title": organisation.name,
            "url": reverse("partners:manage_overview", args=[organisation.slug]),
        },
        {
            "title": _("Places and assets"),
            "url": reverse("community:places", args=[organisation.slug]),
        },
    ]
    if title:
        crumbs.append({"title": title, "url": ""})
    return {
        "organisation": organisation,
        "can_manage": partner_permissions.can_manage(request.user, organisation),
        "can_edit": permissions.can_edit_places(request.user, organisation),
        "crumbs": crumbs,
        **extra,
    }


@login_required
@require_safe
def places(request, slug):
    organisation = _organisation(request, slug)
    place_list = (
        organisation.places.select_related("area")
        .prefetch_related("assets__asset_type")
        .order_by("name", "pk")
    )
    return render(
        request,
        "community/manage/places.html",
        _context(request, organisation, places=place_list),
    )


@login_required
@require_http_methods(["GET", "POST"])
def place_form(request, slug, pk=None):
    organisation = _organisation(request, slug, edit=True)
    place = (
        get_object_or_404(Place, pk=pk, organisation=organisation)
        if pk
        else Place(organisation=organisation)
    )
    form = PlaceForm(request.POST or None, instance=place)
    if request.method == "POST" and form.is_valid():
        services.save_place(form.save(commit=False), by=request.user)
        messages.success(request, _("“%(name)s” is saved.") % {"name": place.name})
        return redirect("community:places", organisation.slug)
    title = _("Change a place") if pk else _("Add a place")
    return render(
        request,
        "community/manage/place_form.html",
        _context(
            request,
            organisation,
            title,
            form=form,
            place=place,
            map_tile_url=settings.MAP_TILE_URL,
            map_tile_attribution=settings.MAP_TILE_ATTRIBUTION,
        ),
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def place_delete(request, slug, pk):
    organisation = _organisation(request, slug, edit=True)
    place = get_object_or_404(Place, pk=pk, organisation=organisation)
    if request.method == "POST":
        services.delete_place(place, by=request.user)
        messages.success(request, _("“%(name)s” is deleted.") % {"name": place.name})
        return redirect("community:places", organisation.slug)
    return render(
        request,
        "community/manage/delete.html",
        _context(request, organisation, _("Delete a place"), thing=place.name),
    )


@login_required
@require_http_methods(["GET", "POST"])
def asset_form(request, slug, pk=None):
    organisation = _organisation(request, slug, edit=True)
    if pk:
        asset = get_object_or_404(Asset, pk=pk, place__organisation=organisation)
    else:
        asset = Asset()
        initial_place = organisation.places.filter(pk=request.GET.get("place") or 0).first()
        if initial_place:
            asset.place = initial_place
    if not organisation.places.exists():
        messages.info(request, _("Add a place first: every asset is offered at a place."))
        return redirect("community:place_add", organisation.slug)
    form = AssetForm(request.POST or None, instance=asset, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        services.save_asset(form.save(commit=False), by=request.user)
        messages.success(request, _("The asset is saved."))
        return redirect("community:places", organisation.slug)
    title = _("Change an asset") if pk else _("Add an asset")
    return render(
        request,
        "community/manage/asset_form.html",
        _context(request, organisation, title, form=form),
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def asset_delete(request, slug, pk):
    organisation = _organisation(request, slug, edit=True)
    asset = get_object_or_404(
        Asset.objects.select_related("asset_type", "place"), pk=pk, place__organisation=organisation
    )
    if request.method == "POST":
        services.delete_asset(asset, by=request.user)
        messages.success(request, _("The asset is deleted."))
        return redirect("community:places", organisation.slug)
    return render(
        request,
        "community/manage/delete.html",
        _context(
            request,
            organisation,
            _("Delete an asset"),
            thing=f"{asset.asset_type.label}: {asset.place.name}",
        ),
    )
