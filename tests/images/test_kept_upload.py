"""Nothing lost on an error (issue 9): an image refused for its alt text keeps its uploaded file,
in the image library's add form and in the upload tab of the chooser inside a page editor. The
form is sent again without the file, with the reference the refused form carried, and the image
is saved with the file first uploaded."""

from __future__ import annotations

import re
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Collection

from biuletyn.images.forms import KEPT_FIELD, kept_uploads

pytestmark = pytest.mark.integration

GOOD_ALT = "Rampa z poręczami przy wejściu do biblioteki"


@pytest.fixture
def editor(client, django_user_model, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    user = django_user_model.objects.create_superuser("redaktorka", "r@example.org", "haslo-123!")
    client.force_login(user)
    return user


def _png(colour=(200, 30, 30)) -> SimpleUploadedFile:
    buffer = BytesIO()
    Image.new("RGB", (32, 24), colour).save(buffer, format="PNG")
    return SimpleUploadedFile("rampa-przy-wejsciu.png", buffer.getvalue(), "image/png")


def _token(html: str, name: str) -> str:
    match = re.search(rf'name="{re.escape(name)}" value="([^"]+)"', html)
    assert match, f"no hidden {name} in the re-shown form"
    return match.group(1)


def _kept_files(tmp_path) -> list:
    return sorted(p for p in (tmp_path / "kept-uploads").rglob("*") if p.is_file())


def test_library_add_form_keeps_the_file_when_the_alt_text_is_refused(client, editor, tmp_path):
    root = Collection.get_first_root_node()
    refused = client.post(
        "/admin/images/add/",
        {"title": "Rampa", "collection": root.pk, "description": "zdjęcie", "file": _png()},
        HTTP_ACCEPT_LANGUAGE="pl",
    )

    assert refused.status_code == 200
    html = refused.content.decode()
    assert "mówi tylko, jakiego rodzaju jest obraz" in html  # the alt text's error
    assert "Plik „rampa-przy-wejsciu.png” jest zachowany" in html
    token = _token(html, KEPT_FIELD)
    file_input = re.search(r'<input type="file"[^>]*>', html).group(0)
    assert " required" not in file_input  # the chooser's script would refuse an empty one
    assert len(_kept_files(tmp_path)) == 1
    assert get_image_model().objects.count() == 0

    saved = client.post(
        "/admin/images/add/",
        {"title": "Rampa", "collection": root.pk, "description": GOOD_ALT, KEPT_FIELD: token},
    )

    assert saved.status_code == 302, saved.content.decode()[:2000]
    image = get_image_model().objects.get()
    assert image.description == GOOD_ALT
    assert (image.width, image.height) == (32, 24)
    assert image.file.name.endswith(".png")
    assert _kept_files(tmp_path) == []  # the kept copy is gone once the image is saved


def test_chooser_upload_tab_keeps_the_file_when_the_alt_text_is_refused(client, editor, tmp_path):
    root = Collection.get_first_root_node()
    prefix = "image-chooser-upload-"
    fields = {f"{prefix}title": "Rampa", f"{prefix}collection": root.pk}
    refused = client.post(
        "/admin/images/chooser/create/",
        {**fields, f"{prefix}description": "IMG_2041.jpg", f"{prefix}file": _png()},
    )

    assert refused.status_code == 200
    data = refused.json()
    assert data["step"] == "reshow_creation_form"
    token = _token(data["htmlFragment"], f"{prefix}{KEPT_FIELD}")
    assert "rampa-przy-wejsciu.png" in data["htmlFragment"]

    saved = client.post(
        "/admin/images/chooser/create/",
        {**fields, f"{prefix}description": GOOD_ALT, f"{prefix}{KEPT_FIELD}": token},
    )

    assert saved.status_code == 200
    assert saved.json()["step"] in {"chosen", "select_format"}
    assert get_image_model().objects.get().description == GOOD_ALT
    assert _kept_files(tmp_path) == []


def test_a_new_file_replaces_the_kept_one(client, editor, tmp_path):
    root = Collection.get_first_root_node()
    first = client.post(
        "/admin/images/add/",
        {"title": "Rampa", "collection": root.pk, "description": "", "file": _png()},
    )
    token = _token(first.content.decode(), KEPT_FIELD)
    other = _png(colour=(10, 10, 200))
    other.name = "inny-plik.png"

    client.post(
        "/admin/images/add/",
        {
            "title": "Rampa",
            "collection": root.pk,
            "description": GOOD_ALT,
            "file": other,
            KEPT_FIELD: token,
        },
    )

    assert get_image_model().objects.get().file.name.split("/")[-1].startswith("inny-plik")


@pytest.mark.parametrize("who", ["someone else", "tampered"])
def test_a_kept_file_is_only_given_back_to_its_uploader_with_a_sound_token(
    editor, django_user_model, who
):
    token = kept_uploads.keep(_png(), user_id=editor.pk)
    if who == "someone else":
        other = django_user_model.objects.create_user("inna", "i@example.org", "haslo-456!")
        assert kept_uploads.take(token, user_id=other.pk) is None
    else:
        assert kept_uploads.take(token[:-2] + "xx", user_id=editor.pk) is None
    _name, upload = kept_uploads.take(token, user_id=editor.pk)
    assert upload.name == "rampa-przy-wejsciu.png"
    assert upload.read().startswith(b"\x89PNG")
