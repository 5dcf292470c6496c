"""Colours of appointment types: the stored form ('#rrggbb' in lower case, or '' for the
default), a default palette staff with colour-blindness can tell apart (Okabe–Ito), and
the text colour that stays readable on a colour (WCAG contrast ratio of at least 4.5).

A colour never speaks alone: every card that wears one also says the type in words.
"""

from __future__ import annotations

import re
import zlib

DEFAULT = ""  # stored when the type takes its colour from the palette
# Okabe & Ito, "Color Universal Design" (2008), without black: distinct for the common
# kinds of colour-blindness.
OKABE_ITO = (
    "#e69f00",  # orange
    "#56b4e9",  # sky blue
    "#009e73",  # bluish green
    "#f0e442",  # yellow
    "#0072b2",  # blue
    "#d55e00",  # vermillion
    "#cc79a7",  # reddish purple
)
PALETTE_NAMES = ("orange", "sky blue", "bluish green", "yellow", "blue", "vermillion", "purple")
DARK_TEXT = "#000000"
LIGHT_TEXT = "#ffffff"
MIN_CONTRAST = 4.5  # WCAG 2 AA for normal text
_FORM = re.compile(r"#[0-9a-f]{6}")


def normalise(value: str) -> str:
    """'  #E69F00 ' -> '#e69f00'; '' stays '' (the default)."""
    return value.strip().lower()


def check_color(value: str, field: str = "color") -> dict[str, str]:
    """Problems with a colour as typed (already normalised or not); {} when it is fine."""
    shown = normalise(value)
    if shown == DEFAULT or _FORM.fullmatch(shown):
        return {}
    return {field: "Write the colour as # and six hex digits (like #0072b2), or choose Default."}


def is_color(value: str) -> bool:
    return _FORM.fullmatch(value) is not None


def default_for(type_code: str) -> str:
    """The palette colour a type without its own colour wears (stable for its code)."""
    return OKABE_ITO[zlib.crc32(type_code.encode("utf-8")) % len(OKABE_ITO)]


def shown_color(type_code: str, stored: str) -> str:
    """The colour a card of this type is painted with."""
    return stored if is_color(stored) else default_for(type_code)


def channels(color: str) -> tuple[int, int, int]:
    if not is_color(color):
        raise ValueError(f"not a #rrggbb colour: {color!r}")
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


def relative_luminance(color: str) -> float:
    """WCAG 2 relative luminance of an sRGB colour (0 black .. 1 white)."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in channels(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio, 1 (none) .. 21 (black on white)."""
    a, b = relative_luminance(first), relative_luminance(second)
    light, dark = max(a, b), min(a, b)
    return (light + 0.05) / (dark + 0.05)


def text_color_for(background: str) -> str:
    """Black or white, whichever reads better on `background` (always at least 4.5:1)."""
    dark = contrast_ratio(background, DARK_TEXT)
    light = contrast_ratio(background, LIGHT_TEXT)
    return DARK_TEXT if dark >= light else LIGHT_TEXT


def blend(color: str, over: str = "#ffffff", share: float = 0.3) -> str:
    """`share` of `color` laid over `over` (a card's light wash of its type colour)."""
    mixed = (
        round(c * share + o * (1 - share))
        for c, o in zip(channels(color), channels(over), strict=True)
    )
    return "#" + "".join(f"{c:02x}" for c in mixed)
