"""Events (issue 4). For now only the date rules; models, calendar and ICS follow."""
