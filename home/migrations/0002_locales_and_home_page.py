"""Create a locale for every configured language and replace Wagtail's
placeholder welcome page with the site's HomePage, so that `migrate` alone
gives a working site."""

from django.conf import settings
from django.db import migrations


def create_locales_and_home(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    default_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)

    if HomePage.objects.exists():
        return
    # Wagtail's first migration makes a "Welcome" page at depth 2. It becomes
    # the HomePage where it stands: historical models have none of the tree
    # methods (add_child), so taking over its place in the tree, rather than
    # computing a new path by hand, keeps the tree exactly as Wagtail built it.
    welcome = Page.objects.filter(depth=2, content_type__model="page", slug="home").first()
    if welcome is None:
        # Someone removed it: a moderator adds the home page in the admin.
        return
    home_content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    fields = {field.attname: getattr(welcome, field.attname) for field in Page._meta.concrete_fields}
    fields.update(
        title="Cooperativa",
        draft_title="Cooperativa",
        content_type_id=home_content_type.pk,
        url_path="/home/",
        locale_id=default_locale.pk,
        live=True,
    )
    # Saved with its page_ptr set, the HomePage updates the Welcome page's row
    # and adds its own.
    home = HomePage(
        page_ptr_id=welcome.pk,
        intro="Find a way in: from a coffee morning to a paid placement.",
        **fields,
    )
    home.save()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Cooperativa"},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_locales_and_home, migrations.RunPython.noop)]
