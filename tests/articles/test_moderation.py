"""Editorial workflow (issue 3). Personas: a member organisation's writer (may add and change
pages in its own section, cannot publish); a bulletin editor (approves); an anonymous reader."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from biuletyn.articles.models import ArticlePage
from biuletyn.articles.services import (
    BULLETIN_EDITORS,
    ensure_editorial_groups,
    open_member_section,
)
from tests.factories.bulletin import make_bulletin, make_image, make_organisation

pytestmark = pytest.mark.integration


@pytest.fixture
def newsroom(site_tree, django_user_model):
    bulletin = make_bulletin(site_tree["pl"])
    ensure_editorial_groups(bulletin=bulletin)
    organisation = make_organisation(name="Stowarzyszenie Razem", slug="razem")
    section, member_group = open_member_section(
        bulletin=bulletin, organisation=organisation, title="Stowarzyszenie Razem", slug="razem"
    )
    writer = django_user_model.objects.create_user("pisarz", password="x")
    writer.groups.add(member_group)
    editor = django_user_model.objects.create_user("redaktor", password="x")
    editor.groups.add(Group.objects.get(name=BULLETIN_EDITORS))
    return {"bulletin": bulletin, "section": section, "writer": writer, "editor": editor}


def _submit(newsroom) -> ArticlePage:
    article = ArticlePage(
        title="Nasz piknik integracyjny",
        slug="piknik",
        lead="Zapraszamy na piknik w parku.",
        live=False,
        locale=newsroom["section"].locale,
    )
    newsroom["section"].add_child(instance=article)
    article.save_revision(user=newsroom["writer"])
    article.get_workflow().start(article, newsroom["writer"])
    return article


def test_member_may_write_in_its_section_but_not_publish(newsroom):
    section_perms = newsroom["section"].permissions_for_user(newsroom["writer"])
    bulletin_perms = newsroom["bulletin"].permissions_for_user(newsroom["writer"])

    assert section_perms.can_add_subpage()
    assert not section_perms.can_publish_subpage()
    assert not bulletin_perms.can_add_subpage()


def test_submitted_article_is_invisible_until_approved(client, newsroom):
    article = _submit(newsroom)

    assert client.get("/biuletyn/razem/piknik/").status_code == 404
    assert "Nasz piknik integracyjny" not in client.get("/biuletyn/").content.decode()

    task_state = article.current_workflow_task_state
    assert task_state is not None
    assert task_state.task.specific.user_can_access_editor(article, newsroom["editor"])
    task_state.task.specific.on_action(task_state, newsroom["editor"], "approve")

    article.refresh_from_db()
    assert article.live
    assert client.get("/biuletyn/razem/piknik/").status_code == 200
    assert "Nasz piknik integracyjny" in client.get("/biuletyn/").content.decode()


def test_writer_cannot_approve_its_own_article(newsroom):
    article = _submit(newsroom)
    task = article.current_workflow_task_state.task.specific

    actions = [name for name, _label, _modal in task.get_actions(article, newsroom["writer"])]

    assert "approve" not in actions


def test_editors_may_open_images_and_documents_they_did_not_upload(newsroom, django_user_model):
    """Wagtail asks for the permission per collection: an image the import brought (uploaded by
    nobody) is the bulletin editors' to describe and, as Wagtail ties deleting to changing,
    to delete."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model
    from wagtail.documents.permissions import permission_policy as documents
    from wagtail.images.permissions import permission_policy as images

    from biuletyn.articles.services import ADMINISTRATORS

    image = make_image()
    document = get_document_model().objects.create(
        title="Regulamin", file=ContentFile(b"%PDF-1.4\n", name="regulamin.pdf")
    )
    editor = newsroom["editor"]
    administrator = django_user_model.objects.create_user("administratorka", password="x")
    administrator.groups.add(Group.objects.get(name=ADMINISTRATORS))
    for policy, item in ((images, image), (documents, document)):
        for action in ("change", "choose", "delete"):
            assert policy.user_has_permission_for_instance(editor, action, item), action
            assert policy.user_has_permission_for_instance(administrator, action, item), action
        # A member organisation's writer gets nothing by this.
        assert not policy.user_has_permission_for_instance(newsroom["writer"], "change", item)


def test_setting_up_groups_twice_changes_nothing(newsroom):
    from wagtail.models import GroupCollectionPermission, GroupPagePermission, Workflow

    before = (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
        Workflow.objects.count(),
    )

    ensure_editorial_groups(bulletin=newsroom["bulletin"])
    open_member_section(
        bulletin=newsroom["bulletin"],
        organisation=newsroom["section"].organisation,
        title="Stowarzyszenie Razem",
        slug="razem",
    )

    assert (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
        Workflow.objects.count(),
    ) == before
