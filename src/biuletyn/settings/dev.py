"""`make run`: a developer's machine. Debug on, a throwaway secret, sent mail as files in
var/mail/."""

from .base import *
from .base import VAR_DIR
from .env import envbool, envstr

DEBUG = envbool("DEBUG", True)
SECRET_KEY = envstr("SECRET_KEY", "dev-only-not-secret-biuletyn")
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Registration's rate limits (per hour): generous, so trying the form by hand never meets the 429.
REGISTRATION_RATE_LIMITS = {"ip": 1000, "contact": 200}
# Mail the outbox sends (confirmations, reminders, organisers' alerts) is written as one .log
# file per connection in var/mail/ (`make run` says so); EMAIL_BACKEND in the environment wins.
EMAIL_BACKEND = envstr("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = VAR_DIR / "mail"
