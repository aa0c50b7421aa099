"""Events: the calendar, event pages with accessibility offers, venues they use, ICS files."""
