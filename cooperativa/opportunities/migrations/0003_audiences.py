from django.db import migrations

AUDIENCES = [
    "work_release", "probation", "after_release", "lived_experience",
    "families", "volunteers", "organisations", "anyone",
]


def create_audiences(apps, schema_editor):
    Audience = apps.get_model("opportunities.Audience")
    for position, code in enumerate(AUDIENCES):
        Audience.objects.update_or_create(code=code, defaults={"position": position})


class Migration(migrations.Migration):
    dependencies = [("opportunities", "0002_initial")]
    operations = [migrations.RunPython(create_audiences, migrations.RunPython.noop)]
