"""State changes of the bulletin: editorial groups, member sections and their moderation."""

from __future__ import annotations

from collections.abc import Sequence

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from biuletyn.organisations.models import Organisation

from .models import ArticleIndexPage, ArticleSectionPage

ADMINISTRATORS = "Administratorzy"
BULLETIN_EDITORS = "Redakcja biuletynu"
MODERATION_WORKFLOW = "Moderacja biuletynu"

# Wagtail page permissions, by what each group may do.
_EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
_MEMBER_PAGE_PERMISSIONS = ("add_page", "change_page")


def member_group_name(organisation: Organisation) -> str:
    return _("Member: %(name)s") % {"name": organisation.name}


def _grant_page_permissions(group: Group, page: Page, codenames: tuple[str, ...]) -> None:
    for codename in codenames:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _grant_admin_access(group: Group, *codenames: str) -> None:
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(codename__in=codenames),
    )


# Wagtail's own default groups, where a site still has them, get what the bulletin's editors get.
WAGTAIL_DEFAULT_GROUPS = ("Editors", "Moderators")


def grant_to_editorial_groups(
    app_label: str,
    codenames: Sequence[str],
    *,
    using: str = "default",
    administrators_also: Sequence[str] = (),
    wagtail_groups: bool = True,
) -> None:
    """Give an app's permissions ``codenames`` to the administrators and the bulletin's editors
    (and Wagtail's default groups where they exist, unless ``wagtail_groups`` is false); the
    administrators get ``administrators_also`` too. Each app calls it after every migrate;
    safe to run again."""

    def permissions(names: Sequence[str]) -> list[Permission]:
        return list(
            Permission.objects.using(using).filter(
                content_type__app_label=app_label, codename__in=names
            )
        )

    granted = permissions(codenames)
    administrators = Group.objects.using(using).get_or_create(name=ADMINISTRATORS)[0]
    administrators.permissions.add(*granted, *permissions(administrators_also))
    groups = [Group.objects.using(using).get_or_create(name=BULLETIN_EDITORS)[0]]
    if wagtail_groups:
        groups += Group.objects.using(using).filter(name__in=WAGTAIL_DEFAULT_GROUPS)
    for group in groups:
        group.permissions.add(*granted)


_MEDIA_APPS = {"image": "wagtailimages", "document": "wagtaildocs"}


def _grant_media_collections(group: Group, *actions: str) -> None:
    """Wagtail checks image and document permissions per collection, against its own Image and
    Document models whatever the custom model: model permissions alone let an editor upload but
    not open what someone else uploaded (an imported image, say). Granted on the root
    collection, so on every collection under it. ("change" also lets one delete: Wagtail ties
    the two.)"""
    root = Collection.get_first_root_node()
    for kind, app_label in _MEDIA_APPS.items():
        for action in actions:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root,
                permission=Permission.objects.get(
                    content_type__app_label=app_label, codename=f"{action}_{kind}"
                ),
            )


@transaction.atomic
def ensure_editorial_groups(*, bulletin: ArticleIndexPage) -> dict[str, Group]:
    """Administrators (everything), the bulletin's editors (write, publish, approve) and the
    moderation workflow every member section goes through. Idempotent."""
    administrators, _created = Group.objects.get_or_create(name=ADMINISTRATORS)
    _grant_admin_access(administrators)
    administrators.permissions.add(
        *Permission.objects.filter(
            content_type__app_label__in=[
                "articles",
                "organisations",
                "images",
                "wagtaildocs",
                "pages",
                "wagtailcore",
            ]
        )
    )
    _grant_page_permissions(
        administrators,
        Page.get_first_root_node(),
        (
            *_EDITOR_PAGE_PERMISSIONS,
            "bulk_delete_page",
        ),
    )
    _grant_media_collections(administrators, "add", "change", "choose")

    editors, _created = Group.objects.get_or_create(name=BULLETIN_EDITORS)
    _grant_admin_access(
        editors,
        "add_image",
        "change_image",
        "choose_image",
        "add_document",
        "change_document",
        "choose_document",
        "add_organisation",
        "change_organisation",
        "add_category",
        "change_category",
    )
    _grant_media_collections(editors, "add", "change", "choose")
    for home in bulletin.get_parent().get_translations(inclusive=True):
        _grant_page_permissions(editors, home, _EDITOR_PAGE_PERMISSIONS)

    workflow, _created = Workflow.objects.get_or_create(name=MODERATION_WORKFLOW)
    task = GroupApprovalTask.objects.filter(name=MODERATION_WORKFLOW).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=MODERATION_WORKFLOW)
        task.groups.set([editors])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return {"administrators": administrators, "editors": editors}


@transaction.atomic
def open_member_section(
    *, bulletin: ArticleIndexPage, organisation: Organisation, title: str, slug: str
) -> tuple[ArticleSectionPage, Group]:
    """Give a member organisation its own section, a group that may write there, and put the
    section under moderation: its articles go live only when the bulletin's editors approve."""
    from biuletyn.pages.services import publish_new_page

    section = (
        ArticleSectionPage.objects.child_of(bulletin).filter(organisation=organisation).first()
    )
    if section is None:
        section = ArticleSectionPage(
            title=title, slug=slug, organisation=organisation, locale=bulletin.locale
        )
        publish_new_page(parent=bulletin, page=section)
    group, _created = Group.objects.get_or_create(name=member_group_name(organisation))
    _grant_admin_access(group, "choose_image", "add_image", "choose_document", "add_document")
    _grant_page_permissions(group, section, _MEMBER_PAGE_PERMISSIONS)
    workflow = Workflow.objects.get(name=MODERATION_WORKFLOW)
    WorkflowPage.objects.update_or_create(page=section, defaults={"workflow": workflow})
    return section, group
