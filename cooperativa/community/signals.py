"""Keeps what the public sees in step with what organisations and
moderators change: town-only places follow their town's centre. (The
map's cached GeoJSON, like every cached page, is keyed by the site's
content version, which a change to a place, an asset, a town centre, an
organisation or a page replaces: core.page_cache and apps.py.)"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Place, TownCentre


@receiver(post_save, sender=TownCentre)
@receiver(post_delete, sender=TownCentre)
def move_town_only_places(sender, instance, **kwargs):
    for place in Place.objects.filter(area_id=instance.area_id, town_only=True):
        place.save(update_fields=["updated_at"])
