"""The image form in the Wagtail admin: the accessibility rules, with messages that say why, and
an upload that survives a refusal.

Every image form of the admin is built on this one (WAGTAILIMAGES_IMAGE_FORM_BASE): the image
library's add and edit forms, the upload tab of the image chooser inside a page editor, and the
forms of the multiple upload.

**Nothing lost on an error.** A browser cannot put a file back into a file input, so when the form
is refused for another field (the alt text, most often), the uploaded file is kept on the server
(``KeptUploads``: outside the media folder, under VAR_DIR, for a day at most) and the re-shown
form carries a signed reference to it in a hidden field. Sent again without a new file, the form
takes the kept one; the file field says which file is kept. A new file replaces it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path, PurePosixPath
from typing import Any

from django import forms
from django.conf import settings
from django.core import signing
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm

KEPT_FIELD = "kept_upload"
KEPT_MAX_AGE = dt.timedelta(days=1)
_SALT = "biuletyn.images.kept-upload"


class KeptUploads:
    """Uploaded files kept between a refused form and its next submission.

    A file lives in ``<VAR_DIR>/kept-uploads/<random>/<its name>``; the form carries a signed
    token naming that path and the user who uploaded it, valid for ``KEPT_MAX_AGE``. Files older
    than that are removed whenever a new one is kept.
    """

    @property
    def storage(self) -> FileSystemStorage:
        return FileSystemStorage(location=Path(settings.VAR_DIR) / "kept-uploads")

    def keep(self, upload: UploadedFile, *, user_id: int | None) -> str:
        """Store ``upload``; the token that gives it back."""
        self._remove_stale()
        basename = PurePosixPath(upload.name or "image").name
        upload.seek(0)
        name = self.storage.save(f"{uuid.uuid4().hex}/{basename}", upload)
        upload.seek(0)
        content_type = getattr(upload, "content_type", None) or "application/octet-stream"
        return signing.dumps(
            {"name": name, "type": content_type, "user": user_id}, salt=_SALT, compress=True
        )

    def take(self, token: str, *, user_id: int | None) -> tuple[str, SimpleUploadedFile] | None:
        """The kept file of ``token`` (and its stored name), if the token is sound and fresh."""
        if not token:
            return None
        try:
            kept = signing.loads(token, salt=_SALT, max_age=KEPT_MAX_AGE)
        except signing.BadSignature:
            return None
        name = kept.get("name", "")
        if kept.get("user") != user_id or not self.storage.exists(name):
            return None
        with self.storage.open(name, "rb") as stored:
            content = stored.read()
        upload = SimpleUploadedFile(PurePosixPath(name).name, content, kept.get("type"))
        return name, upload

    def forget(self, name: str) -> None:
        self.storage.delete(name)
        folder = PurePosixPath(name).parent
        if str(folder) not in ("", ".") and not any(self.storage.listdir(str(folder))):
            Path(self.storage.path(str(folder))).rmdir()

    def _remove_stale(self) -> None:
        if not Path(self.storage.location).is_dir():
            return
        limit = timezone.now() - KEPT_MAX_AGE
        folders, _files = self.storage.listdir("")
        for folder in folders:
            for filename in self.storage.listdir(folder)[1]:
                name = f"{folder}/{filename}"
                if self.storage.get_modified_time(name) < limit:
                    self.forget(name)


kept_uploads = KeptUploads()


class AccessibleImageForm(BaseImageForm):
    kept_upload = forms.CharField(required=False, widget=forms.HiddenInput)
    data: Any  # Django's form attributes, replaced by copies below
    files: Any

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._kept_name: str | None = None
        self._describe_fields()
        if self.is_bound and "file" in self.fields:
            self._take_kept_upload()

    def _user_id(self) -> int | None:
        user = getattr(self, "user", None)
        return getattr(user, "pk", None)

    def _describe_fields(self) -> None:
        """The description is the alt text: say so, and how to write it."""
        if "description" in self.fields:
            field = self.fields["description"]
            field.label = _("Alternative text")
            field.help_text = _(
                "Describe what the image shows and why it is in the text, in a sentence or two, "
                "as you would to someone on the phone. Do not start with “Image of”: screen "
                "readers say that themselves. Leave it empty only for a decorative image."
            )

    def _take_kept_upload(self) -> None:
        """With no new file sent, use the file kept from the last refused submission."""
        file_key = self.add_prefix("file")
        if self.files.get(file_key):
            return
        kept = kept_uploads.take(
            self.data.get(self.add_prefix(KEPT_FIELD), ""), user_id=self._user_id()
        )
        if kept is None:
            return
        self._kept_name, upload = kept
        self.files = self.files.copy()
        self.files[file_key] = upload

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        image = self.instance
        for name in ("description", "is_decorative", "is_poster", "text_version"):
            if name in cleaned:
                setattr(image, name, cleaned[name])
        if {"description", "is_decorative"} <= set(self.fields):
            for field, message in image.accessibility_errors().items():
                if field in self.fields:
                    self.add_error(field, message)
        return cleaned

    def full_clean(self) -> None:
        super().full_clean()
        if self.is_bound and self.errors and "file" in self.fields:
            self._keep_upload()

    def _keep_upload(self) -> None:
        """Refused for another field: keep a good uploaded file and say so under the file field."""
        upload = self.cleaned_data.get("file")
        if "file" in self.errors or not isinstance(upload, UploadedFile):
            return
        if self._kept_name is None:
            token = kept_uploads.keep(upload, user_id=self._user_id())
            self.data = self.data.copy()
            self.data[self.add_prefix(KEPT_FIELD)] = token
            shown_name = PurePosixPath(upload.name or "").name
        else:
            shown_name = PurePosixPath(self._kept_name).name
        kept = gettext(
            "The file “%(name)s” is kept: you do not need to choose it again. Choose another "
            "file only to replace it."
        ) % {"name": shown_name}
        field = self.fields["file"]
        field.help_text = f"{kept} {field.help_text}" if field.help_text else kept
        # No longer required: Wagtail's chooser script refuses to send a form whose required
        # inputs are empty, and a browser cannot refill a file input.
        field.required = False
        self["file"].help_text = field.help_text  # Django's bound field copied the old one

    def save(self, commit: bool = True) -> Any:
        image = super().save(commit=commit)
        if commit and self._kept_name is not None:
            kept_uploads.forget(self._kept_name)
            self._kept_name = None
        return image
