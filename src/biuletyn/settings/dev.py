"""`make run`: a developer's machine. Debug on, a throwaway secret, mail to the console."""

from .base import *
from .env import envbool, envstr

DEBUG = envbool("DEBUG", True)
SECRET_KEY = envstr("SECRET_KEY", "dev-only-not-secret-biuletyn")
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
