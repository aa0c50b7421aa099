"""Uploaded media in the production shape (issue "Exact and private", ADR 0009).

Images under MEDIA_URL load with the right type, nosniff and their cache lifetime; nothing
else under MEDIA_URL is served (documents go through Wagtail's view, which checks collection
privacy, and always download as attachments); no path a client can send gives a 500 or a file
outside images/ and original_images/.

Personas: an anonymous reader on a slow connection (images cached for long), a reader of a
document in a private collection (never reachable under /media/)."""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.http import FileResponse
from django.test import Client
from hypothesis import HealthCheck, event, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from PIL import Image as PILImage
from wagtail.documents import get_document_model

from biuletyn.core.media import CONTENT_TYPES
from tests.factories.bulletin import make_article, make_bulletin, make_image

pytestmark = pytest.mark.integration

IMMUTABLE = "public, max-age=31536000, immutable"
ONE_DAY = "public, max-age=86400"


def fetch(client: Client, path: str, method: str = "get", **extra: str) -> tuple[object, bytes]:
    """The response and its whole body. Reading a file response to the end closes it (the test
    client wraps it so); closing it again here would close the test's database connection."""
    response = getattr(client, method)(path, **extra)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body


def png_bytes(colour: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    buffer = BytesIO()
    PILImage.new("RGB", (12, 12), colour).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def media_root(settings, tmp_path: Path) -> Path:
    """A media folder of this test's own, with a sibling file a traversal would reach.

    Wagtail keeps renditions in the cache by image id and file hash; ids come back after a
    rollback, so a rendition from an earlier test (in its own folder) would be found there."""
    cache.clear()
    root = tmp_path / "media"
    root.mkdir()
    settings.MEDIA_ROOT = root
    (tmp_path / "outside.png").write_bytes(png_bytes())
    return root


@pytest.fixture
def pdf_document(media_root: Path):
    return get_document_model().objects.create(
        title="Sprawozdanie", file=ContentFile(b"%PDF-1.4\n% test\n", name="sprawozdanie.pdf")
    )


@pytest.fixture
def planted(media_root: Path) -> dict[str, Path]:
    """Image-named files in places that must never be served."""
    files = {
        "documents": media_root / "documents" / "secret.png",
        "root": media_root / "planted.png",
        "nested": media_root / "images" / "sub" / "nested.png",
        "other_type": media_root / "images" / "page.html",
    }
    for path in files.values():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(png_bytes((0, 0, 200)))
    return files


def rendition_urls(html: str) -> list[str]:
    return sorted(set(re.findall(r"/media/images/[^\s\"',]+", html)))


def test_renditions_of_a_rendered_article_load_cached_for_a_year(client, site_tree, media_root):
    image = make_image(size=(900, 500))
    article = make_article(
        make_bulletin(site_tree["pl"]),
        body=[{"type": "image", "value": {"image": image.pk, "caption": "Fot. redakcja"}}],
    )
    html = client.get(article.url).content.decode()
    urls = rendition_urls(html)

    assert {".avif", ".webp", ".jpg"} <= {Path(url).suffix for url in urls}
    for url in urls:
        response, body = fetch(client, url)
        assert response.status_code == 200, url
        assert response["Content-Type"] == CONTENT_TYPES[Path(url).suffix]
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Cross-Origin-Resource-Policy"] == "same-origin"
        assert response["Cache-Control"] == IMMUTABLE
        assert "Last-Modified" in response
        assert "Vary" not in response
        assert "Set-Cookie" not in response
        assert body == (media_root / url.removeprefix("/media/")).read_bytes()
        assert PILImage.open(BytesIO(body)).size[0] > 0


def test_original_image_loads_cached_for_a_day(client, site_tree, media_root):
    image = make_image()

    response, body = fetch(client, image.file.url)

    assert image.file.url.startswith("/media/original_images/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == ONE_DAY
    assert int(response["Content-Length"]) == len(body) == image.file.size


def test_documents_are_not_served_under_media(client, site_tree, pdf_document):
    assert pdf_document.file.url.startswith("/media/documents/")
    assert (Path(pdf_document.file.path)).is_file()

    for path in [pdf_document.file.url, "/media/documents/", "/media/", "/media/images/"]:
        response, body = fetch(client, path)
        assert response.status_code == 404, path
        assert b"%PDF" not in body


def test_wagtail_document_view_always_sends_an_attachment(client, site_tree, pdf_document):
    response, body = fetch(client, pdf_document.url)

    assert pdf_document.url == f"/documents/{pdf_document.pk}/sprawozdanie.pdf"
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert 'filename="sprawozdanie.pdf"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert body.startswith(b"%PDF")


@pytest.mark.parametrize(
    "path",
    [
        "/media/images/../documents/secret.png",
        "/media/images/%2e%2e/documents/secret.png",
        "/media/images/..%2fdocuments%2fsecret.png",
        "/media/images/%2E%2E%2Fdocuments%2Fsecret.png",
        "/media/original_images/..%5cdocuments%5csecret.png",
        "/media/images/../../outside.png",
        "/media/images/%2e%2e%2f%2e%2e%2foutside.png",
        "/media/images/..%2f..%2f..%2fetc%2fpasswd",
        "/media/images//etc/passwd",
        "/media/images/%2fetc%2fpasswd",
        "/media/images/./planted.png",
        "/media/planted.png",
        "/media/documents/secret.png",
        "/media/images/sub/nested.png",
        "/media/images/sub%2fnested.png",
        "/media/images/page.html",
        "/media/images/%00.png",
        "/media/images/a%00.png",
        "/media/images/" + "a" * 300 + ".png",
        "/media/images/.png",
        "/media/images/missing.png",
        "/media/original_images/missing.jpg",
        "/media/images/sub",
        "/media/images/sub/",
        "/media//images/planted.png",
    ],
)
def test_traversal_other_files_and_missing_files_are_404(client, site_tree, planted, path):
    response, _ = fetch(client, path)

    assert response.status_code == 404
    assert not isinstance(response, FileResponse)


def test_head_gives_the_headers_without_a_body(client, site_tree, media_root):
    rendition = make_image().get_rendition("width-400|format-webp")

    response, body = fetch(client, rendition.url, method="head")

    assert response.status_code == 200
    assert body == b""
    assert response["Content-Type"] == "image/webp"
    assert response["Cache-Control"] == IMMUTABLE
    assert int(response["Content-Length"]) == rendition.file.size


def test_unchanged_file_is_not_sent_again(client, site_tree, media_root):
    rendition = make_image().get_rendition("width-400|format-webp")
    first, _ = fetch(client, rendition.url)

    again, body = fetch(client, rendition.url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

    assert again.status_code == 304
    assert body == b""
    assert again["Cache-Control"] == IMMUTABLE


def test_other_methods_are_refused(client, site_tree, media_root):
    rendition = make_image().get_rendition("width-400|format-webp")

    response, _ = fetch(client, rendition.url, method="post")

    assert response.status_code == 405


_SEGMENTS = st.one_of(
    st.sampled_from(
        [
            "images",
            "original_images",
            "documents",
            "..",
            ".",
            "",
            "%2e%2e",
            "%2E%2e%2F",
            "%2f",
            "%5c",
            "..%2f",
            "%00",
            "%ff",
            "outside.png",
            "planted.png",
            "secret.png",
            "sprawozdanie.pdf",
            "sub",
            "nested.png",
            "page.html",
            "RENDITION",
            "ORIGINAL",
        ]
    ),
    st.text(max_size=30),
)


@pytest.fixture
def stored_names(site_tree, planted, pdf_document) -> dict[str, str]:
    """File names that exist: a rendition, an original (plus the planted files and a PDF)."""
    image = make_image()
    rendition = image.get_rendition("width-400|format-webp")
    return {"RENDITION": Path(rendition.file.name).name, "ORIGINAL": Path(image.file.name).name}


@hypothesis_settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(segments=st.lists(_SEGMENTS, max_size=6))
def test_no_path_under_media_fails_or_leaves_the_image_folders(
    client, media_root, stored_names, segments
):
    path = "/media/" + "/".join(stored_names.get(segment, segment) for segment in segments)

    response, body = fetch(client, path)

    assert response.status_code in (200, 404), path
    event(f"status {response.status_code}")
    if response.status_code == 200:
        assert isinstance(response, FileResponse)
        served_file = Path(response.file_to_stream.name).resolve()
        public = {(media_root / folder).resolve() for folder in ("images", "original_images")}
        assert served_file.parent in public, path
        assert response["Content-Type"] in CONTENT_TYPES.values()
        assert body == served_file.read_bytes()
