"""Hypothesis strategies of the registration form's fields, shared by the form's and the
change page's property tests."""

from __future__ import annotations

from hypothesis import strategies as st

from biuletyn.registrations.enums import Need
from tests.strategies import TEXT

CHOICE = st.sampled_from(["email", "sms", "phone", "video", "", "fax", "x" * 10_000, "\x00"])
SEATS = (
    st.sampled_from(["1", "2", "3", "4", "0", "-1", "5", "1.5", "9" * 400, "", " 2 ", " 3 "]) | TEXT
)
NEEDS = st.lists(st.sampled_from([*Need.values, "bogus", "", "\x00"]), max_size=5)
CONSENT = st.sampled_from([None, "on", "", "false", "x" * 10_000])
