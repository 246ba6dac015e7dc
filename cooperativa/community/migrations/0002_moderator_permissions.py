"""The cooperative's Moderators group may list, add, change and delete
places, community assets and town centres in the admin; partners' groups
get nothing here (they edit their own places in their management area)."""

from django.db import migrations

MODELS = [
    ("place", "place"),
    ("asset", "community asset"),
    ("towncentre", "town centre"),
]
ACTIONS = ("add", "change", "delete", "view")


def grant_moderators(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    permissions = []
    for model, verbose_name in MODELS:
        # Created now so the group can hold them (post_migrate then finds them).
        content_type, _ = ContentType.objects.get_or_create(app_label="community", model=model)
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


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0001_initial"),
        ("partners", "0004_moderator_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(grant_moderators, migrations.RunPython.noop)]
