"""Give the cooperative's Moderators group (created by Wagtail's first
migration) the right to see, edit and moderate organisations in the admin."""

from django.db import migrations

CODENAMES = {
    "add_organisation": "Can add organisation",
    "change_organisation": "Can change organisation",
    "view_organisation": "Can view organisation",
    "moderate_organisation": "Can approve, reject, suspend and reinstate organisations",
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")

    # Permissions are normally created after migrate; create them now so the
    # group can hold them (post_migrate then finds them and adds nothing).
    content_type, _ = ContentType.objects.get_or_create(app_label="partners", model="organisation")
    permissions = [
        Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )[0]
        for codename, name in CODENAMES.items()
    ]
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    moderators.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators:
        moderators.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="partners", codename__in=list(CODENAMES)
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0003_onboarding_and_memberships"),
        ("wagtailcore", "0002_initial_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
