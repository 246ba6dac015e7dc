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
    # Wagtail's first migration makes a "Welcome" page at depth 2.
    Page.objects.filter(depth=2, content_type__model="page", slug="home").delete()

    last_sibling = Page.objects.filter(depth=2).order_by("-path").first()
    next_position = int(last_sibling.path[-4:]) + 1 if last_sibling else 1
    home_content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    root = Page.objects.get(depth=1)
    home = HomePage.objects.create(
        title="Cooperativa",
        draft_title="Cooperativa",
        slug="home",
        content_type=home_content_type,
        path=f"{root.path}{next_position:04d}",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=default_locale,
        live=True,
        intro="Find a way in: from a coffee morning to a paid placement.",
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
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
