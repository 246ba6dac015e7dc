"""Areas and asset types become translatable vocabularies (step 2 of 3).

Every existing row belongs to the default language. Asset types, whose
labels were translated in code, get their Italian rows, so that nothing on
the site changes in appearance; areas are names of places, which read the
same in both languages until a moderator translates one. Moderators may now
keep all four vocabularies (areas, asset types, audiences, sectors)."""

import uuid

from django.conf import settings
from django.db import migrations

# code: (English, Italian). Frozen here: the rows are the vocabulary from now on.
ASSET_TYPES = {
    "rooms": ("Rooms and spaces", "Sale e spazi"),
    "workshops": ("Workshops and equipment", "Laboratori e attrezzature"),
    "mentoring": ("Mentoring", "Mentoring"),
    "training": ("Training", "Formazione"),
    "jobs": ("Jobs and placements", "Lavoro e tirocini"),
    "peer_support": ("Peer support", "Sostegno tra pari"),
    "advice": ("Advice and guidance", "Consulenza e orientamento"),
    "food": ("Food and meals", "Cibo e pasti"),
    "housing": ("Housing support", "Aiuto per la casa"),
}

VOCABULARIES = [
    ("partners", "area", "area"),
    ("partners", "assettype", "asset type"),
    ("opportunities", "audience", "audience"),
    ("opportunities", "sector", "sector"),
]
ACTIONS = ("add", "change", "delete", "view")


def forwards(apps, schema_editor):
    Locale = apps.get_model("wagtailcore.Locale")
    Area = apps.get_model("partners.Area")
    AssetType = apps.get_model("partners.AssetType")
    default, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    italian = Locale.objects.filter(language_code="it").exclude(pk=default.pk).first()

    for model in (Area, AssetType):
        for row in model.objects.filter(locale__isnull=True):
            row.locale = default
            row.translation_key = uuid.uuid4()
            row.save(update_fields=["locale", "translation_key"])

    positions = {code: position for position, code in enumerate(ASSET_TYPES)}
    for asset_type in AssetType.objects.filter(locale=default):
        english, italian_label = ASSET_TYPES.get(asset_type.code, (asset_type.code,) * 2)
        if not asset_type.name:
            asset_type.name = english
        asset_type.position = positions.get(asset_type.code, len(ASSET_TYPES))
        asset_type.save(update_fields=["name", "position"])
        if italian and not AssetType.objects.filter(locale=italian, code=asset_type.code).exists():
            AssetType.objects.create(
                locale=italian,
                translation_key=asset_type.translation_key,
                code=asset_type.code,
                name=italian_label,
                position=asset_type.position,
            )

    grant_moderators(apps)


def grant_moderators(apps):
    """The Moderators group (see 0004) may list, add, change and delete the
    vocabularies; partners' groups get nothing."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    permissions = []
    for app_label, model, verbose_name in VOCABULARIES:
        # Permissions are normally created after migrate; create them now so
        # the group can hold them (post_migrate then finds them).
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        for action in ACTIONS:
            permissions.append(
                Permission.objects.get_or_create(
                    content_type=content_type,
                    codename=f"{action}_{model}",
                    defaults={"name": f"Can {action} {verbose_name}"},
                )[0]
            )
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    moderators.permissions.add(*permissions)


def backwards(apps, schema_editor):
    Locale = apps.get_model("wagtailcore.Locale")
    AssetType = apps.get_model("partners.AssetType")
    Area = apps.get_model("partners.Area")
    default = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    if default:
        AssetType.objects.exclude(locale=default).delete()
        Area.objects.exclude(locale=default).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0005_vocabularies_schema"),
        ("opportunities", "0006_vocabularies_finish"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
