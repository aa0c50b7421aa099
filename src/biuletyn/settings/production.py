"""`make serve` and real deployments: DEBUG off, secrets required, static files through
whitenoise with hashed names. HTTPS redirect, HSTS and secure cookies come from the environment
so that the same settings serve plain HTTP on loopback."""

from .base import *
from .env import envbool, envsecret

DEBUG = envbool("DEBUG", False)
SECRET_KEY = envsecret("SECRET_KEY")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
