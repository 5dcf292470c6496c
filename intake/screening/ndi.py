"""The Neck Disability Index (Vernon & Mior 1991): ten sections of 0-5, raw score 0-50."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction
from typing import Any

SECTIONS = 10
MAX_SKIPPED = 2  # more skipped sections than this: no score


class NdiBand(StrEnum):
    NONE = "none"
    MILD = "mild"
    MODERATE = "moderate"
    SEVERE = "severe"
    COMPLETE = "complete"


# (lowest raw score of the band, band), read from raw 0-50.
_BANDS = (
    (35, NdiBand.COMPLETE),
    (25, NdiBand.SEVERE),
    (15, NdiBand.MODERATE),
    (5, NdiBand.MILD),
    (0, NdiBand.NONE),
)


@dataclass(frozen=True)
class NdiScore:
    raw: int  # 0-50, skipped sections pro-rated
    percent: int  # raw x 2
    band: NdiBand
    answered: int  # sections answered, 0-10

    def to_json(self) -> dict[str, object]:
        return {
            "raw": self.raw,
            "percent": self.percent,
            "band": self.band.value,
            "answered": self.answered,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> NdiScore:
        return cls(
            raw=int(data["raw"]),
            percent=int(data["percent"]),
            band=NdiBand(data["band"]),
            answered=int(data["answered"]),
        )


def band_for(raw: int) -> NdiBand:
    return next(band for lowest, band in _BANDS if raw >= lowest)


def score_ndi(sections: Sequence[int | None]) -> NdiScore | None:
    """Score ten sections (None = skipped); None when more than two are skipped."""
    if len(sections) != SECTIONS:
        raise ValueError(f"the NDI has {SECTIONS} sections, got {len(sections)}")
    answered = [value for value in sections if value is not None]
    if SECTIONS - len(answered) > MAX_SKIPPED:
        return None
    # Exact arithmetic so that x.5 always rounds up (float and round() would not).
    prorated = Fraction(sum(answered) * SECTIONS, len(answered))
    raw = math.floor(prorated + Fraction(1, 2))
    return NdiScore(raw=raw, percent=raw * 2, band=band_for(raw), answered=len(answered))
