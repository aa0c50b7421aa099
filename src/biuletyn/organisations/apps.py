from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    """City departments and NGOs: who publishes, organises and answers questions."""

    name = "biuletyn.organisations"
    label = "organisations"
    verbose_name = "Biuletyn: organisations"
