"""Biuletyn: an accessible bulletin, calendar and consultation platform."""
