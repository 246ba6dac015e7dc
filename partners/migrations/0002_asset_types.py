from django.db import migrations

ASSET_TYPES = [
    "rooms", "workshops", "mentoring", "training", "jobs",
    "peer_support", "advice", "food", "housing",
]


def create_asset_types(apps, schema_editor):
    AssetType = apps.get_model("partners.AssetType")
    for code in ASSET_TYPES:
        AssetType.objects.get_or_create(code=code)


class Migration(migrations.Migration):
    dependencies = [("partners", "0001_initial")]
    operations = [migrations.RunPython(create_asset_types, migrations.RunPython.noop)]
