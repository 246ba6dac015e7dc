"""The "Co-design" workflow: partner sign-off, then the lived-experience
panel (skipped while its group has no members), then the cooperative's
moderators, who publish. Every existing partner page (and so its subtree)
follows it; organisations approved later get it on approval
(codesign.services.organisation_approved). Organisations already named on a
project were never asked: they are asked now (their administrators find
the request in their management area)."""

from django.db import migrations

PANEL_GROUP = "Lived-experience panel"
MODERATORS_GROUP = "Moderators"


def _content_type(apps, app_label, model):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(app_label=app_label, model=model)[0]


def create_workflow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    PartnerSignOffTask = apps.get_model("codesign", "PartnerSignOffTask")
    PanelReviewTask = apps.get_model("codesign", "PanelReviewTask")
    PartnerPage = apps.get_model("partners", "PartnerPage")

    moderators, _ = Group.objects.get_or_create(name=MODERATORS_GROUP)
    panel, created = Group.objects.get_or_create(name=PANEL_GROUP)
    if created:
        # The panel reviews in the admin: it may open it, nothing more.
        access_admin = Permission.objects.filter(
            content_type__app_label="wagtailadmin", codename="access_admin"
        ).first()
        if access_admin:
            panel.permissions.add(access_admin)

    sign_off = PartnerSignOffTask.objects.create(
        name="Partner sign-off",
        content_type=_content_type(apps, "codesign", "partnersignofftask"),
    )
    panel_task = PanelReviewTask.objects.create(
        name="Lived-experience panel",
        content_type=_content_type(apps, "codesign", "panelreviewtask"),
    )
    panel_task.groups.set([panel])
    moderators_task = (
        GroupApprovalTask.objects.filter(groups=moderators, active=True).order_by("pk").first()
    )
    if moderators_task is None:
        moderators_task = GroupApprovalTask.objects.create(
            name="Moderators approval",
            content_type=_content_type(apps, "wagtailcore", "groupapprovaltask"),
        )
        moderators_task.groups.set([moderators])

    workflow = Workflow.objects.create(name="Co-design", active=True)
    for position, task in enumerate((sign_off, panel_task, moderators_task)):
        WorkflowTask.objects.create(workflow=workflow, task_id=task.pk, sort_order=position)
    for page in PartnerPage.objects.all():
        WorkflowPage.objects.update_or_create(page_id=page.pk, defaults={"workflow": workflow})


def ask_named_partners(apps, schema_editor):
    ProjectPage = apps.get_model("opportunities", "ProjectPage")
    PartnerPage = apps.get_model("partners", "PartnerPage")
    Partnership = apps.get_model("codesign", "Partnership")
    steplen = 4
    for project in ProjectPage.objects.all():
        parent = PartnerPage.objects.filter(path=project.path[:-steplen]).first()
        lead_id = parent.organisation_id if parent else None
        for organisation in project.partner_organisations.all():
            if organisation.pk == lead_id:
                continue
            Partnership.objects.get_or_create(
                translation_key=project.translation_key,
                organisation=organisation,
                defaults={"project_id": project.pk},
            )


def remove_workflow(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Workflow.objects.filter(name="Co-design").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("codesign", "0001_initial"),
        ("opportunities", "0007_projectstagechange"),
        ("partners", "0008_detail_changes"),
    ]

    operations = [
        migrations.RunPython(create_workflow, remove_workflow),
        migrations.RunPython(ask_named_partners, migrations.RunPython.noop),
    ]
