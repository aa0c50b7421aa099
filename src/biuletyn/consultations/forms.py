"""The public forms of consultations (issue 11): a comment on a section of the draft (or on the
whole of it), and a reader's report of a published comment.

The patterns of the registration form (issue 10): every rule is checked on the server and
explained beside its field (the page sends ``novalidate``), the typed text stays on every error,
no field has a ``maxlength`` that would cut a pasted text short without a word (the limit is
said in the hint and in the error instead). Two fields are not for people: the idempotency key
(one comment however often the form is sent) and a honeypot only robots fill in.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

from django import forms
from django.core.validators import ProhibitNullCharactersValidator
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from .enums import ReportReason
from .models import ConsultationPage
from .services import MAX_COMMENT_LENGTH

# The section choice of a comment on the draft as a whole (the service takes None for it).
GENERAL = "general"
# The name of the honeypot: a field robots fill in and people never see.
HONEYPOT = "website"
NAME_MAX, ORGANISATION_MAX, EMAIL_MAX, NOTE_MAX = 200, 300, 254, 2000
# The idempotency key is a uuid4 the page made; anything else is ignored.
_KEY = re.compile(r"^[0-9a-f]{32}$")

_NULL_MESSAGE = _(
    "The text contains an invisible control character (NUL) we cannot store. Delete it, or "
    "type the text again, and send."
)


def new_idempotency_key() -> str:
    return uuid.uuid4().hex


def _without_maxlength(field: forms.Field) -> None:
    """Keep the limit on the server but not in the browser, which would silently cut a pasted
    text short; and say "NUL" in the reader's words."""
    field.widget.attrs.pop("maxlength", None)
    field.validators = [
        ProhibitNullCharactersValidator(message=_NULL_MESSAGE)
        if isinstance(validator, ProhibitNullCharactersValidator)
        else validator
        for validator in field.validators
    ]


class CommentForm(forms.Form):
    section = forms.ChoiceField(
        label=_("Which part of the draft is your comment about?"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose the part of the draft your comment is about."),
            "invalid_choice": _(
                "This part of the draft can no longer be commented on. Choose another one, or "
                "the draft as a whole."
            ),
        },
    )
    text = forms.CharField(
        label=_("Your comment"),
        max_length=MAX_COMMENT_LENGTH,
        help_text=_(
            "Say what you would change and why. At most 20,000 characters; a longer text can "
            "go in a second comment."
        ),
        error_messages={"required": _("Write your comment.")},
        widget=forms.Textarea(attrs={"rows": 10, "class": "app-textarea"}),
    )
    author_name = forms.CharField(
        label=_("Your name"),
        required=False,
        max_length=NAME_MAX,
        help_text=_("Published with your comment. Leave it empty to appear as “a resident”."),
        error_messages={"max_length": _("Write your name in at most 200 characters.")},
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        required=False,
        max_length=ORGANISATION_MAX,
        help_text=_(
            "If you write on behalf of an organisation (for example an NGO), give its name: "
            "the comment is published as the organisation’s."
        ),
        error_messages={
            "max_length": _("Write the organisation’s name in at most 300 characters.")
        },
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=EMAIL_MAX,
        help_text=_(
            "We send you a link to confirm the comment, and tell you when it is published. "
            "We never publish your address."
        ),
        error_messages={
            "required": _(
                "Give your e-mail address: we send the link to confirm your comment there."
            ),
            "invalid": _("Write the e-mail address in the form name@example.pl."),
            "max_length": _("Write the e-mail address in at most 254 characters."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    idempotency_key = forms.CharField(required=False, widget=forms.HiddenInput)
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(
        self, *args: Any, page: ConsultationPage, section_key: str | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.page = page
        if self.is_bound and not _KEY.match(str(self.data.get("idempotency_key") or "")):
            # A form sent without its key (or with a broken one) gets a fresh key for the page
            # that shows it again, so the next send is once-only too.
            data = self.data.copy() if isinstance(self.data, QueryDict) else dict(self.data)
            data["idempotency_key"] = new_idempotency_key()
            self.data = data
        section = self.fields["section"]
        assert isinstance(section, forms.ChoiceField)
        self.sections = [s for s in page.section_list() if s["commentable"]]
        section.choices = [(s["key"], s["heading"]) for s in self.sections] + [
            (GENERAL, _("General comment on the whole draft"))
        ]
        if not self.sections:
            # Nothing to choose: every comment is on the draft as a whole.
            del self.fields["section"]
        text = self.fields["text"]
        text.error_messages["max_length"] = _(
            "Your comment is longer than 20,000 characters. Shorten it, or send the rest as a "
            "second comment."
        )
        for name in ("text", "author_name", "organisation", "email"):
            _without_maxlength(self.fields[name])
        # The fields that are not for people never refuse anything (not even a NUL character):
        # their errors would have nowhere to show.
        for name in ("idempotency_key", HONEYPOT):
            self.fields[name].validators = []
        if not self.is_bound:
            self.initial.setdefault("idempotency_key", new_idempotency_key())
            self.initial.setdefault("section", section_key or GENERAL)

    def clean_idempotency_key(self) -> str:
        key = (self.cleaned_data.get("idempotency_key") or "").strip().lower()
        return key if _KEY.match(key) else ""

    def clean_website(self) -> str:
        # Never an error: a robot is told nothing.
        return str(self.cleaned_data.get(HONEYPOT) or "")

    @property
    def suspicious(self) -> bool:
        return bool(self.cleaned_data.get(HONEYPOT))

    @property
    def typed_text(self) -> str:
        """The comment as it was sent, to show back when it cannot be taken."""
        if not self.is_bound:
            return ""
        return str(self.data.get("text") or "").replace("\x00", "")

    def section_label(self, value: str) -> str:
        for section in self.sections:
            if section["key"] == value:
                return str(section["heading"])
        return ""

    def submit_kwargs(self) -> dict[str, Any]:
        """What ``services.submit`` takes from the form."""
        data = self.cleaned_data
        section = data.get("section") or GENERAL
        return {
            "section_key": None if section == GENERAL else section,
            "text": data["text"],
            "email": data["email"],
            "author_name": data.get("author_name") or "",
            "organisation": data.get("organisation") or "",
            "idempotency_key": data.get("idempotency_key") or "",
        }


class FlagForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why do you report this comment?"),
        choices=ReportReason.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose why you report this comment."),
            "invalid_choice": _("Choose why you report this comment."),
        },
    )
    note = forms.CharField(
        label=_("Anything the moderator should know"),
        required=False,
        max_length=NOTE_MAX,
        help_text=_("At most 2000 characters. Do not give your personal data here."),
        error_messages={"max_length": _("Write it in at most 2000 characters.")},
        widget=forms.Textarea(attrs={"rows": 4, "class": "app-textarea"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _without_maxlength(self.fields["note"])
