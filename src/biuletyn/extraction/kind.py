"""What kind of text it is: an announcement, a report of a past event, a consultation, a call
for applications, or not an event. Works on the folded text."""

from __future__ import annotations

import re

__all__ = ["EVENT_NOUN", "KINDS", "classify"]

KINDS = ("announcement", "report", "consultation", "call_for_applications", "not_event")

_CONSULTATION = re.compile(r"\bkonsultacj\w* spoleczn|\bkonsultacj\w* (?:projektu|w sprawie)")
_CALL = re.compile(
    r"\bnab[oó]r\w*|\brekrutacj\w*|\bkonkurs\w* (?:ofert|plastyczn|fotograficzn|literack|na \w+)"
    r"|\bogłasz\w* konkurs|\bogłaszamy konkurs|\botwarty konkurs"
    r"|\bwnioski (?:przyjmujemy|nalezy skladac)"
    r"|\boferty nalezy skladac|\bprace nalezy|^konkurs|\n\s*konkurs"
)
_PAST = re.compile(
    r"\bodby(?:l|la|lo|ly|li)\s+sie|\bza nami\b|\bwziel\w*|\bwzie(?:lo|li|ly|la)\b|\bspotkali sie"
    r"|\buczestnicy mogli|\bdziekujemy\b|\botrzymal\w*|\bwystapil\w*|\bprowadzil\w*|\bprzeszli\b"
    r"|\bzabezpieczal\w*|\btlumaczyl\w*|\bbyl(?:a|o|y)? (?:w calosci|tlumacz|transkryb)|\bzebral\w*"
    r"|\bpodsumowanie\b|\bbyly transkrybowane|\bodbylo"
)
_FUTURE = re.compile(
    r"\bodbedzie sie|\bodbeda sie|\bzapraszamy|\bzaprasza\b|\bzapisy\b|\bzgloszenia\b|\bbedzie\b"
    r"|\bbeda\b|\bpotrwaja|\brozpocznie|\bzapewniamy|\bprosimy|\bczekamy|\bnajblizsze"
    r"|\bspotykamy sie"
    r"|\bwstep wolny|\brejestracja\b|\bbilety\b|\bzapisz\w*|\bzglos\w*"
)
EVENT_NOUN = re.compile(
    r"\b(?:spotkani\w*|warsztat\w*|koncert\w*|konferencj\w*|webinar\w*|szkoleni\w*|festyn\w*"
    r"|festiwal\w*|piknik\w*|wystaw(?:a|y|ie|e|ach|om)\b|turniej\w*|gal[aie]\b|debat\w*"
    r"|msz[aey]\b|seans\w*|spektakl\w*"
    r"|plener\w*|wyjazd\w*|zlot\w*|zebrani\w*|koledowani\w*|mikolajk\w*|andrzejk\w*|dni otwarte"
    r"|dzien otwarty|seminari\w*|spacer\w*|marsz(?:u|em|ie)?\b|uroczystos\w*|zajeci\w*"
    r"|grupa wsparcia"
    r"|oprowadzani\w*|przeglad(?:u|zie|em)?\b|mecz(?:u|e|em|ach)?\b"
    r"|dzien (?:kobiet|matki|dziecka|seniora)|wernisaz\w*"
    r"|kiermasz\w*|bieg(?:u|iem|i)?\b|rajd\w*|wycieczk\w*|turnus\w*|projekcj\w*"
    r"|pokaz(?:u|y|ie|ow)?\b|targi\b|dyskusj\w*"
    r"|kolacj\w*|wieczor(?:ek|ku|u)?\b|obchod(?:y|ow|ach)\b|jarmark\w*|happening\w*|wyklad\w*"
    r"|kurs(?:u|y|ie|ow|ach)?\b|lekcj\w*|sympozj\w*|forum\b|kongres\w*|zjazd\w*)"
)


def classify(folded: str) -> str:
    """The kind before looking at dates: consultation, call, report or announcement."""
    if _CONSULTATION.search(folded):
        return "consultation"
    if _CALL.search(folded):
        return "call_for_applications"
    past = len(_PAST.findall(folded))
    future = len(_FUTURE.findall(folded))
    if past > future:
        return "report"
    return "announcement"
