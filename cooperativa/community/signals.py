"""Keeps what the public sees in step with what organisations and
moderators change: town-only places follow their town's centre, and the
map's cached GeoJSON is dropped whenever anything on it may have changed."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from partners.models import Organisation

from .listing import bump_map_cache
from .models import Asset, Place, TownCentre


@receiver(post_save, sender=TownCentre)
@receiver(post_delete, sender=TownCentre)
def move_town_only_places(sender, instance, **kwargs):
    for place in Place.objects.filter(area_id=instance.area_id, town_only=True):
        place.save(update_fields=["updated_at"])
    bump_map_cache()


@receiver(post_save, sender=Place)
@receiver(post_delete, sender=Place)
@receiver(post_save, sender=Asset)
@receiver(post_delete, sender=Asset)
@receiver(post_save, sender=Organisation)
@receiver(page_published)
@receiver(page_unpublished)
def map_changed(sender, **kwargs):
    bump_map_cache()
