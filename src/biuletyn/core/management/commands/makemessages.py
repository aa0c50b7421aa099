"""Django's makemessages without msgmerge's fuzzy matching.

Fuzzy matching fills a new entry with a similar entry's translation and marks it fuzzy; a
translator who misses the mark ships the wrong text. New entries stay empty instead, and
CI's catalogue test names them.
"""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]
