"""Clinic Intake: front-desk intake, screening and scheduling for a physical-therapy practice."""

from __future__ import annotations

__version__ = "0.1.0"
