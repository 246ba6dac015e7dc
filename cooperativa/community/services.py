"""Changes to places and assets: each one saved and written to Wagtail's
log with its own action (registered in wagtail_hooks.py), whoever makes it."""

from django.db import transaction
from wagtail.log_actions import log


@transaction.atomic
def save_place(place, *, by):
    created = place.pk is None
    place.save()
    log(place, "community.add_place" if created else "community.change_place", user=by)
    return place


@transaction.atomic
def delete_place(place, *, by):
    # The log entry outlives the row; it is written while the place exists.
    log(place, "community.delete_place", user=by)
    for asset in place.assets.all():
        log(asset, "community.delete_asset", user=by)
    place.delete()


@transaction.atomic
def save_asset(asset, *, by):
    created = asset.pk is None
    asset.save()
    log(asset, "community.add_asset" if created else "community.change_asset", user=by)
    return asset


@transaction.atomic
def delete_asset(asset, *, by):
    log(asset, "community.delete_asset", user=by)
    asset.delete()
