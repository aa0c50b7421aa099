"""Hypothesis strategies of the registration form's fields, shared by the form's and the
change page's property tests."""

from __future__ import annotations

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from biuletyn.registrations.enums import Need
from tests.strategies import EMAIL, PHONE, TEXT

CHOICE = st.sampled_from(["email", "sms", "phone", "video", "", "fax", "x" * 10_000, "\x00"])
SEATS = (
    st.sampled_from(["1", "2", "3", "4", "0", "-1", "5", "1.5", "9" * 400, "", " 2 ", " 3 "]) | TEXT
)
NEEDS = st.lists(st.sampled_from([*Need.values, "bogus", "", "\x00"]), max_size=5)
CONSENT = st.sampled_from([None, "on", "", "false", "x" * 10_000])


# How many examples a form's property test tries: each posts a form and rolls back.
FORM_EXAMPLES = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def person_data(email: st.SearchStrategy[str] = EMAIL) -> st.SearchStrategy[dict[str, object]]:
    """The person's part of the form as posted: who, how to reach them, seats and needs."""
    return st.fixed_dictionaries(
        {
            "name": TEXT,
            "email": email,
            "phone": PHONE,
            "contact_preference": CHOICE,
            "seats": SEATS,
            "needs": NEEDS,
            "diet_details": TEXT,
            "other_details": TEXT,
            "health_consent": CONSENT,
        }
    )
