"""The demo's images, drawn with Pillow at run time: flat illustrations, a chart and a poster.

Illustrations are drawn at twice their size and scaled down, which smooths the edges Pillow's
shapes leave jagged. Texts on the poster and the chart come from content.py, the same data
their text versions are made from, so what the image says and what its text version says
cannot drift apart.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from io import BytesIO
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from . import content

# Palette: navy, teal, sand, orange, coral, and light backgrounds.
NAVY = "#1d3557"
TEAL = "#2a9d8f"
SAND = "#e9c46a"
ORANGE = "#f4a261"
CORAL = "#e76f51"
CREAM = "#fdf8ee"
SKY = "#dcedf3"
GREY = "#9aa5b1"
DARK = "#2b2d42"
YELLOW = "#f4c430"
GREEN = "#1b9e55"
SKIN = "#d9a066"

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


@functools.cache
def font(size: int, *, bold: bool = False) -> Font:
    """DejaVu Sans (it has every Polish letter); Pillow's own font where DejaVu is missing."""
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    try:
        return ImageFont.truetype(name, size)
    except OSError:
        return ImageFont.load_default(size=size)


def _png(image: Image.Image) -> bytes:
    buffer = BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _supersampled(width: int, height: int, background: str) -> tuple[Image.Image, Any]:
    image = Image.new("RGB", (width * 2, height * 2), background)
    return image, ImageDraw.Draw(image)


def _finish(image: Image.Image) -> bytes:
    return _png(image.resize((image.width // 2, image.height // 2), Image.Resampling.LANCZOS))


def _words(text: str) -> list[str]:
    """Words to wrap, a one-letter word (w, z, i, o…) kept with the next one, as Polish
    typesetting wants: a line never ends with "z"."""
    words: list[str] = []
    carry = ""
    for word in text.split():
        if len(word) == 1 and word.isalpha():
            carry += word + " "
        else:
            words.append(carry + word)
            carry = ""
    if carry:
        words.append(carry.strip())
    return words


def _wrap(draw: Any, text: str, face: Font, width: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in _words(text):
        trial = f"{line} {word}".strip()
        if not line or draw.textlength(trial, font=face) <= width:
            line = trial
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def _dots(draw: Any, box: tuple[int, int, int, int], step: int, radius: int, fill: str) -> None:
    """The studs of tactile paving: a grid of small circles inside ``box``."""
    left, top, right, bottom = box
    for y in range(top + step // 2, bottom, step):
        for x in range(left + step // 2, right, step):
            draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=fill)


# --- illustrations (2400 x 1500 canvas, 1200 x 750 image) ---------------------------------------


def draw_ramp() -> bytes:
    image, draw = _supersampled(1200, 750, SKY)
    draw.ellipse((220, 140, 440, 360), fill=SAND)  # sun
    for x, y in ((700, 260), (980, 200)):  # clouds
        draw.ellipse((x, y, x + 260, y + 110), fill="white")
        draw.ellipse((x + 90, y - 50, x + 260, y + 90), fill="white")
    ground = 1250
    draw.rectangle((0, ground, 2400, 1500), fill="#d8d3c8")
    draw.rectangle((0, ground, 2400, ground + 14), fill="#b9b2a3")
    # The building: wall, window, and a wide door at landing height.
    draw.rectangle((1300, 160, 2400, ground), fill="#f2e3c6")
    draw.rectangle((1900, 380, 2260, 760), fill="#b9dbe8", outline=NAVY, width=16)
    draw.line((2080, 380, 2080, 760), fill=NAVY, width=12)
    landing = 1070
    draw.rectangle((1200, landing, 1760, ground), fill=GREY)
    draw.rectangle((1200, landing, 1760, landing + 22), fill="#c3ccd5")
    draw.rectangle((1390, 560, 1700, landing), fill=TEAL)
    draw.rectangle((1390, 560, 1700, landing), outline=NAVY, width=14)
    draw.rounded_rectangle((1640, 800, 1664, 880), radius=10, fill=CREAM)
    draw.rounded_rectangle((1790, 820, 1850, 880), radius=8, fill=NAVY)  # door button
    draw.ellipse((1806, 836, 1834, 864), fill=SAND)
    # The ramp: a slope from the pavement up to the landing.
    start = 220
    draw.polygon([(start, ground), (1200, landing), (1200, ground)], fill=GREY)
    draw.polygon(
        [(start, ground), (1200, landing), (1200, landing + 22), (start + 120, ground)],
        fill="#c3ccd5",
    )

    def on_slope(x: int) -> float:
        return ground - (x - start) * (ground - landing) / (1200 - start)

    # Two handrails (75 and 90 cm) with posts, running on past both ends of the slope.
    for height in (150, 180):
        draw.line(
            [
                (start - 90, ground - height),
                (start, ground - height),
                (1200, landing - height),
                (1380, landing - height),
            ],
            fill=NAVY,
            width=16,
            joint="curve",
        )
    for x in (start, 460, 710, 960, 1200):
        draw.line((x, on_slope(x), x, on_slope(x) - 180), fill=NAVY, width=14)
    # Tactile paving in front of the ramp.
    draw.rectangle((30, ground + 20, start - 10, ground + 120), fill=YELLOW)
    _dots(draw, (30, ground + 20, start - 10, ground + 120), 34, 9, "#d9a400")
    return _finish(image)


def draw_crossing() -> bytes:
    image, draw = _supersampled(1200, 750, SKY)
    # Buildings on the far side of the street.
    for left, width, height, colour in (
        (0, 420, 380, "#f2e3c6"),
        (440, 360, 460, "#f6d4c4"),
        (820, 520, 340, "#e0ecd4"),
        (1360, 380, 500, "#f2e3c6"),
        (1760, 640, 420, "#d6e4f0"),
    ):
        draw.rectangle((left, 700 - height, left + width, 700), fill=colour)
        for wy in range(700 - height + 50, 640, 110):
            for wx in range(left + 40, left + width - 60, 110):
                draw.rectangle((wx, wy, wx + 56, wy + 62), fill="#9fc3d6")
    draw.rectangle((0, 700, 2400, 770), fill="#cfc9bc")  # far pavement
    draw.rectangle((0, 770, 2400, 1160), fill="#555b66")  # road
    # Zebra stripes, wider as they come closer.
    for i in range(9):
        top_left = 860 + i * 80
        bottom_left = 640 + i * 130
        draw.polygon(
            [
                (top_left, 770),
                (top_left + 44, 770),
                (bottom_left + 74, 1160),
                (bottom_left, 1160),
            ],
            fill="white",
        )
    draw.rectangle((0, 1160, 2400, 1500), fill="#d8d3c8")  # near pavement
    draw.rectangle((0, 1160, 2400, 1182), fill="#9aa0a6")  # kerb
    draw.rectangle((620, 1210, 1840, 1320), fill=YELLOW)  # tactile paving
    _dots(draw, (620, 1210, 1840, 1320), 36, 10, "#d9a400")
    # The signal post: lights (green on), a push button and a loudspeaker.
    draw.rectangle((2002, 520, 2038, 1440), fill="#3d4451")
    draw.rounded_rectangle((1930, 300, 2110, 640), radius=30, fill=DARK)
    draw.ellipse((1970, 330, 2070, 430), fill="#5b2a2a")
    draw.ellipse((1970, 510, 2070, 610), fill="#3ddc84")
    draw.rounded_rectangle((1950, 930, 2090, 1090), radius=18, fill=YELLOW)
    draw.polygon([(1990, 1040), (2020, 960), (2050, 1040)], fill=DARK)  # raised arrow
    draw.rounded_rectangle((1950, 760, 2090, 860), radius=14, fill=DARK)  # loudspeaker
    draw.ellipse((1985, 785, 2035, 835), fill=GREY)
    for r in (70, 120, 170):  # sound
        draw.arc((1930 - r, 810 - r, 1930 + r, 810 + r), 150, 210, fill=NAVY, width=14)
    return _finish(image)


def draw_map() -> bytes:
    image, draw = _supersampled(1200, 750, "#eef3e2")
    draw.polygon([(0, 1140), (2400, 880), (2400, 1060), (0, 1320)], fill="#a8d5e8")  # river
    draw.rounded_rectangle((1580, 120, 2260, 560), radius=60, fill="#b7dea0")  # park
    for cx, cy in ((1700, 240), (1840, 420), (2000, 260), (2140, 440)):
        draw.ellipse((cx - 50, cy - 50, cx + 50, cy + 50), fill="#7cbf6a")
    streets = [
        ((0, 300), (2400, 300)),
        ((0, 700), (2400, 620)),
        ((300, 0), (360, 1500)),
        ((900, 0), (880, 1500)),
        ((1450, 0), (1480, 1500)),
        ((2000, 560), (2040, 1500)),
    ]
    for a, b in streets:
        draw.line((a, b), fill="white", width=70)
    # The step-free route from the bus stop and the places checked along it.
    route = [(330, 1000), (345, 685), (890, 665), (890, 300), (1460, 300), (1470, 640)]
    route += [(2020, 590), (2030, 820)]
    draw.line(route, fill=GREEN, width=30, joint="curve")
    for x, y in ((610, 675), (890, 470), (1180, 300), (1465, 470), (2025, 780)):
        draw.ellipse((x - 46, y - 46, x + 46, y + 46), fill=YELLOW, outline=DARK, width=10)
    # Bus stop: a blue square with a bus.
    draw.rounded_rectangle((230, 1000, 430, 1200), radius=28, fill="#1f5fa8")
    draw.rounded_rectangle((262, 1040, 398, 1140), radius=16, fill="white")
    draw.rectangle((280, 1058, 380, 1096), fill="#1f5fa8")
    for x in (290, 370):
        draw.ellipse((x - 16, 1128, x + 16, 1160), fill=DARK)
    return _finish(image)


def draw_videocall() -> bytes:
    image, draw = _supersampled(1200, 750, "#efe7da")
    draw.rounded_rectangle((480, 160, 1920, 1110), radius=40, fill=DARK)  # laptop lid
    draw.rectangle((540, 220, 1860, 1050), fill="#cfe3ee")  # screen
    draw.polygon([(330, 1110), (2070, 1110), (2180, 1200), (220, 1200)], fill="#8d99ae")
    draw.rounded_rectangle((1060, 1128, 1340, 1160), radius=12, fill="#6c778a")
    # The interpreter: dark clothes, both hands up, signing.
    draw.rounded_rectangle((1040, 350, 1360, 780), radius=140, fill="#3b2a20")  # long hair
    draw.rounded_rectangle((900, 700, 1500, 1050), radius=120, fill=NAVY)
    draw.rectangle((900, 900, 1500, 1050), fill=NAVY)
    draw.rectangle((1160, 620, 1240, 720), fill=SKIN)  # neck
    draw.ellipse((1080, 400, 1320, 650), fill=SKIN)  # face
    draw.chord((1074, 380, 1326, 560), 180, 360, fill="#3b2a20")  # fringe
    draw.line((960, 880, 900, 640), fill=NAVY, width=80)  # forearms
    draw.line((1440, 880, 1520, 610), fill=NAVY, width=80)
    draw.ellipse((840, 540, 960, 680), fill=SKIN)  # hands
    draw.ellipse((1460, 510, 1580, 650), fill=SKIN)
    for x in (860, 890, 920):
        draw.rounded_rectangle((x, 480, x + 24, 580), radius=12, fill=SKIN)
    draw.rounded_rectangle((1480, 470, 1580, 510), radius=20, fill=SKIN)
    # The other person, in a small window.
    draw.rectangle((1540, 760, 1820, 1010), fill=CREAM, outline="white", width=8)
    draw.rounded_rectangle((1600, 900, 1760, 1010), radius=50, fill=CORAL)
    draw.ellipse((1635, 790, 1725, 890), fill="#8d5a3b")
    # Call controls.
    for x, colour in ((1080, "#6c778a"), (1200, CORAL), (1320, "#6c778a")):
        draw.ellipse((x - 34, 1040 - 80, x + 34, 1040 - 12), fill=colour)
    return _finish(image)


def draw_pattern() -> bytes:
    image, draw = _supersampled(1200, 300, CREAM)
    colours = [TEAL, SAND, ORANGE, CORAL, NAVY]
    for i in range(16):
        x = 80 + i * 150
        y = 300 + (140 if i % 2 else -60)
        r = 90 + (i * 37) % 80
        draw.ellipse((x - r, y - r, x + r, y + r), fill=colours[i % len(colours)])
    return _finish(image)


# --- images that carry text ------------------------------------------------------------------


def draw_chart() -> bytes:
    """A bar chart of the survey in content.SURVEY, with every label and value written out."""
    width, height = 1200, 1400  # cropped to what is drawn
    image = Image.new("RGB", (width, height), CREAM)
    draw = ImageDraw.Draw(image)
    margin = 60
    y = 50
    for line in _wrap(draw, content.SURVEY["title"], font(36, bold=True), width - 2 * margin):
        draw.text((margin, y), line, font=font(36, bold=True), fill=NAVY)
        y += 48
    draw.text((margin, y + 6), content.SURVEY["subtitle"], font=font(26), fill=DARK)
    y += 80
    bar_width = width - 2 * margin - 140
    for label, count in content.SURVEY["answers"]:
        percent = content.survey_percent(count)
        draw.text((margin, y), label, font=font(28), fill=DARK)
        y += 40
        length = int(bar_width * percent / 100)
        draw.rounded_rectangle((margin, y, margin + length, y + 52), radius=8, fill=TEAL)
        draw.text((margin + length + 18, y + 8), f"{percent}%", font=font(30, bold=True), fill=NAVY)
        y += 90
    draw.line((margin, y, width - margin, y), fill=GREY, width=2)
    draw.text((margin, y + 24), content.SURVEY["source"], font=font(24), fill=DARK)
    return _png(image.crop((0, 0, width, y + 24 + 24 + 50)))


_POSTER_STYLES: dict[str, dict[str, Any]] = {
    "kicker": {"size": 30, "bold": True, "fill": SAND, "gap": 24},
    "title": {"size": 62, "bold": True, "fill": "white", "gap": 28},
    "subtitle": {"size": 36, "bold": False, "fill": "#cfe3ee", "gap": 0},
    "date": {"size": 52, "bold": True, "fill": NAVY, "gap": 24},
    "place": {"size": 38, "bold": False, "fill": NAVY, "gap": 64},
    "list": {"size": 34, "bold": False, "fill": DARK, "gap": 80},
    "note": {"size": 34, "bold": True, "fill": "white", "gap": 0},
    "contact": {"size": 30, "bold": False, "fill": DARK, "gap": 0},
}


def draw_poster() -> bytes:
    """The invitation to the meeting of 20 June 2024: content.POSTER, part by part, top to
    bottom: a navy header, the date, place and topics, a teal note, the contact at the foot."""
    width, height, margin = 1200, 1600, 80
    image = Image.new("RGB", (width, height), CREAM)
    draw = ImageDraw.Draw(image)
    parts = []
    for part in content.POSTER:
        style = _POSTER_STYLES[part["style"]]
        face = font(style["size"], bold=style["bold"])
        lines = [w for line in part["lines"] for w in _wrap(draw, line, face, width - 2 * margin)]
        parts.append((part["style"], lines, style, face))

    def text_height(lines: list[str], style: dict[str, Any]) -> int:
        return int(len(lines) * style["size"] * 1.3)

    def write(y: int, lines: list[str], style: dict[str, Any], face: Font) -> int:
        for line in lines:
            draw.text((margin, y), line, font=face, fill=style["fill"])
            y += int(style["size"] * 1.3)
        return y + style["gap"]

    header_parts = [p for p in parts if p[0] in {"kicker", "title", "subtitle"}]
    body_parts = [p for p in parts if p[0] in {"date", "place", "list", "note"}]
    (_, contact_lines, contact_style, contact_face) = next(p for p in parts if p[0] == "contact")
    header = 90 + sum(text_height(p[1], p[2]) + p[2]["gap"] for p in header_parts) + 60
    draw.rectangle((0, 0, width, header), fill=NAVY)
    draw.ellipse((width - 110, -90, width + 90, 110), fill=CORAL)
    y = 90
    for _, lines, style, face in header_parts:
        y = write(y, lines, style, face)

    footer = text_height(contact_lines, contact_style) + 120
    draw.rectangle((0, height - footer, width, height), fill="#f3e6c4")
    draw.rectangle((0, height - footer, width, height - footer + 10), fill=SAND)
    draw.ellipse((width - 200, height - 140, width + 60, height + 120), fill=TEAL)
    write(height - footer + 60, contact_lines, contact_style, contact_face)

    y = header + 90
    for name, lines, style, face in body_parts:
        if name == "note":
            band = text_height(lines, style)
            draw.rounded_rectangle(
                (margin - 30, y - 30, width - margin + 30, y + band + 26), radius=24, fill=TEAL
            )
        y = write(y, lines, style, face)
    return _png(image)


DRAWERS: dict[str, Callable[[], bytes]] = {
    "poster": draw_poster,
    "chart": draw_chart,
    "ramp": draw_ramp,
    "crossing": draw_crossing,
    "map": draw_map,
    "videocall": draw_videocall,
    "pattern": draw_pattern,
}


def draw(name: str) -> bytes:
    """The PNG bytes of the demo image ``name`` (a key of DRAWERS)."""
    return DRAWERS[name]()
